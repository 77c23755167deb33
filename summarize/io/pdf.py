"""PDF files in: the text as a reader sees it, with its title.

Characters and their positions come from PDFium, through pypdfium2 (installed by
the optional extra ``pdf``: ``pip install "summarize[pdf]"``, imported only when a
PDF is read); see ``docs/pdf.md`` for why PDFium, measured against pypdf and
pdfminer.six. The layout is read here, page by page:

1. Runs of text are gathered into lines; runs far apart on one line stay apart
   (table cells, or the two halves of a line across the gutter).
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
5. Table cells (pieces of lines far apart, that start at the same places in two
   lines or more; elsewhere wide gaps are justified text) are paragraphs of their
   own, so that they are fragments, never chosen for a summary (see
   :attr:`summarize.types.Sentence.fragment`).
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from summarize.errors import InputError, MissingDependencyError

if TYPE_CHECKING:
    import pypdfium2

__all__ = ["PdfText", "extract_pdf", "is_pdf"]

# The PDF header may follow up to 1024 bytes of other data (PDF 1.7, annex H).
_HEADER_WINDOW = 1024

# Lines at the top and at the bottom of each page that may be running headers or footers,
# if they are in the page's top or bottom margin (this share of its height).
_EDGE_LINES = 2
_MARGIN_SHARE = 0.12
# A header or footer is repeated on at least this share of the pages (and on two).
_REPEATED_SHARE = 0.5
# "12", "- 12 -", "Page 12", "Page 12 of 40", "12 / 40", "xii": a page number alone on its line.
_PAGE_NUMBER = re.compile(r"[\W_]*(?:page\s*)?(?:\d{1,5}|[ivxlcdm]{1,8})(?:\s*(?:of|/)\s*\d{1,5})?[\W_]*", re.I)

# Cells of two rows of a table start within this many points of each other.
_ALIGNED = 2.0
# Runs on one line farther apart than this (in font sizes) have a space between them.
_SPACE = 0.15
# Runs on one line closer than this (in font sizes) are one piece of text; farther
# apart, they are separate cells.
_CELL_GAP = 1.0
# A gutter between columns is at least this many points wide ...
_GUTTER_MIN = 6.0
# ... and has lines on both sides, side by side, over this share of the page's text height.
_GUTTER_SUPPORT = 0.25
# Lines beside a gutter at least this share of the page's text width wide are lines of a column.
_COLUMN_WIDTH = 0.3
# Lines narrower than this share of the page's text width may stand in a column.
_NARROW = 0.6
# A paragraph ends where the distance to the next line is this many times the usual.
_PARAGRAPH_GAP = 1.35
# Font sizes that differ by more than this share belong to different paragraphs.
_SIZE_CHANGE = 0.15
# A line this close to the right edge of its column is full: its paragraph may go on.
_FULL_LINE = 0.85
# A heading's font is at least this many times the body's.
_HEADING_SIZE = 1.25

_HYPHENS = "-\u00ad\ufffe\x02\u2010"
_HYPHENATED = re.compile(r"(\w+)[" + _HYPHENS + r"]$")
_TERMINAL = re.compile(r"[.!?:…][\"'”’)\]]*$")
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
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
    """

    text: str
    title: str | None = None
    pages: int


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
        lines: list[list[_Line]] = []
        for number in range(pages):
            lines.append(_page_lines(document, number, name=name))
            if progress is not None:
                progress(number + 1, pages)
        metadata = _metadata_title(document)
    finally:
        document.close()
    body = _drop_running_lines(lines)
    paragraphs = _paragraphs(body)
    if not paragraphs:
        raise InputError(
            f"{name}: the PDF has no text layer (its {pages} page{'s' if pages != 1 else ''} are images, "
            "as scanned pages are); summarize does not do OCR, so run OCR on it first"
        )
    size = _body_size(body)
    heading = next(
        (text for text, line in paragraphs[:8] if line.page == 0 and line.size >= size * _HEADING_SIZE), None
    )
    title = metadata or heading
    texts = [text for text, _ in paragraphs]
    if texts and title and texts[0].casefold() == title.casefold():
        del texts[0]
    return PdfText(text="\n\n".join(texts), title=title, pages=pages)


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


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of text on one line, with its box (PDF points, y upwards) and font size."""

    left: float
    bottom: float
    right: float
    top: float
    text: str
    size: float


@dataclass
class _Line:
    """A line of a page: one piece of text, or several cells."""

    page: int
    region: tuple[int, int]  # (band, column)
    left: float
    right: float
    top: float
    bottom: float
    size: float
    pieces: list[tuple[float, str]]  # (left, text) of each cell
    column_right: float = 0.0
    column_left: float = 0.0
    margin: bool = False  # in the top or bottom margin of the page, where headers and footers are

    @cached_property
    def cells(self) -> list[str]:
        """The text of each cell, left to right (read once the line is complete)."""
        return [text for _, text in sorted(self.pieces)]

    @cached_property
    def text(self) -> str:
        return " ".join(self.cells)


def _page_lines(document: pypdfium2.PdfDocument, number: int, *, name: str) -> list[_Line]:
    import pypdfium2

    try:
        page = document[number]
    except pypdfium2.PdfiumError:
        raise InputError(f"{name}: page {number + 1} cannot be read (the PDF is damaged)") from None
    try:
        height = float(page.get_height())
        textpage = page.get_textpage()
        try:
            rows = list(_runs(textpage))
        finally:
            textpage.close()
    finally:
        page.close()
    lines = _read_order(number, rows)
    for line in lines:
        line.margin = line.top > (1 - _MARGIN_SHARE) * height or line.bottom < _MARGIN_SHARE * height
    return lines


def _runs(textpage: Any) -> Iterator[list[_Run]]:
    """The page's runs of text, PDFium's text rectangles with their characters, in rows.

    A row is a run of rectangles in one of PDFium's lines, each beside the one
    before (PDFium joins a hyphenated line to the next, and a line drawn across two
    columns holds both). Some writers place each glyph on its own, and each is then
    a rectangle: comparing each with the one before, never with the row's extent,
    keeps a comma or a hyphen from joining two lines.

    PDFium lists characters in the order of the file, with generated line breaks,
    and draws rectangles around consecutive characters on one line; a line of the
    text that covers several rectangles is cut where the count of rectangles grows
    (first tried after a hyphen that PDFium took out, U+FFFE, where a hyphenated
    line goes on: the commonest cut).
    """
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.span()
        count = textpage.count_rects(start, end - start)
        cuts = [start]
        hyphen = text.find("\ufffe", start, end) + 1
        if (
            count == 2
            and 0 < hyphen < end
            and textpage.count_rects(start, hyphen - start) == 1
            and textpage.count_rects(start, hyphen + 1 - start) == 2
        ):
            cuts.append(hyphen)
            count_left = 0
        else:
            count_left = count
        for _ in range(1, count_left):
            cuts.append(_next_cut(textpage, cuts[-1], end))
        cuts.append(end)
        textpage.count_rects(start, end - start)
        boxes = [textpage.get_rect(index) for index in range(count)]
        row: list[_Run] = []
        for (left, bottom, right, top), (cut, next_cut) in zip(boxes, pairwise(cuts), strict=False):
            piece = _clean(text[cut:next_cut])
            if not piece.strip():
                continue
            size = float(raw.FPDFText_GetFontSize(textpage.raw, cut))
            run = _Run(left, bottom, right, top, piece, size if size > 0 else top - bottom)
            if row and not _same_line(row[-1], run):
                yield row
                row = []
            row.append(run)
        if row:
            yield row


def _next_cut(textpage: Any, base: int, end: int) -> int:
    """The first character of the rectangle after the one that starts at ``base``.

    Counted from ``base``, never from the line's start, and by a galloping search
    (lengths 2, 4, 8, ... then halving), so that the characters PDFium looks at
    for a rectangle are a few times its own: a line of thousands of rectangles
    (each word drawn on its own) is read in linear time, not quadratic.
    """
    length = 2
    while base + length < end and textpage.count_rects(base, length) <= 1:
        length *= 2
    low, high = length // 2 + 1, min(length, end - base)  # the shortest length from base with two rectangles
    while low < high:
        middle = (low + high) // 2
        if textpage.count_rects(base, middle) > 1:
            high = middle
        else:
            low = middle + 1
    return base + low - 1


def _clean(text: str) -> str:
    text = _LIGATURES.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    text = text.replace("\ufffe", "\u00ad").replace("\x02", "\u00ad")
    return _CONTROL.sub("", text)


def _same_line(previous: _Run, run: _Run) -> bool:
    """Whether two consecutive runs are on one line.

    Their boxes overlap vertically by half the smaller, or the run follows right
    after the previous one with its bottom near the previous bottom (a comma or a
    full stop, whose box is below the letters').
    """
    overlap = min(previous.top, run.top) - max(previous.bottom, run.bottom)
    if overlap > 0.5 * min(previous.top - previous.bottom, run.top - run.bottom):
        return True
    size = max(previous.size, run.size)
    return -0.3 * size <= run.left - previous.right < 0.5 * size and abs(run.bottom - previous.bottom) < 0.5 * size


def _pieces(row: list[_Run]) -> list[list[_Run]]:
    """A row's runs, left to right, joined into pieces of text separated by wide gaps."""
    pieces: list[list[_Run]] = []
    for run in sorted(row, key=lambda run: run.left):
        if pieces and run.left - pieces[-1][-1].right < _CELL_GAP * max(run.size, pieces[-1][-1].size):
            pieces[-1].append(run)
        else:
            pieces.append([run])
    return pieces


def _piece_text(piece: list[_Run]) -> str:
    """The runs' text, left to right, with a space where they are a space apart (some writers
    place each glyph on its own, and PDFium then makes each glyph a run)."""
    text = ""
    previous: _Run | None = None
    for run in piece:
        part = run.text
        if (
            previous is not None
            and run.left - previous.right > _SPACE * max(run.size, previous.size)
            and not text.endswith((" ", "\u00ad"))
            and not part.startswith(" ")
        ):
            text += " "
        text += part
        previous = run
    return " ".join(text.split())


def _gutters(pieces: list[_Run], width: float) -> list[tuple[float, float]]:
    """The vertical strips between columns, with text on both sides.

    A strip is crossed by almost no narrow piece (a centred page number or a short
    title may cross it), and the pieces on its two sides stand side by side over a
    good part of the page's height.
    """
    narrow = [piece for piece in pieces if piece.right - piece.left < _NARROW * width]
    if len(narrow) < 6:
        return []
    allowed = max(2, len(narrow) // 10)
    events = sorted([(piece.left, 1) for piece in narrow] + [(piece.right, -1) for piece in narrow])
    strips: list[tuple[float, float]] = []
    depth = 0
    opened: float | None = None
    for position, change in events:
        depth += change
        if depth <= allowed and opened is None:
            opened = position
        elif depth > allowed and opened is not None:
            if position - opened >= _GUTTER_MIN and depth - change <= allowed:
                strips.append((opened, position))
            opened = None
    # The last strip, open at the right edge, is the margin: never a gutter.
    strips = [(low, high) for low, high in strips if low > events[0][0]]
    height = max(piece.top for piece in pieces) - min(piece.bottom for piece in pieces)
    gutters = []
    for low, high in strips:
        left_side = [piece for piece in narrow if piece.right < high and piece.left < low]
        right_side = [piece for piece in narrow if piece.left > low and piece.right > high]
        beside = _beside(left_side, right_side)
        if len(beside) < 3:
            continue
        # Columns of text: lines side by side over a good part of the page, or lines as
        # wide as a column's (a last page's short columns), not a table's short cells.
        span = max(piece.top for piece in beside) - min(piece.bottom for piece in beside)
        widths = sorted(piece.right - piece.left for piece in beside)
        if span >= _GUTTER_SUPPORT * height or widths[len(widths) // 2] >= _COLUMN_WIDTH * width:
            gutters.append((low, high))
    return gutters


def _beside(pieces: list[_Run], others: list[_Run]) -> list[_Run]:
    """The pieces beside any of ``others``: their vertical extents overlap."""
    starts: list[float] = []
    ends: list[float] = []
    for bottom, top in sorted((other.bottom, other.top) for other in others):
        if ends and bottom < ends[-1]:
            ends[-1] = max(ends[-1], top)
        else:
            starts.append(bottom)
            ends.append(top)
    found = []
    for piece in pieces:
        index = bisect_right(starts, piece.top) - 1  # the last extent starting below the piece's top
        if index >= 0 and starts[index] < piece.top and ends[index] > piece.bottom:
            found.append(piece)
    return found


def _aligned(line: _Line, other: _Line) -> bool:
    """Whether two lines of a region have cells that start at the same places, as a table's rows do."""
    if other.region != line.region or len(other.pieces) < 2:
        return False
    starts = sorted(left for left, _ in other.pieces)[1:]
    return any(abs(left - start) < _ALIGNED for left, _ in sorted(line.pieces)[1:] for start in starts)


def _read_order(page: int, rows: list[list[_Run]]) -> list[_Line]:
    """The lines of a page in reading order: bands divided by wide lines, each column by column."""
    if not rows:
        return []
    pieces: list[_Run] = []
    for row in rows:
        for group in _pieces(row):
            pieces.append(
                _Run(
                    min(run.left for run in group),
                    min(run.bottom for run in group),
                    max(run.right for run in group),
                    max(run.top for run in group),
                    _piece_text(group),
                    max(run.size for run in group),
                )
            )
    width = max(piece.right for piece in pieces) - min(piece.left for piece in pieces)
    gutters = _gutters(pieces, width)
    band = 0
    placed: list[tuple[tuple[int, int], _Run]] = []
    # Top to bottom: a piece that crosses a gutter is a band of its own.
    for piece in sorted(pieces, key=lambda piece: (-piece.top, piece.left)):
        crosses = any(piece.left < low and piece.right > high for low, high in gutters)
        if crosses:
            band += 1
            placed.append(((band, 0), piece))
            band += 1
        else:
            column = sum(1 for low, high in gutters if piece.left + piece.right > low + high)
            placed.append(((band, column), piece))
    placed.sort(key=lambda item: (item[0], -item[1].top, item[1].left))
    lines: list[_Line] = []
    for region, piece in placed:
        last = lines[-1] if lines else None
        if (
            last is not None
            and last.region == region
            and min(last.top, piece.top) - max(last.bottom, piece.bottom)
            > 0.5 * min(last.top - last.bottom, piece.top - piece.bottom)
        ):
            if 0 <= piece.left - last.right < _CELL_GAP * piece.size:  # the same text, drawn in two parts
                left, text = last.pieces[-1]
                last.pieces[-1] = (left, _piece_text([_Run(left, 0, last.right, 0, text, piece.size), piece]))
            else:
                last.pieces.append((piece.left, piece.text))
            last.left, last.right = min(last.left, piece.left), max(last.right, piece.right)
            last.bottom = min(last.bottom, piece.bottom)
            continue
        lines.append(
            _Line(
                page, region, piece.left, piece.right, piece.top, piece.bottom, piece.size, [(piece.left, piece.text)]
            )
        )
    for index, line in enumerate(lines):
        if len(line.pieces) > 1 and not any(
            _aligned(line, other) for other in lines[max(0, index - 1) : index + 2] if other is not line
        ):
            # Wide gaps that line up with no other line's: justified words, not a table's cells.
            line.pieces = [(line.left, " ".join(text for _, text in sorted(line.pieces)))]
    regions: dict[tuple[int, int], list[_Line]] = {}
    for line in lines:
        regions.setdefault(line.region, []).append(line)
    for members in regions.values():
        right = max(line.right for line in members)
        left = min(line.left for line in members)
        for line in members:
            line.column_right, line.column_left = right, left
    return lines


# The document ----------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.casefold().split()))


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages without running headers, footers and page numbers."""

    def edges(lines: list[_Line]) -> list[_Line]:
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


def _body_size(pages: list[list[_Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


@dataclass
class _Paragraph:
    lines: list[_Line] = field(default_factory=list)


def _paragraphs(pages: list[list[_Line]]) -> list[tuple[str, _Line]]:
    """The paragraphs of the document, each with its first line; table cells alone."""
    lines = [line for page in pages for line in page]
    pitches = [
        previous.top - line.top
        for previous, line in pairwise(lines)
        if previous.region == line.region and previous.page == line.page and abs(previous.size - line.size) < 0.5
    ]
    pitch = statistics.median(pitches) if pitches else 0.0
    groups: list[list[_Line]] = []
    for line in lines:
        previous = groups[-1][-1] if groups else None
        if previous is None or len(line.pieces) > 1 or len(previous.pieces) > 1 or _breaks(previous, line, pitch):
            groups.append([line])
        else:
            groups[-1].append(line)
    words = _hyphenated_words(lines)
    paragraphs: list[tuple[str, _Line]] = []
    for group in groups:
        if len(group[0].pieces) > 1:
            paragraphs.extend((" ".join(cell.split()), group[0]) for cell in group[0].cells)
            continue
        text = _join_lines([line.text for line in group], words)
        if text:
            paragraphs.append((text, group[0]))
    return paragraphs


def _breaks(previous: _Line, line: _Line, pitch: float) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous``."""
    if abs(line.size - previous.size) > _SIZE_CHANGE * max(line.size, previous.size):
        return True
    if previous.page != line.page or previous.region != line.region:
        # Over a column or page break, a paragraph goes on if it filled its column.
        full = previous.right >= previous.column_left + _FULL_LINE * (previous.column_right - previous.column_left)
        return not full or bool(_TERMINAL.search(previous.text))
    if pitch and previous.top - line.top > _PARAGRAPH_GAP * pitch:
        return True
    return line.left - previous.left > line.size and line.left > line.column_left + 0.5 * line.size


def _hyphenated_words(lines: list[_Line]) -> set[str]:
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
