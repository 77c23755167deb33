"""The docs stay true: their Python runs, and every command-line option they show is in ``--help``.

Each Markdown page of ``docs/`` and the README is read for its fenced code blocks:

- ``python`` blocks run, in order, in one namespace per page (as a reader would type
  them), from the repository's root so that ``seeds/`` is there; a block written as
  an interactive session (``>>>``) is run as a doctest, so its output must match; a
  block that starts with ``# not run:`` (it needs a cluster) is compiled, and the
  names it imports from summarize must exist;
- every other block is read for ``summarize`` commands, whose options must be
  options of that command (or subcommand) as ``--help`` lists them.
"""

from __future__ import annotations

import ast
import doctest
import re
import shlex
from pathlib import Path

import pytest

import summarize
from summarize.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.DOTALL | re.MULTILINE)
SUBCOMMANDS = ("batch", "evaluate", "keywords", "serve")


def blocks(page: Path) -> list[tuple[str, str]]:
    """The fenced code blocks of a page: (language, code), the code dedented.

    The code is preceded by as many blank lines as come before it in the page, so
    that a failure's line number is the page's.
    """
    found = []
    text = page.read_text(encoding="utf-8")
    for match in FENCE.finditer(text):
        indent = len(match.group(1))
        code = "\n".join(line[indent:] for line in match.group(3).splitlines())
        found.append((match.group(2), "\n" * text.count("\n", 0, match.start(3)) + code + "\n"))
    return found


def page_id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_python_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for language, code in blocks(page):
        if language != "python":
            continue
        if code.lstrip().startswith("# not run:"):
            for node in ast.walk(ast.parse(code)):
                if isinstance(node, ast.ImportFrom) and node.module == "summarize":
                    for alias in node.names:
                        assert hasattr(summarize, alias.name), f"{page_id(page)}: summarize has no {alias.name}"
        elif code.lstrip().startswith(">>>"):
            test = doctest.DocTestParser().get_doctest(code, namespace, page_id(page), str(page), 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test, out=lambda text: pytest.fail(f"{page_id(page)}:\n{text}"))
            namespace.update(test.globs)
        else:
            exec(compile(code, str(page), "exec"), namespace)
    capsys.readouterr()


def help_text(command: str | None, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    status = main([command, "--help"] if command else ["--help"])
    assert status == 0
    return capsys.readouterr().out


def commands(code: str) -> list[list[str]]:
    """The ``summarize`` commands in a shell block: each one's words from ``summarize`` on."""
    found = []
    for line in code.splitlines():
        line = line.split(" #", 1)[0].strip()
        for part in line.split("|"):
            try:
                words = shlex.split(part)
            except ValueError:
                continue
            if words[:3] == ["python", "-m", "summarize"]:
                words = words[2:]
            if words and words[0] == "summarize":
                found.append(words[1:])
    return found


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_command_options_are_in_help(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    helps: dict[str | None, str] = {}
    checked = 0
    for language, code in blocks(page):
        if language == "python":
            continue
        for words in commands(code):
            command = words[0] if words and words[0] in SUBCOMMANDS else None
            if command not in helps:
                helps[command] = help_text(command, capsys)
            for word in words:
                option = word.split("=", 1)[0]
                if re.fullmatch(r"--?[A-Za-z][\w-]*", option):
                    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", helps[command]), (
                        f"{page_id(page)}: `summarize {' '.join(words)}` uses {option}, "
                        f"which `summarize {command or ''} --help` does not list"
                    )
                    checked += 1
    assert checked or not any(commands(code) for language, code in blocks(page) if language != "python")


def test_docs_are_linked_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        assert f"docs/{page.name}" in readme, f"README.md does not link docs/{page.name}"


def test_relative_links_point_at_files() -> None:
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page_id(page)} links {target}, which does not exist"
