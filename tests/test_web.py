"""Downloading pages from a real HTTP server on 127.0.0.1, and extracting their articles."""

import base64
import json
import select
import socket
import sys
import time
from pathlib import Path

import pytest

import summarize
from summarize import FetchError, InputError, InvalidParameterError, MissingDependencyError
from summarize.cli import main
from summarize.io.html import Article, extract_article
from summarize.io.urls import is_url
from summarize.io.web import fetch, is_public_address

from .webserver import (
    ARTICLE_HTML,
    ARTICLE_PARAGRAPHS,
    ARTICLE_TITLE,
    BIG_BYTES,
    BOILERPLATE,
    HOSTILE_PARAGRAPHS,
    HOSTILE_TITLE,
    NAV_ONLY_HTML,
    PNG,
)

# Short enough for a fast suite, long enough for a loaded machine to answer the other requests.
SHORT_TIMEOUT = 0.5


def test_fetch_an_article(web: str) -> None:
    download = fetch(allow_private=True, url=f"{web}/news/article.html")
    assert download.url == f"{web}/news/article.html"
    assert (download.content_type, download.charset) == ("text/html", "utf-8")
    assert download.data == ARTICLE_HTML.encode()


def test_redirects_are_followed_to_the_final_url(web: str) -> None:
    download = fetch(allow_private=True, url=f"{web}/story-permanent")  # 301 to /story, then 302 to the article
    assert download.url == f"{web}/news/article.html"
    assert download.data == ARTICLE_HTML.encode()


def test_redirects_are_limited(web: str) -> None:
    with pytest.raises(FetchError, match=r"/story-permanent: too many redirects \(more than 1\)$"):
        fetch(allow_private=True, url=f"{web}/story-permanent", max_redirects=1)
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch(allow_private=True, url=f"{web}/loop")
    assert fetch(allow_private=True, url=f"{web}/story", max_redirects=1).url.endswith("/news/article.html")


def test_redirect_to_another_scheme_or_nowhere(web: str) -> None:
    with pytest.raises(FetchError, match=r"redirected to ftp://127\.0\.0\.1/article\.html, but only http"):
        fetch(allow_private=True, url=f"{web}/to-ftp")
    with pytest.raises(FetchError, match=r"redirect \(HTTP 302\) without a Location"):
        fetch(allow_private=True, url=f"{web}/no-location")


@pytest.mark.parametrize(("path", "status", "message"), [("/missing", 404, "Not Found"), ("/server-error", 500, "")])
def test_http_errors(web: str, path: str, status: int, message: str) -> None:
    with pytest.raises(FetchError, match=rf"^{web}{path}: the server answered HTTP {status}") as caught:
        fetch(allow_private=True, url=f"{web}{path}")
    assert caught.value.status == status
    assert caught.value.url == f"{web}{path}"
    assert message in str(caught.value)
    assert isinstance(caught.value, OSError)


def test_slow_answer_times_out(web: str) -> None:
    with pytest.raises(FetchError, match=rf"/slow: no answer from 127\.0\.0\.1:\d+ within {SHORT_TIMEOUT:g} seconds"):
        fetch(allow_private=True, url=f"{web}/slow", timeout=SHORT_TIMEOUT)


def test_stalled_download_times_out(web: str) -> None:
    with pytest.raises(FetchError, match=rf"/stalled: the download stalled for {SHORT_TIMEOUT:g} seconds"):
        fetch(allow_private=True, url=f"{web}/stalled", timeout=SHORT_TIMEOUT)


def test_a_download_that_never_stalls_but_never_ends_is_cut_off(web: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"/dripping: the download took longer than 0\.5 seconds \(the time limit\)"):
        fetch(allow_private=True, url=f"{web}/dripping", timeout=SHORT_TIMEOUT, max_seconds=0.5)
    assert time.monotonic() - start < 0.5 + SHORT_TIMEOUT


@pytest.mark.parametrize("route", ["/continuing", "/status-dripping", "/headers-dripping"])
def test_the_time_limit_holds_before_the_body(web: str, route: str) -> None:
    # Each byte comes within the read time-out; the status line and headers would take minutes.
    with pytest.raises(FetchError, match=rf"{route}: the download took longer than 0\.3 seconds \(the time limit\)"):
        fetch(allow_private=True, url=f"{web}{route}", timeout=SHORT_TIMEOUT, max_seconds=0.3)


def test_a_redirect_to_an_invalid_url_is_one_error(web: str) -> None:
    with pytest.raises(
        FetchError, match=r"/to-bad-ipv6: redirected to an invalid URL 'http://\[::1' \(Invalid IPv6 URL\)"
    ):
        fetch(allow_private=True, url=f"{web}/to-bad-ipv6")


def test_declared_size_over_the_limit_is_refused(web: str) -> None:
    with pytest.raises(FetchError, match=r"larger than the maximum download size of 50,000 bytes \(Content-Length"):
        fetch(allow_private=True, url=f"{web}/big-declared", max_bytes=50_000)
    assert len(fetch(allow_private=True, url=f"{web}/big-declared", max_bytes=BIG_BYTES).data) == BIG_BYTES


def test_streamed_size_over_the_limit_is_refused(web: str) -> None:
    with pytest.raises(FetchError, match=r"/big-streamed: the page is larger than the maximum download size of 50,000"):
        fetch(allow_private=True, url=f"{web}/big-streamed", max_bytes=50_000)


def test_refused_connection() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago, and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=rf"connection refused by 127\.0\.0\.1:{port}"):
        fetch(allow_private=True, url=f"http://127.0.0.1:{port}/article.html")


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    # The resolver is replaced by one that fails, as a resolver does for an unknown
    # name: the tests send nothing to any host but 127.0.0.1, not even a DNS query.
    def unknown(*_: object, **__: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    with pytest.raises(FetchError, match=r"cannot resolve the host name 'news\.invalid' \(DNS lookup failed\)"):
        fetch("http://news.invalid/story.html")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1/article.html", r"only http:// and https:// URLs can be read, not ftp://$"),
        ("file:///etc/passwd", r"only http:// and https:// URLs can be read, not file://$"),
        ("article.html", r"only http:// and https:// URLs can be read, and this is not one"),
        ("http:///article.html", r"the URL names no host"),
        ("http://[::1/article.html", r"not a valid URL"),
    ],
)
def test_urls_that_are_not_http(url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch(url)


def test_binary_content_is_downloaded_as_it_is(web: str) -> None:
    download = fetch(allow_private=True, url=f"{web}/image.png")
    assert (download.content_type, download.data) == ("image/png", PNG)
    assert fetch(allow_private=True, url=f"{web}/news/untyped.html").content_type == ""


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": 0}, r"The 'timeout' parameter must be a float in \(0, 86400\]\. Got 0 instead\."),
        ({"timeout": 1e10}, r"The 'timeout' parameter must be a float in \(0, 86400\]\. Got 10000000000\.0 instead\."),
        ({"max_bytes": 0}, r"The 'max_bytes' parameter must be an int >= 1\. Got 0 instead\."),
        ({"max_redirects": -1}, r"The 'max_redirects' parameter must be an int >= 0\. Got -1 instead\."),
        ({"max_seconds": -1.0}, r"The 'max_seconds' parameter must be a float in \(0, 86400\]\. Got -1\.0 instead\."),
    ],
)
def test_bad_options(options: dict[str, float], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        fetch("http://127.0.0.1/", **options)  # type: ignore[arg-type]


def test_is_url() -> None:
    assert [is_url(s) for s in ("http://x", "HTTPS://x/y", "ftp://x")] == [True, True, True]
    assert [is_url(s) for s in ("page.html", "C:\\pages\\a.html", "-", "www.example.org")] == [False] * 4


def test_extract_article_leaves_out_the_boilerplate() -> None:
    article = extract_article(ARTICLE_HTML)
    assert article == Article(text="\n\n".join(ARTICLE_PARAGRAPHS), title=ARTICLE_TITLE)
    for word in (*BOILERPLATE, "Jane Doe", "Related stories"):
        assert word not in article.text


def test_extract_article_keeps_markup_in_the_text_as_text() -> None:
    from .webserver import HOSTILE_HTML

    article = extract_article(HOSTILE_HTML)
    assert article.title == HOSTILE_TITLE
    assert article.text == "\n\n".join(HOSTILE_PARAGRAPHS)
    assert '<script>alert("pwned")</script>' in article.text


@pytest.mark.parametrize(
    "page",
    [
        NAV_ONLY_HTML,
        "",
        "   ",
        "<html><body><h1>Gallery</h1><p>Photo 1</p><p>Photo 2</p></body></html>",
    ],
)
def test_a_page_without_article_text(page: str) -> None:
    with pytest.raises(InputError, match=r"^page\.html: no article text found in the page"):
        extract_article(page, name="page.html")


def test_missing_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it were not installed
    with pytest.raises(MissingDependencyError, match=r'pip install "summarize\[html\]"') as caught:
        extract_article(ARTICLE_HTML)
    assert (caught.value.package, caught.value.extra) == ("trafilatura", "html")
    assert isinstance(caught.value, ImportError)


def test_extract_article_wants_a_str() -> None:
    with pytest.raises(InvalidParameterError, match=r"The 'html' parameter must be a str\. Got 'bytes' instead\."):
        extract_article(ARTICLE_HTML.encode())  # type: ignore[arg-type]


# Only public hosts, unless asked ------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("::1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata endpoints
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("100.64.0.1", False),  # shared address space (carrier-grade NAT)
        ("0.0.0.0", False),
        ("::", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped
        ("::ffff:93.184.215.14", True),
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254
        ("not an address", False),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def listener() -> socket.socket:
    """A listening socket on 127.0.0.1 that nothing accepts from: a connection to it would be seen."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    return sock


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433"])
def test_hosts_on_this_machine_are_refused_without_connecting(host: str) -> None:
    with listener() as sock:
        port = sock.getsockname()[1]
        message = (
            rf"^http://{host}:{port}/article\.html: the host {host} is not a public address \(it resolves to "
            r"127\.0\.0\.1\); reading hosts on this machine or a private network needs --allow-private-hosts "
            r"\(allow_private=True in Python\)$"
        )
        with pytest.raises(FetchError, match=message):
            fetch(f"http://{host}:{port}/article.html")
        readable, _, _ = select.select([sock], [], [], 0.2)
        assert not readable  # no connection was ever made


def test_the_command_refuses_a_private_host_and_names_the_option(web: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main([f"{web}/news/article.html"])
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.startswith(f"summarize: error: {web}/news/article.html: the host 127.0.0.1 is not a public address")
    assert err.endswith("needs --allow-private-hosts (allow_private=True in Python)\n")
    with pytest.raises(FetchError, match="is not a public address"):
        summarize.load_document(f"{web}/news/article.html")


def test_credentials_go_to_their_host_only_and_are_never_shown(web: str) -> None:
    port = web.rsplit(":", 1)[1]
    with_credentials = f"http://ann:s3cret@127.0.0.1:{port}"
    download = fetch(allow_private=True, url=f"{with_credentials}/whoami")
    assert download.data == b"Basic " + base64.b64encode(b"ann:s3cret")
    assert download.url == f"{web}/whoami"
    # A redirect to another host does not get them.
    assert fetch(allow_private=True, url=f"{with_credentials}/whoami-elsewhere").data == b"none"
    with pytest.raises(FetchError) as failure:
        fetch(allow_private=True, url=f"{with_credentials}/missing")
    assert str(failure.value) == f"{web}/missing: the server answered HTTP 404 Not Found"
    with pytest.raises(FetchError) as refused:
        fetch(f"{with_credentials}/whoami")
    assert "s3cret" not in str(refused.value)
    assert "ann" not in str(refused.value)
    document = summarize.load_document(f"{with_credentials}/whoami", allow_private=True)
    assert document.source == f"{web}/whoami"


def test_allow_private_is_checked() -> None:
    with pytest.raises(InvalidParameterError, match=r"The 'allow_private' parameter must be a bool\. Got 'yes'"):
        fetch("http://127.0.0.1/", allow_private="yes")  # type: ignore[arg-type]


def test_a_tag_of_too_many_attributes_keeps_its_first_ones() -> None:
    import summarize.io.html

    # Counted rather than timed: the parser is given at most MAX_ATTRIBUTES of one tag.
    tag = summarize.io.html._LONG_TAG.search('<div class="x" ' + " ".join(f"a{i}=v" for i in range(3000)) + ">")
    assert tag is not None
    pruned = summarize.io.html._fewer_attributes(tag)
    assert pruned.startswith('<div class="x" a0=v a1=v')
    assert pruned.endswith(" a998=v>")
    assert pruned.count("=") == summarize.io.html.MAX_ATTRIBUTES


def test_a_page_with_a_tag_of_many_attributes_is_read() -> None:
    from .hostile import many_attributes_html

    article = extract_article(many_attributes_html(5_000))
    assert article.text.startswith("The council approved a new park on Monday.")


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (
            "<html><body>" + "<div>" * 300 + "<p>" + "The park opens on Monday. " * 5 + "</p>" + "</div>" * 300,
            "nested 300 deep",
        ),
        (
            "<html><body><p>" + "The park opens on Monday. " * 400_000 + "</p></body></html>",
            "one element holds 10,400,00",
        ),
    ],
)
def test_a_page_beyond_what_the_parser_reads_says_so(html: str, message: str) -> None:
    with pytest.raises(InputError, match=rf"^page\.html: no article text can be read: .*{message}"):
        extract_article(html, name="page.html")


MANUAL = """<html><head><title>Crates and the registry</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>Crates and the registry</h1>
<p>In Rust, as you may know, a library or executable program is called a
<code>crate</code>. Crates are compiled by the compiler and shared on the registry, which most
projects use for their dependencies.</p>
<h2>Publishing a crate</h2>
<p>To publish a crate, run the publish command after you have logged in with the token that the
registry website gives you. The registry keeps every published version of the crate forever.</p>
<ul><li>Every version of a crate is kept on the registry for good.</li>
<li>A version can be yanked so that new projects do not depend on it.</li></ul>
<pre><code>cargo publish --dry-run</code></pre>
<h2>Yanking a version</h2>
<p>Yanking a version keeps the projects that already depend on it working, while new projects
will not choose it. Yanking is how a broken release is taken out of use.</p>
</article></body></html>"""


def test_a_paragraph_with_inline_elements_is_one_block_whatever_the_source_wrapping() -> None:
    article = extract_article(MANUAL)
    sentences = [sentence.text for sentence in summarize.split_sentences(article.text)]
    assert "In Rust, as you may know, a library or executable program is called a crate." in sentences
    assert not any(sentence in ("crate.", "crate") for sentence in sentences)


def test_a_page_gives_its_headings_lists_and_code_as_blocks() -> None:
    article = extract_article(MANUAL)
    assert article.title == "Crates and the registry"
    assert article.blocks is not None
    shown = [(block.kind, block.level, block.trail, article.text[block.start : block.end]) for block in article.blocks]
    assert ("heading", 2, (), "Publishing a crate") in shown
    assert (
        "list_item",
        1,
        ("Publishing a crate",),
        "Every version of a crate is kept on the registry for good.",
    ) in shown
    assert ("code", 0, ("Publishing a crate",), "cargo publish --dry-run") in shown
    paragraph = next(
        block for block in article.blocks if article.text[block.start :].startswith("Yanking a version keeps")
    )
    assert (paragraph.kind, paragraph.trail) == ("paragraph", ("Yanking a version",))


def test_a_summary_of_a_page_chooses_prose_and_says_its_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "manual.html"
    page.write_text(MANUAL, encoding="utf-8")
    assert main(["--format", "json", "-n", "4", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {sentence["kind"] for sentence in record["sentences"]} <= {"paragraph", "list_item"}
    assert all(
        sentence["text"] not in ("Publishing a crate", "cargo publish --dry-run") for sentence in record["sentences"]
    )
    assert {tuple(sentence["section"]) for sentence in record["sentences"]} <= {
        (),
        ("Publishing a crate",),
        ("Yanking a version",),
    }


def test_the_paragraphs_of_a_list_item_are_blocks_of_their_own() -> None:
    # A term's definition of several paragraphs, as AsciiDoc and Sphinx write an option's.
    page = (
        "<html><head><title>Counting objects</title></head><body><article>"
        "<p>The command counts the loose objects of a repository and the disk space that they take.</p>"
        "<dl><dt>--verbose</dt><dd><p>Reports more details:</p><p>count: the number of loose objects</p>"
        "<p>size: the disk space that they take, in KiB</p></dd></dl>"
        "<p>The counts help to decide when it is a good time to pack the repository again.</p>"
        "</article></body></html>"
    )
    article = extract_article(page)
    assert article.blocks is None  # paragraphs and list items alone: no structure
    assert "objectssize" not in article.text
    paragraphs = article.text.split("\n\n")
    assert "count: the number of loose objects" in paragraphs
    assert "size: the disk space that they take, in KiB" in paragraphs
