"""The one-call functions: each makes a :class:`~summarize.Summarizer` and calls it.

:func:`summarize` and :func:`summarize_documents` run the same pipeline
(:func:`summarize.analysis.analyze_group`): one text is a group of one document.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarize.focus import DEFAULT_FOCUS_WEIGHT
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW, Keyword
from summarize.pipeline import Summarizer
from summarize.rankers import DEFAULT_RANKER, Ranker
from summarize.selection import DEFAULT_DIVERSITY, DEFAULT_REDUNDANCY
from summarize.terms import Analyzer
from summarize.types import ScoredSentence, Summary

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["keywords", "rank_sentences", "summarize", "summarize_documents", "to_networkx"]


def summarize(
    text: str | os.PathLike[str],
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
    text : str or os.PathLike
        The document: the text itself, or a path (:class:`pathlib.Path`) to a file,
        read as the command line reads a FILE (text, HTML, PDF or Word, by its
        suffix and first bytes; :func:`summarize.load_document`). A str is always
        the text, even when it is the name of a file (a :class:`UserWarning` then
        says to pass a path).
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
        If ``text`` is neither a str nor a path, or an option is invalid.
    InputError
        If ``text`` is a path to a file that cannot be read.

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
    text: str | os.PathLike[str],
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
    text: str | os.PathLike[str],
    *,
    ranker: str | Ranker = DEFAULT_RANKER,
    language: str = "english",
    analyzer: Analyzer | None = None,
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
    text: str | os.PathLike[str],
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
    Every sentence counts, fragments included (a title or a heading says in a few
    words what the text or its section is about), unlike summaries. In the
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


def summarize_documents(
    texts: Sequence[str | os.PathLike[str]],
    *,
    ids: Sequence[str] | None = None,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    order: str = "document",
    ranker: str | Ranker = DEFAULT_RANKER,
    diversity: float = DEFAULT_DIVERSITY,
    redundancy: float | None = DEFAULT_REDUNDANCY,
    min_per_document: int = 0,
    language: str = "english",
    analyzer: Analyzer | None = None,
    focus: str | None = None,
    focus_weight: float = DEFAULT_FOCUS_WEIGHT,
) -> Summary:
    """Summarise several documents in one summary; each sentence says which document it is from.

    Parameters
    ----------
    texts : sequence of str or os.PathLike
        The documents: texts, or paths to files to read (as in :func:`summarize.summarize`).
    ids : sequence of str, optional
        A distinct id for each document, given as :attr:`~summarize.types.DocumentSentence.document`;
        by default each document's position, from 0.
    sentences, ratio, words : optional
        The summary's length, at most one of them: a number of sentences, a share
        of all the documents' sentences in (0, 1], or a word budget. Default: 3
        sentences.
    order : {"document", "score"}
        Sentences by document, then by position in it (default), or in the order
        they were chosen (best first).
    ranker : str or Ranker
        One of :data:`~summarize.rankers.RANKERS` (default ``"adaptive"``), or a
        :class:`~summarize.rankers.Ranker`. Position-aware rankers count positions
        within each document.
    diversity : float
        Weight of redundancy in maximal marginal relevance, in [0, 1) (default 0:
        the redundancy threshold alone): a sentence similar to one already chosen
        needs a higher score.
    redundancy : float or None
        A sentence whose cosine with one already chosen is above this, in (0, 1],
        is never chosen (default 0.5, the cosine above which two sentences are
        near-duplicates); None chooses any. The summary may then be shorter than
        its budget.
    min_per_document : int
        At least this many sentences of each document (all its candidates if it
        has fewer): each document's best come first, then the best of the rest
        fill the budget; the summary exceeds the budget when it is smaller than
        that (default 0: no minimum, so one document may give every sentence).
    language : str
        One of :data:`~summarize.languages.LANGUAGES` (default ``"english"``) or
        ``"auto"`` to detect each document's language.
    analyzer : callable, optional
        Function from a sentence to its terms (see :class:`~summarize.Summarizer`).
    focus : str, optional
        A question, a few keywords or a paragraph: the summary favours the sentences
        of any document that are about it, as :func:`summarize.summarize` does for
        one (Biased TextRank). Each sentence is compared with the focus read in its
        own document's language. A focus that matches nothing gives the ordinary
        summary, and :attr:`Summary.focus_matched` says so.
    focus_weight : float
        How much the focus counts, in (0, 1] (default 0.9).

    Returns
    -------
    Summary
        A sequence of :class:`~summarize.types.DocumentSentence`, with the
        documents' ids in :attr:`~summarize.Summary.documents`; empty when every
        document is empty or blank.

    Raises
    ------
    InvalidParameterError
        If ``texts`` is not a sequence of str, ``ids`` are not distinct strings,
        one per document, or an option is invalid.

    Notes
    -----
    The candidate sentences of all the documents (not fragments) make one
    sentence-by-term matrix, so IDF weights (``lexrank``, ``bm25``) are computed
    over the group's sentences, as LexRank does for clusters of documents [1]_.
    One PageRank ranks them. When the ranker counts the news lead (a position
    strength above 0: the default ``adaptive`` ranker, for a summary of at most
    40% of news-length documents), every document's opening sentence (its first
    that is not a fragment) ranks above the other sentences, the openings among
    themselves by score: in news writing a report's first sentence is its own
    summary of it, so each report's lead is a candidate before any other
    sentence. A focus that matches the text replaces that rule and the ranker's
    position strength (its direction and weights): the focus, not the leads, says
    what the summary is about, and an opening, which has no earlier sentence of
    its own document to pass its score to, would pass it to the other documents.
    Selection is maximal marginal relevance [2]_ over the cosine of the
    sentences' term sets: with :math:`d` the diversity,
    :math:`x` the scores (plus the best score for an opening, when the openings
    come first) and :math:`S` the sentences chosen so far, the next
    sentence maximises :math:`(1 - d)\\,x_i / \\max_j x_j - d \\max_{k \\in S}
    \\cos(i, k)`, skipping any whose cosine with a chosen one exceeds the
    redundancy threshold.

    References
    ----------
    .. [1] Erkan, G. and Radev, D. R. (2004). LexRank: graph-based lexical centrality
       as salience in text summarization. Journal of Artificial Intelligence
       Research 22, 457-479.
    .. [2] Carbonell, J. and Goldstein, J. (1998). The use of MMR, diversity-based
       reranking for reordering documents and producing summaries. Proceedings of
       SIGIR 1998, 335-336.

    Examples
    --------
    >>> import summarize
    >>> first = "The council approved the new park on Monday. The park will open in May. Rain is expected."
    >>> second = "On Monday the council approved a new park. Residents had asked the council for a park."
    >>> for s in summarize.summarize_documents([first, second], ids=["a", "b"], sentences=2, ranker="textrank"):
    ...     print(s.document, s.index, s.text)
    a 0 The council approved the new park on Monday.
    b 1 Residents had asked the council for a park.
    """
    summarizer = Summarizer(
        sentences=sentences,
        ratio=ratio,
        words=words,
        order=order,
        ranker=ranker,
        diversity=diversity,
        redundancy=redundancy,
        min_per_document=min_per_document,
        language=language,
        analyzer=analyzer,
        focus=focus,
        focus_weight=focus_weight,
    )
    return summarizer.summarize_documents(texts, ids=ids)
