"""One summary per group of records (``summarize batch --combine``): ids, worker processes, the output file."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import re
from pathlib import Path

import pytest

from summarize import InvalidParameterError, Summarizer
from summarize.batch.combine import Group, group_record, summarize_groups
from summarize.cli import main
from summarize.io.corpus import Record
from summarize.multidoc import DocumentsOptions, summarize_documents
from summarize.terms import analyzer

COUNCIL = "The council approved the new park on Monday. The park will open in May. Rain is expected."
RESIDENTS = "On Monday the council approved a new park. Residents had asked the council for a park."
PETS = "Cats purr. Dogs bark. Cats and dogs play."
RAIN = "Rain fell at night. Wind blew. Rain and wind came together."
TEXTRANK = Summarizer(sentences=2, ranker="textrank", redundancy=0.5)


def english_in_a_worker(sentence: str) -> list[str]:
    """A picklable analyzer that refuses to run in the main process: it proves the work ran in a worker."""
    if multiprocessing.parent_process() is None:
        raise RuntimeError("ran in the main process")
    return analyzer("english")(sentence)


def records(*ids: object) -> list[Record]:
    """Two records of group 1 (the park story) with these ids."""
    return [Record(id=ids[0], text=COUNCIL, group=1), Record(id=ids[1], text=RESIDENTS, group=1)]


@pytest.mark.parametrize(
    ("ids", "documents"),
    [
        ((7, 8), [7, 8]),  # numbers stay numbers
        (("a", "b"), ["a", "b"]),
        ((7, "7"), [7, "7"]),  # not the same JSON value
        ((["x"], {"k": 1}), [["x"], {"k": 1}]),  # any JSON value
        ((7, 7), [0, 1]),  # repeated: positions in the group
        ((None, "b"), [0, 1]),  # missing: positions
    ],
)
def test_each_record_keeps_its_id_as_given(ids: tuple[object, object], documents: list[object]) -> None:
    (record,) = summarize_groups(records(*ids), options=TEXTRANK, jobs=1)
    assert record["documents"] == documents
    assert [s["document"] for s in record["sentences"]] == [documents[0], documents[1]]  # type: ignore[attr-defined]


def test_a_group_record_is_the_summary_of_its_records() -> None:
    record = group_record(Group("park", tuple(records("a", "b"))), TEXTRANK)
    summary = summarize_documents([COUNCIL, RESIDENTS], ids=["a", "b"], sentences=2, ranker="textrank")
    assert record == {
        "group": "park",
        "documents": ["a", "b"],
        "language": "english",
        "languages": ["english", "english"],
        "sentences": [
            {"document": s.document, "index": s.index, "rank": s.rank, "score": s.score}
            | {"text": s.text, "start": s.start, "end": s.end}
            for s in summary
        ],
    }


def test_languages_of_a_group_detected_one_by_one() -> None:
    group = Group(1, (Record(id="de", text="Die Katze schläft im Haus."), Record(id="en", text=PETS)))
    record = group_record(group, Summarizer(language="auto", redundancy=0.5))
    assert (record["language"], record["languages"]) == (None, ["german", "english"])


def test_a_group_without_sentences_or_that_fails_is_an_error_record() -> None:
    assert group_record(Group(3, (Record(id="a", text="  "),)), TEXTRANK) == {
        "group": 3,
        "documents": ["a"],
        "error": "no sentence to summarise in any record",
    }
    failing = dataclasses.replace(TEXTRANK, analyzer=english_in_a_worker)  # raises in this process
    assert group_record(Group(4, tuple(records("a", "b"))), failing) == {
        "group": 4,
        "documents": ["a", "b"],
        "error": "internal error: RuntimeError: ran in the main process",
    }


def many_groups() -> list[Record]:
    texts = [COUNCIL, RESIDENTS, PETS, RAIN]
    return [
        Record(id=number, text=texts[number % 4] + f" Record {number} ends here.", group=number % 5)
        for number in range(20)
    ] + [Record(id="bad", error="invalid JSON")]


def test_groups_run_on_a_real_pool_of_worker_processes_in_order() -> None:
    in_workers = Summarizer(sentences=2, analyzer=english_in_a_worker, redundancy=0.5)
    parallel = list(summarize_groups(many_groups(), options=in_workers, jobs=2))
    assert parallel[0] == {"id": "bad", "error": "invalid JSON"}
    assert [record["group"] for record in parallel[1:]] == [0, 1, 2, 3, 4]
    assert not any("error" in record for record in parallel[1:])  # every group ran in a worker process
    here = list(summarize_groups(many_groups(), options=dataclasses.replace(in_workers, analyzer=None), jobs=1))
    assert parallel == here
    in_this_process = list(summarize_groups(many_groups(), options=in_workers, jobs=1))
    assert all("error" in record for record in in_this_process)  # the analyzer's check can fail


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"jobs": 0}, "The 'jobs' parameter must be an int >= 1 or None. Got 0 instead."),
        ({"options": {"sentences": 2}}, "The 'options' parameter must be a summarize.Summarizer"),
        ({"jobs": 2, "scheduler": "tcp://127.0.0.1:8786"}, "The 'jobs' and 'scheduler' parameters are mutually"),
        ({"scheduler": ""}, "The 'scheduler' parameter must be the address of a Dask scheduler"),
        (
            {"options": Summarizer(analyzer=lambda sentence: sentence.split()), "jobs": 2},
            "The 'options' parameter must be picklable to be sent to worker processes",
        ),
    ],
)
def test_summarize_groups_checks_its_arguments_at_once(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=re.escape(message)):
        summarize_groups(many_groups(), **arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"sentences": 0}, "'sentences' parameter must be an int in \\[1, 1000000000\\]"),
        ({"sentences": 2, "words": 9}, "mutually exclusive"),
        ({"ranker": "nope"}, "'ranker' parameter must be one of"),
        ({"diversity": 1.0}, r"'diversity' parameter must be a float in \[0, 1\)"),
        ({"language": "klingon"}, "'language' parameter"),
        ({"analyzer": "words"}, "'analyzer' parameter must be a callable"),
    ],
)
def test_options_are_checked_when_made(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        Summarizer(**arguments)  # type: ignore[arg-type]


def test_options_give_what_summarize_documents_gives() -> None:
    options = Summarizer(sentences=2, order="score", ranker="lexrank", redundancy=0.5)
    texts = [COUNCIL, RESIDENTS, PETS]
    assert options.summarize_documents(texts, ids=["a", "b", "c"]) == summarize_documents(
        texts, ids=["a", "b", "c"], sentences=2, order="score", ranker="lexrank"
    )


def test_documents_options_are_deprecated_and_still_summarise_documents() -> None:
    with pytest.warns(DeprecationWarning, match=r"DocumentsOptions is deprecated: use summarize.Summarizer"):
        options = DocumentsOptions(sentences=2, ranker="lexrank")
    assert options.redundancy == 0.5
    texts = [COUNCIL, RESIDENTS, PETS]
    assert options.summarize(texts) == summarize_documents(texts, sentences=2, ranker="lexrank")


# The command line -------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    lines = [
        {"id": 1, "story": "park", "text": COUNCIL},
        {"id": 2, "story": "park", "text": RESIDENTS},
        {"id": 3, "story": "pets", "text": PETS},
        {"id": 4, "story": "rain", "text": RAIN},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_batch_runner_summarises_records_or_groups(corpus: Path) -> None:
    from summarize.batch import BatchReport, summarize_corpus
    from summarize.batch.combine import CombineReport, combine_corpus

    options = Summarizer(sentences=2, ranker="textrank", redundancy=0.5)
    grouped = summarize_corpus(
        corpus, output="grouped.jsonl", summarizer=options, combine=True, group_field="story", jobs=1
    )
    alone = combine_corpus(corpus, output="alone.jsonl", options=options, group_field="story", jobs=1)
    assert Path("grouped.jsonl").read_bytes() == Path("alone.jsonl").read_bytes()
    assert isinstance(grouped, CombineReport)
    assert isinstance(alone, BatchReport)
    assert (grouped.summarised, grouped.groups, grouped.failed, grouped.failed_groups) == (3, 3, 0, 0)
    assert grouped.combined
    plain = summarize_corpus(corpus, output="plain.jsonl", summarizer=Summarizer(sentences=2), jobs=1)
    assert (plain.summarised, plain.failed, plain.combined) == (4, 0, False)
    assert [line["id"] for line in read_lines(Path("plain.jsonl"))] == [1, 2, 3, 4]
    with pytest.raises(InvalidParameterError, match="'group_field' parameter must be None unless combine=True"):
        summarize_corpus(corpus, output="x.jsonl", group_field="story")


def test_command_line_jobs_gives_the_same_file(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["batch", str(corpus), "--combine", "--group-field", "story", "-n", "2", "--ranker", "textrank"]
    assert main([*argv, "-o", "one.jsonl", "--jobs", "1"]) == 0
    assert main([*argv, "-o", "two.jsonl", "--jobs", "2"]) == 0
    assert "3 groups summarised, 0 records failed" in capsys.readouterr().err
    assert Path("one.jsonl").read_bytes() == Path("two.jsonl").read_bytes()
    first = read_lines(Path("two.jsonl"))[0]
    assert (first["group"], first["documents"], first["languages"]) == ("park", [1, 2], ["english", "english"])
    assert [(s["document"], s["index"]) for s in first["sentences"]] == [(1, 0), (2, 1)]  # type: ignore[attr-defined]
    assert not Path("two.jsonl.part").exists()


def test_command_line_output_is_replaced_only_when_complete_and_resumes(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarize.batch.combine as combine

    with corpus.open("a", encoding="utf-8") as lines:
        lines.write("not json\n")
    argv = ["batch", str(corpus), "--combine", "--group-field", "story", "--jobs", "1"]
    assert main([*argv, "-o", "whole.jsonl"]) == 1  # the line that is not JSON
    capsys.readouterr()
    Path("out.jsonl").write_text("the earlier run\n", encoding="utf-8")
    calls = []

    def second_group_stops(group: Group, options: Summarizer) -> dict[str, object]:
        calls.append(group.value)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return group_record(group, options)

    with monkeypatch.context() as patched:
        patched.setattr(combine, "group_record", second_group_stops)
        assert main([*argv, "-o", "out.jsonl"]) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err
    assert "run the same command with --resume" in err
    assert Path("out.jsonl").read_text(encoding="utf-8") == "the earlier run\n"  # untouched
    kept = read_lines(Path("out.jsonl.part"))
    assert [record.get("group", record.get("id")) for record in kept] == [5, "park"]  # the bad line, one group
    assert main([*argv, "-o", "out.jsonl", "--resume"]) == 0  # as plain batch: the failures of this run
    assert "2 groups summarised, 0 records failed, 2 skipped (already in out.jsonl)" in capsys.readouterr().err
    assert Path("out.jsonl").read_bytes() == Path("whole.jsonl").read_bytes()  # as if never stopped
    assert not Path("out.jsonl.part").exists()


def test_command_line_resumes_only_into_its_own_output(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("out.jsonl").write_text(json.dumps({"id": 1, "summary": []}) + "\n", encoding="utf-8")  # plain batch's
    assert main(["batch", str(corpus), "--combine", "-o", "out.jsonl", "--resume"]) == 1
    assert "line 1 is not a record written by summarize" in capsys.readouterr().err


def test_command_line_refuses_to_write_over_the_corpus(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = corpus.read_bytes()
    assert main(["batch", str(corpus), "--combine", "-o", str(corpus)]) == 2
    assert "is the corpus" in capsys.readouterr().err
    assert corpus.read_bytes() == before


def test_command_line_json_of_several_files_gives_each_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("de.txt").write_text("Die Katze schläft im Haus. Der Hund bellt im Garten.", encoding="utf-8")
    Path("en.txt").write_text(PETS, encoding="utf-8")
    assert main(["--combine", "de.txt", "en.txt", "--language", "auto", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["language"], record["languages"]) == (None, ["german", "english"])


def test_command_line_failed_groups_are_counted_and_progress_is_shown(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with corpus.open("a", encoding="utf-8") as lines:
        lines.write(json.dumps({"id": 5, "story": "blank", "text": " "}) + "\n")
    argv = ["batch", str(corpus), "--combine", "--group-field", "story", "-o", "out.jsonl", "--progress"]
    assert main([*argv, "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "3 groups summarised, 0 records failed, 1 group failed" in err
    assert "5/5" in err  # records done, of the records in the corpus
    assert read_lines(Path("out.jsonl"))[-1] == {
        "group": "blank",
        "documents": [5],
        "error": "no sentence to summarise in any record",
    }
