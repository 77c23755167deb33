"""The blocks of a document: what a reader found (headings, paragraphs, list items, code, ...) and where.

A light module (no numpy, no sentence splitter), so that the readers, which run in
a child process within a memory limit, can make blocks; :mod:`summarize.structure`
uses them in the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain

__all__ = [
    "BLOCK_KINDS",
    "PROSE_KINDS",
    "Block",
    "blocks_of",
    "header_end",
    "header_field",
    "is_notice",
    "manual_blocks",
]

#: The kinds of block a reader may give.
BLOCK_KINDS = (
    "title",
    "heading",
    "paragraph",
    "list_item",
    "quotation",
    "code",
    "table",
    "caption",
    "metadata",
    "boilerplate",
)

#: The blocks whose sentences a summary may choose (when they are sentences, not fragments).
PROSE_KINDS = frozenset({"paragraph", "list_item"})

# The opening of a copyright notice or a licence tag: "Copyright (c) 2018", "Copyright 2024",
# "© 2020", "SPDX-License-Identifier:" (not "Copyright Holder", a licence's defined term).
_NOTICE = re.compile(
    r"\W*(?:copyright\s*(?:\(c\)|©|\d{4})|©\s*\d{4}|\(c\)\s*\d{4}|spdx-license-identifier\s*:)", re.IGNORECASE
)


# The sections of a manual page (man-pages(7)) that hold no prose: its name and one-line
# description, its synopsis and its references; its copyright, where to report bugs and
# its colophon.
_MANUAL_SECTIONS = {
    "NAME": "metadata",
    "SYNOPSIS": "metadata",
    "SEE ALSO": "metadata",
    "COPYRIGHT": "boilerplate",
    "REPORTING BUGS": "boilerplate",
    "COLOPHON": "boilerplate",
}


def is_notice(paragraph: str) -> bool:
    """Whether a paragraph is boilerplate: it opens with a copyright notice or a licence tag.

    Examples
    --------
    >>> from summarize.blocks import is_notice
    >>> is_notice("Copyright (c) 2019, Encode OSS Ltd. All rights reserved.")
    True
    >>> is_notice('"Copyright Holder" is whoever is named in the copyright notice.')
    False
    """
    return _NOTICE.match(paragraph) is not None


# A field of a header, RFC 2822's form: "PEP: 8", "Title: Style Guide", "Post-History: ...".
_FIELD = re.compile(r"[A-Za-z][\w-]*(?: [\w-]+){0,2}:(?:[ \t]|$)")
_FRONT_MATTER_END = frozenset({"---", "..."})


def header_end(source: str) -> int:
    """Where a header of fields at a document's very start ends (0 if it has none).

    A header is either lines of fields in RFC 2822's form, at least two, a field's
    value going on over indented lines, up to the first blank line (a PEP's ``PEP:`` /
    ``Title:`` / ``Author:``, MultiMarkdown's metadata, an e-mail's header), or YAML
    front matter between ``---`` lines with a field in it (Jekyll, Hugo,
    Docusaurus). Readers read it as metadata, never as prose.

    Examples
    --------
    >>> from summarize.blocks import header_end
    >>> source = "PEP: 8\\nTitle: Style Guide\\nAuthor: Guido,\\n    Barry\\n\\nAbstract\\n"
    >>> source[:header_end(source)]
    'PEP: 8\\nTitle: Style Guide\\nAuthor: Guido,\\n    Barry\\n'
    >>> header_end("---\\ntitle: Notes\\n---\\n\\nText."), header_end("Note: this is prose.\\n\\nMore.")
    (21, 0)
    """
    lines = _lines(source)
    first = next(lines, "")
    if first.rstrip() == "---":
        position = len(first) + 1
        fields = 0
        for line in lines:
            position += len(line) + 1
            if line.rstrip() in _FRONT_MATTER_END:
                return min(position, len(source)) if fields else 0
            fields += _FIELD.match(line) is not None
        return 0
    position = fields = 0
    for line in chain((first,), lines) if _FIELD.match(first) else ():
        if not line.strip():
            break
        if _FIELD.match(line):
            fields += 1
        elif line[:1] not in " \t":
            return 0
        position += len(line) + 1
    return min(position, len(source)) if fields >= 2 else 0


def _lines(source: str) -> Iterator[str]:
    """The lines of a text, one by one (a header is read without splitting the whole document)."""
    start = 0
    while start <= len(source):
        end = source.find("\n", start)
        if end < 0:
            yield source[start:]
            return
        yield source[start:end]
        start = end + 1


def header_field(header: str, name: str) -> str | None:
    """The value of a header's field (its lines joined), or None.

    Examples
    --------
    >>> from summarize.blocks import header_field
    >>> header_field("PEP: 8\\nTitle: Style Guide for\\n  Python Code\\n", "title")
    'Style Guide for Python Code'
    """
    value: list[str] | None = None
    for line in header.split("\n"):
        if _FIELD.match(line):
            if value is not None:
                break
            key, _, rest = line.partition(":")
            if key.strip().lower() == name.lower():
                value = [rest.strip()]
        elif value is not None and line.strip():
            value.append(line.strip())
    return " ".join(part for part in value if part) if value is not None else None


@dataclass(frozen=True, kw_only=True, slots=True)
class Block:
    """One block of a document: a paragraph, a heading, a list item, a code block, ...

    Attributes
    ----------
    kind : str
        One of :data:`BLOCK_KINDS`.
    start, end : int
        Character offsets of the block in the text (the text the reader gives,
        which is the text sentence offsets refer to).
    level : int
        A heading's level (1 for the top level); a list item's nesting depth (1 for
        a top-level item); 0 for other blocks.
    trail : tuple of str
        The headings of the sections the block is in, outermost first (a heading's
        own text is not in its trail).

    Examples
    --------
    >>> from summarize.blocks import Block
    >>> text = "Usage\\n\\nRun it."
    >>> heading = Block(kind="heading", start=0, end=5, level=1)
    >>> body = Block(kind="paragraph", start=7, end=14, trail=("Usage",))
    >>> text[body.start:body.end], body.trail
    ('Run it.', ('Usage',))
    """

    kind: str
    start: int
    end: int
    level: int = 0
    trail: tuple[str, ...] = ()


def blocks_of(paragraphs: Sequence[tuple[str, str, int]]) -> tuple[str, tuple[Block, ...] | None]:
    """A document's text and blocks from its paragraphs, each ``(text, kind, level)``, as a reader found them.

    The texts are joined by blank lines; each block's trail is the headings above it
    (a heading closes the sections of its level and below). A document of paragraphs
    and list items alone has no blocks (None): it is read as plain text is.

    Examples
    --------
    >>> from summarize.blocks import blocks_of
    >>> text, blocks = blocks_of([("Use", "heading", 1), ("Run it.", "paragraph", 0)])
    >>> text, [(b.kind, text[b.start:b.end], b.trail) for b in blocks]
    ('Use\\n\\nRun it.', [('heading', 'Use', ()), ('paragraph', 'Run it.', ('Use',))])
    >>> blocks_of([("Run it.", "paragraph", 0)])
    ('Run it.', None)
    """
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []  # the open sections: (level, heading)
    start = 0
    for text, kind, level in paragraphs:
        if kind == "heading":
            while headings and headings[-1][0] >= level:
                headings.pop()
        trail = tuple(heading for _, heading in headings) if kind != "title" else ()
        blocks.append(Block(kind=kind, start=start, end=start + len(text), level=level, trail=trail))
        if kind == "heading":
            headings.append((level, text))
        start += len(text) + 2
    text = "\n\n".join(text for text, _, _ in paragraphs)
    plain = all(block.kind in PROSE_KINDS for block in blocks)
    return text, None if plain else tuple(blocks)


def manual_blocks(text: str, blocks: tuple[Block, ...] | None) -> tuple[Block, ...] | None:
    """The blocks of a manual page, with the paragraphs and list items of its sections that hold no prose set apart.

    A document is a manual page when it has two of the headings NAME, SYNOPSIS and
    DESCRIPTION, in capitals, as ``man`` shows one and as its HTML pages write it. The
    paragraphs and list items under NAME (the page's name and one-line description),
    SYNOPSIS and SEE ALSO become metadata; under COPYRIGHT, REPORTING BUGS and
    COLOPHON, boilerplate. Other documents' blocks are returned as they are, and so are
    those of a page that would keep no paragraph or list item (its other sections read
    as code, say): a summary of its one-line description rather than of its headings.

    Examples
    --------
    >>> from summarize.blocks import blocks_of, manual_blocks
    >>> text, blocks = blocks_of([("NAME", "heading", 1), ("tide - read the tides", "paragraph", 0),
    ...                           ("DESCRIPTION", "heading", 1), ("Tide reads the tides.", "paragraph", 0)])
    >>> [block.kind for block in manual_blocks(text, blocks)]
    ['heading', 'metadata', 'heading', 'paragraph']
    """
    if blocks is None:
        return None
    headings = {" ".join(text[block.start : block.end].split()) for block in blocks if block.kind == "heading"}
    if len(headings & {"NAME", "SYNOPSIS", "DESCRIPTION"}) < 2:
        return blocks
    found: list[Block] = []
    for block in blocks:
        sections = [_MANUAL_SECTIONS.get(" ".join(heading.split())) for heading in block.trail]
        kind = next((kind for kind in reversed(sections) if kind), None)
        found.append(replace(block, kind=kind) if kind and block.kind in PROSE_KINDS else block)
    return tuple(found) if any(block.kind in PROSE_KINDS for block in found) else blocks
