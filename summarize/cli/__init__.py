"""The ``summarize`` command line: argument parsing and output formatting only.

One module per subcommand: :mod:`~summarize.cli.summary` (the default, ``summarize
FILE...``), :mod:`~summarize.cli.keywords`, :mod:`~summarize.cli.evaluate`,
:mod:`~summarize.cli.batch` and :mod:`~summarize.cli.serve`; shell completion in
:mod:`~summarize.cli.completion`; the options they share are in ``_options``, the
rest they share (messages, reading a FILE) in ``_common``.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from summarize.cli.commands import SUBCOMMANDS, command
from summarize.cli.summary import summarize_command

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    ``summarize batch ...``, ``summarize evaluate ...``, ``summarize keywords ...`` and
    ``summarize serve ...`` run a subcommand; anything else summarises files (a file named
    like a subcommand is given as ``./batch``).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in SUBCOMMANDS:
            return command(arguments[0])(arguments[1:])
        return summarize_command(arguments)
    except SystemExit as exit:  # --help, --version, or a usage error that argparse has reported
        return exit.code if isinstance(exit.code, int) else 2
    except BrokenPipeError:
        # The reader went away (``summarize big.txt | head``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def run() -> int:
    """The ``summarize`` command and ``python -m summarize``: :func:`main`, then a quick exit.

    Once the command is done, the garbage collector is frozen (:func:`gc.freeze`), so
    that Python's teardown does not search the objects of numpy, scipy and NLTK for
    reference cycles: that took about 0.2 s, a sixth of a run on one article. Exit
    handlers run, and files are closed, as usual.
    """
    status = main()
    gc.freeze()
    return status
