"""Markdown documents: the text a reader sees, and its blocks, from markdown-it-py's token stream.

:func:`read_markdown` parses CommonMark (with tables) with markdown-it-py and
writes the text as it reads when rendered: markup removed, links reduced to their
text, images and badges dropped, inline code kept as its code, code blocks and
tables kept as blocks of their own, a copyright notice as boilerplate, blocks
separated by blank lines. Python-Markdown's admonitions (``!!! note``, as
MkDocs writes them) and the containers of Docusaurus, VitePress and pandoc
(``:::note``) read as their bodies' paragraphs, and mkdocstrings' and mkautodoc's
instructions (``::: package.name``) as nothing. Each block
(:class:`~summarize.structure.Block`) has offsets into that text and the trail of
headings above it, so sentence offsets refer to the text returned.

markdown-it-py is imported only here, when a Markdown document is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.blocks import Block, header_end, header_field, is_notice

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["MarkdownText", "looks_like_markdown", "read_markdown"]

_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t]+")
# The characters that can start inline markup in CommonMark (code, emphasis, links, images, HTML,
# entities, escapes); a paragraph without any is its own text.
# The box of a task list's item: "[ ] Write the docs", "[x] Tests".
_TASK = re.compile(r"\[[ xX]\]\s")
_INLINE_MARKS = re.compile(r"[`*_\[\]!<&\\]")
# Python-Markdown's admonition (pymdownx's collapsible "???"), its body indented under it:
# !!! note "A title"; and an instruction of mkdocstrings or mkautodoc: ::: package.name.
_ADMONITION = re.compile(r" {0,3}(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+\"[^\"\n]*\")?[ \t]*")
_AUTODOC = re.compile(r" {0,3}:::[ \t]+[\w.]+[ \t]*")
# The opening or closing line of a container of Docusaurus, VitePress or pandoc (:::note, ::: {.tip}, :::).
_CONTAINER = re.compile(r" {0,3}:{3,}(?:[ \t]*\{?[\w.#-]+\}?(?:[ \t]+[^\n]*)?)?[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_INDENT = re.compile(r"(?: {4}|\t)")


# The marks of Markdown that plain text rarely has, each looked for in the first _SNIFF characters.
_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),  # an ATX heading
    re.compile(r"^(?:```|~~~)", re.MULTILINE),  # a fenced code block
    re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)"),  # a link or an image
    re.compile(r"(?<![*\w])\*\*\S[^*\n]*\*\*(?![*\w])|(?<![`\w])`[^`\n]+`(?![`\w])"),  # bold, inline code
    re.compile(r"^\|.*\|[ \t]*\n\|[ \t]*:?-{3,}", re.MULTILINE),  # a table's head
)
_SNIFF = 20_000


def looks_like_markdown(text: str) -> bool:
    """Whether a text read as plain text is Markdown: it has at least two different marks of it.

    The marks: an ATX heading (``# Usage``), a fenced code block, a link or image
    (``[text](url)``), bold or inline code, a table's head row and rule; looked for
    in the first 20,000 characters.

    Examples
    --------
    >>> from summarize.io.markdown import looks_like_markdown
    >>> looks_like_markdown("# Usage\\n\\nRun `tool` on [a file](https://x).")
    True
    >>> looks_like_markdown("# A comment line\\nThe council met on Monday.")
    False
    """
    head = text[:_SNIFF]
    return sum(1 for sign in _SIGNS if sign.search(head)) >= 2


@dataclass(frozen=True, kw_only=True, slots=True)
class MarkdownText:
    """A Markdown document as a reader sees it.

    Attributes
    ----------
    text : str
        The rendered text: blocks separated by blank lines, without markup.
    blocks : tuple of Block
        Its blocks, in text order, with offsets into ``text``.
    title : str or None
        The document's title: its only level-1 heading when that opens it.
    """

    text: str
    blocks: tuple[Block, ...]
    title: str | None


def read_markdown(source: str) -> MarkdownText:
    """The text and blocks of a Markdown document (CommonMark with tables).

    Examples
    --------
    >>> from summarize.io.markdown import read_markdown
    >>> doc = read_markdown("# Tool\\n\\n[![ci](https://x/b.svg)](https://x)\\n\\n## Use\\n\\nRun **it** [now](https://x).\\n")
    >>> doc.text
    'Tool\\n\\nUse\\n\\nRun it now.'
    >>> [(b.kind, doc.text[b.start:b.end], b.trail) for b in doc.blocks]
    [('title', 'Tool', ()), ('heading', 'Use', ()), ('paragraph', 'Run it now.', ('Use',))]
    >>> doc.title
    'Tool'
    """
    from markdown_it import MarkdownIt

    # Blocks first, without their inline markup; each paragraph's markup is parsed when it has any.
    blocks_only = MarkdownIt("commonmark").enable("table").disable("inline")
    parser = MarkdownIt("commonmark").enable("table")
    env: dict[str, object] = {}  # the link reference definitions the block parser finds
    # A header of fields or YAML front matter at the start is metadata (markdown-it would read a rule and a heading).
    cut = header_end(source)
    writer = _Writer()
    writer.add("metadata", source[:cut].strip())
    tokens = blocks_only.parse(_opened(source[cut:]), env)

    def _inline(token: Token) -> str:
        return _inline_text(token, parser, env)

    headings: list[tuple[int, str]] = []  # the open sections: (level, heading text)
    lists = 0
    quotes = 0
    position = 0
    while position < len(tokens):
        token = tokens[position]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind == "heading_open":
            level = int(token.tag[1:])
            text = _inline(tokens[position + 1])
            while headings and headings[-1][0] >= level:
                headings.pop()
            writer.add("heading", text, level=level, trail=tuple(heading for _, heading in headings))
            headings.append((level, text))
            position += 2
        elif kind == "paragraph_open":
            text = _inline(tokens[position + 1])
            block = "quotation" if quotes else "list_item" if lists else "paragraph"
            if block == "paragraph" and is_notice(text):
                block = "boilerplate"
            elif block == "list_item" and _TASK.match(text):  # a checklist's item, not prose
                block = "metadata"
            writer.add(block, text, level=lists if block == "list_item" else 0, trail=_trail(headings))
            position += 2
        elif kind in ("fence", "code_block"):
            writer.add("code", token.content.rstrip("\n"), trail=_trail(headings))
        elif kind == "html_block":
            writer.add("metadata", _SPACES.sub(" ", _TAG.sub("", token.content)).strip(), trail=_trail(headings))
        elif kind == "table_open":
            rows, position = _table(tokens, position, _inline)
            writer.add("table", "\n".join(rows), trail=_trail(headings))
        position += 1
    blocks = _titled(writer.blocks)
    titles = [block for block in blocks if block.kind == "title"]
    title = writer.text()[titles[0].start : titles[0].end] if titles else header_field(source[:cut], "title")
    return MarkdownText(text=writer.text(), blocks=blocks, title=title)


def _opened(source: str) -> str:
    """The source with its admonitions opened (their bodies dedented, their first lines blank) and no autodoc.

    An admonition's body is the lines indented four columns (or a tab) under it, and the
    blank lines between; an instruction of autodoc takes its indented options with it;
    the lines that open and close a container (``:::note`` ... ``:::``) are blanked, and
    its text, not indented, is read as the document's. Lines in fenced code are left as
    they are.

    Examples
    --------
    >>> from summarize.io.markdown import _opened
    >>> _opened('!!! note "Keep"\\n    Tides turn.\\n\\n    Twice a day.\\n\\n::: harbour.Tide\\n    :docstring:\\n')
    '\\nTides turn.\\n\\nTwice a day.\\n\\n\\n\\n'
    """
    if "!!!" not in source and "???" not in source and ":::" not in source:
        return source
    lines = source.split("\n")
    fence = ""  # the fence of the code block the line is in, or ""
    body: bool | None = None  # in an admonition's body (True) or an autodoc's options (False), or neither (None)
    for number, line in enumerate(lines):
        if body is not None:
            indented = _INDENT.match(line)
            if indented or not line.strip():
                if not body:
                    lines[number] = ""  # an option of autodoc
                elif indented:
                    lines[number] = line[indented.end() :]
                continue
            body = None
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        elif _ADMONITION.fullmatch(line) or _AUTODOC.fullmatch(line):
            body = _ADMONITION.fullmatch(line) is not None
            lines[number] = ""
        elif _CONTAINER.fullmatch(line):
            lines[number] = ""
    return "\n".join(lines)


def _trail(headings: list[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(heading for _, heading in headings)


def _titled(blocks: list[Block]) -> tuple[Block, ...]:
    """The blocks, with a level-1 heading that opens the document (after its header) and is its only one as its title.

    The title is taken out of the other blocks' trails: it names the whole document,
    not a section (the pipeline weighs its words for every sentence).
    """
    tops = [block for block in blocks if block.kind == "heading" and block.level == 1]
    first = next((number for number, block in enumerate(blocks) if block.kind != "metadata"), None)
    if first is None or len(tops) != 1 or blocks[first] is not tops[0]:
        return tuple(blocks)
    title = blocks[first]
    rest = tuple(
        Block(kind=block.kind, start=block.start, end=block.end, level=block.level, trail=block.trail[1:])
        for block in blocks[first + 1 :]
    )
    return (*blocks[:first], Block(kind="title", start=title.start, end=title.end, level=1), *rest)


def _inline_text(token: Token, parser: MarkdownIt, env: dict[str, object]) -> str:
    """The text an inline token shows: its words, links' text, code; no images, no HTML, no markup.

    Inline markup is parsed only where it can be: a paragraph without any of
    ``_INLINE_MARKS`` (most of a document's prose) is its own text, its line
    breaks read as spaces, as markdown-it-py would render it.
    """
    content = token.content
    if not _INLINE_MARKS.search(content) and "  \n" not in content:
        return _SPACES.sub(" ", content.replace("\n", " ")).strip()
    # The inline rules alone (the core's other rules have nothing to do on one paragraph's
    # inline text); escapes and entities come as text_special, which the core would join.
    children: list[Token] = []
    parser.inline.parse(content, parser, env, children)
    parts: list[str] = []
    link_start: list[int] = []
    for child in children:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link_open":
            link_start.append(len(parts))
        elif kind == "link_close" and link_start:
            start = link_start.pop()
            if not "".join(parts[start:]).strip():  # a link around an image alone: a badge, dropped
                del parts[start:]
    return _SPACES.sub(" ", "".join(parts)).strip()


def _table(tokens: list[Token], position: int, inline: Callable[[Token], str]) -> tuple[list[str], int]:
    """The rows of the table that opens at ``position`` (cells joined by `` | ``), and the position of its close."""
    rows: list[str] = []
    cells: list[str] = []
    while tokens[position].type != "table_close":
        token = tokens[position]
        if token.type == "inline":
            cells.append(inline(token))
        elif token.type == "tr_close":
            rows.append(" | ".join(cells))
            cells = []
        position += 1
    return rows, position


class _Writer:
    """The rendered text, written block by block, each block's offsets noted."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []

    def add(self, kind: str, text: str, *, level: int = 0, trail: tuple[str, ...] = ()) -> None:
        if not text.strip():
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.blocks.append(Block(kind=kind, start=self.length, end=self.length + len(text), level=level, trail=trail))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)
