"""Where a text's reference list starts: the titles of cited works are no keyphrases of the text.

Scholarly papers end with their references, whose titles (of other works) would
otherwise outweigh the paper's own terms; keyword extraction
(:func:`summarize.keyphrases.extract_keywords`) reads a text up to
:func:`references_start`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["NUMBERED_REFERENCES_FROM", "REFERENCES_FROM", "REFERENCES_SHARE", "REFERENCES_WINDOW", "references_start"]
# Marks of a reference: a numbered entry, initials, a year, a page range or a venue.
_REFERENCE_MARK = re.compile(
    r"^\s*\[\d+\]|\b[A-Z]\.\s?[A-Z][a-z]|\b[A-Z][a-z]+,\s[A-Z]\.|\b(?:19|20)\d\d\b|\bpp?\.\s?\d"
    r"|\b(?:Proc|Proceedings|Journal|Conference|Symposium|Workshop|Trans|Press|vol)\b"
)
_FIRST_ENTRY = re.compile(r"^\s*\[1\]")
_SECOND_ENTRY = re.compile(r"^\s*\[2\]")
#: A numbered reference list ([1], [2], ...) starts past this share of a text's sentences;
NUMBERED_REFERENCES_FROM = 0.2
#: any other reference list past this share ...
REFERENCES_FROM = 0.4
#: ... where this share of the next :data:`REFERENCES_WINDOW` sentences look like references.
REFERENCES_SHARE = 0.6
REFERENCES_WINDOW = 12


def references_start(texts: Sequence[str]) -> int:
    """Where a text's reference list starts, as the index of its first sentence; ``len(texts)`` if none.

    A reference list is the last part of a text: from a sentence that starts with
    ``[1]``, past :data:`NUMBERED_REFERENCES_FROM` of the text, with one that starts
    with ``[2]`` among the next ten; or else, in a text of twice
    :data:`REFERENCES_WINDOW` sentences or more, from the first sentence past
    :data:`REFERENCES_FROM` of the text that has a mark of a reference (initials, a
    year, a page number, a venue) and from which :data:`REFERENCES_SHARE` of the next
    :data:`REFERENCES_WINDOW` sentences have one.
    Its titles of other works are no keyphrases of this one.

    Examples
    --------
    >>> from summarize.references import references_start
    >>> body = ["Grids share computers."] * 8
    >>> cited = ["[1] I. Foster and C. Kesselman.", "The Grid.", "Morgan Kaufmann, 1999.", "[2] A. Smith."]
    >>> references_start(body + cited), references_start(body)
    (8, 8)
    """
    n = len(texts)
    for i in range(int(n * NUMBERED_REFERENCES_FROM), n):
        if _FIRST_ENTRY.match(texts[i]) and any(_SECOND_ENTRY.match(text) for text in texts[i + 1 : i + 1 + 10]):
            return i
    begin = int(n * REFERENCES_FROM)
    if n < 2 * REFERENCES_WINDOW:
        return n
    marked = [bool(_REFERENCE_MARK.search(text)) for text in texts]
    for i in range(begin, n):
        if marked[i]:
            following = marked[i : i + REFERENCES_WINDOW]
            if len(following) >= REFERENCES_WINDOW // 2 and sum(following) >= REFERENCES_SHARE * len(following):
                return i
    return n
