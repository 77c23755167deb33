"""The summariser: every option, checked once, and the calls that analyse texts with them.

:class:`Summarizer` holds the options of a summary (budget, order, ranker,
language, analyzer, diversity and redundancy, graph and PageRank settings, focus).
Its methods analyse one text or several documents with them; the stages
themselves are composed in :func:`summarize.analysis.analyze_group`. The one-call
functions (:func:`summarize.summarize`, :func:`summarize.summarize_documents`, ...)
make a Summarizer and call it.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarize._validation import (
    abbreviated,
    check_budget,
    check_choice,
    check_float,
    check_focus,
    check_int,
    fail,
)
from summarize.analysis import (
    MAX_CHARACTERS,
    Analysis,
    analyze_group,
    check_ids,
    check_texts,
    keywords_of,
)
from summarize.errors import InvalidParameterError, TextTooLongError
from summarize.focus import DEFAULT_FOCUS_WEIGHT
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW, Keyword
from summarize.languages import check_language, language_for
from summarize.rankers import DEFAULT_RANKER, RANKERS, Ranker
from summarize.selection import ORDERS
from summarize.sentences import split_sentences_unchecked
from summarize.structure import Block, check_blocks
from summarize.terms import Analyzer
from summarize.types import ScoredSentence, Summary

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["MAX_CHARACTERS", "Analysis", "Summarizer"]


@dataclass(frozen=True, kw_only=True)
class Summarizer:
    """A reusable extractive summariser holding its options.

    Options are checked when the summariser is made and cannot be changed after;
    make a variant with :func:`dataclasses.replace`.

    Parameters
    ----------
    sentences : int, optional
        Number of sentences in a summary. At most one of ``sentences``, ``ratio``
        and ``words`` may be given; with none, 3 sentences.
    ratio : float, optional
        Share of the document's sentences, in (0, 1], rounded half up, at least one.
    words : int, optional
        Word budget: the best sentences that fit in that many words together, at
        least one sentence.
    order : {"document", "score"}
        Order of the summary's sentences: as in the document (default) or best first.
    ranker : str
        Name of the ranker, one of :data:`~summarize.rankers.RANKERS` (default
        ``"adaptive"``), or a :class:`~summarize.rankers.Ranker` of your own.
    language : str
        The language of the texts, one of :data:`~summarize.languages.LANGUAGES`
        (default ``"english"``), or ``"auto"`` to detect it in each text
        (:func:`~summarize.languages.detect_language`). It picks the sentence
        splitter's abbreviations, the stop words and the stemmer.
    analyzer : callable, optional
        Function from a sentence to its terms; by default lower-cased word tokens
        without the language's stop words, Snowball-stemmed (:func:`summarize.terms.analyzer`).
    diversity : float
        Redundancy control by maximal marginal relevance, in [0, 1): 0 (default)
        takes sentences by rank alone; higher values pass over sentences similar to
        those already chosen.
    redundancy : float, optional
        A sentence whose cosine with one already chosen is above this, in (0, 1],
        is never chosen, so the summary may be shorter than its budget; None
        (default) chooses any. :func:`~summarize.summarize_documents` sets it to 0.5.
    min_per_document : int
        For several documents: at least this many sentences of each document (all
        its candidates if it has fewer), each document's best, before the budget is
        filled with the best of the rest; the summary is longer than its budget
        when the budget is smaller than that. 0 (default): no minimum, so one
        document may give every sentence. For one text, a least number of sentences.
    sparse : bool, optional
        Build the sentence graph as sparse matrices, each sentence keeping its
        strongest edges (True), or as dense matrices (False). By default (None) texts
        of more than :data:`~summarize.matrices.DENSE_MAX_SENTENCES` candidate sentences
        are sparse; see :mod:`summarize.matrices`.
    damping : float
        PageRank damping factor, in [0, 1) (default 0.85).
    max_iter : int
        Maximum number of PageRank iterations (default 100).
    tol : float
        PageRank convergence tolerance (default 1e-6).
    focus : str, optional
        A question, a few keywords or a paragraph: the summary favours the
        sentences about it (Biased TextRank; see :mod:`summarize.focus`). A focus
        that matches sets the ranker's position strength aside (the focus, not
        the news lead, says what matters); one that shares no term with a text
        leaves its summary as it would be without one (:attr:`Analysis.focus_matched`
        says so).
    focus_weight : float
        The share of PageRank's restart that follows the similarity to the focus,
        in (0, 1] (default 0.9); the rest follows the ranker's own prior.

    Notes
    -----
    One text is a group of one document: :meth:`analyze` and
    :meth:`analyze_documents` run the same pipeline, so ``analyze(text)`` and
    ``analyze_documents([text])`` rank and choose the same sentences with the
    same scores; the sentences of the second say their document (0).

    See Also
    --------
    summarize : the same in one call.
    summarize_documents : one summary of several documents in one call.

    Examples
    --------
    >>> from summarize import Summarizer
    >>> brief = Summarizer(sentences=1)
    >>> text = ("The city council approved a new park on Monday. "
    ...         "The park will open in spring near the river. "
    ...         "Council members said residents had asked for the park for years. "
    ...         "A bakery is closing.")
    >>> [s.text for s in brief(text)]
    ['The city council approved a new park on Monday.']
    """

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None
    order: str = "document"
    ranker: str | Ranker = DEFAULT_RANKER
    language: str = "english"
    analyzer: Analyzer | None = None
    diversity: float = 0.0
    redundancy: float | None = None
    min_per_document: int = 0
    sparse: bool | None = None
    damping: float = 0.85
    max_iter: int = 100
    tol: float = 1e-6
    focus: str | None = None
    focus_weight: float = DEFAULT_FOCUS_WEIGHT

    def __post_init__(self) -> None:
        check_budget(self.sentences, self.ratio, self.words)
        check_choice("order", self.order, ORDERS)
        if not isinstance(self.ranker, Ranker):
            check_choice("ranker", self.ranker, RANKERS)
        # "de" and "German" are "german": stored by their canonical names, which the pipeline reads.
        object.__setattr__(self, "language", check_language(self.language))
        if self.analyzer is not None and not callable(self.analyzer):
            raise fail("analyzer", "a callable from a sentence to its terms, or None", self.analyzer)
        check_float("diversity", self.diversity, low=0.0, high=1.0, high_open=True)
        check_float("redundancy", self.redundancy, low=0.0, high=1.0, low_open=True, optional=True)
        check_int("min_per_document", self.min_per_document, minimum=0)
        if self.sparse is not None and not isinstance(self.sparse, bool):
            raise fail("sparse", "True, False or None", self.sparse)
        check_float("damping", self.damping, low=0.0, high=1.0, high_open=True)
        check_int("max_iter", self.max_iter, minimum=1)
        check_float("tol", self.tol, low=0.0, high=float("inf"), low_open=True)
        check_focus(self.focus, self.focus_weight)

    def __call__(self, text: str | os.PathLike[str]) -> Summary:
        """Summarise ``text``; the same as :meth:`summarize`."""
        return self.summarize(text)

    def summarize(self, text: str | os.PathLike[str]) -> Summary:
        """The best sentences of ``text`` within the budget, in the order asked for.

        An empty or blank text gives an empty summary.
        """
        return self.analyze(text).summary

    def rank(self, text: str | os.PathLike[str]) -> tuple[ScoredSentence, ...]:
        """Every sentence of ``text``, scored and ranked, in document order.

        Position-aware rankers score for this summariser's budget.
        """
        return self.analyze(text).sentences

    def graph(self, text: str | os.PathLike[str]) -> nx.Graph:
        """The sentence similarity graph of ``text`` as a networkx graph (see :meth:`Analysis.graph`)."""
        return self.analyze(text).graph()

    def keywords(
        self, text: str | os.PathLike[str], *, top: int = DEFAULT_KEYWORDS, window: int = DEFAULT_WINDOW
    ) -> tuple[Keyword, ...]:
        """The keywords and key phrases of ``text``, best first (see :func:`keywords`).

        Only splits the text; to have both a summary and keywords, :meth:`analyze`
        the text once and ask the :class:`Analysis` for its keywords.
        """
        check_int("top", top, minimum=1)
        check_int("window", window, minimum=2)
        text = _checked(text)
        language = language_for(self.language, text)
        return keywords_of(split_sentences_unchecked(text, language), language, self, top=top, window=window)

    def analyze(self, text: str | os.PathLike[str], *, blocks: Sequence[Block] | None = None) -> Analysis:
        """Analyse ``text`` once: its language, its sentences scored and ranked, and its summary.

        The summary, the ranking, the keywords, the graph, the HTML page and the
        JSON record of a text all come from the one :class:`Analysis`, without
        splitting or ranking the text again.

        ``blocks`` give the text's structure, as a reader of a structured format
        gives it (:func:`summarize.io.markdown.read_markdown`,
        :func:`summarize.io.plaintext.read_plain`): only the sentences of
        paragraphs and list items are chosen, headings weigh their sections'
        sentences, and in a text with headings position counts within sections
        instead of as a news lead (see :mod:`summarize.structure`). Without
        blocks, the text alone is read.

        Examples
        --------
        >>> from summarize import Summarizer
        >>> analysis = Summarizer(sentences=1, language="auto").analyze("Die Katze schläft. Der Hund bellt.")
        >>> analysis.language, len(analysis.sentences), analysis.summary[0].text
        ('german', 2, 'Die Katze schläft.')
        """
        text = _checked(text)
        own = None if blocks is None else check_blocks("blocks", blocks, text)
        return analyze_group(self, (text,), blocks=(own,))

    def summarize_documents(
        self,
        texts: Sequence[str | os.PathLike[str]],
        *,
        ids: Sequence[str] | None = None,
        blocks: Sequence[Sequence[Block] | None] | None = None,
    ) -> Summary:
        """One summary of several documents, each sentence a :class:`~summarize.types.DocumentSentence`.

        See :func:`summarize.summarize_documents`; the options are this summariser's,
        and ``blocks`` those of :meth:`analyze_documents`.
        """
        return self.analyze_documents(texts, ids=ids, blocks=blocks).summary

    def analyze_documents(
        self,
        texts: Sequence[str | os.PathLike[str]],
        *,
        ids: Sequence[str] | None = None,
        blocks: Sequence[Sequence[Block] | None] | None = None,
    ) -> Analysis:
        """Analyse several documents once, as one group: one graph, one ranking, one summary.

        ``ids`` name the documents (distinct str, one per document); by default
        their positions, from 0. Every sentence of the analysis is a
        :class:`~summarize.types.DocumentSentence`. ``blocks`` give each document's
        structure (None for a document without), as for :meth:`analyze`.

        Examples
        --------
        >>> from summarize import Summarizer
        >>> analysis = Summarizer(sentences=1).analyze_documents(["Cats purr. Dogs bark.", "Cats purr loudly."])
        >>> analysis.documents, [(s.document, s.index) for s in analysis.summary]
        ((0, 1), [(0, 0)])
        """
        if isinstance(texts, Sequence) and not isinstance(texts, str):
            texts = [_read(text) if isinstance(text, os.PathLike) else text for text in texts]
        documents = check_texts(texts)
        names = check_ids(ids, len(documents))
        own: list[tuple[Block, ...] | None] = [None] * len(documents)
        if blocks is not None:
            if isinstance(blocks, str) or not isinstance(blocks, Sequence) or len(blocks) != len(documents):
                raise fail("blocks", f"None or a sequence of {len(documents)} (one per document)", blocks)
            own = [
                None if given is None else check_blocks(f"blocks[{number}]", given, text)
                for number, (given, text) in enumerate(zip(blocks, documents, strict=True))
            ]
        return analyze_group(self, documents, names=names, blocks=own)

    def language_of(self, text: str | os.PathLike[str]) -> str:
        """The language this summariser reads ``text`` in: its ``language``, or the one detected if ``"auto"``."""
        return language_for(self.language, text_of(text))


def _checked(text: object) -> str:
    """The text to analyse (a path's document read), if it is not longer than :data:`MAX_CHARACTERS`."""
    checked = text_of(text)
    if len(checked) > MAX_CHARACTERS:
        raise TextTooLongError(len(checked), MAX_CHARACTERS)
    return checked


# A str this long, or with a line break, is a text, never a file's name: no file is looked for.
_NAME_CHARACTERS = 1024


def text_of(value: object) -> str:
    """The text to summarise: a str as it is, or the text of the file an :class:`os.PathLike` names.

    A path is read as the command line reads a FILE
    (:func:`summarize.io.documents.load_document`: text, HTML, PDF or Word, by its
    suffix and first bytes). A str is always the text itself, even when it names a
    file; then a :class:`UserWarning` says to pass a :class:`pathlib.Path` to read it.
    """
    if isinstance(value, str):
        if len(value) <= _NAME_CHARACTERS and "\n" not in value and value.strip() and _is_file(value):
            warnings.warn(
                f"The text {value!r} is the name of a file; it is summarised as text. "
                f"To summarise the file, pass a path: pathlib.Path({value!r}).",
                UserWarning,
                stacklevel=_outside_the_package(),
            )
        return value
    if isinstance(value, os.PathLike):
        return _read(value)
    hint = "To summarise a file, pass its path: an os.PathLike such as pathlib.Path (text, HTML, PDF or Word)."
    if isinstance(value, (bytes, bytearray)):
        hint = "Decode bytes first, for example data.decode('utf-8'); or pass a file's path as a pathlib.Path."
    raise InvalidParameterError(f"{fail('text', 'a str', abbreviated(value))} {hint}")


def _outside_the_package() -> int:
    """The ``stacklevel`` of the first caller outside summarize, for a warning that points at the user's line."""
    level, frame = 2, sys._getframe(2)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "summarize":
        level, frame = level + 1, frame.f_back
    return level


def _is_file(name: str) -> bool:
    try:
        return os.path.isfile(name)
    except (OSError, ValueError):  # a name the system cannot look up (too long, a NUL)
        return False


def _read(path: os.PathLike[str]) -> str:
    """The text of the document at ``path``, read as the command line reads a FILE."""
    from summarize.io.documents import load_document  # the one exception to the layers: see tests/test_layers.py

    return load_document(Path(os.fsdecode(path))).text
