"""The limits of a request and the server's settings: defaults, checked once, passed to the workers."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass

from summarize._validation import check_float, check_int, fail

__all__ = [
    "DEFAULT_MAX_CHARACTERS",
    "DEFAULT_MAX_DOCUMENTS",
    "DEFAULT_MAX_REQUEST_BYTES",
    "DEFAULT_MAX_SECONDS",
    "SETTINGS_VARIABLE",
    "Settings",
]

#: The largest request body, in bytes (10 MiB): a long PDF, or the text of a book.
DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024

#: The most characters of text one request may summarise (all its documents together):
#: about 200 pages, summarised in a few seconds. The library's own limit is far higher
#: (:data:`summarize.MAX_CHARACTERS`); a server shared by many is kept to short work.
DEFAULT_MAX_CHARACTERS = 1_000_000

#: Seconds a request may take, downloading a URL included, before it is answered with 503.
DEFAULT_MAX_SECONDS = 30.0

#: The most documents in one request to ``/api/documents``.
DEFAULT_MAX_DOCUMENTS = 50

#: The environment variable through which the command passes the settings to each worker process.
SETTINGS_VARIABLE = "SUMMARIZE_SERVE_SETTINGS"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What a server allows: the limits of each request, and whether URLs may reach private hosts.

    Parameters
    ----------
    max_request_bytes : int
        The largest request body, in bytes (default 10 MiB); a larger one is answered
        with 413 before it is read (by its Content-Length) or as soon as it is read
        past the limit.
    max_characters : int
        The most characters of text one request may summarise, after a file or a
        page is read (default 1,000,000); more is answered with 413.
    max_seconds : float
        Seconds a request may take, a download included (default 30); a request
        that takes longer is answered with 503.
    max_documents : int
        The most documents in one request to ``/api/documents`` (default 50).
    allow_private_hosts : bool
        Also download URLs from hosts that are not public (this machine, a private
        network, link-local addresses); refused by default, as on the command line.
    local_only : bool
        Answer only requests whose Host header names this machine (``127.0.0.1``,
        ``localhost``, ``[::1]``), as a server listening on loopback does (the
        command sets it then): a web page elsewhere cannot reach the server through
        a name of its own that resolves to 127.0.0.1 (DNS rebinding). Default False.
    """

    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    max_characters: int = DEFAULT_MAX_CHARACTERS
    max_seconds: float = DEFAULT_MAX_SECONDS
    max_documents: int = DEFAULT_MAX_DOCUMENTS
    allow_private_hosts: bool = False
    local_only: bool = False

    def __post_init__(self) -> None:
        check_int("max_request_bytes", self.max_request_bytes, minimum=1)
        check_int("max_characters", self.max_characters, minimum=1)
        check_float("max_seconds", self.max_seconds, low=0.0, high=float("inf"), low_open=True, high_open=True)
        check_int("max_documents", self.max_documents, minimum=1)
        for name in ("allow_private_hosts", "local_only"):
            if not isinstance(getattr(self, name), bool):
                raise fail(name, "True or False", getattr(self, name))

    def to_environment(self) -> str:
        """The settings as the JSON that :meth:`from_environment` reads."""
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_environment(cls) -> Settings:
        """The settings the command passed in :data:`SETTINGS_VARIABLE`, or the defaults."""
        given = os.environ.get(SETTINGS_VARIABLE)
        return cls(**json.loads(given)) if given else cls()
