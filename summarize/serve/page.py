"""The page: a form (paste a text, give a URL or drop a file; length, ranker, language, focus) and its result.

Rendered on the server, with no script: the form posts to ``/`` and the answer
is the same page with the result under the form. The document view is
:func:`summarize.io.render.to_html`'s (the document with the chosen sentences
highlighted and ranked, every other sentence shaded by its score); then every
sentence by rank with its score, the keywords, and the result to download as
JSON (the API's record) or Markdown (:func:`~summarize.io.render.to_markdown`).
The page loads nothing from anywhere, and its Content-Security-Policy forbids
scripts; every piece of text in it is escaped.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import HTMLResponse

from summarize._version import __version__
from summarize.io.records import json_line
from summarize.io.render import to_html, to_markdown
from summarize.languages import AUTO, LANGUAGES
from summarize.rankers import DEFAULT_RANKER, RANKERS
from summarize.serve.api import Summarized, read_request, run_limited, summarize_one, summary_record
from summarize.serve.inputs import RequestError, options_of
from summarize.serve.limits import Settings

__all__ = ["CSP", "PAGE_FIELDS", "form", "submit"]

#: The page's fields: one input, the length as a number and its unit, the ranker, the language, a focus.
PAGE_FIELDS = frozenset({"text", "url", "file", "length", "unit", "ranker", "language", "focus"})

#: Only the page's own styles; no script, font, image or connection; forms post to this server only.
CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

_UNITS = {"sentences": "sentences", "ratio": "share of the sentences (0–1)", "words": "words"}
_KEYWORDS = 10
_RANKED_SHOWN = 50
_ACCEPT = ".txt,.md,.markdown,.text,.html,.htm,.xhtml,.pdf,.docx,text/*,application/pdf"

_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_MAIN = re.compile(r"<main>\n(.*)\n</main>", re.DOTALL)

_CSS = """
body{font-family:var(--sans)}
.site{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;margin:0 0 1rem}
.site h1{font-size:1.5rem;margin:0}
.site p{margin:0;color:var(--muted);font-size:.95rem}
form.ask{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1rem 1.25rem;
font:1rem/1.5 var(--sans)}
fieldset{border:0;margin:0 0 .75rem;padding:0;min-width:0}
legend{font-weight:700;font-size:.8rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);
padding:0;margin-bottom:.25rem}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
textarea,input,select,button{font:inherit;color:inherit;max-width:100%}
textarea,input[type=url],input[type=text],input[type=number],select{width:100%;padding:.45rem .55rem;
border:1px solid var(--muted);border-radius:6px;background:var(--bg)}
textarea{min-height:9rem;resize:vertical;font-family:var(--serif)}
input[type=file]{width:100%;padding:1.1rem .75rem;border:2px dashed var(--muted);border-radius:8px;
background:var(--bg)}
.row{display:flex;flex-wrap:wrap;gap:0 1rem}
.row>div{flex:1 1 10rem;min-width:0}
button{margin-top:.5rem;padding:.6rem 1.4rem;border:0;border-radius:8px;background:var(--link);color:#fff;
font-weight:700;cursor:pointer}
:focus-visible{outline:3px solid var(--mark-edge);outline-offset:2px}
.hint{font-size:.85rem;color:var(--muted);margin:.2rem 0 0}
.error{border:2px solid #b3261e;border-radius:8px;padding:.75rem 1rem;margin:1rem 0;font:1rem/1.5 var(--sans);
background:rgb(179 38 30 / .08);overflow-wrap:anywhere}
.result{margin-top:2rem}
.downloads{font:.95rem/1.5 var(--sans);display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0 0 1rem}
.downloads a{padding:.35rem .8rem;border:1px solid var(--link);border-radius:6px;text-decoration:none}
.facts{font:.9rem/1.5 var(--sans);color:var(--muted);margin:.25rem 0 0}
h2.part{font:700 1.1rem/1.3 var(--sans);margin:2rem 0 .5rem}
.table{overflow-x:auto}
table.ranked{border-collapse:collapse;width:100%;font:.9rem/1.45 var(--sans)}
.ranked th,.ranked td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-top:1px solid var(--line)}
.ranked td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ranked tr.chosen td{background:rgb(var(--mark) / .35)}
ol.keywords{font:.95rem/1.5 var(--sans);columns:2 12rem;padding-left:1.5rem}
.more{font:.85rem var(--sans);color:var(--muted)}
""".strip()


async def form(request: Request) -> HTMLResponse:
    """``GET /``: the empty form."""
    del request  # every GET shows the same empty form
    return _response(render({}))


async def submit(request: Request) -> HTMLResponse:
    """``POST /``: the form again, with the result under it, or the error (with its status)."""
    settings: Settings = request.app.state.settings
    values: Mapping[str, object] = {}
    try:
        parsed = await read_request(request, settings, PAGE_FIELDS)
        values = {**parsed.fields, **{item.kind: item.value for item in parsed.inputs if item.kind != "file"}}
        if len(parsed.inputs) != 1:
            raise RequestError(
                400,
                "give one document: paste a text, give a web address, or choose a file"
                + (" (not several at once)" if parsed.inputs else ""),
            )
        options = options_of(_summary_fields(parsed.fields), form=True)
        given = parsed.inputs[0]
        result = await run_limited(settings, lambda deadline: summarize_one(given, options, settings, deadline))
    except RequestError as error:
        return _response(render(values, error=error.message), status=error.status)
    record = summary_record(result, options)
    return _response(render(values, result=result, record=record))


def _summary_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """The page's fields as the API's: the length under its unit's name, and ten keywords."""
    unit = fields.get("unit") or "sentences"
    if unit not in _UNITS:
        raise RequestError(422, f"The 'unit' field must be one of {', '.join(_UNITS)}. Got {unit!r} instead.")
    chosen = {name: fields[name] for name in ("ranker", "language", "focus") if name in fields}
    if fields.get("length") not in (None, ""):
        chosen[str(unit)] = fields["length"]
    return chosen | {"keywords": str(_KEYWORDS)}


def _response(page: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        page, status_code=status, headers={"Content-Security-Policy": CSP, "Referrer-Policy": "no-referrer"}
    )


def render(
    values: Mapping[str, object],
    *,
    result: Summarized | None = None,
    record: Mapping[str, object] | None = None,
    error: str | None = None,
) -> str:
    """The page: the form holding ``values``, then the error or the result."""
    e = _escape
    styles, shown = "", ""
    if result is not None and record is not None:
        document_page = to_html(result.analysis, title=result.document.title, source=result.document.source)
        style, main = _STYLE.search(document_page), _MAIN.search(document_page)
        if style is None or main is None:  # to_html's page has one <style> and one <main>
            raise RuntimeError("the page of summarize.io.render.to_html has no <style> or <main>")
        styles, shown = style.group(1), _result(result, record, main.group(1))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{e(_title(result))}</title>",
        f"<style>{styles}\n{_ROOT if not styles else ''}{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        '<header class="site"><h1>Summarize</h1><p>The sentences that best summarise a text, a web page or a '
        "file, ranked by TextRank.</p></header>",
        _form(values),
        f'<p class="error" id="error" role="alert"><strong>Error:</strong> {e(error)}</p>' if error else "",
        shown,
        f'<footer>summarize {e(__version__)} · <a href="/openapi.json">API (OpenAPI)</a></footer>',
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _title(result: Summarized | None) -> str:
    if result is None:
        return "Summarize"
    return f"Summary: {result.document.title or result.given.name}"


def _form(values: Mapping[str, object]) -> str:
    e = _escape

    def value(name: str, default: str = "") -> str:
        given = values.get(name)
        return e(given if isinstance(given, str) else default)

    def options(name: str, choices: Mapping[str, str], default: str) -> str:
        chosen = values.get(name) if isinstance(values.get(name), str) else default
        return "".join(
            f'<option value="{e(key)}"{" selected" if key == chosen else ""}>{e(label)}</option>'
            for key, label in choices.items()
        )

    rankers = {name: f"{name} — {ranker.description}" for name, ranker in RANKERS.items()}
    languages = {AUTO: "detect it", **{language: language for language in LANGUAGES}}
    return f"""<form class="ask" method="post" action="/#result" enctype="multipart/form-data">
<fieldset><legend>Document: one of</legend>
<label for="text">Paste a text</label>
<textarea id="text" name="text" rows="8">{value("text")}</textarea>
<label for="url">or give a web address</label>
<input type="url" id="url" name="url" inputmode="url" placeholder="https://" value="{value("url")}">
<label for="file">or choose or drop a file</label>
<input type="file" id="file" name="file" accept="{_ACCEPT}" aria-describedby="file-hint">
<p class="hint" id="file-hint">Text, Markdown, HTML, PDF or Word (DOCX).</p>
</fieldset>
<fieldset><legend>Summary</legend>
<div class="row">
<div><label for="length">Length</label>
<input type="number" id="length" name="length" min="0" step="any" value="{value("length", "3")}"></div>
<div><label for="unit">in</label><select id="unit" name="unit">{options("unit", _UNITS, "sentences")}</select></div>
</div>
<div class="row">
<div><label for="ranker">Ranker</label>
<select id="ranker" name="ranker">{options("ranker", rankers, DEFAULT_RANKER)}</select></div>
<div><label for="language">Language</label>
<select id="language" name="language">{options("language", languages, "english")}</select></div>
</div>
<label for="focus">Focus (optional)</label>
<input type="text" id="focus" name="focus" value="{value("focus")}" aria-describedby="focus-hint">
<p class="hint" id="focus-hint">A question or a few keywords: the summary favours the sentences about it.</p>
</fieldset>
<button type="submit">Summarize</button>
</form>"""


def _result(result: Summarized, record: Mapping[str, object], document_view: str) -> str:
    """The result: downloads, the document view, every sentence by rank with its score, the keywords."""
    e = _escape
    analysis = result.analysis
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", (result.document.title or result.given.name)).strip("-.")[:60] or "summary"
    markdown = to_markdown(analysis, title=result.document.title, keywords=result.keywords)
    detected = " (detected)" if analysis.summarizer.language == AUTO else ""
    facts = [f"Language: {e(analysis.language or '')}{detected}", f"read as {e(result.document.format)}"]
    if analysis.focus_matched is False:
        facts.append("the focus matches nothing in the text, so the summary is unfocused")
    ranked = sorted((s for s in analysis.sentences if not s.fragment), key=lambda s: s.rank)
    chosen = {s.index for s in analysis.summary}
    marked = ' class="chosen"'
    rows = "\n".join(
        f'<tr{marked if s.index in chosen else ""}><td class="num">{s.rank}</td>'
        f'<td class="num">{s.score:.4f}</td><td>{e(" ".join(s.text.split()))}</td></tr>'
        for s in ranked[:_RANKED_SHOWN]
    )
    more = (
        f'<p class="more">and {len(ranked) - _RANKED_SHOWN:,} more sentences, shaded by score in the text above.</p>'
        if len(ranked) > _RANKED_SHOWN
        else ""
    )
    found = result.keywords or ()
    keywords = "\n".join(
        f'<li>{e(keyword.text)} <span class="more">{keyword.score:.4f}</span></li>' for keyword in found
    )
    return "\n".join(
        [
            '<section class="result" id="result" aria-label="Result">',
            '<p class="downloads">Download: '
            f'<a download="{e(name)}.json" href="{_data_url("application/json", json_line(record))}">JSON</a>'
            f'<a download="{e(name)}.md" href="{_data_url("text/markdown", markdown)}">Markdown</a></p>',
            f'<p class="facts">{" · ".join(facts)}</p>',
            document_view,
            '<h2 class="part" id="ranked">Every sentence by rank</h2>',
            '<div class="table"><table class="ranked"><thead><tr><th scope="col">Rank</th><th scope="col">Score</th>'
            f'<th scope="col">Sentence</th></tr></thead><tbody>\n{rows}\n</tbody></table></div>',
            more,
            '<h2 class="part" id="keywords">Keywords</h2>',
            f'<ol class="keywords">\n{keywords}\n</ol>' if keywords else '<p class="more">No keywords.</p>',
            "</section>",
        ]
    )


def _data_url(media_type: str, text: str) -> str:
    return f"data:{media_type};charset=utf-8,{urllib.parse.quote(text, safe='')}"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


# The colours and fonts of to_html's page, for the form alone (before any result brings its style sheet).
_ROOT = """:root{color-scheme:light dark;--bg:#fbfaf6;--fg:#1d2026;--muted:#5d6370;--card:#fff;--line:#e6e2d6;
--mark:255 214 72;--mark-edge:#d79b00;--link:#0b61a4;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Liberation Sans","DejaVu Sans",sans-serif;
--serif:Charter,"Bitstream Charter","Iowan Old Style","Palatino Linotype",Georgia,"DejaVu Serif",serif}
@media (prefers-color-scheme:dark){:root{--bg:#15171b;--fg:#e7e5df;--muted:#a1a6b0;--card:#1e2127;
--line:#30343c;--mark:150 112 0;--mark-edge:#f2b824;--link:#8cc4ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg)}
main{max-width:44rem;margin:0 auto;padding:2rem 1.25rem 4rem}
a{color:var(--link)}
footer{font:.8rem/1.5 var(--sans);color:var(--muted);border-top:1px solid var(--line);margin-top:2.5rem;
padding-top:1rem}
"""
