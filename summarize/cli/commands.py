"""The subcommands of ``summarize``, each a module with ``NAME_command(argv) -> int`` and ``make_parser()``.

One list for the dispatch (:func:`summarize.cli.main`) and for shell completion, so
that neither can leave a subcommand out. A subcommand's module is imported only
when it runs (or when completion reads its parser).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module

__all__ = ["SUBCOMMANDS", "command", "parsers"]

#: Each subcommand's name and its module.
SUBCOMMANDS = {
    "batch": "summarize.cli.batch",
    "evaluate": "summarize.cli.evaluate",
    "keywords": "summarize.cli.keywords",
    "serve": "summarize.cli.serve",
}


def command(name: str) -> Callable[[list[str]], int]:
    """The function that runs subcommand ``name``."""
    run: Callable[[list[str]], int] = getattr(import_module(SUBCOMMANDS[name]), f"{name}_command")
    return run


def parsers() -> dict[str, argparse.ArgumentParser]:
    """A new parser of every subcommand, by name (for shell completion)."""
    return {name: import_module(module).make_parser() for name, module in SUBCOMMANDS.items()}
