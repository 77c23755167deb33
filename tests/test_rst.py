"""reStructuredText documents: the text a reader sees, its blocks, and summaries of its prose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize import Summarizer, load_document
from summarize.cli import main
from summarize.io.rst import read_rst

# A README as projects write them: badges, a title, sections, inline markup, a literal
# block after "::", a directive, a list, a table and a comment. Written for the tests.
README = """\
.. image:: https://img.shields.io/pypi/v/harbour.svg
   :target: https://pypi.org/project/harbour/

=======
Harbour
=======

Harbour measures the tides of a coastal town and warns its people when the sea will
reach the streets, using ``tide tables`` and the readings of `gauges <https://example.org>`_.

Installation
============

Install the **harbour** package with pip, then run the command once to fetch the tables::

    pip install harbour
    harbour --fetch

.. note:: The tables are kept in the user's cache folder and read again at every start.

Usage
=====

- Run the command with the name of a town to read its next high tide.
- Give a date to read the tides of that day instead of the next ones.

=====  =========
Town   Gauge
=====  =========
Ely    north
Bray   harbour
=====  =========

.. This comment is for the maintainers and is not shown.

The warnings are sent by e-mail when the sea is forecast to rise above the harbour wall.
"""


def test_markup_is_removed_and_the_title_is_found() -> None:
    document = read_rst(README)
    assert document.title == "Harbour"
    assert "using tide tables and the readings of gauges." in document.text
    assert "``" not in document.text
    assert "img.shields.io" not in document.text
    assert "maintainers" in document.text  # a comment is metadata: kept, never chosen
    assert document.blocks is not None
    for block in document.blocks:
        assert document.text[block.start : block.end]


def test_blocks_have_kinds_levels_and_trails() -> None:
    document = read_rst(README)
    assert document.blocks is not None
    shown = [(b.kind, b.level, b.trail, document.text[b.start : b.end]) for b in document.blocks]
    assert ("heading", 1, (), "Installation") in shown
    assert ("heading", 1, (), "Usage") in shown
    assert ("code", 0, ("Installation",), "pip install harbour\nharbour --fetch") in shown
    assert ("list_item", 0, ("Usage",), "Run the command with the name of a town to read its next high tide.") in shown
    kinds = {kind for kind, *_ in shown}
    assert {"table", "metadata", "paragraph"} <= kinds


def test_a_summary_of_a_readme_is_its_prose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.rst"
    path.write_text(README, encoding="utf-8")
    document = load_document(str(path))
    assert document.format == "rst"
    summary = Summarizer(sentences=4).analyze(document.text, blocks=document.blocks).summary
    for sentence in summary:
        assert "::" not in sentence.text
        assert "pip install harbour" not in sentence.text
        assert not sentence.text.startswith((".. ", "Ely", "Town"))
    assert main(["--format", "json", "-n", "3", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Harbour"
    assert {sentence["kind"] for sentence in record["sentences"]} <= {"paragraph", "list_item"}


def test_reading_runs_no_directive_that_reads_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret word is swordfish.", encoding="utf-8")
    document = read_rst(f"Text before.\n\n.. include:: {secret}\n\n.. raw:: html\n\n   <b>raw</b>\n\nText after.\n")
    assert "swordfish" not in document.text
    assert "raw" not in document.text
    assert "Text before." in document.text
    assert "Text after." in document.text


def test_rst_by_name_and_by_option(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(README, encoding="utf-8")
    assert load_document(str(path)).format != "rst"
    assert load_document(str(path), input_format="rst").format == "rst"
    assert load_document(str(path.rename(tmp_path / "notes.rest"))).format == "rst"


def test_a_japanese_line_break_joins_without_a_space() -> None:
    assert read_rst("新しいマニュ\nアルを読んでください。\n").text == "新しいマニュアルを読んでください。"


def test_sphinx_roles_read_as_sphinx_shows_them() -> None:
    # Roles of Sphinx that docutils does not know, in a paragraph and a heading.
    source = (
        "Configure :ref:`the logging <logging>`\n"
        "--------------------------------------\n\n"
        "The :class:`~harbour.tides.Table` object is read by :func:`harbour.read`, and"
        " :data:`.current_tide` holds the last reading (see :doc:`/usage` and :pep:`8`).\n"
    )
    document = read_rst(source)
    assert document.title == "Configure the logging"
    assert document.text == (
        "The Table object is read by harbour.read, and current_tide holds the last reading (see /usage and PEP 8)."
    )


PEP = """\
PEP: 9999
Title: Sprockets in the standard library
Author: Ann Example <ann@example.org>,
        Bob Example <bob@example.org>
Status: Draft
Created: 01-Jan-2026

Rationale
=========

Sprockets turn gears, and every program needs gears. The standard library has none.
"""


def test_a_header_of_fields_is_metadata_and_names_the_title() -> None:
    document = read_rst(PEP)
    assert document.title == "Sprockets in the standard library"
    kinds = [(b.kind, document.text[b.start : b.end].split("\n")[0]) for b in document.blocks]
    assert kinds[:2] == [("metadata", "PEP: 9999"), ("heading", "Rationale")]
    summary = Summarizer(sentences=1).analyze(document.text, blocks=document.blocks).summary
    assert [s.text for s in summary] == ["Sprockets turn gears, and every program needs gears."]


def test_nesting_too_deep_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.rst"
    path.write_text("\n\n".join(" " * level + f"Paragraph {level}." for level in range(300)), encoding="utf-8")
    assert main([str(path)]) == 1
    assert (
        capsys.readouterr().err == f"summarize: error: {path}: the reStructuredText is nested too deeply to read "
        "(block quotations or lists inside one another, hundreds of levels)\n"
    )
