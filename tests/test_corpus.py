"""Reading corpora (JSON Lines, CSV, folders) and writing resumable JSON Lines output."""

import io
import json
import sys
from pathlib import Path

import pytest

from summarize import FieldError, InputError, InvalidParameterError, OutputError
from summarize.io.corpus import Record, open_corpus, record_from_mapping
from summarize.io.output import open_output, partial_path, record_key

CATS = "Cats purr. Cats and dogs play. Dogs bark."


def documents(path: Path | str, **options: object) -> list[Record]:
    with open_corpus(path, **options) as corpus:  # type: ignore[arg-type]
        return list(corpus)


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# Records -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": 7, "text": CATS}, Record(id=7, text=CATS)),
        ({"text": CATS}, Record(id=3, text=CATS)),
        ({"id": None, "text": CATS}, Record(id=None, text=CATS)),
        ({"id": "a"}, Record(id="a", error="no 'text' field")),
        ({"id": "a", "text": 5}, Record(id="a", error="the 'text' field is not a string (got a number)")),
        ({"id": "a", "text": None}, Record(id="a", error="the 'text' field is not a string (got null)")),
        ({"id": "a", "text": ["x"]}, Record(id="a", error="the 'text' field is not a string (got a list)")),
        ({"id": "a", "text": float("nan")}, Record(id="a", error="the 'text' field is not a string (got a number)")),
        (["x"], Record(id=3, error="not an object with fields (got a list)")),
        ("x", Record(id=3, error="not an object with fields (got str)")),
    ],
)
def test_record_from_mapping(record: object, expected: Record) -> None:
    assert record_from_mapping(record, position=3) == expected


def test_named_fields() -> None:
    record = {"url": "u", "body": CATS, "id": "ignored"}
    assert record_from_mapping(record, text_field="body", id_field="url") == Record(id="u", text=CATS)


def test_record_keys_tell_types_apart() -> None:
    assert record_key(1) != record_key("1")
    assert record_key({"b": 1, "a": 2}) == record_key({"a": 2, "b": 1})


# JSON Lines ----------------------------------------------------------------------


def test_json_lines(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "corpus.jsonl",
        json.dumps({"id": "x", "text": CATS}),
        "",
        "not json",
        json.dumps({"text": "Rain fell."}),
        json.dumps({"id": "z", "text": 4}),
        "[1, 2]",
    )
    assert documents(path) == [
        Record(id="x", text=CATS),
        Record(id=3, error="invalid JSON (Expecting value at column 1)"),
        Record(id=4, text="Rain fell."),
        Record(id="z", error="the 'text' field is not a string (got a number)"),
        Record(id=6, error="not an object with fields (got a list)"),
    ]


def test_json_lines_with_named_fields_and_bad_first_lines(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "c.jsonl", "{oops", json.dumps({"url": "u1", "body": CATS}), json.dumps({"body": "B."})
    )
    assert documents(path, text_field="body", id_field="url") == [
        Record(id=1, error="invalid JSON (Expecting property name enclosed in double quotes at column 2)"),
        Record(id="u1", text=CATS),
        Record(id=3, text="B."),
    ]


@pytest.mark.parametrize(
    ("options", "parameter", "message"),
    [
        (
            {"text_field": "body"},
            "text_field",
            r"c.jsonl: the first record has no 'body' field \(its fields: 'id', 'text'\)",
        ),
        ({"id_field": "url"}, "id_field", r"c.jsonl: the first record has no 'url' field \(its fields: 'id', 'text'\)"),
    ],
)
def test_json_lines_unknown_field(tmp_path: Path, options: dict[str, str], parameter: str, message: str) -> None:
    path = write_lines(tmp_path / "c.jsonl", json.dumps({"id": 1, "text": CATS}))
    with pytest.raises(FieldError, match=message) as caught:
        open_corpus(path, **options)  # type: ignore[arg-type]
    assert caught.value.parameter == parameter
    assert isinstance(caught.value, LookupError)


def test_json_lines_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": 1, "text": "A."}\n')
    assert documents(path) == [Record(id=1, text="A.")]


def test_json_lines_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes('{"id": 1, "text": "Le café ouvre."}\n'.encode("latin-1"))
    assert documents(path, encoding="latin-1") == [Record(id=1, text="Le café ouvre.")]
    bad = documents(path)
    assert bad[0].id == 1
    assert bad[0].error is not None
    assert bad[0].error.startswith("line 1: not valid utf-8 text (byte 0xe9")


def test_json_lines_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"id": 1, "text": "A."}\n{"id": 2, "text": "B."}\n'))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert documents("-") == [Record(id=1, text="A."), Record(id=2, text="B.")]


def test_json_lines_size_counts_non_blank_lines(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", '{"text": "A."}', "", '{"text": "B."}', "bad")
    with open_corpus(path, count=True) as corpus:
        assert corpus.size() == 3
    with open_corpus(path) as corpus:
        assert corpus.size() is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.jsonl", None, "missing.jsonl: no such file"),
        ("empty.jsonl", "", "empty.jsonl: empty, no records to summarise"),
        ("blank.jsonl", "\n  \n", "blank.jsonl: empty, no records to summarise"),
    ],
)
def test_unusable_json_lines(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        open_corpus(path)


def test_unknown_encoding() -> None:
    with pytest.raises(InvalidParameterError, match="The 'encoding' parameter must be"):
        open_corpus("anything.jsonl", encoding="klingon")


# CSV -------------------------------------------------------------------------------


def test_csv(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    long_text = "Word " * 40_000  # over the csv module's default field limit of 128 KiB
    path.write_text(
        f'\ufeffurl,body\nu1,"{CATS}"\n"u2","Two lines,\nquoted."\n\nu3\nu4,{long_text}\n',
        encoding="utf-8",
    )
    assert documents(path, text_field="body", id_field="url") == [
        Record(id="u1", text=CATS),
        Record(id="u2", text="Two lines,\nquoted."),
        Record(id="u3", error="the row has 1 fields, the header 2"),
        Record(id="u4", text=long_text),
    ]


def test_csv_without_id_column_numbers_rows(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("title,text\nA,First.\nB,Second.\n", encoding="utf-8")
    assert documents(path) == [Record(id=1, text="First."), Record(id=2, text="Second.")]


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("", InputError, "c.csv: empty, no header row"),
        ("1,Cats purr and the dogs play all day long,x\n", InputError, "c.csv: the first row is not a header"),
        ("a,a\n", InputError, "the first row is not a header"),
        ("id,2024\n", InputError, "the first row is not a header"),
        ("id,body\n1,x\n", FieldError, r"c.csv: no 'text' column \(the columns: 'id', 'body'\)"),
    ],
)
def test_unusable_csv(tmp_path: Path, content: str, error: type[Exception], message: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=message):
        open_corpus(path).close()


def test_csv_unknown_id_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,text\n1,x\n", encoding="utf-8")
    with pytest.raises(FieldError, match="no 'url' column") as caught:
        open_corpus(path, id_field="url")
    assert caught.value.parameter == "id_field"


def test_csv_in_the_wrong_encoding_stops_with_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("id,text\n1,Le café.\n".encode("latin-1"))
    assert documents(path, encoding="latin-1") == [Record(id="1", text="Le café.")]
    with pytest.raises(InputError, match=r"c.csv: not valid utf-8 text \(byte 0xe9\); name its encoding"):
        documents(path)
    long = tmp_path / "long.csv"
    long.write_bytes(b"id,text\n" + b"1,fine\n" * 5000 + "2,Le café.\n".encode("latin-1"))
    with open_corpus(long) as corpus:
        read = iter(corpus)
        assert next(read) == Record(id="1", text="fine")
        with pytest.raises(InputError, match=r"long.csv: not valid utf-8 text \(byte 0xe9\)"):
            list(read)


# Folders -----------------------------------------------------------------------------


def test_folder(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text("Z text.", encoding="utf-8")
    (root / "a.txt").write_text("A text.", encoding="utf-8")
    (root / "b" / "c.TXT").write_text("C text.", encoding="utf-8")
    (root / "b" / "notes.md").write_text("not a text file", encoding="utf-8")
    (root / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02")
    found = documents(root)
    assert [document.id for document in found] == ["a.txt", "b/c.TXT", "binary.txt", "z.txt"]
    assert [document.text for document in found] == ["A text.", "C text.", None, "Z text."]
    assert found[2].error.startswith(f"{root / 'binary.txt'}: looks like a binary file, not text; if it is text")
    with open_corpus(root, count=True) as corpus:
        assert corpus.size() == 4


def test_folder_without_text_files(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=f"{tmp_path}: no .txt, .pdf or .docx files in this folder"):
        open_corpus(tmp_path)


# Output ---------------------------------------------------------------------------------


def read_records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_output_is_renamed_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("an older complete run\n", encoding="utf-8")
    out = open_output(path)
    out.write({"id": 1, "summary": []})
    out.write({"id": "é", "error": "x"})
    assert partial_path(path).read_text(encoding="utf-8").count("\n") == 2  # flushed record by record
    assert path.read_text(encoding="utf-8") == "an older complete run\n"  # untouched until complete
    out.commit()
    assert not partial_path(path).exists()
    assert read_records(path) == [{"id": 1, "summary": []}, {"id": "é", "error": "x"}]
    assert out.written == 2


def test_output_writes_encoded_lines_with_their_count(tmp_path: Path) -> None:
    from summarize.io.output import record_line

    path = tmp_path / "out.jsonl"
    out = open_output(path)
    out.write_lines(record_line({"id": 1, "summary": []}) + record_line({"id": 2, "error": "x"}), 2)
    out.write({"id": 3, "error": "y"})
    assert out.written == 3
    out.commit()
    assert [record["id"] for record in read_records(path)] == [1, 2, 3]


def test_abandoned_output_keeps_finished_records_only(tmp_path: Path) -> None:
    empty = open_output(tmp_path / "empty.jsonl")
    empty.abandon()
    assert list(tmp_path.iterdir()) == []
    half = open_output(tmp_path / "half.jsonl")
    half.write({"id": 1, "summary": []})
    half.abandon()
    assert [path.name for path in tmp_path.iterdir()] == ["half.jsonl.part"]


def test_resume_drops_a_line_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    partial_path(path).write_text(
        '{"id": 1, "summary": []}\n{"id": "2", "error": "x"}\n{"id": 3, "summ', encoding="utf-8"
    )
    out = open_output(path, resume=True)
    assert out.done == {record_key(1), record_key("2")}
    out.write({"id": 3, "summary": []})
    out.commit()
    assert [record["id"] for record in read_records(path)] == [1, "2", 3]


def test_resume_from_a_complete_output(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": 1, "summary": []}\n', encoding="utf-8")
    out = open_output(path, resume=True)
    assert out.done == {record_key(1)}
    out.abandon()  # nothing was added: the complete output is back under its name
    assert path.read_text(encoding="utf-8") == '{"id": 1, "summary": []}\n'
    assert not partial_path(path).exists()
    out = open_output(path, resume=True)
    out.write({"id": 2, "summary": []})
    out.commit()
    assert [record["id"] for record in read_records(path)] == [1, 2]


def test_resume_with_nothing_to_resume_starts_afresh(tmp_path: Path) -> None:
    out = open_output(tmp_path / "out.jsonl", resume=True)
    assert out.done == set()
    out.commit()
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == ""


def test_resume_refuses_a_file_it_did_not_write(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"notes.txt: line 1 is not a record written by summarize"):
        open_output(path, resume=True)
    assert path.read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.parametrize("where", ["missing-folder/out.jsonl", "."])
def test_unwritable_output(tmp_path: Path, where: str) -> None:
    with pytest.raises(OutputError, match=r"cannot be written|is a folder") as caught:
        open_output(tmp_path / where)
    assert isinstance(caught.value, OSError)


def test_resume_needs_a_file() -> None:
    with pytest.raises(InvalidParameterError, match="The 'resume' parameter must be False when the output is"):
        open_output(None, resume=True)


def test_a_folders_files_are_read_as_the_command_reads_them(tmp_path: Path) -> None:
    """A manual page saved as text has its NAME and SYNOPSIS set apart, in a folder as in `summarize FILE`."""
    from summarize.io.documents import load_document

    page = tmp_path / "sprocket.txt"
    page.write_text(
        "NAME\n       sprocket - turn gears\n\nSYNOPSIS\n       sprocket [-n COUNT] FILE\n\n"
        "DESCRIPTION\n       Sprocket turns the gears named in FILE. Each turn moves every gear.\n",
        encoding="utf-8",
    )
    with open_corpus(tmp_path) as corpus:
        (record,) = list(corpus)
    assert record.blocks == load_document(page).blocks
    assert record.blocks is not None
    assert [b.kind for b in record.blocks if "sprocket" in record.text[b.start : b.end]] == ["metadata", "code"]
