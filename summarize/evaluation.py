"""Evaluation: ROUGE of rankers against reference summaries in a JSON Lines dataset.

Each line of the dataset is a JSON object with ``text`` (the document) and
``summary`` (the reference, one sentence per line); ``id`` is optional. Every
ranker summarises every document, and the summary is scored against the reference
with ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 from the ``rouge-score`` package (an
optional extra: ``pip install "summarize[evaluate]"``), with its Porter stemmer,
candidate and reference one sentence per line. Scores are averaged over documents
and multiplied by 100, as papers report them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from summarize._validation import check_int, fail
from summarize.errors import InputError, MissingDependencyError
from summarize.io.documents import file_error
from summarize.languages import check_language
from summarize.pipeline import Summarizer
from summarize.rankers import RANKERS
from summarize.terms import tokens

__all__ = ["REFERENCE", "Evaluation", "evaluate", "format_table", "read_dataset"]

#: Length setting that gives each summary as many sentences as its reference.
REFERENCE = "reference"

_MEASURES = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True, kw_only=True)
class Evaluation:
    """The scores of one ranker on a dataset.

    Attributes
    ----------
    ranker : str
    documents : int
        Number of documents scored.
    rouge1, rouge2, rouge_lsum : float
        Mean F1 times 100.
    ms_per_document : float
        Mean wall-clock time to summarise a document (splitting included, scoring
        excluded), in milliseconds.
    empty : int
        Documents whose summary came out empty.
    fragments : int
        Fragments (headings, captions) chosen, over all summaries.
    repeated : int
        Sentences chosen twice in one summary, over all summaries.
    """

    ranker: str
    documents: int
    rouge1: float
    rouge2: float
    rouge_lsum: float
    ms_per_document: float
    empty: int = 0
    fragments: int = 0
    repeated: int = 0


def read_dataset(path: str | Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSON Lines dataset, one at a time.

    Raises
    ------
    InputError
        If the file cannot be read, a line is not a JSON object, or a record lacks
        a string ``text`` or ``summary``; the message names the file and line.
    """
    check_int("limit", limit, minimum=1, optional=True)
    name = str(path)
    count = 0
    with _open(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{name}, line {number}: not valid JSON ({error.msg})") from None
            for field in ("text", "summary"):
                if not isinstance(record, dict) or not isinstance(record.get(field), str):
                    raise InputError(f"{name}, line {number}: needs a string field {field!r}")
            count += 1
            yield record


def _open(path: str | Path) -> TextIO:
    try:
        return Path(path).open(encoding="utf-8")
    except OSError as error:
        raise file_error(str(path), error, kind="JSON Lines file") from None


def evaluate(
    records: Iterable[Mapping[str, Any]],
    *,
    rankers: Sequence[str],
    sentences: int | str = REFERENCE,
    language: str = "english",
) -> list[Evaluation]:
    """Score rankers on reference summaries with ROUGE.

    Parameters
    ----------
    records : iterable of mappings
        Each with ``text`` and ``summary`` (reference sentences, one per line), as
        from :func:`read_dataset`. Read once: every ranker sees each record in turn.
    rankers : sequence of str
        Names from :data:`~summarize.rankers.RANKERS`.
    sentences : int or "reference"
        Summary length: a number of sentences, or ``"reference"`` for as many
        sentences as each reference has.
    language : str
        The language of the texts (default English), for the summaries and for
        ROUGE's words. English uses rouge-score's own words and Porter stems, as
        published ROUGE figures do; rouge-score keeps only the letters a-z and the
        digits, so any other language is cut into summarize's words (character
        bigrams for Chinese and Japanese) with its Snowball stems, stop words
        kept.

    Returns
    -------
    list of Evaluation
        One per ranker, in the order given.

    Raises
    ------
    MissingDependencyError
        If ``rouge-score`` is not installed.
    InvalidParameterError
        If a ranker is unknown, or ``sentences`` or ``language`` is invalid.
    """
    if not rankers:
        raise fail("rankers", "at least one ranker name", list(rankers))
    for ranker in rankers:
        if ranker not in RANKERS:
            raise fail("rankers", f"names from {', '.join(RANKERS)}", ranker)
    if sentences != REFERENCE:
        check_int("sentences", sentences, minimum=1)
    language = check_language(language, auto=False)
    try:
        from rouge_score.rouge_scorer import RougeScorer
    except ImportError:
        raise MissingDependencyError("evaluation", "rouge-score", "evaluate") from None
    if language == "english":
        scorer = RougeScorer(list(_MEASURES), use_stemmer=True)
    else:
        scorer = RougeScorer(list(_MEASURES), tokenizer=_Words(language))

    totals = {ranker: [0.0, 0.0, 0.0, 0.0] for ranker in rankers}
    problems = {ranker: [0, 0, 0] for ranker in rankers}
    documents = 0
    for record in records:
        reference = [line.strip() for line in record["summary"].splitlines() if line.strip()]
        length = max(len(reference), 1) if sentences == REFERENCE else int(sentences)
        documents += 1
        for ranker in rankers:
            summarizer = Summarizer(sentences=length, ranker=ranker, language=language)
            started = time.perf_counter()
            summary = summarizer.summarize(record["text"])
            elapsed = time.perf_counter() - started
            candidate = "\n".join(" ".join(sentence.text.split()) for sentence in summary)
            scores = scorer.score("\n".join(reference), candidate)
            total = totals[ranker]
            for position, measure in enumerate(_MEASURES):
                total[position] += scores[measure].fmeasure
            total[3] += elapsed
            flaws = problems[ranker]
            flaws[0] += not summary
            flaws[1] += sum(sentence.fragment for sentence in summary)
            flaws[2] += len(summary) - len({sentence.index for sentence in summary})
    return [
        Evaluation(
            ranker=ranker,
            documents=documents,
            rouge1=100 * total[0] / max(documents, 1),
            rouge2=100 * total[1] / max(documents, 1),
            rouge_lsum=100 * total[2] / max(documents, 1),
            ms_per_document=1000 * total[3] / max(documents, 1),
            empty=problems[ranker][0],
            fragments=problems[ranker][1],
            repeated=problems[ranker][2],
        )
        for ranker, total in totals.items()
    ]


class _Words:
    """rouge-score's tokenizer for a language other than English: summarize's words of it, stemmed.

    Examples
    --------
    >>> from summarize.evaluation import _Words
    >>> _Words("german").tokenize("Die Straßen Münchens")
    ['die', 'strass', 'munch']
    """

    def __init__(self, language: str) -> None:
        self.language = language

    def tokenize(self, text: str) -> list[str]:
        return [word.term or text[word.start : word.end].lower() for word in tokens(text, language=self.language)]


def format_table(evaluations: Sequence[Evaluation]) -> str:
    """A Markdown table of evaluations, one row per ranker.

    The last column counts empty summaries, fragments chosen and sentences chosen
    twice; it says ``ok`` when there are none.

    Examples
    --------
    >>> from summarize.evaluation import Evaluation, format_table
    >>> row = Evaluation(ranker="lead", documents=2, rouge1=30.0, rouge2=12.5, rouge_lsum=27.25, ms_per_document=0.5)
    >>> print(format_table([row]))
    | ranker | documents | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | ms/doc | checks |
    |---|---:|---:|---:|---:|---:|---|
    | lead | 2 | 30.00 | 12.50 | 27.25 | 0.50 | ok |
    """
    lines = [
        "| ranker | documents | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | ms/doc | checks |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    lines.extend(
        f"| {e.ranker} | {e.documents} | {e.rouge1:.2f} | {e.rouge2:.2f} | {e.rouge_lsum:.2f} | "
        f"{e.ms_per_document:.2f} | {_checks(e)} |"
        for e in evaluations
    )
    return "\n".join(lines)


def _checks(evaluation: Evaluation) -> str:
    flaws = [
        f"{count} {label}"
        for count, label in (
            (evaluation.empty, "empty"),
            (evaluation.fragments, "fragments chosen"),
            (evaluation.repeated, "repeated"),
        )
        if count
    ]
    return ", ".join(flaws) or "ok"
