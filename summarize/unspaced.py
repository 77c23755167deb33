"""Sentence spans of Chinese and Japanese text, written without spaces (rule 4 of :mod:`summarize.sentences`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping

from summarize.errors import TooManySentencesError

__all__ = ["BRACKET_REACH", "Unspaced", "enclosed", "outermost_pairs", "stripped", "unspaced_pairs"]

#: A closing bracket is paired with an opening one at most this many characters before it.
BRACKET_REACH = 400


class Unspaced:
    """Sentence spans of Chinese or Japanese text (rule 4).

    A sentence ends at a run of ``。！？．｡!?`` and the closing quotation marks and
    brackets after it, except a full stop after a digit, a mark inside a title or
    inside a quotation or bracket that goes on after it, and a closing quotation
    that a particle or a comma continues.
    """

    def span_tokenize(self, text: str, *, limit: int | None = None) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        pairs = unspaced_pairs(text)
        for match in _UNSPACED_END.finditer(text):
            if limit is not None and len(spans) > limit:
                raise TooManySentencesError(limit)
            end = match.end()
            marks = match.group(1)
            if marks in "．." and match.start() > 0 and text[match.start() - 1].isdigit():
                continue  # a decimal point (３．２９) or a list number (１．)
            if (pairs and enclosed(pairs, end - 1)) or any(closer in match.group() for closer in "》〉）)"):
                continue
            closed = end > match.end(1)
            if closed and end < len(text) and text[end] in _AFTER_QUOTATION:
                continue
            spans.append(stripped(text, start, end))
            start = end
        if text[start:].strip():
            spans.append(stripped(text, start, len(text)))
        return [(start, end) for start, end in spans if end > start]


_UNSPACED_END = re.compile(r"([。！？．｡!?]+)[」』”’）)\]】》〉〕\"']*")
# What goes on after a closing quotation: a comma, or a Japanese particle (と, って...).
_AFTER_QUOTATION = frozenset("，、,：；とっはがをにのもやへ")
_UNSPACED_PAIRS = dict(zip("「『《〈（(【〔“", "」』》〉）)】〕”", strict=True))
_UNSPACED_OPENING = re.compile("[「『《〈（(【〔“]")
_UNSPACED_BRACKET = re.compile("[「『《〈（(【〔“」』》〉）)】〕”]")


def unspaced_pairs(text: str) -> list[tuple[int, int]]:
    """The outermost pairs of brackets and quotation marks, as sorted (opening, closing) positions."""
    if _UNSPACED_OPENING.search(text) is None:
        return []
    return outermost_pairs(text, _UNSPACED_BRACKET, _UNSPACED_PAIRS)


def outermost_pairs(text: str, marks: re.Pattern[str], closing: Mapping[str, str]) -> list[tuple[int, int]]:
    """The outermost pairs of the ``marks`` in ``text`` (``closing``: each opening's closing), sorted by position.

    Paired with a stack; a mark left open or closed without an opening one, or a pair
    further apart than :data:`BRACKET_REACH`, encloses nothing.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in marks.finditer(text):
        character, position = match.group(), match.start()
        if character in closing:
            stack.append((character, position))
        elif stack and closing[stack[-1][0]] == character:
            opened = stack.pop()[1]
            if position - opened <= BRACKET_REACH:
                while pairs and pairs[-1][0] > opened:
                    pairs.pop()  # a pair inside this one
                pairs.append((opened, position))
    return pairs


def enclosed(pairs: list[tuple[int, int]], position: int) -> bool:
    """Whether one of the outermost bracket pairs encloses ``position`` (its brackets excluded)."""
    index = bisect_right(pairs, (position, -1)) - 1
    return index >= 0 and pairs[index][0] < position < pairs[index][1]


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at its ends."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
