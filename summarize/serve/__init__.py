"""``summarize serve``: a page for people and an HTTP API for programs, on one analysis per text.

The application (:func:`~summarize.serve.app.create_app`) is a Starlette (ASGI)
application served by uvicorn (:func:`~summarize.serve.run.serve`). Its parts:

- :mod:`~summarize.serve.limits`: the limits of a request (size, text length, time)
  and the server's settings, checked once;
- :mod:`~summarize.serve.inputs`: a request's inputs (a text, a URL, a file) and
  options, read into documents and a :class:`~summarize.Summarizer`, with errors that
  carry their HTTP status;
- :mod:`~summarize.serve.api`: the JSON API, whose records are those of
  ``summarize --format json``;
- :mod:`~summarize.serve.page`: the page, a server-rendered form (no script);
- :mod:`~summarize.serve.openapi`: the API's OpenAPI description.

Only the command line imports this package, and only for ``summarize serve``:
``import summarize`` and ``summarize FILE`` never load Starlette or uvicorn.
Needs the extra ``serve`` (``pip install "summarize[serve]"``).
"""

from __future__ import annotations

__all__: list[str] = []
