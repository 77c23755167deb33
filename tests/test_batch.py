"""Batch summarisation: order, errors per record, real worker processes, resumable corpus runs."""

import itertools
import json
import os
import pickle
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import summarize
from summarize import (
    BatchReport,
    ConvergenceError,
    FieldError,
    InputError,
    InvalidParameterError,
    Summarizer,
    WorkerError,
    summarize_corpus,
    summarize_many,
    summarize_records,
)
from summarize.batch import workers
from summarize.io.corpus import Record
from summarize.io.output import partial_path
from summarize.io.records import sentence_record

# Tiny documents of different lengths, so that chunks finish out of order.
TEXTS = [
    "Cats purr. Cats and dogs play. Dogs bark.",
    "The council approved the park. The park opens in May. Residents asked the council for a park.",
    "Rain fell. Rain and wind came at night. Wind blew.",
    " ".join(f"Sentence {n} talks about topic {n % 4} and topic {(n + 1) % 4}." for n in range(40)),
    "One sentence only.",
]
DOCUMENTS = [TEXTS[n % len(TEXTS)] + f" Document {n} ends here." for n in range(30)]


def words(sentence: str) -> list[str]:
    """A picklable analyzer, so that a Summarizer using it can go to worker processes."""
    return sentence.lower().split()


def crash_on_poison(sentence: str) -> list[str]:
    """An analyzer that kills its worker process outright on the word POISON."""
    if "POISON" in sentence:
        os._exit(3)
    return words(sentence)


def expected_record(identifier: object, text: str, summarizer: Summarizer) -> dict[str, object]:
    return {"id": identifier, "summary": [sentence_record(sentence) for sentence in summarizer(text)]}


# summarize_many ------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_summarize_many_in_input_order(jobs: int) -> None:
    summarizer = Summarizer(sentences=2, order="score")
    assert list(summarize_many(DOCUMENTS, summarizer=summarizer, jobs=jobs)) == [summarizer(t) for t in DOCUMENTS]


def test_summarize_many_defaults() -> None:
    assert list(summarize_many(TEXTS[:2], jobs=1)) == [summarize.summarize(text) for text in TEXTS[:2]]


def test_summarize_many_reads_its_input_lazily() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for text in itertools.cycle(TEXTS):
            consumed += 1
            yield text

    summaries = summarize_many(endless(), jobs=2)
    first = list(itertools.islice(summaries, 5))
    summaries.close()  # stops the workers
    assert first == [summarize.summarize(text) for text in TEXTS]
    # A bounded number of chunks ahead: so many tasks per worker, so many documents per task.
    assert consumed <= 2 * workers._TASKS_PER_WORKER * workers._CHUNK + workers._CHUNK


def test_chunks_grow_to_a_count_and_end_when_their_texts_are_long() -> None:
    short, long = "a" * 10, "b" * workers._CHUNK_CHARACTERS
    items = [short] * 40 + [long, short, long, long]
    chunks = list(workers.chunked(items, 16))
    assert [len(chunk) for chunk in chunks] == [1, 2, 4, 8, 16, 10, 2, 1]
    assert list(itertools.chain.from_iterable(chunks)) == items
    documents = [Record(id=1, text=short), Record(id=2, text=long), Record(id=3, error="no text")]
    assert [len(chunk) for chunk in workers.chunked(documents * 2, 16)] == [1, 1, 3, 1]


def test_summarize_many_raises_where_a_text_is_not_a_string() -> None:
    summaries = summarize_many(["Cats purr. Dogs bark.", 42, "Rain fell."], jobs=2)  # type: ignore[list-item]
    with pytest.raises(InvalidParameterError, match=r"The 'text' parameter must be a str\. Got 42 instead\."):
        list(summaries)


def test_summarize_many_with_a_picklable_analyzer_on_workers() -> None:
    summarizer = Summarizer(sentences=1, analyzer=words)
    assert list(summarize_many(DOCUMENTS[:10], summarizer=summarizer, jobs=2)) == [
        summarizer(t) for t in DOCUMENTS[:10]
    ]


def test_summarize_many_refuses_an_analyzer_workers_cannot_receive() -> None:
    summarizer = Summarizer(analyzer=lambda sentence: sentence.split())
    with pytest.raises(InvalidParameterError, match="The 'summarizer' parameter must be picklable"):
        list(summarize_many(TEXTS, summarizer=summarizer, jobs=2))
    assert len(list(summarize_many(TEXTS, summarizer=summarizer, jobs=1))) == len(TEXTS)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"jobs": 0}, "The 'jobs' parameter must be an int >= 1 or None. Got 0 instead."),
        ({"jobs": "2"}, "The 'jobs' parameter must be an int >= 1 or None. Got '2' instead."),
        ({"jobs": True}, "The 'jobs' parameter must be an int >= 1 or None. Got True instead."),
        ({"summarizer": {"sentences": 2}}, "The 'summarizer' parameter must be a summarize.Summarizer or None."),
    ],
)
def test_summarize_many_checks_its_options_at_once(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=re.escape(message)):
        summarize_many(TEXTS, **options)  # type: ignore[arg-type]


def test_a_dead_worker_is_a_worker_error() -> None:
    texts = ["Cats purr. Dogs bark.", "A POISON sentence. Another one."]
    with pytest.raises(WorkerError, match="a worker failed"):
        list(summarize_many(texts, summarizer=Summarizer(analyzer=crash_on_poison), jobs=2))


def test_errors_survive_the_trip_from_a_worker_process() -> None:
    convergence = pickle.loads(pickle.dumps(ConvergenceError(7)))
    assert (convergence.max_iter, str(convergence)) == (7, str(ConvergenceError(7)))
    field = pickle.loads(pickle.dumps(FieldError("no 'body' field", parameter="text_field", field="body")))
    assert (str(field), field.parameter, field.field) == ("no 'body' field", "text_field", "body")


# summarize_records -------------------------------------------------------------------


RECORDS: list[object] = [
    {"id": "a", "text": TEXTS[0]},
    {"id": "b"},
    {"id": "c", "text": "   "},
    {"id": "d", "text": 12},
    ["not", "a", "record"],
    {"text": TEXTS[2]},
    {"id": "e", "text": TEXTS[3]},
]


def expected_records(summarizer: Summarizer) -> list[dict[str, object]]:
    return [
        expected_record("a", TEXTS[0], summarizer),
        {"id": "b", "error": "no 'text' field"},
        {"id": "c", "error": "empty text, nothing to summarise"},
        {"id": "d", "error": "the 'text' field is not a string (got a number)"},
        {"id": None, "error": "not an object with fields (got a list)"},
        expected_record(None, TEXTS[2], summarizer),
        expected_record("e", TEXTS[3], summarizer),
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_summarize_records(jobs: int) -> None:
    summarizer = Summarizer(words=15)
    assert list(summarize_records(RECORDS, summarizer=summarizer, jobs=jobs)) == expected_records(summarizer)


def test_summarize_records_with_named_fields() -> None:
    records = [{"url": "u1", "body": TEXTS[1]}]
    result = list(summarize_records(records, text_field="body", id_field="url", jobs=1))
    assert result == [expected_record("u1", TEXTS[1], Summarizer())]


def test_summary_records_are_json() -> None:
    record = next(summarize_records([{"id": 1, "text": TEXTS[1]}], jobs=1))
    assert json.loads(json.dumps(record)) == record
    summary = record["summary"]
    assert isinstance(summary, list)
    assert [set(sentence) for sentence in summary] == [{"index", "rank", "score", "text", "start", "end"}] * 3


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"text_field": ""}, "The 'text_field' parameter must be the name of the field"),
        ({"id_field": 3}, "The 'id_field' parameter must be the name of the field"),
    ],
)
def test_summarize_records_checks_field_names(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        summarize_records(RECORDS, **options)  # type: ignore[arg-type]


# summarize_corpus ----------------------------------------------------------------------


def write_corpus(path: Path, records: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def read_records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_summarize_corpus(tmp_path: Path, jobs: int) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", RECORDS)
    output = tmp_path / "out.jsonl"
    summarizer = Summarizer(words=15)
    report = summarize_corpus(corpus, output=output, summarizer=summarizer, jobs=jobs)
    assert report == BatchReport(summarised=3, failed=4, skipped=0, output=str(output))
    expected = expected_records(summarizer)
    expected[4]["id"] = 5  # without an id: the line number
    expected[5]["id"] = 6
    assert read_records(output) == expected
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus.jsonl", "out.jsonl"]


def test_summarize_corpus_resumes(tmp_path: Path) -> None:
    records = [{"id": n, "text": text} for n, text in enumerate(DOCUMENTS)]
    corpus = write_corpus(tmp_path / "corpus.jsonl", records)
    complete = tmp_path / "complete.jsonl"
    summarize_corpus(corpus, output=complete, jobs=1)
    resumed = tmp_path / "resumed.jsonl"
    lines = complete.read_bytes().splitlines(keepends=True)
    partial_path(resumed).write_bytes(b"".join(lines[:11]) + lines[11][:40])  # killed while writing line 12
    report = summarize_corpus(corpus, output=resumed, jobs=2, resume=True)
    assert (report.summarised, report.skipped) == (len(DOCUMENTS) - 11, 11)
    assert resumed.read_bytes() == complete.read_bytes()
    again = summarize_corpus(corpus, output=resumed, jobs=1, resume=True)
    assert (again.summarised, again.skipped) == (0, len(DOCUMENTS))
    assert resumed.read_bytes() == complete.read_bytes()


def test_summarize_corpus_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", RECORDS[:1])
    report = summarize_corpus(corpus, jobs=1)
    assert report.output == "<stdout>"
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == expected_records(Summarizer())[:1]


def test_a_corpus_that_cannot_be_read_leaves_no_output(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        summarize_corpus(tmp_path / "missing.jsonl", output=tmp_path / "out.jsonl")
    corpus = write_corpus(tmp_path / "corpus.jsonl", RECORDS)
    with pytest.raises(FieldError, match="no 'body' field"):
        summarize_corpus(corpus, output=tmp_path / "out.jsonl", text_field="body")
    assert [path.name for path in tmp_path.iterdir()] == ["corpus.jsonl"]


def test_a_worker_dying_mid_run_keeps_the_finished_records(tmp_path: Path) -> None:
    texts = [*DOCUMENTS[:20], "A POISON sentence. Another one.", *DOCUMENTS[20:]]
    corpus = write_corpus(tmp_path / "corpus.jsonl", [{"id": n, "text": text} for n, text in enumerate(texts)])
    output = tmp_path / "out.jsonl"
    with pytest.raises(WorkerError, match="a worker failed"):
        summarize_corpus(corpus, output=output, summarizer=Summarizer(analyzer=crash_on_poison), jobs=2)
    assert not output.exists()
    partial = partial_path(output)
    kept = read_records(partial) if partial.exists() else []
    assert [record["id"] for record in kept] == list(range(len(kept)))
    assert len(kept) <= 20


def test_the_output_cannot_be_the_corpus(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", RECORDS)
    with pytest.raises(InvalidParameterError, match="The 'output' parameter must be another file than the corpus"):
        summarize_corpus(corpus, output=tmp_path / "." / "corpus.jsonl")
    assert read_records(corpus) == RECORDS


def test_jobs_and_scheduler_are_exclusive(tmp_path: Path) -> None:
    with pytest.raises(InvalidParameterError, match="The 'jobs' and 'scheduler' parameters are mutually exclusive"):
        summarize_corpus(tmp_path / "corpus.jsonl", jobs=2, scheduler="tcp://127.0.0.1:8786")


def test_progress_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    corpus = write_corpus(tmp_path / "corpus.jsonl", RECORDS)
    summarize_corpus(corpus, output=tmp_path / "out.jsonl", jobs=1, progress=True)
    err = capsys.readouterr().err
    assert "7/7" in err
    assert "doc/s" in err


def test_progress_line_without_tqdm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if tqdm were not installed
    corpus = write_corpus(tmp_path / "corpus.jsonl", RECORDS)
    summarize_corpus(corpus, output=tmp_path / "out.jsonl", jobs=1, progress=True)
    err = capsys.readouterr().err
    assert err.startswith("\r")
    assert err.endswith("\n")
    assert "7/7 docs" in err.rsplit("\r", 1)[-1]


def test_no_progress_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", RECORDS)
    summarize_corpus(corpus, output=tmp_path / "out.jsonl", jobs=1)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("combine", [False, True])
def test_resume_must_be_a_bool_with_or_without_combine(tmp_path: Path, combine: bool) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "Gears turn. Sprockets turn them."}\n', encoding="utf-8")
    with pytest.raises(InvalidParameterError, match=r"The 'resume' parameter must be a bool\. Got 'yes'"):
        summarize_corpus(corpus, output=tmp_path / "out.jsonl", resume="yes", combine=combine, jobs=1)  # type: ignore[arg-type]
    assert not (tmp_path / "out.jsonl").exists()
