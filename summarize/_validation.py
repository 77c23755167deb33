"""Checks of parameter values, shared by every public entry point.

Each check returns the value (possibly normalised) or raises
:class:`~summarize.errors.InvalidParameterError` with a message of the form
``The 'ratio' parameter must be a float in (0, 1]. Got 1.5 instead.``
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Literal, TypeVar, overload

from summarize.errors import InvalidParameterError

T = TypeVar("T")


def fail(name: str, allowed: str, value: object) -> InvalidParameterError:
    """Build the error for parameter ``name`` that must be ``allowed`` and was ``value``."""
    return InvalidParameterError(f"The {name!r} parameter must be {allowed}. Got {value!r} instead.")


#: The largest number of sentences or words a budget may ask for: more than any text
#: under the length limit has (larger numbers overflow the C integers they meet).
MAX_BUDGET = 10**9


@overload
def check_int(
    name: str, value: object, *, minimum: int, maximum: int | None = None, optional: Literal[False] = False
) -> int: ...


@overload
def check_int(
    name: str, value: object, *, minimum: int, maximum: int | None = None, optional: Literal[True]
) -> int | None: ...


def check_int(
    name: str, value: object, *, minimum: int, maximum: int | None = None, optional: bool = False
) -> int | None:
    """Return ``value`` if it is an int >= ``minimum`` and <= ``maximum`` (or None when ``optional``)."""
    if value is None and optional:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < minimum
        or (maximum is not None and value > maximum)
    ):
        allowed = f"an int >= {minimum}" if maximum is None else f"an int in [{minimum}, {maximum}]"
        raise fail(name, allowed + (" or None" if optional else ""), value)
    return value


@overload
def check_float(
    name: str,
    value: object,
    *,
    low: float,
    high: float,
    low_open: bool = False,
    high_open: bool = False,
    optional: Literal[False] = False,
) -> float: ...


@overload
def check_float(
    name: str,
    value: object,
    *,
    low: float,
    high: float,
    low_open: bool = False,
    high_open: bool = False,
    optional: Literal[True],
) -> float | None: ...


def check_float(
    name: str,
    value: object,
    *,
    low: float,
    high: float,
    low_open: bool = False,
    high_open: bool = False,
    optional: bool = False,
) -> float | None:
    """Return ``value`` as a float if it lies in the given interval (or None when ``optional``)."""
    if value is None and optional:
        return None
    interval = f"{'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
    allowed = f"a float in {interval}" + (" or None" if optional else "")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(name, allowed, value)
    number = float(value)
    too_low = number <= low if low_open else number < low
    too_high = number >= high if high_open else number > high
    if math.isnan(number) or too_low or too_high:
        raise fail(name, allowed, value)
    return number


def check_choice(name: str, value: T, choices: Collection[T]) -> T:
    """Return ``value`` if it is one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(repr(choice) for choice in sorted(map(str, choices)))
        raise fail(name, f"one of {listed}", value)
    return value


def check_budget(sentences: object, ratio: object, words: object) -> None:
    """Check a summary's length: at most one of a number of sentences, a ratio in (0, 1] and a word budget."""
    check_int("sentences", sentences, minimum=1, maximum=MAX_BUDGET, optional=True)
    check_float("ratio", ratio, low=0.0, high=1.0, low_open=True, optional=True)
    check_int("words", words, minimum=1, maximum=MAX_BUDGET, optional=True)
    budgets = {"sentences": sentences, "ratio": ratio, "words": words}
    given = {name: value for name, value in budgets.items() if value is not None}
    if len(given) > 1:
        got = " and ".join(f"{name}={value!r}" for name, value in given.items())
        raise InvalidParameterError(
            f"The 'sentences', 'ratio' and 'words' parameters are mutually exclusive: give at most one. "
            f"Got {got} instead."
        )


def check_focus(focus: object, weight: object) -> None:
    """Check a focus (a str or None) and its weight, in (0, 1]."""
    if focus is not None and not isinstance(focus, str):
        raise fail("focus", "a str (a question, keywords or a paragraph) or None", abbreviated(focus))
    check_float("focus_weight", weight, low=0.0, high=1.0, low_open=True)


def check_text(value: object) -> str:
    """Return ``value`` if it is a str: the document to summarise."""
    if not isinstance(value, str):
        raise fail("text", "a str", abbreviated(value))
    return value


def abbreviated(value: object) -> object:
    """Keep error messages short when the wrong value is a big container."""
    text = repr(value)
    if len(text) <= 80:
        return value
    return _Abbreviated(f"{text[:60]}... ({type(value).__name__})")


class _Abbreviated(str):
    def __repr__(self) -> str:
        return str(self)
