"""Several documents, one summary: summarize_documents against summarising the concatenation.

Usage::

    PYTHONPATH=. python benchmarks/multidoc.py DEV/bbc_dev.jsonl DEV/cnndm_dev.jsonl --half odd
    PYTHONPATH=. python benchmarks/multidoc.py DEV/bbc_dev.jsonl DEV/cnndm_dev.jsonl --half even

No development file holds clusters of documents on one story, so clusters are built
from each file: documents (of the same ``category``, when records have one) are
grouped greedily by the cosine of their tf-idf vectors (terms from summarize's own
analyzer): taking the documents in file order, each one not yet in a cluster is
joined by its two most similar documents not yet in a cluster, if both have a cosine
of at least ``--min-cosine`` (default 0.2) with it. The clusters are numbered from
1 in the order they are built; ``--half odd`` keeps clusters 1, 3, 5, ... and
``--half even`` clusters 2, 4, 6, ..., so that choices are made on one half and
reported on the other (default: all of them). Each cluster of three is summarised
in ``--sentences`` sentences (default 6) by

- ``concatenation``: ``summarize.summarize`` of the three texts joined by blank
  lines, with the default settings;
- ``summarize_documents, ranker="lead"``: the round-robin of leads (each
  document's first sentence in turn, then each one's second...), with the default
  redundancy control;
- ``summarize_documents, diversity=0, redundancy=None``: no redundancy control
  (one graph over the documents, positions within each document);
- ``summarize_documents, diversity=0.1``: maximal marginal relevance on top of
  the redundancy threshold;
- ``summarize_documents (defaults)``.

Reported, averaged over clusters: the near-duplicate pairs in a summary (pairs of
chosen sentences whose term-set cosine is above 0.5; the same cosine the threshold
uses), the mean of each summary's largest pairwise cosine, how many documents the
summary draws on, how many of the documents' opening sentences it holds, the mean
length of its sentences in words, and ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1
(rouge-score, stemmed, x100) against the cluster's reference: the three documents'
reference summaries, one sentence per line. Then, for each file, the paired
difference of the defaults and the concatenation per cluster, with a bootstrap
interval. Nothing of the datasets is written anywhere.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

import summarize
from summarize.terms import analyzer

CLUSTER_SIZE = 3
NEAR_DUPLICATE = 0.5
RESAMPLES = 2000


def tfidf_unit(texts: Sequence[str]) -> list[dict[str, float]]:
    """Each text's tf-idf vector, normalised, as a dict from term to weight."""
    analyze = analyzer("english")
    counts = [Counter(analyze(text)) for text in texts]
    df = Counter(term for count in counts for term in count)
    n = len(texts)
    vectors = []
    for count in counts:
        vector = {term: tf * math.log(n / df[term]) for term, tf in count.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({term: w / norm for term, w in vector.items()})
    return vectors


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def clusters(records: list[dict[str, str]], min_cosine: float) -> list[list[int]]:
    """Greedy clusters of three similar records (of one category when records have one)."""
    vectors = tfidf_unit([record["text"] for record in records])
    taken: set[int] = set()
    found: list[list[int]] = []
    for seed in range(len(records)):
        if seed in taken:
            continue
        category = records[seed].get("category")
        near = sorted(
            (
                (dot(vectors[seed], vectors[other]), other)
                for other in range(len(records))
                if other != seed and other not in taken and records[other].get("category") == category
            ),
            reverse=True,
        )[: CLUSTER_SIZE - 1]
        if len(near) == CLUSTER_SIZE - 1 and all(score >= min_cosine for score, _ in near):
            group = [seed, *(other for _, other in near)]
            taken.update(group)
            found.append(group)
    return found


def pair_cosines(texts: Sequence[str]) -> list[float]:
    """Term-set cosine of every pair of sentences."""
    analyze = analyzer("english")
    sets = [set(analyze(text)) for text in texts]
    return [len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0 for a, b in itertools.combinations(sets, 2)]


#: A chosen sentence: its document (number or id), whether it opens that document, its text.
Chosen = tuple[int | str, bool, str]


def concatenation(texts: Sequence[str], sentences: int, ranker: str) -> list[Chosen]:
    """The summary of the texts joined by blank lines, each sentence with the text it is from."""
    starts = list(itertools.accumulate((len(text) + 2 for text in texts), initial=0))
    openings = {
        start + first.start
        for start, text in zip(starts[:-1], texts, strict=True)
        for first in summarize.split_sentences(text)[:1]
    }
    summary = summarize.summarize("\n\n".join(texts), sentences=sentences, ranker=ranker)
    return [
        (next(k for k, end in enumerate(starts[1:]) if s.start < end), s.start in openings, s.text) for s in summary
    ]


def documents(texts: Sequence[str], sentences: int, **options: object) -> list[Chosen]:
    """summarize_documents with these options."""
    summary = summarize.summarize_documents(texts, sentences=sentences, **options)  # type: ignore[arg-type]
    chosen: list[Chosen] = []
    for s in summary:
        if s.document is None:
            raise ValueError(f"summarize_documents gave sentence {s.index} without its document")
        chosen.append((s.document, s.index == 0, s.text))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="+", type=Path)
    parser.add_argument("--sentences", type=int, default=6)
    parser.add_argument("--min-cosine", type=float, default=0.2)
    parser.add_argument("--half", choices=("odd", "even"), help="only the odd- or even-numbered clusters")
    parser.add_argument(
        "--ranker",
        choices=summarize.RANKERS,
        default=summarize.DEFAULT_RANKER,
        help="the ranker of the concatenation and of summarize_documents (but the round-robin of leads)",
    )
    args = parser.parse_args()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    given = "defaults" if args.ranker == summarize.DEFAULT_RANKER else f'`ranker="{args.ranker}"`'
    also = "" if args.ranker == summarize.DEFAULT_RANKER else f', `ranker="{args.ranker}"`'
    systems: dict[str, Callable[[Sequence[str]], list[Chosen]]] = {
        f"concatenation (`summarize`, {given})": lambda texts: concatenation(texts, args.sentences, args.ranker),
        '`summarize_documents`, `ranker="lead"`': lambda texts: documents(texts, args.sentences, ranker="lead"),
        f"`summarize_documents`{also}, `diversity=0, redundancy=None`": lambda texts: documents(
            texts, args.sentences, ranker=args.ranker, diversity=0.0, redundancy=None
        ),
        f"`summarize_documents`{also}, `diversity=0.1`": lambda texts: documents(
            texts, args.sentences, ranker=args.ranker, diversity=0.1
        ),
        f"`summarize_documents` ({given})": lambda texts: documents(texts, args.sentences, ranker=args.ranker),
    }
    print(
        "| file | half | clusters | system | near-duplicate pairs | largest cosine | documents | openings | "
        "words per sentence | R1 / R2 / RLsum |\n|---|---|---:|---|---:|---:|---:|---:|---:|---|"
    )
    baseline, ours = next(iter(systems)), list(systems)[-1]
    paired: list[str] = []
    for path in args.datasets:
        with path.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        groups = [
            group
            for number, group in enumerate(clusters(records, args.min_cosine), start=1)
            if args.half is None or (number % 2 == 1) == (args.half == "odd")
        ]
        rouge: dict[str, list[list[float]]] = {}
        for name, system in systems.items():
            duplicates: list[int] = []
            largest: list[float] = []
            used: list[int] = []
            openings: list[int] = []
            words: list[int] = []
            r1: list[float] = []
            r2: list[float] = []
            rl: list[float] = []
            rouge[name] = [r1, r2, rl]
            for group in groups:
                chosen = system([records[k]["text"] for k in group])
                cosines = pair_cosines([text for *_, text in chosen])
                duplicates.append(sum(c > NEAR_DUPLICATE for c in cosines))
                largest.append(max(cosines, default=0.0))
                used.append(len({number for number, *_ in chosen}))
                openings.append(sum(opening for _, opening, _ in chosen))
                words.extend(len(text.split()) for *_, text in chosen)
                reference = "\n".join(records[k]["summary"] for k in group)
                score = scorer.score(reference, "\n".join(text for *_, text in chosen))
                r1.append(score["rouge1"].fmeasure)
                r2.append(score["rouge2"].fmeasure)
                rl.append(score["rougeLsum"].fmeasure)
            print(
                f"| {path.name} | {args.half or 'both'} | {len(groups)} | {name} | "
                f"{statistics.mean(duplicates):.2f} | {statistics.mean(largest):.3f} | "
                f"{statistics.mean(used):.2f} | {statistics.mean(openings):.2f} | {statistics.mean(words):.1f} | "
                f"{100 * statistics.mean(r1):.2f} / {100 * statistics.mean(r2):.2f} / "
                f"{100 * statistics.mean(rl):.2f} |",
                flush=True,
            )
        paired.append(
            f"{path.name}: "
            + "; ".join(
                difference(metric, rouge[ours][k], rouge[baseline][k]) for k, metric in enumerate(("R1", "R2", "RLsum"))
            )
        )
    print(
        f"\nPer cluster, {ours} minus {baseline}: the mean difference, its 95% bootstrap "
        f"interval ({RESAMPLES} resamples of the clusters, seed 0), and the clusters where it is above / below 0."
    )
    print("\n".join(paired))


def difference(metric: str, ours: Sequence[float], theirs: Sequence[float]) -> str:
    """The mean of paired differences (x100), its bootstrap interval, and the wins and losses."""
    differences = 100 * (np.array(ours) - np.array(theirs))
    rng = np.random.default_rng(0)
    means = differences[rng.integers(0, len(differences), (RESAMPLES, len(differences)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    wins, losses = int((differences > 0).sum()), int((differences < 0).sum())
    return f"{metric} {differences.mean():+.2f} [{low:+.2f}, {high:+.2f}] {wins}/{losses}"


if __name__ == "__main__":
    main()
