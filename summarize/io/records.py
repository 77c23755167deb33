"""JSON records of summaries: the fields every JSON output of summarize shares."""

from __future__ import annotations

import json
from collections.abc import Mapping

from summarize.types import ScoredSentence

__all__ = ["NO_SENTENCE", "json_line", "sentence_record"]

#: What an output says of a text that has characters but no sentence (punctuation or symbols alone).
NO_SENTENCE = "no sentence to summarise (only punctuation or symbols)"

# Line separators other than "\n", which JSON leaves raw inside strings but many line
# readers (Python's str.splitlines, JavaScript) take for the end of a line.
_LINE_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


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
