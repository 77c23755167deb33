"""PDF files in: the text as a reader sees it, with its title.

Characters and their positions come from PDFium, through pypdfium2 (installed by
the optional extra ``pdf``: ``pip install "summarize[pdf]"``, imported only when a
PDF is read); see ``docs/pdf.md`` for why PDFium, measured against pypdf and
pdfminer.six. The layout is read here, page by page:

1. Runs of text, each with its font's size and whether the font is bold, are
   gathered into lines; runs far apart on one line stay apart (table cells, or the
   two halves of a line across the gutter).
2. Columns are found by their gutter: a vertical strip that no narrow line crosses,
   with text beside it on both sides over a good part of the page. Lines that cross
   it (a title, a wide figure) divide the page into bands; each band is read column
   by column, top to bottom.
3. Lines in the top or bottom margin of a page (its outer eighth) whose text,
   digits aside, is repeated on most pages (running headers and footers), and page
   numbers there, are dropped.
4. Lines become paragraphs: a new one where the spacing is wider than between the
   lines of a paragraph, the font size changes, or a line is indented; a paragraph
   that fills its column to the bottom goes on in the next column or page. A word
   hyphenated across a line end is joined, unless the document writes it with the
   hyphen elsewhere. Ligatures (ﬁ, ﬂ, ...) are spelt out.
5. A line in bold from end to end at about the body's size ("2.1 Related work" in
   bold 10 pt over a 10 pt body) is a paragraph of its own, a heading, when it is
   short (a few words, well short of its column's right edge, no full stop at its
   end), starts a block (a paragraph break before it, or a line that ended its
   sentence or its paragraph) and the line after it is not bold. Bold words inside
   a paragraph, and a bold lead-in followed on its line by the paragraph's text
   ("Note. The value ..."), are not headings.
6. Table cells (pieces of lines far apart, that start at the same places in two
   lines or more; elsewhere wide gaps are justified text) are paragraphs of their
   own, so that they are fragments, never chosen for a summary (see
   :attr:`summarize.types.Sentence.fragment`).
7. Headings, never chosen either, are levelled: the short paragraphs in a font at
   least 1.25 times the body's by their size (the largest is level 1), then the
   headings in bold of step 5, one level deeper than the deepest of those (level 1
   in a document without any), and deeper again for each smaller size.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from summarize.blocks import Block, blocks_of
from summarize.errors import InputError, MissingDependencyError
from summarize.io.pdf_layout import Line, page_lines

if TYPE_CHECKING:
    import pypdfium2

__all__ = ["PdfText", "extract_pdf", "is_pdf"]

# The PDF header may follow up to 1024 bytes of other data (PDF 1.7, annex H).
_HEADER_WINDOW = 1024

# Lines at the top and at the bottom of each page that may be running headers or footers,
# if they are in the page's top or bottom margin (this share of its height).
_EDGE_LINES = 2
# A header or footer is repeated on at least this share of the pages (and on two).
_REPEATED_SHARE = 0.5
# "12", "- 12 -", "Page 12", "Page 12 of 40", "12 / 40", "xii": a page number alone on its line.
_PAGE_NUMBER = re.compile(r"[\W_]*(?:page\s*)?(?:\d{1,5}|[ivxlcdm]{1,8})(?:\s*(?:of|/)\s*\d{1,5})?[\W_]*", re.I)

# A paragraph ends where the distance to the next line is this many times the usual.
_PARAGRAPH_GAP = 1.35
# Font sizes that differ by more than this share belong to different paragraphs.
_SIZE_CHANGE = 0.15
# A line this close to the right edge of its column is full: its paragraph may go on.
_FULL_LINE = 0.85
# A heading's font is at least this many times the body's...
_HEADING_SIZE = 1.25
# ...and it has at most this many words, without a full stop at its end.
_HEADING_WORDS = 20
# A line in bold at about the body's size is a heading if it has at most this many words.
_BOLD_HEADING_WORDS = 12

_HYPHENS = "-\u00ad\ufffe\x02\u2010"
_HYPHENATED = re.compile(r"(\w+)[" + _HYPHENS + r"]$")
_TERMINAL = re.compile(r"[.!?:…][\"'”’)\]]*$")
_COMPOUND = re.compile(r"\w+(?:-\w+)+")
# Titles in metadata that are not titles: an empty template's, or a file name.
_NOT_A_TITLE = re.compile(
    r"(?:untitled.*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|tex|dvi|indd|rtf|odt))", re.I
)


@dataclass(frozen=True, kw_only=True, slots=True)
class PdfText:
    """The text of a PDF file.

    Attributes
    ----------
    text : str
        The paragraphs, headings and table cells in reading order, one block per
        paragraph, separated by blank lines, with the whitespace inside each block
        collapsed.
    title : str or None
        The title in the file's metadata, else the first heading of the first page
        (in a font at least 1.25 times the body's), else None.
    pages : int
        The number of pages.
    blocks : tuple of Block or None
        Headings (short paragraphs in a font at least 1.25 times the body's, the
        larger the font, the higher the level; below them, short lines in bold at
        about the body's size), table cells (``table``) and paragraphs, with their
        offsets in ``text`` and heading trails; None for a file of paragraphs alone.
    """

    text: str
    title: str | None = None
    pages: int
    blocks: tuple[Block, ...] | None = None


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` starts as a PDF file does (``%PDF-`` within the first 1024 bytes).

    Examples
    --------
    >>> is_pdf(b"%PDF-1.7\\n..."), is_pdf(b"PK\\x03\\x04...")
    (True, False)
    """
    return b"%PDF-" in data[:_HEADER_WINDOW]


def extract_pdf(data: bytes, *, name: str = "<pdf>", progress: Callable[[int, int], None] | None = None) -> PdfText:
    """Extract the text of a PDF file as a reader sees it, and its title.

    Parameters
    ----------
    data : bytes
        The file's contents.
    name : str
        What to call the file in error messages (a path or URL).
    progress : callable, optional
        Called as ``progress(done, pages)`` after each page.

    Returns
    -------
    PdfText

    Raises
    ------
    MissingDependencyError
        If pypdfium2, from the extra ``pdf``, is not installed.
    InputError
        If the file is not a PDF, is damaged or truncated, is encrypted with a
        password, or has no text layer (scanned pages: no OCR is done). The message
        starts with ``name``.

    Notes
    -----
    PDFium holds one page at a time; memory holds the file and the lines of text
    with their boxes. A 2,000-page report is read in a few seconds.
    """
    if not is_pdf(data):
        raise InputError(f"{name}: not a PDF file (it does not start with %PDF-)")
    try:
        import pypdfium2
    except ImportError:
        raise MissingDependencyError("reading PDF files", "pypdfium2", "pdf") from None
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise InputError(f"{name}: {_open_error(error)}") from None
    try:
        pages = len(document)
        lines: list[list[Line]] = []
        for number in range(pages):
            lines.append(page_lines(document, number, name=name))
            if progress is not None:
                progress(number + 1, pages)
        metadata = _metadata_title(document)
    finally:
        document.close()
    body = _drop_running_lines(lines)
    size = _body_size(body)
    paragraphs = _paragraphs(body, size)
    if not paragraphs:
        raise InputError(
            f"{name}: the PDF has no text layer (its {pages} page{'s' if pages != 1 else ''} are images, "
            "as scanned pages are); summarize does not do OCR, so run OCR on it first"
        )
    heading = next(
        (text for text, line, _ in paragraphs[:8] if line.page == 0 and line.size >= size * _HEADING_SIZE), None
    )
    title = metadata or heading
    found = _kinds(paragraphs, size, title)
    if found and found[0][1] == "title":
        del found[0]
    text, blocks = blocks_of(found)
    return PdfText(text=text, title=title, pages=pages, blocks=blocks)


def _kinds(paragraphs: list[tuple[str, Line, bool]], size: float, title: str | None) -> list[tuple[str, str, int]]:
    """Each paragraph with its kind and level: the title, a heading (a short one in a large font, or a
    line in bold), a table cell, prose.

    The title is the first of the first eight paragraphs that reads as ``title``.
    Headings are levelled by their font: the largest heading size is level 1, the
    next 2, and so on (sizes within half a point are one); headings in bold at about
    the body's size come after them, one level deeper than the deepest heading by
    size (level 1 in a document without any), and deeper again for each smaller size.
    """
    named = next(
        (n for n, (text, *_) in enumerate(paragraphs[:8]) if title and text.casefold() == title.casefold()), None
    )

    def is_heading(text: str, line: Line) -> bool:
        return (
            len(line.pieces) == 1
            and line.size >= size * _HEADING_SIZE
            and len(text.split()) <= _HEADING_WORDS
            and not _TERMINAL.search(text)
        )

    def key(line: Line) -> float:
        return round(line.size * 2) / 2

    headings = [line for n, (text, line, _) in enumerate(paragraphs) if n != named and is_heading(text, line)]
    sizes = sorted({key(line) for line in headings}, reverse=True)
    bold_sizes = sorted(
        {key(line) for n, (_, line, bold) in enumerate(paragraphs) if n != named and bold}, reverse=True
    )
    found: list[tuple[str, str, int]] = []
    for number, (text, line, bold) in enumerate(paragraphs):
        if number == named:
            found.append((text, "title", 1))
        elif len(line.pieces) > 1:
            found.append((text, "table", 0))
        elif is_heading(text, line):
            found.append((text, "heading", sizes.index(key(line)) + 1))
        elif bold:
            found.append((text, "heading", len(sizes) + bold_sizes.index(key(line)) + 1))
        else:
            found.append((text, "paragraph", 0))
    return found


def _open_error(error: Exception) -> str:
    code = getattr(error, "err_code", None)
    if code == 4:
        return "the PDF is encrypted (password-protected); summarize cannot read it without the password"
    if code == 5:
        return "the PDF is encrypted with a security handler that cannot be read"
    return "not a valid PDF file (damaged or truncated)"


def _metadata_title(document: pypdfium2.PdfDocument) -> str | None:
    try:
        title = " ".join(str(document.get_metadata_value("Title")).split())
    except Exception:  # a damaged info dictionary only loses the title
        return None
    return title if title and not _NOT_A_TITLE.fullmatch(title) else None


# Pages -----------------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.casefold().split()))


def _drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without running headers, footers and page numbers."""

    def edges(lines: list[Line]) -> list[Line]:
        by_height = sorted(lines, key=lambda line: -line.top)
        candidates = by_height[:_EDGE_LINES] + by_height[_EDGE_LINES:][-_EDGE_LINES:]
        return [line for line in candidates if line.margin]

    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(line.text) for line in edges(lines)})
    needed = max(2, math.ceil(_REPEATED_SHARE * len(pages)))
    kept = []
    for lines in pages:
        dropped = {
            id(line) for line in edges(lines) if counts[_key(line.text)] >= needed or _PAGE_NUMBER.fullmatch(line.text)
        }
        kept.append([line for line in lines if id(line) not in dropped])
    return kept


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _paragraphs(pages: list[list[Line]], size: float) -> list[tuple[str, Line, bool]]:
    """The paragraphs of the document, each with its first line and whether it is a heading in bold
    (a paragraph of one line); table cells alone."""
    lines = [line for page in pages for line in page]
    pitches = [
        previous.top - line.top
        for previous, line in pairwise(lines)
        if previous.region == line.region and previous.page == line.page and abs(previous.size - line.size) < 0.5
    ]
    pitch = statistics.median(pitches) if pitches else 0.0
    bold = _bold_headings(lines, size, pitch)
    groups: list[list[Line]] = []
    for line in lines:
        previous = groups[-1][-1] if groups else None
        if (
            previous is None
            or len(line.pieces) > 1
            or len(previous.pieces) > 1
            or _breaks(previous, line, pitch)
            or (bold and (id(line) in bold or id(previous) in bold))
        ):
            groups.append([line])
        else:
            groups[-1].append(line)
    words = _hyphenated_words(lines)
    paragraphs: list[tuple[str, Line, bool]] = []
    for group in groups:
        if len(group[0].pieces) > 1:
            paragraphs.extend((" ".join(cell.split()), group[0], False) for cell in group[0].cells)
            continue
        text = _join_lines([line.text for line in group], words)
        if text:
            paragraphs.append((text, group[0], id(group[0]) in bold))
    return paragraphs


def _bold_headings(lines: list[Line], size: float, pitch: float) -> set[int]:
    """The lines (their ``id``) that are headings by their weight, not their size.

    Such a line is in bold from end to end, at about the body's ``size`` (at least
    85% of it, and smaller than a heading by size), one piece of text; it is short
    (at most 12 words, well short of its column's right edge, without a full stop or
    a hyphen at its end); it starts a block (a paragraph break before it, or a line
    that is not bold and ends a sentence or stops short of its column's right edge);
    and the line after it is not bold, and does not go on with a small letter unless
    a paragraph break comes between them. Bold words inside a paragraph (emphasis),
    and a bold lead-in followed by the paragraph's text on its line ("Note. The
    value ..."), are not headings.
    """
    found: set[int] = set()
    for index, line in enumerate(lines[:-1]):
        if not (line.bold and len(line.pieces) == 1 and (1 - _SIZE_CHANGE) * size <= line.size < _HEADING_SIZE * size):
            continue
        text = line.text
        short = (
            len(text.split()) <= _BOLD_HEADING_WORDS
            and not _full(line)
            and not _TERMINAL.search(text)
            and not _HYPHENATED.search(text)
        )
        previous = lines[index - 1] if index else None
        starts = (
            previous is None
            or len(previous.pieces) > 1
            or _breaks(previous, line, pitch)
            or (not previous.bold and (not _full(previous) or bool(_TERMINAL.search(previous.text))))
        )
        following = lines[index + 1]
        ends = not following.bold and (not following.text[:1].islower() or _breaks(line, following, pitch))
        if short and starts and ends:
            found.add(id(line))
    return found


def _full(line: Line) -> bool:
    """Whether ``line`` reaches the right of its column, as the lines of a paragraph that goes on do."""
    return line.right >= line.column_left + _FULL_LINE * (line.column_right - line.column_left)


def _breaks(previous: Line, line: Line, pitch: float) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous``."""
    if abs(line.size - previous.size) > _SIZE_CHANGE * max(line.size, previous.size):
        return True
    if previous.page != line.page or previous.region != line.region:
        # Over a column or page break, a paragraph goes on if it filled its column.
        return not _full(previous) or bool(_TERMINAL.search(previous.text))
    if pitch and previous.top - line.top > _PARAGRAPH_GAP * pitch:
        return True
    return line.left - previous.left > line.size and line.left > line.column_left + 0.5 * line.size


def _hyphenated_words(lines: list[Line]) -> set[str]:
    """The words written with a hyphen inside a line, such as "high-water" (casefolded)."""
    return {word.casefold() for line in lines if "-" in line.text for word in _COMPOUND.findall(line.text)}


def _join_lines(lines: list[str], hyphenated: set[str]) -> str:
    text = ""
    for line in lines:
        line = line.strip()
        if not text:
            text = line
            continue
        head = _HYPHENATED.search(text[-64:])
        tail = re.match(r"\w+", line)
        if head and tail and tail.group()[0].islower():
            word = f"{head.group(1)}-{tail.group()}".casefold()
            text = text[:-1] + ("-" if word in hyphenated else "") + line
        else:
            text += " " + line
    return " ".join(text.replace("\u00ad", "-").split())
