"""The private parts of NLTK's Punkt that the fast Punkt (:mod:`summarize.punkt`) relies on.

NLTK documents ``PunktSentenceTokenizer``, ``PunktParameters`` and
``PunktLanguageVars``, but the fast path needs a few names NLTK keeps to itself,
which a release of NLTK may rename or change without notice. Every use of them in
summarize is here, and only here:

- ``nltk.tokenize.punkt._ORTHO_LC``, ``_ORTHO_UC``, ``_ORTHO_MID_UC`` and
  ``_ORTHO_BEG_LC``: the bit flags of Punkt's orthographic context (the shipped
  ``data/punkt/ortho_context.tsv`` holds these bits, as NLTK's trainer wrote them),
  as :data:`ORTHO_LOWER_CASE` and its siblings;
- ``PunktLanguageVars._re_non_word_chars``: the characters that cannot be in a
  word, read and overridden by :func:`arabic_vars` (NLTK before 3.10 did not derive
  them from ``sent_end_chars``);
- ``PunktSentenceTokenizer._params`` and ``._lang_vars``: the parameters and language
  variables a tokenizer was built with (:func:`parameters`, :func:`language_vars`),
  for the tests, which build NLTK's own tokenizer from them.

``tests/test_nltk_punkt.py`` checks that each still exists and behaves as the fast
path expects, and names the installed NLTK's version when one does not. The fast
path also copies a few private patterns into its own rules rather than read them
(``PunktToken._RE_NUMERIC`` and ``_RE_INITIAL``, ``PunktLanguageVars._re_word_start``,
the characters of ``_re_non_word_chars``), which the same test checks are unchanged,
and reproduces Punkt's decision rules (its annotation passes), which no name shows:
``tests/test_punkt.py`` checks its spans equal NLTK's.

This module imports NLTK: it is imported only when a Punkt tokenizer is built.
"""

from __future__ import annotations

from nltk.tokenize import punkt as _punkt
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

__all__ = [
    "ORTHO_BEGIN_LOWER_CASE",
    "ORTHO_LOWER_CASE",
    "ORTHO_MID_UPPER_CASE",
    "ORTHO_UPPER_CASE",
    "arabic_vars",
    "language_vars",
    "parameters",
]

#: Orthographic context: the word type was seen in lower case (first in a sentence, within one, or unknown).
ORTHO_LOWER_CASE: int = _punkt._ORTHO_LC
#: ...seen with a capital (first in a sentence, within one, or unknown).
ORTHO_UPPER_CASE: int = _punkt._ORTHO_UC
#: ...seen with a capital within a sentence.
ORTHO_MID_UPPER_CASE: int = _punkt._ORTHO_MID_UC
#: ...seen in lower case first in a sentence.
ORTHO_BEGIN_LOWER_CASE: int = _punkt._ORTHO_BEG_LC


def arabic_vars() -> PunktLanguageVars:
    """Punkt's language variables with the Arabic question mark ``؟`` ending sentences too."""

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


def parameters(tokenizer: PunktSentenceTokenizer) -> PunktParameters:
    """The parameters an NLTK ``PunktSentenceTokenizer`` was built with."""
    return tokenizer._params


def language_vars(tokenizer: PunktSentenceTokenizer) -> PunktLanguageVars:
    """The language variables an NLTK ``PunktSentenceTokenizer`` was built with."""
    return tokenizer._lang_vars
