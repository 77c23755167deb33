"""Markdown documents: the text as rendered, exact offsets, blocks, and the command line's JSON."""

import json
from pathlib import Path

import pytest

from summarize import InvalidParameterError, Summarizer, load_document
from summarize.cli import main
from summarize.io.markdown import read_markdown

# A README written for these tests: a title, a badge, prose with markup, a list, code, a table, a licence line.
README = """\
# Sprocket

[![tests](https://img.shields.io/badge/tests-passing-green.svg)](https://ci.example.org)
[![pypi](https://img.shields.io/pypi/v/sprocket.svg)](https://pypi.org)

**Sprocket** turns [gears](https://example.org/gears) into motion. It is *small* and fast.

## Installation

Install it with `pip`:

```bash
pip install sprocket
```

- Sprocket needs Python 3.10 or later.
- It has no other dependencies.
  It works offline.

## Usage

| option | meaning |
|--------|---------|
| `-n`   | count   |

> Note: sprockets wear out.

Call `turn()` to turn a sprocket once. Each turn moves every gear by one tooth.
<img src="logo.png">

### Licence

Copyright (C) 2024 The Sprocket developers. <https://example.org/>
"""


def test_markup_is_removed_and_offsets_are_exact() -> None:
    doc = read_markdown(README)
    assert "[" not in doc.text
    assert "](" not in doc.text
    assert "**" not in doc.text
    assert "<img" not in doc.text
    assert "badge" not in doc.text
    assert "Sprocket turns gears into motion. It is small and fast." in doc.text
    for block in doc.blocks:
        assert doc.text[block.start : block.end].strip() == doc.text[block.start : block.end]
    assert doc.title == "Sprocket"


def test_blocks_have_kinds_levels_and_trails() -> None:
    doc = read_markdown(README)
    seen = [(block.kind, doc.text[block.start : block.end], block.level, block.trail) for block in doc.blocks]
    assert seen[0] == ("title", "Sprocket", 1, ())
    assert ("heading", "Installation", 2, ()) in seen
    assert ("code", "pip install sprocket", 0, ("Installation",)) in seen
    assert ("list_item", "It has no other dependencies. It works offline.", 1, ("Installation",)) in seen
    assert ("table", "option | meaning\n-n | count", 0, ("Usage",)) in seen
    assert ("quotation", "Note: sprockets wear out.", 0, ("Usage",)) in seen
    assert ("heading", "Licence", 3, ("Usage",)) in seen
    starts = [block.start for block in doc.blocks]
    assert starts == sorted(starts)


def test_summary_is_prose_only() -> None:
    doc = read_markdown(README)
    analysis = Summarizer(ratio=1.0).analyze(doc.text, blocks=doc.blocks)
    kinds = {analysis.block_of(sentence).kind for sentence in analysis.summary}  # type: ignore[union-attr]
    assert kinds <= {"paragraph", "list_item"}
    chosen = " ".join(sentence.text for sentence in analysis.summary)
    assert "pip install sprocket" not in chosen
    assert "option | meaning" not in chosen
    assert "Call turn() to turn a sprocket once." in chosen


def test_empty_and_markup_only_documents() -> None:
    assert read_markdown("").blocks == ()
    badges = read_markdown("[![a](https://x/a.svg)](https://x)\n")
    assert badges.text == ""
    assert badges.blocks == ()


def test_markdown_files_by_suffix_and_by_name(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    document = load_document(path)
    assert document.format == "markdown"
    assert document.title == "Sprocket"
    assert document.blocks
    as_text = load_document(path, input_format="text")
    assert as_text.format == "text"
    assert as_text.text == README
    other = tmp_path / "readme.txt"
    other.write_text(README, encoding="utf-8")
    assert load_document(other, input_format="markdown").text == document.text


def test_json_sentences_say_kind_and_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    assert main(["-n", "3", "--format", "json", "--include-text", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Sprocket"
    for sentence in record["sentences"]:
        assert sentence["kind"] in ("paragraph", "list_item")
        assert isinstance(sentence["section"], list)
        assert record["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_json_of_plain_news_has_no_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "news.txt"
    path.write_text("The council met on Monday. It approved a park. Residents cheered.", encoding="utf-8")
    assert main(["-n", "1", "--format", "json", str(path)]) == 0
    sentence = json.loads(capsys.readouterr().out)["sentences"][0]
    assert "kind" not in sentence
    assert "section" not in sentence


def test_combine_passes_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    news = tmp_path / "news.txt"
    news.write_text("Sprockets are in the news. A gear maker bought one.", encoding="utf-8")
    assert main(["--combine", "-n", "3", "--format", "json", str(path), str(news)]) == 0
    record = json.loads(capsys.readouterr().out)
    for sentence in record["sentences"]:
        assert ("kind" in sentence) == sentence["document"].endswith("README.md")


def test_reference_links_and_plain_paragraphs() -> None:
    doc = read_markdown("See [the guide][g] first.\nThen read\nthe rest.\n\n[g]: https://example.org/guide\n")
    assert doc.text == "See the guide first. Then read the rest."
    assert [block.kind for block in doc.blocks] == ["paragraph"]


def test_by_section_library_and_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = read_markdown(README)
    sections = Summarizer().analyze(doc.text, blocks=doc.blocks).by_section(1)
    assert [name for name, _ in sections] == ["", "Installation", "Usage"]
    assert all(len(part) == 1 for _, part in sections)
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    assert main(["--by-section", "1", "--format", "json", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [part["section"] for part in record["sections"]] == ["", "Installation", "Usage"]
    assert len(record["sentences"]) == 3
    assert main(["--by-section", "1", str(path)]) == 0
    assert "## Usage\n" in capsys.readouterr().out
    assert main(["--by-section", "1", "--format", "html", str(path)]) == 2
    assert "--by-section is for one summary per FILE" in capsys.readouterr().err


def test_by_section_of_several_documents_is_refused() -> None:
    analysis = Summarizer().analyze_documents(["One here. Two there.", "Three now."])
    with pytest.raises(InvalidParameterError, match="by_section summarises one text's sections"):
        analysis.by_section(1)


def test_markdown_by_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(README, encoding="utf-8")
    assert load_document(path).format == "markdown"
    assert load_document(path, input_format="text").format == "text"
    plain = tmp_path / "plain.txt"
    plain.write_text("# not a heading, a comment\nThe council met on Monday. It approved a park.\n", encoding="utf-8")
    document = load_document(plain)
    assert document.format == "text"
    assert document.text.startswith("# not a heading")


def test_markdown_on_standard_input() -> None:
    import io

    from summarize import read_document

    assert read_document(io.BytesIO(README.encode())).format == "markdown"
    assert read_document(io.BytesIO(b"Plain words. Nothing more.")).format == "text"


NESTED = """# Harbour

Harbour measures the tides of a coastal town and warns its people when the sea will reach the streets.

## Installation

Install the package with pip, then run the command once to fetch the tables of the tides.

## Usage

Run the command with the name of a town to read its next high tide and the time of it.

### Warnings

The warnings are sent by e-mail when the sea is forecast to rise above the wall of the harbour.
"""


def test_markdown_output_groups_the_summary_under_its_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "harbour.md"
    path.write_text(NESTED, encoding="utf-8")
    assert main(["-n", "4", "--format", "markdown", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "# Harbour"
    headings = [line for line in lines if line.startswith("#")]
    assert headings == ["# Harbour", "## Installation", "## Usage", "### Warnings"]
    assert (
        lines.index("## Usage")
        < lines.index("- Run the command with the name of a town to read its next high tide and the time of it.")
        < lines.index("### Warnings")
    )
    # Best first, the list is not grouped: the order is the ranking's.
    assert main(["-n", "4", "--format", "markdown", "--order", "score", str(path)]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if line.startswith("#")] == ["# Harbour"]


def test_by_section_markdown_escapes_what_markdown_would_read_as_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tool.md"
    path.write_text(
        "# Tool\n\n## Use\n\nSet the variable `max_size` to a_b_c before you run the tool on a file.\n",
        encoding="utf-8",
    )
    assert main(["--by-section", "1", "--format", "markdown", str(path)]) == 0
    out = capsys.readouterr().out
    assert "- Set the variable max\\_size to a\\_b\\_c before you run the tool on a file." in out
    assert main(["--by-section", "1", "--format", "json", "--include-text", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["text"].startswith("Tool")


def test_admonitions_read_as_their_bodies_and_autodoc_as_nothing() -> None:
    # Python-Markdown's admonitions and mkdocstrings' instructions (MkDocs), a Docusaurus container.
    source = (
        "# Sprocket\n\n"
        '!!! note "Before you start"\n'
        "    Sprockets need **oil** once a year.\n\n"
        "    Dry sprockets wear out.\n\n"
        "!!! tip\n\n"
        "    Oil them in spring.\n\n"
        "::: sprocket.Gear\n"
        "    :docstring:\n"
        "    :members: turn stop\n\n"
        ":::tip Spring\n"
        "Oil runs best when it is warm.\n"
        ":::\n\n"
        "```text\n!!! note\n    kept as code\n```\n"
    )
    doc = read_markdown(source)
    shown = [(block.kind, doc.text[block.start : block.end]) for block in doc.blocks]
    assert shown == [
        ("title", "Sprocket"),
        ("paragraph", "Sprockets need oil once a year."),
        ("paragraph", "Dry sprockets wear out."),
        ("paragraph", "Oil them in spring."),
        ("paragraph", "Oil runs best when it is warm."),
        ("code", "!!! note\n    kept as code"),
    ]


def test_a_copyright_notice_is_boilerplate() -> None:
    doc = read_markdown(README)
    notice = [block for block in doc.blocks if doc.text[block.start : block.end].startswith("Copyright (C) 2024")]
    assert [block.kind for block in notice] == ["boilerplate"]
    licence = read_markdown('# Licence\n\n"Copyright Holder" means whoever is named in the copyright notice.\n')
    assert [block.kind for block in licence.blocks] == ["title", "paragraph"]


def test_front_matter_and_a_header_of_fields_are_metadata() -> None:
    for header in ("---\ntitle: Gear notes\ntags: [gears]\n---\n", "Title: Gear notes\nAuthor: Ann\n"):
        document = read_markdown(header + "\n# Sprockets\n\nSprockets turn gears. They are fast.\n")
        assert [b.kind for b in document.blocks] == ["metadata", "title", "paragraph"]
        assert document.title == "Sprockets"
    document = read_markdown("Title: Gear notes\nAuthor: Ann\n\nSprockets turn gears. They are fast.\n")
    assert document.title == "Gear notes"


def test_the_items_of_a_task_list_are_not_prose() -> None:
    document = read_markdown("# Plan\n\n- [ ] Write the docs\n- [x] Release signoff is complete\n- Gears turn once.\n")
    kinds = [(b.kind, document.text[b.start : b.end]) for b in document.blocks]
    assert kinds[1:] == [
        ("metadata", "[ ] Write the docs"),
        ("metadata", "[x] Release signoff is complete"),
        ("list_item", "Gears turn once."),
    ]
