"""The structure of plain text: headings, list items, code, boilerplate, read from the lines alone.

:func:`read_plain` keeps the text as it is (offsets are exact) and finds its blocks:

- **paragraphs**, separated by blank lines; hard-wrapped lines stay in their paragraph
  (the sentence splitter rejoins them);
- **headings**: a line underlined (or over- and underlined) with ``===``, ``---``,
  ``~~~`` (levels 1, 2, 3, as in reStructuredText and Setext Markdown); a line
  alone that starts with ``#`` (Markdown); a short line alone in capitals (the
  sections of a man page or a licence, ``DESCRIPTION``, ``TERMS AND CONDITIONS``);
  a short numbered line alone (``1. Definitions.``, ``2.3 Scope``; its level is the
  number's depth plus one, under the sections in capitals);
- **list items**: lines that start with a marker (``-``, ``*``, ``•``, ``1.``,
  ``a)``), each with the lines that go on it;
- **code**: a paragraph indented four columns more than the text around it (but
  less than sixteen: more is a centred title) that holds a mark of code (brackets,
  ``=``, ``$``, ``--``, ...);
- **boilerplate**: copyright and licence lines (``Copyright (C) 2007 ...``,
  ``All rights reserved.``, ``SPDX-License-Identifier: ...``).

A text in which none of these but paragraphs is found has no structure worth
reading (news, one-paragraph notes): :func:`plain_blocks` gives None for it, so it
is summarised exactly as a plain string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.blocks import PROSE_KINDS, Block, header_end

__all__ = ["plain_blocks", "read_plain"]

# A rule of marks with spaces between them: "* * *", "- - - - -" (a scene break, a box's edge).
_SPACED_RULE = re.compile(r"[ \t]*([-=*_~#+])(?:[ \t]\1){2,}[ \t]*")
_UNDERLINE = re.compile(r"[ \t]*([=\-~^*#+])\1{2,}[ \t]*")
_LEVELS = {"=": 1, "#": 1, "-": 2, "*": 2, "~": 3, "^": 3, "+": 3}
_ATX = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+\S")
_NUMBERED = re.compile(r"[ \t]*((?:\d{1,2}\.)*\d{1,2})\.?[ \t]+\S")
_MARKER = re.compile(r"[ \t]*(?:[-*+•‣◦▪]|\(?(?:\d{1,3}|[a-zA-Z])[.)])[ \t]+\S")
_BOILERPLATE = re.compile(
    r"[ \t]*(?:copyright\b|\(c\)\s*\d|©|all rights reserved|spdx-license-identifier)", re.IGNORECASE
)
_TERMINAL = re.compile(r"[.!?:;,][\"')\]]*$")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")
_HEADING_WORDS = 10
# A part of a book alone on its line: "Chapter 1.", "Appendix A", "Part II: Reference".
_PART = re.compile(
    r"(?:chapter|appendix|part)\s+(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])\.?(?:[:.]?\s+[A-Z][^.!?]*)?", re.IGNORECASE
)
# A term of a labelled list (AsciiDoc's ``add <commit>::``), on a line of its own.
_TERM = re.compile(r"\S.*\S::")
# A paragraph indented this far more than the text is centred (a licence's title), not code.
_CENTRED = 16
# What an indented paragraph has to hold to be code rather than an indented paragraph of text.
_CODE_MARK = re.compile(r"[{}\[\]();=<>$\\|`]|--|\w_\w|^\s*(?:\$|>>>|#)")
_CAPS_LETTERS = 3


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text.expandtabs(8)) - len(self.text.expandtabs(8).lstrip())

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def plain_blocks(text: str) -> tuple[Block, ...] | None:
    """The blocks of a plain text when it has structure (a heading, code, boilerplate), else None.

    Examples
    --------
    >>> from summarize.io.plaintext import plain_blocks
    >>> plain_blocks("One paragraph. Another sentence.\\n\\nA second paragraph.") is None
    True
    >>> text = "USAGE\\n\\nRun it now.\\n\\nCopyright (C) 2007 Someone."
    >>> [(b.kind, text[b.start:b.end]) for b in plain_blocks(text)]
    [('heading', 'USAGE'), ('paragraph', 'Run it now.'), ('boilerplate', 'Copyright (C) 2007 Someone.')]
    """
    blocks = read_plain(text)
    if all(block.kind in PROSE_KINDS for block in blocks):
        return None
    return blocks


def read_plain(text: str) -> tuple[Block, ...]:
    """Every block of a plain text (see the module's description), with offsets into ``text``."""
    lines: list[_Line] = []
    start = 0
    for raw_line in text.split("\n"):
        lines.append(_Line(start, start + len(raw_line.rstrip("\r")), raw_line.rstrip("\r")))
        start += len(raw_line) + 1
    # A header of fields at the start (``From:`` / ``Subject:``, a PEP's ``PEP:`` / ``Title:``): metadata.
    cut = header_end(text)
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.start < cut:
            continue
        if line.blank or _SPACED_RULE.fullmatch(line.text):  # a rule (``* * *``) parts paragraphs, as a blank line
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    base = _base_indent(paragraphs)
    found: list[tuple[str, int, int, int, str]] = []  # kind, start, end, level, heading text
    if cut:
        found.append(("metadata", 0, len(text[:cut].rstrip()), 0, ""))
    for paragraph in paragraphs:
        found.extend(_blocks_of(paragraph, base))
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    for kind, start, end, level, heading in found:
        if kind == "heading":
            while headings and headings[-1][0] >= level:
                headings.pop()
        blocks.append(Block(kind=kind, start=start, end=end, level=level, trail=_trail(headings)))
        if kind == "heading":
            headings.append((level, heading))
    return tuple(blocks)


def _base_indent(paragraphs: list[list[_Line]]) -> int:
    """The text's own indentation: the commonest among its paragraphs' first lines (the least of equals)."""
    counts: dict[int, int] = {}
    for paragraph in paragraphs:
        counts[paragraph[0].indent] = counts.get(paragraph[0].indent, 0) + 1
    return min(counts, key=lambda indent: (-counts[indent], indent)) if counts else 0


def _trail(headings: list[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(heading for _, heading in headings)


_Found = tuple[str, int, int, int, str]  # kind, start, end, level, heading text


def _blocks_of(paragraph: list[_Line], base: int) -> list[_Found]:
    """The blocks of one paragraph (lines between blank lines): kind, start, end, level, heading text.

    Headings inside a paragraph split it, found in one pass each (underlined ones,
    then, in each part, lines in capitals), so that a paragraph of many sections takes
    time in proportion to its lines, with no recursion.
    """
    first, last = paragraph[0], paragraph[-1]
    texts = [line.text.strip() for line in paragraph]
    # Over- and underlined: a heading.
    if len(paragraph) == 3 and _UNDERLINE.fullmatch(first.text) and _UNDERLINE.fullmatch(last.text):
        return [_heading(paragraph[1], _LEVELS[texts[0][0]])]
    # Underlined, at its end or with its text under it and no blank line between (AsciiDoc, some READMEs).
    found: list[_Found] = []
    start = number = 0
    while number < len(paragraph) - 1:
        if _underlined(paragraph, texts, number):
            found.extend(_part_blocks(paragraph[start:number], base))
            found.append(_heading(paragraph[number], _LEVELS[texts[number + 1][0]]))
            number = start = number + 2
        else:
            number += 1
    return found + _part_blocks(paragraph[start:], base)


def _underlined(paragraph: list[_Line], texts: list[str], number: int) -> bool:
    """Whether line ``number`` of a paragraph is a heading underlined by the next (any length at its end)."""
    if not _UNDERLINE.fullmatch(paragraph[number + 1].text) or _UNDERLINE.fullmatch(paragraph[number].text):
        return False
    if number + 2 == len(paragraph):  # at its end, unless the paragraph is a box of rules
        return not _UNDERLINE.fullmatch(paragraph[0].text)
    name, rule = texts[number], texts[number + 1]
    return abs(len(rule) - len(name)) <= 2 and len(name.split()) <= _HEADING_WORDS


def _part_blocks(part: list[_Line], base: int, *, split: bool = True) -> list[_Found]:
    """The blocks of lines with no underlined heading among them (the lines in capitals split them if ``split``)."""
    found: list[_Found] = []
    while part:
        first, last = part[0], part[-1]
        texts = [line.text.strip() for line in part]
        if all(_UNDERLINE.fullmatch(line.text) for line in part):
            return found
        # Comment lines (``# ...`` every one): a file's header, not prose.
        if len(part) > 1 and all(text.startswith("#") for text in texts):
            return [*found, ("code", _first_character(first), last.end, 0, "")]
        # A section name in capitals with its text indented under it, no blank line between (a man page).
        if len(part) > 1 and _caps(texts[0]) and all(line.indent > first.indent for line in part[1:]):
            found.append(_heading(first, 1))
            part = part[1:]
            continue
        indents = [line.indent for line in part]
        looks_like_code = any(_CODE_MARK.search(text) for text in texts)
        if (
            base + 4 <= min(indents)
            and max(indents) < base + _CENTRED
            and looks_like_code
            and not _MARKER.match(first.text)
        ):
            return [
                *found,
                ("code", first.start + first.indent if "\t" not in first.text else first.start, last.end, 0, ""),
            ]
        if len(part) == 1:
            level = _heading_level(texts[0], first.text)
            if level:
                return [*found, _heading(first, level)]
        break
    if not part:
        return found
    if not split:
        return found + _lines_blocks(part)
    # A line alone in capitals between sentences (a structured abstract's RESULTS), not centred: a heading.
    texts = [line.text.strip() for line in part]
    start = 0
    for number, line in enumerate(part[:-1]):
        if _inner_heading(texts, number) and not _MARKER.match(line.text) and line.indent < base + _CENTRED:
            found.extend(_part_blocks(part[start:number], base, split=False))
            found.append(_heading(line, 1))
            start = number + 1
    return found + _part_blocks(part[start:], base, split=False)


def _first_character(line: _Line) -> int:
    return line.start + len(line.text) - len(line.text.lstrip())


def _lines_blocks(paragraph: list[_Line]) -> list[_Found]:
    """The paragraphs, list items, boilerplate and terms of lines with no heading among them."""
    out: list[tuple[str, int, int, int, str]] = []
    run: list[_Line] = []
    kind = "paragraph"

    def close() -> None:
        if run:
            first_line = run[0].text
            marker = _MARKER.match(first_line) if kind == "list_item" else None
            # A list item starts after its marker; a paragraph at its first character.
            skip = marker.end() - 1 if marker else len(first_line) - len(first_line.lstrip())
            out.append((kind, run[0].start + skip, run[-1].end, 0, ""))

    for line in paragraph:
        text = line.text.strip()
        # A copyright line starts a sentence (not "as indicated by a / copyright notice", wrapped).
        if _BOILERPLATE.match(line.text) and (not run or _SENTENCE_END.search(run[-1].text.strip())):
            close()
            run, kind = [], "paragraph"
            out.append(("boilerplate", _first_character(line), line.end, 0, ""))
            continue
        if _TERM.fullmatch(text):
            close()
            run, kind = [], "paragraph"
            out.append(("metadata", _first_character(line), line.end, 0, ""))
            continue
        if _MARKER.match(line.text):
            close()
            run, kind = [line], "list_item"
            continue
        if kind == "list_item" and run and line.indent < run[0].indent and _TERMINAL.search(run[-1].text.strip()):
            close()
            run, kind = [], "paragraph"
        run.append(line)
    close()
    return [(k, s, e, 1 if k == "list_item" else lvl, h) for k, s, e, lvl, h in out]


def _heading(line: _Line, level: int) -> tuple[str, int, int, int, str]:
    stripped = line.text.strip()
    start = line.start + line.text.index(stripped[0])
    name = stripped.lstrip("#").strip() if _ATX.match(line.text) else stripped
    return ("heading", start, start + len(stripped), level, name)


def _heading_level(stripped: str, line: str) -> int:
    """The level of a line alone that is a heading (0 if it is not one)."""
    words = stripped.split()
    atx = _ATX.match(line)
    if atx:
        return len(atx.group(1))
    if len(words) > _HEADING_WORDS or _BOILERPLATE.match(line):
        return 0
    if _caps(stripped) or _PART.fullmatch(stripped):
        return 1
    numbered = _NUMBERED.match(line)
    if numbered and stripped[len(numbered.group(1)) :].lstrip(". \t")[:1].isupper():
        # "1. Definitions." or "2.3 Scope": short, and not a sentence that goes on (no comma, no inner full stop).
        body = stripped[numbered.end() - 1 - (len(line) - len(line.lstrip())) :]
        if len(words) <= 6 and "," not in body and body.rstrip(".").count(". ") == 0:
            return numbered.group(1).count(".") + 2  # under the sections in capitals or underlined
    return 0


def _inner_heading(texts: list[str], number: int) -> bool:
    """Whether line ``number`` of a paragraph (not its last) is a section name in capitals on a line of its own.

    It is, in capitals and without punctuation at its end, when the line before it
    (if any) ends a sentence and the line after it is not in capitals too (a
    paragraph in capitals, such as a licence's disclaimer, is no heading).
    """
    text = texts[number]
    return (
        _caps(text)
        and not _TERMINAL.search(text)
        and not _caps(texts[number + 1])
        and (number == 0 or bool(_SENTENCE_END.search(texts[number - 1])))
    )


def _caps(stripped: str) -> bool:
    """Whether a line is a short one in capitals (a man page's or a licence's section name)."""
    letters = [character for character in stripped if character.isalpha()]
    return (
        len(stripped.split()) <= _HEADING_WORDS
        and len(letters) >= _CAPS_LETTERS
        and all(character.isupper() for character in letters)
    )
