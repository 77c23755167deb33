"""Reading a generated page back: its elements, its summary sentences and its article text."""

from html.parser import HTMLParser


class Page(HTMLParser):
    """The elements of a page, and the text inside each summary sentence, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[dict[str, str | None]] = []
        self.marks: list[str] = []
        self.text: list[str] = []
        self.article: list[str] = []
        self._in_article = False
        self._in_mark = 0
        self._in_badge = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.append(dict(attrs))
        classes = (dict(attrs).get("class") or "").split()
        if tag == "mark" and "top" in classes:
            self._in_mark += 1
            self.marks.append("")
        elif "rank" in classes:
            self._in_badge += 1
        self._in_style = tag == "style"
        self._in_article = self._in_article or tag == "article"
        if tag == "br":
            self.handle_data("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False
        if tag == "mark" and self._in_mark:
            self._in_mark -= 1
        if tag == "span" and self._in_badge:
            self._in_badge -= 1
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)
        if self._in_article and not self._in_badge:
            self.article.append(data)
        if self._in_mark and not self._in_badge:
            self.marks[-1] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser
