"""Reading documents: clear errors for what is not a readable text file."""

import io
import sys
from pathlib import Path

import pytest

from summarize import (
    Document,
    FetchError,
    InputError,
    InvalidParameterError,
    MissingDependencyError,
    Summarizer,
    load_document,
    read_document,
)
from summarize.io.documents import read_path, read_stream

from .conftest import NEWS
from .webserver import (
    ARTICLE_HTML,
    ARTICLE_PARAGRAPHS,
    ARTICLE_TITLE,
    LATIN1_HTML,
    LATIN1_PARAGRAPHS,
    PLAIN_TEXT,
    PNG,
)


def test_reads_utf8_and_drops_the_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffCafé news.".encode())
    assert read_path(path) == "Café news."


def test_other_encodings_by_name(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café news.".encode("latin-1"))
    assert read_path(path, encoding="latin-1") == "Café news."


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        read_path(tmp_path / "missing.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="looks like a binary file"):
        read_path(path)


def test_invalid_utf8_names_the_byte_and_offers_an_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9".encode("latin-1"))
    with pytest.raises(InputError, match=r"not valid utf-8 text \(byte 0xe9 at offset 3\).*--encoding"):
        read_path(path)


def test_unknown_encoding_is_a_parameter_error() -> None:
    with pytest.raises(InvalidParameterError, match="The 'encoding' parameter must be the name of a text encoding"):
        read_stream(io.BytesIO(b"text"), encoding="klingon")


def test_stream_errors_are_named() -> None:
    with pytest.raises(InputError, match=r"^<stdin>: looks like a binary file"):
        read_stream(io.BytesIO(b"a\x00b"))


# Documents: text or HTML, from files, streams and URLs.


def test_html_file_is_read_by_its_suffix(tmp_path: Path) -> None:
    for suffix in (".html", ".HTM", ".xhtml"):
        path = tmp_path / f"story{suffix}"
        path.write_text(ARTICLE_HTML, encoding="utf-8")
        document = load_document(path)
        assert document == Document(
            text="\n\n".join(ARTICLE_PARAGRAPHS), title=ARTICLE_TITLE, source=str(path), format="html"
        )


def test_other_suffixes_are_text_unless_html_is_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    assert load_document(path) == Document(text=ARTICLE_HTML, source=str(path), format="text")
    assert load_document(path, input_format="html").text == "\n\n".join(ARTICLE_PARAGRAPHS)
    html_named = tmp_path / "notes.html"
    html_named.write_text("Plain notes. Not a page.", encoding="utf-8")
    assert load_document(html_named, input_format="text").text == "Plain notes. Not a page."


def test_html_charset_from_the_meta_tag(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    path.write_bytes(LATIN1_HTML.encode("cp1252"))
    document = load_document(path)
    assert document.title == "Café reopens"
    assert document.text == "\n\n".join(LATIN1_PARAGRAPHS)  # with its curly apostrophe, from cp1252
    with pytest.raises(InputError, match=r"not valid utf-8 text \(byte 0xe9"):
        load_document(path, encoding="utf-8")  # an explicit encoding wins over the page's


def test_html_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "utf16.html"
    path.write_bytes(ARTICLE_HTML.encode("utf-16"))
    assert load_document(path).title == ARTICLE_TITLE


def test_binary_file_named_html(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(PNG)
    with pytest.raises(InputError, match=r"image\.html: looks like a binary file, not an HTML page"):
        load_document(path)


def test_stream_is_text_unless_html_is_asked_for() -> None:
    assert read_document(io.BytesIO(b"One. Two.")) == Document(text="One. Two.", source="<stdin>", format="text")
    document = read_document(io.BytesIO(ARTICLE_HTML.encode()), input_format="html")
    assert (document.title, document.source, document.format) == (ARTICLE_TITLE, "<stdin>", "html")


def test_url_format_from_the_content_type(web: str) -> None:
    for path in ("/news/article.html", "/news/xhtml", "/news/untyped.html", "/story"):
        document = load_document(allow_private=True, source=f"{web}{path}")
        assert (document.format, document.title) == ("html", ARTICLE_TITLE), path
        assert document.text == "\n\n".join(ARTICLE_PARAGRAPHS)
    assert load_document(allow_private=True, source=f"{web}/story").source == f"{web}/news/article.html"
    plain = load_document(allow_private=True, source=f"{web}/news/plain")
    assert (plain.format, plain.text, plain.title) == ("text", PLAIN_TEXT, None)
    assert load_document(allow_private=True, source=f"{web}/news/latin1.html").text == "\n\n".join(LATIN1_PARAGRAPHS)


@pytest.mark.parametrize(
    ("path", "content_type"), [("/image.png", "image/png"), ("/download.bin", "application/octet-stream")]
)
def test_url_with_binary_content_is_refused(web: str, path: str, content_type: str) -> None:
    refused = rf"{path}: the server sent {content_type}, not an HTML page, a PDF or DOCX file, or text"
    with pytest.raises(FetchError, match=refused):
        load_document(allow_private=True, source=f"{web}{path}")
    with pytest.raises(InputError, match="looks like a binary file"):
        load_document(allow_private=True, source=f"{web}{path}", input_format="html")


def test_url_without_article_text(web: str) -> None:
    with pytest.raises(InputError, match=rf"^{web}/news/nav-only\.html: no article text found in the page"):
        load_document(allow_private=True, source=f"{web}/news/nav-only.html")


def test_url_limits_are_passed_on(web: str) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        load_document(allow_private=True, source=f"{web}/story", max_redirects=0)
    with pytest.raises(FetchError, match="larger than the maximum download size of 1,000 bytes"):
        load_document(allow_private=True, source=f"{web}/news/article.html", max_bytes=1000)


def test_html_without_the_extra_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it were not installed
    with pytest.raises(MissingDependencyError, match=r"reading HTML needs .*pip install \"summarize\[html\]\""):
        load_document(path)
    assert load_document(path, input_format="text").format == "text"  # text needs no extra


def test_bad_input_format() -> None:
    with pytest.raises(
        InvalidParameterError,
        match=r"The 'input_format' parameter must be one of 'auto', 'docx', 'html', 'markdown', 'pdf', 'rst', 'text'",
    ):
        load_document("x.txt", input_format="epub")
    with pytest.raises(InvalidParameterError, match=r"The 'input_format' parameter"):
        read_document(io.BytesIO(b""), input_format="HTML")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_byte_order_mark_names_the_encoding(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(("\ufeff" + NEWS).encode(codec))
    assert read_path(path) == NEWS


def test_a_binary_file_suggests_an_encoding(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(NEWS.encode("utf-16-le"))  # no byte-order mark: NUL bytes, as binary data has
    with pytest.raises(InputError, match=r"looks like a binary file, not text; .* name it with --encoding"):
        read_path(path)


# A manual page as `man` shows it (saved as text), written for the tests.
MANUAL_PAGE = """\
TIDE(1)                         User Commands                        TIDE(1)

NAME
       tide - read the tides of a harbour

SYNOPSIS
       tide [--date DATE] [--gauge GAUGE] TOWN

DESCRIPTION
       Tide reads the tide tables of a coastal town and prints its next high
       and low tides. The tables are fetched once and kept in the user's cache.

       Each gauge of the town is read in turn, and the highest reading is the
       one that counts for the warnings.

SEE ALSO
       harbour(1), gauge(5)

COPYRIGHT
       Copyright 2024 The Harbour developers. This is free software.

tide 1.0                          2024-05-01                         TIDE(1)
"""


@pytest.mark.parametrize("name", ["tide.1", "tide.txt"])
def test_a_manual_page_sets_apart_its_name_synopsis_and_references(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(MANUAL_PAGE, encoding="utf-8")
    document = load_document(path)
    assert document.blocks is not None
    kinds = {" ".join(document.text[b.start : b.end].split()): b.kind for b in document.blocks}
    assert kinds["tide - read the tides of a harbour"] == "metadata"  # the NAME line: no sentence
    for other in ("tide [--date DATE] [--gauge GAUGE] TOWN", "harbour(1), gauge(5)", "tide 1.0 2024-05-01 TIDE(1)"):
        assert kinds[other] in ("metadata", "code", "boilerplate")
    assert {kind for text, kind in kinds.items() if text.startswith(("Tide reads", "Each gauge"))} == {"paragraph"}
    summary = Summarizer(sentences=5).analyze(document.text, blocks=document.blocks).summary
    assert [sentence.text.split()[0] for sentence in summary] == ["Tide", "The", "Each"]
