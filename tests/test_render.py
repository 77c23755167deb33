"""Markdown and HTML output: structure, escaping and checks of the arguments.

What a browser makes of the HTML page is tested in test_browser.py.
"""

import re

import pytest

from summarize import InvalidParameterError, Summarizer, to_html, to_markdown

from .htmlpage import parse

DOCUMENT = (
    "Park news\n\n"
    "The city council approved a new public park on Monday. The park will open next spring near the river.\n\n"
    "Council members said the park had been requested by residents for years. A bakery on Main Street is closing.\n"
    "Residents welcomed the council's decision on the park.\n"
)
HOSTILE = (
    'Attackers sent <script>alert("x")</script> to the site. '
    "Then they tried <img src=x onerror=alert(1)> in the site's comments. "
    "The site & its readers were safe, said the site's editor. "
    'A link <a href="javascript:alert(1)">here</a> did nothing to the site.'
)


def render(text: str, summarizer: Summarizer, **options: str) -> str:
    return to_html(summarizer.analyze(text), **options)


def test_markdown_list_under_the_title() -> None:
    summary = Summarizer(sentences=2)(DOCUMENT)
    assert to_markdown(summary, title="Park news") == "# Park news\n\n" + "".join(f"- {s.text}\n" for s in summary)
    assert to_markdown(summary) == "".join(f"- {s.text}\n" for s in summary)
    assert to_markdown(()) == "\n"


def test_markdown_escapes_markup_and_folds_lines() -> None:
    summary = Summarizer(sentences=4)(HOSTILE + "\n\n1. The *first* item_name [link](x) `code` AT&amp;T.\n")
    markdown = to_markdown(summary, title="<b>#1</b>")
    assert markdown.startswith("# \\<b\\>#1\\</b\\>\n")
    assert "\\<script\\>" in markdown
    assert "<" not in markdown.replace("\\<", "")
    assert "- 1\\. The \\*first\\* item\\_name \\[link\\](x) \\`code\\` AT\\&amp;T." in markdown
    assert all(line.startswith(("# ", "- ")) for line in markdown.splitlines() if line)


def test_html_page_shows_every_sentence_once_with_its_rank() -> None:
    analysis = Summarizer(sentences=2).analyze(DOCUMENT)
    ranked, summary = analysis.sentences, analysis.summary
    page = to_html(analysis, title="Park news", source="park.txt")
    parsed = parse(page)
    assert parsed.marks == [s.text for s in sorted(summary, key=lambda s: s.index)]
    sentence_attributes = [a for a in parsed.attributes if a.get("data-index") is not None]
    assert [a["data-index"] for a in sentence_attributes] == [str(s.index) for s in ranked]
    assert [a["data-rank"] for a in sentence_attributes] == [str(s.rank) for s in ranked]
    for attributes in sentence_attributes:
        assert attributes["id"] == f"s{attributes['data-index']}"
    # The summary at the top lists the chosen sentences, each linked to its place in the text.
    links = [a["href"] for a in parsed.attributes if (a.get("class") or "") == "jump"]
    assert links == [f"#s{s.index}" for s in summary]
    # The article is the whole document, in order (line breaks become <br>, paragraphs <p>).
    assert re.sub(r"\s+", " ", "".join(parsed.article)).strip() == re.sub(r"\s+", " ", DOCUMENT).strip()
    assert "<title>Summary: Park news</title>" in page
    assert "park.txt" in "".join(parsed.text)


def test_shading_follows_the_scores() -> None:
    summarizer = Summarizer(sentences=1)
    ranked = summarizer.rank(DOCUMENT)
    page = render(DOCUMENT, summarizer)
    levels = {int(m[1]): int(m[0]) for m in re.findall(r'class="s (?:top )?k(\d)" id="s(\d+)"', page)}
    body = [s for s in ranked if not s.fragment]
    assert set(levels) == {s.index for s in body}
    best = max(body, key=lambda s: s.score)
    worst = min(body, key=lambda s: s.score)
    assert (levels[best.index], levels[worst.index]) == (9, 0)
    for a in body:
        for b in body:
            if a.score > b.score:
                assert levels[a.index] >= levels[b.index]
    fragment = next(s for s in ranked if s.fragment)
    assert f'class="s frag" id="s{fragment.index}"' in page


def test_document_text_is_escaped() -> None:
    summarizer = Summarizer(sentences=4)
    page = render(HOSTILE, summarizer, title='<script>alert("t")</script>', source='"><script>x</script>')
    parsed = parse(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "p", "section", "h2"}
    allowed |= {"span", "ol", "li", "a", "mark", "article", "footer"}
    assert set(parsed.tags) <= allowed
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert all(not name.startswith("on") for a in parsed.attributes for name in a)
    assert all(not (a.get("href") or "#").startswith("javascript") for a in parsed.attributes)
    body = "".join(parsed.text)
    assert 'Attackers sent <script>alert("x")</script> to the site.' in body
    assert "<img src=x onerror=alert(1)>" in body
    assert '<script>alert("t")</script>' in body


def test_source_url_is_a_link_other_sources_are_not() -> None:
    summarizer = Summarizer(sentences=1)
    page = render(DOCUMENT, summarizer, title="Park", source="https://example.org/a?b=1&c=<2>")
    assert '<a href="https://example.org/a?b=1&amp;c=&lt;2&gt;" rel="noreferrer noopener">' in page
    page = render(DOCUMENT, summarizer, title="Park", source="javascript:alert(1)")
    assert 'href="javascript' not in page
    assert '<p class="source">javascript:alert(1)</p>' in page


def test_page_loads_nothing_and_forbids_scripts() -> None:
    page = render(DOCUMENT, Summarizer())
    assert re.search(r"""(src|href)=["']?(https?:)?//""", page) is None
    assert "@import" not in page
    assert "url(" not in page
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    assert csp[1].startswith("default-src 'none'; style-src 'sha256-")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_empty_summary_and_title_fallback() -> None:
    page = to_html(Summarizer().analyze(""), source="empty.txt")
    assert "<h1>empty.txt</h1>" in page
    assert "No sentence was chosen." in page


def test_html_takes_an_analysis_and_markdown_a_summary() -> None:
    analysis = Summarizer(sentences=1).analyze(DOCUMENT)
    summary = analysis.summary
    assert to_markdown(analysis) == to_markdown(summary)
    with pytest.raises(InvalidParameterError, match=r"The 'analysis' parameter must be an Analysis, from Summarizer"):
        to_html(summary)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match=r"The 'summary' parameter must be .*, but item 0 is not\. Got 'x'"):
        to_markdown(["x"])  # type: ignore[list-item]
    with pytest.raises(InvalidParameterError, match=r"The 'source' parameter must be a str or None\. Got 1 instead"):
        to_html(analysis, source=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match=r"The 'title' parameter must be a str or None\. Got 3 instead"):
        to_markdown(summary, title=3)  # type: ignore[arg-type]
