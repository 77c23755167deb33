"""The ``summarize`` command line: argument parsing and output formatting only."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from summarize import __version__
from summarize.errors import SummarizeError
from summarize.pipeline import DEFAULT_RANKER, RANKERS, Summarizer
from summarize.reading import read_path, read_stream
from summarize.selection import DEFAULT_SENTENCES, ORDERS
from summarize.types import Summary

__all__ = ["main"]

PROG = "summarize"

_EPILOG = """\
examples:
  summarize article.txt                    the 3 best sentences, one per line
  summarize -n 5 --order score article.txt
  cat article.txt | summarize --ratio 0.2 -
  summarize --format json article.txt      sentences with index, rank, score, offsets

exit status: 0 if every input was summarised, 1 if one could not be read or
summarised (the others still are), 2 for a usage error.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help, --version, or a usage error already reported
        return exit.code if isinstance(exit.code, int) else 2
    try:
        summarizer = Summarizer(
            sentences=args.sentences,
            ratio=args.ratio,
            words=args.words,
            order=args.order,
            ranker=args.ranker,
        )
        return _summarize_files(summarizer, args.files, args.format, args.encoding, sys.stdout)
    except SummarizeError as error:
        _error(str(error))
        return 2
    except BrokenPipeError:
        # The reader went away (``summarize big.txt | head``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def _summarize_files(summarizer: Summarizer, files: list[str], fmt: str, encoding: str, out: TextIO) -> int:
    status = 0
    for number, name in enumerate(files):
        try:
            text = (
                read_stream(sys.stdin.buffer, encoding=encoding) if name == "-" else read_path(name, encoding=encoding)
            )
            if not text.strip():
                raise SummarizeError(f"{_display(name)}: empty input, nothing to summarise")
            summary = summarizer(text)
        except SummarizeError as error:
            _error(str(error))
            status = 1
            continue
        if fmt == "json":
            out.write(json.dumps(_as_json(_display(name), summary), ensure_ascii=False) + "\n")
        else:
            if len(files) > 1:
                out.write(("\n" if number else "") + f"==> {_display(name)} <==\n")
            out.writelines(" ".join(sentence.text.split()) + "\n" for sentence in summary)
        out.flush()
    return status


def _as_json(name: str, summary: Summary) -> dict[str, object]:
    return {
        "file": name,
        "sentences": [
            {
                "index": sentence.index,
                "rank": sentence.rank,
                "score": sentence.score,
                "text": sentence.text,
                "start": sentence.start,
                "end": sentence.end,
            }
            for sentence in summary
        ],
    }


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extractive summaries of text documents with TextRank: the sentences that best "
        "summarise each FILE, ranked by centrality. Works offline.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument(
        "-n",
        "--sentences",
        type=_positive_int,
        metavar="N",
        help=f"number of sentences in the summary (default {DEFAULT_SENTENCES})",
    )
    budget.add_argument("-r", "--ratio", type=_ratio, metavar="R", help="share of the document's sentences, in (0, 1]")
    budget.add_argument(
        "-w", "--words", type=_positive_int, metavar="W", help="word budget: the best sentences that fit in W words"
    )
    parser.add_argument(
        "--order",
        choices=ORDERS,
        default="document",
        help="print sentences in document order (default) or best first",
    )
    parser.add_argument(
        "--ranker", choices=RANKERS, default=DEFAULT_RANKER, help=f"how sentences are ranked (default {DEFAULT_RANKER})"
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one sentence per line (default); json: one object per file, on one line",
    )
    parser.add_argument(
        "--encoding", type=_encoding, default="utf-8", help="encoding of the input files (default utf-8)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, got {value!r}")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError(f"must be a number in (0, 1], got {value!r}")
    return number


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value
