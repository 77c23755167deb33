"""Reading documents: clear errors for what is not a readable text file."""

import io
from pathlib import Path

import pytest

from summarize import InputError, InvalidParameterError
from summarize.reading import read_path, read_stream


def test_reads_utf8_and_drops_the_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffCafé news.".encode())
    assert read_path(path) == "Café news."


def test_other_encodings_by_name(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café news.".encode("latin-1"))
    assert read_path(path, encoding="latin-1") == "Café news."


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        read_path(tmp_path / "missing.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="looks like a binary file"):
        read_path(path)


def test_invalid_utf8_names_the_byte_and_offers_an_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9".encode("latin-1"))
    with pytest.raises(InputError, match=r"not valid utf-8 text \(byte 0xe9 at offset 3\).*--encoding"):
        read_path(path)


def test_unknown_encoding_is_a_parameter_error() -> None:
    with pytest.raises(InvalidParameterError, match="The 'encoding' parameter must be the name of a text encoding"):
        read_stream(io.BytesIO(b"text"), encoding="klingon")


def test_stream_errors_are_named() -> None:
    with pytest.raises(InputError, match=r"^<stdin>: looks like a binary file"):
        read_stream(io.BytesIO(b"a\x00b"))
