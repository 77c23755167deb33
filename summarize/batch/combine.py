"""Several documents, one summary, for a corpus: one summary per group of records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from summarize.io.corpus import Record
from summarize.io.records import sentence_record
from summarize.multidoc import DEFAULT_DIVERSITY, summarize_documents
from summarize.rankers import DEFAULT_RANKER

__all__ = ["summarize_groups"]


def summarize_groups(
    records: Iterable[Record],
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    order: str = "document",
    ranker: str = DEFAULT_RANKER,
    diversity: float = DEFAULT_DIVERSITY,
    language: str = "english",
) -> Iterator[dict[str, object]]:
    """One output record per group of records, in order of each group's first record.

    The records of a group (the same :attr:`~summarize.io.corpus.Record.group`;
    all of them when no group field was named) are summarised together by
    :func:`summarize.summarize_documents`, each sentence naming its record's id
    as a string (the records' positions in the group, from "0", if ids repeat).
    A group's record is ``{"group", "documents", "language", "sentences":
    [{"document", "index", "rank", "score", "text", "start", "end"}]}``. A record
    that cannot be read gives ``{"id", "error"}``, first, and takes no part.
    The whole corpus is held in memory.

    Examples
    --------
    >>> from summarize.io.corpus import Record
    >>> records = [Record(id="a", text="Cats purr. Dogs bark.", group=1), Record(id="b", text="Cats purr.", group=1)]
    >>> [(s["document"], s["text"]) for s in next(summarize_groups(records, sentences=2))["sentences"]]
    [('a', 'Cats purr.'), ('a', 'Dogs bark.')]
    """
    groups: dict[str, tuple[object, list[Record]]] = {}
    for record in records:
        if record.error is not None or record.text is None:
            yield {"id": record.id, "error": record.error}
            continue
        key = repr(record.group)  # JSON values such as lists are not hashable
        groups.setdefault(key, (record.group, []))[1].append(record)
    for group, members in groups.values():
        ids = [str(member.id) for member in members]
        if len(set(ids)) != len(ids):  # ids repeated (or none given): name documents by position
            ids = [str(position) for position in range(len(members))]
        summary = summarize_documents(
            [member.text or "" for member in members],
            ids=ids,
            sentences=sentences,
            ratio=ratio,
            words=words,
            order=order,
            ranker=ranker,
            diversity=diversity,
            language=language,
        )
        yield {
            "group": group,
            "documents": ids,
            "language": summary.language,
            "sentences": [{"document": s.document, **sentence_record(s)} for s in summary],
        }
