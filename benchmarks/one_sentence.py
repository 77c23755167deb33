"""How much lead direction and length weight short summaries want: a grid over the two strengths.

Usage::

    python benchmarks/one_sentence.py DATA_DIR
    python benchmarks/one_sentence.py DATA_DIR --settings "cnndm_dev, 1 sentence"

``DATA_DIR`` holds the development files described in ``../shared/data/README.md``
(not part of the repository). The default ranker scores a sentence by PageRank over
the cosine graph oriented towards earlier sentences with a *direction* strength,
then weighs it by its length and quotation marks with a *weight* strength (see
:func:`summarize.rankers.score_sentences`); both equal the position strength for
summaries of three sentences or more. This script holds the two strengths at fixed
values, for every text whatever its length or the summary's share (so it differs
from the ranker on texts of more than 60 sentences), and prints, for each setting, a
table of ROUGE-1 F1 (x100, stemmed, as ``summarize evaluate`` scores it) for every
pair, on the odd half of the file (where the rule was chosen) and the even half
(where it is reported), with LEAD's for comparison.

The settings are those of ``benchmarks/rankers.py`` with summaries of one, two and
three sentences: news against its highlights, and the lead-removed construction
(``--drop-lead``) against the removed first sentence.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np
from rouge_score.rouge_scorer import RougeScorer

from summarize.evaluation import HALVES, lead_removed, read_dataset
from summarize.graph import orient
from summarize.rankers import weigh
from summarize.ranking import pagerank
from summarize.selection import candidates
from summarize.sentences import split_sentences
from summarize.similarity import SIMILARITIES, term_matrix
from summarize.terms import analyzer

#: (label, file, sentences, drop_lead)
SETTINGS: list[tuple[str, str, int, bool]] = [
    ("cnndm_dev, 1 sentence", "cnndm_dev.jsonl", 1, False),
    ("cnndm_extra_dev, 1 sentence", "cnndm_extra_dev.jsonl", 1, False),
    ("bbc_dev lead removed, 1 sentence", "bbc_dev.jsonl", 1, True),
    ("cnndm_extra_dev lead removed, 1 sentence", "cnndm_extra_dev.jsonl", 1, True),
    ("cnndm_dev lead removed, 1 sentence", "cnndm_dev.jsonl", 1, True),
    ("bbc_dev lead removed, 2 sentences", "bbc_dev.jsonl", 2, True),
    ("cnndm_dev, 2 sentences", "cnndm_dev.jsonl", 2, False),
    ("cnndm_extra_dev, 2 sentences", "cnndm_extra_dev.jsonl", 2, False),
    ("cnndm_dev, 3 sentences", "cnndm_dev.jsonl", 3, False),
    ("cnndm_extra_dev, 3 sentences", "cnndm_extra_dev.jsonl", 3, False),
]
DIRECTIONS = (0.0, 0.25, 0.5, 0.75, 1.0)
WEIGHTS = (0.0, 0.5, 1.0)


def grid(path: Path, sentences: int, drop_lead: bool, half: str) -> tuple[dict[tuple[float, float], float], float]:
    """Mean ROUGE-1 of every (direction, weight) pair, and of LEAD, on one half of a file."""
    scorer = RougeScorer(["rouge1"], use_stemmer=True)
    terms_of = analyzer("english")
    totals = dict.fromkeys(itertools.product(DIRECTIONS, WEIGHTS), 0.0)
    lead = 0.0
    documents = 0
    for original in read_dataset(path, half=half):
        record = lead_removed(original) if drop_lead else original
        if record is None:
            continue
        body = [sentence.text for sentence in candidates(split_sentences(record["text"]))]
        if not body:
            continue
        documents += 1
        similarity = SIMILARITIES["cosine"](term_matrix([terms_of(text) for text in body], sparse=False))
        for direction in DIRECTIONS:
            graph = orient(similarity, 1 - direction) if direction > 0 else similarity
            scores = pagerank(graph, alpha=0.85)
            for weight in WEIGHTS:
                weighed = weigh(scores, body, weight) if weight > 0 else scores
                chosen = sorted(np.argsort(-weighed, kind="stable")[:sentences].tolist())
                summary = "\n".join(body[index] for index in chosen)
                totals[direction, weight] += scorer.score(record["summary"], summary)["rouge1"].fmeasure
        lead += scorer.score(record["summary"], "\n".join(body[:sentences]))["rouge1"].fmeasure
    scale = 100 / max(documents, 1)
    return {pair: total * scale for pair, total in totals.items()}, lead * scale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the folder of the development files")
    parser.add_argument("--settings", action="append", help="a setting's label (repeatable; default: all)")
    args = parser.parse_args(argv)
    chosen = [setting for setting in SETTINGS if not args.settings or setting[0] in args.settings]
    if not chosen:
        parser.error(f"--settings: one of {', '.join(label for label, *_ in SETTINGS)}")
    for label, name, sentences, drop in chosen:
        halves = {half: grid(args.data / name, sentences, drop, half) for half in HALVES}
        print(f"**{label}** (ROUGE-1, odd / even half)\n")
        print("| direction | " + " | ".join(f"weight {weight:g}" for weight in WEIGHTS) + " |")
        print("|---:|" + "---|" * len(WEIGHTS))
        for direction in DIRECTIONS:
            cells = [" / ".join(f"{halves[half][0][direction, weight]:.2f}" for half in HALVES) for weight in WEIGHTS]
            print(f"| {direction:g} | " + " | ".join(cells) + " |")
        print(f"\nLEAD: {' / '.join(f'{halves[half][1]:.2f}' for half in HALVES)}\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
