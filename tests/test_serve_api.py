"""The HTTP API of ``summarize serve``, over a real server process on 127.0.0.1 (tests/serving.py).

Every input kind (a text, a URL, a text, HTML, PDF and Word file), the records
compared byte for byte with the command line's ``--format json``, every error
status with the command line's message, the limits, and a clean stop on Ctrl-C.
"""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.cli import main

from . import serving
from .conftest import NEWS, SEED_PATH
from .documents import PARAGRAPHS, TITLE, write_docx, write_pdf
from .webserver import ARTICLE_TITLE

pytest.importorskip("starlette", reason="needs the extra serve")

MAX_CHARACTERS = 20_000
MAX_BYTES = 300_000


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[serving.Server]:
    """A server with the default settings but small limits, so that the tests can pass them."""
    log = tmp_path_factory.mktemp("serve") / "stderr.log"
    server = serving.start(
        log, "--max-characters", str(MAX_CHARACTERS), "--max-request-bytes", str(MAX_BYTES), "--max-documents", "3"
    )
    try:
        yield server
    finally:
        serving.stop(server)


@pytest.fixture(scope="module")
def private(tmp_path_factory: pytest.TempPathFactory, web: str) -> Iterator[serving.Server]:
    """A server that may read this machine's hosts (the tests' web server), with a time limit of 1 s."""
    del web
    log = tmp_path_factory.mktemp("serve-private") / "stderr.log"
    server = serving.start(log, "--allow-private-hosts", "--max-seconds", "1")
    try:
        yield server
    finally:
        serving.stop(server)


def cli_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What ``summarize ARGV`` writes, run in ``tmp_path`` (so that FILE names match the uploads' names)."""
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def cli_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(list(argv)) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("summarize: error: ")
    return err.removeprefix("summarize: error: ")


def test_health(api: serving.Server) -> None:
    answer = serving.request(f"{api.url}/health")
    assert (answer.status, answer.json()["status"]) == (200, "ok")


def test_a_text_gives_the_record_of_format_json(api: serving.Server) -> None:
    answer = serving.post_json(f"{api.url}/api/summary", {"text": NEWS, "sentences": 2, "keywords": 3})
    assert (answer.status, answer.content_type) == (200, "application/json")
    record = answer.json()
    assert list(record) == ["file", "title", "language", "sentences", "keywords"]
    assert record["file"] == "<text>"
    assert [s["text"] for s in record["sentences"]] == [  # type: ignore[union-attr,index]
        "The city council approved a new public park on Monday.",
        "Council members said the park had been requested by residents for years.",
    ]
    assert len(record["keywords"]) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["-n", "5", "--order", "score", "--keywords", "4", "--include-text"],
        ["--ratio", "0.2", "--ranker", "lexrank", "--language", "auto", "--focus", "security operation"],
        ["--words", "60", "--diversity", "0.3"],
    ],
)
def test_an_uploaded_file_gives_the_same_bytes_as_the_command(
    api: serving.Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
) -> None:
    (tmp_path / "article.txt").write_bytes(SEED_PATH.read_bytes())
    expected = cli_json(tmp_path, monkeypatch, capsys, "--format", "json", *options, "article.txt")
    fields = {}
    words = list(options)
    while words:
        name = words.pop(0).lstrip("-").replace("-", "_")
        name = {"n": "sentences"}.get(name, name)
        fields[name] = "true" if name == "include_text" else words.pop(0)
    answer = serving.post_form(
        f"{api.url}/api/summary", fields, [("article.txt", SEED_PATH.read_bytes(), "text/plain")]
    )
    assert answer.status == 200, answer.body
    assert answer.body.decode() == expected


def test_pdf_docx_and_html_files_are_read_by_their_format(
    api: serving.Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pdf(tmp_path / "report.pdf")
    write_docx(tmp_path / "report.docx")
    (tmp_path / "page.html").write_text(
        f"<html><head><title>{ARTICLE_TITLE}</title></head><body><article><h1>{ARTICLE_TITLE}</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></body></html>",
        encoding="utf-8",
    )
    # Markdown with structure: the sentences say their kind and section, as the command's do.
    (tmp_path / "notes.md").write_text(
        "# Park\n\n## Plans\n\n" + " ".join(PARAGRAPHS[:2]) + "\n\n## Costs\n\n" + " ".join(PARAGRAPHS[2:]) + "\n",
        encoding="utf-8",
    )
    titles = {}
    for name, media_type in (
        ("report.pdf", "application/pdf"),
        ("report.docx", "application/octet-stream"),
        ("page.html", "text/html"),
        ("notes.md", "text/markdown"),
    ):
        expected = cli_json(tmp_path, monkeypatch, capsys, "--format", "json", name)
        answer = serving.post_form(f"{api.url}/api/summary", {}, [(name, (tmp_path / name).read_bytes(), media_type)])
        assert answer.status == 200, answer.body
        assert answer.body.decode() == expected, name
        titles[name] = answer.json()["title"]
    assert titles == {"report.pdf": TITLE, "report.docx": TITLE, "page.html": ARTICLE_TITLE, "notes.md": "Park"}
    assert all("section" in sentence for sentence in answer.json()["sentences"])


def test_a_url_to_this_machine_is_refused_by_default(api: serving.Server, web: str) -> None:
    answer = serving.post_json(f"{api.url}/api/summary", {"url": f"{web}/news/article.html"})
    assert answer.status == 422
    assert "is not a public address" in str(answer.json()["error"])
    assert answer.json()["error"].startswith(f"{web}/news/article.html: ")  # type: ignore[union-attr]


def test_a_url_is_read_when_private_hosts_are_allowed(private: serving.Server, web: str) -> None:
    answer = serving.post_json(f"{private.url}/api/summary", {"url": f"{web}/news/article.html", "sentences": 1})
    assert answer.status == 200, answer.body
    record = answer.json()
    assert (record["file"], record["title"]) == (f"{web}/news/article.html", ARTICLE_TITLE)


@pytest.mark.parametrize("url", ["/etc/passwd", "file:///etc/passwd", "ftp://127.0.0.1/x", "passwd", "http://"])
def test_the_server_never_reads_its_own_files(api: serving.Server, url: str) -> None:
    answer = serving.post_json(f"{api.url}/api/summary", {"url": url})
    assert answer.json() == {
        "error": f"The 'url' field must be an http:// or https:// URL. Got {url!r} instead.",
        "status": 422,
    }


def test_keywords_give_the_record_of_the_keywords_command(
    api: serving.Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "article.txt").write_bytes(SEED_PATH.read_bytes())
    expected = cli_json(tmp_path, monkeypatch, capsys, "keywords", "--format", "json", "-n", "5", "article.txt")
    answer = serving.post_form(
        f"{api.url}/api/keywords", {"top": "5"}, [("article.txt", SEED_PATH.read_bytes(), "text/plain")]
    )
    assert answer.body.decode() == expected


def test_several_documents_give_the_record_of_combine(
    api: serving.Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {"a.txt": NEWS, "b.txt": SEED_PATH.read_text(encoding="utf-8")}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    expected = cli_json(tmp_path, monkeypatch, capsys, "--combine", "--format", "json", "-n", "3", *texts)
    listed = [{"text": text, "id": name} for name, text in texts.items()]
    answer = serving.post_json(f"{api.url}/api/documents", {"documents": listed, "sentences": 3})
    assert answer.body.decode() == expected
    uploaded = serving.post_form(
        f"{api.url}/api/documents", {"sentences": "3"}, [(n, t.encode(), "text/plain") for n, t in texts.items()]
    )
    assert uploaded.body.decode() == expected


def test_a_form_without_files_is_read_too(api: serving.Server) -> None:
    body = b"text=Cats+purr.+Dogs+bark.+Cats+and+dogs+play.&sentences=1"
    answer = serving.request(f"{api.url}/api/summary", body, content_type="application/x-www-form-urlencoded")
    assert answer.status == 200
    assert len(answer.json()["sentences"]) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"{not json", "application/json", 400, "the request body is not valid JSON"),
        (b"[1, 2]", "application/json", 400, "the request body must be a JSON object, not list"),
        (b'{"text": "Cats purr.", "sentnces": 2}', "application/json", 400, "unknown field 'sentnces'"),
        (b'{"sentences": 2}', "application/json", 400, "give one input: 'text', 'url' or 'file' (got none)"),
        (b'{"text": "a", "url": "https://example.org/"}', "application/json", 400, "give one input"),
        (b"Cats purr.", "text/plain", 415, "the request's content type must be one of application/json"),
        (b"<text>Cats purr.</text>", "application/xml", 415, "got application/xml"),
        (b'{"text": "Cats purr.", "ratio": 1.5}', "application/json", 422, "The 'ratio' parameter must be a float"),
        (b'{"text": "Cats purr.", "ranker": "best"}', "application/json", 422, "The 'ranker' parameter must be one of"),
        (
            b'{"text": "Cats.", "sentences": 2, "words": 9}',
            "application/json",
            422,
            "mutually exclusive: give at most one",
        ),
        (b'{"text": "Cats purr.", "keywords": 0}', "application/json", 422, "The 'keywords' parameter must be an int"),
        (b'{"text": "  "}', "application/json", 422, "<text>: empty input, nothing to summarise"),
        (b'{"text": "?!"}', "application/json", 422, "<text>: no sentence to summarise"),
    ],
)
def test_errors_are_json_with_their_status(
    api: serving.Server, body: bytes, content_type: str | None, status: int, message: str
) -> None:
    answer = serving.request(f"{api.url}/api/summary", body, content_type=content_type)
    assert (answer.status, answer.content_type) == (status, "application/json"), answer.body
    record = answer.json()
    assert record["status"] == status
    assert message in str(record["error"])


@pytest.mark.parametrize(("field", "value"), [("top", 0), ("window", 1), ("top", "5")])
def test_keyword_options_are_checked(api: serving.Server, field: str, value: object) -> None:
    answer = serving.post_json(f"{api.url}/api/keywords", {"text": NEWS, field: value})
    assert answer.status == 422
    assert str(answer.json()["error"]).startswith(f"The {field!r} parameter must be an int >= ")


def test_a_file_error_has_the_command_lines_message(
    api: serving.Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, data in (
        ("empty.txt", b""),
        ("broken.pdf", b"%PDF-1.7\n" + b"x" * 200),
        ("latin.txt", "café".encode("latin-1")),
    ):
        (tmp_path / name).write_bytes(data)
        expected = cli_error(tmp_path, monkeypatch, capsys, name)
        answer = serving.post_form(f"{api.url}/api/summary", {}, [(name, data, "application/octet-stream")])
        assert (answer.status, answer.json()["error"]) == (422, expected), name


def test_an_image_is_not_a_document(api: serving.Server) -> None:
    answer = serving.post_form(
        f"{api.url}/api/summary", {}, [("cat.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png")]
    )
    assert answer.json() == {
        "error": "cat.png: image/png is not a document; send text, HTML, PDF or Word (DOCX)",
        "status": 415,
    }


def test_a_body_over_the_limit_is_413_before_it_is_read(api: serving.Server) -> None:
    answer = serving.post_json(f"{api.url}/api/summary", {"text": "Cats purr. " * (MAX_BYTES // 10)})
    assert answer.status == 413
    assert answer.json()["error"] == (
        f"the request body has {len(json.dumps({'text': 'Cats purr. ' * (MAX_BYTES // 10)})):,} bytes; this "
        f"server takes at most {MAX_BYTES:,} (summarize serve --max-request-bytes)"
    )


def test_a_text_over_the_limit_is_413(api: serving.Server) -> None:
    text = "Cats purr. " * (MAX_CHARACTERS // 10)
    answer = serving.post_json(f"{api.url}/api/summary", {"text": text})
    assert answer.json() == {
        "error": f"<text>: the text has {len(text):,} characters; this server summarises at most "
        f"{MAX_CHARACTERS:,} in one request (summarize serve --max-characters)",
        "status": 413,
    }


def test_too_many_documents_is_413(api: serving.Server) -> None:
    listed = [{"text": "Cats purr.", "id": str(n)} for n in range(4)]
    answer = serving.post_json(f"{api.url}/api/documents", {"documents": listed})
    assert answer.status == 413
    assert "at most 3 in one request" in str(answer.json()["error"])


def test_a_request_over_the_time_limit_is_503(private: serving.Server, web: str) -> None:
    answer = serving.post_json(f"{private.url}/api/summary", {"url": f"{web}/slow"})
    assert answer.json() == {
        "error": "the request took longer than 1 s, this server's limit (summarize serve --max-seconds)",
        "status": 503,
    }


def test_unknown_paths_and_methods_are_json(api: serving.Server) -> None:
    assert serving.request(f"{api.url}/nowhere").json() == {"error": "no such page: /nowhere", "status": 404}
    assert serving.request(f"{api.url}/api/summary").json()["status"] == 405


def test_the_openapi_description_names_every_endpoint(api: serving.Server) -> None:
    description = serving.request(f"{api.url}/openapi.json").json()
    assert description["openapi"] == "3.1.0"
    paths = description["paths"]
    assert isinstance(paths, dict)
    assert set(paths) == {"/api/summary", "/api/keywords", "/api/documents", "/health"}
    assert {"400", "413", "415", "422", "503"} <= set(paths["/api/summary"]["post"]["responses"])
    assert f"texts up to {MAX_CHARACTERS:,} characters" in description["info"]["description"]  # type: ignore[index]


def test_logs_go_to_standard_error(api: serving.Server) -> None:
    serving.request(f"{api.url}/health")
    assert '"GET /health HTTP/1.1" 200' in api.stderr()


def test_ctrl_c_stops_the_server_cleanly(tmp_path: Path) -> None:
    server = serving.start(tmp_path / "stderr.log")
    assert serving.stop(server) == 0
    assert "Application shutdown complete" in server.stderr()


def test_a_port_in_use_is_an_error(api: serving.Server) -> None:
    port = api.url.rsplit(":", 1)[1]
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "serve", "--port", port], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert f"summarize: error: cannot listen on 127.0.0.1:{port}: " in result.stderr


def test_the_library_and_the_command_do_not_import_the_server(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(NEWS, encoding="utf-8")
    for code in ("import summarize", f"from summarize.cli import main\nmain([{str(article)!r}])"):
        script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
        loaded = set(
            subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
        )
        assert not {m.split(".")[0] for m in loaded} & {
            "starlette",
            "uvicorn",
            "anyio",
            "multipart",
            "python_multipart",
        }
        assert not {m for m in loaded if m.startswith("summarize.serve")}


def test_the_socket_says_it_is_tcp_so_that_responses_are_not_delayed() -> None:
    """asyncio sets TCP_NODELAY only on TCP sockets that say so; without it a kept-alive answer waits 40 ms."""
    from summarize.serve.run import bind

    sock = bind("127.0.0.1", 0)
    try:
        assert (sock.family, sock.proto) == (socket.AF_INET, socket.IPPROTO_TCP)
    finally:
        sock.close()


def test_the_page_shows_a_body_over_the_limit_as_a_page(api: serving.Server) -> None:
    answer = serving.post_form(f"{api.url}/", {"text": "Cats purr. " * (MAX_BYTES // 10)})
    assert (answer.status, answer.content_type) == (413, "text/html; charset=utf-8")
    assert "this server takes at most" in answer.body.decode()
    assert 'role="alert"' in answer.body.decode()


def test_a_chunked_body_over_the_limit_is_413_as_soon_as_it_is(api: serving.Server) -> None:
    host, port = api.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    chunks = (b'{"text": "' if n == 0 else b"Cats purr. " * 1000 for n in range(100))  # about 1.1 MB, no length
    try:
        connection.request(
            "POST", "/api/summary", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True
        )
        response = connection.getresponse()
        record = json.loads(response.read())
    finally:
        connection.close()
    assert (response.status, record["status"]) == (413, 413)
    assert record["error"] == (
        f"the request body has more than {MAX_BYTES:,} bytes; this server takes at most {MAX_BYTES:,} "
        "(summarize serve --max-request-bytes)"
    )


def test_the_page_forbids_scripts_and_loads_nothing(api: serving.Server) -> None:
    answer = serving.request(f"{api.url}/")
    assert (answer.status, answer.content_type) == (200, "text/html; charset=utf-8")
    page = answer.body.decode()
    assert "<script" not in page
    assert 'src="' not in page
    assert "http://" not in page.replace('placeholder="https://"', "")
    assert "https://" not in page.replace('placeholder="https://"', "")


def test_two_workers_answer_and_stop_on_ctrl_c(tmp_path: Path) -> None:
    server = serving.start(tmp_path / "stderr.log", "--workers", "2")
    try:
        answers = [serving.post_json(f"{server.url}/api/summary", {"text": NEWS}) for _ in range(4)]
        assert [answer.status for answer in answers] == [200] * 4
    finally:
        assert serving.stop(server) == 0
    log = server.stderr()
    assert log.count("Application startup complete") == 2
    assert log.count("Finished server process") == 2


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", ""])
def test_on_loopback_only_requests_for_this_machine_are_answered(api: serving.Server, host: str) -> None:
    """A page elsewhere cannot read the server through a name that resolves to 127.0.0.1 (DNS rebinding)."""
    port = api.url.rsplit(":", 1)[1]
    for sent in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", f"127.0.0.2:{port}", f"[::1]:{port}"):
        assert serving.request(f"{api.url}/health", headers={"Host": sent}).status == 200
    answer = serving.request(f"{api.url}/health", headers={"Host": host})
    assert answer.json() == {
        "error": f"this server answers only on this machine (127.0.0.1, localhost), not as {host or 'no host'}",
        "status": 400,
    }


def test_a_pasted_text_is_read_as_it_was_sent_whatever_the_encoding(api: serving.Server) -> None:
    """``encoding`` is for files and pages: a pasted text is a str already, never decoded again."""
    text = "Le café du port ouvre tôt. Les pêcheurs y boivent un café chaud avant l'aube."
    answer = serving.post_json(f"{api.url}/api/summary", {"text": text, "sentences": 1, "encoding": "latin-1"})
    assert answer.status == 200
    assert "café" in answer.json()["sentences"][0]["text"]  # type: ignore[index]


def test_without_the_extra_the_command_says_what_to_install() -> None:
    script = (
        "import sys\nsys.modules['starlette'] = None  # as if not installed\n"
        "from summarize.cli import main\nsys.exit(main(['serve', '--port', '0']))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (
        1,
        "summarize: error: summarize serve needs the optional package 'starlette', which is not installed; "
        'install it with: pip install "summarize[serve]"\n',
    )
