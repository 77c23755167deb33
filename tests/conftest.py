"""Shared fixtures: the seed article (shipped in the repository, not the development data),
and a real HTTP server on 127.0.0.1 serving pages written for the tests."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from . import webserver

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_0059b237ed54ef96.txt"


# A short news text: four sentences on one story, two off-topic ones.
NEWS = (
    "The city council approved a new public park on Monday. "
    "The park will open next spring near the river. "
    "Council members said the park had been requested by residents for years. "
    "Residents welcomed the council's decision on the park. "
    "A bakery on Main Street is closing. "
    "Weather was mild."
)

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def web() -> Iterator[str]:
    """The base URL of the test server, such as ``http://127.0.0.1:40123``.

    Proxy settings are cleared for the session, so requests go straight to it.
    """
    with pytest.MonkeyPatch.context() as patch:
        for name in _PROXY_VARIABLES:
            patch.delenv(name, raising=False)
        server, thread = webserver.start(SEED_PATH)
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            webserver.stop(server, thread)
