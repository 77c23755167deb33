"""Reading documents from files, streams and URLs, with errors that say what went wrong.

Plain text is read by :func:`read_path` and :func:`read_stream`. A
:class:`Document` is read by :func:`load_document` (a file or an http(s) URL) or
:func:`read_document` (a stream), as text, as an HTML page whose article is
extracted (:func:`summarize.io.html.extract_article`), as a PDF file
(:func:`summarize.io.pdf.extract_pdf`) or as a Word file
(:func:`summarize.io.docx.extract_docx`). The network stack
(:mod:`summarize.io.web`) and each extractor are imported only when needed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from summarize._validation import check_choice, fail
from summarize.blocks import manual_blocks
from summarize.errors import FetchError, InputError
from summarize.io.urls import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_MAX_SECONDS,
    DEFAULT_TIMEOUT,
    is_url,
    split_credentials,
)

if TYPE_CHECKING:
    from summarize.blocks import Block
    from summarize.io.limits import ReadLimits

__all__ = [
    "DOCX_SUFFIXES",
    "HTML_SUFFIXES",
    "INPUT_FORMATS",
    "MARKDOWN_SUFFIXES",
    "PDF_SUFFIXES",
    "RST_SUFFIXES",
    "Document",
    "decode",
    "format_of_name",
    "load_document",
    "read_document",
    "read_path",
    "read_stream",
]

# A NUL byte in the first few kilobytes marks a binary file (as git and grep decide).
_SNIFF_BYTES = 8192

#: The input formats: ``"auto"`` (decide from the file suffix, the content type or
#: the first bytes), ``"text"``, ``"markdown"``, ``"rst"`` (reStructuredText), ``"html"``, ``"pdf"``, ``"docx"``.
INPUT_FORMATS = ("auto", "text", "markdown", "rst", "html", "pdf", "docx")

#: File suffixes read as Markdown when the input format is ``"auto"``.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
#: File name endings read as reStructuredText (with ``input_format="auto"``).
RST_SUFFIXES = frozenset({".rst", ".rest"})

#: File suffixes read as HTML when the input format is ``"auto"``.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

#: File suffixes read as PDF when the input format is ``"auto"``.
PDF_SUFFIXES = frozenset({".pdf"})

#: File suffixes read as Word documents (DOCX) when the input format is ``"auto"``.
DOCX_SUFFIXES = frozenset({".docx", ".docm"})

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
_DOCX_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-word.document.macroenabled.12",
    }
)
# The formats that a name's suffix or a media type tells (with input_format="auto").
_SUFFIX_FORMATS = {
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    **dict.fromkeys(MARKDOWN_SUFFIXES, "markdown"),
    **dict.fromkeys(RST_SUFFIXES, "rst"),
    **dict.fromkeys(PDF_SUFFIXES, "pdf"),
    **dict.fromkeys(DOCX_SUFFIXES, "docx"),
}
_TYPE_FORMATS = {
    **dict.fromkeys(_HTML_TYPES, "html"),
    **dict.fromkeys(_PDF_TYPES, "pdf"),
    **dict.fromkeys(_DOCX_TYPES, "docx"),
    "text/markdown": "markdown",
    "text/x-rst": "rst",
    "text/prs.fallenstein.rst": "rst",
}
_ZIP_OR_OLE = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_FORMAT_NAMES = {"pdf": "a PDF file", "docx": "a Word (DOCX) file"}

#: Called as ``progress(done, total)`` while a long document is read (pages of a PDF).
Progress = Callable[[int, int], None]
# Where a page declares its encoding: <meta charset="..."> or
# <meta http-equiv="Content-Type" content="text/html; charset=...">, near the start.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_PRESCAN_BYTES = 4096
# Byte-order marks and the codec each names; UTF-32's first, as UTF-16's is its prefix.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_path(path: str | Path, *, encoding: str | None = "utf-8") -> str:
    """Read a text document from a file.

    Parameters
    ----------
    path : str or Path
        The file.
    encoding : str
        Its encoding (default UTF-8, also for None; a UTF-8 byte-order mark is dropped).

    Returns
    -------
    str

    Raises
    ------
    InputError
        If the file is missing, a directory, unreadable, binary or not valid text in
        ``encoding``. The message starts with the path.
    """
    return decode(_read_bytes(path), name=str(path), encoding=encoding)


def file_error(name: str, error: OSError, *, kind: str = "text file") -> InputError:
    """The :class:`InputError` for a file that cannot be opened or read, naming it and why.

    ``kind`` is what the file should have been, for the message about a directory.
    """
    if isinstance(error, IsADirectoryError):
        return InputError(f"{name}: is a directory, not a {kind}")
    if isinstance(error, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(error, PermissionError):
        return InputError(f"{name}: permission denied")
    return InputError(f"{name}: cannot be read ({error.strerror or error})")


def _read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise file_error(str(path), error) from None


def read_stream(stream: BinaryIO, *, name: str = "<stdin>", encoding: str | None = "utf-8") -> str:
    """Read a text document from a binary stream such as ``sys.stdin.buffer``."""
    try:
        data = stream.read()
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    return decode(data, name=name, encoding=encoding)


def decode(data: bytes, *, name: str, encoding: str | None = "utf-8") -> str:
    """Decode a document's bytes, refusing binary data and reporting where decoding fails.

    ``encoding=None`` means UTF-8; with UTF-8, a text that starts with the byte-order
    mark of UTF-16 or UTF-32 is read in that encoding.
    """
    encoding = "utf-8" if encoding is None else encoding
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise fail("encoding", "the name of a text encoding such as 'utf-8' or 'latin-1'", encoding) from None
    if codec == "utf-8":
        encoding = "utf-8-sig"
        # A byte-order mark of UTF-16 or UTF-32 says how the text is encoded (no UTF-8
        # text starts with one): read it so, as editors and browsers do.
        for bom, by_bom in _UNICODE_BOMS:
            if data.startswith(bom):
                codec = encoding = by_bom
                break
    if b"\x00" in data[:_SNIFF_BYTES] and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
        raise InputError(
            f"{name}: looks like a binary file, not text; if it is text in an encoding such as UTF-16, "
            "name it with --encoding (encoding= in Python)"
        )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise InputError(
            f"{name}: not valid {codec} text (byte 0x{bad} at offset {error.start}); "
            "name its encoding with --encoding (encoding= in Python), for example latin-1"
        ) from None


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """A document to summarise, read from a file, a stream or a URL.

    Attributes
    ----------
    text : str
        The text to summarise: the file's text, or the text extracted from an HTML
        page (its article), a PDF or a DOCX file, with paragraphs separated by blank
        lines. Sentence offsets refer to it.
    title : str or None
        The title of a page, PDF or DOCX file (from its metadata or its first
        heading); None for text.
    source : str
        Where it came from: a path, a URL (after redirects) or a name such as ``<stdin>``.
    format : {"text", "markdown", "rst", "html", "pdf", "docx"}
        How it was read.
    blocks : tuple of Block or None
        Its structure, when its reader knows it: paragraphs, headings, list items,
        code, boilerplate, with offsets into ``text`` (see :mod:`summarize.structure`);
        pass them to :meth:`summarize.Summarizer.analyze` as ``blocks=``. None for a
        text without structure (news) and, for now, for HTML, PDF and DOCX.
    """

    text: str
    title: str | None = None
    source: str
    format: str
    blocks: tuple[Block, ...] | None = None


def load_document(
    source: str | Path,
    *,
    input_format: str = "auto",
    encoding: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    max_seconds: float = DEFAULT_MAX_SECONDS,
    allow_private: bool = False,
    progress: Progress | None = None,
    limits: ReadLimits | None = None,
) -> Document:
    """Read a document from a file or an http(s) URL: text, an HTML page, a PDF or a DOCX file.

    Parameters
    ----------
    source : str or Path
        A path, or a URL starting with ``http://`` or ``https://``.
    input_format : {"auto", "text", "markdown", "rst", "html", "pdf", "docx"}
        ``"auto"`` (default) reads a file by its suffix: HTML for
        :data:`HTML_SUFFIXES`, Markdown for :data:`MARKDOWN_SUFFIXES`
        (:func:`summarize.io.markdown.read_markdown`: the text as rendered, with
        its blocks), PDF for ``.pdf``, DOCX for :data:`DOCX_SUFFIXES`;
        a file with another suffix is read as PDF or DOCX if its first bytes say
        it is one, else as text, or as Markdown when the text has two marks of
        it (:func:`summarize.io.markdown.looks_like_markdown`). A URL is read by
        the content type the server sends: HTML (``text/html`` or
        ``application/xhtml+xml``), PDF, DOCX, Markdown (``text/markdown``), text
        or Markdown as for a file for ``text/plain``, and text for the other
        ``text/`` types; other content is read
        as PDF or DOCX if its first bytes say so, and refused otherwise. The other
        values override the suffix and the content type.
    encoding : str, optional
        The encoding of the bytes. By default UTF-8 for text (or the charset the
        server sends), and for HTML the charset the server sends or the page
        declares in a ``<meta>`` tag, else UTF-8.
    timeout, max_bytes, max_redirects, max_seconds
        Limits of the download of a URL, as in :func:`summarize.io.web.fetch`.
    allow_private : bool
        Also download from hosts that are not public (this machine, a private
        network, link-local addresses); by default they are refused, as in
        :func:`summarize.io.web.fetch`. A user name and password in the URL are
        sent to its host (HTTP basic authentication) and never shown.
    progress : callable, optional
        Called as ``progress(done, pages)`` after each page of a PDF.
    limits : ReadLimits, optional
        The memory and time that reading a PDF file may take, in a child process
        (default ``ReadLimits()``: 1.5 GiB and 30 s); see :mod:`summarize.io.limits`.

    Returns
    -------
    Document

    Raises
    ------
    ReadLimitError
        If reading a PDF file needs more memory or time than ``limits`` allows, or
        PDFium crashes (a hostile or damaged file).
    InputError
        If a file cannot be read, is binary, is not valid text in ``encoding``, is
        an HTML page without article text, or is not the PDF or DOCX file that its
        suffix or ``input_format`` says, or one that cannot be read (damaged,
        encrypted, without a text layer, a zip bomb): see
        :func:`summarize.io.pdf.extract_pdf` and :func:`summarize.io.docx.extract_docx`.
    FetchError
        If a URL cannot be downloaded or its content is neither HTML, PDF, DOCX nor text.
    MissingDependencyError
        If the document is HTML and the extra ``html`` is not installed, or a PDF
        and the extra ``pdf`` is not installed.
    InvalidParameterError
        If an option is invalid.
    """
    check_choice("input_format", input_format, INPUT_FORMATS)
    from summarize.io.limits import check_limits  # subprocesses and threads: only to read a PDF

    limits = check_limits(limits)
    if isinstance(source, str) and is_url(source):
        from summarize.io.web import fetch

        download = fetch(
            source,
            timeout=timeout,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            max_seconds=max_seconds,
            allow_private=allow_private,
        )
        shown = split_credentials(source)[0]
        form = (
            input_format
            if input_format != "auto"
            else _format_of_download(shown, download.content_type, download.url, download.data)
        )
        return _parse(
            download.data,
            name=shown,
            source=download.url,
            form=form,
            encoding=encoding,
            charset=download.charset,
            progress=progress,
            limits=limits,
        )
    if not isinstance(source, (str, Path)):
        raise fail("source", "a path or an http(s) URL as a str or Path", source)
    data = _read_bytes(source)
    form = input_format if input_format != "auto" else _format_of_path(str(source), data)
    return _parse(
        data, name=str(source), source=str(source), form=form, encoding=encoding, progress=progress, limits=limits
    )


def read_document(
    stream: BinaryIO,
    *,
    name: str = "<stdin>",
    input_format: str = "auto",
    encoding: str | None = None,
    progress: Progress | None = None,
    limits: ReadLimits | None = None,
) -> Document:
    """Read a document from a binary stream such as ``sys.stdin.buffer``.

    ``input_format="auto"`` reads a PDF or DOCX file when the first bytes say it
    is one, and text (or Markdown, when the text looks like it) otherwise, since a
    stream has no suffix or content type; ask
    for ``"html"`` to extract the article of a page. The other parameters are those
    of :func:`load_document`.
    """
    check_choice("input_format", input_format, INPUT_FORMATS)
    from summarize.io.limits import check_limits  # subprocesses and threads: only to read a PDF

    limits = check_limits(limits)
    try:
        data = stream.read()
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    form = (_sniff(data) or "sniff") if input_format == "auto" else input_format
    return _parse(data, name=name, source=name, form=form, encoding=encoding, progress=progress, limits=limits)


def format_of_name(name: str, media_type: str = "") -> str | None:
    """The input format that a file's name (its suffix) or a media type tells, or None.

    Examples
    --------
    >>> from summarize.io.documents import format_of_name
    >>> format_of_name("README.rst"), format_of_name("x", "text/markdown"), format_of_name("notes.txt")
    ('rst', 'markdown', None)
    """
    return _SUFFIX_FORMATS.get(Path(name).suffix.lower()) or _TYPE_FORMATS.get(media_type)


def _format_of_path(path: str, data: bytes) -> str:
    return format_of_name(path) or _sniff(data) or "sniff"


def _sniff(data: bytes) -> str | None:
    """ "pdf" or "docx" when the first bytes say so, else None.

    The extractors' modules are imported only for data that starts as they say.
    """
    if b"%PDF-" in data[:1024]:
        from summarize.io.pdf import is_pdf

        return "pdf" if is_pdf(data) else None
    if data.startswith(_ZIP_OR_OLE[0]):
        from summarize.io.docx import is_docx

        return "docx" if is_docx(data) else None
    return None


def _looks_like(data: bytes) -> str:
    """What a file seems to be, from its first bytes, for a message about a file that is not what it says."""
    from summarize.io.docx import is_docx
    from summarize.io.pdf import is_pdf

    head = data[:_SNIFF_BYTES]
    if not data:
        return "an empty file"
    if is_pdf(data):
        return "a PDF file"
    if is_docx(data):
        return "a Word (DOCX) file"
    if head.startswith(b"PK\x03\x04"):
        return "a zip archive"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "a Word 97-2003 (.doc) or other Office file"
    if re.search(rb"<(?:!doctype html|html|head|body)\b", head[:1024], re.IGNORECASE):
        return "an HTML page"
    if b"\x00" in head:
        return "binary data"
    return "text"


def _format_of_download(url: str, content_type: str, final_url: str, data: bytes) -> str:
    if content_type in _TYPE_FORMATS:
        return _TYPE_FORMATS[content_type]
    if content_type == "text/plain":
        return "sniff"
    if content_type.startswith("text/"):
        return "text"
    if not content_type:
        return _format_of_path(re.sub(r"[?#].*", "", final_url), data)
    sniffed = _sniff(data)
    if sniffed:
        return sniffed
    raise FetchError(
        url,
        f"the server sent {content_type}, not an HTML page, a PDF or DOCX file, or text; "
        "name the format with --input-format (input_format= in Python) if it is one",
    )


def _parse(
    data: bytes,
    *,
    name: str,
    source: str,
    form: str,
    encoding: str | None,
    charset: str | None = None,
    progress: Progress | None = None,
    limits: ReadLimits,
) -> Document:
    """Decode ``data`` as ``form`` ("text", "markdown", "rst", "html", "pdf" or "docx") into a Document.

    A manual page, in any format, has the sections that hold no prose set apart
    (:func:`summarize.blocks.manual_blocks`).
    """
    document = _read(
        data, name=name, source=source, form=form, encoding=encoding, charset=charset, progress=progress, limits=limits
    )
    blocks = manual_blocks(document.text, document.blocks)
    return document if blocks is document.blocks else replace(document, blocks=blocks)


def _read(
    data: bytes,
    *,
    name: str,
    source: str,
    form: str,
    encoding: str | None,
    charset: str | None,
    progress: Progress | None,
    limits: ReadLimits,
) -> Document:
    """Decode ``data`` as ``form`` into a Document, by the format's reader."""
    if form == "rst":
        from summarize.io.rst import read_rst

        rst = read_rst(decode(data, name=name, encoding=encoding or charset), name=name)
        return Document(text=rst.text, title=rst.title, source=source, format="rst", blocks=rst.blocks)
    if form in ("text", "sniff", "markdown"):  # "sniff": text, or Markdown if it looks like it
        from summarize.io.markdown import looks_like_markdown, read_markdown

        text = decode(data, name=name, encoding=encoding or charset)
        if form == "markdown" or (form == "sniff" and looks_like_markdown(text)):
            markdown = read_markdown(text)
            return Document(
                text=markdown.text, title=markdown.title, source=source, format="markdown", blocks=markdown.blocks
            )
        from summarize.io.plaintext import plain_blocks

        return Document(text=text, source=source, format="text", blocks=plain_blocks(text))
    # A zip or OLE file may be a damaged or an encrypted DOCX file: the extractor says which.
    if (form == "pdf" and _sniff(data) != "pdf") or (form == "docx" and not data.startswith(_ZIP_OR_OLE)):
        raise InputError(f"{name}: not {_FORMAT_NAMES[form]}: it looks like {_looks_like(data)}")
    if form == "pdf":
        # PDFium is native code: a hostile file can exhaust memory or crash it, so
        # it reads in a child process within the limits.
        from summarize.io.limits import extract_isolated

        found = extract_isolated("pdf", data, name=name, limits=limits, progress=progress)
        return Document(text=found.text, title=found.title, source=source, format="pdf", blocks=found.blocks)
    if form == "docx":
        from summarize.io.docx import extract_docx

        docx = extract_docx(data, name=name)
        return Document(text=docx.text, title=docx.title, source=source, format="docx", blocks=docx.blocks)
    from summarize.io.html import extract_article

    html = decode(data, name=name, encoding=encoding) if encoding else _decode_html(data, name=name, charset=charset)
    article = extract_article(html, url=source if is_url(source) else None, name=name)
    return Document(text=article.text, title=article.title, source=source, format="html", blocks=article.blocks)


def _decode_html(data: bytes, *, name: str, charset: str | None) -> str:
    """Decode a page as a browser would: byte-order mark, then the server's charset, then <meta>, then UTF-8.

    Bytes that are invalid in that encoding become U+FFFD, as in a browser.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{name}: looks like a binary file, not an HTML page")
    declared = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    for label in (charset, declared.group(1).decode("ascii") if declared else None):
        if label:
            try:
                codec = codecs.lookup(label).name
            except LookupError:
                continue
            # As browsers do (WHATWG Encoding): these labels mean windows-1252.
            if codec in ("latin-1", "iso8859-1", "ascii"):
                codec = "cp1252"
            if codec.startswith(("utf-16", "utf-32")):  # a page that says so in ASCII is not UTF-16
                codec = "utf-8"
            return data.decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")
