"""What a URL is, and the limits of downloading one: light, so that reading files never imports the network stack."""

from __future__ import annotations

import re

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_REDIRECTS", "DEFAULT_MAX_SECONDS", "DEFAULT_TIMEOUT", "is_url"]

#: Seconds to wait for a connection, and for each read from it.
DEFAULT_TIMEOUT = 10.0

#: Seconds the whole download of a URL may take, redirects included: a server that
#: sends a byte now and then, each within the time-out, is cut off after this.
DEFAULT_MAX_SECONDS = 120.0

#: The largest response body that is downloaded, in bytes (10 MiB).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

#: The most redirects followed for one URL.
DEFAULT_MAX_REDIRECTS = 5

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: str) -> bool:
    """Whether ``source`` is written as a URL (``scheme://...``) rather than a file path.

    Examples
    --------
    >>> is_url("https://example.org/story.html"), is_url("story.html")
    (True, False)
    """
    return bool(_URL.match(source))
