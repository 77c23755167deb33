"""What the subcommands share beyond their options: messages, reading the inputs, importing NLTK."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from typing import NoReturn, TextIO

from summarize.errors import ConvergenceError, SummarizeError, TextTooLongError
from summarize.io.documents import Document, load_document, read_document
from summarize.io.records import json_line

PROG = "summarize"


def display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def print_note(message: str) -> None:
    print(f"{PROG}: note: {message}", file=sys.stderr)


def print_error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


#: The widest line of ``--help``, however wide the terminal: longer lines are hard to read.
HELP_COLUMNS = 100


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, as wide as the terminal up to :data:`HELP_COLUMNS`."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        columns = width or min(shutil.get_terminal_size().columns, HELP_COLUMNS)
        super().__init__(prog, indent_increment, max_help_position, columns - 2)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """:class:`HelpFormatter` that keeps the description and epilog as written (they fit :data:`HELP_COLUMNS`)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, ``summarize: error: ...``, and a hint.

    argparse prints the whole usage block before the error; a person reads the
    error, and ``--help`` is one command away.
    """

    def error(self, message: str) -> NoReturn:
        print_error(message)
        self.exit(2, f"Try '{self.prog} --help' for more information.\n")


def files_or_stdin(parser: argparse.ArgumentParser, files: list[str], name: str = "FILE") -> list[str]:
    """The FILEs given, or ``-`` (standard input) when none is given and text is piped in.

    With no FILE and standard input a terminal (or closed), a usage error, as for ``cat``
    users who forgot the file: nothing would ever come.
    """
    if files:
        return files
    try:
        piped = sys.stdin is not None and not sys.stdin.isatty()
    except (OSError, ValueError):  # closed or detached
        piped = False
    if not piped:
        parser.error(f"no {name} given: name one, or pipe text into the command (- reads standard input)")
    return ["-"]


def report_failure(name: str, error: SummarizeError, fmt: str, out: TextIO) -> None:
    """Report that FILE ``name`` could not be read or summarised: a line on standard error, and for
    ``--format json`` a record ``{"file", "error"}`` in its place, so that a script sees which one failed."""
    message = str(error)
    shown = display(name)
    if isinstance(error, (TextTooLongError, ConvergenceError)):  # of the text, not of reading it: name the input
        message = f"{shown}: {message}"
    print_error(message)
    if fmt == "json":
        out.write(json_line({"file": shown, "error": message.removeprefix(f"{shown}: ")}))
        out.flush()


def read(name: str, args: argparse.Namespace) -> Document:
    progress = PageProgress(display(name)) if sys.stderr.isatty() else None
    try:
        if name == "-":
            return read_document(
                sys.stdin.buffer, input_format=args.input_format, encoding=args.encoding, progress=progress
            )
        return load_document(
            name,
            input_format=args.input_format,
            encoding=args.encoding,
            timeout=args.timeout,
            allow_private=args.allow_private_hosts,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.clear()


class PageProgress:
    """A line on standard error (a terminal) saying how many pages of a long PDF are read."""

    _EVERY = 0.25  # seconds between updates

    def __init__(self, name: str) -> None:
        self.name = name
        self.shown = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < self._EVERY or done == total:
            return
        self.last = now
        sys.stderr.write(f"\r{PROG}: reading {self.name}: page {done:,} of {total:,}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def import_nltk() -> None:
    """Import NLTK as it is imported where scipy is not installed, if neither is imported yet.

    NLTK's package init imports every NLTK module, and through them scipy.stats
    (for one association measure) and scipy.sparse (for one parser): about 1 s, most
    of a run on one article. scipy is optional for NLTK, and each of those imports
    falls back when it fails; the command uses only Punkt and the Snowball stemmer.
    So scipy is hidden while NLTK is imported, and importable again afterwards (the
    sparse graph of a long text uses it). Only the command does this: the library
    never changes what NLTK imports in its users' processes.
    """
    if "nltk" in sys.modules or "scipy" in sys.modules:
        return
    sys.modules["scipy"] = None  # type: ignore[assignment]  # import of scipy.* fails, as if not installed
    try:
        import nltk  # noqa: F401
    finally:
        if sys.modules.get("scipy", 0) is None:
            del sys.modules["scipy"]
