"""JSON records of summaries: the fields every JSON output of summarize shares."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from summarize.errors import InputError
from summarize.types import ScoredSentence, Summary

if TYPE_CHECKING:
    from typing import TypeAlias

    from summarize.analysis import Analysis
    from summarize.blocks import Block
    from summarize.io.documents import Document
    from summarize.keyphrases import Keyword
    from summarize.pipeline import Summarizer

    #: The block of a sentence, or None (:meth:`summarize.Analysis.block_of`).
    BlockOf: TypeAlias = Callable[[ScoredSentence], Block | None]

__all__ = [
    "NO_SENTENCE",
    "document_analysis",
    "document_keywords",
    "document_record",
    "documents_record",
    "json_line",
    "keyword_record",
    "keywords_record",
    "sentence_record",
    "summary_fields",
]

#: What an output says of a text that has characters but no sentence (punctuation or symbols alone).
NO_SENTENCE = "no sentence to summarise (only punctuation or symbols)"

# Line separators other than "\n", which JSON leaves raw inside strings but many line
# readers (Python's str.splitlines, JavaScript) take for the end of a line.
_LINE_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def sentence_record(sentence: ScoredSentence, block_of: BlockOf | None = None) -> dict[str, object]:
    """A summary sentence as a JSON-ready dict: index, rank, score, text, start, end.

    With ``block_of`` (:meth:`summarize.Analysis.block_of`), a sentence of a
    document with structure also says the ``kind`` of its block and its ``section``
    (the trail of headings it is under, outermost first).

    Examples
    --------
    >>> import summarize
    >>> from summarize.io.records import sentence_record
    >>> best = summarize.summarize("Cats purr. Cats and dogs play. Dogs bark.", sentences=1)[0]
    >>> list(sentence_record(best))
    ['index', 'rank', 'score', 'text', 'start', 'end']
    """
    record: dict[str, object] = {
        "index": sentence.index,
        "rank": sentence.rank,
        "score": sentence.score,
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
    }
    block = None if block_of is None else block_of(sentence)
    if block is not None:
        record["kind"] = block.kind
        record["section"] = list(block.trail)
    return record


def summary_fields(
    summary: Summary,
    *,
    key: str = "sentences",
    names: Sequence[object] | None = None,
    block_of: BlockOf | None = None,
) -> dict[str, object]:
    """The fields every JSON record of a summary ends with: ``focus_matched`` (with a focus) and its sentences.

    ``{["focus_matched",] key: [{["document",] "index", "rank", "score", "text",
    "start", "end"}]}``: each sentence of a summary of several documents says its
    document, named by ``names`` (one per document, by default
    :attr:`~summarize.Summary.documents`); with ``block_of``, the sentences of a
    document with structure say their ``kind`` and ``section`` (:func:`sentence_record`).
    Every JSON output (the command's, batch's, several documents') builds its record
    on these fields.

    Examples
    --------
    >>> import summarize
    >>> from summarize.io.records import summary_fields
    >>> fields = summary_fields(summarize.summarize("Cats purr. Dogs bark.", sentences=1, focus="dogs"))
    >>> fields["focus_matched"], fields["sentences"][0]["text"]
    (True, 'Dogs bark.')
    """
    fields: dict[str, object] = {}
    if summary.focus_matched is not None:
        fields["focus_matched"] = summary.focus_matched
    if not summary.documents:
        fields[key] = [sentence_record(sentence, block_of) for sentence in summary]
        return fields
    named = list(summary.documents) if names is None else list(names)
    position: dict[object, int] = {document: number for number, document in enumerate(summary.documents)}
    fields[key] = [{"document": named[position[s.document]], **sentence_record(s, block_of)} for s in summary]
    return fields


def keyword_record(keyword: Keyword) -> dict[str, object]:
    """A keyword as a JSON-ready dict: text, score, count."""
    return {"text": keyword.text, "score": keyword.score, "count": keyword.count}


def document_analysis(summarizer: Summarizer, name: str, document: Document) -> Analysis:
    """A document read from ``name``, analysed with its structure (``summarize FILE``, ``POST /api/summary``).

    Raises :class:`~summarize.errors.InputError` naming ``name`` for a document with no
    text, or with characters but no sentence.
    """
    if not document.text.strip():
        raise InputError(f"{name}: empty input, nothing to summarise")
    analysis = summarizer.analyze(document.text, blocks=document.blocks)
    if not analysis.sentences:
        raise InputError(f"{name}: {NO_SENTENCE}")
    return analysis


def document_keywords(
    summarizer: Summarizer, name: str, document: Document, *, top: int, window: int
) -> tuple[str, tuple[Keyword, ...]]:
    """The language and the keywords of a document read from ``name`` (``summarize keywords``, ``POST /api/keywords``).

    Raises :class:`~summarize.errors.InputError` naming ``name`` for a document with no text.
    """
    if not document.text.strip():
        raise InputError(f"{name}: empty input, no keywords")
    language = summarizer.language_of(document.text)
    return language, replace(summarizer, language=language).keywords(document.text, top=top, window=window)


def keywords_record(name: str, document: Document, language: str, keywords: Sequence[Keyword]) -> dict[str, object]:
    """The record ``summarize keywords --format json`` (and ``POST /api/keywords``) writes for one document."""
    return {
        "file": name,
        "title": document.title,
        "language": language,
        "keywords": [keyword_record(keyword) for keyword in keywords],
    }


def document_record(
    name: str,
    document: Document,
    analysis: Analysis,
    *,
    keywords: Sequence[Keyword] | None = None,
    include_text: bool = False,
) -> dict[str, object]:
    """The record ``summarize --format json`` (and ``POST /api/summary``) writes for one document.

    ``{"file", "title", "language", ["focus_matched",] "sentences", ["text",]
    ["keywords"]}``: each sentence with its ``kind`` and ``section`` when the
    document was read with structure; ``text`` (what the offsets refer to) with
    ``include_text``, ``keywords`` when they were asked for.
    """
    record: dict[str, object] = {"file": name, "title": document.title, "language": analysis.language}
    record |= summary_fields(analysis.summary, block_of=analysis.block_of)
    if include_text:
        record["text"] = document.text
    if keywords is not None:
        record["keywords"] = [keyword_record(keyword) for keyword in keywords]
    return record


def documents_record(
    summary: Summary, names: Sequence[object] | None = None, *, block_of: BlockOf | None = None
) -> dict[str, object]:
    """A summary of several documents as a JSON-ready dict.

    ``{"documents", "language", "languages", ["focus_matched",] "sentences":
    [{"document", "index", "rank", "score", "text", "start", "end"}]}``, where
    ``names`` (one per document, by default :attr:`Summary.documents`) name
    the documents, and ``focus_matched`` is there when a focus was given.

    Examples
    --------
    >>> import summarize
    >>> summary = summarize.summarize_documents(["Cats purr. Dogs bark.", "Birds sing."], sentences=1)
    >>> record = documents_record(summary, names=[7, 8])
    >>> record["documents"], record["sentences"][0]["document"], list(record)
    ([7, 8], 7, ['documents', 'language', 'languages', 'sentences'])
    """
    named = list(summary.documents) if names is None else list(names)
    record: dict[str, object] = {"documents": named, "language": summary.language, "languages": list(summary.languages)}
    return record | summary_fields(summary, names=named, block_of=block_of)


def json_line(record: Mapping[str, object]) -> str:
    """A record as one line of JSON, newline included, that every line reader reads as one line.

    Text is kept as it is (not ASCII-escaped), except the characters a reader could
    take for a line break (U+0085, U+2028, U+2029), which are written as JSON escapes;
    they can only be inside strings, since JSON's own spacing is ASCII.

    Examples
    --------
    >>> from summarize.io.records import json_line
    >>> json_line({"text": "café\u2028bar"})
    '{"text": "café\\\\u2028bar"}\\n'
    """
    return json.dumps(record, ensure_ascii=False).translate(_LINE_SEPARATORS) + "\n"
