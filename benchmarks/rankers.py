"""Every ranker on every development file, on both halves: the quality table of benchmarks/README.md.

Usage::

    python benchmarks/rankers.py DATA_DIR --json after.json
    python benchmarks/rankers.py DATA_DIR --json before.json   # run from the older commit
    python benchmarks/rankers.py --compare before.json after.json

``DATA_DIR`` holds the development files described in ``../shared/data/README.md``
(they are not part of the repository). Each setting below is scored with
:func:`summarize.evaluation.evaluate`, the code of ``summarize evaluate``, on the
odd-numbered records of its file (the half settings are chosen on) and on the
even-numbered ones (the half they are reported on), for every ranker:

=================  ====================  ====================================
file               summary length        construction
=================  ====================  ====================================
cnndm_dev          3 sentences           as is
cnndm_extra_dev    3 sentences           as is
bbc_dev            as the reference      as is
pubmed_dev         as the reference      as is
bbc_dev            1 sentence            lead removed (``--drop-lead``)
cnndm_extra_dev    1 sentence            lead removed (``--drop-lead``)
cnndm_dev          1 sentence            lead removed (``--drop-lead``)
cnndm_dev          1 sentence            as is
cnndm_extra_dev    1 sentence            as is
cnndm_dev          2 sentences           as is
cnndm_extra_dev    2 sentences           as is
=================  ====================  ====================================

The same figures, one half of one file at a time:
``python -m summarize evaluate DATA_DIR/cnndm_dev.jsonl -n 3 --half odd``.
With ``--compare``, prints each setting's table with the figures of two runs side
by side (ROUGE-1 / ROUGE-2 / ROUGE-Lsum), the second run's change, and each
ranker's rank and difference from LEAD in the second run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from summarize.evaluation import HALVES, REFERENCE, evaluate, read_dataset
from summarize.rankers import RANKERS

#: {setting: {half: {ranker: [ROUGE-1, ROUGE-2, ROUGE-Lsum, documents]}}}
Results = dict[str, dict[str, dict[str, list[float]]]]

#: (label, file, sentences, drop_lead)
SETTINGS: list[tuple[str, str, int | str, bool]] = [
    ("cnndm_dev, 3 sentences", "cnndm_dev.jsonl", 3, False),
    ("cnndm_extra_dev, 3 sentences", "cnndm_extra_dev.jsonl", 3, False),
    ("bbc_dev, reference length", "bbc_dev.jsonl", REFERENCE, False),
    ("pubmed_dev, reference length", "pubmed_dev.jsonl", REFERENCE, False),
    ("bbc_dev lead removed, 1 sentence", "bbc_dev.jsonl", 1, True),
    ("cnndm_extra_dev lead removed, 1 sentence", "cnndm_extra_dev.jsonl", 1, True),
    ("cnndm_dev lead removed, 1 sentence", "cnndm_dev.jsonl", 1, True),
    ("cnndm_dev, 1 sentence", "cnndm_dev.jsonl", 1, False),
    ("cnndm_extra_dev, 1 sentence", "cnndm_extra_dev.jsonl", 1, False),
    ("cnndm_dev, 2 sentences", "cnndm_dev.jsonl", 2, False),
    ("cnndm_extra_dev, 2 sentences", "cnndm_extra_dev.jsonl", 2, False),
]


def measure(data: Path) -> Results:
    """Every ranker on every setting and half."""
    results: Results = {}
    for label, name, sentences, drop in SETTINGS:
        results[label] = {}
        for half in HALVES:
            started = time.perf_counter()
            rows = evaluate(
                read_dataset(data / name, half=half), rankers=list(RANKERS), sentences=sentences, drop_lead=drop
            )
            results[label][half] = {row.ranker: [row.rouge1, row.rouge2, row.rouge_lsum, row.documents] for row in rows}
            flawed = [row.ranker for row in rows if row.empty or row.fragments or row.repeated]
            print(
                f"{label}, {half} half: {time.perf_counter() - started:.0f} s"
                + (f"; empty, fragment or repeat: {', '.join(flawed)}" if flawed else ""),
                file=sys.stderr,
            )
    return results


def _triple(scores: list[float]) -> str:
    return " / ".join(f"{value:.2f}" for value in scores[:3])


def compare(before: Results, after: Results) -> str:
    """Markdown tables: per setting, every ranker's figures before and after on both halves."""
    out = []
    for label, halves in after.items():
        documents = " / ".join(str(int(next(iter(halves[half].values()))[3])) for half in HALVES)
        out.append(f"**{label}** (documents: {documents}; R1 / R2 / RLsum)\n")
        out.append(
            "| ranker | odd half, before | odd half, after | even half, before | even half, after "
            "| change R1 (odd / even) | rank (odd / even) | vs LEAD R1 (odd / even) |"
        )
        out.append("|---|---|---|---|---|---|---|---|")
        for ranker in after[label][HALVES[0]]:
            cells = []
            for half in HALVES:
                cells.append(_triple(before[label][half][ranker]) if label in before else "")
                cells.append(_triple(after[label][half][ranker]))
            change = " / ".join(
                f"{after[label][half][ranker][0] - before[label][half][ranker][0]:+.2f}" if label in before else ""
                for half in HALVES
            )
            ranks, leads = [], []
            for half in HALVES:
                scores = after[label][half]
                mine = round(scores[ranker][0], 2)
                ranks.append(str(1 + sum(round(other[0], 2) > mine for other in scores.values())))
                leads.append(f"{scores[ranker][0] - scores['lead'][0]:+.2f}")
            out.append(
                f"| {ranker} | {' | '.join(cells)} | {change} | {' / '.join(ranks)} | "
                f"{' / '.join(leads) if ranker != 'lead' else ''} |"
            )
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, help="the folder of the development files")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"), help="tables from two runs")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(path.read_text(encoding="utf-8")) for path in args.compare)
        print(compare(before, after))
        return 0
    if args.data is None:
        parser.error("give the data folder, or --compare BEFORE AFTER")
    results = measure(args.data)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(compare({}, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
