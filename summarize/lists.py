"""Lists and enumerations inside a paragraph: where they start new sentences (rule 5 of the splitter).

:mod:`summarize.sentences` applies its rules in order; this module holds the one
for lists: bullets (two or more in a paragraph), inline lists whose markers count
up ("1) ... 2) ...", "a. ... b. ..."), abbreviations that close an enumeration
before a capital ("etc. The"), and units after numbers ("100 kr. Det"). Every
search looks a bounded distance ahead, so the rule stays linear in the length of
the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["split_lists"]

#: The bullets a line or an item can start with, besides ``-`` and ``*``.
BULLETS = "•⁃‣◦▪"
_BULLET = re.compile(f"[{BULLETS}]")
# Inline list markers: "1.)", "2)", "3.", "a.", "b)", after a space or at the start.
_INLINE_MARKER = re.compile(r"(?:(\d{1,2})|([^\W\d_]))(\.\)|\)|\.)(?=\s)")
# The next item of an inline list is looked for at most this far after the last.
_LIST_REACH = 300
# Abbreviations that close an enumeration, or a year ("1950 г."), and so end a
# sentence before a capital, which Punkt without learnt statistics never sees.
_ENUMERATION_END = re.compile(
    r"(?:(?<!\w)(?:etc|usw|u\.\s?s\.\s?w|ecc|osv|enz|mv|m\.\s?m|m\.\s?fl|co|т\.\s?д|т\.\s?п|и\s др)"
    r"|(?<=\d)\s?гг?)\.\s+(?!Ltd|Inc|Corp|Limited|GmbH|LLC)(?=[\"'„“«(]*([^\W\d_])(.?))",
    re.IGNORECASE,
)
# Without one of these no enumeration end can be found (a quick test before the search).
_ENUMERATION_HINTS = (
    *("etc.", "usw.", "s.w", "s. w", "ecc.", "osv.", "enz.", "mv.", "m.m", "m. m", "m.fl", "m. fl", "co."),
    *("т.", "др.", "г."),
)
# A unit or currency after a number ("100 kr.", "1000 руб.", "5 km."):
# before a capitalised word, a sentence end, in languages without learnt statistics.
_UNITS = frozenset(
    re.findall(
        r"\S+",
        "kr km kg cm mm ml mg ha min sek mio mia mrd mln mld fr pct руб коп тыс млн млрд кг км см мм мин сек",
    )
)
_UNIT_END = re.compile(r"\d\s?([^\W\d_]{1,4})\.\s+(?=[\"'„“«(]*([^\W\d_])(.?))")


def split_lists(segment: str, spans: list[tuple[int, int]], *, units: bool) -> list[tuple[int, int]]:
    """Split sentence spans before bullets, before the items of lists written inline, and after the
    abbreviations that close an enumeration before a capital (rule 5 of :mod:`summarize.sentences`).

    ``spans`` are the (start, end) offsets of the sentences of ``segment`` so far;
    with ``units``, a capitalised word after a unit after a number ("100 kr. Det")
    starts a sentence too (for languages without learnt statistics).

    Examples
    --------
    >>> from summarize.lists import split_lists
    >>> segment = "Bring: 1) bread 2) milk 3) eggs"
    >>> [segment[start:end] for start, end in split_lists(segment, [(0, len(segment))], units=False)]
    ['Bring:', '1) bread', '2) milk', '3) eggs']
    """
    cuts = sorted({*_bullet_starts(segment), *_inline_items(segment), *_enumeration_ends(segment)})
    if units:
        cuts = sorted({*cuts, *_unit_ends(segment)})
    if not cuts:
        return spans
    result: list[tuple[int, int]] = []
    position = 0
    for start, end in spans:
        while position < len(cuts) and cuts[position] <= start:
            position += 1
        while position < len(cuts) and cuts[position] < end:
            cut = cuts[position]
            head = segment[start:cut].rstrip()
            if head:
                result.append((start, start + len(head)))
            start = cut
            position += 1
        result.append((start, end))
    return result


def _unit_ends(segment: str) -> Iterator[int]:
    """Where a capitalised word follows a unit after a number ("100 kr. Det", rule 5)."""
    for match in _UNIT_END.finditer(segment):
        if match.group(1) in _UNITS and match.group(2).isupper() and not match.group(3).isupper():
            yield match.end()


def _enumeration_ends(segment: str) -> Iterator[int]:
    """Where a capitalised word follows "etc.", "usw.", "т. д." or a year's "г." (rule 5)."""
    lower = segment.lower()
    if not any(hint in lower for hint in _ENUMERATION_HINTS):
        return
    for match in _ENUMERATION_END.finditer(segment):
        if match.group(1).isupper() and not match.group(2).isupper():  # "Co. KG" is a name
            yield match.end()


def _bullet_starts(segment: str) -> Iterator[int]:
    """Positions of bullets that start an item, when the segment holds two or more."""
    if _BULLET.search(segment) is None:
        return
    starts = [
        position
        for position, character in enumerate(segment)
        if character in BULLETS and (position == 0 or segment[position - 1].isspace())
    ]
    if len(starts) >= 2:
        yield from starts


def _inline_items(segment: str) -> list[int]:
    """Positions of the markers of a list written inline: 2 or more markers that count up.

    Markers with a closing bracket (``1.)``, ``a)``) may start anywhere; markers with
    a full stop only (``1.``, ``a.``, lower-case letters) only where the list starts
    the segment or follows a colon, so that "Chapter 2. The war" is no list. Each
    next item is looked for within ``_LIST_REACH`` characters, so the search stays
    linear in the length of the segment.
    """
    found: list[int] = []
    taken: set[int] = set()
    for start in _list_starts(segment):
        if start in taken:
            continue
        marker = _INLINE_MARKER.match(segment, start)
        if marker is None:
            continue
        digits, letter, style = marker.groups()
        if letter is not None and style == "." and not letter.islower():
            continue
        chain = [start]
        value = int(digits) if digits is not None else ord(letter)
        position = marker.end()
        while True:
            value += 1
            needle = f" {value if digits is not None else chr(value)}{style}"
            following = segment.find(needle, position, position + _LIST_REACH + len(needle))
            after = following + len(needle)
            if following < 0 or (after < len(segment) and not segment[after].isspace()):
                break
            chain.append(following + 1)
            position = after
        if len(chain) >= 2:
            found.extend(chain)
            taken.update(chain)
    return found


def _list_starts(segment: str) -> Iterator[int]:
    """Where an inline list may start: the segment's start, after a colon, before a ")" marker."""
    yield 0
    colon = segment.find(":")
    while colon >= 0:
        after = colon + 1
        while after < min(len(segment), colon + 4) and segment[after].isspace():
            after += 1
        yield after
        colon = segment.find(":", colon + 1)
    bracket = segment.find(")")
    while bracket >= 0:
        body = bracket - 1 if bracket > 0 and segment[bracket - 1] == "." else bracket
        for length in (1, 2):
            begin = body - length
            if begin >= 0 and (begin == 0 or segment[begin - 1].isspace()):
                yield begin
        bracket = segment.find(")", bracket + 1)
