"""The API's OpenAPI 3.1 description, served at ``/openapi.json``, written from the same option lists as the server."""

from __future__ import annotations

from collections.abc import Mapping

from summarize._version import __version__
from summarize.focus import DEFAULT_FOCUS_WEIGHT
from summarize.io.documents import INPUT_FORMATS
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW, MAX_WINDOW
from summarize.languages import AUTO, LANGUAGES
from summarize.rankers import DEFAULT_RANKER, RANKERS
from summarize.selection import DEFAULT_DIVERSITY, DEFAULT_REDUNDANCY, DEFAULT_SENTENCES, ORDERS
from summarize.serve.limits import Settings

__all__ = ["openapi"]

_ERRORS = {
    "400": "The request is malformed: not valid JSON or form, an unknown field, no input or several.",
    "413": "The request body, the text or the number of documents is over the server's limit.",
    "415": "The request's content type is not JSON or a form, or an uploaded file is not a document.",
    "422": "An option is invalid, or the input cannot be read or summarised "
    "(a URL refused or unreachable, an empty text, a damaged PDF); the message is the command line's.",
    "503": "The request took longer than the server's time limit.",
}


def _options(documents: bool = False) -> dict[str, object]:
    number = {"type": "number"}
    return {
        "sentences": {
            "type": "integer",
            "minimum": 1,
            "description": f"Number of sentences (default {DEFAULT_SENTENCES}).",
        },
        "ratio": {**number, "exclusiveMinimum": 0, "maximum": 1, "description": "Share of the sentences."},
        "words": {"type": "integer", "minimum": 1, "description": "Word budget."},
        "order": {"enum": list(ORDERS), "default": "document"},
        "ranker": {"enum": list(RANKERS), "default": DEFAULT_RANKER},
        "language": {"enum": [*LANGUAGES, AUTO], "default": "english"},
        "diversity": {**number, "minimum": 0, "exclusiveMaximum": 1, "default": DEFAULT_DIVERSITY},
        "focus": {"type": "string", "description": "A question or keywords the summary favours."},
        "focus_weight": {**number, "exclusiveMinimum": 0, "maximum": 1, "default": DEFAULT_FOCUS_WEIGHT},
        "input_format": {"enum": list(INPUT_FORMATS), "default": "auto"},
        "encoding": {"type": "string", "description": "Encoding of a text file (default UTF-8)."},
        "include_text": {"type": "boolean", "default": False, "description": "Also give the text summarised."},
        **(
            {"redundancy": {**number, "exclusiveMinimum": 0, "maximum": 1, "default": DEFAULT_REDUNDANCY}}
            if documents
            else {"keywords": {"type": "integer", "minimum": 1, "description": "Also give this many keywords."}}
        ),
    }


_INPUT = {
    "text": {"type": "string", "description": "The text itself."},
    "url": {"type": "string", "format": "uri", "description": "An http(s) URL; private hosts are refused."},
}
_FILE = {"file": {"type": "string", "format": "binary", "description": "A text, HTML, PDF or DOCX file."}}
_SENTENCE = {
    "type": "object",
    "properties": {
        name: {"type": kind}
        for name, kind in (
            ("index", "integer"),
            ("rank", "integer"),
            ("score", "number"),
            ("text", "string"),
            ("start", "integer"),
            ("end", "integer"),
        )
    },
}
_KEYWORD = {
    "type": "object",
    "properties": {"text": {"type": "string"}, "score": {"type": "number"}, "count": {"type": "integer"}},
}


def _body(properties: dict[str, object], example: dict[str, object]) -> dict[str, object]:
    return {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "object", "properties": properties}, "example": example},
            "multipart/form-data": {"schema": {"type": "object", "properties": {**properties, **_FILE}}},
        },
    }


def _answers(schema: Mapping[str, object]) -> dict[str, object]:
    error = {"$ref": "#/components/schemas/Error"}
    return {
        "200": {"description": "The result.", "content": {"application/json": {"schema": schema}}},
        **{
            status: {"description": text, "content": {"application/json": {"schema": error}}}
            for status, text in _ERRORS.items()
        },
    }


def openapi(settings: Settings) -> dict[str, object]:
    """The OpenAPI description of the API, with this server's limits in its text."""
    summary = {
        "type": "object",
        "description": "The record of summarize --format json.",
        "properties": {
            "file": {"type": "string"},
            "title": {"type": ["string", "null"]},
            "language": {"type": "string"},
            "focus_matched": {"type": "boolean"},
            "sentences": {"type": "array", "items": _SENTENCE},
            "text": {"type": "string"},
            "keywords": {"type": "array", "items": _KEYWORD},
        },
    }
    keywords = {
        "type": "object",
        "description": "The record of summarize keywords --format json.",
        "properties": {
            "file": {"type": "string"},
            "title": {"type": ["string", "null"]},
            "language": {"type": "string"},
            "keywords": {"type": "array", "items": _KEYWORD},
        },
    }
    documents = {
        "type": "object",
        "description": "The record of summarize --combine --format json.",
        "properties": {
            "documents": {"type": "array", "items": {"type": "string"}},
            "language": {"type": ["string", "null"]},
            "languages": {"type": "array", "items": {"type": "string"}},
            "sentences": {
                "type": "array",
                "items": {"allOf": [_SENTENCE, {"type": "object", "properties": {"document": {"type": "string"}}}]},
            },
        },
    }
    listed = {
        "type": "array",
        "items": {"type": "object", "properties": {**_INPUT, "id": {"type": "string"}}},
    }
    limits = (
        f"Limits of this server: request bodies up to {settings.max_request_bytes:,} bytes, texts up to "
        f"{settings.max_characters:,} characters, {settings.max_seconds:g} s per request, "
        f"{settings.max_documents} documents per request; URLs to private hosts are "
        f"{'allowed' if settings.allow_private_hosts else 'refused'}."
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "summarize",
            "version": __version__,
            "description": "Extractive summaries and keywords with TextRank. Send JSON, or a form with a file. "
            + limits,
        },
        "paths": {
            "/api/summary": {
                "post": {
                    "summary": "The summary of a text, a URL or a file",
                    "requestBody": _body({**_INPUT, **_options()}, {"text": "Cats purr. Dogs bark.", "sentences": 1}),
                    "responses": _answers(summary),
                }
            },
            "/api/keywords": {
                "post": {
                    "summary": "The keywords of a text, a URL or a file",
                    "requestBody": _body(
                        {
                            **_INPUT,
                            "top": {"type": "integer", "minimum": 1, "default": DEFAULT_KEYWORDS},
                            "window": {
                                "type": "integer",
                                "minimum": 2,
                                "maximum": MAX_WINDOW,
                                "default": DEFAULT_WINDOW,
                            },
                            "language": {"enum": [*LANGUAGES, AUTO], "default": "english"},
                            "focus": {"type": "string"},
                            "input_format": {"enum": list(INPUT_FORMATS), "default": "auto"},
                        },
                        {"text": "Cats purr. Dogs bark.", "top": 5},
                    ),
                    "responses": _answers(keywords),
                }
            },
            "/api/documents": {
                "post": {
                    "summary": "One summary of several documents",
                    "requestBody": _body(
                        {"documents": listed, **_options(documents=True)},
                        {"documents": [{"text": "Cats purr.", "id": "a"}, {"text": "Dogs bark.", "id": "b"}]},
                    ),
                    "responses": _answers(documents),
                }
            },
            "/health": {
                "get": {
                    "summary": "Whether the server is ready",
                    "responses": {"200": {"description": '{"status": "ok", "version": ...}'}},
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
                    "required": ["error", "status"],
                }
            }
        },
    }
