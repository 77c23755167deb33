"""Which PDF library reads text as a reader sees it, and how fast: pypdf, pdfminer.six, pypdfium2.

Usage::

    pip install pypdf pdfminer.six pypdfium2 reportlab
    PYTHONPATH=. python benchmarks/pdf_libraries.py [--pages 20] [--repeat 3]

Two PDFs of the same report are written with reportlab (``tests/documents.py``):
two columns under a full-width title, a running header and a "Page N of M" footer,
words hyphenated at line ends, and "fi"/"fl" drawn as ligature glyphs. In the first
the lines are drawn column by column (the order of the file is the reading
order); in the second, across the columns from top to bottom, as many PDF writers
do, so that only a reader of the layout gets the order right. Each library's
ordinary text call is measured against the known text:

- **order**: the share of the report's sentences found whole in the text (after
  spelling out ligatures, joining "-" line ends and collapsing whitespace, the same
  for every library), on each of the two files;
- **ligatures**: the share of ligature glyphs drawn that come out as plain letters;
- **hyphens**: the share of words hyphenated at a line end that come out whole;
- **spacing**: words in the text that are not words of the document (run together
  or split apart), per 1,000 words;
- **running lines**: the share of headers and footers left out;
- **ms/page**: the best of ``--repeat`` runs over the first file, per page.

The last row is summarize's own reader (:func:`summarize.io.pdf.extract_pdf`),
which reads PDFium's characters and boxes through pypdfium2 and does the layout.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from tests.documents import FOOTER, HEADER, TITLE, long_paragraphs, write_pdf


def _pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _pypdf_layout(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text(extraction_mode="layout") for page in PdfReader(path).pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(path))


def _pypdfium2(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        document.close()


def _summarize(path: Path) -> str:
    from summarize.io.pdf import extract_pdf

    return extract_pdf(path.read_bytes(), name=str(path)).text


#: Each reader's label, and the package it needs: its name on PyPI and the module it installs.
READERS: dict[str, tuple[str, str, Callable[[Path], str]]] = {
    "pypdf `extract_text()`": ("pypdf", "pypdf", _pypdf),
    'pypdf `extract_text(extraction_mode="layout")`': ("pypdf", "pypdf", _pypdf_layout),
    "pdfminer.six `extract_text()`": ("pdfminer.six", "pdfminer", _pdfminer),
    "pypdfium2 `get_text_range()`": ("pypdfium2", "pypdfium2", _pypdfium2),
    "summarize `extract_pdf()` (pypdfium2 + layout)": ("pypdfium2", "pypdfium2", _summarize),
}


def missing() -> list[str]:
    """The packages of readers that are not installed (their rows are left out)."""
    return sorted({package for package, module, _ in READERS.values() if importlib.util.find_spec(module) is None})


_LIGATURE = re.compile("[\ufb00-\ufb06]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _normal(text: str) -> str:
    """Ligatures spelt out, hyphens taken out by PDFium joined, "-" line ends joined, whitespace collapsed."""
    text = _LIGATURE.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    text = text.replace("\ufffe", "").replace("\x02", "").replace("\u00ad", "").replace("\r", "")
    text = re.sub(r"(\w)-\s*\n\s*(?=[a-z])", r"\1", text)
    return " ".join(text.split())


def _sentences(paragraphs: list[str]) -> list[str]:
    return [sentence for paragraph in paragraphs for sentence in re.split(r"(?<=\.) (?=[A-Z])", paragraph)]


def measure(pages: int, repeat: int) -> list[dict[str, object]]:
    # About 13 paragraphs fill a page of two columns.
    paragraphs = long_paragraphs(max(1, round(pages * 13.3)))
    sentences = _sentences(paragraphs)
    vocabulary = {word.casefold() for word in _WORD.findall(" ".join([*paragraphs, TITLE, HEADER, FOOTER]))}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        in_order, across = Path(folder, "columns.pdf"), Path(folder, "interleaved.pdf")
        written = write_pdf(in_order, paragraphs=paragraphs)
        write_pdf(across, paragraphs=paragraphs, interleave=True)
        drawn_ligatures = sum(paragraph.count("fi") + paragraph.count("fl") for paragraph in paragraphs)
        drawn_ligatures += TITLE.count("fi") + TITLE.count("fl")
        hyphenated = written.hyphenated
        for label, (package, module, read) in READERS.items():
            if importlib.util.find_spec(module) is None:
                continue
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                raw = read(in_order)
                times.append(time.perf_counter() - start)
            interleaved = _normal(read(across))
            text = _normal(raw)
            words = _WORD.findall(text)
            odd = sum(1 for word in words if word.casefold() not in vocabulary)
            # A word still cut by its hyphen (followed by a line break or other text); PDFium's
            # mark U+FFFE for a hyphen it has taken out counts as joined.
            spelt = _LIGATURE.sub(lambda match: unicodedata.normalize("NFKC", match.group()), raw)
            split = sum(len(re.findall(rf"\b{head}-(?!{tail}\b)", spelt)) for head, tail in set(hyphenated))
            running = sum(1 for line in (HEADER, "Page ") if line not in text) / 2
            rows.append(
                {
                    "reader": label,
                    "version": version(package),
                    "order": sum(sentence in text for sentence in sentences) / len(sentences),
                    "order_interleaved": sum(sentence in interleaved for sentence in sentences) / len(sentences),
                    "ligatures": 1 - len(_LIGATURE.findall(raw)) / drawn_ligatures,
                    "hyphens": 1 - split / len(hyphenated),
                    "spacing": 1000 * odd / max(1, len(words)),
                    "running": running,
                    "ms_per_page": 1000 * min(times) / written.pages,
                    "pages": written.pages,
                }
            )
    return rows


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| reader | version | order (columns) | order (interleaved) | ligatures | hyphens | spacing errors / 1k words "
        "| running lines dropped | ms/page |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['reader']} | {row['version']} | {row['order']:.0%} | {row['order_interleaved']:.0%} "
            f"| {row['ligatures']:.0%} | {row['hyphens']:.0%} | {row['spacing']:.1f} | {row['running']:.0%} "
            f"| {row['ms_per_page']:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20, help="pages of the report (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each reader (default 3)")
    args = parser.parse_args()
    absent = missing()
    if absent:
        print(f"not installed, their rows left out: {', '.join(absent)} (pip install {' '.join(absent)})\n")
    rows = measure(args.pages, args.repeat)
    if not rows:
        print("no PDF library is installed")
        return
    print(f"{rows[0]['pages']} pages, two columns; best of {args.repeat} runs\n")
    print(table(rows))


if __name__ == "__main__":
    main()
