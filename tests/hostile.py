"""Hostile inputs, built by small generators, for the tests (small sizes) and ``benchmarks/hostile.py`` (full sizes).

Each function returns the bytes (or text) of one input of the size asked for.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (object 1 is the catalog), with its cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page(content: bytes, resources: bytes) -> list[bytes]:
    """Catalog, pages, one page (objects 1-3) whose content is object 4 and font object 5."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources " + resources + b" >>",
        content,
        _FONT,
    ]


def nested_forms_pdf(levels: int = 12, copies: int = 10) -> bytes:
    """A PDF whose form objects draw each other ``copies`` times over ``levels`` levels: copies**levels texts."""
    first = 6  # the forms are objects 6, 7, ...; form k draws form k - 1 ``copies`` times
    forms = [
        _stream(
            b"BT /F1 12 Tf 72 700 Td (Hello world.) Tj ET",
            b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>",
        )
    ]
    for level in range(1, levels + 1):
        draw = b" ".join(b"q 1 0 0 1 0 %d cm /X Do Q" % (copy % 3) for copy in range(copies))
        forms.append(
            _stream(
                draw,
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X %d 0 R >> >>"
                % (first + level - 1),
            )
        )
    content = _stream(b"/X Do")
    resources = b"<< /XObject << /X %d 0 R >> >>" % (first + levels)
    return _pdf(_page(content, resources) + forms)


def inflating_pdf(inflated: int) -> bytes:
    """A PDF whose one content stream is compressed twice and inflates to ``inflated`` bytes (spaces after one text)."""
    text = b"BT /F1 12 Tf 72 700 Td (A page that inflates.) Tj ET\n"
    inner = zlib.compressobj(9)
    parts = [inner.compress(text)]
    chunk = b" " * 2**24
    left = inflated - len(text)
    while left > 0:
        parts.append(inner.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(inner.flush())
    twice = zlib.compress(b"".join(parts), 9)
    content = _stream(twice, b"/Filter [/FlateDecode /FlateDecode]")
    return _pdf(_page(content, b"<< /Font << /F1 5 0 R >> >>"))


def one_line_pdf(objects: int) -> bytes:
    """A PDF with ``objects`` text objects side by side on one line, each a word in its own BT ... ET."""
    draws = b"\n".join(
        b"BT /F1 1 Tf %.2f 700 Td (w%d) Tj ET" % (36 + index * 0.001, index % 10) for index in range(objects)
    )
    content = _stream(zlib.compress(draws, 9), b"/Filter /FlateDecode")
    return _pdf(_page(content, b"<< /Font << /F1 5 0 R >> >>"))


def _docx(body: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body>" + body + b"</w:body></w:document>",
        )
    return out.getvalue()


def empty_elements_docx(elements: int) -> bytes:
    """A DOCX file of one paragraph holding ``elements`` empty elements, then a sentence."""
    return _docx(b"<w:p>" + b"<a/>" * elements + b"<w:r><w:t>One sentence here.</w:t></w:r></w:p>")


def many_runs_docx(runs: int) -> bytes:
    """A DOCX file of one paragraph of ``runs`` runs of one letter each."""
    return _docx(b"<w:p>" + b"<w:r><w:t>a</w:t></w:r>" * runs + b"</w:p>")


def many_attributes_html(attributes: int) -> str:
    """An HTML page whose one tag has ``attributes`` attributes, then an article."""
    attrs = " ".join(f"a{index}=x" for index in range(attributes))
    body = "<p>" + " ".join(["The council approved a new park on Monday."] * 20) + "</p>"
    return f"<html><head><title>T</title></head><body><div {attrs}>{body}</div></body></html>"


def nested_json(depth: int) -> str:
    """A JSON Lines record nested ``depth`` levels deep in its text field."""
    return json.dumps({"id": "deep", "text": "x"})[:-1] + ', "more": ' + "[" * depth + "]" * depth + "}"


def short_sentences(size: int, vocabulary: int = 20_000) -> str:
    """About ``size`` characters of sentences of three words each from a vocabulary of ``vocabulary`` words."""
    words = [f"w{index:05d}" for index in range(vocabulary)]
    out = []
    total = 0
    index = 0
    while total < size:
        first, second, third = (words[(index * step + shift) % vocabulary] for step, shift in ((1, 0), (7, 3), (13, 5)))
        sentence = f"{first.title()} {second} {third}. "
        out.append(sentence)
        total += len(sentence)
        index += 1
    return "".join(out)
