"""Word files in: the paragraphs, headings, list items and table cells of a DOCX file.

A DOCX file is a zip archive of XML parts; this module reads three of them with
the standard library (:mod:`zipfile` and :mod:`xml.etree.ElementTree`), so it
needs no optional package: ``word/document.xml`` (the text), ``word/styles.xml``
(which paragraph styles are headings, list items and captions) and
``docProps/core.xml`` (the title). What is unzipped is counted as it is read and
refused past a limit, so a small file that unzips to gigabytes (a zip bomb) costs
neither the memory nor the time. The XML is parsed as a stream, one paragraph at a
time, and no external entity or DTD is loaded.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO
from xml.etree import ElementTree

from summarize._validation import check_int
from summarize.blocks import Block, blocks_of
from summarize.errors import InputError

__all__ = ["DEFAULT_MAX_UNZIPPED", "MAX_ELEMENTS", "MAX_PARAGRAPH_ELEMENTS", "DocxText", "extract_docx", "is_docx"]

#: The most bytes unzipped from one DOCX file (256 MiB): a text of over 30,000 pages
#: as Word writes it.
DEFAULT_MAX_UNZIPPED = 256 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"
_CORE = "docProps/core.xml"
_ZIP = b"PK\x03\x04"
# Word 97-2003 files, and DOCX files encrypted with a password, are OLE compound files.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_HEADING_STYLE = re.compile(r"(?:heading\s*\d|title|subtitle)", re.IGNORECASE)
_CHUNK = 1024 * 1024
#: The most XML elements in one paragraph (a paragraph of Word's has a few per word).
MAX_PARAGRAPH_ELEMENTS = 1_000_000
#: The most XML elements in ``word/document.xml``: more than the text that
#: :data:`DEFAULT_MAX_UNZIPPED` holds as Word writes it.
MAX_ELEMENTS = 10_000_000
# What zipfile raises for a damaged archive: bad headers and data, an unknown
# compression method (NotImplementedError), an encrypted member (RuntimeError).
_DAMAGED = (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError, zlib.error)


@dataclass(frozen=True, kw_only=True, slots=True)
class DocxText:
    """The text of a DOCX file.

    Attributes
    ----------
    text : str
        The paragraphs, headings, list items and table cells in document order, one
        block each, separated by blank lines, with the whitespace inside each block
        collapsed.
    title : str or None
        The title in the document's properties, else its first paragraph in the
        style Title, else its first heading, else None.
    blocks : tuple of Block or None
        Each block's kind (from its paragraph style: title, heading with its level,
        list item, caption, table cell as ``table``, paragraph), its offsets in
        ``text`` and its heading trail; None for a document of paragraphs and list
        items alone, which is read as plain text is.
    """

    text: str
    title: str | None = None
    blocks: tuple[Block, ...] | None = None


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip archive holding ``word/document.xml``, as a DOCX file is.

    Examples
    --------
    >>> is_docx(b"%PDF-1.7"), is_docx(b"")
    (False, False)
    """
    if not data.startswith(_ZIP):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DOCUMENT in archive.namelist()
    except _DAMAGED:
        return False


def extract_docx(data: bytes, *, name: str = "<docx>", max_unzipped: int = DEFAULT_MAX_UNZIPPED) -> DocxText:
    """Extract the text of a DOCX file and its title.

    Parameters
    ----------
    data : bytes
        The file's contents.
    name : str
        What to call the file in error messages (a path or URL).
    max_unzipped : int
        The most bytes to unzip (default :data:`DEFAULT_MAX_UNZIPPED`, 256 MiB).

    Returns
    -------
    DocxText

    Raises
    ------
    InputError
        If the file is not a DOCX file (a Word 97-2003 file, another zip archive,
        or anything else), is damaged or truncated, is encrypted with a password,
        unzips to more than ``max_unzipped`` bytes, or holds no text. The message
        starts with ``name``.
    InvalidParameterError
        If ``max_unzipped`` is not a positive int.

    Notes
    -----
    Deleted text of tracked changes, field codes, comments, footnotes, headers and
    footers are left out. A paragraph is a heading when its style is a heading (a
    style named "heading 1" to "heading 9", "Title" or "Subtitle", or any style
    with an outline level); it is its own block, as every paragraph is.
    """
    check_int("max_unzipped", max_unzipped, minimum=1)
    if data.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in data:
            raise InputError(f"{name}: the Word file is encrypted (password-protected); summarize cannot read it")
        raise InputError(f"{name}: a Word 97-2003 (.doc) or other OLE file, not a DOCX file; save it as .docx")
    if not data.startswith(_ZIP):
        raise InputError(f"{name}: not a DOCX file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED:
        raise InputError(f"{name}: not a valid DOCX file (the zip archive is damaged or truncated)") from None
    with archive:
        names = set(archive.namelist())
        if _DOCUMENT not in names:
            raise InputError(f"{name}: a zip archive but not a Word document (it has no {_DOCUMENT})")
        budget = _Budget(name=name, limit=max_unzipped)
        styles = _styles(archive, budget) if _STYLES in names else {}
        title = _core_title(archive, budget) if _CORE in names else None
        blocks = list(_blocks(archive, budget, styles))
    if not blocks:
        raise InputError(f"{name}: the Word document has no text")
    if title is None:
        title = next((text for text, kind, _ in blocks if kind == "title"), None)
        title = title or next((text for text, kind, _ in blocks if kind == "heading"), None)
    if title and blocks[0][0].casefold() == title.casefold():
        del blocks[0]
    text, structure = blocks_of([(text, _BLOCK_KINDS.get(kind, "paragraph"), level) for text, kind, level in blocks])
    return DocxText(text=text, title=title, blocks=structure)


# The kinds of block of the paragraphs' kinds.
_BLOCK_KINDS = {"title": "title", "heading": "heading", "list": "list_item", "caption": "caption", "cell": "table"}


@dataclass
class _Budget:
    """The bytes that may still be unzipped from one file."""

    name: str
    limit: int
    used: int = 0

    def take(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise InputError(
                f"{self.name}: unzips to more than {self.limit:,} bytes, the limit for a DOCX file "
                "(a zip bomb, or a document too large to read)"
            )


class _Limited(io.RawIOBase):
    """A zip member read through the budget, a chunk at a time."""

    def __init__(self, member: IO[bytes], budget: _Budget) -> None:
        self._member = member
        self._budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self._member.read(min(len(buffer), _CHUNK))
        self._budget.take(len(chunk))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _events(archive: zipfile.ZipFile, part: str, budget: _Budget) -> Iterator[tuple[str, ElementTree.Element]]:
    info = archive.getinfo(part)
    if info.file_size > budget.limit - budget.used:
        budget.take(info.file_size)  # refused before anything is unzipped
    try:
        with archive.open(info) as member:
            stream = io.BufferedReader(_Limited(member, budget), _CHUNK)
            yield from ElementTree.iterparse(stream, events=("start", "end"))
    except ElementTree.ParseError as error:
        raise InputError(f"{budget.name}: not a valid DOCX file ({part} is not well-formed XML: {error})") from None
    except _DAMAGED as error:
        if isinstance(error, InputError):
            raise
        raise InputError(f"{budget.name}: not a valid DOCX file (the zip archive is damaged or truncated)") from None


def _styles(archive: zipfile.ZipFile, budget: _Budget) -> dict[str, tuple[str, int]]:
    """Each paragraph style that matters, by style id: its kind ("title", "heading", "list", "caption") and level."""
    kinds: dict[str, tuple[str, int]] = {}
    for event, element in _events(archive, _STYLES, budget):
        if event != "end" or element.tag != f"{_W}style":
            continue
        identifier = element.get(f"{_W}styleId") or ""
        named = element.find(f"{_W}name")
        style = (named.get(f"{_W}val") if named is not None else None) or identifier
        level = element.find(f"{_W}pPr/{_W}outlineLvl")
        lowered = style.casefold()
        if lowered == "title":
            kinds[identifier] = ("title", 1)
        elif _HEADING_STYLE.fullmatch(lowered) or level is not None:
            kinds[identifier] = ("heading", _level(lowered, level))
        elif lowered.startswith("list"):
            kinds[identifier] = ("list", 0)
        elif lowered == "caption":
            kinds[identifier] = ("caption", 0)
        element.clear()
    return kinds


def _core_title(archive: zipfile.ZipFile, budget: _Budget) -> str | None:
    title = None
    for event, element in _events(archive, _CORE, budget):
        if event == "end" and element.tag == _DC_TITLE and title is None:
            title = " ".join((element.text or "").split()) or None
    return title


def _blocks(
    archive: zipfile.ZipFile, budget: _Budget, styles: dict[str, tuple[str, int]]
) -> Iterator[tuple[str, str, int]]:
    """Each paragraph's text with its kind ("title", "heading", "list", "caption", "cell" or "paragraph") and level.

    The level is a heading's (1 to 9; 1 for a title) and 0 for other paragraphs.

    Read as a stream in work and memory linear in the XML: each element is dropped
    from its parent once it ends (only a paragraph's properties are kept until the
    paragraph ends), and the text of an open paragraph is gathered as it comes.
    Paragraphs of more than :data:`MAX_PARAGRAPH_ELEMENTS` elements, and documents of
    more than :data:`MAX_ELEMENTS`, are refused: no writer makes them.
    """
    tables = 0
    elements = 0
    open_elements: list[ElementTree.Element] = []
    paragraphs: list[tuple[io.StringIO, int]] = []  # the text of each open paragraph, and its elements so far
    properties = 0  # open w:pPr elements: what is inside them is kept for _kind
    for event, element in _events(archive, _DOCUMENT, budget):
        tag = element.tag
        if event == "start":
            elements += 1
            if elements > MAX_ELEMENTS:
                raise InputError(
                    f"{budget.name}: the Word document has more than {MAX_ELEMENTS:,} XML elements, "
                    "more than any document a writer makes (a hostile or damaged file)"
                )
            if paragraphs:
                gathered, count = paragraphs[-1]
                if count >= MAX_PARAGRAPH_ELEMENTS:
                    raise InputError(
                        f"{budget.name}: a paragraph of the Word document has more than {MAX_PARAGRAPH_ELEMENTS:,} "
                        "XML elements, more than any writer makes (a hostile or damaged file)"
                    )
                paragraphs[-1] = (gathered, count + 1)
            open_elements.append(element)
            if tag == f"{_W}tbl":
                tables += 1
            elif tag == f"{_W}p":
                paragraphs.append((io.StringIO(), 0))
            elif tag == f"{_W}pPr":
                properties += 1
            continue
        open_elements.pop()
        if tag == f"{_W}tbl":
            tables -= 1
        elif tag == f"{_W}pPr":
            properties -= 1
        elif tag == f"{_W}p":
            text = " ".join(paragraphs.pop()[0].getvalue().split())
            if text:
                yield (text, "cell", 0) if tables else (text, *_kind(element, styles))
            element.clear()
        elif paragraphs and not properties:
            if tag == f"{_W}t":
                paragraphs[-1][0].write(element.text or "")
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                paragraphs[-1][0].write(" ")
            elif tag == f"{_W}noBreakHyphen":
                paragraphs[-1][0].write("-")
        if open_elements and not properties and tag != f"{_W}pPr":
            open_elements[-1].remove(element)  # its last child: its text is taken, and it is done


def _kind(paragraph: ElementTree.Element, styles: dict[str, tuple[str, int]]) -> tuple[str, int]:
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        return "paragraph", 0
    style = properties.find(f"{_W}pStyle")
    identifier = (style.get(f"{_W}val") or "") if style is not None else ""
    kind, level = styles.get(identifier, ("", 0))
    if not kind and _HEADING_STYLE.fullmatch(identifier):
        kind, level = "heading", _level(identifier, None)  # Heading1, Title ...: the built-in ids, without styles.xml
    outline = properties.find(f"{_W}outlineLvl")
    if not kind and outline is not None:
        kind, level = "heading", _level("", outline)
    if not kind and properties.find(f"{_W}numPr") is not None:
        kind = "list"
    return (kind, level) if kind else ("paragraph", 0)


def _level(style: str, outline: ElementTree.Element | None) -> int:
    """A heading's level, from its outline level (0 is level 1) or the digit of its style ("heading 2"), else 1."""
    if outline is not None and (outline.get(f"{_W}val") or "").isdigit():
        return min(9, int(outline.get(f"{_W}val") or "0") + 1)
    digits = re.search(r"\d", style)
    return int(digits.group()) if digits else 1
