"""The article of a web page: its main text and title, extracted with trafilatura.

trafilatura is installed by the optional extra ``html`` (``pip install
"summarize[html]"``) and imported only when a page is extracted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from summarize._validation import fail
from summarize.blocks import Block, blocks_of
from summarize.errors import InputError, MissingDependencyError
from summarize.sentences import split_sentences
from summarize.spacing import fold

__all__ = ["MAX_ATTRIBUTES", "Article", "extract_article"]

#: The most attributes of one tag that are kept: the HTML parser (libxml2) checks each
#: attribute against the tag's others, in time that grows with their square.
MAX_ATTRIBUTES = 1000
# A tag long enough to hold more than MAX_ATTRIBUTES attributes (each at least two
# characters, " a"): from "<" and a name to the next ">", with no "<" between, so that
# each character is looked at once or twice (with "[^>]", a page of "<a<a<a..."
# would be scanned to its end from every "<").
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{" + str(2 * MAX_ATTRIBUTES) + r",}>")
# What the HTML parser (libxml2, without its "huge" option) reads at most: deeper
# elements, and longer texts in one element, are dropped without a word.
_PARSER_DEPTH = 255
_PARSER_TEXT = 10_000_000
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^<>]*?(/?)>")
# Elements that are not nested: void ones, and those whose end tag may be left out.
_UNNESTED = frozenset(
    re.findall(
        r"\S+",
        "area base br col embed hr img input link meta param source track wbr "
        "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rt rp html head body",
    )
)
_ATTRIBUTE = re.compile(r"""\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """The main text of a web page.

    Attributes
    ----------
    text : str
        The article's paragraphs, headings and list items, one block per paragraph,
        separated by blank lines, with the whitespace inside each block collapsed.
    title : str or None
        The page's title (the article's headline when the page names it), or None.
    blocks : tuple of Block or None
        Each block's kind (heading with its level, paragraph, list item, quotation,
        code), its offsets in ``text`` and its heading trail; None for an article of
        paragraphs and list items alone.
    """

    text: str
    title: str | None = None
    blocks: tuple[Block, ...] | None = None


def extract_article(html: str, *, url: str | None = None, name: str = "<html>") -> Article:
    """Extract the main text and the title of a web page.

    Navigation, menus, cookie banners, lists of related articles, comments,
    footers, scripts and tables are left out; paragraph breaks are kept.

    Parameters
    ----------
    html : str
        The page's HTML.
    url : str, optional
        Where the page came from; helps to recognise boilerplate.
    name : str
        What to call the page in error messages (a path or URL).

    Returns
    -------
    Article
        The text, with one block per paragraph separated by blank lines, and the
        title. A first paragraph that repeats the title is left out of the text.

    Raises
    ------
    MissingDependencyError
        If trafilatura, from the extra ``html``, is not installed.
    InputError
        If the page holds no article text: nothing but navigation, boilerplate or
        lines too short to be sentences.

    Notes
    -----
    Extraction is done by trafilatura [1]_ tuned for precision, so that boilerplate
    stays out of the summary even at the cost of a marginal paragraph. A tag's
    attributes past the first :data:`MAX_ATTRIBUTES` (1,000) are dropped first, in
    linear time: the parser would take minutes over a tag of a million.

    References
    ----------
    .. [1] Barbaresi, A. (2021). Trafilatura: a web scraping library and
       command-line tool for text discovery and extraction. Proceedings of ACL-IJCNLP
       2021: System Demonstrations, 122-131.
    """
    if not isinstance(html, str):
        raise fail("html", "a str", type(html).__name__)
    html = _LONG_TAG.sub(_fewer_attributes, html)
    try:
        import trafilatura
    except ImportError:
        raise MissingDependencyError("reading HTML", "trafilatura", "html") from None
    result = (
        trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
        if html.strip()
        else None
    )
    raw_title = getattr(result, "title", None)
    title = " ".join(raw_title.split()) if isinstance(raw_title, str) and raw_title.strip() else None
    body = getattr(result, "body", None)
    if body is not None:
        found = [(fold(text), kind, level) for text, kind, level in _elements(body)]
    else:  # no tree (an older trafilatura): its text, a block a line
        raw_text = getattr(result, "text", None)
        lines = (raw_text if isinstance(raw_text, str) else "").splitlines()
        found = [(fold(line), "paragraph", 0) for line in lines]
    found = [(text, kind, level) for text, kind, level in found if text]
    if found and title and found[0][0].casefold() == title.casefold():
        del found[0]
    text, blocks = blocks_of(found)
    if not any(not sentence.fragment for sentence in split_sentences(text)):
        raise InputError(f"{name}: {_why_empty(html)}")
    return Article(text=text, title=title, blocks=blocks)


# trafilatura's elements of an article, and the kinds of block they are.
_KINDS = {"head": "heading", "p": "paragraph", "quote": "quotation", "code": "code", "table": "table"}


def _elements(body: Any) -> Iterator[tuple[str, str, int]]:
    """The blocks of trafilatura's tree of the article: text (inline elements inside), kind, level.

    A paragraph's text is all of its text, inline elements (``code``, ``hi``,
    ``ref``) included, so a sentence is never cut where the page's source wraps it.
    """
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            for item in element.iter("item"):
                yield from _item(item)
        elif tag == "head":
            rend = str(element.get("rend") or "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 2
            yield "".join(element.itertext()), "heading", level
        elif tag:
            yield "".join(element.itertext()), _KINDS.get(tag, "paragraph"), 0


# trafilatura's elements that are blocks of their own inside a list item (a term's
# definition of several paragraphs); any other element is inline in the item's text.
_ITEM_BLOCKS = frozenset({"p", "head", "quote", "table"})


def _item(item: Any) -> Iterator[tuple[str, str, int]]:
    """The list items of one item of trafilatura's tree: its own text, and each paragraph in it, one block each.

    So two paragraphs of an item (``<dd><p>..</p><p>..</p></dd>``) do not run
    together. A nested list is left out: its items come as items of their own.
    """
    own = [item.text or ""]
    for child in item:
        if child.tag in _ITEM_BLOCKS:
            yield "".join(own), "list_item", 1
            yield "".join(child.itertext()), "list_item", 1
            own = [child.tail or ""]
        elif child.tag == "list":
            own.append(child.tail or "")
        else:
            own.append("".join(child.itertext()) + (child.tail or ""))
    yield "".join(own), "list_item", 1


def _fewer_attributes(match: re.Match[str]) -> str:
    """A long tag with its first :data:`MAX_ATTRIBUTES` attributes only."""
    tag = match.group()
    name = re.match(r"<[^\s/>]+", tag)
    start = name.end() if name else 1
    kept: list[str] = []
    for count, attribute in enumerate(_ATTRIBUTE.finditer(tag, start, len(tag) - 1)):
        if count == MAX_ATTRIBUTES:
            return tag[:start] + "".join(kept) + ">"
        kept.append(attribute.group())
    return tag


def _why_empty(html: str) -> str:
    """Why a page gave no article text: beyond what the parser reads, or no article in it."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(1):
            depth = max(0, depth - 1)
        elif not match.group(3) and match.group(2).lower() not in _UNNESTED:
            depth += 1
            deepest = max(deepest, depth)
    if deepest > _PARSER_DEPTH:
        return (
            f"no article text can be read: the page's elements are nested {deepest:,} deep, and the HTML parser "
            f"reads no deeper than {_PARSER_DEPTH} (a damaged or hostile page)"
        )
    longest = max((len(run) for run in re.findall(f"[^<]{{{_PARSER_TEXT // 2},}}", html)), default=0)
    if longest > _PARSER_TEXT:
        return (
            f"no article text can be read: one element holds {longest:,} characters of text, and the HTML parser "
            f"reads at most {_PARSER_TEXT:,} in one element; save the text as a .txt file to summarise it"
        )
    return "no article text found in the page (only navigation, boilerplate or headings)"
