"""Do the sparse and dense graph paths give the same summaries of ordinary articles?

Usage::

    python benchmarks/sparse_vs_dense.py ../shared/data/cnndm_dev.jsonl -n 3
    python benchmarks/sparse_vs_dense.py ../shared/data/bbc_dev.jsonl

Summarises every document of a JSON Lines dataset (``text``, ``summary``) twice with
the default ranker, once forcing the dense path (``sparse=False``) and once the
sparse one (``sparse=True``, the path texts of more than 1,000 sentences take), and
reports how many summaries differ and the ROUGE of both (needs ``rouge-score``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from summarize import Summarizer
from summarize.evaluation import read_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("-n", "--sentences", type=int, help="summary length (default: the reference's)")
    args = parser.parse_args(argv)

    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"dense": [0.0, 0.0, 0.0], "sparse": [0.0, 0.0, 0.0]}
    documents = differing = 0
    for record in read_dataset(args.dataset):
        reference = [line for line in record["summary"].splitlines() if line.strip()]
        length = args.sentences or max(1, len(reference))
        chosen = {}
        for path, sparse in (("dense", False), ("sparse", True)):
            summary = Summarizer(sentences=length, sparse=sparse)(record["text"])
            chosen[path] = [s.index for s in summary]
            scores = scorer.score("\n".join(reference), "\n".join(" ".join(s.text.split()) for s in summary))
            for position, measure in enumerate(("rouge1", "rouge2", "rougeLsum")):
                totals[path][position] += 100 * scores[measure].fmeasure
        documents += 1
        differing += chosen["dense"] != chosen["sparse"]
    print(f"{args.dataset.name}: {documents} documents, {differing} summaries differ between the paths")
    for path, total in totals.items():
        r1, r2, rl = (value / documents for value in total)
        print(f"  {path:<6} ROUGE-1 {r1:.2f}  ROUGE-2 {r2:.2f}  ROUGE-Lsum {rl:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
