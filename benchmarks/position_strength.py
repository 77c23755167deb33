"""How the default's position strength was chosen: variants of it on every development setting.

Usage::

    python benchmarks/position_strength.py DATA_DIR --json position.json

Scores, on the settings and halves of ``benchmarks/rankers.py`` (odd-numbered
records to choose on, even-numbered to report), variants of the default ranker
that differ only in their position strength :math:`\\pi` (see
:func:`summarize.rankers.score_sentences`) and their teleport prior: the share ramp
alone (the default before issue #12), the share ramp times a ramp on the text's
number of candidate sentences with several end points (the default is full to 60
and none from 120), with and without the soft preference for the opening of long
texts (:func:`summarize.rankers.opening_prior`, which follows the same end
points), and constant strengths from 0 (undirected cosine centrality) to 1 (the
graph directed towards the lead, long and quoted sentences weighed down, whatever
the text and summary). LEAD and TextRank are there for reference.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt
from rankers import SETTINGS, Results, compare  # benchmarks/rankers.py

from summarize.evaluation import HALVES, evaluate, read_dataset
from summarize.rankers import (
    FULL_POSITION_SHARE,
    NO_POSITION_SHARE,
    OPENING_EXPONENT,
    Ranker,
    adaptive_position,
    opening_prior,
)


def _ramp(value: float, full: float, none: float) -> float:
    return min(1.0, max(0.0, (none - value) / (none - full)))


def _by_share(share: float, _sentences: int) -> float:
    return _ramp(share, FULL_POSITION_SHARE, NO_POSITION_SHARE)


def _by_share_and_length(full: int, none: int) -> Ranker:
    def strength(share: float, sentences: int) -> float:
        return _by_share(share, sentences) * _ramp(sentences, full, none)

    def prior(n: int) -> npt.NDArray[np.float64]:
        return np.arange(1, n + 1, dtype=np.float64) ** -(OPENING_EXPONENT * (1 - _ramp(n, full, none)))

    name = f"share x length {full}-{none}, opening prior"
    return Ranker(name=name, description="", similarity="cosine", prior=prior, position=strength)


def _constant(value: float) -> Ranker:
    return Ranker(name=f"constant {value}", description="", similarity="cosine", position=lambda _s, _n: value)


VARIANTS: list[str | Ranker] = [
    "lead",
    "textrank",
    Ranker(name="share only (before)", description="", similarity="cosine", position=_by_share),
    Ranker(name="share x length 60-120, no prior", description="", similarity="cosine", position=adaptive_position),
    Ranker(
        name="share x length 60-120, opening prior (default)",
        description="",
        similarity="cosine",
        prior=opening_prior,
        position=adaptive_position,
    ),
    _by_share_and_length(40, 80),
    _by_share_and_length(50, 100),
    _by_share_and_length(80, 160),
    *(_constant(value) for value in (0.0, 0.25, 0.5, 1.0)),
]


def measure(data: Path) -> Results:
    results: Results = {}
    for label, name, sentences, drop in SETTINGS:
        results[label] = {}
        for half in HALVES:
            rows = evaluate(read_dataset(data / name, half=half), rankers=VARIANTS, sentences=sentences, drop_lead=drop)
            results[label][half] = {row.ranker: [row.rouge1, row.rouge2, row.rouge_lsum, row.documents] for row in rows}
            print(f"{label}, {half} half", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder of the development files")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    results = measure(args.data)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(compare({}, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
