"""Text to sentences, with character offsets, offline.

Sentence boundaries are found in three steps:

1. Blank lines always end a sentence: the text is cut into blocks at blank lines.
2. Inside a block, each line break is either a soft break of hard-wrapped text
   (the lines are rejoined) or a hard break between lines that stand alone (one
   sentence per line, headings, captions, list items).
3. Each run of rejoined lines is split by NLTK's Punkt sentence tokenizer, with
   parameters shipped in ``summarize/data/punkt`` as plain text (learnt from news
   with ``benchmarks/train_punkt.py`` plus a hand-written abbreviation list). No
   NLTK data is loaded or downloaded, so the result never depends on what happens
   to be installed. Other languages get Punkt with their hand-written
   abbreviations (``summarize/data/abbreviations``) and nothing learnt; Arabic
   sentences also end at ``؟``. Chinese and Japanese, written without spaces,
   end sentences at ``。！？`` and their full-width and half-width forms instead.

Lines that are not sentences of the body (headings, captions, bylines, image
credits) are marked as fragments: they have no sentence-ending punctuation and only
a few words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from summarize._validation import check_text
from summarize.languages import AUTO, UNSPACED, check_language, detect_language
from summarize.punkt import Punkt, punkt
from summarize.types import Sentence

__all__ = ["FRAGMENT_MAX_WORDS", "split_sentences"]

#: A line without sentence-ending punctuation and at most this many words is a fragment.
FRAGMENT_MAX_WORDS = 12

# Lines rejoin as hard-wrapped text when the block is at least this wide and the line
# fills at least this share of the block's width.
_WRAP_MIN_WIDTH = 50
_WRAP_FILL = 0.75
# A line of fewer words (a caption, a credit) does not continue on the next line
# merely because that line starts in lower case.
_SHORT_LINE_WORDS = 5

_LINE = re.compile(r"[^\n]+")
_TERMINAL = re.compile(r"[.!?…。！？．｡؟][\"'”’»)\]}]*$")
_CONTINUES = re.compile(r"[,;:\-–—]$")
_LIST_MARKER = re.compile(r"(?:[-*•‣◦▪–—]|\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})[.)])\s")
_MARKER_ONLY = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})[.)]")
_WORD = re.compile(r"\w+")
# Punkt knows "..." but not the single character "…": split after it where a
# capitalised word follows, as Punkt does for "...".
_ELLIPSIS_BREAK = re.compile(r"(…[\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]*(\w))")


def split_sentences(text: str, *, language: str = "english") -> tuple[Sentence, ...]:
    """Split a document into sentences with their character offsets.

    Parameters
    ----------
    text : str
        The document. Any text is accepted; an empty or blank text has no sentences.
    language : str
        One of :data:`~summarize.languages.LANGUAGES` (default ``"english"``), whose
        abbreviations do not end sentences, or ``"auto"`` to detect it
        (:func:`~summarize.languages.detect_language`).

    Returns
    -------
    tuple of Sentence
        The sentences in document order. ``sentence.text`` is exactly
        ``text[sentence.start:sentence.end]``, without surrounding whitespace.

    Raises
    ------
    InvalidParameterError
        If ``text`` is not a str, or the language is not known.

    Notes
    -----
    A line break inside a paragraph is a sentence boundary unless the text is
    hard-wrapped: the line ends with ``,;:`` or a dash; or the next line starts in
    lower case after a line of at least five words without sentence-ending
    punctuation; or the paragraph is at least 50 characters wide and the line fills
    three quarters of that width. A line that starts with a list marker (``1.``, ``a)``, ``-``,
    ``•``) always starts a new sentence. Within rejoined lines, Punkt [1]_ decides;
    in Chinese and Japanese, a run of ``。！？．｡!?`` and the closing quotation marks
    and brackets after it end a sentence.

    References
    ----------
    .. [1] Kiss, T. and Strunk, J. (2006). Unsupervised multilingual sentence
       boundary detection. Computational Linguistics 32(4), 485-525.

    Examples
    --------
    >>> from summarize import split_sentences
    >>> for s in split_sentences("Mr. Smith paid $3.50 at 9 a.m. on Monday. He left."):
    ...     print(s.index, s.start, s.end, s.text)
    0 0 41 Mr. Smith paid $3.50 at 9 a.m. on Monday.
    1 42 50 He left.
    >>> [s.text for s in split_sentences("Das kostet ca. 5 Euro, z.B. am 3. Oktober. Gut.", language="german")]
    ['Das kostet ca. 5 Euro, z.B. am 3. Oktober.', 'Gut.']
    >>> [s.text for s in split_sentences("他来了。她走了！", language="chinese")]
    ['他来了。', '她走了！']
    """
    check_text(text)
    language = check_language(language)
    if language == AUTO:
        language = detect_language(text)
    tokenizer = _splitter(language)
    sentences: list[Sentence] = []
    for seg_start, seg_end in _segments(text):
        spans = _merge_markers(text, seg_start, tokenizer.span_tokenize(text[seg_start:seg_end]))
        for start, end in _split_ellipses(text, spans):
            sentence_text = text[start:end]
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=sentence_text,
                    start=start,
                    end=end,
                    fragment=_is_fragment(sentence_text),
                )
            )
    return tuple(sentences)


def _is_fragment(sentence: str) -> bool:
    return _TERMINAL.search(sentence) is None and len(_WORD.findall(sentence)) <= FRAGMENT_MAX_WORDS


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) spans of rejoined lines, each to be split by Punkt."""
    for block in _blocks(text):
        width = max(end - start for start, end in block)
        seg_start, seg_end = block[0]
        for (start, end), (next_start, next_end) in pairwise(block):
            if _soft_break(text[start:end], text[next_start:next_end], width):
                seg_end = next_end
            else:
                yield seg_start, seg_end
                seg_start, seg_end = next_start, next_end
        yield seg_start, seg_end


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """Yield paragraphs as lists of (start, end) line spans, stripped of whitespace."""
    block: list[tuple[int, int]] = []
    previous_end = 0
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        if block and text.count("\n", previous_end, match.start()) > 1:
            yield block
            block = []
        block.append((start, start + len(stripped)))
        previous_end = match.end()
    if block:
        yield block


def _soft_break(line: str, next_line: str, width: int) -> bool:
    """Whether the break between two lines of a paragraph is only hard wrapping."""
    if _LIST_MARKER.match(next_line):
        return False
    if _CONTINUES.search(line):
        return True
    if next_line[:1].islower() and not _TERMINAL.search(line) and len(_WORD.findall(line)) >= _SHORT_LINE_WORDS:
        return True
    return width >= _WRAP_MIN_WIDTH and len(line) >= _WRAP_FILL * width


def _merge_markers(text: str, offset: int, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Shift spans by ``offset`` and join a lone list marker ("1.") to what follows it."""
    pending: int | None = None
    for start, end in spans:
        start, end = start + offset, end + offset
        if pending is not None:
            start, pending = pending, None
        if _MARKER_ONLY.fullmatch(text, start, end):
            pending = start
            continue
        yield start, end
    if pending is not None:
        yield pending, end


def _split_ellipses(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Split after "…" where the next word is capitalised, as Punkt does after "..."."""
    for start, end in spans:
        for match in _ELLIPSIS_BREAK.finditer(text, start, end):
            if match.group(2).isupper():
                yield start, match.end(1)
                start = match.end()
        yield start, end


class _Unspaced:
    """Sentence spans of Chinese or Japanese text: each ends at a run of ``。！？．｡!?``
    and the closing quotation marks and brackets that follow it."""

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        for match in _UNSPACED_END.finditer(text):
            spans.append(_stripped(text, start, match.end()))
            start = match.end()
        if text[start:].strip():
            spans.append(_stripped(text, start, len(text)))
        return [(start, end) for start, end in spans if end > start]


_UNSPACED_END = re.compile(r"[。！？．｡!?]+[」』”’）)\]】》〉〕\"']*")


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at its ends."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def _splitter(language: str) -> Punkt | _Unspaced:
    """The sentence splitter of a language (each made once)."""
    if language == "english":
        return punkt()
    if language in UNSPACED:
        return _Unspaced()
    return punkt(language)
