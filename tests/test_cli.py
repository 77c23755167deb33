"""The command line, run in-process through main(argv), plus one real subprocess."""

import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import summarize
from summarize.cli import main

from .conftest import SEED_PATH
from .webserver import ARTICLE_HTML, ARTICLE_PARAGRAPHS, ARTICLE_TITLE, BOILERPLATE, HOSTILE_TITLE

ARTICLE = (
    "The city council approved a new public park on Monday. "
    "The park will open next spring near the river. "
    "Council members said the park had been requested by residents for years. "
    "A bakery on Main Street is closing. "
    "Residents welcomed the council's decision on the park.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_seed_summary_is_three_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run([str(SEED_PATH)], capsys)
    expected = [" ".join(s.text.split()) for s in summarize.summarize(SEED_PATH.read_text(encoding="utf-8"))]
    assert (status, err) == (0, "")
    assert out.splitlines() == expected
    assert len(expected) == 3


def test_sentence_count_and_score_order(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["-n", "2", "--order", "score", str(article)], capsys)
    expected = summarize.summarize(ARTICLE, sentences=2, order="score")
    assert status == 0
    assert out.splitlines() == [s.text for s in expected]


def test_ratio_from_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    status, out, _ = run(["--ratio", "0.4", "-"], capsys)
    assert status == 0
    assert len(out.splitlines()) == 2


def test_word_budget(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--words", "12", str(article)], capsys)
    assert status == 0
    assert sum(len(line.split()) for line in out.splitlines()) <= 12


def test_json_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--format", "json", str(article)], capsys)
    record = json.loads(out)
    assert status == 0
    assert record["file"] == str(article)
    assert len(record["sentences"]) == 3
    for sentence in record["sentences"]:
        assert set(sentence) == {"index", "rank", "score", "text", "start", "end"}
        assert ARTICLE[sentence["start"] : sentence["end"]] == sentence["text"]


def test_several_files_get_headers(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["-n", "1", str(article), str(SEED_PATH)], capsys)
    assert status == 0
    assert out.startswith(f"==> {article} <==\n")
    assert f"\n\n==> {SEED_PATH} <==\n" in out


def test_bad_file_is_reported_and_others_still_summarised(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = run(["-n", "1", "--format", "json", str(missing), str(article)], capsys)
    assert status == 1
    assert err == f"summarize: error: {missing}: no such file\n"
    # One record per FILE, in order: the one that failed says why.
    failed, summarised = map(json.loads, out.splitlines())
    assert failed == {"file": str(missing), "error": "no such file"}
    assert summarised["file"] == str(article)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "is a directory"),
        (b"", "empty input, nothing to summarise"),
        (b" \n\n ", "empty input, nothing to summarise"),
        (b"\x7fELF\x02\x01\x00\x00", "looks like a binary file"),
        ("Café au lait.".encode("latin-1"), "not valid utf-8 text (byte 0xe9 at offset 3); name its encoding"),
    ],
)
def test_unreadable_input_is_one_error_line(
    content: bytes | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    status, out, err = run([str(path)], capsys)
    assert (status, out) == (1, "")
    assert err.startswith("summarize: error: ")
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_encoding_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café ouvre. Le café ferme.".encode("latin-1"))
    status, out, _ = run(["--encoding", "latin-1", "-n", "1", str(path)], capsys)
    assert (status, out) == (0, "Le café ouvre.\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-n", "0", "x"], "argument -n/--sentences: must be a whole number from 1 to 1,000,000,000, got '0'"),
        (["--ratio", "1.5", "x"], "argument -r/--ratio: must be a number in (0, 1], got '1.5'"),
        (["-n", "2", "--ratio", "0.5", "x"], "not allowed with argument"),
        (["--order", "random", "x"], "invalid choice: 'random'"),
        (["--encoding", "klingon", "x"], "unknown encoding 'klingon'"),
        (["--bogus", "x"], "unrecognized arguments: --bogus"),
        (["batch", "--resume", "x.jsonl"], "--resume needs an output file (-o FILE)"),
        (["keywords", "--window", "1", "x"], "argument --window: must be a whole number from 2 to 10, got '1'"),
        (["keywords", "--window", "x", "x"], "argument --window: must be a whole number from 2 to 10, got 'x'"),
        (["evaluate", "--half", "third", "x"], "argument --half: invalid choice: 'third'"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A usage error is one line, ``summarize: error: ...``, and a hint; not argparse's usage block."""
    status, out, err = run(argv, capsys)
    command = f"summarize {argv[0]}" if argv[0] in ("batch", "keywords", "evaluate") else "summarize"
    assert (status, out) == (2, "")
    first, hint = err.splitlines()
    assert first.startswith("summarize: error: ")
    assert message in first
    assert hint == f"Try '{command} --help' for more information."
    assert "usage:" not in err


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("command", [[], ["keywords"], ["batch"]])
def test_no_file_at_a_terminal_is_a_usage_error(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal(io.BytesIO(b"")))
    status, out, err = run(command, capsys)
    name = "CORPUS" if command == ["batch"] else "FILE"
    assert (status, out) == (2, "")
    assert err.splitlines()[0] == (
        f"summarize: error: no {name} given: name one, or pipe text into the command (- reads standard input)"
    )
    assert len(err.splitlines()) == 2


def test_piped_text_without_a_file_is_read() -> None:
    """``cat article.txt | summarize``: standard input, as ``-`` reads it (here a real pipe, in a subprocess)."""
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "-n", "1"],
        input=ARTICLE,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == summarize.summarize(ARTICLE, sentences=1)[0].text + "\n"
    keywords = subprocess.run(
        [sys.executable, "-m", "summarize", "keywords", "-n", "2"],
        input=ARTICLE,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert keywords.stdout.splitlines() == [k.text for k in summarize.keywords(ARTICLE, top=2)]


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--help"], capsys)
    assert status == 0
    for option in ("--sentences", "--ratio", "--words", "--order", "--format", "--encoding", "--ranker"):
        assert option in out
    for option in ("--input-format", "--timeout", "markdown", "html", "URL"):
        assert option in out
    status, out, _ = run(["--version"], capsys)
    assert (status, out) == (0, f"summarize {summarize.__version__}\n")


def test_python_dash_m_in_a_subprocess(article: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "-n", "1", str(article)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == summarize.summarize(ARTICLE, sentences=1)[0].text + "\n"
    help_result = subprocess.run(
        [sys.executable, "-m", "summarize", "--help"], capture_output=True, text=True, check=False, timeout=120
    )
    assert help_result.returncode == 0
    assert help_result.stdout.startswith("usage: summarize")
    # The exit status comes through the quick exit (a frozen garbage collector).
    missing = subprocess.run(
        [sys.executable, "-m", "summarize", str(article.with_name("missing.txt"))],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == f"summarize: error: {article.with_name('missing.txt')}: no such file\n"


# Web pages in, Markdown and HTML out.


def test_url_to_markdown(web: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["--allow-private-hosts", "--format", "markdown", "-n", "2", f"{web}/story"], capsys)
    document = summarize.load_document(allow_private=True, source=f"{web}/news/article.html")
    expected = summarize.summarize(document.text, sentences=2)
    assert (status, err) == (0, "")
    assert out == f"# {ARTICLE_TITLE}\n\n" + "".join(f"- {s.text}\n" for s in expected)
    for word in BOILERPLATE:
        assert word not in out


def test_html_file_to_json_has_the_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    status, out, _ = run(["--format", "json", str(path)], capsys)
    record = json.loads(out)
    text = "\n\n".join(ARTICLE_PARAGRAPHS)
    assert status == 0
    assert record["title"] == ARTICLE_TITLE
    for sentence in record["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_html_from_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_HTML.encode())))
    status, out, _ = run(["--input-format", "html", "-n", "1", "-"], capsys)
    assert status == 0
    assert out.strip() in ARTICLE_PARAGRAPHS
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_HTML.encode())))
    status, out, _ = run(["-n", "1", "-"], capsys)  # read as text: the markup is in the sentences
    assert status == 0
    assert "<" in out


def test_markdown_of_several_files_names_each(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "story.htm"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    status, out, _ = run(["--format", "markdown", "-n", "1", str(article), str(page)], capsys)
    assert status == 0
    assert out.startswith("# ")
    assert out.split("\n")[0].endswith("/article.txt")  # the file name, Markdown-escaped
    assert f"\n\n# {ARTICLE_TITLE}\n\n- " in out


def test_html_page_output(web: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["--allow-private-hosts", "--format", "html", "-n", "2", f"{web}/news/hostile.html"], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>")
    assert f"<title>Summary: {html.escape(HOSTILE_TITLE)}</title>" in out
    assert out.count('<mark class="s top') == 2
    assert "<script" not in out
    assert "&lt;script&gt;" in out


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", r"/missing: the server answered HTTP 404 Not Found"),
        ("/image.png", r"/image.png: the server sent image/png, not an HTML page, a PDF or DOCX file, or text"),
        ("/news/nav-only.html", r"/news/nav-only.html: no article text found in the page"),
        ("/slow", r"/slow: no answer from 127.0.0.1:\d+ within 0.5 seconds \(time-out\)"),
    ],
)
def test_url_errors_are_one_line_and_exit_1(
    web: str, path: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["--allow-private-hosts", "--timeout", "0.5", web + path], capsys)
    assert (status, out) == (1, "")
    assert re.fullmatch(rf"summarize: error: {re.escape(web)}{message}[^\n]*\n", err), err


def test_unsupported_scheme_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["ftp://127.0.0.1/story.txt"], capsys)
    assert (status, out) == (1, "")
    assert (
        err == "summarize: error: ftp://127.0.0.1/story.txt: only http:// and https:// URLs can be read, not ftp://\n"
    )


def test_missing_extra_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it were not installed
    status, out, err = run([str(path)], capsys)
    assert (status, out) == (1, "")
    assert err == (
        "summarize: error: reading HTML needs the optional package 'trafilatura', which is not installed; "
        'install it with: pip install "summarize[html]"\n'
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "html", "a.txt", "b.txt"], "--format html writes one page: give one FILE, not 2"),
        (["--input-format", "epub", "a.txt"], "argument --input-format: invalid choice: 'epub'"),
        (["--timeout", "0", "a.txt"], "argument --timeout: must be a number of seconds > 0, at most 86,400, got '0'"),
        (
            ["--timeout", "1e10", "a.txt"],
            "argument --timeout: must be a number of seconds > 0, at most 86,400, got '1e10'",
        ),
        (
            ["-n", "9223372036854775808", "a.txt"],
            "argument -n/--sentences: must be a whole number from 1 to 1,000,000,000",
        ),
        (["keywords", "--window", "1000000000", "a.txt"], "argument --window: must be a whole number from 2 to 10"),
        (["--format", "yaml", "a.txt"], "argument -f/--format: invalid choice: 'yaml'"),
    ],
)
def test_web_usage_errors_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(argv, capsys)
    assert (status, out) == (2, "")
    assert message in err


GERMAN = (
    "Die Stadt Freiburg baut eine neue Bibliothek. Laut Dr. Weber steht die Bibliothek z.B. am Markt. "
    "Die neue Bibliothek der Stadt bietet Bücher und Lesesäle. Am Wochenende regnet es. "
    "Die Bürger der Stadt freuen sich auf die neue Bibliothek.\n"
)


def test_json_says_the_language(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    german = tmp_path / "artikel.txt"
    german.write_text(GERMAN, encoding="utf-8")
    status, out, _ = run(["--format", "json", "--language", "auto", str(article), str(german)], capsys)
    english_record, german_record = map(json.loads, out.splitlines())
    assert status == 0
    assert (english_record["language"], german_record["language"]) == ("english", "german")
    assert [s["text"] for s in german_record["sentences"]] == [
        s.text for s in summarize.summarize(GERMAN, language="german")
    ]
    status, out, _ = run(["--format", "json", str(article)], capsys)
    assert json.loads(out)["language"] == "english"


def test_language_option_changes_sentence_splitting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    german = tmp_path / "artikel.txt"
    # "ca." is a German abbreviation: read as English, the first sentence ends there.
    german.write_text(
        "Die Stadt baut ca. 5 neue Schulen. Das kostet viel Geld. Die Bürger sind froh.", encoding="utf-8"
    )
    _, english, _ = run(["-n", "5", str(german)], capsys)
    _, out, _ = run(["-n", "5", "--language", "german", str(german)], capsys)
    assert "Die Stadt baut ca. 5 neue Schulen." in out.splitlines()
    assert "Die Stadt baut ca. 5 neue Schulen." not in english.splitlines()


def test_unknown_language_is_a_usage_error(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["--language", "klingon", str(article)], capsys)
    assert status == 2
    assert "invalid choice: 'klingon'" in err
    assert "arabic" in err
    assert "swedish" in err
    assert "auto" in err


def test_keywords_with_the_summary(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--format", "json", "--keywords", "3", str(article)], capsys)
    record = json.loads(out)
    expected = summarize.keywords(ARTICLE, top=3)
    assert status == 0
    assert record["keywords"] == [{"text": k.text, "score": k.score, "count": k.count} for k in expected]
    assert len(record["sentences"]) == 3
    status, out, _ = run(["--keywords", "3", str(article)], capsys)
    assert out.splitlines()[-1] == "keywords: " + ", ".join(k.text for k in expected)
    status, out, _ = run(["--format", "markdown", "--keywords", "2", str(article)], capsys)
    assert out.endswith("\nKeywords: " + ", ".join(k.text for k in expected[:2]) + "\n")
    status, _, err = run(["--format", "html", "--keywords", "2", str(article)], capsys)
    assert status == 2
    assert "--keywords is for --format text, json and markdown" in err


def test_keywords_command(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["keywords", str(article), "-n", "4"], capsys)
    assert (status, err) == (0, "")
    assert out.splitlines() == [k.text for k in summarize.keywords(ARTICLE, top=4)]
    status, out, _ = run(["keywords", "--format", "json", str(SEED_PATH)], capsys)
    record = json.loads(out)
    assert record["language"] == "english"
    assert len(record["keywords"]) == 10
    assert set(record["keywords"][0]) == {"text", "score", "count"}


def test_keywords_command_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    status, _, err = run(["keywords", str(empty), str(tmp_path / "missing.txt")], capsys)
    assert status == 1
    assert err.count("summarize: error:") == 2
    monkeypatch.setattr(sys, "stdin", _Terminal(io.BytesIO(b"")))
    for argv in (["keywords"], ["keywords", "-n", "0", "a.txt"], ["keywords", "--window", "1", "a.txt"]):
        status, _, err = run(argv, capsys)
        assert status == 2, argv


def test_keywords_of_chinese_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "新图书馆位于市中心。新图书馆将提供图书和自习室。市民都期待新图书馆。"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    status, out, _ = run(["keywords", "--language", "auto", "--format", "json", "-"], capsys)
    record = json.loads(out)
    assert status == 0
    assert record["language"] == "chinese"
    assert "图书馆" in record["keywords"][0]["text"]


def test_a_text_over_the_limit_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(summarize.pipeline, "MAX_CHARACTERS", 100)
    big = tmp_path / "big.txt"
    big.write_text("The council met on Monday to vote. " * 10, encoding="utf-8")
    status, out, err = run([str(big)], capsys)
    assert (status, out) == (1, "")
    assert err == (
        f"summarize: error: {big}: The text has 350 characters; summarize handles at most 100 in one text within the "
        "memory of an ordinary machine. Summarise it in parts, for example by chapter.\n"
    )


def test_a_text_of_punctuation_alone_has_no_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marks = tmp_path / "marks.txt"
    marks.write_text(":\n\n...\n«»\n", encoding="utf-8")
    status, out, err = run([str(marks)], capsys)
    assert (status, out) == (1, "")
    assert err == f"summarize: error: {marks}: no sentence to summarise (only punctuation or symbols)\n"


@pytest.mark.parametrize("given", ["de", "German", "GERMAN", "de-AT"])
def test_language_by_code_or_capitalised_name(given: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    german = tmp_path / "artikel.txt"
    german.write_text(GERMAN, encoding="utf-8")
    status, out, err = run(["--format", "json", "--language", given, str(german)], capsys)
    assert (status, err) == (0, "")
    assert json.loads(out)["language"] == "german"
    status, out, _ = run(["keywords", "--format", "json", "--language", given, str(german)], capsys)
    assert json.loads(out)["language"] == "german"


def test_keywords_json_has_a_record_for_a_file_that_fails(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n", encoding="utf-8")
    status, out, err = run(["keywords", "--format", "json", str(article), str(empty)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [record["file"] for record in records] == [str(article), str(empty)]
    assert records[1] == {"file": str(empty), "error": "empty input, no keywords"}
    assert err == f"summarize: error: {empty}: empty input, no keywords\n"


def test_json_error_record_for_a_text_too_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(summarize.pipeline, "MAX_CHARACTERS", 100)
    big = tmp_path / "big.txt"
    big.write_text("The council met on Monday to vote. " * 10, encoding="utf-8")
    status, out, _ = run(["--format", "json", str(big)], capsys)
    assert status == 1
    record = json.loads(out)
    assert record["file"] == str(big)
    assert record["error"].startswith("The text has 350 characters")


def test_chinese_and_japanese_lines_join_without_a_space(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    japanese = tmp_path / "manual.txt"
    japanese.write_text("新しいマニュ\nアルを読んでください。古い説明書は捨てて\nください。", encoding="utf-8")
    status, out, _ = run(["--language", "ja", "-n", "2", str(japanese)], capsys)
    assert status == 0
    assert out == "新しいマニュアルを読んでください。\n古い説明書は捨ててください。\n"
    status, out, _ = run(["--language", "ja", "-n", "2", "--format", "markdown", str(japanese)], capsys)
    assert "- 新しいマニュアルを読んでください。\n- 古い説明書は捨ててください。\n" in out
    copy = tmp_path / "copy.txt"
    copy.write_text("明日の天気は晴れ\nです。", encoding="utf-8")
    status, out, _ = run(["--language", "ja", "-n", "4", "--combine", str(japanese), str(copy)], capsys)
    assert f"[{copy}] 明日の天気は晴れです。\n" in out


def _help_lines(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    status, out, _ = run([*argv, "--help"], capsys)
    assert status == 0
    return out.splitlines()


@pytest.mark.parametrize("command", [[], ["keywords"], ["batch"], ["evaluate"], ["serve"]])
@pytest.mark.parametrize("columns", ["80", "100", "200"])
def test_every_help_line_fits_100_columns(
    command: list[str], columns: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    too_long = [line for line in _help_lines(command, capsys) if len(line) > 100]
    assert not too_long, f"summarize {' '.join(command)} --help: {too_long}"
