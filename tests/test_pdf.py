"""PDF files written by reportlab (tests/documents.py), read as a reader sees them."""

import io
import json
import os
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from summarize import InputError, MissingDependencyError, Summarizer, split_sentences
from summarize.cli import main
from summarize.io.documents import load_document, read_document
from summarize.io.pdf import _join_lines, extract_pdf, is_pdf
from summarize.io.pdf_layout import _BOLD_NAME

from .documents import CAPTION, HEADER, PARAGRAPHS, TABLE, TITLE, write_docx, write_pdf
from .test_browser import CHROMIUM, chromium

# Three pages of two columns: paragraphs go on across columns and pages.
BODY = PARAGRAPHS * 4


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    assert write_pdf(path, paragraphs=BODY).pages == 3
    return path


@pytest.mark.parametrize("interleave", [False, True], ids=["column-order", "drawn-across-columns"])
def test_the_text_is_the_reports_paragraphs_in_reading_order(tmp_path: Path, interleave: bool) -> None:
    path = tmp_path / "report.pdf"
    written = write_pdf(path, paragraphs=BODY, interleave=interleave)
    assert written.hyphenated  # the file has what is to be undone
    pdf = extract_pdf(path.read_bytes(), name=str(path))
    # Hyphenated words joined, ligatures spelt out, running header and "Page N of 3"
    # footers dropped, paragraphs whole across column and page breaks, the title
    # heading not repeated in the text.
    assert pdf.text == "\n\n".join(BODY)
    assert (pdf.title, pdf.pages) == (TITLE, 3)


def test_the_raw_file_has_ligatures_hyphens_headers_and_footers(report: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(report)
    raw = "".join(document[number].get_textpage().get_text_range() for number in range(len(document)))
    document.close()
    assert HEADER in raw
    assert "Page 3 of 3" in raw
    assert "\ufffe" in raw  # PDFium's mark of a hyphen at a line end
    text = extract_pdf(report.read_bytes()).text
    assert HEADER not in text
    assert "Page " not in text
    assert "\ufb01" not in text
    assert "fifty" in text
    assert "flexible" in text
    assert "reinforcement" in text


def test_title_from_the_metadata_first(tmp_path: Path) -> None:
    path = tmp_path / "titled.pdf"
    write_pdf(path, paragraphs=BODY, metadata_title="Harbour Defences Review")
    pdf = extract_pdf(path.read_bytes())
    assert pdf.title == "Harbour Defences Review"
    assert pdf.text.startswith(TITLE + "\n\n")  # the heading stays, as a fragment
    assert split_sentences(pdf.text)[0].fragment


def test_file_names_in_the_metadata_are_not_titles(tmp_path: Path) -> None:
    path = tmp_path / "named.pdf"
    write_pdf(path, metadata_title="Microsoft Word - report_final_v3.docx")
    assert extract_pdf(path.read_bytes()).title == TITLE


def test_no_title_without_metadata_or_heading(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    write_pdf(path, title=None, columns=1, header=None)
    pdf = extract_pdf(path.read_bytes())
    assert pdf.title is None
    assert pdf.text == "\n\n".join(PARAGRAPHS)


def test_a_single_page_keeps_its_header_but_not_its_page_number(tmp_path: Path) -> None:
    # One page cannot tell a running header from a first line; a page number is always one.
    path = tmp_path / "one.pdf"
    write_pdf(path, footer="- {page} -")
    text = extract_pdf(path.read_bytes()).text
    assert text.startswith(HEADER + "\n\n")
    assert "- 1 -" not in text


def test_captions_and_table_cells_are_fragments_never_chosen(tmp_path: Path) -> None:
    path = tmp_path / "figures.pdf"
    write_pdf(path, paragraphs=PARAGRAPHS, figure=True, table=True)
    text = extract_pdf(path.read_bytes()).text
    blocks = text.split("\n\n")
    assert CAPTION in blocks
    assert all(cell in blocks for row in TABLE for cell in row)  # each cell a block of its own
    sentences = split_sentences(text)
    captions = [s for s in sentences if CAPTION.startswith(s.text) or s.text in CAPTION]
    cells = [s for s in sentences if any(s.text in row for row in TABLE)]
    assert captions
    assert cells
    assert all(s.fragment for s in captions + cells)
    everything = Summarizer(ratio=1.0)(text)
    chosen = {s.text for s in everything}
    assert not chosen & {s.text for s in captions + cells}
    assert len(everything) == sum(not s.fragment for s in sentences)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["the regional of-", "fice measured"], "the regional office measured"),
        (["the high-", "water marks"], "the high-water marks"),  # written so elsewhere in the document
        (["in the Nether-", "Lands"], "in the Nether- Lands"),  # a capital goes on after a hyphen
        (["a line", "and the next"], "a line and the next"),
    ],
)
def test_hyphens_at_line_ends(lines: list[str], expected: str) -> None:
    assert _join_lines(lines, {"high-water"}) == expected


def test_two_thousand_pages_with_progress(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "long.pdf"
    canvas = Canvas(str(path), invariant=True)
    for number in range(1, 2001):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, 800, "Harbour Review")
        canvas.setFont("Helvetica", 10)
        canvas.drawString(56, 700, f"Section {number}. The walls were measured after storm {number % 52 + 1}.")
        canvas.drawString(56, 686, "The engineers found that the sea reached the walls twice as often.")
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(297, 40, str(number))
        canvas.showPage()
    canvas.save()
    seen: list[tuple[int, int]] = []
    pdf = extract_pdf(path.read_bytes(), progress=lambda done, total: seen.append((done, total)))
    assert pdf.pages == 2000
    assert seen == [(done, 2000) for done in range(1, 2001)]
    paragraphs = pdf.text.split("\n\n")
    assert len(paragraphs) == 2000
    assert paragraphs[-1] == (
        "Section 2000. The walls were measured after storm 25. "
        "The engineers found that the sea reached the walls twice as often."
    )


# Bad files ---------------------------------------------------------------------


def test_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    write_pdf(path, password="harbour")
    with pytest.raises(InputError, match=r"secret\.pdf: the PDF is encrypted \(password-protected\)"):
        load_document(path)


def test_restrictions_without_a_password_do_not_stop_reading(tmp_path: Path) -> None:
    # An owner password only (no copying, no printing): any reader opens the file.
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "restricted.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0))
    canvas.drawString(56, 700, "The harbour walls were raised after the storm of last winter.")
    canvas.showPage()
    canvas.save()
    assert load_document(path).text == "The harbour walls were raised after the storm of last winter."


def test_scanned_pages_without_a_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    write_pdf(path, paragraphs=BODY, text_layer=False)
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer \(its 3 pages are images.*no.* OCR"):
        load_document(path)


@pytest.mark.parametrize("keep", [0.5, 0.98])
def test_truncated(report: Path, tmp_path: Path, keep: float) -> None:
    data = report.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(InputError, match=r"cut\.pdf: not a valid PDF file \(damaged or truncated\)$"):
        load_document(path)


@pytest.mark.parametrize(
    ("content", "looks_like"),
    [
        (b"The harbour walls were raised.\n", "text"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "an HTML page"),
        (b"", "an empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ],
)
def test_not_a_pdf_though_named_one(tmp_path: Path, content: bytes, looks_like: str) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"report\.pdf: not a PDF file: it looks like {looks_like}$"):
        load_document(path)


def test_a_word_file_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    write_docx(path)
    with pytest.raises(InputError, match=r"memo\.pdf: not a PDF file: it looks like a Word \(DOCX\) file$"):
        load_document(path)


def test_without_the_extra_names_the_extra(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # as if it were not installed
    with pytest.raises(MissingDependencyError, match=r"reading PDF files needs .*pip install \"summarize\[pdf\]\""):
        load_document(report)


# Finding PDFs ------------------------------------------------------------------


def test_found_by_suffix_and_by_first_bytes(report: Path, tmp_path: Path) -> None:
    unnamed = tmp_path / "download"
    unnamed.write_bytes(report.read_bytes())
    misnamed = tmp_path / "report.txt"
    misnamed.write_bytes(report.read_bytes())
    expected = extract_pdf(report.read_bytes()).text
    for path in (report, unnamed, misnamed):
        document = load_document(path)
        assert (document.format, document.title, document.text) == ("pdf", TITLE, expected)
    streamed = read_document(io.BytesIO(report.read_bytes()))
    assert (streamed.format, streamed.text) == ("pdf", expected)
    assert load_document(unnamed, input_format="pdf").format == "pdf"
    assert is_pdf(report.read_bytes())
    assert not is_pdf(b"%PD")


# The command line --------------------------------------------------------------


def test_command_summarises_a_pdf(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-n", "2", str(report)]) == 0
    out, err = capsys.readouterr()
    expected = Summarizer(sentences=2)(extract_pdf(report.read_bytes()).text)
    assert err == ""
    assert out.splitlines() == [s.text for s in expected]


def test_json_offsets_refer_to_the_included_text(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", "json", "--include-text", str(report)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == TITLE
    assert record["text"] == extract_pdf(report.read_bytes()).text
    for sentence in record["sentences"]:
        assert record["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_include_text_is_for_json(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--include-text", str(report)]) == 2
    assert "--include-text is for --format json, not text" in capsys.readouterr().err


def test_html_view_of_a_pdf(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", "html", str(report)]) == 0
    page = capsys.readouterr().out
    assert f"<title>{TITLE}" in page or TITLE in page
    assert "regional office" in page


def test_bad_files_cost_one_line_each_and_nothing_else(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.pdf"
    write_pdf(secret, password="harbour")
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf at all", encoding="utf-8")
    assert main(["-n", "1", str(secret), str(report), str(fake)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"summarize: error: {secret}: the PDF is encrypted (password-protected); "
        "summarize cannot read it without the password",
        f"summarize: error: {fake}: not a PDF file: it looks like text",
    ]
    assert out.strip().splitlines()[0] == f"==> {report} <=="
    assert len(out.strip().splitlines()) == 2


def test_progress_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "long.pdf"
    pages = write_pdf(path, paragraphs=BODY).pages
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr("summarize.cli._common.PageProgress._EVERY", 0.0)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["-n", "1", str(path)]) == 0
    shown = terminal.getvalue()
    assert f"\rsummarize: reading {path}: page 1 of {pages}" in shown
    assert shown.endswith("\r\x1b[K")  # the line is cleared before the summary is printed


def test_batch_folder_with_pdfs(report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "report.pdf").write_bytes(report.read_bytes())
    write_pdf(folder / "secret.pdf", password="harbour")
    (folder / "notes.txt").write_text("Cats purr. Dogs bark. Birds sing.", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(output), "-n", "1", "--jobs", "1"]) == 1
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == ["2025/report.pdf", "notes.txt", "secret.pdf"]
    text = extract_pdf(report.read_bytes()).text
    assert records[0]["summary"][0]["text"] == Summarizer(sentences=1)(text)[0].text
    assert "the PDF is encrypted" in records[2]["error"]
    assert "1 failed" in capsys.readouterr().err


# URLs --------------------------------------------------------------------------


@pytest.fixture
def served(report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A server on 127.0.0.1 that sends the report as a PDF, as bytes of no stated kind, and a memo as DOCX."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    memo = tmp_path / "memo.docx"
    write_docx(memo)
    files = {
        "/report.pdf": (report.read_bytes(), "application/pdf"),
        "/download": (report.read_bytes(), "application/octet-stream"),
        "/memo": (memo.read_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind = files[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_urls_by_content_type_or_first_bytes(served: str, report: Path) -> None:
    expected = extract_pdf(report.read_bytes()).text
    for path in ("/report.pdf", "/download"):
        document = load_document(served + path, allow_private=True)
        assert (document.format, document.title, document.text) == ("pdf", TITLE, expected)
    memo = load_document(served + "/memo", allow_private=True)
    assert (memo.format, memo.title) == ("docx", TITLE)


# Another writer ----------------------------------------------------------------


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("SUMMARIZE_REQUIRE_BROWSER"),
    reason="needs headless Chromium, which is not installed: apt-get install chromium (.ci/run does)",
)
def test_a_pdf_printed_by_chromium(tmp_path: Path) -> None:
    # Skia places each glyph in a box of its own; justified text widens the gaps
    # between words; `hyphens: auto` hyphenates; a comma's box is below the letters'.
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in BODY)
    page = tmp_path / "report.html"
    page.write_text(
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{TITLE}</title><style>"
        "@page { size: A4; margin: 2cm } body { font-size: 10pt }"
        ".columns { column-count: 2; column-gap: 1cm; text-align: justify; hyphens: auto }"
        f"</style></head><body><h1>{TITLE}</h1><div class=columns>{paragraphs}</div></body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, page.as_uri(), "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    extracted = extract_pdf(pdf.read_bytes())
    assert extracted.title == TITLE
    # A compound broken at its own hyphen is joined unless the document writes it whole
    # elsewhere: here every "high-water" is broken at a line end, or none is.
    assert extracted.text.replace("highwater", "high-water") == "\n\n".join(BODY)


class _CountingTextPage:
    """A PDFium text page that counts the characters ``count_rects`` is asked to look at."""

    def __init__(self, textpage: Any) -> None:
        self.textpage = textpage
        self.raw = textpage.raw
        self.looked_at = 0

    def get_text_range(self) -> str:
        return str(self.textpage.get_text_range())

    def count_rects(self, index: int, count: int) -> int:
        self.looked_at += count
        return int(self.textpage.count_rects(index, count))

    def get_rect(self, index: int) -> Any:
        return self.textpage.get_rect(index)


@pytest.mark.parametrize("objects", [500, 2000])
def test_a_line_of_many_text_objects_is_read_in_linear_work(objects: int) -> None:
    import pypdfium2

    from summarize.io.pdf_layout import _runs

    from .hostile import one_line_pdf

    document = pypdfium2.PdfDocument(one_line_pdf(objects))
    try:
        textpage = _CountingTextPage(document[0].get_textpage())
        runs = [run for row in _runs(textpage) for run in row]
        length = len(textpage.get_text_range())
    finally:
        document.close()
    assert len(runs) == objects  # each word drawn on its own is a rectangle, a run
    # Each rectangle's characters are looked at a few times (a galloping search), never the whole line's.
    assert textpage.looked_at < 20 * length


def test_headings_in_a_larger_font_give_the_blocks_of_the_document(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(path, headings=True, columns=1, table=True)
    document = load_document(str(path))
    assert document.title == TITLE
    assert document.blocks is not None
    shown = [
        (block.kind, block.level, block.trail, document.text[block.start : block.end]) for block in document.blocks
    ]
    assert ("heading", 1, (), "Background") in shown
    assert ("heading", 1, (), "The compromise") in shown
    kinds = {text[:30]: (kind, trail) for kind, _, trail, text in shown}
    assert kinds[PARAGRAPHS[0][:30]] == ("paragraph", ("Background",))
    assert kinds[PARAGRAPHS[4][:30]] == ("paragraph", ("The compromise",))
    assert "table" in {kind for kind, *_ in shown}


def test_a_summary_of_a_pdf_with_headings_chooses_prose_and_says_its_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(path, headings=True)
    assert main(["--format", "json", "-n", "3", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [sentence["kind"] for sentence in record["sentences"]] == ["paragraph"] * 3
    assert {tuple(sentence["section"]) for sentence in record["sentences"]} <= {("Background",), ("The compromise",)}


def test_a_pdf_of_paragraphs_alone_has_no_blocks(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    write_pdf(path, title=None)
    assert load_document(str(path)).blocks is None


# Headings in bold at the body's size ---------------------------------------------

BOLD_HEADINGS = {2: "Walls and gates", 6: "Next steps"}
# A paragraph of the report with words in bold (between ** and **) that are not headings.
OBJECTIONS = PARAGRAPHS[3]
EMPHASIS = {
    "words": OBJECTIONS.replace("block the harbour entrance", "**block the harbour entrance**"),
    "a-whole-line": OBJECTIONS.replace(
        "the barriers would block the harbour entrance during the busiest months.",
        "**the barriers would block the harbour entrance during the busiest months.**",
    ),
    "the-first-lines": "**" + OBJECTIONS.replace("months.", "months.**", 1),
}


def _blocks(path: Path) -> list[tuple[str, int, tuple[str, ...], str]]:
    document = load_document(str(path))
    assert document.blocks is not None
    return [(block.kind, block.level, block.trail, document.text[block.start : block.end]) for block in document.blocks]


def _sections(paragraphs: tuple[str, ...]) -> list[tuple[str, int, tuple[str, ...], str]]:
    """The blocks of the report written with ``bold_headings=BOLD_HEADINGS`` (without ``headings``)."""
    text = [paragraph.replace("**", "") for paragraph in paragraphs]
    return [
        *[("paragraph", 0, (), paragraph) for paragraph in text[:2]],
        ("heading", 1, (), "Walls and gates"),
        *[("paragraph", 0, ("Walls and gates",), paragraph) for paragraph in text[2:6]],
        ("heading", 1, (), "Next steps"),
        *[("paragraph", 0, ("Next steps",), paragraph) for paragraph in text[6:]],
    ]


def test_a_heading_in_bold_at_the_body_size_heads_its_section_and_is_never_chosen(tmp_path: Path) -> None:
    # On a line of its own, with no space between it and its paragraph: read before
    # as the paragraph's first words ("Walls and gates The council of ...").
    path = tmp_path / "report.pdf"
    write_pdf(path, header=None, bold_headings=BOLD_HEADINGS)
    assert _blocks(path) == _sections(PARAGRAPHS)
    document = load_document(str(path))
    analysis = Summarizer(ratio=1.0).analyze(document.text, blocks=document.blocks)
    assert {analysis.block_of(sentence).kind for sentence in analysis.summary} == {"paragraph"}
    assert not any(heading in sentence.text for sentence in analysis.summary for heading in BOLD_HEADINGS.values())


def test_headings_in_bold_are_one_level_below_the_headings_by_size(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(path, header=None, headings=True, bold_headings=BOLD_HEADINGS)
    background, compromise = ("Background",), ("The compromise",)
    assert _blocks(path) == [
        ("heading", 1, (), "Background"),
        *[("paragraph", 0, background, paragraph) for paragraph in PARAGRAPHS[:2]],
        ("heading", 2, background, "Walls and gates"),
        *[("paragraph", 0, (*background, "Walls and gates"), paragraph) for paragraph in PARAGRAPHS[2:4]],
        ("heading", 1, (), "The compromise"),
        *[("paragraph", 0, compromise, paragraph) for paragraph in PARAGRAPHS[4:6]],
        ("heading", 2, compromise, "Next steps"),
        *[("paragraph", 0, (*compromise, "Next steps"), paragraph) for paragraph in PARAGRAPHS[6:]],
    ]


@pytest.mark.parametrize("paragraph", EMPHASIS.values(), ids=EMPHASIS.keys())
def test_bold_words_inside_a_paragraph_stay_in_it_under_its_heading(tmp_path: Path, paragraph: str) -> None:
    # Bold over a whole line of the paragraph, or over its first lines, is not a heading either.
    path = tmp_path / "report.pdf"
    paragraphs = (*PARAGRAPHS[:3], paragraph, *PARAGRAPHS[4:])
    write_pdf(path, paragraphs=paragraphs, header=None, bold_headings=BOLD_HEADINGS)
    assert _blocks(path) == _sections(paragraphs)


def test_a_bold_lead_in_on_the_paragraphs_first_line_stays_in_the_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    paragraphs = (*PARAGRAPHS[:3], f"**Objections.** {OBJECTIONS}", *PARAGRAPHS[4:])
    write_pdf(path, paragraphs=paragraphs, header=None, bold_headings=BOLD_HEADINGS)
    assert _blocks(path) == _sections(paragraphs)  # "Objections. Fishermen argued ..." under "Walls and gates"


def test_a_bold_heading_in_a_standard_font_is_found_by_the_fonts_name(tmp_path: Path) -> None:
    # Helvetica-Bold, one of the 14 standard fonts, comes with no weight in the file.
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "manual.pdf"
    canvas = Canvas(str(path), invariant=True)
    lines = [
        ("Helvetica-Bold", "2.1 Related work"),
        ("Helvetica", "Earlier readers found the headings of a PDF by their size alone."),
        ("Helvetica", "A heading in bold at the size of the text was read as text."),
    ]
    for number, (font, line) in enumerate(lines):
        canvas.setFont(font, 10)
        canvas.drawString(56, 760 - 13 * number, line)
    canvas.showPage()
    canvas.save()
    assert _blocks(path) == [
        ("heading", 1, (), "2.1 Related work"),
        ("paragraph", 0, ("2.1 Related work",), f"{lines[1][1]} {lines[2][1]}"),
    ]


@pytest.mark.parametrize(
    ("name", "bold"),
    [
        ("Helvetica-Bold", True),
        ("ABCDEF+Arial-BoldMT", True),
        ("TimesNewRomanPS-BoldItalicMT", True),
        ("Arial-Black", True),
        ("SegoeUI-Semibold", True),
        ("CMBX10", True),  # TeX's bold extended, and bold
        ("ABCDEF+CMB10", True),
        ("NimbusRomNo9L-Medi", True),  # Times in bold, as TeX's times package sets it
        ("Helvetica", False),
        ("ABCDEF+ArialMT", False),
        ("CMR10", False),
        ("CMMI10", False),
        ("Roboto-Medium", False),
        ("NimbusRomNo9L-Regu", False),
    ],
)
def test_bold_fonts_by_name(name: str, bold: bool) -> None:
    assert bool(_BOLD_NAME.search(name)) is bold
