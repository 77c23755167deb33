"""Several documents, one summary: the pipeline over the sentences of a group of documents.

Each document is split into sentences on its own; the sentences of all the
documents then make one term matrix (so the IDF of ``lexrank`` and ``bm25`` is
over the whole group, as in LexRank's multi-document summaries), one similarity
graph and one PageRank. When the ranker counts the news lead, each document's
opening sentence ranks above the other sentences. The selection takes sentences
from any document, passing over those that repeat a sentence already chosen: the
same fact reported by several sources is chosen once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

import numpy as np
import numpy.typing as npt

from summarize._validation import abbreviated, check_budget, check_choice, check_float, check_focus, fail
from summarize.errors import TextTooLongError
from summarize.focus import DEFAULT_FOCUS_WEIGHT, focus_similarity
from summarize.languages import AUTO, check_language, detect
from summarize.matrices import DENSE_MAX_SENTENCES
from summarize.pipeline import MAX_CHARACTERS, _in_document_space, _ranked
from summarize.rankers import DEFAULT_RANKER, RANKERS, Ranker, position_strength, score_sentences
from summarize.selection import ORDERS, budget_share, candidates, select
from summarize.sentences import sentences_of_each
from summarize.similarity import cosine, term_matrix
from summarize.terms import Analyzer
from summarize.terms import analyzer as builtin_analyzer
from summarize.types import ScoredSentence, Sentence

__all__ = [
    "DEFAULT_DIVERSITY",
    "DEFAULT_REDUNDANCY",
    "DocumentSentence",
    "DocumentsOptions",
    "MultiSummary",
    "summarize_documents",
]

#: Weight of redundancy in maximal marginal relevance across documents: none by
#: default, the redundancy threshold alone keeps near-duplicates out (see docs/multidoc.md).
DEFAULT_DIVERSITY = 0.0
#: Cosine of term sets above which a sentence repeats one already chosen and is passed over.
DEFAULT_REDUNDANCY = 0.5


@dataclass(frozen=True, kw_only=True, slots=True)
class DocumentSentence(ScoredSentence):
    """A sentence of a summary of several documents, knowing its document.

    Attributes
    ----------
    document : int or str
        The document it comes from: its position among the documents, from 0, or
        its id when ids were given.
    index, start, end : int
        Its position among that document's sentences and its character offsets in
        that document.
    score : float
        Its ranker's score, among the sentences of all the documents.
    rank : int
        Its rank among the sentences of all the documents, 1 for the best: by score,
        except that, when the ranker counts the news lead, every document's opening
        sentence ranks above the other sentences (see :func:`summarize_documents`).
    """

    document: int | str


@dataclass(frozen=True, slots=True)
class MultiSummary(Sequence[DocumentSentence]):
    """The sentences chosen to summarise several documents, as an immutable sequence.

    Attributes
    ----------
    sentences : tuple of DocumentSentence
        The chosen sentences, in the order asked for.
    documents : tuple
        Each document's id (its position when no ids were given), in input order.
    languages : tuple of str
        The language each document was read in, in input order: the one asked
        for, or with ``language="auto"`` the one detected in each. Not compared.
    language : str or None
        The language of all the documents when they share one; None when they
        differ (with ``language="auto"``) or when there are no documents. Not
        compared.
    focus_matched : bool or None
        With a focus, whether any sentence shares a term with it (if not, the
        summary is the unfocused one); None without a focus. Not compared.
    """

    sentences: tuple[DocumentSentence, ...] = ()
    documents: tuple[int | str, ...] = ()
    languages: tuple[str, ...] = field(default=(), compare=False)
    focus_matched: bool | None = field(default=None, compare=False)

    @property
    def language(self) -> str | None:
        """The documents' common language, or None when they differ or there are none."""
        return self.languages[0] if len(set(self.languages)) == 1 else None

    @overload
    def __getitem__(self, position: int) -> DocumentSentence: ...

    @overload
    def __getitem__(self, position: slice) -> tuple[DocumentSentence, ...]: ...

    def __getitem__(self, position: int | slice) -> DocumentSentence | tuple[DocumentSentence, ...]:
        return self.sentences[position]

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[DocumentSentence]:
        return iter(self.sentences)

    @property
    def text(self) -> str:
        """The chosen sentences joined by single spaces, each with its inner whitespace collapsed."""
        return " ".join(" ".join(sentence.text.split()) for sentence in self.sentences)


def summarize_documents(
    texts: Sequence[str],
    *,
    ids: Sequence[str] | None = None,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    order: str = "document",
    ranker: str | Ranker = DEFAULT_RANKER,
    diversity: float = DEFAULT_DIVERSITY,
    redundancy: float | None = DEFAULT_REDUNDANCY,
    language: str = "english",
    analyzer: Analyzer | None = None,
    focus: str | None = None,
    focus_weight: float = DEFAULT_FOCUS_WEIGHT,
) -> MultiSummary:
    """Summarise several documents in one summary; each sentence says which document it is from.

    Parameters
    ----------
    texts : sequence of str
        The documents.
    ids : sequence of str, optional
        A distinct id for each document, given as :attr:`DocumentSentence.document`;
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
        summary, and :attr:`MultiSummary.focus_matched` says so.
    focus_weight : float
        How much the focus counts, in (0, 1] (default 0.9).

    Returns
    -------
    MultiSummary
        A sequence of :class:`DocumentSentence`; empty when every document is
        empty or blank.

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
    options = DocumentsOptions(
        sentences=sentences,
        ratio=ratio,
        words=words,
        order=order,
        ranker=ranker,
        diversity=diversity,
        redundancy=redundancy,
        language=language,
        analyzer=analyzer,
        focus=focus,
        focus_weight=focus_weight,
    )
    return _summarize(_check_texts(texts), ids, options)


@dataclass(frozen=True, kw_only=True)
class DocumentsOptions:
    """The options of :func:`summarize_documents`, checked once, for summarising many groups alike.

    Each parameter is the keyword of :func:`summarize_documents` of the same name,
    with the same default; an invalid one raises
    :class:`~summarize.errors.InvalidParameterError` when the options are made.
    Change one with :func:`dataclasses.replace`. To send the options to worker
    processes, ``analyzer`` (if given) must be picklable, and ``ranker`` a name or
    a picklable :class:`~summarize.rankers.Ranker`.

    Examples
    --------
    >>> from summarize.multidoc import DocumentsOptions
    >>> options = DocumentsOptions(sentences=1, ranker="textrank")
    >>> [(s.document, s.index) for s in options.summarize(["Cats purr. Dogs bark.", "Cats purr loudly."])]
    [(0, 0)]
    """

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None
    order: str = "document"
    ranker: str | Ranker = DEFAULT_RANKER
    diversity: float = DEFAULT_DIVERSITY
    redundancy: float | None = DEFAULT_REDUNDANCY
    language: str = "english"
    analyzer: Analyzer | None = None
    focus: str | None = None
    focus_weight: float = DEFAULT_FOCUS_WEIGHT

    def __post_init__(self) -> None:
        check_budget(self.sentences, self.ratio, self.words)
        check_choice("order", self.order, ORDERS)
        if not isinstance(self.ranker, Ranker):
            check_choice("ranker", self.ranker, RANKERS)
        check_float("diversity", self.diversity, low=0.0, high=1.0, high_open=True)
        check_float("redundancy", self.redundancy, low=0.0, high=1.0, low_open=True, optional=True)
        check_language(self.language)
        if self.analyzer is not None and not callable(self.analyzer):
            raise fail("analyzer", "a callable from a sentence to its terms, or None", self.analyzer)
        check_focus(self.focus, self.focus_weight)

    def summarize(self, texts: Sequence[str], *, ids: Sequence[str] | None = None) -> MultiSummary:
        """:func:`summarize_documents` of ``texts`` (and ``ids``) with these options."""
        return _summarize(_check_texts(texts), ids, self)


def _summarize(documents: list[str], ids: Sequence[str] | None, options: DocumentsOptions) -> MultiSummary:
    """The pipeline over a group of documents already checked, with options already checked."""
    names = _check_ids(ids, len(documents))
    ranker = options.ranker if isinstance(options.ranker, Ranker) else RANKERS[options.ranker]
    languages = tuple(detect(text) if options.language == AUTO else options.language for text in documents)
    split = sentences_of_each(documents, languages)
    # Every sentence of the group, numbered in document order: (document, sentence).
    every = [(number, sentence) for number, document in enumerate(split) for sentence in document]
    numbered = [
        Sentence(index=position, text=sentence.text, start=sentence.start, end=sentence.end, fragment=sentence.fragment)
        for position, (_, sentence) in enumerate(every)
    ]
    body = candidates(numbered)
    owner = np.array([every[sentence.index][0] for sentence in body], dtype=np.int64)
    analyzers = {language: options.analyzer or builtin_analyzer(language) for language in set(languages)}
    own_language = [languages[number] for number in owner.tolist()]
    terms = [analyzers[language](sentence.text) for language, sentence in zip(own_language, body, strict=True)]
    focus = None
    if options.focus is not None:  # each sentence against the focus read in its document's language
        focus = np.zeros(len(body))
        for language, analyze in analyzers.items():
            mine = [position for position, own in enumerate(own_language) if own == language]
            focus[mine] = focus_similarity([terms[position] for position in mine], analyze(options.focus))
    counts = term_matrix(terms, sparse=len(body) > DENSE_MAX_SENTENCES)
    share = budget_share(numbered, sentences_budget=options.sentences, ratio=options.ratio, words=options.words)
    # Documents numbered among those with candidates, as the ranker counts them.
    members = np.unique(owner, return_inverse=True)[1].astype(np.int64) if len(body) else None
    _, body_scores = score_sentences(
        ranker,
        [sentence.text for sentence in body],
        counts,
        share=share,
        documents=members,
        focus=focus,
        focus_weight=options.focus_weight,
    )
    scores = np.zeros(len(numbered))
    scores[[sentence.index for sentence in body]] = body_scores
    ranked = _ranked(numbered, scores)
    if members is not None and position_strength(ranker, share, int(np.bincount(members).max()), focus=focus) > 0:
        ranked = _leads_first(ranked, body, members)
    similarity = _in_document_space(cosine(counts), body, len(numbered)) if body else None
    chosen = select(
        ranked,
        sentences=options.sentences,
        ratio=options.ratio,
        words=options.words,
        order="score",
        diversity=options.diversity,
        similarity=similarity,
        redundancy=options.redundancy,
    )
    if options.order == "document":  # the group's numbering is by document, then position
        chosen = tuple(sorted(chosen, key=lambda sentence: sentence.index))
    result = tuple(
        _in_its_document(sentence, scores[sentence.index], *every[sentence.index], names) for sentence in chosen
    )
    return MultiSummary(
        result, documents=names, languages=languages, focus_matched=None if focus is None else bool(focus.any())
    )


def _leads_first(
    ranked: tuple[ScoredSentence, ...], body: Sequence[Sentence], members: npt.NDArray[np.int64]
) -> tuple[ScoredSentence, ...]:
    """The sentences ranked with every document's opening first, then the others, each part by score.

    Their scores become the tiers the selection weighs: each score over the best,
    plus 1 for an opening sentence, so that maximal marginal relevance ranks the
    same way. The ranker's own scores are given back to the sentences chosen.
    """
    scores = np.array([sentence.score for sentence in ranked])
    openings = [body[first].index for first in np.flatnonzero(np.diff(members, prepend=-1)).tolist()]
    tiers = scores / max(float(scores.max()), 1e-300)
    tiers[openings] += 1.0
    return _ranked(ranked, tiers)


def _in_its_document(
    chosen: ScoredSentence, score: float, number: int, sentence: Sentence, names: tuple[int | str, ...]
) -> DocumentSentence:
    """A sentence chosen among the group's, with its score, its document and its place in that document."""
    return DocumentSentence(
        index=sentence.index,
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        fragment=sentence.fragment,
        score=float(score),
        rank=chosen.rank,
        document=names[number],
    )


def _check_texts(texts: object) -> list[str]:
    """The documents, if ``texts`` is a sequence of str not too long in all."""
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise fail("texts", "a sequence of str (one per document)", abbreviated(texts))
    for number, text in enumerate(texts):
        if not isinstance(text, str):
            raise fail(f"texts[{number}]", "a str (a document)", abbreviated(text))
    documents = list(texts)
    if sum(len(text) for text in documents) > MAX_CHARACTERS:
        raise TextTooLongError(sum(len(text) for text in documents), MAX_CHARACTERS)
    return documents


def _check_ids(ids: object, count: int) -> tuple[int | str, ...]:
    """Each document's name: its id, or its position without ids."""
    if ids is None:
        return tuple(range(count))
    allowed = f"None or a sequence of {count} distinct str, one per document"
    if isinstance(ids, str) or not isinstance(ids, Sequence):
        raise fail("ids", allowed, abbreviated(ids))
    names = tuple(ids)
    if len(names) != count or not all(isinstance(name, str) for name in names) or len(set(names)) != count:
        raise fail("ids", allowed, abbreviated(ids))
    return names
