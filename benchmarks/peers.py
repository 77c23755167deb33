"""ROUGE of the peer libraries on a development file, as ``summarize evaluate`` scores summarize.

Usage::

    python benchmarks/peers.py DEV/bbc_dev.jsonl -n 1 --drop-lead
    python benchmarks/peers.py DEV/cnndm_dev.jsonl -n 3 --half even
    python benchmarks/peers.py DEV/pubmed_dev.jsonl                 # as long as each reference

Scores summa 1.2 (``pip install summa``) and lexrank 0.1 (``pip install lexrank``),
whichever are installed, with the scorer of ``summarize evaluate`` (rouge-score,
ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1, stemmed, x100, one sentence per line), on the
same records and constructions (``--half``, ``--drop-lead``: the text without its
first sentence, scored against that sentence), and prints summarize's default and
LEAD beside them from :func:`summarize.evaluation.evaluate`.

- **summa**: ``summa.summarizer.summarize(text, ratio=1.0, scores=True)`` scores
  every sentence as summa splits them; the best ``n`` are taken, in text order.
- **lexrank**: ``LexRank`` built on every text of the file (its IDF over the
  file's documents, as the package's README does), stop words its own English
  list, ``get_summary(sentences, summary_size=n, threshold=0.1)`` on the sentences
  as summarize splits them.

A library that fails on a text (summa on a text of one sentence) counts as an empty
summary there; one that is not installed is named on standard error, and its row
left out. Nothing of the dataset is written anywhere.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

from rouge_score.rouge_scorer import RougeScorer

from summarize.evaluation import REFERENCE, evaluate, lead_removed, read_dataset
from summarize.sentences import split_sentences

MEASURES = ("rouge1", "rouge2", "rougeLsum")


def summa_summary(text: str, n: int) -> list[str]:
    from summa import summarizer

    scored = summarizer.summarize(text, ratio=1.0, scores=True)
    best = sorted(range(len(scored)), key=lambda index: -float(scored[index][1]))[:n]
    return [str(scored[index][0]) for index in sorted(best)]


def lexrank_summarizer(texts: list[str]) -> Callable[[str, int], list[str]]:
    from lexrank import STOPWORDS, LexRank

    documents = [[sentence.text for sentence in split_sentences(text)] for text in texts]
    ranker = LexRank(documents, stopwords=STOPWORDS["en"])

    def summary(text: str, n: int) -> list[str]:
        sentences = [sentence.text for sentence in split_sentences(text)]
        return [str(sentence) for sentence in ranker.get_summary(sentences, summary_size=n, threshold=0.1)]

    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path, help="a JSON Lines file with 'text' and 'summary' fields")
    parser.add_argument("-n", "--sentences", type=int, help="summary length in sentences (default: the reference's)")
    parser.add_argument("--half", choices=("odd", "even"), help="only the odd- or even-numbered records")
    parser.add_argument("--drop-lead", action="store_true", help="the lead-removed construction")
    args = parser.parse_args(argv)

    records = []
    for original in read_dataset(args.dataset, half=args.half):
        record = lead_removed(original) if args.drop_lead else original
        if record is not None:
            records.append(record)
    systems: dict[str, Callable[[str, int], list[str]]] = {}
    if importlib.util.find_spec("summa") is not None:
        systems["summa 1.2"] = summa_summary
    else:
        print("summa is not installed (pip install summa): its row is left out", file=sys.stderr)
    if importlib.util.find_spec("lexrank") is not None:
        systems["lexrank 0.1"] = lexrank_summarizer([record["text"] for record in records])
    else:
        print("lexrank is not installed (pip install lexrank): its row is left out", file=sys.stderr)
    scorer = RougeScorer(list(MEASURES), use_stemmer=True)
    print(
        f"{args.dataset.name}, {len(records)} documents, "
        + ("the reference's length" if args.sentences is None else f"{args.sentences} sentences")
        + (", lead removed" if args.drop_lead else "")
        + (f", {args.half} half" if args.half else "")
    )
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | empty |")
    print("|---|---:|---:|---:|---:|")
    budget = REFERENCE if args.sentences is None else args.sentences
    for row in evaluate(records, rankers=["adaptive", "lead"], sentences=budget):
        print(f"| summarize {row.ranker} | {row.rouge1:.2f} | {row.rouge2:.2f} | {row.rouge_lsum:.2f} | {row.empty} |")
    for name, summarise in systems.items():
        totals = [0.0, 0.0, 0.0]
        empty = 0
        for record in records:
            reference = [line.strip() for line in record["summary"].splitlines() if line.strip()]
            try:
                chosen = summarise(record["text"], args.sentences or len(reference))
            except Exception:  # a peer that fails on a text gives an empty summary there
                chosen = []
            empty += not chosen
            scores = scorer.score("\n".join(reference), "\n".join(" ".join(sentence.split()) for sentence in chosen))
            for position, measure in enumerate(MEASURES):
                totals[position] += scores[measure].fmeasure
        mean = [100 * total / max(len(records), 1) for total in totals]
        print(f"| {name} | {mean[0]:.2f} | {mean[1]:.2f} | {mean[2]:.2f} | {empty} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
