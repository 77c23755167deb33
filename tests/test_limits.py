"""Reading a hostile PDF in a child process with limits: one error naming the file, never a crash."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from summarize import ReadLimitError
from summarize.batch import summarize_corpus
from summarize.errors import InputError, InvalidParameterError
from summarize.io.documents import load_document, read_document
from summarize.io.limits import ReadLimits, extract_isolated

from .conftest import NEWS
from .hostile import inflating_pdf, nested_forms_pdf

# 32 MiB of content, compressed twice: 0.2 s to build, more than a 64 MiB process can inflate.
_SMALL_CAP = ReadLimits(memory=2**26)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return inflating_pdf(2**25)


def test_a_bomb_past_the_memory_limit_is_one_error_naming_the_file(bomb: bytes) -> None:
    with pytest.raises(ReadLimitError, match=r"^bomb\.pdf: .*memory limit of 64 MiB") as caught:
        read_document(io.BytesIO(bomb), name="bomb.pdf", limits=_SMALL_CAP)
    assert caught.value.limit in ("memory", "crash")
    assert isinstance(caught.value, InputError)


def test_the_same_file_within_the_limit_is_read() -> None:
    document = read_document(io.BytesIO(inflating_pdf(2**20)), limits=_SMALL_CAP)
    assert document.text == "A page that inflates."


def test_a_reader_past_the_time_limit_is_killed() -> None:
    forms = nested_forms_pdf(levels=12)  # 10**12 texts to draw
    with pytest.raises(ReadLimitError, match=r"^forms\.pdf: reading the PDF file took more than 0\.5 s") as caught:
        read_document(io.BytesIO(forms), name="forms.pdf", limits=ReadLimits(seconds=0.5, memory=2**30))
    assert caught.value.limit == "time"


def test_errors_of_the_reader_keep_their_message() -> None:
    with pytest.raises(InputError, match=r"^x\.pdf: not a valid PDF file"):
        extract_isolated("pdf", b"%PDF-1.7 garbage", name="x.pdf", limits=ReadLimits())


def test_in_process_reading_gives_the_same_text() -> None:
    data = nested_forms_pdf(levels=1, copies=2)
    isolated = read_document(io.BytesIO(data))
    inside = read_document(io.BytesIO(data), limits=ReadLimits(isolated=False))
    assert isolated == inside
    assert "Hello world." in isolated.text


def test_progress_crosses_from_the_child() -> None:
    seen: list[tuple[int, int]] = []
    read_document(io.BytesIO(nested_forms_pdf(levels=1, copies=2)), progress=lambda *done: seen.append(done))
    assert seen == [(1, 1)]


@pytest.mark.parametrize(
    ("options", "parameter"),
    [
        ({"memory": 10}, "memory"),
        ({"seconds": 0}, "seconds"),
        ({"seconds": float("inf")}, "seconds"),
        ({"isolated": 1}, "isolated"),
    ],
)
def test_limits_are_checked(options: dict[str, object], parameter: str) -> None:
    with pytest.raises(InvalidParameterError, match=rf"^The '{parameter}' parameter must be"):
        ReadLimits(**options)  # type: ignore[arg-type]


def test_limits_must_be_read_limits(tmp_path: Path) -> None:
    with pytest.raises(
        InvalidParameterError, match=r"^The 'limits' parameter must be a summarize.io.limits.ReadLimits"
    ):
        load_document(tmp_path / "a.pdf", limits=2**30)  # type: ignore[arg-type]


def test_a_batch_over_a_folder_writes_an_error_record_and_goes_on(tmp_path: Path, bomb: bytes) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(NEWS, encoding="utf-8")
    (folder / "b.pdf").write_bytes(bomb)
    (folder / "c.txt").write_text(NEWS, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    report = summarize_corpus(folder, output=output, jobs=1, limits=_SMALL_CAP)
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == ["a.txt", "b.pdf", "c.txt"]
    assert "memory limit of 64 MiB" in records[1]["error"]
    assert all("summary" in records[index] for index in (0, 2))
    assert (report.summarised, report.failed) == (2, 1)


def test_a_folder_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folders = [folder]
    for _ in range(1_100):  # one at a time: mkdir(parents=True) itself recurses
        folders.append(folders[-1] / "d")
    for each in folders:
        each.mkdir()
    (folders[-1] / "a.txt").write_text(NEWS, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    try:
        summarize_corpus(folder, output=output, jobs=1)
        (record,) = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        assert record["id"] == "d/" * 1_100 + "a.txt"
    finally:  # pytest's own clean-up of old temporary folders recurses too
        (folders[-1] / "a.txt").unlink()
        for each in reversed(folders):
            each.rmdir()


def test_the_reader_is_kept_and_replaced_after_a_crash() -> None:
    from summarize.io import limits

    small = nested_forms_pdf(levels=1, copies=2)
    bomb = nested_forms_pdf(levels=12)  # reaches 128 MiB in a fraction of a second
    cap = ReadLimits(memory=2**27, seconds=5)
    read_document(io.BytesIO(small), limits=cap)
    first = limits._READERS[cap].child.pid
    read_document(io.BytesIO(small), limits=cap)
    assert limits._READERS[cap].child.pid == first  # one process for both
    with pytest.raises(ReadLimitError):
        read_document(io.BytesIO(bomb), limits=cap)
    assert cap not in limits._READERS  # the crashed one is gone
    assert "Hello world." in read_document(io.BytesIO(small), limits=cap).text
    assert limits._READERS[cap].child.pid != first


def test_the_time_limit_is_per_document() -> None:
    # The CPU time a kept reader has used is not counted against the next document.
    small = nested_forms_pdf(levels=1, copies=2)
    cap = ReadLimits(seconds=1)
    for _ in range(3):
        assert "Hello world." in read_document(io.BytesIO(small), limits=cap).text


def test_a_reader_that_cannot_start_is_one_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from summarize.io import limits

    # An empty package named summarize, first on the child's path (python -m looks in the
    # current folder first): the reader's module cannot be found, whether or not summarize
    # is installed in the environment.
    (tmp_path / "summarize").mkdir()
    (tmp_path / "summarize" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(limits, "_child_environment", lambda: {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)})
    with pytest.raises(InputError, match=r"^x\.pdf: the PDF file reader failed \(exit status 1: .*No module named"):
        extract_isolated("pdf", nested_forms_pdf(levels=1), name="x.pdf", limits=ReadLimits(seconds=7))
