"""Progress of a batch run on standard error: tqdm's bar when it is installed, else a line of text."""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(*, total: int | None, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A function to call with each number of records done: tqdm's bar, or a line of text, on stderr."""
    if not enabled:
        yield _ignore
        return
    try:
        from tqdm import tqdm
    except ImportError:
        line = _ProgressLine(total, sys.stderr)
        try:
            yield line.update
        finally:
            line.close()
        return
    with tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1) as bar:
        yield bar.update


def _ignore(_: int) -> None:
    return None


class _ProgressLine:
    """A progress line rewritten in place twice a second, for when tqdm is not installed."""

    _INTERVAL = 0.5

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self._total = total
        self._stream = stream
        self._done = 0
        self._start = time.monotonic()
        self._shown = -math.inf

    def update(self, count: int) -> None:
        self._done += count
        now = time.monotonic()
        if now - self._shown >= self._INTERVAL:
            self._show(now)

    def close(self) -> None:
        self._show(time.monotonic())
        self._stream.write("\n")
        self._stream.flush()

    def _show(self, now: float) -> None:
        self._shown = now
        elapsed = now - self._start
        rate = f", {self._done / elapsed:.1f} docs/s" if elapsed > 0 else ""
        of = f"/{self._total}" if self._total is not None else ""
        self._stream.write(f"\r{self._done}{of} docs{rate}")
        self._stream.flush()
