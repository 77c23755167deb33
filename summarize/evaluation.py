"""Evaluation: ROUGE of rankers against reference summaries in a JSON Lines dataset.

Each line of the dataset is a JSON object with ``text`` (the document) and
``summary`` (the reference, one sentence per line); ``id`` is optional. Every
ranker summarises every document, and the summary is scored against the reference
with ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 from the ``rouge-score`` package (an
optional extra: ``pip install "summarize[evaluate]"``), with its Porter stemmer,
candidate and reference one sentence per line. Scores are averaged over documents
and multiplied by 100, as papers report them.

Two constructions test other kinds of summary on the same files: a half of the
dataset (``half="odd"`` or ``"even"``, by record number), to choose settings on one
half and report the other, and the lead-removed construction of XSum
(:func:`drop_lead`), where each document loses its first sentence, which becomes
the one-sentence reference. Each ranker is compared with LEAD, the first sentences,
on the same documents.
"""

from __future__ import annotations

import io
import json
import math
import statistics
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from summarize._validation import check_choice, check_int, fail
from summarize.errors import InputError, MissingDependencyError
from summarize.io.documents import INPUT_FORMATS, file_error, read_document
from summarize.languages import check_language
from summarize.pipeline import Summarizer
from summarize.rankers import RANKERS, Ranker
from summarize.selection import candidates
from summarize.sentences import split_sentences
from summarize.structure import Block
from summarize.terms import tokens

__all__ = [
    "HALVES",
    "LEAD",
    "REFERENCE",
    "TEXT_FORMATS",
    "Evaluation",
    "evaluate",
    "format_table",
    "lead_removed",
    "read_dataset",
]

#: Length setting that gives each summary as many sentences as its reference.
REFERENCE = "reference"

#: The baseline every ranker is compared with: the first sentences.
LEAD = "lead"

#: The halves of a dataset, by record number: the 1st, 3rd, 5th... or the 2nd, 4th...
HALVES = ("odd", "even")

#: The formats a record's text can be read as (``evaluate(input_format=)``, ``summarize evaluate --input-format``).
TEXT_FORMATS = tuple(form for form in INPUT_FORMATS if form not in ("pdf", "docx"))

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
    rank : int
        Rank of the ranker's ROUGE-1 among the rankers evaluated together (1 =
        best; equal scores share a rank); 0 when not ranked.
    versus_lead : tuple of float or None
        ROUGE-1, ROUGE-2 and ROUGE-Lsum minus those of LEAD on the same documents;
        None when LEAD was not evaluated with it.
    versus_lead_error : float or None
        The standard error of the ROUGE-1 difference from LEAD: the standard
        deviation of the per-document differences over the square root of their
        number. A difference within about two of these is within the noise of the
        documents drawn. None without LEAD or with fewer than two documents.
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
    rank: int = 0
    versus_lead: tuple[float, float, float] | None = None
    versus_lead_error: float | None = None


def read_dataset(path: str | Path, *, limit: int | None = None, half: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSON Lines dataset, one at a time.

    Parameters
    ----------
    path : str or Path
    limit : int, optional
        Yield at most this many records (after choosing the half).
    half : {"odd", "even"}, optional
        Only the odd-numbered records (the 1st, 3rd, 5th...) or the even-numbered
        ones, counting records (blank lines are not records); all if None.

    Raises
    ------
    InputError
        If the file cannot be read, a line is not a JSON object, or a record lacks
        a string ``text`` or ``summary``; the message names the file and line.
    InvalidParameterError
        If ``limit`` or ``half`` is invalid.
    """
    check_int("limit", limit, minimum=1, optional=True)
    if half is not None and half not in HALVES:
        raise fail("half", f"one of {', '.join(map(repr, HALVES))} or None", half)
    name = str(path)
    count = 0
    seen = 0
    with _open(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            seen += 1
            if half is not None and seen % 2 != (half == "odd"):
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


def lead_removed(record: Mapping[str, Any], *, language: str = "english") -> dict[str, Any] | None:
    """A record's lead-removed construction: its text without its first sentence, which becomes its reference.

    The construction of XSum [1]_, where a BBC article's introductory sentence is
    the summary of the rest: a summariser that picks the lead of the text it is given
    gains nothing. The first sentence is the first that is not a fragment (heading,
    caption) as :func:`~summarize.sentences.split_sentences` splits the text;
    anything before it goes with it.

    Parameters
    ----------
    record : mapping
        With a ``text``; other fields are kept, ``summary`` is replaced.
    language : str
        The language of the text, for the sentence splitter.

    Returns
    -------
    dict or None
        The new record, with the first sentence (its whitespace collapsed) as
        ``summary``; None if the text has fewer than two sentences.

    References
    ----------
    .. [1] Narayan, S., Cohen, S. B. and Lapata, M. (2018). Don't give me the details,
       just the summary! Topic-aware convolutional neural networks for extreme
       summarization. Proceedings of EMNLP 2018, 1797-1807.

    Examples
    --------
    >>> from summarize.evaluation import lead_removed
    >>> lead_removed({"text": "A dam burst. Water flooded farms. Crews came.", "summary": "-"})
    {'text': 'Water flooded farms. Crews came.', 'summary': 'A dam burst.'}
    """
    text: str = record["text"]
    body = candidates(split_sentences(text, language=language))
    if len(body) < 2:
        return None
    first = body[0]
    return {**record, "text": text[first.end :].lstrip(), "summary": " ".join(first.text.split())}


def evaluate(
    records: Iterable[Mapping[str, Any]],
    *,
    rankers: Sequence[str | Ranker],
    sentences: int | str = REFERENCE,
    language: str = "english",
    drop_lead: bool = False,
    input_format: str | None = None,
) -> list[Evaluation]:
    """Score rankers on reference summaries with ROUGE.

    Parameters
    ----------
    records : iterable of mappings
        Each with ``text`` and ``summary`` (reference sentences, one per line), as
        from :func:`read_dataset`. Read once: every ranker sees each record in turn.
    rankers : sequence of str or Ranker
        Names from :data:`~summarize.rankers.RANKERS`, or rankers of your own
        (reported by their ``name``, which must differ from the others').
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
    drop_lead : bool
        Score the lead-removed construction (:func:`lead_removed`) instead: each
        text without its first sentence, against that sentence; texts of fewer
        than two sentences are skipped.
    input_format : {None, "auto", "text", "markdown", "rst", "html"}
        None (default): each text is summarised as a str, without structure. A
        format: each text is read as ``summarize`` reads a file of that format
        (:func:`summarize.io.documents.read_document`; ``"auto"``: Markdown when it
        looks like it, else text), and summarised with its structure: the sections
        in capitals of a paper (``"text"``), the headings of Markdown.

    Returns
    -------
    list of Evaluation
        One per ranker, in the order given, each with its rank among them by
        ROUGE-1 and, when ``"lead"`` is among them, its difference from LEAD and
        the standard error of that difference (paired by document).

    Raises
    ------
    MissingDependencyError
        If ``rouge-score`` is not installed.
    InvalidParameterError
        If a ranker is unknown, or ``sentences``, ``language`` or ``input_format`` is invalid.
    InputError
        If a text cannot be read as ``input_format`` (HTML without an article).
    """
    if not rankers:
        raise fail("rankers", "at least one ranker name", list(rankers))
    for ranker in rankers:
        if not isinstance(ranker, Ranker) and ranker not in RANKERS:
            raise fail("rankers", f"names from {', '.join(RANKERS)} or Ranker objects", ranker)
    by_name = {ranker.name if isinstance(ranker, Ranker) else ranker: ranker for ranker in rankers}
    if len(by_name) < len(rankers):
        raise fail("rankers", "rankers of different names", [getattr(ranker, "name", ranker) for ranker in rankers])
    if sentences != REFERENCE:
        check_int("sentences", sentences, minimum=1)
    language = check_language(language, auto=False)
    if input_format is not None:
        check_choice("input_format", input_format, TEXT_FORMATS)
    try:
        from rouge_score.rouge_scorer import RougeScorer
    except ImportError:
        raise MissingDependencyError("evaluation", "rouge-score", "evaluate") from None
    if language == "english":
        scorer = RougeScorer(list(_MEASURES), use_stemmer=True)
    else:
        scorer = RougeScorer(list(_MEASURES), tokenizer=_Words(language))

    totals = {name: [0.0, 0.0, 0.0, 0.0] for name in by_name}
    rouge1: dict[str, list[float]] = {name: [] for name in by_name}
    problems = {name: [0, 0, 0] for name in by_name}
    documents = 0
    for original in records:
        record = lead_removed(original, language=language) if drop_lead else original
        if record is None:
            continue
        reference = [line.strip() for line in record["summary"].splitlines() if line.strip()]
        length = max(len(reference), 1) if sentences == REFERENCE else int(sentences)
        documents += 1
        text, blocks = _read(record["text"], input_format)
        for name, ranker in by_name.items():
            summarizer = Summarizer(sentences=length, ranker=ranker, language=language)
            started = time.perf_counter()
            summary = summarizer.analyze(text, blocks=blocks).summary
            elapsed = time.perf_counter() - started
            candidate = "\n".join(" ".join(sentence.text.split()) for sentence in summary)
            scores = scorer.score("\n".join(reference), candidate)
            total = totals[name]
            for position, measure in enumerate(_MEASURES):
                total[position] += scores[measure].fmeasure
            rouge1[name].append(100 * scores["rouge1"].fmeasure)
            total[3] += elapsed
            flaws = problems[name]
            flaws[0] += not summary
            flaws[1] += sum(sentence.fragment for sentence in summary)
            flaws[2] += len(summary) - len({sentence.index for sentence in summary})
    evaluations = [
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
    lead = rouge1.get(LEAD)
    return [
        replace(e, versus_lead_error=None if lead is None else _paired_error(rouge1[e.ranker], lead))
        for e in _compared(evaluations)
    ]


def _read(text: str, input_format: str | None) -> tuple[str, tuple[Block, ...] | None]:
    """A record's text and blocks: as a str, or read as a file of ``input_format`` is read."""
    if input_format is None:
        return text, None
    document = read_document(io.BytesIO(text.encode("utf-8")), name="<record>", input_format=input_format)
    return document.text, document.blocks


def _paired_error(scores: Sequence[float], lead: Sequence[float]) -> float | None:
    """The standard error of the mean per-document difference between two lists of scores.

    Examples
    --------
    >>> round(_paired_error([30.0, 40.0, 50.0], [30.0, 30.0, 30.0]), 3)
    5.774
    >>> _paired_error([30.0], [20.0]) is None
    True
    """
    if len(scores) < 2:
        return None
    differences = [score - base for score, base in zip(scores, lead, strict=True)]
    return statistics.stdev(differences) / math.sqrt(len(differences))


def _compared(evaluations: Sequence[Evaluation]) -> list[Evaluation]:
    """The evaluations with their ranks by ROUGE-1 (at two decimals, as shown) and their difference from LEAD."""
    shown = [round(e.rouge1, 2) for e in evaluations]
    lead = next((e for e in evaluations if e.ranker == LEAD), None)
    return [
        replace(
            e,
            rank=1 + sum(other > value for other in shown),
            versus_lead=None
            if lead is None
            else (e.rouge1 - lead.rouge1, e.rouge2 - lead.rouge2, e.rouge_lsum - lead.rouge_lsum),
        )
        for e, value in zip(evaluations, shown, strict=True)
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

    ``rank`` is the ranker's rank by ROUGE-1 among those in the table, and ``vs
    LEAD`` its ROUGE-1 / ROUGE-2 / ROUGE-Lsum minus LEAD's (blank without LEAD),
    the ROUGE-1 difference followed by its standard error when known, as in
    ``+1.22 (±0.35)``.
    The last column counts empty summaries, fragments chosen and sentences chosen
    twice; it says ``ok`` when there are none.

    Examples
    --------
    >>> from summarize.evaluation import Evaluation, format_table
    >>> row = Evaluation(ranker="lead", documents=2, rouge1=30.0, rouge2=12.5, rouge_lsum=27.25, ms_per_document=0.5)
    >>> print(format_table([row]))
    | ranker | documents | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | rank | vs LEAD | ms/doc | checks |
    |---|---:|---:|---:|---:|---:|---|---:|---|
    | lead | 2 | 30.00 | 12.50 | 27.25 | 1 |  | 0.50 | ok |
    """
    lines = [
        "| ranker | documents | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | rank | vs LEAD | ms/doc | checks |",
        "|---|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    ranked = _compared(evaluations)
    lines.extend(
        f"| {e.ranker} | {e.documents} | {e.rouge1:.2f} | {e.rouge2:.2f} | {e.rouge_lsum:.2f} | {e.rank} | "
        f"{_versus(e)} | {e.ms_per_document:.2f} | {_checks(e)} |"
        for e in ranked
    )
    return "\n".join(lines)


def _versus(evaluation: Evaluation) -> str:
    if evaluation.versus_lead is None or evaluation.ranker == LEAD:
        return ""
    rouge1, rouge2, rouge_lsum = (f"{difference:+.2f}" for difference in evaluation.versus_lead)
    if evaluation.versus_lead_error is not None:
        rouge1 += f" (±{evaluation.versus_lead_error:.2f})"
    return f"{rouge1} / {rouge2} / {rouge_lsum}"


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
