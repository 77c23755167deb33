"""``summarize batch CORPUS``: a summary of every record of a corpus, or of each group of records (``--combine``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.cli._common import PROG, Parser, RawDescriptionHelpFormatter, files_or_stdin, print_error
from summarize.cli._options import (
    add_each_option,
    add_summary_options,
    documents_options,
    encoding,
    make_summarizer,
    positive_int,
)
from summarize.errors import FieldError, InvalidParameterError, OutputBusyError, SummarizeError
from summarize.io.documents import format_of_name

if TYPE_CHECKING:
    from summarize.batch import BatchReport

__all__ = ["batch_command"]

_EPILOG = """\
examples:
  summarize batch corpus.jsonl -o summaries.jsonl --jobs 2
  summarize batch articles/ -o summaries.jsonl
                                every .txt, .pdf and .docx file; id = path in the folder
  summarize batch corpus.csv --text-field body --id-field url -o out.jsonl
  summarize batch corpus.jsonl -o out.jsonl --resume     skip the ids already in out.jsonl
  summarize batch corpus.jsonl -o out.jsonl --scheduler tcp://host:8786

A single document (a .txt or .md file that is not JSON Lines, HTML, PDF, Word) is
not a corpus: it is refused, exit 2; summarise it with: summarize FILE.

One output line per input record, in input order: {"id", "summary": [{"index",
"rank", "score", "text", "start", "end"}]}, or {"id", "error"} for a record that
cannot be summarised. The output is written as FILE.part and renamed to FILE when
every record is in it; after a kill or Ctrl-C, the same command with --resume
completes it.

exit status: 0 if every record was summarised, 1 if some could not be (or the run
could not go on), 2 for a usage error.
"""


def batch_command(arguments: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(arguments)
    args.corpus = files_or_stdin(parser, [args.corpus] if args.corpus else [], "CORPUS")[0]
    _check(parser, args)
    return _run_batch(args, _batch_corpus)


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Report the options that do not go together (a usage error: :class:`SystemExit`)."""
    if args.resume and args.output in (None, "-"):
        parser.error("--resume needs an output file (-o FILE)")
    if Path(args.corpus).is_dir() and (args.text_field is not None or args.id_field is not None):
        parser.error("--text-field and --id-field are for JSON Lines and CSV files, not a folder of documents")
    if args.group_field is not None and not args.combine:
        parser.error("--group-field is for --combine")
    if args.each is not None and not args.combine:
        parser.error("--each is for --combine")
    if args.group_field is not None and Path(args.corpus).is_dir():
        parser.error("--group-field is for JSON Lines and CSV files, not a folder of documents")
    kind = _one_document(args.corpus)
    if kind is not None:
        parser.error(
            f'{args.corpus} is {kind}, one document: a CORPUS is JSON Lines (a {{"text": ...}} object per line), '
            f"a .csv file or a folder of documents; summarise one file with: {PROG} {args.corpus}"
        )


# Suffixes of documents the summary command reads as text, never JSON Lines.
_TEXT_SUFFIXES = frozenset({".txt", ".text"})
# The documents that are never a corpus, by their format.
_DOCUMENTS = {"pdf": "a PDF file", "docx": "a Word (DOCX) file", "html": "an HTML page"}
# Enough of a file to see its first line.
_HEAD_BYTES = 65536


def _one_document(corpus: str) -> str | None:
    """What ``corpus`` is if it is a document for the summary command, not a corpus: "a PDF file"...; else None.

    A PDF, Word or HTML file (by suffix or first bytes), or a text or Markdown file
    (.txt, .md...) whose first line is not a JSON object; a .txt file of JSON Lines is
    a corpus, as it was.
    """
    path = Path(corpus)
    if corpus == "-" or path.suffix.lower() == ".csv" or not path.is_file():
        return None
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError:
        return None  # the corpus reader says why
    form = format_of_name(corpus) or ("pdf" if head.startswith(b"%PDF-") else None)
    if form in _DOCUMENTS:
        return _DOCUMENTS[form]
    if form in ("markdown", "rst") or suffix in _TEXT_SUFFIXES:
        first = next((line for line in head.lstrip(b"\xef\xbb\xbf").splitlines() if line.strip()), b"")
        if not first.lstrip().startswith(b"{"):
            return {"markdown": "a Markdown file", "rst": "a reStructuredText file"}.get(form or "", "a text file")
    return None


def _batch_corpus(args: argparse.Namespace) -> int:
    """``batch``: one output record per input record, or with ``--combine`` per group of records."""
    from summarize.batch import summarize_corpus

    summarizer = documents_options(args) if args.combine else make_summarizer(args)
    report = summarize_corpus(
        args.corpus, summarizer=summarizer, combine=args.combine, group_field=args.group_field, **_corpus_options(args)
    )
    print(_report(report), file=sys.stderr)
    return 1 if report.failed or report.failed_groups else 0


def _corpus_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options of a run over a corpus, from the command line's, for plain ``batch`` and ``batch --combine``."""
    return {
        "output": args.output,
        "text_field": args.text_field or "text",
        "id_field": args.id_field,
        "encoding": args.encoding,
        "jobs": args.jobs,
        "scheduler": args.scheduler,
        "resume": args.resume,
        "progress": sys.stderr.isatty() if args.progress is None else args.progress,
    }


def _run_batch(args: argparse.Namespace, run: Callable[[argparse.Namespace], int]) -> int:
    """Run a batch command, turning its errors into messages and exit statuses (2: usage, 1: failed, 130: Ctrl-C)."""
    try:
        return run(args)
    except FieldError as error:
        option = {"text_field": "--text-field", "id_field": "--id-field"}.get(error.parameter, "--group-field")
        print_error(f"{error}; name the field with {option}")
        return 2
    except InvalidParameterError as error:
        print_error(str(error))
        return 2
    except OutputBusyError as error:  # the .part file is the other run's: no hint to resume it
        print_error(str(error))
        return 1
    except SummarizeError as error:
        print_error(str(error))
        _note_partial(args.output)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        _note_partial(args.output)
        return 130


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _report(report: BatchReport) -> str:
    if report.combined:
        line = f"{PROG}: {_count(report.summarised, 'group')} summarised, {_count(report.failed, 'record')} failed"
        if report.failed_groups:
            line += f", {_count(report.failed_groups, 'group')} failed"
    else:
        line = f"{PROG}: {report.summarised} summarised, {report.failed} failed"
    if report.failed or report.failed_groups:
        line += ' (see their "error" field)'
    if report.skipped:
        line += f", {report.skipped} skipped (already in {report.output})"
    return line


def _note_partial(output: str | None) -> None:
    from summarize.io.output import partial_path

    if output in (None, "-"):
        return
    partial = partial_path(output)
    if partial.exists():
        print(
            f"{PROG}: the finished records are kept in {partial}; run the same command with --resume to complete it",
            file=sys.stderr,
        )


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=f"{PROG} batch",
        description="Summarise every record of a corpus into JSON Lines, in input order, on worker\n"
        "processes or a Dask cluster.",
        epilog=_EPILOG,
        formatter_class=RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "corpus",
        nargs="?",
        metavar="CORPUS",
        help="a JSON Lines file (- for standard input, the default when it is piped in), a .csv file with "
        "a header row, or a folder of .txt, .pdf and .docx files",
    )
    _add_corpus_options(parser)
    _add_worker_options(parser)
    add_summary_options(parser)
    parser.add_argument("--encoding", type=encoding, default="utf-8", help="encoding of the input (default utf-8)")
    return parser


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """-o, --resume, --text-field, --id-field, --combine and --group-field: the records in, the records out."""
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
    parser.add_argument(
        "--combine",
        action="store_true",
        help='one summary over several records, each sentence with its record\'s id as "document": over all '
        "of them, or over each group of --group-field; one output record per group, groups summarised on "
        "--jobs worker processes or a Dask cluster",
    )
    parser.add_argument(
        "--group-field",
        metavar="NAME",
        help="with --combine: the field (CSV column) whose value groups the records, one summary per group",
    )
    add_each_option(parser, "records (of each group)")


def _add_worker_options(parser: argparse.ArgumentParser) -> None:
    """--jobs or --scheduler, and --progress: where the records are summarised, and what is shown meanwhile."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-j", "--jobs", type=positive_int, metavar="N", help="number of worker processes (default: the number of CPUs)"
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


def make_parser() -> argparse.ArgumentParser:
    """The parser of ``summarize batch`` (for shell completion)."""
    return _parser()
