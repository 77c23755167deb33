"""Corpora in: JSON Lines, CSV and folders of text files, read as a stream.

Reading yields one :class:`Record` per input record, in input order, without ever
holding the whole corpus in memory. A record that cannot be read (invalid JSON on
its line, a missing or non-string text field, an unreadable file) becomes a
record with an ``error`` instead of text, so one bad record never stops a run.
Output records are written by :mod:`summarize.io.output`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from types import TracebackType
from typing import IO, BinaryIO

from summarize._validation import fail
from summarize.blocks import Block
from summarize.errors import FieldError, InputError, MissingDependencyError
from summarize.io.documents import DOCX_SUFFIXES, PDF_SUFFIXES, decode, file_error, load_document
from summarize.io.limits import ReadLimits, check_limits

__all__ = ["DEFAULT_ID_FIELD", "Corpus", "Record", "open_corpus", "record_from_mapping"]

#: The id field used when none is named, if a record has it.
DEFAULT_ID_FIELD = "id"

# Ids and groups nested deeper than this are refused (a record with an error).
_MAX_NESTING = 100

# A header cell longer than this, or with this many words, is taken for data.
_HEADER_CELL_CHARS = 60
_HEADER_CELL_WORDS = 6


@dataclass(frozen=True, kw_only=True, slots=True)
class Record:
    """One record of a corpus: its id and either its text or why it has none.

    Attributes
    ----------
    id : JSON value
        The record's id: its id field, or else its position (line number of a JSON
        Lines file, row number of a CSV file) or, for a folder, the file's path
        relative to the folder.
    text : str or None
        The text to summarise; None when ``error`` is set.
    error : str or None
        Why the record cannot be summarised.
    group : JSON value
        The value of its group field, when one is named (``summarize batch
        --combine --group-field``); else None.
    blocks : tuple of Block or None
        The structure of a document of a folder, as the command reads it (see
        :mod:`summarize.structure`); None for a record of a JSON Lines or CSV file.
    """

    id: object
    text: str | None = None
    error: str | None = None
    group: object = None
    blocks: tuple[Block, ...] | None = dataclass_field(default=None, repr=False)


def record_from_mapping(
    record: object,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    position: object = None,
    group_field: str | None = None,
) -> Record:
    """The document in one record (a mapping such as a parsed JSON object).

    Parameters
    ----------
    record : object
        A mapping from field names to values.
    text_field : str
        The field holding the text.
    id_field : str, optional
        The field holding the id; by default the field ``"id"``.
    position : JSON value, optional
        The id of a record that has no id field (default None).
    group_field : str, optional
        The field holding the record's group; a record without it has an error.

    Returns
    -------
    Record
        With the text, or with an ``error`` when the record is not a mapping or its
        text field is missing or not a string.

    Examples
    --------
    >>> from summarize.io.corpus import record_from_mapping
    >>> record_from_mapping({"id": 7, "text": "Cats purr."})
    Record(id=7, text='Cats purr.', error=None, group=None)
    >>> record_from_mapping({"body": "Cats purr."}, position=3).error
    "no 'text' field"
    """
    if not isinstance(record, Mapping):
        return Record(id=position, error=f"not an object with fields (got {_kind(record)})")
    identifier = record.get(DEFAULT_ID_FIELD if id_field is None else id_field, position)
    if _too_deep(identifier):
        return Record(id=position, error=f"the id is nested more than {_MAX_NESTING} levels deep")
    group = None
    if group_field is not None:
        if group_field not in record:
            return Record(id=identifier, error=f"no {group_field!r} field")
        group = record[group_field]
        if _too_deep(group):
            return Record(
                id=identifier, error=f"the {group_field!r} field is nested more than {_MAX_NESTING} levels deep"
            )
    if text_field not in record:
        return Record(id=identifier, error=f"no {text_field!r} field")
    text = record[text_field]
    if not isinstance(text, str):
        return Record(id=identifier, error=f"the {text_field!r} field is not a string (got {_kind(text)})")
    return Record(id=identifier, text=text, group=group)


def _too_deep(value: object) -> bool:
    """Whether a JSON value holds lists or objects more than :data:`_MAX_NESTING` levels deep.

    Such an id would stop a run where it is pickled for a worker process, or written
    out, with a RecursionError. Walked with a stack of its own.
    """
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > _MAX_NESTING:
            return True
        if isinstance(item, Mapping):
            stack.extend((member, depth + 1) for member in item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend((member, depth + 1) for member in item)
    return False


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


class Corpus:
    """An open corpus: iterate it once for its documents, in input order.

    Made by :func:`open_corpus`, which has checked that the input exists and has
    the fields asked for. Close it (or use it in a ``with`` block) when done.
    """

    def __init__(
        self, name: str, documents: Iterator[Record], closing: list[IO[bytes] | IO[str]], size: int | None
    ) -> None:
        self.name = name
        self._documents = documents
        self._closing = closing
        self._size = size

    def __iter__(self) -> Iterator[Record]:
        return self._documents

    def size(self) -> int | None:
        """The number of records, if known without reading the texts (for progress bars).

        For a JSON Lines file, its non-blank lines; for a folder, its ``.txt``, ``.pdf`` and ``.docx``
        files; None for CSV (a row may span lines) and standard input.
        """
        return self._size

    def close(self) -> None:
        """Close the input file."""
        for stream in self._closing:
            stream.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def open_corpus(
    source: str | Path,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    encoding: str = "utf-8",
    count: bool = False,
    group_field: str | None = None,
    limits: ReadLimits | None = None,
) -> Corpus:
    """Open a corpus for reading, checking what can be checked before the first record.

    Parameters
    ----------
    source : str or Path
        A folder (every ``.txt``, ``.pdf`` and ``.docx`` file under it, in sorted
        order, hidden files and folders skipped; the id is the path relative to the
        folder; the text of PDF and DOCX files is extracted as by
        :func:`~summarize.io.documents.load_document`), a ``.csv``
        file with a header row, ``"-"`` for JSON Lines on standard input, or any
        other file, read as JSON Lines (one JSON object per line; blank lines are
        skipped).
    text_field : str
        The field (CSV column) holding the text. Not used for folders.
    id_field : str, optional
        The field holding each record's id. By default the field ``"id"`` when a
        record has one; a record without one gets its position: its line number in
        a JSON Lines file, its row number (1 for the first row after the header) in
        a CSV file. A field named here must be in the CSV header or the first
        JSON object.
    encoding : str
        The encoding of the files (default UTF-8).
    count : bool
        Count the records first, for :meth:`Corpus.size` (a quick extra pass over
        a JSON Lines file or a folder).
    group_field : str, optional
        The field (CSV column) holding each record's group (:attr:`Record.group`);
        it must be in the CSV header or the first JSON object. Not used for folders.
    limits : ReadLimits, optional
        The memory and time that reading each PDF file of a folder may take (default
        ``ReadLimits()``); a file past them is a record with an error.

    Returns
    -------
    Corpus

    Raises
    ------
    InputError
        If the source is missing or unreadable, is empty, is a folder without
        ``.txt``, ``.pdf`` or ``.docx`` files, or is a CSV file whose first row is not a header.
    FieldError
        If the text field (or a named id field) is not in the CSV header or in
        the first JSON object of a JSON Lines file.
    InvalidParameterError
        If ``encoding`` is not a known encoding.
    """
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise fail("encoding", "the name of a text encoding such as 'utf-8' or 'latin-1'", encoding) from None
    limits = check_limits(limits)
    name = str(source)
    if name == "-":
        return _json_lines_corpus(
            "<stdin>", sys.stdin.buffer, [], text_field, id_field, encoding, size=None, group_field=group_field
        )
    path = Path(source)
    if path.is_dir():
        return _folder_corpus(path, encoding, count=count, limits=limits)
    binary = _open_binary(path)
    # A pipe (such as bash's <(zcat corpus.jsonl.gz)) is left open, as standard input
    # is: closing it would wait for a read that may be waiting for its writer.
    regular = path.is_file()
    if path.suffix.lower() == ".csv":
        return _csv_corpus(name, binary, text_field, id_field, codec, close=regular, group_field=group_field)
    size = _count_lines(path) if count and regular else None  # never read a pipe twice
    return _json_lines_corpus(
        name, binary, [binary] if regular else [], text_field, id_field, encoding, size=size, group_field=group_field
    )


def _open_binary(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise file_error(str(path), error, kind="corpus file") from None


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return None  # the run itself will say what is wrong


# JSON Lines ------------------------------------------------------------------


def _json_lines_corpus(
    name: str,
    stream: BinaryIO,
    closing: list[BinaryIO],
    text_field: str,
    id_field: str | None,
    encoding: str,
    *,
    size: int | None,
    group_field: str | None = None,
) -> Corpus:
    documents = _json_lines(name, stream, text_field, id_field, encoding, group_field)
    # Read up to the first JSON object, to check its fields before any work is done.
    ahead: list[Record] = []
    try:
        for document, record in documents:
            ahead.append(document)
            if isinstance(record, Mapping):
                _check_first_record(name, record, text_field, id_field, group_field)
                break
        if not ahead:
            raise InputError(f"{name}: empty, no records to summarise")
    except BaseException:
        for each in closing:
            each.close()
        raise
    return Corpus(name, _chain(ahead, (document for document, _ in documents)), list(closing), size)


def _check_first_record(
    name: str, record: Mapping[object, object], text_field: str, id_field: str | None, group_field: str | None = None
) -> None:
    fields = ", ".join(repr(field) for field in record) or "none"
    for field, parameter in ((text_field, "text_field"), (id_field, "id_field"), (group_field, "group_field")):
        if field is not None and field not in record:
            raise FieldError(
                f"{name}: the first record has no {field!r} field (its fields: {fields})",
                parameter=parameter,
                field=field,
            )


def _json_lines(
    name: str, stream: BinaryIO, text_field: str, id_field: str | None, encoding: str, group_field: str | None = None
) -> Iterator[tuple[Record, object]]:
    """Each non-blank line's document, with the parsed value (None if it did not parse)."""
    number = 0
    while True:
        try:
            line = stream.readline()
        except OSError as error:
            raise file_error(name, error) from None
        if not line:
            return
        number += 1
        if not line.strip():
            continue
        try:
            value = _loads(decode(line, name=f"line {number}", encoding=encoding))
        except InputError as error:
            yield Record(id=number, error=str(error)), None
            continue
        except json.JSONDecodeError as error:
            yield Record(id=number, error=f"invalid JSON ({error.msg} at column {error.colno})"), None
            continue
        except RecursionError:
            yield Record(id=number, error="invalid record: its JSON is nested too deeply"), None
            continue
        yield (
            record_from_mapping(
                value, text_field=text_field, id_field=id_field, position=number, group_field=group_field
            ),
            value,
        )


def _loads(text: str) -> object:
    """A JSON value; numbers too large for a float, and NaN and Infinity (not JSON, but
    Python's json reads them), are kept as the text they are written as, so that an id
    stays valid JSON when it is written out."""
    return json.loads(text, parse_float=_finite_float, parse_constant=str)


def _finite_float(text: str) -> float | str:
    number = float(text)
    return number if math.isfinite(number) else text


def _chain(first: list[Record], rest: Iterator[Record]) -> Iterator[Record]:
    yield from first
    first.clear()
    yield from rest


# CSV -------------------------------------------------------------------------


def _csv_corpus(
    name: str,
    binary: BinaryIO,
    text_field: str,
    id_field: str | None,
    codec: str,
    *,
    close: bool,
    group_field: str | None = None,
) -> Corpus:
    # A whole article in one field is common; the csv module refuses fields over
    # 128 KiB by default.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    stream = io.TextIOWrapper(binary, encoding="utf-8-sig" if codec == "utf-8" else codec, newline="")
    try:
        rows = csv.reader(stream)
        try:
            header = next(rows, None)
        except UnicodeDecodeError as error:
            raise _encoding_error(name, codec, error) from None
        except csv.Error as error:
            raise InputError(f"{name}: the header row cannot be read ({error})") from None
        if header is None or not any(cell.strip() for cell in header):
            raise InputError(f"{name}: empty, no header row")
        _check_header(name, header, text_field, id_field, group_field)
    except BaseException:
        stream.close()
        raise
    closing: list[IO[str]] = [stream] if close else []
    documents = _csv_documents(name, rows, header, text_field, id_field, codec, group_field)
    return Corpus(name, documents, list(closing), None)


def _encoding_error(name: str, codec: str, error: UnicodeDecodeError) -> InputError:
    bad = error.object[error.start : error.start + 1].hex()
    return InputError(
        f"{name}: not valid {codec} text (byte 0x{bad}); "
        "name its encoding with --encoding (encoding= in Python), for example latin-1"
    )


def _check_header(
    name: str, header: list[str], text_field: str, id_field: str | None, group_field: str | None = None
) -> None:
    for field, parameter in ((text_field, "text_field"), (id_field, "id_field"), (group_field, "group_field")):
        if field is None or field in header:
            continue
        columns = ", ".join(repr(cell) for cell in header)
        if _looks_like_data(header):
            raise InputError(
                f"{name}: the first row is not a header (it looks like data: {_preview(header)}); "
                f"a CSV corpus needs a header row naming its columns, such as id,{text_field}"
            )
        raise FieldError(f"{name}: no {field!r} column (the columns: {columns})", parameter=parameter, field=field)


def _looks_like_data(header: list[str]) -> bool:
    cells = [cell.strip() for cell in header]
    if len(set(cells)) < len(cells) or any(not cell for cell in cells):
        return True
    for cell in cells:
        if len(cell) > _HEADER_CELL_CHARS or len(cell.split()) >= _HEADER_CELL_WORDS:
            return True
        try:
            float(cell)
        except ValueError:
            continue
        return True
    return False


def _preview(cells: list[str]) -> str:
    shown = [cell if len(cell) <= 20 else cell[:17] + "..." for cell in cells[:3]]
    return ", ".join(repr(cell) for cell in shown) + (", ..." if len(cells) > 3 else "")


def _csv_documents(
    name: str,
    rows: Iterator[list[str]],
    header: list[str],
    text_field: str,
    id_field: str | None,
    codec: str,
    group_field: str | None = None,
) -> Iterator[Record]:
    id_name = DEFAULT_ID_FIELD if id_field is None else id_field
    id_column = header.index(id_name) if id_name in header else None
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            yield Record(id=number, error=f"malformed CSV row ({error})")
            continue
        except UnicodeDecodeError as error:
            raise _encoding_error(name, codec, error) from None
        except OSError as error:
            raise file_error(name, error) from None
        if not row:
            continue
        number += 1
        if len(row) != len(header):
            identifier = row[id_column] if id_column is not None and id_column < len(row) else number
            yield Record(id=identifier, error=f"the row has {len(row)} fields, the header {len(header)}")
            continue
        record = dict(zip(header, row, strict=True))
        yield record_from_mapping(
            record, text_field=text_field, id_field=id_field, position=number, group_field=group_field
        )


# Folders ---------------------------------------------------------------------

# PDF and Word files in a folder are read as documents, their text extracted.
_EXTRACTED = PDF_SUFFIXES | DOCX_SUFFIXES
_FOLDER_SUFFIXES = (".txt", *sorted(_EXTRACTED))


def _folder_corpus(root: Path, encoding: str, *, count: bool, limits: ReadLimits) -> Corpus:
    documents = _folder_documents(root, encoding, limits)
    first = next(documents, None)
    if first is None:
        raise InputError(f"{root}: no .txt, .pdf or .docx files in this folder")
    size = sum(1 for _ in _text_files(root)) if count else None
    return Corpus(str(root), _chain([first], documents), [], size)


def _folder_documents(root: Path, encoding: str, limits: ReadLimits) -> Iterator[Record]:
    for path, problem in _text_files(root):
        identifier = path.relative_to(root).as_posix()
        if problem is not None:
            yield Record(id=identifier, error=problem)
            continue
        try:  # as the command reads a FILE: by its suffix or content, with its structure
            document = load_document(path, encoding=encoding, limits=limits)
            yield Record(id=identifier, text=document.text, blocks=document.blocks)
        except (InputError, MissingDependencyError) as error:
            yield Record(id=identifier, error=str(error))


def _text_files(root: Path) -> Iterator[tuple[Path, str | None]]:
    """The ``.txt``, ``.pdf`` and ``.docx`` files under ``root``, depth first, each folder's entries sorted by name.

    A sub-folder that cannot be listed is given in place of its files, with the
    reason. The walk keeps its own stack, so folders nested however deep are read.
    """
    stack: list[Iterator[os.DirEntry[str]]] = [iter(_entries(root, root))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            try:
                stack.append(iter(_entries(root, path)))
            except OSError as error:
                yield path, f"{path}: folder cannot be read ({error.strerror or error})"
        elif entry.name.lower().endswith(_FOLDER_SUFFIXES) and entry.is_file():
            yield path, None


def _entries(root: Path, folder: Path) -> list[os.DirEntry[str]]:
    """The entries of ``folder``, sorted by name; an OSError for a sub-folder that cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        if folder == root:
            raise file_error(str(root), error) from None
        raise
