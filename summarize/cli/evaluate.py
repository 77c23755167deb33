"""``summarize evaluate DATASET...``: ROUGE of rankers against reference summaries."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from summarize.cli._common import PROG, HelpFormatter, Parser, print_error
from summarize.cli._options import language, positive_int
from summarize.errors import SummarizeError
from summarize.languages import LANGUAGES
from summarize.rankers import RANKERS

__all__ = ["evaluate_command"]


def evaluate_command(argv: list[str]) -> int:
    from summarize.evaluation import LEAD, REFERENCE, evaluate, format_table, read_dataset

    parser = _parser()
    args = parser.parse_args(argv)
    rankers = list(args.rankers or RANKERS)
    if LEAD not in rankers:
        rankers.append(LEAD)
    status = 0
    for number, dataset in enumerate(args.datasets):
        try:
            evaluations = evaluate(
                read_dataset(dataset, limit=args.limit, half=args.half),
                rankers=rankers,
                sentences=REFERENCE if args.sentences is None else args.sentences,
                language=args.language,
                drop_lead=args.drop_lead,
                input_format=args.input_format,
            )
        except SummarizeError as error:
            print_error(str(error))
            status = 1
            continue
        if args.format == "json":
            sys.stdout.writelines(
                json.dumps({"dataset": dataset, **dataclasses.asdict(row)}) + "\n" for row in evaluations
            )
        else:
            if len(args.datasets) > 1:
                print(("\n" if number else "") + f"{dataset}\n")
            print(format_table(evaluations))
    return status


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=f"{PROG} evaluate",
        formatter_class=HelpFormatter,
        description="Score rankers with ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (x100, stemmed) against the "
        "reference summaries of JSON Lines datasets, rank them against LEAD (the first sentences, always "
        'scored), and time them. Each line: {"text": ..., "summary": "reference sentences, one per line"}. '
        'Needs the rouge-score package: pip install "summarize[evaluate]".',
    )
    parser.add_argument(
        "datasets", nargs="+", metavar="DATASET", help="a JSON Lines file with 'text' and 'summary' fields"
    )
    _add_scoring_options(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown: a table per dataset (default); json: one object per dataset and ranker, one per line",
    )
    parser.add_argument(
        "--language",
        type=language,
        choices=LANGUAGES,
        default="english",
        metavar="LANGUAGE",
        help=f"language of the texts: {', '.join(LANGUAGES)}, or its ISO 639-1 code (default english); "
        "other than English, ROUGE counts summarize's words and Snowball stems of it",
    )
    return parser


def _add_scoring_options(parser: argparse.ArgumentParser) -> None:
    """--ranker, -n, --limit, --half and --drop-lead: what is scored, and against what."""
    from summarize.evaluation import HALVES, TEXT_FORMATS

    parser.add_argument(
        "--ranker",
        dest="rankers",
        action="append",
        choices=RANKERS,
        metavar="NAME",
        help=f"a ranker to score; repeat for several (default: all of {', '.join(RANKERS)})",
    )
    parser.add_argument(
        "-n",
        "--sentences",
        type=positive_int,
        metavar="N",
        help="summary length in sentences (default: as many as each reference has)",
    )
    parser.add_argument("--limit", type=positive_int, metavar="N", help="score only the first N documents")
    parser.add_argument(
        "--half",
        choices=HALVES,
        help="score only the odd-numbered records (1st, 3rd...) or the even-numbered ones",
    )
    parser.add_argument(
        "--drop-lead",
        action="store_true",
        help="the lead-removed construction (XSum's): each text without its first sentence, scored against "
        "that sentence; use with -n 1",
    )
    parser.add_argument(
        "--input-format",
        choices=TEXT_FORMATS,
        help="read each text as summarize reads a file of this format, with its structure (text: a paper's "
        "sections in capitals; markdown: its headings); auto: Markdown if it looks like it, else text "
        "(default: each text as a plain string, without structure)",
    )


def make_parser() -> argparse.ArgumentParser:
    """The parser of ``summarize evaluate`` (for shell completion)."""
    return _parser()
