"""NLTK's private Punkt names that summarize/_nltk_punkt.py relies on: each still there, and as expected.

A failure here names the installed NLTK's version: that release changed something
the fast Punkt (``summarize/punkt.py``) was built on, and the adapter must follow.
"""

from __future__ import annotations

import inspect
import re
import string

import nltk
import pytest
from nltk.tokenize import punkt as nltk_punkt
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktTrainer

from summarize import _nltk_punkt
from summarize._data import table
from summarize.punkt import _NON_WORD, _NUMBER, _QUIET_PREFIX

NLTK = f"NLTK {nltk.__version__}"


def changed(what: str) -> str:
    return f"{NLTK} changed {what}: summarize/_nltk_punkt.py and the fast Punkt must follow it"


# The orthographic-context bits as NLTK 3.9 and 3.10 define them; the shipped
# data/punkt/ortho_context.tsv was written by NLTK's trainer in these bits.
ORTHO_BITS = {
    "_ORTHO_BEG_UC": 1 << 1,
    "_ORTHO_MID_UC": 1 << 2,
    "_ORTHO_UNK_UC": 1 << 3,
    "_ORTHO_BEG_LC": 1 << 4,
    "_ORTHO_MID_LC": 1 << 5,
    "_ORTHO_UNK_LC": 1 << 6,
    "_ORTHO_UC": (1 << 1) + (1 << 2) + (1 << 3),
    "_ORTHO_LC": (1 << 4) + (1 << 5) + (1 << 6),
}


@pytest.mark.parametrize("name", sorted(ORTHO_BITS))
def test_orthographic_context_bits_are_unchanged(name: str) -> None:
    assert hasattr(nltk_punkt, name), changed(f"nltk.tokenize.punkt.{name} (it is gone)")
    value = getattr(nltk_punkt, name)
    assert value == ORTHO_BITS[name], changed(f"nltk.tokenize.punkt.{name} (now {value!r}, was {ORTHO_BITS[name]})")


def test_the_adapters_bits_are_nltks() -> None:
    assert _nltk_punkt.ORTHO_LOWER_CASE == nltk_punkt._ORTHO_LC
    assert _nltk_punkt.ORTHO_UPPER_CASE == nltk_punkt._ORTHO_UC
    assert _nltk_punkt.ORTHO_MID_UPPER_CASE == nltk_punkt._ORTHO_MID_UC
    assert _nltk_punkt.ORTHO_BEGIN_LOWER_CASE == nltk_punkt._ORTHO_BEG_LC


def test_the_trainer_writes_the_bits_the_fast_path_reads() -> None:
    trainer = PunktTrainer()
    trainer.train("The cat met Paris here. the dog ran away. Then Paris slept well. Dogs sleep.", finalize=True)
    context = trainer.get_params().ortho_context
    lower, upper = _nltk_punkt.ORTHO_LOWER_CASE, _nltk_punkt.ORTHO_UPPER_CASE
    seen = {word: context[word] for word in ("the", "paris", "dog", "then")}
    message = changed(f"the orthographic context its trainer learns ({seen})")
    assert seen["dog"] & lower, message
    assert not seen["dog"] & upper, message
    assert seen["then"] & upper, message
    assert not seen["then"] & lower, message
    assert seen["paris"] & _nltk_punkt.ORTHO_MID_UPPER_CASE, message
    assert seen["the"] & _nltk_punkt.ORTHO_BEGIN_LOWER_CASE, message


def test_shipped_orthographic_context_is_in_those_bits() -> None:
    flags = {int(value) for value in table("punkt", "ortho_context.tsv").values()}
    assert flags
    assert all(0 < value < 1 << 7 for value in flags)


def test_non_word_characters() -> None:
    language = PunktLanguageVars()
    assert hasattr(language, "_re_non_word_chars"), changed("PunktLanguageVars._re_non_word_chars (it is gone)")
    pattern = language._re_non_word_chars
    assert isinstance(pattern, str), changed(f"PunktLanguageVars._re_non_word_chars (now {pattern!r})")
    # The fast path keeps its own copy of them (summarize.punkt._NON_WORD): it must be NLTK's.
    candidates = set(string.punctuation + string.whitespace + string.ascii_letters + string.digits) | set(_NON_WORD)
    candidates |= set("\u2018\u2019\u201a\u201c\u201d\u201e\xab\xbb\u2039\u203a\u2026\u2013\u2014\u061f\u3002")
    non_word = {character for character in candidates if re.fullmatch(pattern, character)}
    assert non_word == _NON_WORD, changed(f"PunktLanguageVars._re_non_word_chars ({''.join(sorted(non_word))!r})")


def test_arabic_language_variables() -> None:
    language = _nltk_punkt.arabic_vars()
    assert "\u061f" in language.sent_end_chars
    assert re.fullmatch(language._re_non_word_chars, "\u061f"), changed("how _re_non_word_chars is overridden")
    assert re.search(language.period_context_re().pattern, "هل ستفتح؟ قال", re.VERBOSE), changed("period_context_re")
    tokenizer = PunktSentenceTokenizer(PunktParameters(), lang_vars=language)
    spans = list(tokenizer.span_tokenize("هل ستفتح المدينة؟ قال غدا."))
    assert spans == [(0, 17), (18, 26)], changed(f"how a subclass's sent_end_chars split ({spans})")


def test_a_tokenizer_keeps_its_parameters_and_language_variables() -> None:
    params, language = PunktParameters(), PunktLanguageVars()
    tokenizer = PunktSentenceTokenizer(params, lang_vars=language)
    assert hasattr(tokenizer, "_params"), changed("PunktSentenceTokenizer._params (it is gone)")
    assert hasattr(tokenizer, "_lang_vars"), changed("PunktSentenceTokenizer._lang_vars (it is gone)")
    assert _nltk_punkt.parameters(tokenizer) is params, changed("PunktSentenceTokenizer._params")
    assert _nltk_punkt.language_vars(tokenizer) is language, changed("PunktSentenceTokenizer._lang_vars")


# Private patterns of NLTK that the fast path's rules copy rather than read (a number's
# type, an initial, what cannot start a word): unchanged, and the copies agree with them.
COPIED_PATTERNS = {
    "PunktToken._RE_NUMERIC": (nltk_punkt.PunktToken._RE_NUMERIC.pattern, r"^-?[\.,]?\d[\d,\.-]*\.?$"),
    "PunktToken._RE_INITIAL": (nltk_punkt.PunktToken._RE_INITIAL.pattern, r"[^\W\d]\.$"),
    "PunktLanguageVars._re_word_start": (PunktLanguageVars._re_word_start, r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"),
}


@pytest.mark.parametrize("name", sorted(COPIED_PATTERNS))
def test_the_patterns_the_fast_path_copies_are_unchanged(name: str) -> None:
    found, expected = COPIED_PATTERNS[name]
    assert found == expected, changed(f"{name} (now {found!r}, was {expected!r})")


def test_the_fast_paths_number_is_nltks() -> None:
    tokens = ["1979.", "3.5", "3.5.", "-2", ".5", ",5.", "1,000.", "10-12.", "2a.", "a2.", "A.", "-", "5th", "1.)"]
    for token in tokens:
        expected = bool(nltk_punkt.PunktToken._RE_NUMERIC.match(token.lower()))
        assert bool(_NUMBER.fullmatch(token.lower())) == expected, changed(f"PunktToken._RE_NUMERIC ({token!r})")


def test_the_fast_paths_quiet_prefix_cannot_start_a_word() -> None:
    for character in '()"{}[]:;*@':  # summarize.punkt._QUIET_PREFIX
        assert _QUIET_PREFIX.fullmatch(character)
        assert not re.match(PunktLanguageVars._re_word_start, character), changed(f"_re_word_start ({character!r})")


# The public names the fast path uses, checked here too: their shape is what it needs.


def test_the_period_context_pattern() -> None:
    pattern = PunktLanguageVars().period_context_re().pattern
    assert isinstance(pattern, str), changed(f"period_context_re() (its .pattern is {pattern!r})")
    matches = list(re.finditer(pattern, 'He left. Then "it" ended.) No?', re.UNICODE | re.VERBOSE))
    found = [(match.start(), match.group(), match.group("after_tok"), match.group("next_tok")) for match in matches]
    assert found == [(7, ".", " Then", "Then"), (24, ".", ")", None)], changed(f"period_context_re() ({found})")


def test_the_boundary_realignment_pattern() -> None:
    pattern = PunktLanguageVars.re_boundary_realignment.pattern
    assert isinstance(pattern, str), changed("re_boundary_realignment")
    match = re.match(pattern, '" Then', re.MULTILINE)
    assert match is not None, changed("re_boundary_realignment")
    assert match.group() == '" ', changed("re_boundary_realignment")


def test_the_tokenizer_and_its_slow_path() -> None:
    parameters = inspect.signature(PunktSentenceTokenizer).parameters
    assert "lang_vars" in parameters, changed(f"PunktSentenceTokenizer's parameters ({list(parameters)})")
    params = PunktParameters()
    params.abbrev_types = {"mr"}
    params.collocations = {("##number##", "oktober")}
    params.sent_starters = {"the"}
    params.ortho_context = {"smith": nltk_punkt._ORTHO_MID_UC}
    tokenizer = PunktSentenceTokenizer(params)
    assert tokenizer.text_contains_sentbreak("left. Then") is True, changed("text_contains_sentbreak")
    assert tokenizer.text_contains_sentbreak("Mr. Smith") is False, changed("text_contains_sentbreak")
    assert tokenizer.text_contains_sentbreak("3. Oktober") is False, changed("text_contains_sentbreak")
