"""JSON records of summaries: the fields every JSON output of summarize shares."""

from __future__ import annotations

from summarize.types import ScoredSentence

__all__ = ["sentence_record"]


def sentence_record(sentence: ScoredSentence) -> dict[str, object]:
    """A summary sentence as a JSON-ready dict: index, rank, score, text, start, end.

    Examples
    --------
    >>> import summarize
    >>> from summarize.io.records import sentence_record
    >>> best = summarize.summarize("Cats purr. Cats and dogs play. Dogs bark.", sentences=1)[0]
    >>> list(sentence_record(best))
    ['index', 'rank', 'score', 'text', 'start', 'end']
    """
    return {
        "index": sentence.index,
        "rank": sentence.rank,
        "score": sentence.score,
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
    }
