"""NLTK's Punkt sentence tokenizer, fast, from parameters shipped as text.

:class:`Punkt` gives exactly the spans of NLTK's ``PunktSentenceTokenizer`` and is
faster on news prose. :func:`punkt` builds it once per language from the data
shipped in ``summarize/data`` (no NLTK data is ever loaded):

- every spaced language: abbreviations generated from Unicode CLDR, pySBD and
  hand-written lists (``data/abbreviations``, by ``tools/build_abbreviations.py``),
  with the number collocations ("##number## oktober") as Punkt collocations;
- English also: parameters learnt from news (``data/punkt``, by
  ``tools/train_punkt.py``) and a hand-written abbreviation list. The other
  languages have nothing learnt: no corpus of their text that may be used was at
  hand, so their orthographic heuristics see every word as unknown, and the rule
  layer of :mod:`summarize.sentences` makes up for it.

:func:`abbreviations` lists what a language's Punkt knows, for the sentence rules
and for keyword extraction.

The few private names of NLTK that the fast path needs are all read through
:mod:`summarize._nltk_punkt`, whose test names the NLTK version when they change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING

from summarize._data import rows, table
from summarize.errors import TooManySentencesError
from summarize.languages import UNSPACED, check_language

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters

__all__ = ["Punkt", "abbreviations", "punkt"]


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
# The most answers of NLTK's slow path kept (each a short string), per language.
_ASKED_LIMIT = 4096
# A whole next token that ends in one full stop: letters and digits, maybe joined by
# single full stops or hyphens ("A.", "2.", "U.S.", "3.5.", "well-known.").
_DOTTED_TOKEN = re.compile(r"[^\W_]+(?:[.-][^\W_]+)*\.")


class Punkt:
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
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        from summarize._nltk_punkt import (
            ORTHO_BEGIN_LOWER_CASE,
            ORTHO_LOWER_CASE,
            ORTHO_MID_UPPER_CASE,
            ORTHO_UPPER_CASE,
        )

        self.nltk = PunktSentenceTokenizer(params, lang_vars=language)
        self._end_marks = "".join(language.sent_end_chars)
        self._non_word = _NON_WORD | (set(self._end_marks) - set(".?!"))
        self.abbreviation_types = frozenset(params.abbrev_types)
        self._collocations = frozenset(params.collocations)
        self._sent_starters = frozenset(params.sent_starters)
        self._ortho_context = dict(params.ortho_context)
        self._lower_case, self._upper_case = ORTHO_LOWER_CASE, ORTHO_UPPER_CASE
        self._mid_upper_case, self._begin_lower_case = ORTHO_MID_UPPER_CASE, ORTHO_BEGIN_LOWER_CASE
        # NLTK's own pattern (compiled with the `regex` module since NLTK 3.10), recompiled with `re`.
        self._period_context = re.compile(language.period_context_re().pattern, re.UNICODE | re.VERBOSE)
        self._realignment = re.compile(language.re_boundary_realignment.pattern, re.MULTILINE)
        # NLTK's answers by the string asked: it depends on nothing else, and text of one
        # shape (brackets, numbered items) asks the same strings again and again.
        self._asked: dict[str, bool] = {}

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
            if typ not in self.abbreviation_types and typ.rsplit("-", 1)[-1] not in self.abbreviation_types:
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
        """Punkt's type of the token that ``following`` starts with, when it is a plain word.

        Also when the token is a word, an initial, an abbreviation or a number that
        ends in one full stop ("A.", "2.", "U.S."), the commonest shape of runs of
        initials and numbered lists: its type is then the one Punkt's first pass gives
        it (without the full stop if that ends a sentence, with it if the token is an
        abbreviation).
        """
        dotted = _DOTTED_TOKEN.fullmatch(following)
        if dotted is not None:
            return self._period_final_type(following)
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

    def _period_final_type(self, token: str) -> str:
        """Punkt's ``type_no_sentperiod`` of a token that ends in one full stop, after its first pass."""
        lower = token.lower()
        typ = "##number##" if _NUMBER.fullmatch(lower) else lower
        stem = lower[:-1]
        abbreviation = stem in self.abbreviation_types or stem.rsplit("-", 1)[-1] in self.abbreviation_types
        if abbreviation or not typ.endswith("."):
            return typ
        return typ[:-1]

    def _annotated_break(self, word: str, following: str, next_typ: str) -> bool:
        """Punkt's two annotation passes over the tokens ``word + "."`` and a plain next word."""
        lower = word.lower()
        typ = "##number##" if _NUMBER.fullmatch(lower + ".") else lower
        abbreviation = lower in self.abbreviation_types or lower.rsplit("-", 1)[-1] in self.abbreviation_types
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
            asked = before + match.group() + match.group("after_tok")
            decision = self._asked.get(asked)
            if decision is None:
                if len(self._asked) >= _ASKED_LIMIT:
                    self._asked = {}
                decision = self._asked[asked] = bool(self.nltk.text_contains_sentbreak(asked))
        return decision

    def span_tokenize(self, text: str, *, limit: int | None = None) -> list[tuple[int, int]]:
        """Sentence spans of ``text``, as ``PunktSentenceTokenizer.span_tokenize`` gives them.

        With ``limit``, :class:`~summarize.errors.TooManySentencesError` is raised as
        soon as there are more spans than that, before the rest of the text is read.
        """
        return self._realign(text, self._slices(text, limit))

    def _slices(self, text: str, limit: int | None = None) -> list[tuple[int, int]]:
        slices: list[tuple[int, int]] = []
        last_break = 0
        previous: tuple[re.Match[str], int, int] | None = None
        for match in self._period_context.finditer(text):
            stop = previous[2] if previous else 0
            before = text[stop : match.start()]
            space = max(map(before.rfind, _ASCII_WHITESPACE))
            # NLTK's quirk, kept: whitespace at the very start of `before` counts as none.
            word_start = space + stop + 1 if space > 0 else (previous[1] if previous else 0)
            if previous is not None and previous[2] <= word_start:
                last_break = self._decide(text, previous, last_break, slices)
                if limit is not None and len(slices) > limit:
                    raise TooManySentencesError(limit)
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


@cache
def punkt(language: str = "english") -> Punkt:
    """The Punkt tokenizer of a language, from the parameters shipped in the package (once).

    Every spaced language has its generated abbreviations, and dates ("3. Oktober")
    as collocations (``data/abbreviations``); English adds the parameters learnt from
    news and its hand-written abbreviations (``data/punkt``).
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters

    from summarize._nltk_punkt import arabic_vars

    params = PunktParameters()
    entries = rows("abbreviations", f"{language}.txt")
    params.abbrev_types = {entry for entry in entries if " " not in entry}
    params.collocations = {tuple(entry.split(" ")) for entry in entries if " " in entry}
    if language == "english":
        params.abbrev_types |= set(rows("punkt", "abbreviations.txt")) | set(rows("punkt", "abbrev_types.txt"))
        params.collocations |= {tuple(row.split(" ")) for row in rows("punkt", "collocations.txt")}
        params.sent_starters = set(rows("punkt", "sent_starters.txt"))
        contexts = table("punkt", "ortho_context.tsv")
        params.ortho_context = defaultdict(int, {word: int(flags) for word, flags in contexts.items()})
    return Punkt(params, arabic_vars() if language == "arabic" else PunktLanguageVars())


def abbreviations(language: str) -> frozenset[str]:
    """The abbreviations the sentence splitter knows for ``language`` (lower case, no final full stop).

    Examples
    --------
    >>> from summarize.punkt import abbreviations
    >>> "dr" in abbreviations("english"), "z.b" in abbreviations("german"), abbreviations("chinese")
    (True, True, frozenset())
    """
    language = check_language(language, auto=False)
    if language in UNSPACED:
        return frozenset()
    return punkt(language).abbreviation_types
