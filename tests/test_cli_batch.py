"""``summarize batch``: in-process through main(argv), and killed half way in a real subprocess."""

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import summarize
from summarize import Summarizer
from summarize.cli import main
from summarize.io.output import partial_path
from summarize.io.records import sentence_record

TEXTS = [
    "Cats purr. Cats and dogs play. Dogs bark. Dogs and cats sleep.",
    "The council approved the park. The park opens in May. Residents asked the council for a park.",
    "Rain fell. Rain and wind came at night. Wind blew. The night was cold.",
]
RECORDS: list[object] = [
    {"id": "a", "text": TEXTS[0]},
    {"id": "b", "body": TEXTS[1]},
    {"id": "c", "text": TEXTS[2]},
    {"id": "d", "text": ""},
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write_corpus(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def read_records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary(text: str, **options: object) -> list[dict[str, object]]:
    return [sentence_record(sentence) for sentence in Summarizer(**options)(text)]  # type: ignore[arg-type]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl", RECORDS)


def test_json_lines_corpus(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.jsonl"
    status, out, err = run(["batch", str(corpus), "-o", str(output), "--jobs", "2"], capsys)
    assert (status, out) == (1, "")
    assert err == 'summarize: 2 summarised, 2 failed (see their "error" field)\n'
    assert read_records(output) == [
        {"id": "a", "summary": summary(TEXTS[0])},
        {"id": "b", "error": "no 'text' field"},
        {"id": "c", "summary": summary(TEXTS[2])},
        {"id": "d", "error": "empty text, nothing to summarise"},
    ]


def test_summary_options_apply(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv, options in [
        (["-n", "1", "--order", "score"], {"sentences": 1, "order": "score"}),
        (["--ratio", "0.5"], {"ratio": 0.5}),
        (["--words", "8", "--ranker", summarize.DEFAULT_RANKER], {"words": 8}),
    ]:
        output = tmp_path / "out.jsonl"
        status, _, _ = run(["batch", str(corpus), "-o", str(output), "-j", "1", *argv], capsys)
        assert status == 1
        assert read_records(output)[0] == {"id": "a", "summary": summary(TEXTS[0], **options)}


def test_all_summarised_exits_0_and_writes_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_corpus(tmp_path / "c.jsonl", [{"text": TEXTS[0]}, {"text": TEXTS[1]}])
    status, out, err = run(["batch", str(path), "-j", "1"], capsys)
    assert (status, err) == (0, "summarize: 2 summarised, 0 failed\n")
    assert [json.loads(line) for line in out.splitlines()] == [
        {"id": 1, "summary": summary(TEXTS[0])},
        {"id": 2, "summary": summary(TEXTS[1])},
    ]


def test_folder_of_text_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    (folder / "2024").mkdir(parents=True)
    (folder / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    (folder / "2024" / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    output = tmp_path / "out.jsonl"
    status, _, err = run(["batch", str(folder), "-o", str(output)], capsys)
    assert (status, err) == (0, "summarize: 2 summarised, 0 failed\n")
    assert read_records(output) == [
        {"id": "2024/a.txt", "summary": summary(TEXTS[0])},
        {"id": "b.txt", "summary": summary(TEXTS[1])},
    ]


def test_csv_with_named_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'url,body\nhttp://a,"{TEXTS[0]}"\nhttp://b,"{TEXTS[2]}"\n', encoding="utf-8")
    output = tmp_path / "out.jsonl"
    status, _, _ = run(["batch", str(path), "--text-field", "body", "--id-field", "url", "-o", str(output)], capsys)
    assert status == 0
    assert read_records(output) == [
        {"id": "http://a", "summary": summary(TEXTS[0])},
        {"id": "http://b", "summary": summary(TEXTS[2])},
    ]


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps({"id": 9, "text": TEXTS[2]}).encode())))
    status, out, _ = run(["batch", "-", "-j", "1"], capsys)
    assert status == 0
    assert json.loads(out) == {"id": 9, "summary": summary(TEXTS[2])}


def test_resume_of_a_complete_run_changes_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.jsonl"
    run(["batch", str(corpus), "-o", str(output), "-j", "1"], capsys)
    before = output.read_bytes()
    status, _, err = run(["batch", str(corpus), "-o", str(output), "-j", "1", "--resume"], capsys)
    assert (status, err) == (0, f"summarize: 0 summarised, 0 failed, 4 skipped (already in {output})\n")
    assert output.read_bytes() == before


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_file_named_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("batch").write_text(TEXTS[0], encoding="utf-8")
    status, out, _ = run(["-n", "1", "./batch"], capsys)
    assert (status, out) == (0, summarize.summarize(TEXTS[0], sentences=1)[0].text + "\n")
    monkeypatch.setattr(sys, "stdin", _Terminal(io.BytesIO(b"")))
    status, _, err = run(["batch"], capsys)
    assert status == 2
    assert "no CORPUS given" in err


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["batch", "--help"], capsys)
    assert status == 0
    assert out.startswith("usage: summarize batch")
    for option in ("--output", "--resume", "--text-field", "--id-field", "--jobs", "--scheduler", "--progress"):
        assert option in out
    for option in ("--sentences", "--ratio", "--words", "--order", "--ranker", "--encoding"):
        assert option in out
    _, out, _ = run(["--help"], capsys)
    assert "summarize batch" in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_when_standard_error_is_a_terminal(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for argv, shown in [([], True), (["--no-progress"], False)]:
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        main(["batch", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "1", *argv])
        assert ("4/4" in terminal.getvalue()) is shown


def test_progress_option(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(["batch", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "1", "--progress"], capsys)
    assert "4/4" in err
    _, _, err = run(["batch", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "1"], capsys)
    assert err.count("\n") == 1  # not a terminal: only the closing count


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["batch", "{tmp}/missing.jsonl", "-o", "{tmp}/out.jsonl"], 1, "{tmp}/missing.jsonl: no such file"),
        (
            ["batch", "{tmp}/empty", "-o", "{tmp}/out.jsonl"],
            1,
            "{tmp}/empty: no .txt, .pdf or .docx files in this folder",
        ),
        (
            ["batch", "{tmp}/corpus.jsonl", "--text-field", "content", "-o", "{tmp}/out.jsonl"],
            2,
            "{tmp}/corpus.jsonl: the first record has no 'content' field (its fields: 'id', 'text'); "
            "name the field with --text-field",
        ),
        (
            ["batch", "{tmp}/headless.csv", "-o", "{tmp}/out.jsonl"],
            1,
            "{tmp}/headless.csv: the first row is not a header",
        ),
        (["batch", "{tmp}/corpus.jsonl", "-o", "{tmp}/no/such/folder/out.jsonl"], 1, "cannot be written"),
        (
            ["batch", "{tmp}/corpus.jsonl", "-o", "{tmp}/out.jsonl", "--scheduler", "tcp://127.0.0.1:{port}"],
            1,
            "cannot reach the Dask scheduler at tcp://127.0.0.1:{port}",
        ),
        (["batch", "{tmp}/corpus.jsonl", "-o", "{tmp}/out.jsonl", "--scheduler", "nowhere"], 2, "'scheduler'"),
    ],
)
def test_bad_input_is_one_error_line_and_leaves_no_output(
    argv: list[str], status: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")  # its configuration defaults first, then the short timeout
    dask_config = pytest.importorskip("dask.config")
    write_corpus(tmp_path / "corpus.jsonl", [{"id": 1, "text": TEXTS[0]}])
    (tmp_path / "headless.csv").write_text(f"1,{TEXTS[0]}\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    before = sorted(tmp_path.iterdir())
    port = str(free_port())
    with dask_config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = run([part.format(tmp=tmp_path, port=port) for part in argv], capsys)
    assert result[:2] == (status, "")
    err = result[2]
    assert err.startswith("summarize: error: ")
    assert message.format(tmp=tmp_path, port=port) in err
    assert err.count("\n") == 1
    assert sorted(tmp_path.iterdir()) == before  # no output, no .part


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--resume"], "--resume needs an output file (-o FILE)"),
        (["-j", "0"], "argument -j/--jobs: must be a whole number from 1 to 1,000,000,000, got '0'"),
        (["-j", "2", "--scheduler", "tcp://h:1"], "argument --scheduler: not allowed with argument -j/--jobs"),
        (["-n", "2", "--ratio", "0.5"], "not allowed with argument"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], message: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["batch", str(corpus), *argv], capsys)
    assert (status, out) == (2, "")
    assert message in err


def test_field_options_do_not_apply_to_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["batch", str(tmp_path), "--text-field", "body"], capsys)
    assert status == 2
    assert "--text-field and --id-field are for JSON Lines and CSV files" in err


# A real run, stopped half way -----------------------------------------------------------


def start_batch(output: Path, *options: str) -> subprocess.Popen[bytes]:
    """``python -m summarize batch -`` in its own process group, fed through a pipe."""
    return subprocess.Popen(
        [sys.executable, "-m", "summarize", "batch", "-", "-o", str(output), *options],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while not (path.exists() and path.read_bytes().count(b"\n") >= count):
        assert process.poll() is None, "the run ended early"
        assert time.monotonic() < deadline, f"{path} did not reach {count} lines"
        time.sleep(0.05)


def corpus_lines(count: int) -> Iterator[bytes]:
    for number in range(count):
        text = f"{TEXTS[number % 3]} Record {number} is here. It has its own words {number}."
        yield (json.dumps({"id": f"r{number}", "text": text}) + "\n").encode()


def check_stopped_run(output: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every kept line is a whole record; --resume completes the run into what an uninterrupted run writes."""
    assert not output.exists()
    kept = partial_path(output).read_bytes()
    assert kept.endswith(b"\n")
    records = [json.loads(line) for line in kept.splitlines()]
    assert [record["id"] for record in records] == [f"r{n}" for n in range(len(records))]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"".join(corpus_lines(60)))
    status, _, err = run(["batch", str(corpus), "-o", str(output), "-j", "1", "--resume"], capsys)
    assert status == 0
    assert err == f"summarize: {60 - len(records)} summarised, 0 failed, {len(records)} skipped (already in {output})\n"
    uninterrupted = tmp_path / "uninterrupted.jsonl"
    assert run(["batch", str(corpus), "-o", str(uninterrupted), "-j", "1"], capsys)[0] == 0
    assert output.read_bytes() == uninterrupted.read_bytes()


def test_killed_half_way_keeps_whole_records_and_resume_completes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    psutil = pytest.importorskip("psutil")
    output = tmp_path / "out.jsonl"
    process = start_batch(output, "--jobs", "2")
    try:
        assert process.stdin is not None
        process.stdin.writelines(corpus_lines(40))  # the rest of the corpus never comes
        process.stdin.flush()
        # Records are written while the input is still open: streamed, flushed one by one.
        wait_for_lines(partial_path(output), 16, process)
        helpers = psutil.Process(process.pid).children(recursive=True)
        assert len(helpers) >= 2  # the worker processes (and the fork server)
        process.kill()  # the main process only, with no chance to clean up
        process.wait()
        # Its workers notice and end by themselves.
        _, alive = psutil.wait_procs(helpers, timeout=60)
        assert alive == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert process.stdin is not None
        process.stdin.close()
        assert process.stderr is not None
        process.stderr.close()
    check_stopped_run(output, tmp_path, capsys)


def test_interrupted_run_says_how_to_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.jsonl"
    process = start_batch(output, "--jobs", "2")
    assert process.stdin is not None
    process.stdin.writelines(corpus_lines(40))
    process.stdin.flush()
    wait_for_lines(partial_path(output), 8, process)
    process.send_signal(signal.SIGINT)  # Ctrl-C
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode().splitlines() == [
        "summarize: interrupted",
        f"summarize: the finished records are kept in {partial_path(output)}; "
        "run the same command with --resume to complete it",
    ]
    check_stopped_run(output, tmp_path, capsys)


def test_batch_with_language_auto_says_which(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "en", "text": "The council met on Monday. It approved the park. Residents were pleased."},
        {
            "id": "fr",
            "text": "Le conseil a voté lundi. Il a approuvé le parc. Les habitants sont contents.",
        },
    ]
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    status = main(["batch", str(corpus), "--jobs", "1", "--language", "auto", "-n", "1"])
    out = capsys.readouterr().out
    assert status == 0
    english, french = map(json.loads, out.splitlines())
    assert list(english) == ["id", "language", "summary"]
    assert (english["language"], french["language"]) == ("english", "french")


def test_a_second_run_on_the_same_output_is_one_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarize.io.output import open_output

    output = tmp_path / "out.jsonl"
    first = open_output(output)  # a run writing it now
    try:
        status, out, err = run(["batch", str(corpus), "-o", str(output), "-j", "1"], capsys)
    finally:
        first.abandon()
    assert (status, out) == (1, "")
    assert err == (
        f"summarize: error: {output}: another run is writing this output now ({partial_path(output)} is locked); "
        "wait for it to finish, or write to another file\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("notes.txt", b"Cats purr.\nDogs bark.\n" * 20, "a text file"),
        ("notes.md", b"# Notes\n\nCats purr. Dogs bark.\n", "a Markdown file"),
        ("notes.rest", b"Notes\n=====\n\nCats purr. Dogs bark.\n", "a reStructuredText file"),
        ("page.html", b"<html><body><p>Cats purr.</p></body></html>", "an HTML page"),
        ("report.pdf", b"%PDF-1.7\n", "a PDF file"),
        ("report.dat", b"%PDF-1.7\n", "a PDF file"),
        ("memo.docx", b"PK\x03\x04", "a Word (DOCX) file"),
    ],
)
def test_one_document_is_not_a_corpus(
    name: str, content: bytes, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``summarize batch notes.txt`` says what batch reads, instead of 170 invalid JSON records."""
    path = tmp_path / name
    path.write_bytes(content)
    status, out, err = run(["batch", str(path), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert (status, out) == (2, "")
    assert err.splitlines()[0] == (
        f"summarize: error: {path} is {kind}, one document: a CORPUS is JSON Lines "
        f'(a {{"text": ...}} object per line), a .csv file or a folder of documents; '
        f"summarise one file with: summarize {path}"
    )
    assert not (tmp_path / "out.jsonl").exists()


def test_json_lines_in_a_text_file_are_still_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("".join(json.dumps({"id": n, "text": text}) + "\n" for n, text in enumerate(TEXTS)))
    status, out, _ = run(["batch", str(corpus), "--jobs", "1"], capsys)
    assert status == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == list(range(len(TEXTS)))


MANUAL_TEXT = """INSTALLATION

The package is installed with the usual tools of the system and needs no other program
to run on a machine without a network connection.

USAGE

Run the tool on a file to read its best sentences, or give it a folder of files to read
every one of them in turn and write the results as lines of JSON.

LICENCE

The program is free software that anyone may share and change under the terms of its
licence, which comes with every copy of the program.
"""


def test_a_folder_of_documents_with_structure_is_read_as_the_command_reads_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.documents import write_docx

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "manual.txt").write_text(MANUAL_TEXT, encoding="utf-8")
    write_docx(folder / "report.docx")
    output = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(output), "-n", "2", "--jobs", "1"]) == 0
    records = {record["id"]: record for record in map(json.loads, output.read_text(encoding="utf-8").splitlines())}
    for name in ("manual.txt", "report.docx"):
        assert main(["--format", "json", "-n", "2", str(folder / name)]) == 0
        alone = json.loads(capsys.readouterr().out)
        assert records[name]["summary"] == alone["sentences"]  # kinds and sections included
        assert {sentence["kind"] for sentence in alone["sentences"]} == {"paragraph"}
    sections = {tuple(sentence["section"]) for sentence in records["manual.txt"]["summary"]}
    assert sections <= {("INSTALLATION",), ("USAGE",), ("LICENCE",)}
