"""The options the subcommands share: their argparse types, the functions that add them, and the
library options they map to."""

from __future__ import annotations

import argparse
import codecs
from collections.abc import Callable
from typing import Any

from summarize._validation import MAX_BUDGET
from summarize.focus import DEFAULT_FOCUS_WEIGHT
from summarize.languages import AUTO, LANGUAGES, canonical_language
from summarize.pipeline import Summarizer
from summarize.rankers import DEFAULT_RANKER, RANKERS
from summarize.selection import DEFAULT_SENTENCES, ORDERS


def add_files_argument(parser: argparse.ArgumentParser) -> None:
    """FILE...: what the summary and keywords commands read."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a text, Markdown, HTML, PDF or Word (DOCX) file, an http:// or https:// URL, or - for standard "
        "input (the default when text is piped in)",
    )


def add_private_hosts_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="for URLs: also read hosts that are not public (this machine, a private network, link-local "
        "addresses such as cloud metadata endpoints); refused by default",
    )


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """--input-format, --encoding, --timeout and --allow-private-hosts: how each FILE is read (summary, keywords)."""
    from summarize.io.documents import INPUT_FORMATS
    from summarize.io.urls import DEFAULT_MAX_SECONDS, DEFAULT_TIMEOUT

    parser.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="read FILE as text, as Markdown or reStructuredText (its text as rendered, with headings, lists "
        "and code kept apart), as an HTML page whose article is summarised, or as a PDF or Word (DOCX) "
        "file; auto (default) decides by the file suffix (.md, .rst, .html, .htm, .pdf, .docx), the URL's "
        "content type, or the first bytes (a PDF or DOCX file), and reads anything else as text",
    )
    parser.add_argument(
        "--encoding",
        type=encoding,
        default=None,
        help="encoding of the input files (default utf-8; for HTML, the page's declared charset)",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=(
            f"for URLs: how long to wait to connect and for each read (default {DEFAULT_TIMEOUT:g}); "
            f"a whole download may take at most {DEFAULT_MAX_SECONDS:g} s"
        ),
    )
    add_private_hosts_option(parser)


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    """The options that shape each summary: the same for one file and for a corpus."""
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument(
        "-n",
        "--sentences",
        type=positive_int,
        metavar="N",
        help=f"number of sentences in the summary (default {DEFAULT_SENTENCES})",
    )
    budget.add_argument("-r", "--ratio", type=ratio, metavar="R", help="share of the document's sentences, in (0, 1]")
    budget.add_argument(
        "-w", "--words", type=positive_int, metavar="W", help="word budget: the best sentences that fit in W words"
    )
    parser.add_argument(
        "--order",
        choices=ORDERS,
        default="document",
        help="print sentences in document order (default) or best first",
    )
    parser.add_argument(
        "--ranker",
        choices=RANKERS,
        default=DEFAULT_RANKER,
        help=f"how sentences are ranked (default {DEFAULT_RANKER}; see the list below)",
    )
    parser.add_argument(
        "--diversity",
        type=diversity,
        default=None,
        metavar="D",
        help="redundancy control in [0, 1): pass over sentences similar to those already chosen "
        "(maximal marginal relevance; default 0, off)",
    )
    add_language_option(parser)
    add_focus_options(parser)


def add_focus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--focus",
        metavar="TEXT",
        help="favour what is about TEXT: a question, a few keywords or a paragraph (Biased TextRank); "
        "a focus that matches nothing leaves the ordinary result",
    )
    parser.add_argument(
        "--focus-weight",
        type=focus_weight,
        default=DEFAULT_FOCUS_WEIGHT,
        metavar="W",
        help=f"how much the focus counts, in (0, 1] (default {DEFAULT_FOCUS_WEIGHT:g})",
    )


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--language",
        type=language,
        choices=(*LANGUAGES, AUTO),
        default="english",
        metavar="LANGUAGE",
        help=f"language of the text: {', '.join(LANGUAGES)}, in any case, or its ISO 639-1 code (de, "
        "fr, ja...); or auto, to detect it in each text (JSON output says which was chosen) (default english)",
    )


def documents_options(args: argparse.Namespace) -> Summarizer:
    """The options of every summary of several documents (``--combine``), from the command line's."""
    from summarize.selection import DEFAULT_REDUNDANCY

    return Summarizer(
        **summary_options(args),
        redundancy=DEFAULT_REDUNDANCY,
        min_per_document=args.each or 0,
    )


def add_each_option(parser: argparse.ArgumentParser, documents: str) -> None:
    """``--each N``, for ``--combine``: at least N sentences of each of the ``documents`` (FILEs, records)."""
    parser.add_argument(
        "--each",
        type=positive_int,
        metavar="N",
        help=f"with --combine: at least N sentences of each of the {documents} (all of one that has fewer), "
        "its best, before the rest fill the budget; the summary is longer than -n/--ratio/--words when "
        "they allow fewer",
    )


def make_summarizer(args: argparse.Namespace) -> Summarizer:
    return Summarizer(**summary_options(args))


def summary_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options a summary takes from the command line, for one document or several (the rest: the defaults)."""
    options = {
        "sentences": args.sentences,
        "ratio": args.ratio,
        "words": args.words,
        "order": args.order,
        "ranker": args.ranker,
        "language": args.language,
        "focus": args.focus,
        "focus_weight": args.focus_weight,
    }
    return options if args.diversity is None else {**options, "diversity": args.diversity}


def language(value: str) -> str:
    """A language's canonical name (``German`` and ``de`` are ``german``); anything else as given, for ``choices``."""
    return canonical_language(value)


def positive_int(value: str) -> int:
    return _whole(value, 1, MAX_BUDGET)


def _whole(value: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, or a usage error that says so."""
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(f"must be a whole number from {low:,} to {high:,}, got {value!r}")
    return number


def _number(value: str, accept: Callable[[float], bool], allowed: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not accept(number):
        raise argparse.ArgumentTypeError(f"must be {allowed}, got {value!r}")
    return number


def ratio(value: str) -> float:
    return _number(value, lambda number: 0 < number <= 1, "a number in (0, 1]")


def seconds(value: str) -> float:
    from summarize.io.urls import MAX_SECONDS

    return _number(
        value, lambda number: 0 < number <= MAX_SECONDS, f"a number of seconds > 0, at most {MAX_SECONDS:,g}"
    )


def focus_weight(value: str) -> float:
    return _number(value, lambda number: 0 < number <= 1, "a number in (0, 1]")


def diversity(value: str) -> float:
    return _number(value, lambda number: 0 <= number < 1, "a number in [0, 1)")


def window(value: str) -> int:
    from summarize.keyphrases import MAX_WINDOW

    return _whole(value, 2, MAX_WINDOW)


def encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value
