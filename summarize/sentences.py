"""Text to sentences, with character offsets, offline.

Sentence boundaries are found by these rules, applied in this order:

1. **Blocks.** Blank lines always end a sentence: the text is cut into blocks at
   blank lines.
2. **Lines.** Inside a block, each line break is either a soft break of
   hard-wrapped text (the lines are rejoined) or a hard break between lines that
   stand alone (one sentence per line, headings, captions, list items). A line
   that is only a list marker ("1.") goes on with the next line. In Chinese and
   Japanese a line break inside a paragraph is soft unless the line ends a
   sentence or the next one starts a list item.
3. **Masks.** In each run of rejoined lines, a spaced ellipsis (``. . .``) is an
   omission, never a sentence end, and in ``. . . .`` only the last full stop can
   end a sentence; Punkt reads a copy of the text in which those dots are hidden
   (same length, so offsets do not move).
4. **Punkt.** NLTK's Punkt sentence tokenizer [1]_ (:mod:`summarize.punkt`) finds
   the candidate sentences, from parameters shipped in ``summarize/data`` as plain
   text (English: learnt from news; other languages: abbreviations generated from
   Unicode CLDR and pySBD). No NLTK data is loaded or downloaded. Arabic
   sentences also end at ``؟``. Chinese and Japanese, written without spaces,
   end sentences at ``。！？`` and their full-width and half-width forms (:mod:`summarize.unspaced`), except
   a full stop after a digit (``３．２９``, ``１．``), a mark inside a title (``《》``) or
   inside brackets (``（）``), a mark inside a quotation that goes on after it
   (``「」``), and a mark after which a closing quotation goes on with a particle or
   a comma (``」と言った``).
5. **Splits.** A sentence is cut

   a. after the abbreviations that close an enumeration or a company name
      (``etc.``, ``usw.``, ``osv.``, ``co.``, ``т. д.``), after a year's ``г.``
      and, but in English, after a unit or currency after a number (``100 kr.``,
      ``5 km.``), when a capitalised word follows that is neither an acronym nor a
      company form (``& Co. KG``, ``Co. Ltd.``);
   b. after ``…``, and after ``....`` (an ellipsis and a full stop) or ``..`` (a
      doubled full stop) at the end of a word, when a capitalised word follows
      (as Punkt does after ``...`` in English; in the other languages, whose
      Punkt has learnt no sentence starters, after ``...`` too);
   c. before each bullet (``•``, ``⁃``) when a paragraph holds two or more, and
      before each item of a list written inline (``1.) … 2.) …``,
      ``a. … b. …``).

   Cuts a and c are :mod:`summarize.lists`; b is here.

6. **Joins**, at each remaining boundary, left to right:

   a. closing quotation marks and brackets that Punkt put at the start of the
      next sentence (``».``, ``“, sagte sie``) go back to the end of the one
      they close;
   b. a sentence that starts in lower case, or with ``, ; :``, after a ``?``, a
      ``!`` or a full stop (with or without closing quotation marks or brackets)
      goes on the one before (``"Where are you?" she asked.``, ``Yahoo! in``,
      ``Jensen og co. om``: an abbreviation that no list knows), and one that
      starts with a dialogue dash and a lower-case word (``—¿Vienes? —preguntó
      ella.``); so does one that starts with a dash, or with a letter of a script
      without case (Arabic), after a mark inside a closed quotation (``«Стой!» —
      крикнула она``); but a line that ends with a full stop ends its sentence
      even when the next line starts in lower case (text written one sentence a
      line, lower-cased, as some corpora are);
   c. no boundary inside a pair of round or square brackets closed in the same
      paragraph (a parenthesis that holds sentences stays in its sentence);
   d. an initial before another initial (``T. S. Eliot``); an abbreviation, a
      word ending in one (``Müllerstr.``), a single letter or a number sign
      (``p.``, ``No.``, ``Art.``, ``N°.``) before a number (``p. 55``); and in
      German, Danish and Norwegian an ordinal after an article or a preposition
      before a capitalised word (``der 1. FC Köln``): these do not end a sentence;
   e. a list marker alone (``1.``, ``b)``, ``•``) starts the sentence after it,
      and a piece without a letter or digit (``.``, ``»``, ``?!``) ends the
      sentence before it; a paragraph without any letter or digit (a rule
      ``***``), or that is only a list marker, is no sentence.

Lines that are not sentences of the body (headings, captions, bylines, image
credits) are marked as fragments: they have no sentence-ending punctuation and only
a few words. A caption that is labelled ("Figure 2.", "Table 1:") is a fragment
however long, every sentence of it, up to the end of its line.

Every rule is one left-to-right pass over the text, with regular expressions that
cannot backtrack over more than a few characters, or that look at a window of at
most 40 characters at a boundary; the next item of an inline list and a pair of
brackets are looked for at most a few hundred characters away. So splitting stays
linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from summarize._validation import check_text
from summarize.errors import TooManySentencesError
from summarize.languages import UNSPACED, check_language, language_for
from summarize.lists import BULLETS, split_lists
from summarize.punkt import Punkt, abbreviations, punkt
from summarize.types import Sentence
from summarize.unspaced import Unspaced, enclosed, outermost_pairs, stripped

__all__ = [
    "FRAGMENT_MAX_WORDS",
    "MAX_SENTENCES",
    "split_sentences",
    "split_sentences_unchecked",
]

#: The most sentences of one text (:class:`~summarize.errors.TooManySentencesError`
#: past it): memory grows with the sentences, up to about 4 KB each with their terms and
#: graph edges, and 50 million characters of news prose hold about 436,000.
MAX_SENTENCES = 500_000

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
_TERMINAL = re.compile(r"[.!?…。！？．｡؟][\"'”’»«“)\]}」』）】》〉〕]*$")
_CONTINUES = re.compile(r"[,;:\-–—、，；：]$")
# A figure or table caption's label at the start of a line: "Figure 2.", "Fig. 3:", "Table IV -".
_CAPTION = re.compile(r"(?:Figure|Fig\.|Table|Chart|Exhibit|Plate|Map)\s+(?:\d{1,3}|[IVXL]{1,5})[a-z]?\s*[.:—–-]\s")
_LIST_MARKER = re.compile(r"(?:[-*•‣◦▪⁃–—]|\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})(?:\.\)|[.)]))\s")
_MARKER_ONLY = re.compile(r"[•‣◦▪⁃*–—-]|(?:[•‣◦▪⁃]\s*)?\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})(?:\.\)|[.)])")
_WORD = re.compile(r"\w+")
_ALNUM = re.compile(r"[^\W_]")
# Punkt knows "..." but not the single character "…", nor "...." (an ellipsis and a
# full stop) after a word: split after them where a capitalised word follows.
_ELLIPSIS_BREAK = re.compile(r"((?:…|(?<=\w)(?:\.{4}|\.\.(?!\.)))[\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]*(\w))")
# Without learnt statistics, Punkt never ends a sentence at "...": other languages
# split there as after "…".
_ELLIPSIS_BREAK_UNLEARNT = re.compile(r"((?:…|(?<=\w)\.{2,4})[\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]*(\w))")
# A spaced ellipsis: three or more full stops, each after one space (rule 3).
_SPACED_ELLIPSIS = re.compile(r"\.(?:[ \u00a0]\.){2,}")
# Closing marks at the start of a piece, followed by a space, punctuation or its end (rule 6a).
_LEADING_CLOSERS = re.compile(r"[\"'”’‘»«›‹“)\]}]+(?=[\s.,;:!?…،؛؟]|$)")
# The end of a sentence that a lower-case start goes on (rule 6b): "?" or "!" (and
# closing marks), or a full stop followed by a closing mark.
_CLOSED_END = re.compile(r"[.?!؟](?:\s?[\"'”’‘»«“)\]}])+$")
_OPEN_END = re.compile(r"(?:[?!؟][.?!؟]*(?:\s?[\"'”’‘»«“)\]}])*|\.(?:\s?[\"'”’‘»«“)\]}])+)$")
# A full stop that a number follows may belong to what is before it (rule 6d).
_NUMBER_START = re.compile(r"[\"'(\[]?\d")
_BEFORE_STOP = re.compile(r"(\S+)\.$")
# The end of a piece that the rules of 6b and 6d look at, and the widest list marker.
_TAIL = 40
_MARKER_WIDTH = 12
_BEFORE_INITIAL = frozenset(" \t\n(\"'“‘«")
_INITIAL_START = re.compile(r"[^\W\d_]\.\s")
_BRACKET = re.compile(r"[()\[\]]")
_ROUND_AND_SQUARE = {"(": ")", "[": "]"}
# An ordinal: a number of at most three digits and its full stop, after a word.
_ORDINAL = re.compile(r"(?<!\S)([^\W\d_]+)\s+\d{1,3}\.$")
# Languages that write ordinals with a full stop ("der 2. Weltkrieg", "den 2.
# verdenskrig"): after these articles and prepositions, such a number does not end
# a sentence before a capitalised word.
_ORDINAL_WORDS = {
    "german": frozenset(
        re.findall(
            r"\w+",
            "der die das dem den des am im vom zum zur beim ins ans ab bis seit vor nach um zwischen "
            "ein eine einem einen einer eines jeden jedem jeder sein seine seinem seinen seiner ihr ihre "
            "ihrem ihren ihrer mit für von zu auf in an aus bei über unter durch gegen ohne während",
        )
    ),
    "danish": frozenset(re.findall(r"\w+", "den det de i på til fra efter før siden en et sin sit hans hendes med")),
    "norwegian": frozenset(
        re.findall(r"\w+", "den det de i på til fra etter før siden en et sin sitt hans hennes med")
    ),
}
_NUMBER_SIGNS = frozenset(
    re.findall(r"\S+", "n° nº no nos nr nrs art arts p pp s ss vol cap chap fig tab sec par pag pág pg bd")
)


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
        ``text[sentence.start:sentence.end]``, without surrounding whitespace, and
        holds at least one letter or digit.

    Raises
    ------
    InvalidParameterError
        If ``text`` is not a str, or the language is not known.
    TooManySentencesError
        If the text has more than :data:`MAX_SENTENCES` sentences (found as soon as
        they are counted, before the rest of the text is split).

    Notes
    -----
    The rules, and the order in which they apply, are those of the module
    docstring (:mod:`summarize.sentences`). A line break inside a paragraph is a
    sentence boundary unless the text is hard-wrapped: the line ends with ``,;:``
    or a dash; or the next line starts in lower case after a line of at least five
    words without sentence-ending punctuation; or the paragraph is at least 50
    characters wide and the line fills three quarters of that width. A line that
    starts with a list marker (``1.``, ``a)``, ``-``, ``•``) always starts a new
    sentence. Within rejoined lines, Punkt [1]_ decides, and the rule layer
    corrects it around quotations, brackets, ellipses, numbers and lists.

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
    >>> [s.text for s in split_sentences('"Where are you?" she asked. Please turn to p. 55. Thanks.')]
    ['"Where are you?" she asked.', 'Please turn to p. 55.', 'Thanks.']
    >>> [s.text for s in split_sentences("Das kostet ca. 5 Euro, z.B. am 3. Oktober. Gut.", language="german")]
    ['Das kostet ca. 5 Euro, z.B. am 3. Oktober.', 'Gut.']
    >>> [s.text for s in split_sentences("«Не видали маму?». Нет.", language="russian")]
    ['«Не видали маму?».', 'Нет.']
    >>> [s.text for s in split_sentences("他来了。她走了！", language="chinese")]
    ['他来了。', '她走了！']
    """
    check_text(text)
    language = check_language(language)
    return split_sentences_unchecked(text, language_for(language, text))


def split_sentences_unchecked(text: str, language: str, *, most: int | None = None) -> tuple[Sentence, ...]:
    """:func:`split_sentences` of a text and a language already checked (not ``"auto"``).

    At most ``most`` sentences (default :data:`MAX_SENTENCES`): the pipeline passes
    what is left of the limit for a group of documents. Past it,
    :class:`~summarize.errors.TooManySentencesError`, as soon as they are counted.
    """
    try:
        return _sentences_of(text, language, MAX_SENTENCES if most is None else most)
    except TooManySentencesError:
        raise TooManySentencesError(MAX_SENTENCES, len(text)) from None


def _sentences_of(text: str, language: str, most: int) -> tuple[Sentence, ...]:
    unspaced = language in UNSPACED
    splitter: Punkt | Unspaced = Unspaced() if unspaced else punkt(language)
    known = frozenset() if unspaced else abbreviations(language)
    sentences: list[Sentence] = []
    for seg_start, seg_end in _segments(text, unspaced=unspaced):
        if len(sentences) > most:
            raise TooManySentencesError(most)
        segment = text[seg_start:seg_end]
        caption = _CAPTION.match(segment) is not None
        if not unspaced and _PLAIN_SEGMENT.fullmatch(segment):
            # Words and spaces alone: no rule has a mark to act on, so the segment is one sentence.
            start, end = stripped(segment, 0, len(segment))
            if end > start:
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=segment[start:end],
                        start=seg_start + start,
                        end=seg_start + end,
                        fragment=caption or _is_fragment(segment[start:end]),
                    )
                )
            continue
        # Splitting stops as soon as the segment has more pieces than the sentences left.
        limit = most - len(sentences)
        if unspaced:
            spans = splitter.span_tokenize(segment, limit=limit)
        else:
            spans = splitter.span_tokenize(_masked(segment), limit=limit)
            learnt = language == "english"
            spans = split_lists(segment, _split_ellipses(segment, spans, learnt=learnt), units=not learnt)
        for start, end in _join(segment, spans, known, _ORDINAL_WORDS.get(language, frozenset())):
            sentence_text = segment[start:end]
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=sentence_text,
                    start=seg_start + start,
                    end=seg_start + end,
                    fragment=caption or _is_fragment(sentence_text),
                )
            )
    if len(sentences) > most:
        raise TooManySentencesError(most)
    return tuple(sentences)


# A segment of words (letters and digits) and spaces, nothing else.
_PLAIN_SEGMENT = re.compile(r"\s*[^\W_]+(?:\s+[^\W_]+)*\s*")


def ends_sentence(text: str) -> bool:
    """Whether a text ends as a sentence: with ``.!?…`` (or a CJK or Arabic mark), maybe closing quotes after it."""
    return _TERMINAL.search(text) is not None


def _is_fragment(sentence: str) -> bool:
    return _TERMINAL.search(sentence) is None and len(_WORD.findall(sentence)) <= FRAGMENT_MAX_WORDS


def _segments(text: str, *, unspaced: bool = False) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) spans of rejoined lines (rules 1 and 2)."""
    for block in _blocks(text):
        width = max(end - start for start, end in block)
        seg_start, seg_end = block[0]
        for (start, end), (next_start, next_end) in pairwise(block):
            if _soft_break(text[start:end], text[next_start:next_end], width, unspaced=unspaced):
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


def _soft_break(line: str, next_line: str, width: int, *, unspaced: bool = False) -> bool:
    """Whether the break between two lines of a paragraph is only hard wrapping."""
    if _MARKER_ONLY.fullmatch(line):
        return True
    if _LIST_MARKER.match(next_line) or next_line[:1] in BULLETS or _MARKER_ONLY.fullmatch(next_line):
        return False
    if _CONTINUES.search(line):
        return True
    if unspaced:
        return _TERMINAL.search(line) is None
    if next_line[:1].islower() and not _TERMINAL.search(line) and len(_WORD.findall(line)) >= _SHORT_LINE_WORDS:
        return True
    return width >= _WRAP_MIN_WIDTH and len(line) >= _WRAP_FILL * width


def _masked(segment: str) -> str:
    """The segment with the dots of spaced ellipses hidden from Punkt (rule 3), same length."""
    if ". ." not in segment and ".\u00a0." not in segment:
        return segment
    return _SPACED_ELLIPSIS.sub(_mask_ellipsis, segment)


def _mask_ellipsis(match: re.Match[str]) -> str:
    dots = match.group()
    if dots.count(".") == 3:
        return dots.replace(".", "_")
    return dots[:-1].replace(".", "_") + "."


def _split_ellipses(segment: str, spans: list[tuple[int, int]], *, learnt: bool) -> list[tuple[int, int]]:
    """Split after "…" or a word's "...." ("..." too without learnt statistics) before a capital (rule 5)."""
    if "…" not in segment and ".." not in segment:
        return spans
    pattern = _ELLIPSIS_BREAK if learnt else _ELLIPSIS_BREAK_UNLEARNT
    result: list[tuple[int, int]] = []
    for start, end in spans:
        for match in pattern.finditer(segment, start, end):
            if match.group(2).isupper():
                result.append((start, match.end(1)))
                start = match.end()
        result.append((start, end))
    return result


def _join(
    segment: str, spans: list[tuple[int, int]], known: frozenset[str], ordinal_words: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The spans after the joins of rule 6, without pieces that hold no letter or digit or only a list marker."""
    if not spans:
        return []
    inside = _bracketed(segment)
    joined: list[tuple[int, int]] = []
    current_start, current_end = spans[0]
    for start, end in spans[1:]:
        # (a) Closing marks at the start of the next piece belong to this one.
        closers = _LEADING_CLOSERS.match(segment, start, end)
        if closers is not None:
            current_end = closers.end()
            rest = segment[current_end:end]
            start = end - len(rest.lstrip())
            if start >= end:
                continue
        if _joins(segment, (current_start, current_end), (start, end), known, inside, ordinal_words):
            current_end = end
            continue
        if segment[current_start].isalnum() or _ALNUM.search(segment, current_start, current_end) is not None:
            joined.append((current_start, current_end))
            current_start = start
        current_end = end
    if _MARKER_ONLY.fullmatch(segment, current_start, current_end) and joined:
        current_start = joined.pop()[0]
    if _ALNUM.search(segment, current_start, current_end) and not _MARKER_ONLY.fullmatch(
        segment, current_start, current_end
    ):
        joined.append((current_start, current_end))
    return joined


def _joins(
    segment: str,
    current: tuple[int, int],
    following: tuple[int, int],
    known: frozenset[str],
    inside: list[tuple[int, int]],
    ordinal_words: frozenset[str],
) -> bool:
    """Whether the boundary between two pieces is no sentence end (rules 6b to 6e)."""
    start, end = current
    next_start, next_end = following
    first = segment[next_start]
    # (e) A list marker alone, or a piece without letters or digits, goes with the next.
    if end - start <= _MARKER_WIDTH and _MARKER_ONLY.fullmatch(segment, start, end):
        return True
    if not first.isalnum() and _ALNUM.search(segment, next_start, next_end) is None:
        return True
    last = segment[end - 1]
    # (b) A lower-case start after "?", "!", a closed quotation or a full stop; in a
    # script without case, any start after a mark inside a closed quotation.
    if first.islower() or first in ",;:،":
        if last == "." and "\n" in segment[end:next_start]:
            return False  # a line that ends with a full stop ends its sentence (text written a sentence a line)
        return last == "." or _OPEN_END.search(segment, max(start, end - _TAIL), end) is not None
    if first in "—–" and segment[next_start + 1 : next_start + 3].lstrip()[:1].islower():
        # A dialogue dash and a lower-case word: "—¿Vienes? —preguntó ella."
        return last == "." or _OPEN_END.search(segment, max(start, end - _TAIL), end) is not None
    if (first in "—–" or (first.isalpha() and not first.isupper())) and _CLOSED_END.search(
        segment, max(start, end - _TAIL), end
    ):
        return True
    # (c) Inside brackets closed later in the paragraph.
    if inside and enclosed(inside, end - 1) and enclosed(inside, next_start):
        return True
    if last != ".":
        return False
    # (d) An initial before another ("T. S. Eliot").
    initial = (
        end - start >= 2 and segment[end - 2].isalpha() and (end - start == 2 or segment[end - 3] in _BEFORE_INITIAL)
    )
    if initial and _INITIAL_START.match(segment, next_start):
        return True
    # (d) An abbreviation, a letter or a number sign before a number.
    if first.isdigit() or _NUMBER_START.match(segment, next_start):
        word = _BEFORE_STOP.search(segment, max(start, end - _TAIL), end)
        if word is not None:
            token = word.group(1).lstrip("\"'(“‘«[").lower()
            token = token.rsplit("'", 1)[-1].rsplit("’", 1)[-1]  # l'art. -> art
            return (
                (len(token) == 1 and token.isalpha())
                or token in _NUMBER_SIGNS
                or token in known
                or token.endswith(("°", "º"))
                or any(token[-length:] in known for length in (3, 4) if len(token) > length + 2)
            )
    # (d) An ordinal after an article or a preposition ("der 2. Weltkrieg").
    if ordinal_words and first.isupper():
        ordinal = _ORDINAL.search(segment, max(start, end - _TAIL), end)
        return ordinal is not None and ordinal.group(1).lower() in ordinal_words
    return False


def _bracketed(segment: str) -> list[tuple[int, int]]:
    """The outermost pairs of round or square brackets, as sorted (opening, closing) positions.

    Brackets are paired with a stack; a bracket left open or closed without an
    opening one, or a pair further apart than ``BRACKET_REACH``, encloses nothing.
    """
    if "(" not in segment and "[" not in segment:
        return []
    return outermost_pairs(segment, _BRACKET, _ROUND_AND_SQUARE)
