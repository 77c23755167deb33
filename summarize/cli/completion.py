"""Shell completion for the ``summarize`` command, generated from its argument parsers by shtab.

``summarize --print-completion SHELL`` prints a script that completes the command's
options, their choices (``--ranker``, ``--language``, ``--format``...), the
subcommands and file names. The script is made by shtab (https://github.com/tqdm/shtab,
the extra ``completion``) from the very parsers that read the command line, so it
never lists an option the command does not have.
"""

from __future__ import annotations

import argparse

from summarize.errors import MissingDependencyError

__all__ = ["SHELLS", "completion_script"]

#: The shells a completion script is made for (shtab's).
SHELLS = ("bash", "zsh", "fish", "tcsh", "powershell")

# The arguments that name files: completed with the file names of the shell.
_FILE_ARGUMENTS = frozenset({"files", "corpus", "datasets", "output"})
_FILES = {
    "bash": "_shtab_compgen_files",
    "zsh": "_files",
    "tcsh": "f",
    "fish": "(__fish_complete_path (commandline -ct))",
    "powershell": "_shtab_powershell_compgen_files",
}


def completion_script(
    shell: str, parser: argparse.ArgumentParser, subcommands: dict[str, argparse.ArgumentParser]
) -> str:
    """The completion script for ``shell`` of the command read by ``parser``, with its ``subcommands``.

    The parsers are changed: give new ones, made for this.

    Raises
    ------
    MissingDependencyError
        If shtab is not installed (the extra ``completion``).
    """
    try:
        import shtab
    except ImportError:
        raise MissingDependencyError("Shell completion", "shtab", "completion") from None
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, subparser in subcommands.items():
        commands.choices[name] = subparser
        # The name and description that completion shows for a subcommand.
        commands._choices_actions.append(  # as add_parser does, without making a parser
            argparse.Action(option_strings=[], dest=name, help=(subparser.description or "").split(".")[0])
        )
    for each in (parser, *subcommands.values()):
        for action in each._actions:  # the parser's arguments; shtab reads them too
            if action.dest in _FILE_ARGUMENTS:
                action.complete = _FILES  # type: ignore[attr-defined]  # shtab's attribute
            if each is parser and action.dest == "files":  # in bash, the first word: a FILE or a subcommand
                action.complete = {**_FILES, "bash": "_shtab_summarize_files_or_commands"}  # type: ignore[attr-defined]
    names = " ".join(subcommands)
    preamble = {
        "bash": f'_shtab_summarize_files_or_commands() {{\n  compgen -W "{names}" -- "$1"\n  compgen -f -- "$1"\n}}\n'
    }
    return str(shtab.complete(parser, shell=shell, root_prefix="summarize", preamble=preamble.get(shell, "")))
