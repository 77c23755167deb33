"""Word classes for keyphrases (noun, adjective, participle, gerund, verb, other) and word rarity, from treebanks.

Keyphrases are noun phrases (Hulth 2003; Mihalcea and Tarau 2004 keep nouns and
adjectives), so keyword extraction needs to tell nouns and adjectives from verbs and
adverbs. No tagger is trained or run: each language with a permissively licensed
Universal Dependencies treebank ships a lexicon (``summarize/data/wordclasses``,
built by ``tools/build_wordclasses.py``) of the class each word form has most often
in that treebank, and the classes of word endings that guess a word the lexicon lacks
(English ``-ly`` adverb, ``-ize`` verb, ``-al`` adjective). Any other word is a noun:
the words a general-language treebank lacks are mostly the terms and names of the
text's own field. The lexicon lists only the words its endings would guess wrong,
which keeps it small; it is read the first time a language's keywords are asked for.

The same treebank gives a list of how often its words occur: how rare a word is in the
language in general (:func:`rarity`), so that keyphrases prefer the terms of a field
("annealing") to words any text has ("result").

Languages without a lexicon (:func:`has_word_classes` is False) keep keyword
extraction without word classes.
"""

from __future__ import annotations

import math
from functools import cache

from summarize._data import exists, table
from summarize.languages import check_language

__all__ = [
    "ADJECTIVE",
    "GERUND",
    "NOUN",
    "OTHER",
    "PARTICIPLE",
    "VERB",
    "has_word_classes",
    "rarity",
    "word_class",
    "word_classifier",
]

NOUN = "N"
ADJECTIVE = "A"
#: Participles, which may modify a noun ("distributed systems").
PARTICIPLE = "P"
#: Gerunds, which may modify a noun ("branching time").
GERUND = "G"
VERB = "V"
OTHER = "O"
#: Rarity is counted in powers of ten less often than this share of a language's words.
RARITY_BASE = 0.1

# Endings are tried longest first, and only on words longer than the ending by two letters or more.
_ENDINGS = (4, 3, 2)


def has_word_classes(language: str) -> bool:
    """Whether ``language`` ships a word-class lexicon.

    Examples
    --------
    >>> from summarize.wordclasses import has_word_classes
    >>> has_word_classes("english"), has_word_classes("japanese")
    (True, False)
    """
    return exists("wordclasses", f"{check_language(language, auto=False)}.tsv")


def word_class(word: str, language: str = "english") -> str:
    """The class of a word: noun, adjective, participle, gerund, verb or other.

    One of ``"N"``, ``"A"``, ``"P"``, ``"G"``, ``"V"`` and ``"O"``. A hyphenated
    compound has the class of its last part ("state-of-the-art" is a noun, as "art"
    is; "well-known" a participle).

    Examples
    --------
    >>> from summarize.wordclasses import word_class
    >>> [word_class(w) for w in ["system", "federal", "allows", "quickly", "Bamboo", "multi-agent", "distributed"]]
    ['N', 'A', 'V', 'O', 'N', 'N', 'P']
    """
    return word_classifier(check_language(language, auto=False))(word)


def rarity(words: list[str], language: str) -> list[float]:
    """How rare each word is in ``language`` in general: :math:`\\log_{10}(0.1\\,N / c)`.

    With :math:`c` the word's count in the language's treebank of :math:`N` words (1
    for a word seen once or never), so that a word as frequent as a tenth of all
    words has rarity 0, "system" 2.5 and a word seen once or never 4.3 (English). Never less
    than 0.1. ``language`` must have word classes (:func:`has_word_classes`); words
    are looked up in lower case.

    Examples
    --------
    >>> from summarize.wordclasses import rarity
    >>> [round(r, 1) for r in rarity(["system", "people", "annealing"], "english")]
    [2.5, 1.8, 4.3]
    """
    counts, total = _frequencies(language)
    scale = RARITY_BASE * total
    return [max(0.1, math.log10(scale / counts.get(word.lower(), 1))) for word in words]


@cache
def _frequencies(language: str) -> tuple[dict[str, int], int]:
    entries = table("frequencies", f"{language}.tsv")
    total = int(entries.pop("_total"))
    return {word: int(count) for word, count in entries.items()}, total


@cache
def word_classifier(language: str) -> _Classifier:
    """The function :func:`word_class` applies for ``language`` (which must have a lexicon), cached."""
    entries = table("wordclasses", f"{language}.tsv")
    endings = {key[1:]: value for key, value in entries.items() if key.startswith("-")}
    lexicon = {key: value for key, value in entries.items() if not key.startswith("-")}
    return _Classifier(lexicon, endings)


class _Classifier:
    """A word's class: the lexicon's, or its ending's, or noun; the last part of a hyphenated word."""

    __slots__ = ("_cache", "_endings", "_lexicon")

    def __init__(self, lexicon: dict[str, str], endings: dict[str, str]) -> None:
        self._lexicon = lexicon
        self._endings = endings
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        word = word.lower()
        found = self._cache.get(word)
        if found is None:
            found = self._lexicon.get(word)
            if found is None:
                last = word.replace("\u2010", "-").replace("\u2011", "-").rsplit("-", 1)[-1]
                found = self._lexicon.get(last) or self._guess(last)
            if len(self._cache) < 100_000:
                self._cache[word] = found
        return found

    def _guess(self, word: str) -> str:
        for length in _ENDINGS:
            if len(word) > length + 1:
                found = self._endings.get(word[-length:])
                if found is not None:
                    return found
        return NOUN
