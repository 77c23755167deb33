"""The layout of a PDF page: runs of text into lines, lines into columns, in reading order.

Steps 1 and 2 of :mod:`summarize.io.pdf`: PDFium's characters are gathered into runs
(each with its font's size, and whether the font is bold) and the runs into lines,
runs far apart on one line staying apart (table cells, columns); columns are found
by their gutter, and the lines of a page are put in reading order. The rest
(running headers, paragraphs, headings, hyphens) is in :mod:`summarize.io.pdf`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from summarize.errors import InputError

if TYPE_CHECKING:
    import pypdfium2

__all__ = ["Line", "page_lines"]

_MARGIN_SHARE = 0.12
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
# A font is bold when PDFium gives it this weight or more (semibold; PDFium reads it from
# the font's stem width), when its flags force bold glyphs, or when its name says so
# ("Arial-BoldMT", "Helvetica-Bold", "Arial-Black", TeX's "CMBX10" and "CMB10",
# "NimbusRomNo9L-Medi"): the weight alone misses the standard fonts, which have none.
_BOLD_WEIGHT = 600
_FORCE_BOLD = 1 << 18
_BOLD_NAME = re.compile(r"bold|black|heavy|demi|(?:^|\+)(?:cmbx?|sfbx)\d|-medi(?:ital)?$", re.I)
_FONT_NAME = 256
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class _Run(NamedTuple):
    """A run of text on one line, with its box (PDF points, y upwards), font size and weight.

    A named tuple, not a frozen dataclass: one is made for every run of text and
    every piece of a line, and a named tuple is made in a quarter of the time.
    """

    left: float
    bottom: float
    right: float
    top: float
    text: str
    size: float
    bold: bool


@dataclass
class Line:
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
    bold: bool = False  # every run of the line is in a bold font

    @cached_property
    def cells(self) -> list[str]:
        """The text of each cell, left to right (read once the line is complete)."""
        return [text for _, text in sorted(self.pieces)]

    @cached_property
    def text(self) -> str:
        return " ".join(self.cells)


def page_lines(document: pypdfium2.PdfDocument, number: int, *, name: str) -> list[Line]:
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
    bold = _bold_fonts(textpage)
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
        if count > 1:  # the hyphen's and the cuts' counts replaced the line's rectangles: count them again
            textpage.count_rects(start, end - start)
        boxes = [textpage.get_rect(index) for index in range(count)]
        row: list[_Run] = []
        for (left, bottom, right, top), (cut, next_cut) in zip(boxes, pairwise(cuts), strict=False):
            piece = _clean(text[cut:next_cut])
            if not piece.strip():
                continue
            size = float(raw.FPDFText_GetFontSize(textpage.raw, cut))
            first = cut
            while text[first].isspace():
                first += 1
            run = _Run(left, bottom, right, top, piece, size if size > 0 else top - bottom, bold(first))
            if row and not _same_line(row[-1], run):
                yield row
                row = []
            row.append(run)
        if row:
            yield row


def _bold_fonts(textpage: Any) -> Callable[[int], bool]:
    """Whether the character at an index of the page is in a bold font.

    PDFium gives the font's name and flags for each character, and its weight the
    first time the page has the font (a font is its name and flags). The call for
    the name is made for every run of text, so it goes through a prototype without
    argument types, given arguments of the right types made here: pypdfium2's
    conversion of the five arguments takes longer than the call itself.
    """
    import ctypes

    import pypdfium2.raw as raw

    font_info = ctypes.cast(raw.FPDFText_GetFontInfo, ctypes.CFUNCTYPE(ctypes.c_ulong))
    page = textpage.raw
    name = ctypes.create_string_buffer(_FONT_NAME)
    room = ctypes.c_ulong(_FONT_NAME)
    flags = ctypes.c_int()
    flags_pointer = ctypes.byref(flags)
    fonts: dict[tuple[bytes, int], bool] = {}

    def bold(index: int) -> bool:
        length = font_info(page, index, name, room, flags_pointer)
        if not 0 < length <= _FONT_NAME:  # no font, or a name too long for the buffer (left as it was)
            return False
        font = (name.value, flags.value)
        found = fonts.get(font)
        if found is None:
            found = fonts[font] = bool(
                flags.value & _FORCE_BOLD
                or _BOLD_NAME.search(font[0].decode("latin-1"))
                or raw.FPDFText_GetFontWeight(page, index) >= _BOLD_WEIGHT
            )
        return found

    return bold


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


def _piece(group: list[_Run]) -> _Run:
    """The runs of a piece of text as one run: their box and text, the largest size, bold if all are."""
    if len(group) == 1:  # most pieces, made without going over the runs six times
        run = group[0]
        return _Run(run.left, run.bottom, run.right, run.top, _piece_text(group), run.size, run.bold)
    return _Run(
        min(run.left for run in group),
        min(run.bottom for run in group),
        max(run.right for run in group),
        max(run.top for run in group),
        _piece_text(group),
        max(run.size for run in group),
        all(run.bold for run in group),
    )


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


def _aligned(line: Line, other: Line) -> bool:
    """Whether two lines of a region have cells that start at the same places, as a table's rows do."""
    if other.region != line.region or len(other.pieces) < 2:
        return False
    starts = sorted(left for left, _ in other.pieces)[1:]
    return any(abs(left - start) < _ALIGNED for left, _ in sorted(line.pieces)[1:] for start in starts)


def _read_order(page: int, rows: list[list[_Run]]) -> list[Line]:
    """The lines of a page in reading order: bands divided by wide lines, each column by column."""
    if not rows:
        return []
    pieces = [_piece(group) for row in rows for group in _pieces(row)]
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
    lines: list[Line] = []
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
                joined = _Run(left, 0, last.right, 0, text, piece.size, last.bold)
                last.pieces[-1] = (left, _piece_text([joined, piece]))
            else:
                last.pieces.append((piece.left, piece.text))
            last.bold = last.bold and piece.bold
            last.left, last.right = min(last.left, piece.left), max(last.right, piece.right)
            last.bottom = min(last.bottom, piece.bottom)
            continue
        lines.append(
            Line(
                page,
                region,
                piece.left,
                piece.right,
                piece.top,
                piece.bottom,
                piece.size,
                [(piece.left, piece.text)],
                bold=piece.bold,
            )
        )
    for index, line in enumerate(lines):
        if len(line.pieces) > 1 and not any(
            _aligned(line, other) for other in lines[max(0, index - 1) : index + 2] if other is not line
        ):
            # Wide gaps that line up with no other line's: justified words, not a table's cells.
            line.pieces = [(line.left, " ".join(text for _, text in sorted(line.pieces)))]
    regions: dict[tuple[int, int], list[Line]] = {}
    for line in lines:
        regions.setdefault(line.region, []).append(line)
    for members in regions.values():
        right = max(line.right for line in members)
        left = min(line.left for line in members)
        for line in members:
            line.column_right, line.column_left = right, left
    return lines
