"""Shell completion: ``summarize --print-completion SHELL``, made by shtab from the command's parsers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli import main


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    pytest.importorskip("shtab")  # the extra "completion" (in "test")
    status = main(["--print-completion", shell])
    captured = capsys.readouterr()
    assert (status, captured.err) == (0, "")
    return captured.out


def complete(completion: str, words: list[str], cwd: Path) -> list[str]:
    """What bash offers for the last of ``words``, with the completion script loaded."""
    program = (
        f"{completion}\n"
        f"COMP_WORDS=({' '.join(repr(word) for word in words)}); COMP_CWORD={len(words) - 1}\n"
        '_shtab_summarize; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True, cwd=cwd, timeout=60)
    return result.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_options_choices_subcommands_and_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    completion = script("bash", capsys)
    (tmp_path / "article.txt").write_text("Cats purr.", encoding="utf-8")
    (tmp_path / "batch-notes.txt").write_text("Cats purr.", encoding="utf-8")
    assert complete(completion, ["summarize", "--ran"], tmp_path) == ["--ranker"]
    assert "textrank" in complete(completion, ["summarize", "--ranker", ""], tmp_path)
    assert complete(completion, ["summarize", "--language", "ge"], tmp_path) == ["german"]
    assert complete(completion, ["summarize", "--format", "m"], tmp_path) == ["markdown"]
    assert complete(completion, ["summarize", "ar"], tmp_path) == ["article.txt"]
    assert sorted(complete(completion, ["summarize", "ba"], tmp_path)) == ["batch", "batch-notes.txt"]
    assert "--each" in complete(completion, ["summarize", "article.txt", "--combine", "--ea"], tmp_path)
    batch = complete(completion, ["summarize", "batch", "--"], tmp_path)
    assert "--group-field" in batch
    assert "--include-text" not in batch  # the summary command's, not batch's
    assert complete(completion, ["summarize", "keywords", "--win"], tmp_path) == ["--window"]
    assert complete(completion, ["summarize", "ser"], tmp_path) == ["serve"]  # every subcommand, from one list
    assert "--max-seconds" in complete(completion, ["summarize", "serve", "--max"], tmp_path)


def test_zsh_and_fish_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    zsh = script("zsh", capsys)
    assert zsh.startswith("#compdef summarize")
    assert "--ranker" in zsh
    assert "adaptive textrank lexrank" in zsh
    fish = script("fish", capsys)
    assert "complete -c summarize" in fish
    assert "-l group-field" in fish  # batch's options, under its subcommand
    assert "-l print-completion" in fish


def test_without_shtab_one_line_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "shtab", None)
    status = main(["--print-completion", "bash"])
    captured = capsys.readouterr()
    assert (status, captured.out) == (1, "")
    assert captured.err == (
        "summarize: error: Shell completion needs the optional package 'shtab', which is not installed; "
        'install it with: pip install "summarize[completion]"\n'
    )


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--print-completion", "cmd.exe"]) == 2
    assert "argument --print-completion: invalid choice: 'cmd.exe'" in capsys.readouterr().err
    assert main(["--print-completion", "bash", "a.txt"]) == 2
    assert "--print-completion takes no FILE, got 'a.txt'" in capsys.readouterr().err
