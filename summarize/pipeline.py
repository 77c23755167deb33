"""The pipeline, composed in one place.

text -> sentences -> terms -> similarity graph -> ranking -> selection -> Summary

text -> sentences -> words -> word graph -> ranking -> phrases -> keywords
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from summarize._validation import (
    check_budget,
    check_choice,
    check_float,
    check_focus,
    check_int,
    check_text,
    fail,
)
from summarize.errors import TextTooLongError
from summarize.focus import DEFAULT_FOCUS_WEIGHT, focus_similarity
from summarize.graph import networkx_graph
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW, Keyword, extract_keywords
from summarize.languages import AUTO, check_language, detect
from summarize.matrices import DENSE_MAX_SENTENCES, Matrix
from summarize.rankers import DEFAULT_RANKER, RANKERS, Ranker, score_sentences
from summarize.selection import ORDERS, budget_share, candidates, select
from summarize.sentences import sentences_of
from summarize.similarity import cosine, term_matrix
from summarize.terms import Analyzer
from summarize.terms import analyzer as builtin_analyzer
from summarize.types import ScoredSentence, Sentence, Summary

if TYPE_CHECKING:
    import networkx as nx
    import scipy.sparse

__all__ = ["MAX_CHARACTERS", "Analysis", "Summarizer", "keywords", "rank_sentences", "summarize", "to_networkx"]

#: The longest text, in characters, that one call summarises: about 8,000 pages. News
#: prose of that length peaks at about 2.1 GB (measured; see benchmarks/README.md),
#: so a longer text stops at once with TextTooLongError instead of exhausting memory.
MAX_CHARACTERS = 50_000_000

# Scores equal to this many decimals are ties, ranked in document order, so that
# rounding noise in the power iteration never decides a rank.
_TIE_DECIMALS = 12


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

    See Also
    --------
    summarize : the same in one call.

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
        check_language(self.language)
        if self.analyzer is not None and not callable(self.analyzer):
            raise fail("analyzer", "a callable from a sentence to its terms, or None", self.analyzer)
        check_float("diversity", self.diversity, low=0.0, high=1.0, high_open=True)
        if self.sparse is not None and not isinstance(self.sparse, bool):
            raise fail("sparse", "True, False or None", self.sparse)
        check_float("damping", self.damping, low=0.0, high=1.0, high_open=True)
        check_int("max_iter", self.max_iter, minimum=1)
        check_float("tol", self.tol, low=0.0, high=float("inf"), low_open=True)
        check_focus(self.focus, self.focus_weight)

    def __call__(self, text: str) -> Summary:
        """Summarise ``text``; the same as :meth:`summarize`."""
        return self.summarize(text)

    def summarize(self, text: str) -> Summary:
        """The best sentences of ``text`` within the budget, in the order asked for.

        An empty or blank text gives an empty summary.
        """
        return self.analyze(text).summary

    def rank(self, text: str) -> tuple[ScoredSentence, ...]:
        """Every sentence of ``text``, scored and ranked, in document order.

        Position-aware rankers score for this summariser's budget.
        """
        return self.analyze(text).sentences

    def graph(self, text: str) -> nx.Graph:
        """The sentence similarity graph of ``text`` as a networkx graph (see :meth:`Analysis.graph`)."""
        return self.analyze(text).graph()

    def keywords(self, text: str, *, top: int = DEFAULT_KEYWORDS, window: int = DEFAULT_WINDOW) -> tuple[Keyword, ...]:
        """The keywords and key phrases of ``text``, best first (see :func:`keywords`).

        Only splits the text; to have both a summary and keywords, :meth:`analyze`
        the text once and ask the :class:`Analysis` for its keywords.
        """
        check_int("top", top, minimum=1)
        check_int("window", window, minimum=2)
        language, _, body = self._split(text)
        return self._keywords(body, language, top=top, window=window)

    def analyze(self, text: str) -> Analysis:
        """Analyse ``text`` once: its language, its sentences scored and ranked, and its summary.

        The summary, the ranking, the keywords, the graph, the HTML page and the
        JSON record of a text all come from the one :class:`Analysis`, without
        splitting or ranking the text again.

        Examples
        --------
        >>> from summarize import Summarizer
        >>> analysis = Summarizer(sentences=1, language="auto").analyze("Die Katze schläft. Der Hund bellt.")
        >>> analysis.language, len(analysis.sentences), analysis.summary[0].text
        ('german', 2, 'Die Katze schläft.')
        """
        language, sentences, body = self._split(text)
        analyze = self.analyzer or builtin_analyzer(language)
        texts = [sentence.text for sentence in body]
        sparse = len(texts) > DENSE_MAX_SENTENCES if self.sparse is None else self.sparse
        terms = [analyze(sentence) for sentence in texts]
        counts = term_matrix(terms, sparse=sparse)
        focus = focus_similarity(terms, analyze(self.focus)) if self.focus is not None else None
        share = budget_share(sentences, sentences_budget=self.sentences, ratio=self.ratio, words=self.words)
        weights, body_scores = score_sentences(
            self.ranker if isinstance(self.ranker, Ranker) else RANKERS[self.ranker],
            texts,
            counts,
            share=share,
            damping=self.damping,
            max_iter=self.max_iter,
            tol=self.tol,
            focus=focus,
            focus_weight=self.focus_weight,
        )
        scores = np.zeros(len(sentences))
        scores[[sentence.index for sentence in body]] = body_scores
        ranked = _ranked(sentences, scores)
        similarity = None
        if self.diversity > 0:
            similarity = _in_document_space(cosine(counts), body, len(sentences))
        chosen = select(
            ranked,
            sentences=self.sentences,
            ratio=self.ratio,
            words=self.words,
            order=self.order,
            diversity=self.diversity,
            similarity=similarity,
        )
        return Analysis(
            text=text,
            language=language,
            sentences=ranked,
            summary=Summary(chosen, language=language),
            summarizer=self,
            focus_matched=None if focus is None else bool(focus.any()),
            body=tuple(body),
            weights=weights,
        )

    def language_of(self, text: str) -> str:
        """The language this summariser reads ``text`` in: its ``language``, or the one detected if ``"auto"``."""
        return detect(check_text(text)) if self.language == AUTO else self.language

    def _split(self, text: str) -> tuple[str, tuple[Sentence, ...], list[Sentence]]:
        """Check the text (the only check it gets) and split it: its language, its sentences, the candidates."""
        if len(check_text(text)) > MAX_CHARACTERS:
            raise TextTooLongError(len(text), MAX_CHARACTERS)
        language = detect(text) if self.language == AUTO else self.language
        sentences = sentences_of(text, language)
        return language, sentences, candidates(sentences)

    def _keywords(self, body: Sequence[Sentence], language: str, *, top: int, window: int) -> tuple[Keyword, ...]:
        """The keywords of the body's sentences (see :func:`summarize.keyphrases.extract_keywords`)."""
        return extract_keywords(
            [sentence.text for sentence in body],
            language=language,
            top=top,
            window=window,
            damping=self.damping,
            max_iter=self.max_iter,
            tol=self.tol,
            focus=self.focus,
            focus_weight=self.focus_weight,
        )


@dataclass(frozen=True, kw_only=True, eq=False)
class Analysis:
    """One text, analysed once: its language, every sentence scored and ranked, and its summary.

    Made by :meth:`Summarizer.analyze`. Everything a text gives (the summary, the
    ranking, the keywords, the sentence graph, the HTML page and the JSON record)
    comes from here without splitting or ranking the text again.

    Attributes
    ----------
    text : str
        The document, as it was analysed; sentence offsets refer to it.
    language : str
        The language it was read in (the one detected, for ``language="auto"``).
    sentences : tuple of ScoredSentence
        Every sentence, fragments included, scored and ranked, in document order.
    summary : Summary
        The sentences the summariser's budget, order and diversity choose.
    summarizer : Summarizer
        The options it was analysed with.
    focus_matched : bool or None
        With a focus, whether any sentence shares a term with it (if not, the
        ranking is the unfocused one); None without a focus.
    """

    text: str
    language: str
    sentences: tuple[ScoredSentence, ...]
    summary: Summary
    summarizer: Summarizer
    focus_matched: bool | None
    #: The sentences that took part in ranking (all but fragments): the graph's vertices.
    body: tuple[Sentence, ...] = field(repr=False)
    #: The body's similarity graph as a matrix (None for rankers without one).
    weights: Matrix | None = field(repr=False)

    def keywords(self, *, top: int = DEFAULT_KEYWORDS, window: int = DEFAULT_WINDOW) -> tuple[Keyword, ...]:
        """The keywords and key phrases of the text, best first (see :func:`keywords`).

        Examples
        --------
        >>> from summarize import Summarizer
        >>> analysis = Summarizer().analyze("The park opens. The park is big. Rain fell.")
        >>> [keyword.text for keyword in analysis.keywords(top=2)]
        ['Rain', 'park']
        """
        check_int("top", top, minimum=1)
        check_int("window", window, minimum=2)
        return self.summarizer._keywords(self.body, self.language, top=top, window=window)

    def graph(self) -> nx.Graph:
        """The sentence similarity graph as a networkx graph.

        Nodes are sentence indices, with the attributes ``index``, ``text``,
        ``start``, ``end``, ``fragment``, ``score`` and ``rank``; edges carry the
        ranker's similarity as ``weight``. The graph is a ``networkx.DiGraph`` when
        the similarity is asymmetric (``bm25``), a ``networkx.Graph`` otherwise, and
        has no edges for ``lead``. Fragments are nodes without edges.
        """
        return networkx_graph(self.sentences, self.body, self.weights)


def _in_document_space(matrix: Matrix, body: Sequence[Sentence], size: int) -> scipy.sparse.csr_matrix:
    """Re-index a matrix over the body's sentences by their indices in the document."""
    import scipy.sparse

    coo = scipy.sparse.coo_matrix(matrix)
    index = np.array([sentence.index for sentence in body], dtype=np.int64)
    return scipy.sparse.csr_matrix((coo.data, (index[coo.row], index[coo.col])), shape=(size, size))


def _ranked(sentences: Sequence[Sentence], scores: npt.NDArray[np.float64]) -> tuple[ScoredSentence, ...]:
    """Attach scores and ranks (1 = best; ties in document order) to sentences."""
    order = np.lexsort((np.arange(len(scores)), -np.round(scores, _TIE_DECIMALS)))
    ranks = np.empty(len(scores), dtype=np.int64)
    ranks[order] = np.arange(1, len(scores) + 1)
    return tuple(
        ScoredSentence(
            index=sentence.index,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            fragment=sentence.fragment,
            score=float(score),
            rank=int(rank),
        )
        for sentence, score, rank in zip(sentences, scores.tolist(), ranks.tolist(), strict=True)
    )


def summarize(
    text: str,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    order: str = "document",
    ranker: str | Ranker = DEFAULT_RANKER,
    diversity: float = 0.0,
    language: str = "english",
    analyzer: Analyzer | None = None,
    focus: str | None = None,
    focus_weight: float = DEFAULT_FOCUS_WEIGHT,
) -> Summary:
    """Summarise a text: its best sentences, with scores and ranks.

    Parameters
    ----------
    text : str
        The document.
    sentences, ratio, words : optional
        The summary's length, at most one of them: a number of sentences, a share
        of the document's sentences in (0, 1], or a word budget. Default: 3 sentences.
    order : {"document", "score"}
        Sentences in document order (default) or best first.
    ranker : str
        One of :data:`~summarize.rankers.RANKERS` (default ``"adaptive"``).
    diversity : float
        Redundancy control by maximal marginal relevance, in [0, 1) (default 0, off).
    language : str
        One of :data:`~summarize.languages.LANGUAGES` (default ``"english"``) or
        ``"auto"`` (see :class:`Summarizer`).
    analyzer : callable, optional
        Function from a sentence to its terms (see :class:`Summarizer`).
    focus : str, optional
        Favour the sentences about this: a question, keywords or a paragraph
        (see :class:`Summarizer`).
    focus_weight : float
        How much the focus counts, in (0, 1] (default 0.9).

    Returns
    -------
    Summary
        A sequence of :class:`ScoredSentence`; empty for an empty or blank text,
        all sentences if the text has fewer than asked for.

    Raises
    ------
    InvalidParameterError
        If ``text`` is not a str or an option is invalid.

    Notes
    -----
    The text is split into sentences, every pair of sentences is scored by the
    terms they share, and the sentences are ranked by weighted PageRank [2]_ over
    that graph, as in TextRank [1]_. The default ranker, ``adaptive``, orients the
    graph towards the start of the text when the summary is short, so that news
    leads count (see :func:`summarize.rankers.score_sentences`). Fragments
    (headings, captions, bylines) are never chosen.

    References
    ----------
    .. [1] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.
    .. [2] Page, L., Brin, S., Motwani, R. and Winograd, T. (1999). The PageRank
       citation ranking: bringing order to the web. Stanford InfoLab.

    Examples
    --------
    >>> import summarize
    >>> text = ("The council approved the new park on Monday. "
    ...         "The park will open in May. "
    ...         "Residents had asked the council for a park for years. "
    ...         "Rain is expected.")
    >>> for s in summarize.summarize(text, sentences=2, ranker="textrank"):
    ...     print(s.index, s.rank, s.text)
    0 1 The council approved the new park on Monday.
    2 2 Residents had asked the council for a park for years.
    """
    summarizer = Summarizer(
        sentences=sentences,
        ratio=ratio,
        words=words,
        order=order,
        ranker=ranker,
        diversity=diversity,
        language=language,
        analyzer=analyzer,
        focus=focus,
        focus_weight=focus_weight,
    )
    return summarizer.summarize(text)


def rank_sentences(
    text: str,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    ranker: str | Ranker = DEFAULT_RANKER,
    language: str = "english",
    analyzer: Analyzer | None = None,
    focus: str | None = None,
    focus_weight: float = DEFAULT_FOCUS_WEIGHT,
) -> tuple[ScoredSentence, ...]:
    """Every sentence of a text, scored and ranked, in document order.

    Parameters and the algorithm are those of :func:`summarize`. The budget
    (``sentences``, ``ratio`` or ``words``; default 3 sentences) matters only to
    position-aware rankers, which weigh position by the share of the document the
    summary takes.

    Examples
    --------
    >>> import summarize
    >>> ranked = summarize.rank_sentences("Cats purr. Cats and dogs play. Dogs bark.", ranker="textrank")
    >>> [(s.index, s.rank) for s in ranked]
    [(0, 2), (1, 1), (2, 3)]
    """
    summarizer = Summarizer(
        sentences=sentences,
        ratio=ratio,
        words=words,
        ranker=ranker,
        language=language,
        analyzer=analyzer,
        focus=focus,
        focus_weight=focus_weight,
    )
    return summarizer.rank(text)


def to_networkx(
    text: str, *, ranker: str | Ranker = DEFAULT_RANKER, language: str = "english", analyzer: Analyzer | None = None
) -> nx.Graph:
    """The sentence similarity graph of a text, as a networkx graph.

    See :meth:`Summarizer.graph` for the node and edge attributes.

    Examples
    --------
    >>> import summarize
    >>> graph = summarize.to_networkx("Cats purr. Cats and dogs play. Dogs bark.")
    >>> sorted(graph.edges)
    [(0, 1), (1, 2)]
    >>> graph.nodes[1]["rank"]
    1
    """
    return Summarizer(ranker=ranker, language=language, analyzer=analyzer).graph(text)


def keywords(
    text: str,
    *,
    top: int = DEFAULT_KEYWORDS,
    language: str = "english",
    window: int = DEFAULT_WINDOW,
    focus: str | None = None,
    focus_weight: float = DEFAULT_FOCUS_WEIGHT,
) -> tuple[Keyword, ...]:
    """The keywords and key phrases of a text, best first, with scores: noun phrases ranked by TextRank over words.

    Parameters
    ----------
    text : str
        The document.
    top : int
        How many keywords to return at most (default 10).
    language : str
        One of :data:`~summarize.languages.LANGUAGES` (default ``"english"``), or
        ``"auto"`` to detect it.
    window : int
        Co-occurrence window in candidate words, at least 2 (default 10, SingleRank's;
        2 links each word to the next candidate word only, as in TextRank).
    focus : str, optional
        Favour the words around these: PageRank restarts at the focus's own words
        (``focus_weight`` of the restart, default 0.9), as for sentences.
    focus_weight : float
        How much the focus counts, in (0, 1].

    Returns
    -------
    tuple of Keyword
        Each with its ``text`` as written in the document, its ``score`` and its
        ``count`` of occurrences; empty for a text without candidate words.

    Raises
    ------
    InvalidParameterError
        If ``text`` is not a str, or a parameter is invalid.

    Notes
    -----
    Fragments (headlines, captions, bylines) are left out, as in summaries. In the
    languages with word classes (:func:`summarize.wordclasses.has_word_classes`: a
    lexicon derived from a Universal Dependencies treebank), the candidates are noun
    phrases: runs of nouns and adjectives, ending with a noun, without a word twice,
    of at most five words, found before the text's reference list. Their words are the
    vertices of a graph with an edge between words within ``window`` candidate words
    of each other [1]_ [2]_. PageRank [3]_ (damping 0.85) restarts at each word in
    proportion to the cube of its rarity in the language and, in texts of 300 words
    or more, to the inverse of its positions (PositionRank [4]_). A phrase scores the
    sum of its words' scores; in texts of 300 words or more, times the square root of
    its count and divided by the fourth root of its length. Phrases are one per set
    of stems ("neural network" and "neural networks" are one).

    In the other languages (Arabic, Hungarian, Chinese and Japanese), as in TextRank's
    keyword extraction [1]_: every word that is not a stop word, number or single
    character is a vertex, the best third are marked in the text, and each run of
    adjacent marked words becomes a phrase scored by the sum of its words' scores.
    Chinese and Japanese words are character bigrams, merged back into the phrases of
    the text. See ``docs/keywords.md`` for the measured quality.

    References
    ----------
    .. [1] Mihalcea, R. and Tarau, P. (2004). TextRank: bringing order into texts.
       Proceedings of EMNLP 2004, 404-411.
    .. [2] Wan, X. and Xiao, J. (2008). Single document keyphrase extraction using
       neighborhood knowledge. Proceedings of AAAI 2008, 855-860.
    .. [3] Page, L., Brin, S., Motwani, R. and Winograd, T. (1999). The PageRank
       citation ranking: bringing order to the web. Stanford InfoLab.
    .. [4] Florescu, C. and Caragea, C. (2017). PositionRank: an unsupervised approach
       to keyphrase extraction from scholarly documents. Proceedings of ACL 2017,
       1105-1115.

    Examples
    --------
    >>> import summarize
    >>> text = ("The city council approved a new public park on Monday. "
    ...         "The public park will open in spring near the river. "
    ...         "Residents had asked the city council for a park for years. "
    ...         "The council will also build a bicycle path along the river.")
    >>> for keyword in summarize.keywords(text, top=4):
    ...     print(keyword.text, keyword.count, round(keyword.score, 3))
    city council 2 0.162
    public park 2 0.147
    bicycle path 1 0.14
    council 3 0.084
    """
    return Summarizer(language=language, focus=focus, focus_weight=focus_weight).keywords(text, top=top, window=window)
