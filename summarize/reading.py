"""Reading documents from files and streams, with errors that say what went wrong."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from summarize._validation import fail
from summarize.errors import InputError

__all__ = ["decode", "read_path", "read_stream"]

# A NUL byte in the first few kilobytes marks a binary file (as git and grep decide).
_SNIFF_BYTES = 8192


def read_path(path: str | Path, *, encoding: str = "utf-8") -> str:
    """Read a text document from a file.

    Parameters
    ----------
    path : str or Path
        The file.
    encoding : str
        Its encoding (default UTF-8; a UTF-8 byte-order mark is dropped).

    Returns
    -------
    str

    Raises
    ------
    InputError
        If the file is missing, a directory, unreadable, binary or not valid text in
        ``encoding``. The message starts with the path.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a text file") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    return decode(data, name=name, encoding=encoding)


def read_stream(stream: BinaryIO, *, name: str = "<stdin>", encoding: str = "utf-8") -> str:
    """Read a text document from a binary stream such as ``sys.stdin.buffer``."""
    try:
        data = stream.read()
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    return decode(data, name=name, encoding=encoding)


def decode(data: bytes, *, name: str, encoding: str = "utf-8") -> str:
    """Decode a document's bytes, refusing binary data and reporting where decoding fails."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise fail("encoding", "the name of a text encoding such as 'utf-8' or 'latin-1'", encoding) from None
    if b"\x00" in data[:_SNIFF_BYTES] and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
        raise InputError(f"{name}: looks like a binary file, not text")
    if codec == "utf-8":
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise InputError(
            f"{name}: not valid {codec} text (byte 0x{bad} at offset {error.start}); "
            "name its encoding with --encoding (encoding= in Python), for example latin-1"
        ) from None
