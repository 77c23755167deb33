"""DOCX files written by python-docx (tests/documents.py), read with the standard library."""

import io
import json
import zipfile
from pathlib import Path

import pytest

from summarize import InputError, InvalidParameterError, Summarizer, split_sentences
from summarize.cli import main
from summarize.io.documents import load_document, read_document
from summarize.io.docx import DEFAULT_MAX_UNZIPPED, extract_docx, is_docx

from .documents import CAPTION, PARAGRAPHS, TABLE, TITLE, write_docx, write_pdf, write_zip_bomb

ITEMS = ("Raise the harbour walls", "Build floating gates at the entrance")


@pytest.fixture(scope="module")
def memo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "memo.docx"
    write_docx(path, items=ITEMS, table=True)
    return path


def test_paragraphs_headings_list_items_and_cells_are_blocks(memo: Path) -> None:
    docx = extract_docx(memo.read_bytes(), name=str(memo))
    cells = [cell for row in TABLE for cell in row]
    expected = [
        "Background",
        *PARAGRAPHS[:2],
        *ITEMS,
        *PARAGRAPHS[2:4],
        *cells,
        CAPTION,
        "The compromise",
        *PARAGRAPHS[4:],
    ]
    assert docx.text.split("\n\n") == expected
    assert docx.title == TITLE  # the Title paragraph, left out of the text


def test_headings_items_cells_and_captions_are_never_chosen(memo: Path) -> None:
    text = extract_docx(memo.read_bytes()).text
    sentences = split_sentences(text)
    body = [s for s in sentences if not s.fragment]
    assert {s.text for s in body} == {s.text for paragraph in PARAGRAPHS for s in split_sentences(paragraph)}
    assert {s.text for s in Summarizer(ratio=1.0)(text)} == {s.text for s in body}


def test_title_from_the_properties_first(tmp_path: Path) -> None:
    path = tmp_path / "titled.docx"
    write_docx(path, metadata_title="Harbour Defences Review")
    docx = extract_docx(path.read_bytes())
    assert docx.title == "Harbour Defences Review"
    assert docx.text.startswith(TITLE + "\n\nBackground\n\n")


def test_title_from_the_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "headed.docx"
    write_docx(path, title=None)
    docx = extract_docx(path.read_bytes())
    assert docx.title == "Background"
    assert docx.text.startswith(PARAGRAPHS[0])


def test_no_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    write_docx(path, title=None, headings=False)
    docx = extract_docx(path.read_bytes())
    assert (docx.title, docx.text) == (None, "\n\n".join(PARAGRAPHS))


def test_found_by_suffix_and_by_first_bytes(memo: Path, tmp_path: Path) -> None:
    expected = extract_docx(memo.read_bytes()).text
    unnamed = tmp_path / "attachment"
    unnamed.write_bytes(memo.read_bytes())
    for document in (load_document(memo), load_document(unnamed), read_document(io.BytesIO(memo.read_bytes()))):
        assert (document.format, document.title, document.text) == ("docx", TITLE, expected)
    assert is_docx(memo.read_bytes())
    assert not is_docx(b"PK\x03\x04 but not a zip")


# Bad files ---------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_it_is_unzipped(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    size = write_zip_bomb(path, unzipped_bytes=DEFAULT_MAX_UNZIPPED + 1024 * 1024)
    assert size < 1024 * 1024
    with pytest.raises(InputError, match=r"bomb\.docx: unzips to more than 268,435,456 bytes, the limit"):
        load_document(path)


def test_a_zip_bomb_that_hides_its_size_is_stopped_while_unzipping(tmp_path: Path) -> None:
    # The sizes in the archive's headers say 100 bytes; the data unzips to 8 MiB. No
    # more than the size said is unzipped, and the check of the data then fails.
    path = tmp_path / "liar.docx"
    write_zip_bomb(path, unzipped_bytes=8 * 1024 * 1024)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("word/document.xml").file_size
    for width in (8, 4):  # the local header's zip64 field, the central directory's field
        assert data.count(size.to_bytes(width, "little")) == 1
        data = data.replace(size.to_bytes(width, "little"), (100).to_bytes(width, "little"))
    with pytest.raises(InputError, match=r"liar\.docx: not a valid DOCX file \(the zip archive is damaged"):
        extract_docx(bytes(data), name="liar.docx", max_unzipped=1_000_000)


def test_the_limit_counts_what_is_unzipped(memo: Path) -> None:
    with pytest.raises(InputError, match=r"memo\.docx: unzips to more than 1,000 bytes"):
        extract_docx(memo.read_bytes(), name="memo.docx", max_unzipped=1000)
    with pytest.raises(InvalidParameterError, match="max_unzipped"):
        extract_docx(memo.read_bytes(), max_unzipped=0)


def test_truncated(memo: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(memo.read_bytes()[:2000])
    with pytest.raises(InputError, match=r"cut\.docx: not a valid DOCX file \(the zip archive is damaged or trunc"):
        load_document(path)


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match=r"sheet\.docx: a zip archive but not a Word document \(it has no word/"):
        load_document(path)


def test_word_97_and_encrypted_files(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    old = tmp_path / "old.docx"
    old.write_bytes(ole + "WordDocument".encode("utf-16-le"))
    with pytest.raises(InputError, match=r"old\.docx: a Word 97-2003 \(\.doc\) or other OLE file, not a DOCX file"):
        load_document(old)
    secret = tmp_path / "secret.docx"
    secret.write_bytes(ole + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(InputError, match=r"secret\.docx: the Word file is encrypted \(password-protected\)"):
        load_document(secret)


def test_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body>")
    with pytest.raises(InputError, match=r"broken\.docx: not a valid DOCX file \(word/document\.xml is not well-"):
        load_document(path)


def test_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    write_docx(path, paragraphs=(), title=None, headings=False)
    with pytest.raises(InputError, match=r"blank\.docx: the Word document has no text$"):
        load_document(path)


def test_not_a_docx_though_named_one(tmp_path: Path) -> None:
    pdf = tmp_path / "report.docx"
    write_pdf(pdf)
    with pytest.raises(InputError, match=r"report\.docx: not a Word \(DOCX\) file: it looks like a PDF file$"):
        load_document(pdf)
    text = tmp_path / "notes.docx"
    text.write_text("Just some notes.", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.docx: not a Word \(DOCX\) file: it looks like text$"):
        load_document(text)


# The command line --------------------------------------------------------------


def test_command_json_with_text(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", "json", "--include-text", "-n", "2", str(memo)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == TITLE
    assert record["text"] == extract_docx(memo.read_bytes()).text
    assert len(record["sentences"]) == 2
    for sentence in record["sentences"]:
        assert record["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_command_html_view(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", "html", str(memo)]) == 0
    page = capsys.readouterr().out
    assert TITLE in page
    assert "Northport" in page


def test_batch_folder_with_a_zip_bomb(memo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "memos"
    folder.mkdir()
    (folder / "memo.docx").write_bytes(memo.read_bytes())
    write_zip_bomb(folder / "bomb.docx", unzipped_bytes=DEFAULT_MAX_UNZIPPED + 1024 * 1024)
    output = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(output), "-n", "1", "--jobs", "1"]) == 1
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == ["bomb.docx", "memo.docx"]
    assert "unzips to more than" in records[0]["error"]
    best = records[1]["summary"][0]
    assert any(best["text"] in paragraph for paragraph in PARAGRAPHS)
    assert best["kind"] == "paragraph"  # a Word file with headings is read with its structure, as by the command
    assert "1 summarised, 1 failed" in capsys.readouterr().err


def test_a_paragraph_of_many_runs_is_read_whole() -> None:
    from .hostile import many_runs_docx

    assert extract_docx(many_runs_docx(50_000)).text == "a" * 50_000


def test_a_paragraph_of_too_many_elements_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.io.docx

    from .hostile import empty_elements_docx

    monkeypatch.setattr(summarize.io.docx, "MAX_PARAGRAPH_ELEMENTS", 1_000)
    assert extract_docx(empty_elements_docx(990)).text == "One sentence here."
    with pytest.raises(
        InputError, match=r"^e\.docx: a paragraph of the Word document has more than 1,000 XML elements"
    ):
        extract_docx(empty_elements_docx(1_000), name="e.docx")


def test_a_document_of_too_many_elements_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.io.docx

    from .hostile import many_runs_docx

    monkeypatch.setattr(summarize.io.docx, "MAX_ELEMENTS", 1_000)
    with pytest.raises(InputError, match=r"^m\.docx: the Word document has more than 1,000 XML elements"):
        extract_docx(many_runs_docx(600), name="m.docx")


def test_paragraph_styles_give_the_blocks_of_the_document(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    write_docx(path, items=["First item of the list.", "Second item of the list."], table=True)
    document = load_document(str(path))
    assert document.blocks is not None
    shown = [
        (block.kind, block.level, block.trail, document.text[block.start : block.end]) for block in document.blocks
    ]
    assert ("heading", 1, (), "Background") in shown
    assert ("heading", 1, (), "The compromise") in shown
    assert ("paragraph", 0, ("Background",), PARAGRAPHS[0]) in shown
    assert ("paragraph", 0, ("The compromise",), PARAGRAPHS[4]) in shown
    assert ("list_item", 0, ("Background",), "First item of the list.") in shown
    assert ("caption", 0, ("Background",), CAPTION) in shown
    assert {kind for kind, *_ in shown} >= {"table"}
    assert all(document.text[block.start : block.end] for block in document.blocks)
    # The title is the document's, not a block of its text.
    assert document.title == TITLE
    assert TITLE not in [text for *_, text in shown]


def test_a_summary_of_a_word_file_chooses_prose_and_says_its_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.docx"
    write_docx(path, table=True)
    assert main(["--format", "json", "-n", "3", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [sentence["kind"] for sentence in record["sentences"]] == ["paragraph"] * 3
    assert all(sentence["section"] in (["Background"], ["The compromise"]) for sentence in record["sentences"])


def test_a_word_file_of_paragraphs_alone_is_read_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    write_docx(path, title=None, headings=False)
    document = load_document(str(path))
    assert document.blocks is None
    assert document.text == "\n\n".join(PARAGRAPHS)
