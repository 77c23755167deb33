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
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from summarize._data import rows, table
from summarize._validation import check_text
from summarize.languages import AUTO, UNSPACED, check_language, detect_language
from summarize.types import Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters

__all__ = ["FRAGMENT_MAX_WORDS", "abbreviations", "split_sentences"]

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


# Punkt's characters that cannot appear within words, each a token of its own.
_NON_WORD = frozenset(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!")
# Leading characters that are tokens of their own (they cannot start a word) and
# never sentence breaks. Other quotation marks can start a word ("'Mr." is one
# token), so a word after them is left to Punkt.
_QUIET_PREFIX = re.compile(r"[()\"{}\[\]:;*@]*")
_ASCII_WHITESPACE = " \t\n\r\x0b\x0c"
# The token a full stop ends: a plain word (letters and digits, maybe hyphenated,
# starting with a letter) or letters and digits joined by single full stops
# (abbreviations such as "U.S", initials, whole numbers).
_PLAIN_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*")
_DOTTED_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_NEXT_WORD = re.compile(r"[^\W\d_][^\W_]*")
_NUMBER = re.compile(r"-?[.,]?\d[\d,.-]*\.?")


class _Punkt:
    """NLTK's Punkt sentence tokenizer, run faster, with the same answers.

    The decision at each possible sentence end is NLTK's own
    ``PunktSentenceTokenizer.text_contains_sentbreak``, except in the commonest
    cases, where Punkt's rules are applied directly to the two tokens around the
    full stop without building NLTK's token objects (:meth:`_plain_break`). The
    scan for possible ends and the realignment of closing quotes and brackets are
    NLTK's ``span_tokenize`` rewritten with the standard library's regular
    expressions. It works from any language's parameters and language variables
    (sentence-ending characters); ``tests/test_sentences.py`` checks that the spans
    equal NLTK's, for English and for other languages.
    """

    def __init__(self, params: PunktParameters, language: PunktLanguageVars) -> None:
        from nltk.tokenize import punkt
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        self.nltk = PunktSentenceTokenizer(params, lang_vars=language)
        self._end_marks = "".join(language.sent_end_chars)
        self._non_word = _NON_WORD | (set(self._end_marks) - set(".?!"))
        self._abbreviations = frozenset(params.abbrev_types)
        self._collocations = frozenset(params.collocations)
        self._sent_starters = frozenset(params.sent_starters)
        self._ortho_context = dict(params.ortho_context)
        self._lower_case, self._upper_case = punkt._ORTHO_LC, punkt._ORTHO_UC
        self._mid_upper_case, self._begin_lower_case = punkt._ORTHO_MID_UC, punkt._ORTHO_BEG_LC
        self._period_context = re.compile(
            language._period_context_fmt
            % {"NonWord": language._re_non_word_chars, "SentEndChars": language._re_sent_end_chars},
            re.UNICODE | re.VERBOSE,
        )
        self._realignment = re.compile(language.re_boundary_realignment.pattern, re.MULTILINE)

    def _plain_break(self, before: str, match: re.Match[str]) -> bool | None:
        """Punkt's decision where it follows from its rules alone, or None to ask Punkt.

        Handles a question or exclamation mark (always a break), and a full stop
        after a plain word, an abbreviation, an initial or a number that is followed
        by a plain word, applying Punkt's annotation rules (collocations,
        orthographic heuristic, frequent sentence starters) to the two tokens.
        """
        if match.group() != ".":
            return True
        prefix = _QUIET_PREFIX.match(before)
        word = before[prefix.end() :] if prefix else before
        following = match.group("next_tok")
        if _PLAIN_WORD.fullmatch(word) and len(word) > 1:
            typ = word.lower()
            if typ not in self._abbreviations and typ.rsplit("-", 1)[-1] not in self._abbreviations:
                if following is None:
                    return True  # the next token is punctuation, which starts no collocation
                next_typ = self._next_type(following)
                return None if next_typ is None else (typ, next_typ) not in self._collocations
        if following is None or not _DOTTED_WORD.fullmatch(word):
            return None
        next_typ = self._next_type(following)
        if next_typ is None:
            return None
        return self._annotated_break(word, following, next_typ)

    def _next_type(self, following: str) -> str | None:
        """Punkt's type of the token that ``following`` starts with, when it is a plain word."""
        run = _NEXT_WORD.match(following)
        if run is None:
            return None
        rest = following[run.end() :]
        non_word = self._non_word
        ends_word = not rest or rest[0] in non_word or (rest[0] == "," and (len(rest) == 1 or rest[1] in non_word))
        # A ".", "?" or "!" after the word could make a sentence break of its own.
        if not ends_word or any(mark in rest for mark in self._end_marks):
            return None
        return run.group().lower()

    def _annotated_break(self, word: str, following: str, next_typ: str) -> bool:
        """Punkt's two annotation passes over the tokens ``word + "."`` and a plain next word."""
        lower = word.lower()
        typ = "##number##" if _NUMBER.fullmatch(lower + ".") else lower
        abbreviation = lower in self._abbreviations or lower.rsplit("-", 1)[-1] in self._abbreviations
        initial = len(word) == 1 and word.isalpha()
        if (typ, next_typ) in self._collocations:
            return False
        first_upper, first_lower = following[0].isupper(), following[0].islower()
        context = self._ortho_context.get(next_typ, 0)
        starter: bool | None = None  # None: Punkt's "unknown"
        if first_upper and context & self._lower_case and not context & self._mid_upper_case:
            starter = True
        elif first_lower and (context & self._upper_case or not context & self._begin_lower_case):
            starter = False
        if abbreviation and not initial and (starter is True or (first_upper and next_typ in self._sent_starters)):
            return True
        if initial or typ == "##number##":
            if starter is False:
                return False
            if starter is None and initial and first_upper and not context & self._lower_case:
                return False
        return not abbreviation

    def contains_break(self, text: str, start: int, match: re.Match[str]) -> bool:
        """Whether Punkt finds a sentence break at ``match``, whose word starts at ``start``."""
        before = text[start : match.start()]
        decision = self._plain_break(before, match)
        if decision is None:
            decision = bool(self.nltk.text_contains_sentbreak(before + match.group() + match.group("after_tok")))
        return decision

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans of ``text``, as ``PunktSentenceTokenizer.span_tokenize`` gives them."""
        return self._realign(text, self._slices(text))

    def _slices(self, text: str) -> list[tuple[int, int]]:
        slices: list[tuple[int, int]] = []
        last_break = 0
        previous: tuple[re.Match[str], int, int] | None = None
        for match in self._period_context.finditer(text):
            stop = previous[2] if previous else 0
            before = text[stop : match.start()]
            space = max(before.rfind(character) for character in _ASCII_WHITESPACE)
            # NLTK's quirk, kept: whitespace at the very start of `before` counts as none.
            word_start = space + stop + 1 if space > 0 else (previous[1] if previous else 0)
            if previous is not None and previous[2] <= word_start:
                last_break = self._decide(text, previous, last_break, slices)
            previous = (match, word_start, match.start())
        if previous is not None:
            last_break = self._decide(text, previous, last_break, slices)
        slices.append((last_break, len(text.rstrip())))
        return slices

    def _decide(
        self, text: str, candidate: tuple[re.Match[str], int, int], last_break: int, slices: list[tuple[int, int]]
    ) -> int:
        match, word_start, _ = candidate
        if not self.contains_break(text, word_start, match):
            return last_break
        slices.append((last_break, match.end()))
        return match.start("next_tok") if match.group("next_tok") else match.end()

    def _realign(self, text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        realign = 0
        for position, (start, stop) in enumerate(slices):
            start += realign
            if position + 1 == len(slices):
                if stop > start:
                    spans.append((start, stop))
                continue
            next_start, next_stop = slices[position + 1]
            closing = self._realignment.match(text, next_start, next_stop)
            if closing:
                spans.append((start, next_start + len(closing.group(0).rstrip())))
                realign = closing.end() - next_start
            else:
                realign = 0
                if stop > start:
                    spans.append((start, stop))
        return spans


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


def _splitter(language: str) -> _Punkt | _Unspaced:
    """The sentence splitter of a language (each made once)."""
    if language == "english":
        return _punkt()
    if language in UNSPACED:
        return _Unspaced()
    return _punkt(language)


@cache
def _punkt(language: str = "english") -> _Punkt:
    """The Punkt tokenizer of a language, from the parameters shipped in the package (once).

    English has parameters learnt from news (``data/punkt``); the other languages
    have their hand-written abbreviations, and dates ("3. Oktober") as collocations
    (``data/abbreviations``).
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters

    params = PunktParameters()
    if language == "english":
        params.abbrev_types = set(rows("punkt", "abbreviations.txt")) | set(rows("punkt", "abbrev_types.txt"))
        params.collocations = {tuple(row.split(" ")) for row in rows("punkt", "collocations.txt")}
        params.sent_starters = set(rows("punkt", "sent_starters.txt"))
        contexts = table("punkt", "ortho_context.tsv")
        params.ortho_context = defaultdict(int, {word: int(flags) for word, flags in contexts.items()})
        return _Punkt(params, PunktLanguageVars())
    entries = rows("abbreviations", f"{language}.txt")
    params.abbrev_types = {entry for entry in entries if " " not in entry}
    params.collocations = {tuple(entry.split(" ")) for entry in entries if " " in entry}
    return _Punkt(params, _arabic_vars() if language == "arabic" else PunktLanguageVars())


def abbreviations(language: str) -> frozenset[str]:
    """The abbreviations the sentence splitter knows for ``language`` (lower case, no final full stop).

    Examples
    --------
    >>> from summarize.sentences import abbreviations
    >>> "dr" in abbreviations("english"), "z.b" in abbreviations("german"), abbreviations("chinese")
    (True, True, frozenset())
    """
    language = check_language(language, auto=False)
    if language in UNSPACED:
        return frozenset()
    return _punkt()._abbreviations if language == "english" else _punkt(language)._abbreviations


def _arabic_vars() -> PunktLanguageVars:
    """Punkt's language variables with the Arabic question mark ``؟`` ending sentences too."""
    from nltk.tokenize.punkt import PunktLanguageVars

    class ArabicVars(PunktLanguageVars):  # type: ignore[misc]  # NLTK has no type hints
        sent_end_chars = (".", "?", "!", "\u061f")

    language = ArabicVars()
    non_word = language._re_non_word_chars
    if "\u061f" in non_word:
        return language
    # Before NLTK 3.10 the characters that cannot be in a word did not follow sent_end_chars.

    class OlderArabicVars(ArabicVars):
        _re_non_word_chars = non_word[:-2] + "\u061f" + non_word[-2:]

    return OlderArabicVars()
