"""Pictures out: a summary as a Markdown list, or as a web page showing the whole document.

:func:`to_markdown` writes the summary as a list under the title. :func:`to_html`
writes one self-contained HTML file (no scripts, no external fonts, styles or
images) that shows the document with the summary's sentences highlighted and
ranked, and every other sentence shaded by its score. All document text is
escaped, and the page's Content-Security-Policy forbids scripts as a second guard.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarize._validation import abbreviated, fail
from summarize._version import __version__
from summarize.pipeline import Analysis
from summarize.spacing import fold
from summarize.structure import is_structured
from summarize.types import DocumentSentence, ScoredSentence, Summary

if TYPE_CHECKING:
    from summarize.keyphrases import Keyword
__all__ = ["sections_to_markdown", "to_html", "to_html_documents", "to_markdown"]

# Characters that Markdown (CommonMark) would read as markup inside a list item.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MARKDOWN_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MARKDOWN_LIST_START = re.compile(r"^(\d+)([.)])|^([-+#=])")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_WEB_URL = re.compile(r"^https?://", re.IGNORECASE)

# Shading: a sentence's score relative to the best score, in this many steps.
_LEVELS = 10


def to_markdown(
    summary: Analysis | Summary | Sequence[ScoredSentence],
    *,
    title: str | None = None,
    keywords: Sequence[Keyword] | None = None,
) -> str:
    """The summary as a Markdown list, one sentence per item, under the title when known.

    Parameters
    ----------
    summary : Analysis, Summary or sequence of ScoredSentence
        The sentences, in the order they are to be listed (of an Analysis, its
        summary).
    title : str, optional
        The document's title, written as a level-1 heading.
    keywords : sequence of Keyword, optional
        Keywords (:func:`summarize.keywords`), written after the list as a line
        ``Keywords: a, b, c``.

    Returns
    -------
    str
        Markdown ending with a newline. Line breaks inside a sentence are folded
        and characters that Markdown would read as markup are escaped, so the list
        shows the text as it is. A sentence of a summary of several documents
        (:func:`summarize.summarize_documents`) ends with its document in italics.
        The summary of an Analysis of a document with headings, in document order,
        is grouped under the headings of its sentences' sections (``##`` for the
        top level).

    Examples
    --------
    >>> import summarize
    >>> summary = summarize.summarize("Cats purr. Cats and dogs play. Dogs bark.", sentences=2)
    >>> print(to_markdown(summary, title="Pets"), end="")
    # Pets
    <BLANKLINE>
    - Cats purr.
    - Cats and dogs play.
    """
    sentences = _sentences("summary", summary.summary if isinstance(summary, Analysis) else summary)
    if title is not None and not isinstance(title, str):
        raise fail("title", "a str or None", title)
    lines = [f"# {_markdown_escape(title)}", ""] if title and title.strip() else []
    trails = _trails(summary, sentences) if isinstance(summary, Analysis) else None
    shown: tuple[str, ...] = ()
    for number, sentence in enumerate(sentences):
        trail = trails[number] if trails is not None else ()
        if trail != shown:  # the headings of the sections this sentence opens
            if lines and lines[-1] != "":
                lines.append("")
            lines.extend([*_opened(trail, shown), ""])
            shown = trail
        lines.append(f"- {_markdown_escape(sentence.text)}{_source(sentence)}")
    if keywords is not None:
        lines.extend(["", "Keywords: " + ", ".join(_markdown_escape(keyword.text) for keyword in keywords)])
    return "\n".join(lines) + "\n"


def sections_to_markdown(sections: Sequence[tuple[str, Sequence[ScoredSentence]]], *, title: str) -> str:
    """A summary by section (:meth:`~summarize.Analysis.by_section`) as Markdown: each section's list under its heading.

    Examples
    --------
    >>> from summarize import Summarizer
    >>> from summarize.structure import Block
    >>> text = "Use_it\\n\\nRun *it* now."
    >>> blocks = [Block(kind="heading", start=0, end=6, level=1), Block(kind="paragraph", start=8, end=21)]
    >>> print(sections_to_markdown(Summarizer().analyze(text, blocks=blocks).by_section(1), title="Tool"), end="")
    # Tool
    <BLANKLINE>
    ## Use\\_it
    <BLANKLINE>
    - Run \\*it\\* now.
    """
    lines = [f"# {_markdown_escape(title)}", ""]
    for heading, part in sections:
        lines += [f"## {_markdown_escape(heading)}", ""] if heading else []
        lines += [f"- {_markdown_escape(sentence.text)}" for sentence in part] + [""]
    return "\n".join(lines)


def _opened(trail: tuple[str, ...], shown: tuple[str, ...]) -> list[str]:
    """The Markdown headings of the sections of ``trail`` that ``shown`` (the last trail written) is not in."""
    same = 0
    while same < min(len(trail), len(shown)) and trail[same] == shown[same]:
        same += 1
    return [f"{'#' * (depth + 2)} {_markdown_escape(name)}" for depth, name in enumerate(trail) if depth >= same]


def _trails(analysis: Analysis, sentences: Sequence[ScoredSentence]) -> list[tuple[str, ...]] | None:
    """Each sentence's heading trail, for the summary of one structured document in document order; else None."""
    blocks = analysis.blocks[0] if len(analysis.blocks) == 1 else None
    if analysis.documents or not is_structured(blocks) or analysis.summarizer.order != "document":
        return None
    found = [analysis.block_of(sentence) for sentence in sentences]
    return [block.trail if block is not None else () for block in found]


def _source(sentence: ScoredSentence) -> str:
    """`` — *document*`` after a sentence of a summary of several documents, else nothing."""
    if not isinstance(sentence, DocumentSentence):
        return ""
    return f" — *{_markdown_escape(str(sentence.document))}*"


def _markdown_escape(text: str) -> str:
    text = fold(text)
    text = _MARKDOWN_ENTITY.sub(r"\\&", _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    # A leading "1." or "-" would start a nested list, "#" a heading.
    return _MARKDOWN_LIST_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text)


def to_html(analysis: Analysis, *, title: str | None = None, source: str | None = None) -> str:
    """A self-contained web page showing the document with its summary highlighted.

    The page has the title, the summary as a ranked list at the top, and then the
    whole document: every sentence shaded by its score, the summary's sentences
    highlighted with their rank beside them. Hovering a sentence shows its rank
    and score. It reads on a laptop and on a phone, in light and dark mode.

    Parameters
    ----------
    analysis : Analysis
        The document analysed once (:meth:`Summarizer.analyze`): its text, every
        sentence scored, and its summary. An analysis of several documents
        (:meth:`Summarizer.analyze_documents`) gives the page of
        :func:`to_html_documents`.
    title : str, optional
        The document's title; by default the page is titled by ``source``.
    source : str, optional
        Where the document came from, shown under the title (as a link when it is
        an http(s) URL).

    Returns
    -------
    str
        The HTML page. It loads nothing: no scripts, fonts, style sheets or
        images; every piece of the document is escaped.

    Raises
    ------
    InvalidParameterError
        If ``analysis`` is not an :class:`Analysis`, or ``title`` or ``source`` is
        not a str.

    Examples
    --------
    >>> from summarize import Summarizer
    >>> analysis = Summarizer(sentences=1).analyze("Cats purr. Cats and dogs play. Dogs bark.")
    >>> page = to_html(analysis, title="Pets <3")
    >>> page.startswith("<!DOCTYPE html>"), "<title>Summary: Pets &lt;3</title>" in page
    (True, True)
    """
    if not isinstance(analysis, Analysis):
        raise fail("analysis", "an Analysis, from Summarizer.analyze", abbreviated(analysis))
    for name, value in (("title", title), ("source", source)):
        if value is not None and not isinstance(value, str):
            raise fail(name, "a str or None", value)
    if analysis.documents:  # several documents: the page of to_html_documents
        return to_html_documents(analysis.texts, analysis.summary, title=title)
    return _page(analysis.text, analysis.sentences, analysis.summary.sentences, title=title, source=source)


def to_html_documents(texts: Sequence[str], summary: Summary, *, title: str | None = None) -> str:
    """A self-contained web page showing several documents, each with its chosen sentences highlighted.

    The page has the summary as a list at the top, each sentence with its
    document and a link to it in context, then every document under its name
    (its id, or "Document 1", ...), the chosen sentences highlighted with their
    rank. Like :func:`to_html`, it loads nothing and escapes every piece of text.

    Parameters
    ----------
    texts : sequence of str
        The documents, as given to :func:`summarize.summarize_documents`.
    summary : Summary
        Their summary, from :func:`summarize.summarize_documents`.
    title : str, optional
        The page's title (default "Summary of N documents").

    Raises
    ------
    InvalidParameterError
        If ``summary`` is not a summary of several documents, ``texts``
        are not one str per document of the summary, or ``title`` is not a str.

    Examples
    --------
    >>> import summarize
    >>> texts = ["Cats purr. Cats and dogs play.", "Dogs bark. Dogs and cats play."]
    >>> page = to_html_documents(texts, summarize.summarize_documents(texts, ids=["a", "b"], sentences=1))
    >>> page.count("<mark"), "<h2>b</h2>" in page
    (1, True)
    """
    if not isinstance(summary, Summary) or not summary.documents:
        raise fail("summary", "a summary of several documents, from summarize_documents", abbreviated(summary))
    if (
        isinstance(texts, str)
        or not isinstance(texts, Sequence)
        or len(texts) != len(summary.documents)
        or not all(isinstance(text, str) for text in texts)
    ):
        raise fail("texts", f"a sequence of {len(summary.documents)} str, the summary's documents", abbreviated(texts))
    if title is not None and not isinstance(title, str):
        raise fail("title", "a str or None", title)
    e = _escape
    names = list(summary.documents)
    number: dict[object, int] = {name: position for position, name in enumerate(names)}
    heading = title.strip() if title and title.strip() else f"Summary of {len(texts)} documents"
    label = [str(name) if isinstance(name, str) else f"Document {name + 1}" for name in names]
    items = "\n".join(
        f'<li><span class="rank">{s.rank}</span><span class="text">{e(fold(s.text))} '
        f'<a class="jump" href="#d{number[s.document]}s{s.index}">{e(label[number[s.document]])}&nbsp;↓</a>'
        "</span></li>"
        for s in summary
    )
    scores = [s.score for s in summary]
    span = (min(scores), max(scores)) if scores else (0.0, 0.0)
    documents: list[str] = []
    for position, text in enumerate(texts):
        own = tuple(s for s in summary if number[s.document] == position)
        documents.extend(
            [
                f'<article class="document" aria-label="{e(label[position])}">',
                f"<h2>{e(label[position])}</h2>",
                *_paragraphs(text, own, {s.index: s for s in own}, span, len(summary), prefix=f"d{position}"),
                "</article>",
            ]
        )
    parts = [
        *_head(heading),
        "<body>",
        "<main>",
        f"<header><h1>{e(heading)}</h1></header>",
        '<section class="summary" aria-labelledby="summary-heading">',
        f'<h2 id="summary-heading">Summary <span class="count">{len(summary)} sentences from '
        f"{len(texts)} documents</span></h2>",
        f'<ol class="summary-list">\n{items}\n</ol>' if items else '<p class="none">No sentence was chosen.</p>',
        "</section>",
        *documents,
        f"<footer>Extractive summary made by summarize {e(__version__)}: the sentences are the documents' own, "
        "chosen and ranked by TextRank centrality over all of them.</footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _head(heading: str) -> list[str]:
    """The page's start up to its body: the policy that forbids scripts, the title, the styles."""
    e = _escape
    return [
        "<!DOCTYPE html>",
        '<html dir="auto">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="summarize {e(__version__)}">',
        f"<title>Summary: {e(heading)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
    ]


def _sentences(name: str, value: object) -> tuple[ScoredSentence, ...]:
    allowed = "a Summary or a sequence of ScoredSentence"
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise fail(name, allowed, abbreviated(value))
    items = tuple(value)
    for item in items:
        if not isinstance(item, ScoredSentence):
            raise fail(name, allowed + f", but item {len(items) and items.index(item)} is not", abbreviated(item))
    return items


def _page(
    text: str,
    ranked: tuple[ScoredSentence, ...],
    chosen: tuple[ScoredSentence, ...],
    *,
    title: str | None,
    source: str | None,
) -> str:

    e = _escape
    heading = title.strip() if title and title.strip() else (source or "Summary")
    top = {sentence.index: sentence for sentence in chosen}
    body = [sentence for sentence in ranked if not sentence.fragment]
    scores = [sentence.score for sentence in body]
    span = (min(scores), max(scores)) if scores else (0.0, 0.0)
    words = len(text.split())
    chosen_words = sum(len(sentence.text.split()) for sentence in chosen)

    if source and _WEB_URL.match(source):
        origin = f'<a href="{e(source)}" rel="noreferrer noopener">{e(source)}</a>'
    else:
        origin = e(source) if source else ""
    items = "\n".join(
        f'<li><span class="rank" title="rank {s.rank} of {len(body)}">{s.rank}</span>'
        f'<span class="text">{e(fold(s.text))} <a class="jump" href="#s{s.index}" '
        f'aria-label="sentence {s.index + 1} in the text">in&nbsp;context&nbsp;↓</a></span></li>'
        for s in chosen
    )
    summary_block = (
        f'<ol class="summary-list">\n{items}\n</ol>' if chosen else '<p class="none">No sentence was chosen.</p>'
    )
    parts = [
        *_head(heading),
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{e(heading)}</h1>",
        f'<p class="source">{origin}</p>' if origin and heading != source else "",
        "</header>",
        '<section class="summary" aria-labelledby="summary-heading">',
        f'<h2 id="summary-heading">Summary <span class="count">{len(chosen)} of {len(body)} sentences · '
        f"{chosen_words:,} of {words:,} words</span></h2>",
        summary_block,
        "</section>",
        '<p class="legend"><span class="key"><mark class="sample"><span class="rank">1</span>in the summary</mark>'
        '</span><span class="key">other sentences, by score: <span class="scale" aria-hidden="true"></span> '
        'low → high</span><span class="key hint">tap or hover over a sentence for its rank and score</span></p>',
        '<article class="document">',
        *_paragraphs(text, ranked, top, span, len(body)),
        "</article>",
        f"<footer>Extractive summary made by summarize {e(__version__)}: the sentences are the text's own, "
        "chosen and ranked by TextRank centrality.</footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _paragraphs(
    text: str,
    ranked: tuple[ScoredSentence, ...],
    top: dict[int, ScoredSentence],
    span: tuple[float, float],
    count: int,
    *,
    prefix: str = "",
) -> list[str]:
    """The document as <p> elements, its sentences wrapped and shaded; the text between them kept."""
    sentences = sorted(ranked, key=lambda sentence: (sentence.start, sentence.index))
    paragraphs: list[str] = []
    start = 0
    breaks = [(match.start(), match.end()) for match in _PARAGRAPH_BREAK.finditer(text)]
    for stop, following in [*breaks, (len(text), len(text))]:
        block = text[start:stop]
        lead = len(block) - len(block.lstrip())
        low, high = start + lead, start + len(block.rstrip())
        start = following
        if low >= high:
            continue
        html_parts: list[str] = []
        position = low
        for sentence in sentences:
            begin, end = max(sentence.start, low), min(sentence.end, high)
            if begin >= end:
                continue
            if begin > position:
                html_parts.append(_escape_lines(text[position:begin]))
            first = begin == sentence.start
            html_parts.append(
                _sentence(sentence, text[begin:end], top.get(sentence.index), span, count, first=first, prefix=prefix)
            )
            position = end
        if position < high:
            html_parts.append(_escape_lines(text[position:high]))
        paragraphs.append(f"<p>{''.join(html_parts)}</p>")
    return paragraphs


def _sentence(
    sentence: ScoredSentence,
    part: str,
    chosen: ScoredSentence | None,
    span: tuple[float, float],
    count: int,
    *,
    first: bool,
    prefix: str = "",
) -> str:
    anchor = f' id="{prefix}s{sentence.index}"' if first else ""
    data = f'data-index="{sentence.index}" data-rank="{sentence.rank}" data-score="{sentence.score:.6g}"'
    if sentence.fragment:
        return f'<span class="s frag"{anchor} {data} title="not ranked: a heading, caption or short line">' + (
            f"{_escape_lines(part)}</span>"
        )
    low, high = span
    level = round((_LEVELS - 1) * (sentence.score - low) / (high - low)) if high > low else _LEVELS - 1
    tip = f"rank {sentence.rank} of {count} · score {sentence.score:.4f}"
    # Focusable, so that a tap (or the Tab key) shows the rank and score on a phone too.
    data += f' tabindex="0" data-tip="{tip}"'
    if chosen is None:
        return f'<span class="s k{level}"{anchor} {data} title="{tip}">{_escape_lines(part)}</span>'
    badge = f'<span class="rank" aria-label="summary sentence, rank {sentence.rank}">{sentence.rank}</span>'
    return (
        f'<mark class="s top k{level}"{anchor} {data} title="in the summary · {tip}">'
        f"{badge if first else ''}{_escape_lines(part)}</mark>"
    )


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _escape_lines(text: str) -> str:
    """Escape text, keeping its line breaks."""
    return "<br>".join(_escape(line) for line in text.split("\n"))


def _shades() -> str:
    """One background per score level, from the document's lowest score to its highest.

    Other sentences go from a faint to a clear tint; the summary's sentences from a
    light to a full marker colour.
    """
    steps = [level / (_LEVELS - 1) for level in range(_LEVELS)]
    return "".join(
        f".k{level}{{background:rgb(var(--heat) / {0.03 + 0.3 * step:.3f})}}"
        f".s.top.k{level}{{background:rgb(var(--mark) / {0.5 + 0.5 * step:.3f})}}"
        for level, step in enumerate(steps)
    )


_CSS = (
    """
:root{color-scheme:light dark;--bg:#fbfaf6;--fg:#1d2026;--muted:#5d6370;--card:#fff;--line:#e6e2d6;
--heat:31 119 180;--mark:255 214 72;--mark-edge:#d79b00;--badge:#8a5300;--badge-fg:#fff;--link:#0b61a4;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Liberation Sans","DejaVu Sans",sans-serif;
--serif:Charter,"Bitstream Charter","Iowan Old Style","Palatino Linotype",Georgia,"DejaVu Serif",serif}
@media (prefers-color-scheme:dark){:root{--bg:#15171b;--fg:#e7e5df;--muted:#a1a6b0;--card:#1e2127;
--line:#30343c;--heat:110 170 230;--mark:150 112 0;--mark-edge:#f2b824;--badge:#f2b824;--badge-fg:#1b1b1b;
--link:#8cc4ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.7 var(--serif)}
main{max-width:44rem;margin:0 auto;padding:3rem 1.5rem 4rem}
h1{font:700 2rem/1.2 var(--sans);letter-spacing:-.01em;margin:0 0 .5rem;overflow-wrap:anywhere}
a{color:var(--link)}
.source{font:.875rem/1.4 var(--sans);color:var(--muted);margin:0;overflow-wrap:anywhere}
.summary{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--mark-edge);
border-radius:12px;padding:1.25rem 1.5rem;margin:1.75rem 0 1.25rem;box-shadow:0 1px 3px rgb(0 0 0 / .06)}
.summary h2{font:700 .8rem/1.4 var(--sans);letter-spacing:.08em;text-transform:uppercase;color:var(--muted);
margin:0 0 .5rem}
.summary h2 .count{font-weight:500;letter-spacing:.02em;text-transform:none;margin-left:.5em}
.summary-list{list-style:none;margin:0;padding:0}
.summary-list li{display:flex;gap:.75rem;align-items:baseline;padding:.6rem 0;border-top:1px solid var(--line)}
.summary-list li:first-child{border-top:0}
.summary-list .rank{flex:none;margin:0}
.jump{font:.78rem var(--sans);white-space:nowrap;text-decoration:none;margin-left:.25em}
.jump:hover{text-decoration:underline}
.legend{font:.8rem/1.5 var(--sans);color:var(--muted);display:flex;flex-wrap:wrap;gap:.4rem 1.25rem;
margin:0 0 2rem;padding:0 .25rem}
.key{display:inline-flex;align-items:center;gap:.4rem}
.scale{display:inline-block;width:5.5rem;height:.8rem;border-radius:3px;
background:linear-gradient(90deg,rgb(var(--heat) / .03),rgb(var(--heat) / .33))}
.document p{margin:0 0 1.15em}
.s{border-radius:3px;padding:.08em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark,.s.top{background:rgb(var(--mark));color:inherit;box-shadow:inset 0 -.14em var(--mark-edge);padding:.08em .12em}
.frag{color:var(--muted);font-family:var(--sans);font-size:.9em}
.rank{display:inline-block;min-width:1.6em;padding:.2em .45em;border-radius:999px;background:var(--badge);
color:var(--badge-fg);font:700 .72rem/1.1 var(--sans);text-align:center;vertical-align:.14em;margin-right:.35em}
.s[title]:hover{outline:1px solid var(--mark-edge);outline-offset:1px}
.s[tabindex]:focus{outline:2px solid var(--mark-edge);outline-offset:1px}
.s[tabindex]:focus::after{content:attr(data-tip);display:inline-block;margin-left:.4em;padding:0 .55em;
border-radius:999px;background:var(--fg);color:var(--bg);font:600 .72rem/1.6 var(--sans);white-space:nowrap;
vertical-align:.12em}
:target{outline:2px solid var(--mark-edge);outline-offset:2px}
.none{color:var(--muted);margin:0}
footer{font:.8rem/1.5 var(--sans);color:var(--muted);border-top:1px solid var(--line);margin-top:2.5rem;
padding-top:1rem}
@media (max-width:600px){body{font-size:1.0625rem;line-height:1.65}main{padding:1.5rem 1rem 3rem}
h1{font-size:1.55rem}.summary{padding:1rem;margin-top:1.25rem}.summary-list li{gap:.6rem}
.summary h2 .count{display:block;margin:.15rem 0 0}}
@media print{.jump,.legend .hint{display:none}.summary{box-shadow:none}}
""".strip()
    + _shades()
)

# Only this style sheet may apply; no script, font, image or connection of any kind.
_CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{base64.b64encode(hashlib.sha256(_CSS.encode()).digest()).decode()}'; "
    "base-uri 'none'; form-action 'none'"
)
