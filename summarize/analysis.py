"""The pipeline's stages, composed in one place, over a group of documents.

texts -> sentences -> terms -> similarity graph -> ranking -> selection -> Summary

texts -> sentences -> words -> word graph -> ranking -> phrases -> keywords

One text is a group of one document: :meth:`~summarize.Summarizer.analyze` and
:meth:`~summarize.Summarizer.analyze_documents` both call :func:`analyze_group`.
The sentences of all the documents are numbered in one sequence (document by
document), make one term matrix and one graph, and are ranked by one PageRank; the
rules that only concern several documents (positions counted within each document,
each document's opening first when the ranker counts the lead) are the ranker's
(:func:`summarize.rankers.score_sentences`, :func:`summarize.rankers.ranking_keys`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

import summarize.sentences as splitting
from summarize._validation import abbreviated, check_int, fail
from summarize.errors import InvalidParameterError, TextTooLongError, TooManySentencesError
from summarize.focus import focus_similarity
from summarize.graph import networkx_graph
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW, Keyword, extract_keywords
from summarize.languages import language_for
from summarize.matrices import DENSE_MAX_SENTENCES, Matrix, TermMatrix
from summarize.rankers import RANKERS, Ranker, ranking_keys, score_sentences
from summarize.selection import budget_share, candidates, select
from summarize.sentences import split_sentences_unchecked
from summarize.similarity import cosine, term_matrix
from summarize.structure import Block, is_structured, sections, split_blocks, structure_prior
from summarize.terms import Analyzer
from summarize.terms import analyzer as builtin_analyzer
from summarize.types import DocumentSentence, ScoredSentence, Sentence, Summary

if TYPE_CHECKING:
    import networkx as nx
    import scipy.sparse

__all__ = ["MAX_CHARACTERS", "Analysis", "Options", "analyze_group", "check_ids", "check_texts", "keywords_of"]

#: The longest text, in characters, that one call summarises (all the documents of a
#: group together): about 8,000 pages. News prose of that length peaks at about 2.1 GB
#: (measured; see benchmarks/README.md), so a longer text stops at once with
#: TextTooLongError instead of exhausting memory.
MAX_CHARACTERS = 50_000_000

# Scores equal to this many decimals are ties, ranked in document order, so that
# rounding noise in the power iteration never decides a rank.
_TIE_DECIMALS = 12


class Options(Protocol):
    """What the pipeline reads of its options: a :class:`~summarize.Summarizer`, checked when made."""

    @property
    def sentences(self) -> int | None: ...
    @property
    def ratio(self) -> float | None: ...
    @property
    def words(self) -> int | None: ...
    @property
    def order(self) -> str: ...
    @property
    def ranker(self) -> str | Ranker: ...
    @property
    def language(self) -> str: ...
    @property
    def analyzer(self) -> Analyzer | None: ...
    @property
    def diversity(self) -> float: ...
    @property
    def redundancy(self) -> float | None: ...
    @property
    def min_per_document(self) -> int: ...
    @property
    def sparse(self) -> bool | None: ...
    @property
    def damping(self) -> float: ...
    @property
    def max_iter(self) -> int: ...
    @property
    def tol(self) -> float: ...
    @property
    def focus(self) -> str | None: ...
    @property
    def focus_weight(self) -> float: ...


@dataclass(frozen=True, kw_only=True, eq=False)
class Analysis:
    """One text (or a group of documents), analysed once: languages, every sentence ranked, the summary.

    Made by :meth:`Summarizer.analyze` (one text) or
    :meth:`Summarizer.analyze_documents` (several). Everything a text gives (the
    summary, the ranking, the keywords, the sentence graph, the HTML page and the
    JSON record) comes from here without splitting or ranking the text again.

    Attributes
    ----------
    texts : tuple of str
        The documents, as they were analysed; sentence offsets refer to them.
    documents : tuple of int or str
        For several documents, their ids (positions when none were given); empty
        for one text.
    languages : tuple of str
        The language each document was read in (the one detected, for ``language="auto"``).
    sentences : tuple of ScoredSentence
        Every sentence, fragments included, scored and ranked, in document order
        (for several documents, :class:`~summarize.types.DocumentSentence` objects,
        document by document).
    summary : Summary
        The sentences the summariser's budget, order and diversity choose.
    summarizer : Summarizer
        The options it was analysed with.
    focus_matched : bool or None
        With a focus, whether any sentence shares a term with it (if not, the
        ranking is the unfocused one); None without a focus.
    """

    texts: tuple[str, ...]
    sentences: tuple[ScoredSentence, ...]
    summary: Summary
    summarizer: Options
    #: Every sentence of the group numbered in one sequence, ranked: the graph's nodes.
    numbered: tuple[ScoredSentence, ...] = field(repr=False)
    #: The sentences that took part in ranking (all but fragments), numbered in the group.
    body: tuple[Sentence, ...] = field(repr=False)
    #: The body's similarity graph as a matrix (None for rankers without one).
    weights: Matrix | None = field(repr=False)
    #: Each document's blocks, as its reader gave them (None for a document without).
    blocks: tuple[tuple[Block, ...] | None, ...] = field(repr=False)
    #: For each document, the block of each of its sentences (-1: none).
    placement: tuple[npt.NDArray[np.int64], ...] = field(repr=False)

    @property
    def documents(self) -> tuple[int | str, ...]:
        """For several documents, their ids (positions when none were given); empty for one text."""
        return self.summary.documents

    @property
    def languages(self) -> tuple[str, ...]:
        """The language each document was read in (the one detected, for ``language="auto"``)."""
        return self.summary.languages

    @property
    def focus_matched(self) -> bool | None:
        """With a focus, whether any sentence shares a term with it; None without a focus."""
        return self.summary.focus_matched

    @property
    def text(self) -> str:
        """The document, for an analysis of one text (:attr:`texts` holds several)."""
        if len(self.texts) != 1:
            raise InvalidParameterError(
                f"An analysis of {len(self.texts)} documents has no one text: use its 'texts' attribute."
            )
        return self.texts[0]

    @property
    def language(self) -> str | None:
        """The language of the text, or the documents' common one (None when they differ)."""
        return self.summary.language

    def block_of(self, sentence: Sentence) -> Block | None:
        """The block a sentence of this analysis is in (None for a document read without blocks).

        Examples
        --------
        >>> from summarize import Summarizer
        >>> from summarize.structure import Block
        >>> text = "Usage\\n\\nRun it now."
        >>> blocks = [Block(kind="heading", start=0, end=5, level=1),
        ...           Block(kind="paragraph", start=7, end=18, trail=("Usage",))]
        >>> analysis = Summarizer(sentences=1).analyze(text, blocks=blocks)
        >>> best = analysis.summary[0]
        >>> best.text, analysis.block_of(best).kind, analysis.block_of(best).trail
        ('Run it now.', 'paragraph', ('Usage',))
        """
        named = getattr(sentence, "document", None)  # a DocumentSentence's, for several documents
        document = 0 if named is None else self.documents.index(named)
        own = self.blocks[document]
        if own is None:
            return None
        number = int(self.placement[document][sentence.index])
        return own[number] if number >= 0 else None

    def by_section(self, sentences: int) -> tuple[tuple[str, Summary], ...]:
        """A summary of each top-level section: its best ``sentences`` candidates, in document order.

        Sections are those of the text's blocks (the headings whose trail is empty:
        under a title, the level below it); the sentences before the first
        heading make a section named ``""``. The ranking is this analysis's, so a
        section's sentences are those it ranks best; sections without a candidate
        are left out. A text without headings is one section, ``""``.

        Examples
        --------
        >>> from summarize import Summarizer
        >>> from summarize.structure import Block
        >>> text = "Use\\n\\nRun it now. Stop it later.\\n\\nLicence\\n\\nIt is free software."
        >>> blocks = [Block(kind="heading", start=0, end=3, level=1),
        ...           Block(kind="paragraph", start=5, end=31, trail=("Use",)),
        ...           Block(kind="heading", start=33, end=40, level=1),
        ...           Block(kind="paragraph", start=42, end=62, trail=("Licence",))]
        >>> [(name, len(part)) for name, part in Summarizer().analyze(text, blocks=blocks).by_section(1)]
        [('Use', 1), ('Licence', 1)]
        """
        check_int("sentences", sentences, minimum=1)
        if len(self.texts) != 1:
            raise InvalidParameterError(
                f"by_section summarises one text's sections; this analysis has {len(self.texts)} documents."
            )
        found = sections(self.texts[0], self.blocks[0], self.placement[0], candidates(self.sentences), sentences)
        return tuple((name, Summary(part, language=self.language, languages=self.languages)) for name, part in found)

    def keywords(self, *, top: int = DEFAULT_KEYWORDS, window: int = DEFAULT_WINDOW) -> tuple[Keyword, ...]:
        """The keywords and key phrases of the text (of all the documents), best first (see :func:`summarize.keywords`).

        Examples
        --------
        >>> from summarize import Summarizer
        >>> analysis = Summarizer().analyze("The park opens. The park is big. Rain fell.")
        >>> [keyword.text for keyword in analysis.keywords(top=2)]
        ['Rain', 'park']
        """
        check_int("top", top, minimum=1)
        check_int("window", window, minimum=2)
        language = self.language or next(iter(self.languages), "english")
        return keywords_of(self.numbered, language, self.summarizer, top=top, window=window)

    def graph(self) -> nx.Graph:
        """The sentence similarity graph as a networkx graph.

        Nodes are sentence indices (for several documents, positions in the
        group's one numbering), with the attributes ``index``, ``text``, ``start``,
        ``end``, ``fragment``, ``score`` and ``rank``; edges carry the ranker's
        similarity as ``weight``. The graph is a ``networkx.DiGraph`` when the
        similarity is asymmetric (``bm25``), a ``networkx.Graph`` otherwise, and has
        no edges for ``lead``. Fragments are nodes without edges.
        """
        return networkx_graph(self.numbered, self.body, self.weights)


def analyze_group(
    options: Options,
    documents: Sequence[str],
    names: tuple[int | str, ...] | None = None,
    blocks: Sequence[tuple[Block, ...] | None] | None = None,
) -> Analysis:
    """Analyse documents already checked, with options already checked: the pipeline.

    ``names`` (one per document) makes it a summary of several documents, whose
    sentences say their document; None analyses one text (``documents`` has one).
    ``blocks`` (checked; one tuple or None per document) give the documents'
    structure (see :mod:`summarize.structure`); without them, or with None for
    every document, the text alone is read.
    """
    own_blocks = tuple(blocks) if blocks is not None else (None,) * len(documents)
    languages = tuple(language_for(options.language, text) for text in documents)
    group = _Group.split(documents, languages, own_blocks)
    body = _Body.of(options, group, languages)
    focus = _focus(options.focus, body)
    teleport = _structure_teleport(group, body, own_blocks)
    ranking = _rank(options, group, body, focus, several=len(documents) > 1, teleport=teleport)
    chosen = _choose(options, ranking, body.sentences, group)
    matched = None if focus is None else bool(focus.any())
    numbered = ranking.numbered
    if names is None:  # one text: its numbering is its own, its scores the ranker's
        summary = Summary(chosen, language=languages[0], languages=languages, focus_matched=matched)
        every = ranking.numbered
    else:
        # Several: ranked by keys (each opening first); the graph's nodes say the ranker's scores, as ``every`` does.
        numbered = tuple(replace(sentence, score=float(ranking.scores[sentence.index])) for sentence in numbered)
        every = tuple(group.in_document(sentence, ranking.scores, names) for sentence in ranking.numbered)
        result = tuple(every[sentence.index] for sentence in chosen)
        common = languages[0] if len(set(languages)) == 1 else None
        summary = Summary(result, language=common, documents=names, languages=languages, focus_matched=matched)
    return Analysis(
        texts=tuple(documents),
        sentences=every,
        summary=summary,
        summarizer=options,
        numbered=numbered,
        body=tuple(body.sentences),
        weights=ranking.weights,
        blocks=own_blocks,
        placement=group.placement,
    )


@dataclass(frozen=True)
class _Body:
    """The candidate sentences of a group (all but fragments), with what every stage reads of them, found once."""

    sentences: list[Sentence]
    positions: list[int]  # their indices in the group
    owner: npt.NDArray[np.int64]  # each one's document
    own_language: list[str]  # each one's document's language
    analyzers: dict[str, Analyzer]  # by language
    terms: list[list[str]]  # each one's terms, read in its document's language
    ranker: Ranker

    @classmethod
    def of(cls, options: Options, group: _Group, languages: Sequence[str]) -> _Body:
        sentences = candidates(group.sentences)
        positions = [sentence.index for sentence in sentences]
        owner = group.owner[positions]
        own_language = [languages[number] for number in owner.tolist()]
        analyzers = {language: options.analyzer or builtin_analyzer(language) for language in set(languages)}
        terms = [list(analyzers[language](s.text)) for language, s in zip(own_language, sentences, strict=True)]
        ranker = options.ranker if isinstance(options.ranker, Ranker) else RANKERS[options.ranker]
        return cls(sentences, positions, owner, own_language, analyzers, terms, ranker)


def _structure_teleport(
    group: _Group, body: _Body, blocks: Sequence[tuple[Block, ...] | None]
) -> npt.NDArray[np.float64] | None:
    """PageRank's restart for documents with headings (:func:`summarize.structure.structure_prior`); None without."""
    if body.ranker.similarity is None or not any(is_structured(own) for own in blocks):
        return None
    return structure_prior(
        lead=body.ranker.position is not None,
        owner=body.owner,
        place=group.placement_of(body.positions),
        blocks=blocks,
        texts=group.texts,
        terms=body.terms,
        trail_terms=lambda number, words: list(body.analyzers[body.own_language[number]](words)),
    )


@dataclass(frozen=True)
class _Ranking:
    """Every sentence of a group ranked, with what selection and the analysis need of the ranking."""

    numbered: tuple[ScoredSentence, ...]  # every sentence, in the group's numbering, ranked by its keys
    scores: npt.NDArray[np.float64]  # the ranker's score of every sentence (0 for fragments)
    weights: Matrix | None  # the similarity graph of the candidates
    counts: TermMatrix  # the candidates' term counts


def _rank(
    options: Options,
    group: _Group,
    body: _Body,
    focus: npt.NDArray[np.float64] | None,
    *,
    several: bool,
    teleport: npt.NDArray[np.float64] | None = None,
) -> _Ranking:
    """Score the candidates with the ranker (one PageRank over the group), and rank every sentence."""
    sparse = len(body.sentences) > DENSE_MAX_SENTENCES if options.sparse is None else options.sparse
    counts = term_matrix(body.terms, sparse=sparse)
    share = budget_share(group.sentences, sentences=options.sentences, ratio=options.ratio, words=options.words)
    positions = body.positions
    # Several documents: each candidate's document, numbered among those with candidates.
    members = np.unique(body.owner, return_inverse=True)[1].astype(np.int64) if several and positions else None
    ranker = body.ranker
    if teleport is not None:  # a structured document: the teleport is its prior, and no news lead
        ranker = replace(ranker, position=None)
    weights, body_scores = score_sentences(
        ranker,
        [sentence.text for sentence in body.sentences],
        counts,
        share=share,
        damping=options.damping,
        max_iter=options.max_iter,
        tol=options.tol,
        focus=focus,
        focus_weight=options.focus_weight,
        documents=members,
        teleport=teleport,
    )
    scores = np.zeros(len(group.sentences))
    scores[positions] = body_scores
    keys = ranking_keys(ranker, scores, positions, share=share, documents=members, focus=focus)
    return _Ranking(_ranked(group.sentences, keys), scores, weights, counts)


def _choose(options: Options, ranking: _Ranking, body: Sequence[Sentence], group: _Group) -> tuple[ScoredSentence, ...]:
    """The summary's sentences: the best within the budget, with diversity, redundancy and a minimum per document."""
    similarity = None
    if body and (options.diversity > 0 or options.redundancy is not None):
        similarity = _in_group_space(cosine(ranking.counts), body, len(group.sentences))
    return select(
        ranking.numbered,
        sentences=options.sentences,
        ratio=options.ratio,
        words=options.words,
        order=options.order,  # "document": by index, the group's numbering being by document, then position
        diversity=options.diversity,
        similarity=similarity,
        redundancy=options.redundancy,
        groups=group.owner,
        min_per_group=options.min_per_document,
    )


@dataclass(frozen=True)
class _Group:
    """The sentences of a group of documents in one numbering, each with its document and its own sentence."""

    sentences: tuple[Sentence, ...]
    owner: npt.NDArray[np.int64]
    own: tuple[Sentence, ...]
    texts: tuple[str, ...]
    #: For each document, the block of each of its sentences (-1: none).
    placement: tuple[npt.NDArray[np.int64], ...]

    @classmethod
    def split(
        cls, documents: Sequence[str], languages: Sequence[str], blocks: Sequence[tuple[Block, ...] | None]
    ) -> _Group:
        split: list[tuple[Sentence, ...]] = []
        placement: list[npt.NDArray[np.int64]] = []
        left = splitting.MAX_SENTENCES  # for the whole group, fragments included
        try:
            for text, language, given in zip(documents, languages, blocks, strict=True):
                if given is None:
                    split.append(split_sentences_unchecked(text, language, most=left))
                    placement.append(np.full(len(split[-1]), -1, dtype=np.int64))
                else:
                    placed = split_blocks(text, given, language, most=left)
                    split.append(placed.sentences)
                    placement.append(placed.block)
                left -= len(split[-1])
        except TooManySentencesError:
            raise TooManySentencesError(splitting.MAX_SENTENCES, sum(map(len, documents))) from None
        texts = tuple(documents)
        if len(split) == 1:  # one text: its own numbering is the group's
            return cls(split[0], np.zeros(len(split[0]), dtype=np.int64), split[0], texts, tuple(placement))
        own = tuple(sentence for document in split for sentence in document)
        owner = np.array([number for number, document in enumerate(split) for _ in document], dtype=np.int64)
        numbered = tuple(
            Sentence(index=position, text=s.text, start=s.start, end=s.end, fragment=s.fragment)
            for position, s in enumerate(own)
        )
        return cls(numbered, owner, own, texts, tuple(placement))

    def placement_of(self, indices: Sequence[int]) -> npt.NDArray[np.int64]:
        """The block (in its document) of each of these sentences of the group (-1: none)."""
        flat = np.concatenate(self.placement) if self.placement else np.zeros(0, dtype=np.int64)
        return flat[np.asarray(indices, dtype=np.int64)] if len(indices) else np.zeros(0, dtype=np.int64)

    def in_document(
        self, ranked: ScoredSentence, scores: npt.NDArray[np.float64], names: tuple[int | str, ...]
    ) -> DocumentSentence:
        """A sentence ranked in the group, with the ranker's score, its document and its place in that document."""
        sentence = self.own[ranked.index]
        return DocumentSentence(
            index=sentence.index,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            fragment=sentence.fragment,
            score=float(scores[ranked.index]),
            rank=ranked.rank,
            document=names[int(self.owner[ranked.index])],
        )


def _focus(focus: str | None, body: _Body) -> npt.NDArray[np.float64] | None:
    """Each candidate's similarity to the focus, read in the candidate's own language (None without a focus)."""
    if focus is None:
        return None
    if len(body.analyzers) == 1:  # one language: every candidate at once
        (analyze,) = body.analyzers.values()
        return np.asarray(focus_similarity(body.terms, analyze(focus)), dtype=np.float64)
    similarity = np.zeros(len(body.terms))
    for language, analyze in body.analyzers.items():
        mine = [position for position, own in enumerate(body.own_language) if own == language]
        similarity[mine] = focus_similarity([body.terms[position] for position in mine], analyze(focus))
    return similarity


def keywords_of(
    sentences: Sequence[Sentence], language: str, options: Options, *, top: int, window: int
) -> tuple[Keyword, ...]:
    """The keywords of a text's sentences, title and headings too (:func:`summarize.keyphrases.extract_keywords`).

    Unlike summaries, keywords are taken from every sentence, fragments included: a
    title or a heading says in a few words what the text or its section is about
    (measured on Inspec and SemEval-2010; see docs/keywords.md).
    """
    return extract_keywords(
        [sentence.text for sentence in sentences],
        language=language,
        top=top,
        window=window,
        damping=options.damping,
        max_iter=options.max_iter,
        tol=options.tol,
        focus=options.focus,
        focus_weight=options.focus_weight,
    )


def _in_group_space(matrix: Matrix, body: Sequence[Sentence], size: int) -> scipy.sparse.csr_matrix:
    """Re-index a matrix over the body's sentences by their indices in the group."""
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


def check_texts(texts: object) -> list[str]:
    """The documents, if ``texts`` is a sequence of str not too long in all."""
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise fail("texts", "a sequence of str (one per document)", abbreviated(texts))
    for number, text in enumerate(texts):
        if not isinstance(text, str):
            raise fail(f"texts[{number}]", "a str (a document)", abbreviated(text))
    documents = list(texts)
    length = sum(map(len, documents))
    if length > MAX_CHARACTERS:
        raise TextTooLongError(length, MAX_CHARACTERS)
    return documents


def check_ids(ids: object, count: int) -> tuple[int | str, ...]:
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
