"""The values summarize returns: sentences, scored sentences and summaries.

All are immutable. A sentence is identified by its index among the document's
sentences and by its character offsets in the original text, never by its text,
so two identical sentences stay distinct.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

__all__ = ["DocumentSentence", "MultiSummary", "ScoredSentence", "Sentence", "Summary"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Sentence:
    """One sentence of a document.

    Attributes
    ----------
    index : int
        Position among the document's sentences, from 0.
    text : str
        The sentence exactly as it appears: ``document[start:end]``.
    start, end : int
        Character offsets of the sentence in the document.
    fragment : bool
        True for a line that is not a sentence of the body: a heading, caption,
        byline, date line or image credit (no sentence-ending punctuation and only
        a few words). Fragments keep their offsets but are not chosen for summaries.
    """

    index: int
    text: str
    start: int
    end: int
    fragment: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class ScoredSentence(Sentence):
    """A sentence with its centrality score and its rank in the document.

    Attributes
    ----------
    score : float
        The ranker's score (for the PageRank-based rankers, the stationary
        probability of the sentence; the scores of a document sum to 1).
        Fragments score 0.
    rank : int
        1 for the best sentence of the document, 2 for the next, and so on; equal
        scores are ranked in document order.
    """

    score: float
    rank: int

    @property
    def document(self) -> int | str | None:
        """The document the sentence comes from: None for a sentence of one text (see :class:`DocumentSentence`)."""
        return None


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
        sentence ranks above the other sentences (see :func:`summarize.summarize_documents`).
    """

    document: int | str


@dataclass(frozen=True, slots=True)
class Summary(Sequence[ScoredSentence]):
    """The sentences chosen to summarise one document or several, as an immutable sequence.

    Iterating gives :class:`ScoredSentence` objects in the order that was asked
    for (document order by default). A summary of several documents
    (:func:`summarize.summarize_documents`) holds :class:`DocumentSentence` objects,
    which say their document, and names its documents in ``documents``.

    Attributes
    ----------
    sentences : tuple of ScoredSentence
        The chosen sentences.
    language : str or None
        The language the document was read in (the one detected, when the
        summariser's language is ``"auto"``); for several documents, their common
        language, or None when they differ; None for a summary made by hand. Not
        compared: two summaries are equal when they hold the same sentences.
    documents : tuple of int or str
        For a summary of several documents, each document's id (its position when
        no ids were given), in input order; empty for a summary of one text.
    languages : tuple of str
        The language each document was read in, in input order. Not compared.
    focus_matched : bool or None
        With a focus, whether any sentence shares a term with it (if not, the
        summary is the unfocused one); None without a focus. Not compared.
    """

    sentences: tuple[ScoredSentence, ...] = ()
    language: str | None = field(default=None, compare=False)
    documents: tuple[int | str, ...] = ()
    languages: tuple[str, ...] = field(default=(), compare=False)
    focus_matched: bool | None = field(default=None, compare=False)

    @overload
    def __getitem__(self, position: int) -> ScoredSentence: ...

    @overload
    def __getitem__(self, position: slice) -> tuple[ScoredSentence, ...]: ...

    def __getitem__(self, position: int | slice) -> ScoredSentence | tuple[ScoredSentence, ...]:
        return self.sentences[position]

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[ScoredSentence]:
        return iter(self.sentences)

    @property
    def text(self) -> str:
        """The chosen sentences as one paragraph: joined by single spaces, each with its inner whitespace collapsed.

        Chinese and Japanese are written without spaces: a line break inside a
        sentence between two such characters is dropped, and two such sentences are
        joined without a space (:func:`summarize.spacing.join_sentences`).
        """
        from summarize.spacing import join_sentences

        return join_sentences(sentence.text for sentence in self.sentences)

    def __str__(self) -> str:
        """The summary's text (:attr:`text`), so that ``print(summary)`` shows the summary; ``repr`` shows its parts."""
        return self.text


#: A summary of several documents is a :class:`Summary` whose sentences are
#: :class:`DocumentSentence` objects (the name is kept for code written before the
#: two were one type).
MultiSummary = Summary
