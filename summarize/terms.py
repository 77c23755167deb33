"""Sentence to terms: word tokens, lower-cased, stop words removed, stemmed.

The terms of a sentence are what the similarity measures compare. The built-in
analyzer finds Unicode word tokens (``\\w+``), lower-cases them, drops the stop
words shipped in ``summarize/data/stopwords`` and stems the rest with NLTK's
Snowball stemmer for the language. Any callable from a sentence to a sequence of
strings can take its place (the ``analyzer=`` parameter of
:class:`~summarize.Summarizer`).

Chinese and Japanese are written without spaces between words, and no word
segmenter is needed: their terms are the overlapping character bigrams of each run
of Chinese characters (and, in Japanese, katakana), which stop characters (single
characters of the stop word list, and Japanese hiragana, mostly particles and
endings) cut into pieces. A piece of one character is a term of its own.

:func:`tokens` gives the same words with their offsets in the text, for keyword
extraction.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from types import MappingProxyType

from summarize._data import exists, table
from summarize.languages import UNSPACED, check_language, stop_words

__all__ = ["Analyzer", "Token", "analyzer", "stop_words", "tokenizer", "tokens"]

#: A function from a sentence to its terms.
Analyzer = Callable[[str], Sequence[str]]

_TOKEN = re.compile(r"\w+")
# Arabic words keep their vowel marks (harakat), superscript alef and Quranic marks,
# which are not \w; the marks and the tatweel are removed before stop words and stems.
_ARABIC_MARK_RANGES = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_ARABIC_TOKEN = f"[\\w{_ARABIC_MARK_RANGES}]+"
_ARABIC_MARKS = f"[\u0640{_ARABIC_MARK_RANGES}]"
# Stop words are matched with the forms of alef with hamza or madda written as plain alef.
_ARABIC_ALEF = str.maketrans("\u0623\u0625\u0622\u0671", "\u0627\u0627\u0627\u0627")
# Romanian stop words are matched without diacritics: texts often leave them out, or
# write ş and ţ with a cedilla instead of a comma below.
_ROMANIAN_FOLD = str.maketrans("ăâîșşțţ", "aaisstt")
# For keywords: words without the underscore, hyphenated compounds kept whole.
_HYPHENS = "-\u2010\u2011"
_COMPOUND = f"[^\\W_]+(?:[{_HYPHENS}][^\\W_]+)*"
_HYPHEN = f"[{_HYPHENS}]"
# Chinese characters (with the iteration marks 々 and 〆), kana and the prolonged sound mark.
_CJK = "\u3005\u3006\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK_OR_WORD = f"(?P<cjk>[{_CJK}]+)|[^\\W_{_CJK}]+"
_HIRAGANA = "[\u3041-\u309f]"

# The cache of stems is dropped when it grows past this many word forms, so that
# memory stays bounded over a long corpus; a language's vocabulary rarely needs more.
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text, with its offsets and its term.

    Attributes
    ----------
    start, end : int
        Character offsets of the word in the text it came from.
    term : str
        What the word counts as: its stem in lower case (for a hyphenated compound,
        its parts' stems joined by hyphens), the character bigram itself in Chinese
        and Japanese, or ``""`` for a stop word.
    joined : bool
        Whether the word runs on from the word before it, with nothing but spaces
        between them (in Chinese and Japanese: the next bigram of the same run of
        characters), so that both may be one phrase.
    """

    start: int
    end: int
    term: str
    joined: bool


def analyzer(language: str = "english") -> Analyzer:
    """The built-in analyzer for ``language``: tokens, lower case, no stop words, stems.

    The analyzer keeps a cache from word form to term, so each distinct word is
    stemmed once.

    Parameters
    ----------
    language : str
        One of :data:`~summarize.languages.LANGUAGES` (default ``"english"``).

    Raises
    ------
    InvalidParameterError
        If the language is not one of them.

    Examples
    --------
    >>> from summarize.terms import analyzer
    >>> analyzer()("The militants were targeting the provinces' railways.")
    ['milit', 'target', 'provinc', 'railway']
    >>> analyzer("german")("Die Häuser der Stadt sind neu.")
    ['haus', 'stadt', 'neu']
    >>> analyzer("chinese")("我们的国家很大。")
    ['国家', '大']
    """
    return _analyzer(check_language(language, auto=False))


@cache
def _analyzer(language: str) -> Analyzer:
    if language in UNSPACED:

        def analyze_characters(sentence: str) -> list[str]:
            return [token.term for token in _unspaced_tokens(sentence, language) if token.term]

        return analyze_characters
    lookup = _lookup(language)
    pattern = _regex(_ARABIC_TOKEN) if language == "arabic" else _TOKEN

    def analyze(sentence: str) -> list[str]:
        return [term for term in lookup(pattern.findall(sentence.lower())) if term]

    return analyze


def tokens(text: str, *, language: str = "english") -> list[Token]:
    """The words of ``text`` with their offsets and terms, for keyword extraction.

    Unlike the analyzer, stop words stay (with the term ``""``), so that they can
    bound phrases, and a hyphenated compound ("counter-terrorism") is one word.

    Examples
    --------
    >>> from summarize.terms import tokens
    >>> text = "Counter-terrorism in Balochistan's south"
    >>> [(text[t.start:t.end], t.term, t.joined) for t in tokens(text)]
    [('Counter-terrorism', 'counter-terror', False), ('in', '', True), ('Balochistan', 'balochistan', True), \
('s', '', False), ('south', 'south', True)]
    """
    return tokenizer(language)(text)


def tokenizer(language: str = "english") -> Callable[[str], list[Token]]:
    """The function :func:`tokens` applies for ``language``: the language checked once, for many texts.

    Examples
    --------
    >>> from summarize.terms import tokenizer
    >>> [token.term for token in tokenizer("german")("Die Häuser")]
    ['', 'haus']
    """
    return _tokenizer(check_language(language, auto=False))


@cache
def _tokenizer(language: str) -> Callable[[str], list[Token]]:
    if language in UNSPACED:
        return partial(_unspaced_tokens, language=language)
    lookup = _lookup(language)
    hyphen = _regex(_HYPHEN)
    word = _regex(_ARABIC_TOKEN if language == "arabic" else _COMPOUND)

    def spaced_tokens(text: str) -> list[Token]:
        words: list[Token] = []
        previous_end = -1
        for match in word.finditer(text):
            parts = hyphen.split(match.group().lower())
            terms = lookup(parts)
            if not any(terms):
                term = ""
            elif len(parts) == 1:
                term = terms[0]
            else:
                term = "-".join(term or part for term, part in zip(terms, parts, strict=True))
            gap = text[previous_end : match.start()]
            words.append(Token(match.start(), match.end(), term, previous_end >= 0 and gap.isspace()))
            previous_end = match.end()
        return words

    return spaced_tokens


def _unspaced_tokens(text: str, language: str) -> list[Token]:
    """Character bigrams of the runs of Chinese characters and kana; other words whole."""
    ignored = stop_words(language)
    words: list[Token] = []
    hiragana = _regex(_HIRAGANA) if language == "japanese" else None
    for match in _regex(_CJK_OR_WORD).finditer(text):
        if match.group("cjk") is None:
            word = match.group().lower()
            words.append(Token(match.start(), match.end(), "" if word in ignored else word, False))
            continue
        piece_start = match.start()
        for position in range(match.start(), match.end() + 1):
            if position < match.end() and not _stops_run(text[position], ignored, hiragana):
                continue
            _bigrams(text, piece_start, position, ignored, words)
            piece_start = position + 1
    return words


def _stops_run(character: str, ignored: frozenset[str], hiragana: re.Pattern[str] | None) -> bool:
    return character in ignored or (hiragana is not None and hiragana.match(character) is not None)


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, once, when first needed (not when summarize is imported)."""
    return re.compile(pattern)


def _bigrams(text: str, start: int, end: int, ignored: frozenset[str], words: list[Token]) -> None:
    """Append the bigrams of ``text[start:end]`` (one character alone if that is all), joined in a chain."""
    if end - start == 1:
        words.append(Token(start, end, text[start], False))
        return
    joined = False
    for position in range(start, end - 1):
        bigram = text[position : position + 2]
        if bigram in ignored:
            joined = False
            continue
        words.append(Token(position, position + 2, bigram, joined))
        joined = True


@cache
def _stem_cache(language: str) -> Mapping[str, str]:
    """NLTK's Snowball stems of common word forms, shipped in ``data/stems`` (none for other languages).

    Built by ``tools/build_stem_cache.py``; it only saves the time of stemming
    these words again, and the tests check it equals what NLTK gives. Read-only:
    the analyzer copies it.
    """
    path = ("stems", f"{language}.tsv")
    return MappingProxyType(table(*path) if exists(*path) else {})


@cache
def _lookup(language: str) -> Callable[[list[str]], list[str]]:
    """A function from lower-case word forms to their terms (``""`` for a stop word), cached per language."""
    from nltk.stem.snowball import SnowballStemmer

    stem = SnowballStemmer(language).stem
    ignored = stop_words(language)
    arabic = language == "arabic"
    marks = _regex(_ARABIC_MARKS)
    fold = _ROMANIAN_FOLD if language == "romanian" else None
    if arabic:
        ignored = frozenset(word.translate(_ARABIC_ALEF) for word in ignored)
    elif fold is not None:
        ignored = frozenset(word.translate(fold) for word in ignored)

    def term(word: str) -> str:
        if arabic:
            bare = marks.sub("", word)
            return "" if bare.translate(_ARABIC_ALEF) in ignored else str(stem(bare))
        if fold is not None:
            return "" if word.translate(fold) in ignored else str(stem(word))
        return "" if word in ignored else str(stem(word))

    return _TermCache(term, _stem_cache(language)).lookup


class _TermCache:
    """Word form -> term, looked up a whole sentence at a time, safe to share between threads.

    Starts from the shipped cache of NLTK's stems of common words. A sentence's
    terms are always computed from the words themselves: the shared dict only saves
    work, so a thread never depends on what another thread put in it or dropped.
    When the dict grows past ``_CACHE_LIMIT`` it is replaced by a fresh copy of the
    shipped cache (never cleared in place while another thread reads it).
    """

    def __init__(self, term: Callable[[str], str], shipped: Mapping[str, str]) -> None:
        self._term = term
        self._shipped = shipped
        self._known: dict[str, str] = dict(shipped)
        self._lock = threading.Lock()

    def lookup(self, words: list[str]) -> list[str]:
        known = self._known  # this call's view: replacing the dict does not change it
        terms = list(map(known.get, words))
        if None not in terms:
            return terms  # type: ignore[return-value]  # no None, checked
        new: dict[str, str] = {}
        for position, (word, found) in enumerate(zip(words, terms, strict=True)):
            if found is None:
                found = new.get(word)
                if found is None:
                    found = new[word] = self._term(word)
                terms[position] = found
        with self._lock:
            if len(self._known) + len(new) > _CACHE_LIMIT:
                self._known = dict(self._shipped)
            self._known.update(new)
        return terms  # type: ignore[return-value]  # every None was replaced
