"""Plain text's structure: headings, list items, code and boilerplate found in the lines, offsets exact."""

import pytest

from summarize import Summarizer
from summarize.io.plaintext import plain_blocks, read_plain

# A licence-like text and a man-page-like text, written for these tests.
LICENCE = """\
                      SPROCKET PUBLIC LICENCE
                     Version 1, January 2024

 Copyright (C) 2024 Sprocket Foundation, Inc. <https://example.org/>

TERMS AND CONDITIONS

  0. Definitions.

  "This Licence" refers to version 1 of the Sprocket Public Licence. It
applies to every sprocket that carries a notice saying so, and to the
works based on one.

  1. Source Code.

  The "source code" for a work means the preferred form of the work for
making modifications to it. Object code means any other form.
"""

MANUAL = """\
NAME
       sprocket - turn gears

SYNOPSIS
       sprocket [-n COUNT] FILE

DESCRIPTION
       Sprocket turns the gears named in FILE. Each turn moves every gear
       by one tooth, and the gears keep their place between runs.

       -n COUNT
              Turn COUNT times.
"""

SETEXT = """\
Sprocket
========

Sprocket turns gears into motion.

Usage
-----

- Install it with pip.
- Run it on a file.

    sprocket --turn 3
"""


def kinds(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(b.kind, text[b.start : b.end], b.trail) for b in read_plain(text)]


def test_licence_headings_numbered_and_boilerplate() -> None:
    found = kinds(LICENCE)
    assert ("boilerplate", "Copyright (C) 2024 Sprocket Foundation, Inc. <https://example.org/>", ()) in found
    assert ("heading", "TERMS AND CONDITIONS", ()) in found
    assert ("heading", "0. Definitions.", ("TERMS AND CONDITIONS",)) in found
    paragraph = next(f for f in found if f[1].startswith('"This Licence"'))
    assert paragraph[0] == "paragraph"
    assert paragraph[2] == ("TERMS AND CONDITIONS", "0. Definitions.")


def test_licence_summary_is_its_prose() -> None:
    blocks = plain_blocks(LICENCE)
    assert blocks is not None
    analysis = Summarizer(sentences=3).analyze(LICENCE, blocks=blocks)
    for sentence in analysis.summary:
        assert "Copyright" not in sentence.text
        assert not sentence.text.isupper()
        assert LICENCE[sentence.start : sentence.end] == sentence.text
    assert len(analysis.summary) == 3
    assert not any(sentence.fragment for sentence in analysis.summary)


def test_man_page_sections() -> None:
    found = kinds(MANUAL)
    assert [f[1] for f in found if f[0] == "heading"] == ["NAME", "SYNOPSIS", "DESCRIPTION"]
    description = next(f for f in found if f[1].startswith("Sprocket turns"))
    assert description[0] == "paragraph"
    assert description[2] == ("DESCRIPTION",)


def test_setext_headings_lists_and_code() -> None:
    found = kinds(SETEXT)
    assert found[0] == ("heading", "Sprocket", ())
    assert ("heading", "Usage", ("Sprocket",)) in found
    assert ("list_item", "Install it with pip.", ("Sprocket", "Usage")) in found
    assert ("code", "sprocket --turn 3", ("Sprocket", "Usage")) in found
    levels = {f[1]: b.level for f, b in zip(found, read_plain(SETEXT), strict=True) if f[0] == "heading"}
    assert levels == {"Sprocket": 1, "Usage": 2}


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday. It approved a park.\n\nResidents asked for it for years.",
        "One line only",
        "",
        "- a bullet\n- another bullet",
    ],
)
def test_text_without_structure_has_no_blocks(text: str) -> None:
    assert plain_blocks(text) is None


def test_sentences_in_a_numbered_paragraph_are_not_headings() -> None:
    text = "Intro\n=====\n\n1. This step, which is long, has a comma and goes on for a while."
    assert [b.kind for b in read_plain(text)] == ["heading", "list_item"]


def test_crlf_offsets() -> None:
    text = "USAGE\r\n\r\nRun it now.\r\n"
    blocks = read_plain(text)
    assert [text[b.start : b.end] for b in blocks] == ["USAGE", "Run it now."]


# A structured abstract as PubMed's files have it: one sentence a line, in lower case, sections in capitals.
ABSTRACT = """\
BACKGROUND
sprockets turn slowly in the cold  <cit> .
nobody has measured how slowly .
RESULTS
cold sprockets turned at half the speed of warm ones .
oiled sprockets kept their speed in the cold .
CONCLUSIONS
oil keeps sprockets turning in the cold .
"""


def test_sections_in_capitals_between_sentences() -> None:
    found = kinds(ABSTRACT)
    assert [f[1] for f in found if f[0] == "heading"] == ["BACKGROUND", "RESULTS", "CONCLUSIONS"]
    assert ("paragraph", "oil keeps sprockets turning in the cold .", ("CONCLUSIONS",)) in found


def test_one_sentence_a_line_stays_one_sentence_a_line() -> None:
    blocks = plain_blocks(ABSTRACT)
    assert blocks is not None
    sentences = Summarizer().analyze(ABSTRACT, blocks=blocks).sentences
    lines = [line for line in ABSTRACT.splitlines() if not line.isupper()]
    assert [s.text for s in sentences if not s.fragment] == lines


@pytest.mark.parametrize(
    "text",
    [
        # A disclaimer in capitals, hard-wrapped: no line of it is a heading.
        "Use it freely.\nTHE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND\nEXPRESS OR IMPLIED\n",
        # A name in capitals cut onto its own line inside a sentence.
        "The probe was launched by\nNASA\nin the spring of 1990.\n",
    ],
)
def test_capitals_inside_a_paragraph_are_not_headings(text: str) -> None:
    assert "heading" not in [b.kind for b in read_plain(text)]


def test_a_copyright_line_inside_a_sentence_is_the_sentence() -> None:
    text = "Work made available, as indicated by a\ncopyright notice that is included.\n\nCopyright (C) 2020 Someone.\n"
    assert kinds(text) == [
        ("paragraph", "Work made available, as indicated by a\ncopyright notice that is included.", ()),
        ("boilerplate", "Copyright (C) 2020 Someone.", ()),
    ]


def test_asciidoc_headings_terms_and_comment_headers() -> None:
    text = (
        "# notes.txt - how sprockets turn\n# Copyright (C) 2024 Someone\n\n"
        "NAME\n----\nsprocket - turn gears\n\n"
        "DESCRIPTION\n-----------\nSprockets turn gears.\n\n"
        "turn <gear>::\n\tTurn the gear named.\n"
    )
    found = kinds(text)
    assert found[0] == ("code", "# notes.txt - how sprockets turn\n# Copyright (C) 2024 Someone", ())
    assert ("heading", "DESCRIPTION", ()) in found
    assert ("paragraph", "Sprockets turn gears.", ("DESCRIPTION",)) in found
    assert ("metadata", "turn <gear>::", ("DESCRIPTION",)) in found
    assert ("paragraph", "Turn the gear named.", ("DESCRIPTION",)) in found


@pytest.mark.parametrize("line", ["Chapter 1.", "Appendix A", "Part II: Reference"])
def test_a_part_of_a_book_alone_is_a_heading(line: str) -> None:
    assert kinds(f"{line}\n\nThe text of it.\n")[0] == ("heading", line, ())


@pytest.mark.parametrize("line", ["Chapter 3 describes the parser.", "Part of the code is here."])
def test_a_sentence_about_a_chapter_is_no_heading(line: str) -> None:
    assert "heading" not in [kind for kind, _, _ in kinds(f"{line}\n\nThe text of it.\n")]


def test_a_header_of_fields_at_the_start_is_metadata() -> None:
    text = "From: Ann\nSubject: Gears\n  and sprockets\n\nThe gears turn. They are fast.\n"
    assert kinds(text) == [
        ("metadata", "From: Ann\nSubject: Gears\n  and sprockets", ()),
        ("paragraph", "The gears turn. They are fast.", ()),
    ]


@pytest.mark.parametrize(
    "section", ["RESULTS\nthe gears turned twice .\n", "Results\n=======\nThe gears turned twice.\n"]
)
def test_thousands_of_sections_in_one_paragraph(section: str) -> None:
    """No recursion: sections with no blank line between them are read one after another."""
    text = section * 3000
    blocks = read_plain(text)
    assert [b.kind for b in blocks] == ["heading", "paragraph"] * 3000
    assert text[blocks[-1].start : blocks[-1].end].strip(".").strip().lower() == "the gears turned twice"


def test_a_spaced_rule_parts_paragraphs_and_is_no_list_item() -> None:
    text = "The gears turned.\n\n* * *\n\nThe sprockets rested.\n- - - - - - - -\nCopyright 1991 Someone.\n"
    assert kinds(text) == [
        ("paragraph", "The gears turned.", ()),
        ("paragraph", "The sprockets rested.", ()),
        ("boilerplate", "Copyright 1991 Someone.", ()),
    ]
