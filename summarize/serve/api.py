"""The HTTP API: a summary, keywords, or one summary of several documents, as the command line's JSON.

Each endpoint reads its request (:func:`read_request`), then does its work in a
worker thread within the request's time limit (:func:`run_limited`): reading the
input (a download, a PDF), analysing the text once, and writing the record that
``summarize --format json`` writes for it (the same bytes: :func:`summary_record`,
``summarize keywords --format json`` for keywords, ``summarize --combine --format
json`` for several documents). An error is ``{"error": message, "status": status}``
with the command line's message.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import anyio
import anyio.to_thread
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from summarize._version import __version__
from summarize.errors import SummarizeError
from summarize.io.documents import Document
from summarize.io.records import (
    document_analysis,
    document_keywords,
    document_record,
    documents_record,
    json_line,
    keywords_record,
)
from summarize.keyphrases import Keyword
from summarize.pipeline import Analysis
from summarize.serve.inputs import (
    DOCUMENT_FIELDS,
    KEYWORD_FIELDS,
    SUMMARY_FIELDS,
    Input,
    Options,
    RequestError,
    check_fields,
    options_of,
    read_input,
    status_of,
    too_slow,
)
from summarize.serve.limits import Settings

__all__ = [
    "Parsed",
    "Summarized",
    "documents",
    "error_response",
    "health",
    "json_response",
    "keywords",
    "read_request",
    "run_limited",
    "summarize_one",
    "summary",
    "summary_record",
]

T = TypeVar("T")

# Analyses run in this many threads of a worker process at once; the others wait their turn
# (within their time limit). The work is CPU-bound under one GIL, so more would only share it.
_THREADS = 2
_LIMITER: anyio.CapacityLimiter | None = None

_MEDIA_TYPES = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")


@dataclass(frozen=True)
class Parsed:
    """A request's fields (a JSON object, or a form's text values) and its inputs, in order."""

    fields: Mapping[str, object]
    inputs: list[Input]
    form: bool


def json_response(record: Mapping[str, object], status: int = 200) -> Response:
    """The record as the command line writes it: one line of JSON, UTF-8."""
    return Response(json_line(record), status_code=status, media_type="application/json")


def error_response(error: RequestError) -> Response:
    return json_response({"error": error.message, "status": error.status}, status=error.status)


async def read_request(request: Request, settings: Settings, allowed: frozenset[str]) -> Parsed:
    """Read a JSON object or a form: its fields, checked against ``allowed``, and its inputs.

    400 for a body that is not what its content type says or a field not taken, 415
    for another content type. A form's ``file`` fields are its uploads.
    """
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "application/json":
        body = await request.body()
        try:
            fields = json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise RequestError(400, f"the request body is not valid JSON: {error}") from None
        if not isinstance(fields, dict):
            raise RequestError(400, f"the request body must be a JSON object, not {type(fields).__name__}")
        check_fields(fields, allowed)
        inputs = [Input.text(fields["text"])] if "text" in fields else []
        inputs += [Input.url(fields["url"])] if "url" in fields else []
        if "file" in fields:
            raise RequestError(400, "a file is sent as multipart/form-data, not in JSON: send its text as 'text'")
        return Parsed(fields, inputs, form=False)
    if media_type not in _MEDIA_TYPES:
        raise RequestError(
            415,
            f"the request's content type must be one of {', '.join(_MEDIA_TYPES)}; got {media_type or 'none'}",
        )
    try:
        form = await request.form(max_part_size=settings.max_request_bytes)
    except RequestError:
        raise
    except Exception as error:  # python-multipart's and Starlette's errors for a malformed body
        raise RequestError(400, f"the request body is not a valid form: {error}") from None
    try:
        values: dict[str, object] = {}
        inputs = []
        for name, value in form.multi_items():
            check_fields({name: value}, allowed)
            if isinstance(value, UploadFile):
                if name != "file":
                    raise RequestError(400, f"the field {name!r} takes text, not a file")
                data = await value.read()
                if data or value.filename:  # a form's empty file field is no file
                    inputs.append(Input.file(data, value.filename, value.content_type))
            elif name in ("text", "url"):
                if value.strip():
                    inputs.append(Input.text(value) if name == "text" else Input.url(value))
            elif name == "file":
                raise RequestError(400, "the field 'file' takes a file, sent as multipart/form-data")
            else:
                values[name] = value
    finally:
        await form.close()
    return Parsed(values, inputs, form=True)


def one_input(parsed: Parsed) -> Input:
    if len(parsed.inputs) != 1:
        given = "none" if not parsed.inputs else ", ".join(sorted({i.kind for i in parsed.inputs}))
        raise RequestError(400, f"give one input: 'text', 'url' or 'file' (got {given})")
    return parsed.inputs[0]


async def run_limited(settings: Settings, work: Callable[[float], T]) -> T:
    """Run ``work(deadline)`` in a worker thread; 503 when it goes over the request's time limit.

    The work's own errors (:class:`SummarizeError`) become a :class:`RequestError`
    with their status. A request over its time limit is answered at once; its thread
    finishes its work (bounded by the text-length limit) and the result is dropped.
    """
    global _LIMITER
    if _LIMITER is None:
        _LIMITER = anyio.CapacityLimiter(_THREADS)
    deadline = time.monotonic() + settings.max_seconds
    try:
        with anyio.fail_after(settings.max_seconds):
            return await anyio.to_thread.run_sync(work, deadline, abandon_on_cancel=True, limiter=_LIMITER)
    except TimeoutError:
        raise too_slow(settings) from None
    except SummarizeError as error:
        raise RequestError(status_of(error), str(error)) from None


@dataclass(frozen=True)
class Summarized:
    """One input read and analysed once, with its keywords when asked for."""

    given: Input
    document: Document
    analysis: Analysis
    keywords: tuple[Keyword, ...] | None


def summarize_one(given: Input, options: Options, settings: Settings, deadline: float) -> Summarized:
    """Read the input and analyse it once, as ``summarize FILE`` does (the same checks and messages)."""
    document = read_input(given, options, settings, deadline=deadline)
    analysis = document_analysis(options.summarizer, given.name, document)
    found = analysis.keywords(top=options.keywords) if options.keywords else None
    return Summarized(given, document, analysis, found)


def summary_record(result: Summarized, options: Options) -> dict[str, object]:
    """The record ``summarize --format json`` writes for the input: file, title, language, sentences, ..."""
    return document_record(
        result.given.name,
        result.document,
        result.analysis,
        keywords=result.keywords,
        include_text=options.include_text,
    )


async def summary(request: Request) -> Response:
    """``POST /api/summary``: the record of ``summarize --format json`` for a text, a URL or a file."""
    settings: Settings = request.app.state.settings
    parsed = await read_request(request, settings, SUMMARY_FIELDS)
    given = one_input(parsed)
    options = options_of(parsed.fields, form=parsed.form)
    result = await run_limited(settings, lambda deadline: summarize_one(given, options, settings, deadline))
    return json_response(summary_record(result, options))


async def keywords(request: Request) -> Response:
    """``POST /api/keywords``: the record of ``summarize keywords --format json``."""
    settings: Settings = request.app.state.settings
    parsed = await read_request(request, settings, KEYWORD_FIELDS)
    given = one_input(parsed)
    options = options_of(parsed.fields, form=parsed.form)

    def work(deadline: float) -> dict[str, object]:
        document = read_input(given, options, settings, deadline=deadline)
        language, found = document_keywords(
            options.summarizer, given.name, document, top=options.top, window=options.window
        )
        return keywords_record(given.name, document, language, found)

    return json_response(await run_limited(settings, work))


async def documents(request: Request) -> Response:
    """``POST /api/documents``: one summary of several documents, the record of ``summarize --combine -f json``."""
    settings: Settings = request.app.state.settings
    parsed = await read_request(request, settings, DOCUMENT_FIELDS)
    given = list(parsed.inputs) + _listed_documents(parsed.fields.get("documents"))
    if not given:
        raise RequestError(400, 'give the documents: a list \'documents\' of {"text"} or {"url"}, or files')
    if len(given) > settings.max_documents:
        raise RequestError(
            413,
            f"{len(given)} documents; this server summarises at most {settings.max_documents} in one request "
            "(summarize serve --max-documents)",
        )
    names = [item.name for item in given]
    if len(set(names)) != len(names):
        raise RequestError(422, "each document needs its own name: give each an 'id'")
    options = options_of(parsed.fields, form=parsed.form, documents=True)

    def work(deadline: float) -> dict[str, object]:
        documents = [read_input(item, options, settings, deadline=deadline) for item in given]
        texts = [document.text for document in documents]
        total = sum(len(text) for text in texts)
        if total > settings.max_characters:
            raise RequestError(
                413,
                f"the documents have {total:,} characters; this server summarises at most "
                f"{settings.max_characters:,} in one request (summarize serve --max-characters)",
            )
        blocks = [document.blocks for document in documents]
        analysis = options.summarizer.analyze_documents(texts, ids=names, blocks=blocks)
        if not analysis.summary:
            raise RequestError(422, "no sentence to summarise in any document")
        record = documents_record(analysis.summary, block_of=analysis.block_of)
        if options.include_text:
            record["texts"] = texts
        return record

    return json_response(await run_limited(settings, work))


def _listed_documents(listed: object) -> list[Input]:
    """The documents of a JSON request's ``documents``: each ``{"text"}`` or ``{"url"}``, with an optional ``id``."""
    if listed is None:
        return []
    if not isinstance(listed, list):
        raise RequestError(400, "'documents' must be a list of objects, each with 'text' or 'url' (and an 'id')")
    given = []
    for number, item in enumerate(listed):
        if not isinstance(item, dict) or len({"text", "url"} & set(item)) != 1 or set(item) - {"text", "url", "id"}:
            raise RequestError(400, f"documents[{number}] must be an object with 'text' or 'url', and an 'id'")
        name = item.get("id")
        if name is not None and not isinstance(name, str):
            raise RequestError(422, f"documents[{number}]: the 'id' must be a str. Got {name!r} instead.")
        if "text" in item:
            given.append(Input.text(item["text"], name or f"text {number + 1}"))
        else:
            url = Input.url(item["url"])
            given.append(dataclasses.replace(url, name=name) if name else url)
    return given


async def health(_: Request) -> Response:
    """``GET /health``: 200 once the worker is ready (its language data loaded)."""
    return json_response({"status": "ok", "version": __version__})
