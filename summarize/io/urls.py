"""What a URL is, and the limits of downloading one: light, so that reading files never imports the network stack."""

from __future__ import annotations

import re
import urllib.parse

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_REDIRECTS",
    "DEFAULT_MAX_SECONDS",
    "DEFAULT_TIMEOUT",
    "MAX_SECONDS",
    "is_url",
    "split_credentials",
]

#: Seconds to wait for a connection, and for each read from it.
DEFAULT_TIMEOUT = 10.0

#: Seconds the whole download of a URL may take, redirects included: a server that
#: sends a byte now and then, each within the time-out, is cut off after this.
DEFAULT_MAX_SECONDS = 120.0

#: The longest ``timeout`` or ``max_seconds`` that can be asked for (a day); longer ones
#: overflow the operating system's time-outs.
MAX_SECONDS = 86_400.0

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


def split_credentials(url: str) -> tuple[str, str | None]:
    """The URL without the user name and password it may hold, and those (``"user:password"``) or None.

    Messages, records and page sources show the URL without them.

    Examples
    --------
    >>> split_credentials("https://ann:s3cret@intranet.example/report")
    ('https://intranet.example/report', 'ann:s3cret')
    >>> split_credentials("https://example.org/a@b")
    ('https://example.org/a@b', None)
    """
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # not a URL: whoever reads it says so
        return url, None
    userinfo, at, host = parts.netloc.rpartition("@")
    if not at:
        return url, None
    return urllib.parse.urlunsplit(parts._replace(netloc=host)), urllib.parse.unquote(userinfo)
