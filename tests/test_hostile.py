"""Hostile corpora and outputs: deep nesting, ids that are not JSON, pipes and devices, two runs at once."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from summarize.batch import summarize_corpus
from summarize.errors import InvalidParameterError, OutputBusyError, OutputError
from summarize.io.corpus import open_corpus
from summarize.io.output import open_output, partial_path

from .conftest import NEWS


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_deep_nesting_is_an_error_record_and_the_run_goes_on(tmp_path: Path, jobs: int) -> None:
    corpus = tmp_path / "corpus.jsonl"
    deep = "[" * 2_000 + "]" * 2_000
    middling = "[" * 500 + "]" * 500  # parses, but would be pickled for a worker and written out
    corpus.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": NEWS}),
                '{"id": "b", "text": "x", "more": ' + deep + "}",
                '{"id": ' + middling + ', "text": "x"}',
                json.dumps({"id": "c", "text": NEWS}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.jsonl"
    report = summarize_corpus(corpus, output=output, jobs=jobs)
    records = _lines(output)
    assert [record["id"] for record in records] == ["a", 2, 3, "c"]
    assert records[1]["error"] == "invalid record: its JSON is nested too deeply"
    assert records[2]["error"] == "the id is nested more than 100 levels deep"
    assert (report.summarised, report.failed) == (2, 2)


def test_ids_that_are_not_json_numbers_are_kept_as_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        f'{{"id": 1e400, "text": "{NEWS}"}}\n{{"id": NaN, "text": "{NEWS}"}}\n{{"id": -Infinity, "text": "x"}}\n',
        encoding="utf-8",
    )
    with open_corpus(corpus) as documents:
        assert [document.id for document in documents] == ["1e400", "NaN", "-Infinity"]
    output = tmp_path / "out.jsonl"
    summarize_corpus(corpus, output=output, jobs=1)
    assert "Infinity," not in output.read_text(encoding="utf-8").replace('"-Infinity"', "")
    assert [record["id"] for record in _lines(output)] == ["1e400", "NaN", "-Infinity"]


def test_a_second_run_on_the_same_output_stops(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    first = open_output(output)
    try:
        first.write({"id": 1, "summary": []})
        with pytest.raises(OutputBusyError, match=r"out\.jsonl: another run is writing this output now"):
            open_output(output)
        with pytest.raises(OutputError, match="another run is writing"):
            open_output(output, resume=True)
        first.write({"id": 2, "summary": []})
    finally:
        first.commit()
    assert [record["id"] for record in _lines(output)] == [1, 2]


def test_a_new_run_over_a_stopped_one_starts_afresh(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    partial_path(output).write_bytes(b'{"id": "old", "summary": []}\n' * 10)
    out = open_output(output)
    out.write({"id": "new", "summary": []})
    out.commit()
    assert output.read_bytes() == b'{"id": "new", "summary": []}\n'


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_written_in_place_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        out = open_output(fifo)
        out.write({"id": 1, "summary": []})
        out.commit()
        assert os.read(reader, 1000) == b'{"id": 1, "summary": []}\n'
    finally:
        os.close(reader)
    assert fifo.is_fifo()
    assert not partial_path(fifo).exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_is_written_in_place_and_cannot_be_resumed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": 1, "text": NEWS}) + "\n", encoding="utf-8")
    report = summarize_corpus(corpus, output="/dev/null", jobs=1)
    assert report.summarised == 1
    assert Path("/dev/null").is_char_device()
    with pytest.raises(
        InvalidParameterError, match=r"The 'resume' parameter must be False when the output is not a regular"
    ):
        open_output("/dev/null", resume=True)


@pytest.mark.skipif(not Path("/dev/full").exists() or sys.platform != "linux", reason="no /dev/full")
def test_a_full_device_is_an_output_error() -> None:
    out = open_output("/dev/full")
    with pytest.raises(OutputError, match=r"/dev/full: cannot be written \(No space left on device\)"):
        out.write({"id": 1, "summary": []})
    out.abandon()
    assert Path("/dev/full").is_char_device()


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM")
def test_sigterm_keeps_the_finished_records_and_says_how_to_resume(tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as stream:
        for number in range(3000):
            stream.write(json.dumps({"id": number, "text": (NEWS + " ") * 40}) + "\n")
    output = tmp_path / "out.jsonl"
    root = Path(__file__).resolve().parent.parent
    environment = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "summarize", "batch", str(corpus), "-o", str(output), "-j", "2"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, env=environment, cwd=tmp_path)
    partial = partial_path(output)
    try:
        for _ in range(600):  # until the first records are written (at most a minute)
            if (partial.exists() and partial.stat().st_size) or run.poll() is not None:
                break
            time.sleep(0.1)
    finally:
        run.send_signal(signal.SIGTERM)
    _, errors = run.communicate(timeout=60)
    message = errors.decode()
    assert run.returncode == 130
    assert "run the same command with --resume to complete it" in message
    assert "leaked" not in message
    assert _lines(partial)


@pytest.mark.skipif(not Path("/dev/stdout").is_symlink(), reason="no /dev/stdout link")
def test_dev_stdout_redirected_to_a_file_is_written_in_place(tmp_path: Path) -> None:
    import subprocess

    written = tmp_path / "redirected.jsonl"
    code = (
        "from summarize.io.output import open_output\n"
        "out = open_output('/dev/stdout')\nout.write({'id': 1})\nout.commit()"
    )
    root = Path(__file__).resolve().parent.parent
    with written.open("wb") as stream:
        subprocess.run(
            [sys.executable, "-c", code], stdout=stream, env={**os.environ, "PYTHONPATH": str(root)}, check=True
        )
    assert written.read_bytes() == b'{"id": 1}\n'
    assert Path("/dev/stdout").is_symlink()
    assert not Path("/dev/stdout.part").exists()
