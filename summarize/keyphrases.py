"""Keywords: noun phrases ranked by TextRank over words (Mihalcea and Tarau 2004, section 3).

:func:`extract_keywords` is the one function the pipeline calls
(:meth:`summarize.Summarizer.keywords`). In a language with word classes
(:mod:`summarize.wordclasses`: a lexicon derived from a Universal Dependencies treebank):

1. the text without its reference list (:func:`summarize.references.references_start`);
2. candidates: runs of nouns and adjectives, ending with a noun, without a word twice,
   of at most five words (:func:`summarize.nounphrases.noun_phrases`); stop words,
   fillers (:func:`fillers`) and numbers end a run;
3. the word graph: an edge between two words of the runs within ``window`` of each
   other (SingleRank's 10 by default);
4. PageRank, restarting at rare words and, in long texts, at early ones
   (:func:`summarize.nounphrases.restart_weights`; PositionRank);
5. each candidate scored by its words' scores (:func:`summarize.nounphrases.phrase_scores`).

In a language without word classes, TextRank's own keyword extraction: candidate words
(:func:`candidate_words`), their graph (:func:`word_graph`), PageRank, and runs of the
best third of the words (:func:`phrases`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import numpy.typing as npt

from summarize._data import exists, rows
from summarize._validation import check_int
from summarize.languages import check_language
from summarize.matrices import Matrix
from summarize.nounphrases import cooccurrences, noun_phrases, phrase_scores, restart_weights
from summarize.punkt import abbreviations
from summarize.references import references_start
from summarize.terms import Token, tokenizer

__all__ = [
    "DEFAULT_KEYWORDS",
    "DEFAULT_WINDOW",
    "MARKED_SHARE",
    "MAX_WINDOW",
    "Keyword",
    "candidate_words",
    "extract_keywords",
    "fillers",
    "is_candidate",
    "phrases",
    "readable",
    "sentence_words",
    "word_graph",
]

#: Number of keywords when none is asked for.
DEFAULT_KEYWORDS = 10
#: Co-occurrence window, in candidate words: SingleRank's 10 (Wan and Xiao 2008); 2,
#: Mihalcea and Tarau's best, links neighbours only. Chosen on Inspec and SemEval-2010
#: (docs/keywords.md): 10 gave F1@10 31.5 and 17.5, 2 gave 31.5 and 15.9.
DEFAULT_WINDOW = 10
#: The widest window (Mihalcea and Tarau tried 2 to 10): the graph's edges, and its
#: time and memory, grow with the window.
MAX_WINDOW = 10
#: Share of the graph's words marked as keywords before they are joined into phrases.
MARKED_SHARE = 1 / 3
#: Word graphs of more words than this are scipy sparse matrices.
DENSE_MAX_WORDS = 2000

# Scores equal to this many decimals are ties, ranked by first occurrence.
_TIE_DECIMALS = 12


@dataclass(frozen=True, kw_only=True, slots=True)
class Keyword:
    """A keyword or key phrase of a text.

    Attributes
    ----------
    text : str
        The phrase as it is written in the text (its commonest form there, the
        first one on a tie), such as ``"military operation"``.
    score : float
        The sum of the PageRank scores of its words (the scores of all the words of
        the graph sum to 1); in a text of 300 words or more with word classes, times
        the square root of its count and divided by the fourth root of its length
        (:func:`summarize.nounphrases.phrase_scores`).
    count : int
        How often the phrase occurs in the text (in any form that has the same
        terms, such as a plural, and also inside a longer phrase).
    """

    text: str
    score: float
    count: int


def fillers(language: str = "english") -> frozenset[str]:
    """Words of ``language`` that are never part of a keyword though they are not stop words.

    The abbreviations of the sentence splitter ("Dr", "Gen"), and for English a
    hand-written list (its stop words are few): reporting and light verbs, number
    words, adverbs and prepositions that are not stop words.

    Examples
    --------
    >>> from summarize.keyphrases import fillers
    >>> "said" in fillers(), "dr" in fillers(), "operation" in fillers(), "said" in fillers("german")
    (True, True, False, False)
    """
    return _fillers(check_language(language, auto=False))


@cache
def _fillers(language: str) -> frozenset[str]:
    # An abbreviation, or a piece of a dotted one ("ex" of "t.ex").
    words = {piece for abbreviation in abbreviations(language) for piece in abbreviation.split(".") if len(piece) > 1}
    if exists("fillers", f"{language}.txt"):
        words.update(rows("fillers", f"{language}.txt"))
    return frozenset(words)


def candidate_words(sentence: str, *, language: str = "english") -> list[Token]:
    """The words of a sentence (:func:`summarize.terms.tokens`), with fillers made stop words (term ``""``).

    Examples
    --------
    >>> from summarize.keyphrases import candidate_words
    >>> sentence = "He said the operation began"
    >>> [(sentence[t.start:t.end], t.term) for t in candidate_words(sentence)]
    [('He', ''), ('said', ''), ('the', ''), ('operation', 'oper'), ('began', 'began')]
    """
    return sentence_words([sentence], language=language)[0]


def sentence_words(sentences: Sequence[str], *, language: str = "english") -> list[list[Token]]:
    """The candidate words (:func:`candidate_words`) of each of a text's sentences, the language checked once.

    Examples
    --------
    >>> from summarize.keyphrases import sentence_words
    >>> [[t.term for t in words] for words in sentence_words(["Cats purr.", "Dogs bark."])]
    [['cat', 'purr'], ['dog', 'bark']]
    """
    split = tokenizer(language)
    skip = _fillers(check_language(language, auto=False))
    found = []
    for sentence in sentences:
        words = split(sentence)
        if skip:
            words = [replace(w, term="") if sentence[w.start : w.end].lower() in skip else w for w in words]
        found.append(words)
    return found


def is_candidate(token: Token, surface: str) -> bool:
    """Whether a word can be part of a keyword: not a stop word, and with a letter and two characters or more.

    Examples
    --------
    >>> from summarize.keyphrases import is_candidate
    >>> from summarize.terms import tokens
    >>> text = "the 2024 Balochistan a"
    >>> [text[t.start:t.end] for t in tokens(text) if is_candidate(t, text[t.start:t.end])]
    ['Balochistan']
    """
    return bool(token.term) and len(surface) > 1 and any(character.isalpha() for character in surface)


def word_graph(
    sentences: Sequence[Sequence[Token]], texts: Sequence[str], *, window: int = DEFAULT_WINDOW
) -> tuple[list[str], Matrix]:
    """The co-occurrence graph of the candidate words of some sentences.

    Parameters
    ----------
    sentences : sequence of sequences of Token
        Each sentence's words (:func:`candidate_words`).
    texts : sequence of str
        Each sentence's text, which the tokens' offsets point into.
    window : int
        Words within ``window`` candidate words of each other are linked: 2 links
        each candidate word to the next one, skipping stop words. The sentences are
        read as one sequence, as in [1]_, so that the last word of a sentence has
        as many neighbours as the others. At most :data:`MAX_WINDOW` (10).

    Returns
    -------
    vertices : list of str
        The terms of the candidate words, in order of first occurrence.
    weights : ndarray or scipy.sparse.csr_matrix
        The symmetric adjacency matrix, 1 for an edge and 0 otherwise, with a zero
        diagonal: the graph is undirected and unweighted, as in [1]_.

    References
    ----------
    .. [1] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.

    Examples
    --------
    >>> from summarize.keyphrases import candidate_words, word_graph
    >>> text = "Compatibility of systems of linear constraints"
    >>> vertices, weights = word_graph([candidate_words(text)], [text], window=2)
    >>> vertices
    ['compat', 'system', 'linear', 'constraint']
    >>> weights.astype(int).tolist()
    [[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]]
    """
    check_int("window", window, minimum=2, maximum=MAX_WINDOW)
    index: dict[str, int] = {}
    sequence = np.fromiter(
        (
            index.setdefault(word.term, len(index))
            for words, text in zip(sentences, texts, strict=True)
            for word in words
            if is_candidate(word, text[word.start : word.end])
        ),
        dtype=np.int64,
    )
    # Memory grows with the words of the text, not with the words times the window.
    return list(index), cooccurrences(sequence.tolist(), len(index), window, dense_max=DENSE_MAX_WORDS)


def phrases(
    sentences: Sequence[Sequence[Token]],
    texts: Sequence[str],
    vertices: Sequence[str],
    scores: npt.NDArray[np.float64],
    *,
    top: int = DEFAULT_KEYWORDS,
) -> tuple[Keyword, ...]:
    """The best keywords: runs of the best-scored words, in the form they have in the text.

    Parameters
    ----------
    sentences, texts
        As for :func:`word_graph`.
    vertices : sequence of str
        The graph's words (terms), as :func:`word_graph` gives them.
    scores : ndarray
        Their PageRank scores.
    top : int
        How many keywords to return at most.

    Returns
    -------
    tuple of Keyword
        Best first; equal scores in order of first occurrence.

    Notes
    -----
    The best third of the words (:data:`MARKED_SHARE`, at least one) are marked,
    and each run of marked words in the text that nothing but spaces separates
    becomes a phrase (Mihalcea and Tarau's post-processing) whose score is the sum
    of its words' scores. Stop words, numbers and punctuation end a run, so no
    keyword is one of them alone.
    """
    if not vertices:
        return ()
    order = np.lexsort((np.arange(len(vertices)), -np.round(scores, _TIE_DECIMALS)))
    marked = {vertices[i] for i in order[: max(1, round(len(vertices) * MARKED_SHARE))].tolist()}
    score_of = dict(zip(vertices, scores.tolist(), strict=True))

    forms: dict[tuple[str, ...], Counter[str]] = {}
    first: dict[tuple[str, ...], int] = {}
    runs: list[list[str]] = []  # runs of adjacent candidate words, marked or not
    position = 0  # of the word in the whole text, for the order of first occurrence
    for words, text in zip(sentences, texts, strict=True):
        phrase: list[Token] = []
        run: list[str] = []
        after_candidate = after_marked = False
        for word in words:
            candidate = is_candidate(word, text[word.start : word.end])
            marked_word = candidate and word.term in marked
            if not (candidate and word.joined and after_candidate):
                runs.append(run)
                run = []
            if candidate:
                run.append(word.term)
            if not (marked_word and word.joined and after_marked):
                _close(phrase, text, forms, first, position)
                phrase = []
            if marked_word:
                phrase.append(word)
            after_candidate, after_marked = candidate, marked_word
            position += 1
        _close(phrase, text, forms, first, position)
        runs.append(run)

    counts = _occurrences(runs, set(forms))
    ranked = sorted(forms, key=lambda key: (-round(sum(map(score_of.__getitem__, key)), _TIE_DECIMALS), first[key]))
    return tuple(
        Keyword(
            text=_commonest(forms[key]),
            score=sum(map(score_of.__getitem__, key)),
            count=counts[key],
        )
        for key in ranked[:top]
    )


def _close(
    phrase: list[Token],
    text: str,
    forms: dict[tuple[str, ...], Counter[str]],
    first: dict[tuple[str, ...], int],
    position: int,
) -> None:
    """Record a finished phrase, which ends before word ``position``: its terms and its form in the text."""
    if not phrase:
        return
    key = tuple(word.term for word in phrase)
    forms.setdefault(key, Counter())[" ".join(text[phrase[0].start : phrase[-1].end].split())] += 1
    first.setdefault(key, position - len(phrase))


def _commonest(forms: Counter[str]) -> str:
    """The commonest form (``Counter.most_common`` keeps the first seen on a tie)."""
    return forms.most_common(1)[0][0]


def _occurrences(runs: list[list[str]], keys: set[tuple[str, ...]]) -> Counter[tuple[str, ...]]:
    """How often each phrase occurs in the runs of adjacent candidate words, inside longer runs too."""
    longest = max(map(len, keys), default=0)
    counts: Counter[tuple[str, ...]] = Counter()
    for run in runs:
        for start in range(len(run)):
            for length in range(1, min(longest, len(run) - start) + 1):
                key = tuple(run[start : start + length])
                if key in keys:
                    counts[key] += 1
    return counts


# --- what keywords read of a text ----------------------------------------------------

# A word broken at the end of a line by a hyphen (ASCII, U+2010 as man pages print it, or a
# soft hyphen) and going on in lower case on the next line: "behav-\nior".
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ad][ \t]*\n[ \t]*(?=[^\W\d_A-Z])")
# A sentence that ends in such a hyphen after a letter.
_BROKEN_END = re.compile(r"[^\W\d_][-\u2010\u00ad]$")
# Addresses and names that are not words of the text: URLs, e-mail addresses, host names
# and file names ("https://github.com/...", "name@gmail.com", "www.example.org", "setup.py").
_NOT_WORDS = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|dev|info|co\.uk|de|fr)\b"
    r"|\b[\w-]+\.(?:py|sh|txt|md|rst|json|toml|cfg|ini|yaml|yml|js|ts|html|css|c|h|rs|go|java|exe|tar|gz|zip)\b",
    re.IGNORECASE,
)


def readable(texts: Sequence[str]) -> list[str]:
    """The sentences keywords read: hyphenated line breaks joined, URLs, e-mail addresses and file names hidden.

    A word broken by a hyphen at the end of a line ("behav-" / "ior") is one word
    again when the next line goes on in lower case, within a sentence or across two
    that the line break separated; an address or a file name becomes punctuation of
    the same length, which no keyword crosses.

    Examples
    --------
    >>> from summarize.keyphrases import readable
    >>> readable(["The behav-", "ior of pip, see https://pip.pypa.io or write to a@b.org."])
    ['The behavior of pip, see ;;;;;;;;;;;;;;;;;;; or write to ;;;;;;;.']
    """
    joined: list[str] = []
    for text in texts:
        if joined and _BROKEN_END.search(joined[-1]) and text[:1].islower():
            joined[-1] = joined[-1][:-1] + text
        else:
            joined.append(text)
    return [_NOT_WORDS.sub(lambda match: ";" * len(match.group()), _BROKEN_WORD.sub("", text)) for text in joined]


# --- the one function the pipeline calls ----------------------------------------------


def extract_keywords(
    texts: Sequence[str],
    *,
    language: str,
    top: int = DEFAULT_KEYWORDS,
    window: int = DEFAULT_WINDOW,
    damping: float = 0.85,
    max_iter: int = 100,
    tol: float = 1e-6,
    focus: str | None = None,
    focus_weight: float = 0.9,
) -> tuple[Keyword, ...]:
    """The keywords of a text given as its sentences: noun phrases where the language has word classes.

    Parameters
    ----------
    texts : sequence of str
        The text's sentences, its title and headings included.
    language : str
        One of :data:`~summarize.languages.LANGUAGES` (not ``"auto"``).
    top, window
        As for :func:`summarize.keywords`.
    damping, max_iter, tol
        PageRank's options (:func:`summarize.ranking.pagerank`).
    focus : str, optional
        Favour the words around the focus's own words.
    focus_weight : float
        The share of PageRank's restart that goes to the focus's words.

    Returns
    -------
    tuple of Keyword
        Best first, at most ``top``.

    Notes
    -----
    With word classes (:func:`summarize.wordclasses.has_word_classes`), the
    candidates are noun phrases (:func:`summarize.nounphrases.noun_phrases`) of the
    text without its reference list (:func:`summarize.references.references_start`),
    the word graph links the words of the candidates, PageRank restarts at rare words
    and, in long texts, at early ones (:func:`summarize.nounphrases.restart_weights`),
    and candidates are scored by :func:`summarize.nounphrases.phrase_scores`.
    Without word classes (Chinese, Japanese, and the languages without a treebank
    that may be used commercially), TextRank's own keyword extraction (:func:`word_graph`, :func:`phrases`).
    """
    from summarize.focus import restart
    from summarize.ranking import pagerank
    from summarize.wordclasses import has_word_classes

    check_int("window", window, minimum=2, maximum=MAX_WINDOW)
    texts = readable(texts)
    if not has_word_classes(language):
        words = sentence_words(texts, language=language)
        vertices, weights = word_graph(words, texts, window=window)
        teleport = None
        if focus is not None:  # restart at the focus's own words, as for sentences
            wanted = {word.term for word in sentence_words([focus], language=language)[0] if word.term}
            teleport = restart(np.array([float(vertex in wanted) for vertex in vertices]), None, weight=focus_weight)
        scores = pagerank(weights, alpha=damping, personalization=teleport, max_iter=max_iter, tol=tol)
        return phrases(words, texts, vertices, scores, top=top)

    texts = texts[: references_start(texts)]
    words = [
        [word if is_candidate(word, text[word.start : word.end]) else replace(word, term="") for word in sentence]
        for sentence, text in zip(sentence_words(texts, language=language), texts, strict=True)
    ]
    found = noun_phrases(words, texts, language=language)
    if not found.candidates:
        return ()
    weights = cooccurrences(found.sequence, len(found.vertices), window)
    teleport = restart_weights(found, language=language, long_text=found.long_text)
    if focus is not None:
        wanted = {word.term for word in sentence_words([focus], language=language)[0] if word.term}
        focused = restart(np.array([float(v in wanted) for v in found.vertices]), teleport, weight=focus_weight)
        teleport = teleport if focused is None else focused
    scores = pagerank(weights, alpha=damping, personalization=teleport, max_iter=max_iter, tol=tol)
    phrase_score = phrase_scores(found, scores, long_text=found.long_text)
    ranked = sorted(found.candidates, key=lambda key: (-round(phrase_score[key], _TIE_DECIMALS), found.first[key]))
    chosen = ranked[:top]
    counts = _occurrences(found.runs, set(chosen))
    return tuple(
        Keyword(text=_commonest(found.candidates[key]), score=phrase_score[key], count=counts[key]) for key in chosen
    )
