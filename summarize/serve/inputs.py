"""A request's inputs and options: read into documents and a Summarizer, with errors that carry their HTTP status.

The same fields serve the API and the page, in a JSON object or a form
(``multipart/form-data``, which also carries files, or
``application/x-www-form-urlencoded``): one input, ``text``, ``url`` or ``file``,
and the options of the command line by their long names (``sentences``,
``ratio``, ``words``, ``order``, ``ranker``, ``language``, ``diversity``,
``focus``, ``focus_weight``, ``keywords``, ``include_text``, ``input_format``,
``encoding``). A form's values are text; numbers are read from it as numbers,
and an empty value is no value. Invalid values are refused with the library's
own messages, which name the parameter, what it must be and what it got.

The server never reads its own disk for a client: a ``url`` must be an
``http://`` or ``https://`` URL (not a path, not ``file://``), and goes through
the same refusal of private hosts as on the command line.
"""

from __future__ import annotations

import io
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from summarize._validation import check_int
from summarize.errors import FetchError, MissingDependencyError, SummarizeError, TextTooLongError
from summarize.io.documents import (
    Document,
    format_of_name,
    load_document,
    read_document,
)
from summarize.io.urls import DEFAULT_TIMEOUT, split_credentials
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW
from summarize.pipeline import Summarizer
from summarize.selection import DEFAULT_REDUNDANCY
from summarize.serve.limits import Settings

__all__ = [
    "DOCUMENT_FIELDS",
    "KEYWORD_FIELDS",
    "SUMMARY_FIELDS",
    "Input",
    "Options",
    "RequestError",
    "check_fields",
    "options_of",
    "read_input",
    "status_of",
]

# The options a summary takes, and how a form's text value is read: as an int, a float, a bool or text.
_SUMMARIZER_OPTIONS = {
    "sentences": int,
    "ratio": float,
    "words": int,
    "order": str,
    "ranker": str,
    "language": str,
    "diversity": float,
    "focus": str,
    "focus_weight": float,
}
_READING_OPTIONS = {"input_format": str, "encoding": str}
_INPUTS = ("text", "url", "file")

#: The fields of a request for a summary (``/api/summary`` and the page).
SUMMARY_FIELDS = frozenset({*_INPUTS, *_SUMMARIZER_OPTIONS, *_READING_OPTIONS, "keywords", "include_text"})
#: The fields of a request for keywords (``/api/keywords``).
KEYWORD_FIELDS = frozenset({*_INPUTS, *_READING_OPTIONS, "language", "focus", "focus_weight", "top", "window"})
#: The fields of a request for one summary of several documents (``/api/documents``).
DOCUMENT_FIELDS = frozenset(
    {"documents", *_INPUTS, *_SUMMARIZER_OPTIONS, *_READING_OPTIONS, "redundancy", "include_text"}
)
_KINDS: dict[str, type] = {
    **_SUMMARIZER_OPTIONS,
    **_READING_OPTIONS,
    "keywords": int,
    "top": int,
    "window": int,
    "redundancy": float,
    "include_text": bool,
}
_TRUE = frozenset({"true", "1", "on", "yes"})
_FALSE = frozenset({"false", "0", "off", "no"})
_NOT_DOCUMENTS = ("image/", "audio/", "video/", "font/", "model/")


class RequestError(Exception):
    """A request that cannot be answered with a result: its HTTP status, and the message for the client.

    The message is the command line's for the same input (without ``summarize: error:``).
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def status_of(error: SummarizeError) -> int:
    """The HTTP status of a library error: 413 for a text too long, 500 for a missing extra, else 422."""
    if isinstance(error, TextTooLongError):
        return 413
    if isinstance(error, MissingDependencyError):
        return 500
    return 422


@dataclass(frozen=True)
class Input:
    """One document as a request gives it: a ``text``, a ``url``, or a ``file`` (its bytes, name and media type)."""

    kind: str
    value: str | bytes
    name: str
    media_type: str = ""

    @classmethod
    def text(cls, text: object, name: str = "<text>") -> Input:
        if not isinstance(text, str):
            raise RequestError(422, f"The 'text' field must be a str. Got {type(text).__name__} instead.")
        return cls("text", text, name)

    @classmethod
    def url(cls, url: object) -> Input:
        """A URL to download: http or https only, so that no client has the server read its own files."""
        if not isinstance(url, str):
            raise RequestError(422, f"The 'url' field must be an http:// or https:// URL. Got {url!r} instead.")
        try:
            parts = urllib.parse.urlsplit(url.strip())
        except ValueError:
            parts = urllib.parse.urlsplit("")
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise RequestError(422, f"The 'url' field must be an http:// or https:// URL. Got {url!r} instead.")
        return cls("url", url.strip(), split_credentials(url.strip())[0])

    @classmethod
    def file(cls, data: bytes, filename: str | None, media_type: str | None) -> Input:
        # Only the file's own name, never a path the client made up.
        name = PureWindowsPath(PurePosixPath(filename or "").name).name or "<file>"
        return cls("file", data, name, (media_type or "").split(";")[0].strip().lower())


@dataclass(frozen=True)
class Options:
    """The options of a request: the summariser, and how to read and what to add to the result."""

    summarizer: Summarizer
    input_format: str = "auto"
    encoding: str | None = None
    keywords: int | None = None
    include_text: bool = False
    top: int = DEFAULT_KEYWORDS
    window: int = DEFAULT_WINDOW


def check_fields(fields: Mapping[str, object], allowed: frozenset[str]) -> None:
    """Refuse a field the request does not take (400), naming the fields it does."""
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise RequestError(
            400,
            f"unknown field {unknown[0]!r}; the fields are: {', '.join(sorted(allowed))}",
        )


def value_of(fields: Mapping[str, object], name: str, *, form: bool) -> object:
    """A field's value, None when absent (or empty in a form); a form's text read as the field's kind."""
    value = fields.get(name)
    if not form or not isinstance(value, str):
        return value
    if not value.strip():
        return None
    kind = _KINDS.get(name, str)
    try:
        if kind is int:
            return int(value)
        if kind is float:
            return float(value)
    except ValueError:
        return value  # refused by the check of the parameter, with its message
    if kind is bool:
        if value.strip().lower() in _TRUE:
            return True
        if value.strip().lower() in _FALSE:
            return False
        raise RequestError(422, f"The {name!r} field must be true or false. Got {value!r} instead.")
    return value


def options_of(fields: Mapping[str, object], *, form: bool, documents: bool = False) -> Options:
    """The options a request gives, checked (422 with the library's message when one is invalid)."""
    given = {name: value_of(fields, name, form=form) for name in (*_SUMMARIZER_OPTIONS, "redundancy")}
    chosen = {name: value for name, value in given.items() if value is not None}
    if documents:  # as summarize --combine: the same fact in several documents is chosen once
        chosen.setdefault("redundancy", DEFAULT_REDUNDANCY)
    include_text = value_of(fields, "include_text", form=form)
    if include_text is not None and not isinstance(include_text, bool):
        raise RequestError(422, f"The 'include_text' field must be true or false. Got {include_text!r} instead.")
    try:
        summarizer = Summarizer(**chosen)  # type: ignore[arg-type]  # each value is checked by Summarizer
        keywords = check_int("keywords", value_of(fields, "keywords", form=form), minimum=1, optional=True)
        top = check_int("top", _given(value_of(fields, "top", form=form), DEFAULT_KEYWORDS), minimum=1)
        window = check_int("window", _given(value_of(fields, "window", form=form), DEFAULT_WINDOW), minimum=2)
    except TypeError as error:  # a JSON value of a type no parameter takes, such as an object
        raise RequestError(422, str(error)) from None
    except SummarizeError as error:
        raise RequestError(status_of(error), str(error)) from None
    input_format = value_of(fields, "input_format", form=form) or "auto"
    encoding = value_of(fields, "encoding", form=form)
    for name, value in (("input_format", input_format), ("encoding", encoding)):
        if value is not None and not isinstance(value, str):
            raise RequestError(422, f"The {name!r} parameter must be a str. Got {value!r} instead.")
    return Options(
        summarizer=summarizer,
        input_format=str(input_format),
        encoding=encoding if isinstance(encoding, str) else None,
        keywords=keywords,
        include_text=bool(include_text),
        top=top,
        window=window,
    )


def _given(value: object, default: int) -> object:
    return default if value is None else value


def read_input(given: Input, options: Options, settings: Settings, *, deadline: float) -> Document:
    """Read one input into a Document: a text as it is, a URL downloaded, a file by its format.

    ``deadline`` (:func:`time.monotonic`) bounds the download of a URL. Raises
    :class:`RequestError` with the status of what went wrong.
    """
    try:
        document = _read(given, options, settings, deadline=deadline)
    except SummarizeError as error:
        if isinstance(error, FetchError) and time.monotonic() >= deadline:  # the download used up the request's time
            raise too_slow(settings) from None
        raise RequestError(status_of(error), str(error)) from None
    if len(document.text) > settings.max_characters:
        raise RequestError(
            413,
            f"{given.name}: the text has {len(document.text):,} characters; this server summarises at most "
            f"{settings.max_characters:,} in one request (summarize serve --max-characters)",
        )
    return document


def _read(given: Input, options: Options, settings: Settings, *, deadline: float) -> Document:
    fmt, encoding = options.input_format, options.encoding
    if given.kind == "text":
        assert isinstance(given.value, str)
        # As the command reads standard input: text, or Markdown when it looks like it, with its structure.
        # A pasted text is a str already: it is encoded here as UTF-8, so read back as UTF-8 (not ``encoding``).
        return read_document(
            io.BytesIO(given.value.encode("utf-8")), name=given.name, input_format=fmt, encoding="utf-8"
        )
    if given.kind == "url":
        assert isinstance(given.value, str)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RequestError(503, _too_slow(settings))
        return load_document(
            given.value,
            input_format=fmt,
            encoding=encoding,
            timeout=min(DEFAULT_TIMEOUT, remaining),
            max_bytes=settings.max_request_bytes,
            max_seconds=remaining,
            allow_private=settings.allow_private_hosts,
        )
    assert isinstance(given.value, bytes)
    if fmt == "auto":
        fmt = _format_of_upload(given)
    return read_document(io.BytesIO(given.value), name=given.name, input_format=fmt, encoding=encoding)


def _format_of_upload(given: Input) -> str:
    """The format of an uploaded file when the request says "auto": by its name's suffix or its media type."""
    if given.media_type.startswith(_NOT_DOCUMENTS):
        raise RequestError(
            415, f"{given.name}: {given.media_type} is not a document; send text, HTML, PDF or Word (DOCX)"
        )
    # By its name or media type, as a file or a download is; else a PDF or DOCX file by its first bytes, else text.
    return format_of_name(given.name, given.media_type) or "auto"


def _too_slow(settings: Settings) -> str:
    return (
        f"the request took longer than {settings.max_seconds:g} s, this server's limit (summarize serve --max-seconds)"
    )


def too_slow(settings: Settings) -> RequestError:
    """The error of a request that went over its time limit (503)."""
    return RequestError(503, _too_slow(settings))
