"""Focused summaries on two articles mixed into one text.

Usage::

    python benchmarks/focus.py DEV/cnndm_dev.jsonl DEV/bbc_dev.jsonl --half even
    python benchmarks/focus.py DEV/cnndm_dev.jsonl --weights 0.5,0.7,0.9,1.0 --half odd

Each article A of a file (of the chosen half: line numbers even or odd, counting
from 1) is paired with an unrelated one, B (the article half a file away), and the
two are mixed into one text, their paragraphs taken in turns (an article without
paragraph breaks is cut into paragraphs of two sentences). A's paragraphs come first
for every other pair of the half and B's for the others, so that neither gains from
the opening's place. The mixed text is
summarised in 3 sentences with a focus on A, taken two ways:

- ``reference``: the first sentence of A's reference summary;
- ``keywords``: A's 5 best keywords (``summarize.keywords``), joined.

Reported for each way and focus weight, and for the unfocused summary of the mixed
text: the share of the chosen sentences that come from A, and ROUGE-1 / ROUGE-2 F1
(rouge-score, stemmed, x100) against A's reference; and, for comparison, the same
ROUGE of A summarised alone. Nothing of the dataset is written anywhere.

With ``--documents``, A and B are not mixed: they are two documents of one
``summarize.summarize_documents`` call (A first for every other pair, as above),
and the share is that of the chosen sentences whose document is A.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from rouge_score import rouge_scorer

import summarize
from summarize.focus import DEFAULT_FOCUS_WEIGHT

SENTENCES = 3


def paragraphs(text: str) -> list[str]:
    """The article's paragraphs; one without blank lines is cut into paragraphs of two sentences."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    if len(blocks) > 1:
        return blocks
    sentences = [s.text for s in summarize.split_sentences(text) if not s.fragment]
    return [" ".join(sentences[k : k + 2]) for k in range(0, len(sentences), 2)]


def mix(ours: str, theirs: str, *, ours_first: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """The two articles' paragraphs in turns, and the character ranges that come from ``ours``."""
    sources = [(paragraphs(ours), True), (paragraphs(theirs), False)]
    if not ours_first:
        sources.reverse()
    pieces: list[str] = []
    ranges: list[tuple[int, int]] = []
    position = 0
    for k in range(max(len(source) for source, _ in sources)):
        for source, own in sources:
            if k < len(source):
                if own:
                    ranges.append((position, position + len(source[k])))
                pieces.append(source[k])
                position += len(source[k]) + 2
    return "\n\n".join(pieces), ranges


def from_first(sentence: summarize.ScoredSentence, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= sentence.start < end for start, end in ranges)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+", type=Path, help="JSON Lines files with 'text' and 'summary'")
    parser.add_argument("--half", choices=("even", "odd", "all"), default="all", help="which lines (default all)")
    parser.add_argument("--weights", default=f"{DEFAULT_FOCUS_WEIGHT:g}", help="focus weights, comma-separated")
    parser.add_argument("--ranker", default=summarize.DEFAULT_RANKER, help="the ranker (default: the default)")
    parser.add_argument("--documents", action="store_true", help="A and B as two documents, not one mixed text")
    args = parser.parse_args()
    weights = [float(weight) for weight in args.weights.split(",")]
    ranker: str = args.ranker
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)

    def rouge(summary: summarize.Summary | summarize.MultiSummary, reference: str) -> tuple[float, float]:
        scores = scorer.score(reference, "\n".join(" ".join(s.text.split()) for s in summary))
        return 100 * scores["rouge1"].fmeasure, 100 * scores["rouge2"].fmeasure

    shape = "two documents" if args.documents else "one mixed text"
    print(f"ranker {args.ranker}, {SENTENCES} sentences, half {args.half}, {shape}")
    print("| file | focus | weight | share from A | R-1 | R-2 | A alone R-1 | A alone R-2 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for dataset in args.datasets:
        records = [json.loads(line) for line in dataset.open(encoding="utf-8") if line.strip()]
        chosen = [
            (number, record)
            for number, record in enumerate(records, start=1)
            if args.half == "all" or (number % 2 == 0) == (args.half == "even")
        ]
        results: dict[tuple[str, float], list[tuple[float, float, float]]] = {}
        alone: list[tuple[float, float]] = []
        for number, record in chosen:
            other = records[(number - 1 + len(records) // 2) % len(records)]
            text, ranges = mix(record["text"], other["text"], ours_first=(number // 2) % 2 == 0)
            reference = record["summary"]
            alone.append(rouge(summarize.summarize(record["text"], sentences=SENTENCES, ranker=ranker), reference))
            focuses: dict[str, str | None] = {
                "none": None,
                "reference": reference.splitlines()[0],
                "keywords": " ".join(k.text for k in summarize.keywords(record["text"], top=5)),
            }
            for way, focus in focuses.items():
                for weight in weights if focus is not None else [0.0]:
                    focus_weight = weight or DEFAULT_FOCUS_WEIGHT
                    if args.documents:
                        order = 1 if (number // 2) % 2 == 0 else -1  # A first for every other pair of the half
                        pair = [record["text"], other["text"]][::order]
                        ids = ["A", "B"][::order]
                        summary: summarize.Summary | summarize.MultiSummary
                        summary = summarize.summarize_documents(
                            pair, ids=ids, sentences=SENTENCES, ranker=ranker, focus=focus, focus_weight=focus_weight
                        )
                        share = sum(s.document == "A" for s in summary) / max(len(summary), 1)
                    else:
                        summary = summarize.summarize(
                            text, sentences=SENTENCES, ranker=ranker, focus=focus, focus_weight=focus_weight
                        )
                        share = sum(from_first(s, ranges) for s in summary) / max(len(summary), 1)
                    results.setdefault((way, weight), []).append((share, *rouge(summary, reference)))
        alone_r1 = statistics.mean(r[0] for r in alone)
        alone_r2 = statistics.mean(r[1] for r in alone)
        for (way, weight), rows in results.items():
            share = 100 * statistics.mean(r[0] for r in rows)
            r1 = statistics.mean(r[1] for r in rows)
            r2 = statistics.mean(r[2] for r in rows)
            shown = "-" if way == "none" else f"{weight:g}"
            print(
                f"| {dataset.stem} ({len(chosen)}) | {way} | {shown} | {share:.1f}% | {r1:.2f} | {r2:.2f} "
                f"| {alone_r1:.2f} | {alone_r2:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
