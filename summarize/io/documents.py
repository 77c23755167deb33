"""Reading documents from files, streams and URLs, with errors that say what went wrong.

Plain text is read by :func:`read_path` and :func:`read_stream`. A
:class:`Document` is read by :func:`load_document` (a file or an http(s) URL) or
:func:`read_document` (a stream), as text or as an HTML page whose article is
extracted (:func:`summarize.io.html.extract_article`). The network stack
(:mod:`summarize.io.web`) and the HTML extractor are imported only for a URL or a
page.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from summarize._validation import check_choice, fail
from summarize.errors import FetchError, InputError
from summarize.io.urls import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_MAX_SECONDS,
    DEFAULT_TIMEOUT,
    is_url,
    split_credentials,
)

__all__ = [
    "HTML_SUFFIXES",
    "INPUT_FORMATS",
    "Document",
    "decode",
    "load_document",
    "read_document",
    "read_path",
    "read_stream",
]

# A NUL byte in the first few kilobytes marks a binary file (as git and grep decide).
_SNIFF_BYTES = 8192

#: The input formats: ``"auto"`` (decide from the file suffix or content type), ``"text"``, ``"html"``.
INPUT_FORMATS = ("auto", "text", "html")

#: File suffixes read as HTML when the input format is ``"auto"``.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Where a page declares its encoding: <meta charset="..."> or
# <meta http-equiv="Content-Type" content="text/html; charset=...">, near the start.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_PRESCAN_BYTES = 4096


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

    ``encoding=None`` means UTF-8.
    """
    encoding = "utf-8" if encoding is None else encoding
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise fail("encoding", "the name of a text encoding such as 'utf-8' or 'latin-1'", encoding) from None
    if b"\x00" in data[:_SNIFF_BYTES] and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
        raise InputError(f"{name}: looks like a binary file, not text")
    if codec == "utf-8":
        encoding = "utf-8-sig"
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
        The text to summarise: the file's text, or the article extracted from an
        HTML page (paragraphs separated by blank lines). Sentence offsets refer to it.
    title : str or None
        The page's title, for HTML; None for text.
    source : str
        Where it came from: a path, a URL (after redirects) or a name such as ``<stdin>``.
    format : {"text", "html"}
        How it was read.
    """

    text: str
    title: str | None = None
    source: str
    format: str


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
) -> Document:
    """Read a document from a file or an http(s) URL, as text or as an HTML page.

    Parameters
    ----------
    source : str or Path
        A path, or a URL starting with ``http://`` or ``https://``.
    input_format : {"auto", "text", "html"}
        ``"auto"`` (default) reads a file as HTML when its suffix is one of
        :data:`HTML_SUFFIXES`, and a URL as HTML when the server says it is HTML
        (``text/html`` or ``application/xhtml+xml``) and as text when it says
        ``text/plain`` or another ``text/`` type; anything else is refused.
        ``"text"`` and ``"html"`` override the suffix and the content type.
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

    Returns
    -------
    Document

    Raises
    ------
    InputError
        If a file cannot be read, is binary, is not valid text in ``encoding``, or
        is an HTML page without article text.
    FetchError
        If a URL cannot be downloaded or its content is neither HTML nor text.
    MissingDependencyError
        If the document is HTML and the extra ``html`` is not installed.
    InvalidParameterError
        If an option is invalid.
    """
    check_choice("input_format", input_format, INPUT_FORMATS)
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
            input_format if input_format != "auto" else _format_of_download(shown, download.content_type, download.url)
        )
        return _parse(
            download.data, name=shown, source=download.url, form=form, encoding=encoding, charset=download.charset
        )
    if not isinstance(source, (str, Path)):
        raise fail("source", "a path or an http(s) URL as a str or Path", source)
    form = input_format if input_format != "auto" else _format_of_path(str(source))
    return _parse(_read_bytes(source), name=str(source), source=str(source), form=form, encoding=encoding)


def read_document(
    stream: BinaryIO, *, name: str = "<stdin>", input_format: str = "auto", encoding: str | None = None
) -> Document:
    """Read a document from a binary stream such as ``sys.stdin.buffer``.

    ``input_format="auto"`` reads text, since a stream has no suffix or content
    type; ask for ``"html"`` to extract the article of a page. The other
    parameters are those of :func:`load_document`.
    """
    check_choice("input_format", input_format, INPUT_FORMATS)
    try:
        data = stream.read()
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    form = "text" if input_format == "auto" else input_format
    return _parse(data, name=name, source=name, form=form, encoding=encoding)


def _format_of_path(path: str) -> str:
    return "html" if Path(path).suffix.lower() in HTML_SUFFIXES else "text"


def _format_of_download(url: str, content_type: str, final_url: str) -> str:
    if content_type in _HTML_TYPES:
        return "html"
    if content_type.startswith("text/"):
        return "text"
    if not content_type:
        return _format_of_path(re.sub(r"[?#].*", "", final_url))
    raise FetchError(
        url,
        f"the server sent {content_type}, not an HTML page or text; "
        "name the format with --input-format (input_format= in Python) if it is one",
    )


def _parse(
    data: bytes, *, name: str, source: str, form: str, encoding: str | None, charset: str | None = None
) -> Document:
    """Decode ``data`` as ``form`` ("text" or "html") into a Document."""
    if form == "text":
        return Document(text=decode(data, name=name, encoding=encoding or charset), source=source, format="text")
    from summarize.io.html import extract_article

    html = decode(data, name=name, encoding=encoding) if encoding else _decode_html(data, name=name, charset=charset)
    article = extract_article(html, url=source if is_url(source) else None, name=name)
    return Document(text=article.text, title=article.title, source=source, format="html")


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
