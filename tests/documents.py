"""PDF and DOCX files written for the tests and benchmarks by real writers.

PDFs are laid out here word by word and drawn with reportlab's canvas, so that the
source text of every line is known: two columns under a full-width title, a running
header and a page-number footer on every page, words hyphenated across line ends,
the ligatures "fi" and "fl" drawn as single glyphs (U+FB01, U+FB02, in the Vera font
that reportlab ships), a figure with its caption and a small table, headings in a
larger font or in bold, and words in bold inside paragraphs. DOCX files are
written with python-docx. Nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TITLE = "Coastal Towns and the Rising Sea"

#: The body of the test report: paragraphs of whole sentences, rich in "fi", "fl"
#: and long words, so that ligatures and hyphenation are exercised.
PARAGRAPHS: tuple[str, ...] = (
    "The coastal towns of the northern shore have flooded more often in the last decade than in the "
    "fifty years before it. Engineers at the regional office measured the high-water marks after every "
    "storm and found that the sea reached the harbour walls twice as often as it did in the nineteen "
    "nineties.",
    "Insurance companies responded by raising the premiums for waterfront properties. Several "
    "families sold their houses and moved inland, while the municipal councils debated whether to "
    "build higher flood defences or to abandon the lowest streets altogether.",
    "The council of the largest town commissioned an independent assessment of the harbour defences. "
    "The assessment concluded that the existing walls would fail in a storm of the kind that now "
    "returns every twenty years, and recommended reinforcement with flexible barriers.",
    "Fishermen argued that the barriers would block the harbour entrance during the busiest months. "
    "Their association proposed a different solution: floating gates that rise only when the water "
    "level passes a threshold, an approach first tried in the Netherlands.",
    "The regional government agreed to finance a feasibility study of the floating gates. The study "
    "compared the costs of construction and maintenance with the damage that the floods had caused, "
    "and estimated that the gates would pay for themselves within fifteen years.",
    "Environmental organisations warned that the gates could change the flow of sediment along the "
    "shore. Their scientists pointed to the salt marshes east of the harbour, which shelter migrating "
    "birds and depend on the tides that carry fine silt into the estuary.",
    "After two years of consultation the councils reached a compromise. The floating gates will be "
    "built at the harbour entrance, the salt marshes will be monitored by an independent institute, "
    "and the families in the lowest streets will be offered compensation to relocate.",
    "Construction is scheduled to begin next spring and to last three years. The engineers expect "
    "the first gate to be tested during the autumn storms, when the difference between high and low "
    "tide is greatest and the defences face their most difficult conditions.",
)

#: The running header of every page, and the footer (the page number is filled in).
HEADER = "Harbour Review · Annual Report 2025"
FOOTER = "Page {page} of {pages}"

CAPTION = "Figure 1. High-water marks at the harbour wall, measured after each storm since 1990."
TABLE: tuple[tuple[str, ...], ...] = (
    ("Town", "Floods", "Damage"),
    ("Northport", "14", "3.2 million"),
    ("Eastwick", "9", "1.7 million"),
)

_FONT = "Vera"
_BOLD = "VeraBd"
_SIZE = 10.0
_LEADING = 13.0
_PAGE = (595.0, 842.0)  # A4, in points
_MARGIN = 56.0
_GUTTER = 24.0


@dataclass(frozen=True, kw_only=True)
class WrittenPdf:
    """What :func:`write_pdf` wrote: its number of pages, and the words it hyphenated at line ends (head, tail)."""

    pages: int
    hyphenated: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Line:
    page: int
    x: float
    y: float
    text: str
    font: str = _FONT
    size: float = _SIZE
    bold: tuple[bool, ...] = ()  # whether each word is in bold, for a line of body text with some

    def spans(self) -> list[tuple[str, str]]:
        """The text in spans of one font, ``(text, font)``, each but the last with the space after it."""
        if not self.bold:
            return [(self.text, self.font)]
        spans: list[tuple[str, str]] = []
        words = self.text.split(" ")
        for number, (word, bold) in enumerate(zip(words, self.bold, strict=True)):
            font = _BOLD if bold else _FONT
            text = word if number == len(words) - 1 else word + " "
            if spans and spans[-1][1] == font:
                spans[-1] = (spans[-1][0] + text, font)
            else:
                spans.append((text, font))
        return spans


@dataclass
class _Layout:
    columns: int
    lines: list[_Line] = field(default_factory=list)
    shapes: list[tuple[int, float, float, float, float]] = field(default_factory=list)
    page: int = 0
    column: int = 0
    y: float = 0.0
    top: float = 0.0

    @property
    def width(self) -> float:
        return (_PAGE[0] - 2 * _MARGIN - (self.columns - 1) * _GUTTER) / self.columns

    @property
    def x(self) -> float:
        return _MARGIN + self.column * (self.width + _GUTTER)

    def room(self, height: float) -> None:
        """Move to the next column or page unless ``height`` points fit in this one."""
        if self.y - height >= _MARGIN + 20:
            return
        self.column += 1
        if self.column == self.columns:
            self.column = 0
            self.page += 1
            self.top = _PAGE[1] - _MARGIN - 20
        self.y = self.top


def _width(text: str, font: str = _FONT, size: float = _SIZE) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


def _register_fonts() -> None:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont(_FONT, str(fonts / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(_BOLD, str(fonts / "VeraBd.ttf")))


def _words(text: str) -> list[tuple[str, bool]]:
    """The words of ``text``, each with whether it is in bold: between ``**`` and ``**``, as in Markdown."""
    words = []
    bold = False
    for word in text.split():
        if word.startswith("**"):
            bold, word = True, word[2:]
        words.append((word.removesuffix("**"), bold))
        if word.endswith("**"):
            bold = False
    return words


def _measure(words: Sequence[tuple[str, bool]]) -> float:
    """The width of ``words`` set on one line, each in its font."""
    text = " ".join(word for word, _ in words)
    if not any(bold for _, bold in words):
        return _width(text)
    return sum(_width(span, font) for span, font in _Line(0, 0, 0, text, bold=tuple(b for _, b in words)).spans())


def _wrap(text: str, width: float, *, hyphenate: bool) -> list[list[tuple[str, bool]]]:
    """Break ``text`` into lines of at most ``width`` points, hyphenating long words that do not fit.

    Each line is its words, each with whether it is in bold (see :func:`_words`).
    """
    lines: list[list[tuple[str, bool]]] = []
    line: list[tuple[str, bool]] = []
    for word, bold in _words(text):
        candidate = [*line, (word, bold)]
        if _measure(candidate) <= width:
            line = candidate
            continue
        if hyphenate and line and word.isalpha() and len(word) >= 8:
            for cut in range(len(word) - 3, 2, -1):
                head = [*line, (f"{word[:cut]}-", bold)]
                if _measure(head) <= width:
                    lines.append(head)
                    line = [(word[cut:], bold)]
                    break
            else:
                lines.append(line)
                line = [(word, bold)]
            continue
        if line:
            lines.append(line)
        line = [(word, bold)]
    if line:
        lines.append(line)
    return lines


def _body_line(page: int, x: float, y: float, words: Sequence[tuple[str, bool]], size: float = _SIZE) -> _Line:
    """A line of ``words`` (from :func:`_wrap`) in the body's font, some in bold."""
    bold = tuple(bold for _, bold in words)
    return _Line(page, x, y, " ".join(word for word, _ in words), _FONT, size, bold if any(bold) else ())


def _ligatures(text: str) -> str:
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


def write_pdf(
    path: str | Path,
    *,
    paragraphs: Sequence[str] = PARAGRAPHS,
    title: str | None = TITLE,
    metadata_title: str | None = None,
    columns: int = 2,
    header: str | None = HEADER,
    footer: str | None = FOOTER,
    hyphenate: bool = True,
    ligatures: bool = True,
    figure: bool = False,
    table: bool = False,
    interleave: bool = False,
    password: str | None = None,
    text_layer: bool = True,
    headings: bool = False,
    bold_headings: Mapping[int, str] | None = None,
) -> WrittenPdf:
    """Write a report as a PDF; return what was written.

    Parameters
    ----------
    path
        Where to write it.
    paragraphs
        The body, one string per paragraph; words between ``**`` and ``**`` are in
        bold (``"**Note.** The walls ..."``).
    title
        A heading above the columns of the first page, in bold (None: no heading).
    metadata_title
        The title in the document's metadata (None: none).
    columns
        Columns of body text per page.
    header, footer
        The running header and footer on every page; ``{page}`` and ``{pages}`` are
        filled in.
    hyphenate
        Break long words across line ends with a hyphen.
    ligatures
        Draw "fi" and "fl" as the ligature glyphs.
    figure, table
        Add a figure (a grey box) with :data:`CAPTION` after the second paragraph,
        and :data:`TABLE` after the fourth.
    interleave
        Draw the lines of each page from top to bottom across the columns, so that
        the order in the file is not the reading order.
    password
        Encrypt the file with this user password.
    text_layer
        False draws each line of the body as a filled shape only, and no header or
        footer: pages that look like text but have none to extract, as scans have.
    headings
        A heading in bold, 14 points, before the first and the fifth paragraphs
        ("Background" and "The compromise"), as :func:`write_docx` has.
    bold_headings
        Headings in bold at the body's size, each on a line of its own before the
        paragraph of its number (from 0; after the heading of ``headings`` there),
        with the space between paragraphs above it and none below.
    """
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    _register_fonts()
    layout = _Layout(columns=columns, top=_PAGE[1] - _MARGIN - 20)
    layout.y = layout.top
    if title:
        layout.lines.append(_Line(0, _MARGIN, layout.y - 6, title, _BOLD, 18.0))
        layout.y -= 40
        layout.top = layout.y
    for number, paragraph in enumerate(paragraphs):
        if headings and number in (0, 4):
            layout.room(2 * _LEADING)
            heading = "Background" if number == 0 else "The compromise"
            layout.lines.append(_Line(layout.page, layout.x, layout.y - 14.0, heading, _BOLD, 14.0))
            layout.y -= 2 * _LEADING
        if bold_headings and number in bold_headings:
            layout.room(2 * _LEADING)  # with a line of its paragraph
            layout.lines.append(_Line(layout.page, layout.x, layout.y - _SIZE, bold_headings[number], _BOLD))
            layout.y -= _LEADING
        for words in _wrap(paragraph, layout.width, hyphenate=hyphenate):
            layout.room(_LEADING)
            layout.lines.append(_body_line(layout.page, layout.x, layout.y - _SIZE, words))
            layout.y -= _LEADING
        layout.y -= _LEADING * 0.8
        if figure and number == 1:
            layout.room(110)
            layout.shapes.append((layout.page, layout.x, layout.y - 80, layout.width, 80))
            layout.y -= 92
            for words in _wrap(CAPTION, layout.width, hyphenate=False):
                layout.lines.append(_body_line(layout.page, layout.x, layout.y - 9, words, 9.0))
                layout.y -= 12
            layout.y -= _LEADING
        if table and number == 3:
            layout.room(_LEADING * (len(TABLE) + 1))
            cell = layout.width / len(TABLE[0])
            for row in TABLE:
                for position, text in enumerate(row):
                    layout.lines.append(_Line(layout.page, layout.x + position * cell, layout.y - _SIZE, text))
                layout.y -= _LEADING
            layout.y -= _LEADING
    pages = layout.page + 1
    encrypt = StandardEncryption(password, ownerPassword=password + "-owner") if password else None
    canvas = Canvas(str(path), pagesize=_PAGE, encrypt=encrypt, invariant=True)
    if metadata_title:
        canvas.setTitle(metadata_title)
    for page in range(pages):
        if header and text_layer:
            canvas.setFont(_FONT, 8)
            canvas.drawString(_MARGIN, _PAGE[1] - _MARGIN + 10, header.format(page=page + 1, pages=pages))
        on_page = [line for line in layout.lines if line.page == page]
        if interleave:
            on_page.sort(key=lambda line: (-line.y, line.x))
        for box in layout.shapes:
            if box[0] == page:
                canvas.setFillGray(0.8)
                canvas.rect(*box[1:], stroke=0, fill=1)
                canvas.setFillGray(0)
        for line in on_page:
            if text_layer:
                x = line.x
                for text, font in line.spans():
                    canvas.setFont(font, line.size)
                    canvas.drawString(x, line.y, _ligatures(text) if ligatures else text)
                    x += _width(text, font, line.size)
            else:
                canvas.rect(line.x, line.y, _width(line.text, line.font, line.size), line.size * 0.7, stroke=0, fill=1)
        if footer and text_layer:
            canvas.setFont(_FONT, 8)
            canvas.drawCentredString(_PAGE[0] / 2, _MARGIN - 20, footer.format(page=page + 1, pages=pages))
        canvas.showPage()
    canvas.save()
    hyphenated = []
    for line, following in zip(layout.lines, layout.lines[1:], strict=False):
        if line.text.endswith("-") and line.text[-2:-1].isalpha():
            tail = re.match(r"\w+", following.text)
            hyphenated.append((line.text.split()[-1][:-1], tail.group() if tail else ""))
    return WrittenPdf(pages=pages, hyphenated=tuple(hyphenated))


def long_paragraphs(count: int) -> list[str]:
    """``count`` distinct paragraphs for long documents: the report's, numbered and varied."""
    paragraphs = []
    for number in range(count):
        base = PARAGRAPHS[number % len(PARAGRAPHS)]
        sentences = [sentence.rstrip(".") for sentence in base.split(". ")]
        shift = number % len(sentences)
        varied = ". ".join(sentences[shift:] + sentences[:shift]) + "."
        paragraphs.append(f"In section {number + 1}, {varied[0].lower()}{varied[1:]}")
    return paragraphs


def write_docx(
    path: str | Path,
    *,
    paragraphs: Sequence[str] = PARAGRAPHS,
    title: str | None = TITLE,
    metadata_title: str | None = None,
    headings: bool = True,
    items: Sequence[str] = (),
    table: bool = False,
) -> None:
    """Write a report as a DOCX file with python-docx.

    The title is a "Title" paragraph; with ``headings``, a "Heading 1" before the
    first and fifth paragraphs; ``items`` become a bulleted list after the second
    paragraph; ``table`` adds :data:`TABLE` after the fourth, and :data:`CAPTION`
    as a "Caption" paragraph after it.
    """
    import docx

    document = docx.Document()
    if metadata_title:
        document.core_properties.title = metadata_title
    if title:
        document.add_heading(title, level=0)
    for number, paragraph in enumerate(paragraphs):
        if headings and number in (0, 4):
            document.add_heading("Background" if number == 0 else "The compromise", level=1)
        document.add_paragraph(paragraph)
        if number == 1:
            for item in items:
                document.add_paragraph(item, style="List Bullet")
        if table and number == 3:
            grid = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
            for row, cells in zip(grid.rows, TABLE, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
            document.add_paragraph(CAPTION, style="Caption")
    document.save(str(path))


def write_zip_bomb(path: str | Path, *, unzipped_bytes: int) -> int:
    """Write a zip named like a DOCX whose ``word/document.xml`` unzips to ``unzipped_bytes``.

    Returns the size of the file written, a tiny fraction of that.
    """
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="' + _W.encode() + b'"><w:body>')
            for _ in range(unzipped_bytes // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return os.path.getsize(path)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
