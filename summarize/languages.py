"""Languages: the ones summarize knows, and telling them apart.

Every language that NLTK's Snowball stemmer supports has stop words
(``summarize/data/stopwords``) and sentence-splitting abbreviations
(``summarize/data/abbreviations``; English has its own Punkt parameters in
``summarize/data/punkt``). Chinese and Japanese, written without spaces between
words, split sentences at ``。！？`` and their full-width and half-width forms, and
take character bigrams as terms (see :mod:`summarize.terms`).

Nothing is loaded when this module is imported: each language's data is read the
first time it is needed, and kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from typing import TypeVar

from summarize._data import rows
from summarize._validation import check_choice, check_text

T = TypeVar("T")

__all__ = [
    "AUTO",
    "ISO_CODES",
    "LANGUAGES",
    "UNSPACED",
    "canonical_language",
    "check_language",
    "detect_language",
    "detect_language_unchecked",
    "language_for",
    "stop_words",
]

#: The languages summarize knows, by their English names in lower case.
LANGUAGES: tuple[str, ...] = (
    "arabic",
    "chinese",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "hungarian",
    "italian",
    "japanese",
    "norwegian",
    "portuguese",
    "romanian",
    "russian",
    "spanish",
    "swedish",
)

#: The value of ``language`` that asks for the language to be detected from the text.
AUTO = "auto"

#: Each language's ISO 639-1 code, also accepted as its name (``"de"`` for ``"german"``;
#: ``"nb"``, Norwegian Bokmål, is Norwegian too).
ISO_CODES: dict[str, str] = {
    "ar": "arabic",
    "zh": "chinese",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "hu": "hungarian",
    "it": "italian",
    "ja": "japanese",
    "no": "norwegian",
    "nb": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "es": "spanish",
    "sv": "swedish",
}

#: Languages written without spaces between words: their terms are character bigrams.
UNSPACED = frozenset({"chinese", "japanese"})

# Latin-script languages, told apart by their stop words.
_LATIN_LANGUAGES = tuple(language for language in LANGUAGES if language not in UNSPACED | {"arabic", "russian"})

# Letters of each script (the ranges of the scripts' main Unicode blocks).
_SCRIPTS = {
    "kana": "[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]",
    "han": "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]",
    "arabic": "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]",
    "cyrillic": "[\u0400-\u04ff]",
    "latin": "[A-Za-z\u00c0-\u024f]",
}
# The letters beyond a-z that each Latin-script language writes (a text's letters that
# a language does not write count against it).
_ALPHABETS = {
    "danish": "æøåé",
    "dutch": "éëïóöüè",
    "english": "",
    "finnish": "äöå",
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "hungarian": "áéíóöőúüű",
    "italian": "àèéìíîòóùú",
    "norwegian": "æøåéòóô",
    "portuguese": "àáâãçéêíóôõúü",
    "romanian": "ăâîșțşţ",
    "spanish": "áéíñóúü",
    "swedish": "åäöé",
}
#: Text beyond this many characters is not looked at to detect the language.
DETECT_CHARACTERS = 20_000
#: Japanese when kana are at least this share of the Chinese characters and kana.
_KANA_SHARE = 0.05
_WORD = r"[^\W\d_]+"


def check_language(language: object, *, auto: bool = True) -> str:
    """The canonical name of ``language`` if summarize knows it (or ``"auto"``, when ``auto`` is true).

    A language is named by its English name in any case (``"German"``), or by its
    ISO 639-1 code (``"de"``), also with a region (``"de-AT"``, ``"pt_BR"``); the
    result is the name in :data:`LANGUAGES`.

    Raises
    ------
    InvalidParameterError
        Naming the languages there are.

    Examples
    --------
    >>> from summarize.languages import check_language
    >>> check_language("german"), check_language("German"), check_language("de"), check_language("pt-BR")
    ('german', 'german', 'german', 'portuguese')
    >>> check_language("klingon")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    summarize.errors.InvalidParameterError: The 'language' parameter must be one of 'arabic', ...
    """
    choices: tuple[object, ...] = (*LANGUAGES, AUTO) if auto else LANGUAGES
    return str(check_choice("language", canonical_language(language), choices))


def canonical_language(language: T) -> T | str:
    """The name in :data:`LANGUAGES` (or ``"auto"``) that ``language`` stands for; anything else as it is.

    Examples
    --------
    >>> from summarize.languages import canonical_language
    >>> canonical_language("ENGLISH"), canonical_language("ja"), canonical_language("zh-Hans"), canonical_language("x")
    ('english', 'japanese', 'chinese', 'x')
    """
    if not isinstance(language, str):
        return language
    name = language.strip().lower()
    if name in LANGUAGES or name == AUTO:
        return name
    code = re.split(r"[-_]", name, maxsplit=1)[0]
    return ISO_CODES.get(code, language)


def stop_words(language: str = "english") -> frozenset[str]:
    """The stop words shipped for ``language``.

    Examples
    --------
    >>> from summarize.languages import stop_words
    >>> "the" in stop_words(), "balochistan" in stop_words()
    (True, False)
    >>> "und" in stop_words("german")
    True
    """
    return _stop_words(check_language(language, auto=False))


@cache
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(rows("stopwords", f"{language}.txt"))


def detect_language(text: str) -> str:
    """The language of ``text``, from its script and its stop words.

    Parameters
    ----------
    text : str
        The document; only its first :data:`DETECT_CHARACTERS` characters are read.

    Returns
    -------
    str
        One of :data:`LANGUAGES`. A text without letters, or written in a script
        none of them uses, gets ``"english"``, the default.

    Notes
    -----
    The script with the most letters decides first: kana (with or without Chinese
    characters) is Japanese; Chinese characters alone, Chinese; Arabic script,
    Arabic; Cyrillic, Russian. For the Latin script, each language scores the
    text's words found in its stop word list, each weighted by one over the number
    of languages whose list has it, so that words shared by related languages (Danish
    and Norwegian, Spanish and Portuguese) count less than the words that tell them
    apart. Each score is then multiplied by :math:`\\sqrt{(w + 1) / (s + 1)}`, where
    :math:`s` counts the text's letters beyond a-z (``ä``, ``ø``, ``ñ``, ``ș``...) and
    :math:`w` those of them the language writes, so that Danish ``ø`` tells Danish
    from Swedish. The best score wins, ties going to the first language in
    alphabetical order.

    Examples
    --------
    >>> from summarize import detect_language
    >>> detect_language("Die Regierung hat am Montag beschlossen, dass die Steuern nicht steigen.")
    'german'
    >>> detect_language("Le gouvernement a décidé lundi que les impôts ne seront pas augmentés.")
    'french'
    >>> detect_language("政府は月曜日、税金を上げないと決めた。")
    'japanese'
    """
    return detect_language_unchecked(check_text(text))


def language_for(language: str, text: str) -> str:
    """``language``, or the language detected in ``text`` when it is ``"auto"`` (both already checked)."""
    return detect_language_unchecked(text) if language == AUTO else language


def detect_language_unchecked(text: str) -> str:
    """:func:`detect_language` without checking that ``text`` is a str, for callers that have checked it."""
    sample = text[:DETECT_CHARACTERS]
    patterns = _patterns()
    letters = {script: len(patterns[script].findall(sample)) for script in _SCRIPTS}
    cjk = letters["kana"] + letters["han"]
    scores = {"cjk": cjk, "arabic": letters["arabic"], "cyrillic": letters["cyrillic"], "latin": letters["latin"]}
    script = max(scores, key=lambda name: scores[name])
    if scores[script] == 0:
        return "english"
    if script == "cjk":
        return "japanese" if letters["kana"] >= _KANA_SHARE * cjk else "chinese"
    if script == "arabic":
        return "arabic"
    if script == "cyrillic":
        return "russian"
    lower = sample.lower()
    weights = _stop_word_weights()
    votes: dict[str, float] = dict.fromkeys(_LATIN_LANGUAGES, 0.0)
    for word in patterns["word"].findall(lower):
        for language, weight in weights.get(word, ()):
            votes[language] += weight
    if not any(votes.values()):
        return "english"
    special = Counter(patterns["special"].findall(lower))
    total = sum(special.values())
    for language in _LATIN_LANGUAGES:
        written = sum(count for letter, count in special.items() if letter in _ALPHABETS[language])
        votes[language] *= math.sqrt((written + 1) / (total + 1))
    return max(_LATIN_LANGUAGES, key=lambda language: votes[language])


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The regular expressions of detection, compiled once, when first needed."""
    special = "".join(sorted(set("".join(_ALPHABETS.values()))))
    patterns = {**_SCRIPTS, "word": _WORD, "special": f"[{special}]"}
    return {name: re.compile(pattern) for name, pattern in patterns.items()}


@cache
def _stop_word_weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """Each Latin-script stop word: the languages whose list has it, each with weight 1 / their number."""
    owners: dict[str, list[str]] = {}
    for language in _LATIN_LANGUAGES:
        for word in stop_words(language):
            owners.setdefault(word, []).append(language)
    return {word: tuple((language, 1 / len(names)) for language in names) for word, names in owners.items()}
