"""``summarize keywords FILE...``: the keywords and key phrases of each FILE."""

from __future__ import annotations

import argparse
import sys

from summarize.cli._common import (
    PROG,
    Parser,
    RawDescriptionHelpFormatter,
    display,
    files_or_stdin,
    import_nltk,
    read,
    report_failure,
)
from summarize.cli._options import (
    add_files_argument,
    add_focus_options,
    add_input_options,
    add_language_option,
    positive_int,
    window,
)
from summarize.errors import SummarizeError
from summarize.io.documents import Document
from summarize.io.records import document_keywords, json_line, keywords_record
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW, Keyword
from summarize.pipeline import Summarizer

__all__ = ["keywords_command"]

_EPILOG = """\
examples:
  summarize keywords article.txt                 the 10 best keywords, one per line
  summarize keywords -n 20 --format json a.txt   with score and count
  summarize keywords --language auto artikel.txt

Keywords are found by TextRank over words (Mihalcea & Tarau 2004): words linked
when they occur next to each other (stop words skipped), ranked by PageRank, and
adjacent top words joined into phrases as they are written in the text.

exit status: 0 if every input was read, 1 if one could not be, 2 for a usage error.
"""


def keywords_command(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    args.files = files_or_stdin(parser, args.files)
    summarizer = Summarizer(language=args.language, focus=args.focus, focus_weight=args.focus_weight)
    import_nltk()
    status = 0
    for number, name in enumerate(args.files):
        try:
            document, language, found = _keywords(summarizer, name, args)
        except SummarizeError as error:
            report_failure(name, error, args.format, sys.stdout)
            status = 1
            continue
        _write_keywords(args, number, name, document, language, found)
        sys.stdout.flush()
    return status


def _keywords(summarizer: Summarizer, name: str, args: argparse.Namespace) -> tuple[Document, str, tuple[Keyword, ...]]:
    """Read FILE ``name``; its language and its keywords."""
    document = read(name, args)
    language, found = document_keywords(summarizer, display(name), document, top=args.top, window=args.window)
    return document, language, found


def _write_keywords(
    args: argparse.Namespace, number: int, name: str, document: Document, language: str, found: tuple[Keyword, ...]
) -> None:
    """Write the keywords of the ``number``-th FILE, ``name``, in the format asked for."""
    if args.format == "json":
        sys.stdout.write(json_line(keywords_record(display(name), document, language, found)))
    else:
        if len(args.files) > 1:
            sys.stdout.write(("\n" if number else "") + f"==> {display(name)} <==\n")
        sys.stdout.writelines(keyword.text + "\n" for keyword in found)


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=f"{PROG} keywords",
        description="The keywords and key phrases of each FILE, best first.",
        epilog=_EPILOG,
        formatter_class=RawDescriptionHelpFormatter,
    )
    add_files_argument(parser)
    _add_keyword_options(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help='text: one keyword per line (default); json: one object per file, {"file", "title", '
        '"language", "keywords": [{"text", "score", "count"}]}',
    )
    add_input_options(parser)
    return parser


def _add_keyword_options(parser: argparse.ArgumentParser) -> None:
    """-n, --language, --focus, --focus-weight and --window: which keywords are found."""
    parser.add_argument(
        "-n",
        "--top",
        type=positive_int,
        default=DEFAULT_KEYWORDS,
        metavar="N",
        help=f"number of keywords (default {DEFAULT_KEYWORDS})",
    )
    add_language_option(parser)
    add_focus_options(parser)
    parser.add_argument(
        "--window",
        type=window,
        default=DEFAULT_WINDOW,
        metavar="W",
        help=f"link words within W words of each other, stop words skipped (default {DEFAULT_WINDOW})",
    )


def make_parser() -> argparse.ArgumentParser:
    """The parser of ``summarize keywords`` (for shell completion)."""
    return _parser()
