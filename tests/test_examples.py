"""Every script in examples/ runs on the seed and prints what it promises."""

import runpy
import sys
from pathlib import Path

import networkx as nx
import pytest

from .conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def run_example(name: str, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr(sys, "argv", [name, *argv])
    runpy.run_path(str(ROOT / "examples" / name), run_name="__main__")
    return capsys.readouterr().out


def test_there_are_examples_and_each_is_tested() -> None:
    assert {path.name for path in EXAMPLES} == {"basic_summary.py", "rank_every_sentence.py", "export_graph.py"}


def test_basic_summary(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = run_example("basic_summary.py", [], monkeypatch, capsys).splitlines()
    assert len(lines) == 3
    assert all(line.startswith("[") and "rank" in line for line in lines)


def test_rank_every_sentence(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = run_example("rank_every_sentence.py", [], monkeypatch, capsys).splitlines()
    assert len(lines) == 1 + 19
    assert sum("(fragment)" in line for line in lines) == 5


def test_export_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "seed.graphml"
    seed = str(ROOT / "seeds" / "000_0059b237ed54ef96.txt")
    out = run_example("export_graph.py", [seed, str(output)], monkeypatch, capsys)
    assert "strongest edges:" in out
    assert "most central sentence" in out
    graph = nx.read_graphml(output)
    assert graph.number_of_nodes() == 19
