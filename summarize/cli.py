"""The ``summarize`` command line: argument parsing and output formatting only."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from summarize import __version__
from summarize.batch import BatchReport, sentence_record, summarize_corpus
from summarize.corpus import partial_path
from summarize.errors import FieldError, InvalidParameterError, SummarizeError
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
  summarize batch corpus.jsonl -o out.jsonl   a whole corpus: see summarize batch --help

exit status: 0 if every input was summarised, 1 if one could not be read or
summarised (the others still are), 2 for a usage error.
"""


_BATCH_EPILOG = """\
examples:
  summarize batch corpus.jsonl -o summaries.jsonl --jobs 2
  summarize batch articles/ -o summaries.jsonl           every .txt file; id = path in the folder
  summarize batch corpus.csv --text-field body --id-field url -o out.jsonl
  summarize batch corpus.jsonl -o out.jsonl --resume     skip the ids already in out.jsonl
  summarize batch corpus.jsonl -o out.jsonl --scheduler tcp://host:8786

One output line per input record, in input order: {"id", "summary": [{"index",
"rank", "score", "text", "start", "end"}]}, or {"id", "error"} for a record that
cannot be summarised. The output is written as FILE.part and renamed to FILE when
every record is in it; after a kill or Ctrl-C, the same command with --resume
completes it.

exit status: 0 if every record was summarised, 1 if some could not be (or the run
could not go on), 2 for a usage error.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["batch"]:  # a file named batch is given as ./batch
        return _batch(arguments[1:])
    parser = _parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit:  # --help, --version, or a usage error already reported
        return exit.code if isinstance(exit.code, int) else 2
    try:
        return _summarize_files(_summarizer(args), args.files, args.format, args.encoding, sys.stdout)
    except SummarizeError as error:
        _error(str(error))
        return 2
    except BrokenPipeError:
        # The reader went away (``summarize big.txt | head``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def _summarizer(args: argparse.Namespace) -> Summarizer:
    return Summarizer(
        sentences=args.sentences, ratio=args.ratio, words=args.words, order=args.order, ranker=args.ranker
    )


def _batch(arguments: list[str]) -> int:
    parser = _batch_parser()
    try:
        args = parser.parse_args(arguments)
        if args.resume and args.output in (None, "-"):
            parser.error("--resume needs an output file (-o FILE)")
        if Path(args.corpus).is_dir() and (args.text_field is not None or args.id_field is not None):
            parser.error("--text-field and --id-field are for JSON Lines and CSV files, not a folder of .txt files")
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    try:
        report = summarize_corpus(
            args.corpus,
            output=args.output,
            text_field=args.text_field or "text",
            id_field=args.id_field,
            encoding=args.encoding,
            summarizer=_summarizer(args),
            jobs=args.jobs,
            scheduler=args.scheduler,
            resume=args.resume,
            progress=sys.stderr.isatty() if args.progress is None else args.progress,
        )
    except FieldError as error:
        option = "--text-field" if error.parameter == "text_field" else "--id-field"
        _error(f"{error}; name the field with {option}")
        return 2
    except InvalidParameterError as error:
        _error(str(error))
        return 2
    except SummarizeError as error:
        _error(str(error))
        _note_partial(args.output)
        return 1
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        _note_partial(args.output)
        return 130
    print(_report(report), file=sys.stderr)
    return 1 if report.failed else 0


def _report(report: BatchReport) -> str:
    line = f"{PROG}: {report.summarised} summarised, {report.failed} failed"
    if report.failed:
        line += ' (see their "error" field)'
    if report.skipped:
        line += f", {report.skipped} skipped (already in {report.output})"
    return line


def _note_partial(output: str | None) -> None:
    if output in (None, "-"):
        return
    partial = partial_path(output)
    if partial.exists():
        print(
            f"{PROG}: the finished records are kept in {partial}; run the same command with --resume to complete it",
            file=sys.stderr,
        )


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
    return {"file": name, "sentences": [sentence_record(sentence) for sentence in summary]}


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extractive summaries of text documents with TextRank: the sentences that best "
        "summarise each FILE, ranked by centrality. Works offline. For a whole corpus (JSON Lines, "
        "CSV or a folder), see: summarize batch --help.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    _add_summary_options(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one sentence per line (default); json: one object per file, on one line",
    )
    _add_encoding_option(parser, "encoding of the input files (default utf-8)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _batch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} batch",
        description="Summarise every record of a corpus into JSON Lines, in input order, on worker "
        "processes or a Dask cluster.",
        epilog=_BATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "corpus",
        metavar="CORPUS",
        help="a JSON Lines file (- for standard input), a .csv file with a header row, or a folder of .txt files",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the JSON Lines file to write (default: standard output)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="keep the records already in FILE (or FILE.part, from a run that was stopped) and summarise the rest",
    )
    parser.add_argument(
        "--text-field", metavar="NAME", help="the JSON field or CSV column holding the text (default text)"
    )
    parser.add_argument(
        "--id-field",
        metavar="NAME",
        help="the field holding each record's id (default id, if present; else the line or row number)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-j", "--jobs", type=_positive_int, metavar="N", help="number of worker processes (default: the number of CPUs)"
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster whose scheduler is at ADDRESS, such as tcp://host:8786 (needs summarize[dask])",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show a progress bar on standard error (default: when it is a terminal)",
    )
    _add_summary_options(parser)
    _add_encoding_option(parser, "encoding of the input (default utf-8)")
    return parser


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    """The options that shape each summary: the same for one file and for a corpus."""
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


def _add_encoding_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--encoding", type=_encoding, default="utf-8", help=help)


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
