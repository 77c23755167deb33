"""Sentence to terms: word tokens, lower-cased, stop words removed, stemmed.

The terms of a sentence are what the similarity measures compare. The built-in
analyzer finds Unicode word tokens (``\\w+``), lower-cases them, drops the stop
words shipped in ``summarize/data/stopwords`` and stems the rest with NLTK's
Snowball stemmer. Any callable from a sentence to a sequence of strings can take
its place (the ``analyzer=`` parameter of :class:`~summarize.Summarizer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

__all__ = ["Analyzer", "analyzer", "stop_words"]

#: A function from a sentence to its terms.
Analyzer = Callable[[str], Sequence[str]]

_TOKEN = re.compile(r"\w+")

# The cache of stems is dropped when it grows past this many word forms, so that
# memory stays bounded over a long corpus; a language's vocabulary rarely needs more.
_CACHE_LIMIT = 200_000


def stop_words(language: str = "english") -> frozenset[str]:
    """The stop words shipped for ``language``.

    Examples
    --------
    >>> from summarize.terms import stop_words
    >>> "the" in stop_words(), "balochistan" in stop_words()
    (True, False)
    """
    return _stop_words(language)


@cache
def _stop_words(language: str) -> frozenset[str]:
    path = resources.files("summarize").joinpath("data", "stopwords", f"{language}.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def analyzer(language: str = "english") -> Analyzer:
    """The built-in analyzer for ``language``: tokens, lower case, no stop words, stems.

    The analyzer keeps a cache from word form to term, so each distinct word is
    stemmed once.

    Examples
    --------
    >>> from summarize.terms import analyzer
    >>> analyzer()("The militants were targeting the provinces' railways.")
    ['milit', 'target', 'provinc', 'railway']
    """
    return _analyzer(language)


@cache
def _stem_cache(language: str) -> tuple[tuple[str, str], ...]:
    """NLTK's Snowball stems of common word forms, shipped in ``data/stems`` (none for other languages).

    Built by ``benchmarks/build_stem_cache.py``; it only saves the time of stemming
    these words again, and the tests check it equals what NLTK gives.
    """
    path = resources.files("summarize").joinpath("data", "stems", f"{language}.tsv")
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple((word, stem) for word, stem in (line.split("\t") for line in lines if not line.startswith("#")))


@cache
def _analyzer(language: str) -> Analyzer:
    from nltk.stem.snowball import SnowballStemmer

    stem = SnowballStemmer(language).stem
    ignored = stop_words(language)
    # Word form -> term; "" for a stop word. Looked up a whole sentence at a time,
    # and started from the shipped cache of NLTK's stems of common words.
    known: dict[str, str] = dict(_stem_cache(language))

    def analyze(sentence: str) -> list[str]:
        tokens = _TOKEN.findall(sentence.lower())
        terms = list(map(known.get, tokens))
        if None in terms:
            if len(known) >= _CACHE_LIMIT:
                known.clear()
                known.update(_stem_cache(language))
            for token in tokens:
                if token not in known:
                    known[token] = "" if token in ignored else stem(token)
            terms = list(map(known.get, tokens))
        return [term for term in terms if term]

    return analyze
