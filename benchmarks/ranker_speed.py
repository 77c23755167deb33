"""Paired timing of the ranking step alone: the first default (issue #12's "before") against the default.

Usage::

    python benchmarks/ranker_speed.py DATASET.jsonl [--rounds 40]

The articles are split and their term matrices built once; then
:func:`summarize.rankers.score_sentences` scores every article with a 3-sentence
budget, once with the first default rebuilt as a :class:`~summarize.rankers.Ranker`
(cosine graph, position strength by the summary's share alone, uniform teleport)
and once with the default, the two alternating in one process so that both see the
machine in the same state. Prints the median and best ms per article of each, and the
median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from summarize.matrices import TermMatrix
from summarize.rankers import FULL_POSITION_SHARE, NO_POSITION_SHARE, RANKERS, Ranker, score_sentences
from summarize.selection import candidates
from summarize.sentences import split_sentences
from summarize.similarity import term_matrix
from summarize.terms import analyzer


def _first_default_strength(share: float, _sentences: int) -> float:
    strength = (NO_POSITION_SHARE - share) / (NO_POSITION_SHARE - FULL_POSITION_SHARE)
    return round(min(1.0, max(0.0, strength)), 12)


FIRST_DEFAULT = Ranker(name="first default", description="", similarity="cosine", position=_first_default_strength)


def _pass(ranker: Ranker, articles: list[tuple[list[str], TermMatrix]]) -> float:
    started = time.perf_counter()
    for texts, counts in articles:
        score_sentences(ranker, texts, counts, share=min(1.0, 3 / len(texts)))
    return (time.perf_counter() - started) / len(articles) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="JSON Lines file with a 'text' field")
    parser.add_argument("--rounds", type=int, default=40, help="alternations (default 40)")
    args = parser.parse_args(argv)
    analyze = analyzer("english")
    articles = []
    for line in args.dataset.open(encoding="utf-8"):
        if line.strip():
            texts = [sentence.text for sentence in candidates(split_sentences(json.loads(line)["text"]))]
            if texts:
                articles.append((texts, term_matrix([analyze(text) for text in texts])))
    rankers = {"first default": FIRST_DEFAULT, "default": RANKERS["adaptive"]}
    for ranker in rankers.values():
        _pass(ranker, articles)  # warm-up
    times: dict[str, list[float]] = {name: [] for name in rankers}
    for round_ in range(args.rounds):
        order = list(rankers) if round_ % 2 else list(reversed(rankers))
        for name in order:
            times[name].append(_pass(rankers[name], articles))
    for name, runs in times.items():
        print(f"{name}: median {statistics.median(runs):.3f} ms per article, best {min(runs):.3f}")
    ratios = [new / old for old, new in zip(times["first default"], times["default"], strict=True)]
    print(f"default / first default, median of the paired ratios: {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
