"""reStructuredText documents in: the text a reader sees, and its blocks.

The source is parsed by docutils, the reference parser of reStructuredText, and
the document tree is walked in order: section titles become headings (with their
level), paragraphs keep their words without inline markup (``literal``, `a link
<https://...>`_, **bold** and :role:`text` read as their text), list items,
literal and doctest blocks (code), tables, block quotations, field lists and
comments (metadata). A role of Sphinx, which docutils does not know
(:role:`Title <target>`, :role:`~module.name`), reads as Sphinx shows it: its
title, or its target (the last part of a dotted name after ``~``). Images,
badges, substitution definitions, hyperlink targets and raw blocks are dropped.
Included files and raw input are disabled, and no configuration file is read:
parsing reads nothing but the text.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from summarize.blocks import Block, blocks_of, header_end, header_field
from summarize.errors import InputError
from summarize.spacing import fold

__all__ = ["RstText", "read_rst"]

# docutils reads nothing but the text: no included files, no raw input, no configuration
# files, no messages on standard error, and no error stops the parse.
_SETTINGS = {
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "_disable_config": True,
    "report_level": 5,
    "halt_level": 5,
    "warning_stream": io.StringIO(),
    "input_encoding": "unicode",
    # The title is found below, as for Markdown: docutils would also make a lone
    # subsection a subtitle.
    "doctitle_xform": False,
}


# A role docutils does not know (Sphinx's :ref:, :class:, :doc:, ...) stays in the tree as its
# source, ":ref:`Title <target>`", in a "problematic" node; a domain may precede the role (:py:func:).
_ROLE = re.compile(r":(?:[\w.+-]+:)+`(?P<content>.*)`", re.DOTALL)
# An explicit title, as Sphinx reads a cross-reference: "Title <target>".
_EXPLICIT_TITLE = re.compile(r"(?P<title>.+?)\s*<[^<>]*>", re.DOTALL)


@dataclass(frozen=True, kw_only=True, slots=True)
class RstText:
    """A reStructuredText document as read: its text, its title, and its blocks (None without structure)."""

    text: str
    title: str | None
    blocks: tuple[Block, ...] | None


def read_rst(source: str, *, name: str = "<rst>") -> RstText:
    """The text, title and blocks of a reStructuredText document.

    Examples
    --------
    >>> from summarize.io.rst import read_rst
    >>> document = read_rst("Tool\\n====\\n\\nUse\\n---\\n\\nRun ``tool`` on a file, see `the docs <https://x.org>`_.")
    >>> document.title, document.text
    ('Tool', 'Use\\n\\nRun tool on a file, see the docs.')
    >>> [(b.kind, b.level, b.trail) for b in document.blocks]
    [('heading', 1, ()), ('paragraph', 0, ('Use',))]
    """
    try:
        from docutils.core import publish_doctree
    except ImportError:  # a dependency of summarize: only a broken install lacks it
        raise InputError(f"{name}: reStructuredText needs docutils, which is not installed") from None
    # A header of fields at the start (a PEP's ``PEP:`` / ``Title:``) is metadata; docutils would read a paragraph.
    cut = header_end(source)
    walked: list[tuple[str, str, int]] = []
    try:
        tree = publish_doctree(source[cut:], settings_overrides=dict(_SETTINGS, warning_stream=io.StringIO()))
        _walk(tree, 1, "paragraph", walked)
    except RecursionError:  # docutils parses nested blocks by recursion
        raise InputError(
            f"{name}: the reStructuredText is nested too deeply to read (block quotations or lists "
            "inside one another, hundreds of levels)"
        ) from None
    found = [(text.strip("\n") if kind == "code" else fold(text), kind, level) for text, kind, level in walked]
    found = [(text, kind, level) for text, kind, level in found if text]
    title = header_field(source[:cut], "title") if cut else None
    tops = [number for number, (_, kind, level) in enumerate(found) if kind == "heading" and level == 1]
    # One top-level section, first (and no title in a header): its title is the document's, its sections the top ones.
    if tops == [0] and title is None:
        title = found[0][0]
        found = [(text, kind, level - 1 if kind == "heading" else level) for text, kind, level in found[1:]]
    if cut:
        found.insert(0, (source[:cut].strip(), "metadata", 0))
    text, blocks = blocks_of(found)
    return RstText(text=text, title=title, blocks=blocks)


def _walk(node: Any, level: int, prose: str, found: list[tuple[str, str, int]]) -> None:
    """Append the blocks under ``node``: sections at ``level``, paragraphs as ``prose``."""
    from docutils import nodes

    for child in node.children:
        if isinstance(child, nodes.section):
            heading = next((part for part in child.children if isinstance(part, nodes.title)), None)
            if heading is not None:
                found.append((_text(heading), "heading", level))
            _walk(child, level + 1, "paragraph", found)
        elif isinstance(child, nodes.title):
            continue  # a section's title: its heading, above
        elif isinstance(child, nodes.paragraph):
            found.append((_text(child), prose, 0))
        elif isinstance(child, nodes.caption):
            found.append((_text(child), "caption", 0))
        elif isinstance(child, (nodes.bullet_list, nodes.enumerated_list, nodes.definition_list)):
            _walk(child, level, "list_item", found)
        elif isinstance(child, (nodes.literal_block, nodes.doctest_block, nodes.math_block)):
            found.append((child.astext(), "code", 0))
        elif isinstance(child, nodes.table):
            found.append((child.astext(), "table", 0))
        elif isinstance(child, nodes.block_quote):
            _walk(child, level, "quotation", found)
        elif isinstance(child, (nodes.field_list, nodes.docinfo, nodes.option_list, nodes.comment, nodes.term)):
            found.append((child.astext(), "metadata", 0))
        elif isinstance(
            child, (nodes.image, nodes.target, nodes.substitution_definition, nodes.raw, nodes.system_message)
        ):
            continue
        elif isinstance(child, nodes.Element):
            _walk(child, level, prose, found)


def _text(node: Any) -> str:
    """The text of a paragraph or a title as shown, a role unknown to docutils read as Sphinx shows it."""
    from docutils import nodes

    if isinstance(node, nodes.problematic):
        role = _ROLE.fullmatch(node.astext())
        if role is not None:
            return _role_text(role["content"])
    if isinstance(node, nodes.TextElement) and node.next_node(nodes.problematic) is not None:
        return "".join(_text(child) for child in node.children)
    return str(node.astext())


def _role_text(content: str) -> str:
    """What Sphinx shows of a role's content: its explicit title, or its target without ``!``, ``.`` and ``~``.

    Examples
    --------
    >>> from summarize.io.rst import _role_text
    >>> [_role_text(c) for c in ("Get started <getstarted>", "~flask.ctx.RequestContext", ".g", "--log-level")]
    ['Get started', 'RequestContext', 'g', '--log-level']
    """
    explicit = _EXPLICIT_TITLE.fullmatch(content)
    if explicit is not None:
        return explicit["title"]
    text = content.lstrip("!").lstrip(".")
    if text.startswith("~"):
        text = text[1:].rsplit(".", 1)[-1]
    return text
