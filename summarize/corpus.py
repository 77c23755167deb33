"""Corpora in and out: JSON Lines, CSV and folders of text files, read as a stream.

Reading yields one :class:`Document` per record, in input order, without ever
holding the whole corpus in memory. A record that cannot be read (invalid JSON on
its line, a missing or non-string text field, an unreadable file) becomes a
document with an ``error`` instead of text, so one bad record never stops a run.

Writing goes to a JSON Lines file under a temporary name (``out.jsonl.part``), one
whole line per record, flushed as it is written; the file is renamed to its real
name only when every record is in it. A run that is killed leaves the finished
records in the ``.part`` file, and ``resume=True`` continues from there.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, BinaryIO

from summarize._validation import fail
from summarize.errors import FieldError, InputError, OutputError
from summarize.reading import decode, file_error, read_path

__all__ = [
    "PARTIAL_SUFFIX",
    "Corpus",
    "Document",
    "Output",
    "document_from_record",
    "open_corpus",
    "open_output",
    "partial_path",
    "record_key",
    "record_line",
]

#: Suffix of the output file while a run is writing it.
PARTIAL_SUFFIX = ".part"

#: The id field used when none is named, if a record has it.
DEFAULT_ID_FIELD = "id"

# A header cell longer than this, or with this many words, is taken for data.
_HEADER_CELL_CHARS = 60
_HEADER_CELL_WORDS = 6


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
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
    """

    id: object
    text: str | None = None
    error: str | None = None


def document_from_record(
    record: object, *, text_field: str = "text", id_field: str | None = None, position: object = None
) -> Document:
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

    Returns
    -------
    Document
        With the text, or with an ``error`` when the record is not a mapping or its
        text field is missing or not a string.

    Examples
    --------
    >>> from summarize.corpus import document_from_record
    >>> document_from_record({"id": 7, "text": "Cats purr."})
    Document(id=7, text='Cats purr.', error=None)
    >>> document_from_record({"body": "Cats purr."}, position=3).error
    "no 'text' field"
    """
    if not isinstance(record, Mapping):
        return Document(id=position, error=f"not an object with fields (got {_kind(record)})")
    identifier = record.get(DEFAULT_ID_FIELD if id_field is None else id_field, position)
    if text_field not in record:
        return Document(id=identifier, error=f"no {text_field!r} field")
    text = record[text_field]
    if not isinstance(text, str):
        return Document(id=identifier, error=f"the {text_field!r} field is not a string (got {_kind(text)})")
    return Document(id=identifier, text=text)


def record_line(record: Mapping[str, object]) -> bytes:
    """A record as one line of JSON Lines output: UTF-8 JSON and a newline.

    Examples
    --------
    >>> from summarize.corpus import record_line
    >>> record_line({"id": "é", "error": "no text"})
    b'{"id": "\\xc3\\xa9", "error": "no text"}\\n'
    """
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def record_key(identifier: object) -> str:
    """The key under which a record id is remembered for resuming (its JSON text)."""
    return json.dumps(identifier, sort_keys=True, ensure_ascii=False)


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
        self, name: str, documents: Iterator[Document], closing: list[IO[bytes] | IO[str]], size: int | None
    ) -> None:
        self.name = name
        self._documents = documents
        self._closing = closing
        self._size = size

    def __iter__(self) -> Iterator[Document]:
        return self._documents

    def size(self) -> int | None:
        """The number of records, if known without reading the texts (for progress bars).

        For a JSON Lines file, its non-blank lines; for a folder, its ``.txt``
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
) -> Corpus:
    """Open a corpus for reading, checking what can be checked before the first record.

    Parameters
    ----------
    source : str or Path
        A folder (every ``.txt`` file under it, in sorted order, hidden files and
        folders skipped; the id is the path relative to the folder), a ``.csv``
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

    Returns
    -------
    Corpus

    Raises
    ------
    InputError
        If the source is missing or unreadable, is empty, is a folder without
        ``.txt`` files, or is a CSV file whose first row is not a header.
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
    name = str(source)
    if name == "-":
        return _json_lines_corpus("<stdin>", sys.stdin.buffer, [], text_field, id_field, encoding, size=None)
    path = Path(source)
    if path.is_dir():
        return _folder_corpus(path, encoding, count=count)
    binary = _open_binary(path)
    # A pipe (such as bash's <(zcat corpus.jsonl.gz)) is left open, as standard input
    # is: closing it would wait for a read that may be waiting for its writer.
    regular = path.is_file()
    if path.suffix.lower() == ".csv":
        return _csv_corpus(name, binary, text_field, id_field, codec, close=regular)
    size = _count_lines(path) if count and regular else None  # never read a pipe twice
    return _json_lines_corpus(name, binary, [binary] if regular else [], text_field, id_field, encoding, size=size)


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
) -> Corpus:
    documents = _json_lines(name, stream, text_field, id_field, encoding)
    # Read up to the first JSON object, to check its fields before any work is done.
    ahead: list[Document] = []
    try:
        for document, record in documents:
            ahead.append(document)
            if isinstance(record, Mapping):
                _check_first_record(name, record, text_field, id_field)
                break
        if not ahead:
            raise InputError(f"{name}: empty, no records to summarise")
    except BaseException:
        for each in closing:
            each.close()
        raise
    return Corpus(name, _chain(ahead, (document for document, _ in documents)), list(closing), size)


def _check_first_record(name: str, record: Mapping[object, object], text_field: str, id_field: str | None) -> None:
    fields = ", ".join(repr(field) for field in record) or "none"
    for field, parameter in ((text_field, "text_field"), (id_field, "id_field")):
        if field is not None and field not in record:
            raise FieldError(
                f"{name}: the first record has no {field!r} field (its fields: {fields})",
                parameter=parameter,
                field=field,
            )


def _json_lines(
    name: str, stream: BinaryIO, text_field: str, id_field: str | None, encoding: str
) -> Iterator[tuple[Document, object]]:
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
            value = json.loads(decode(line, name=f"line {number}", encoding=encoding))
        except InputError as error:
            yield Document(id=number, error=str(error)), None
            continue
        except json.JSONDecodeError as error:
            yield Document(id=number, error=f"invalid JSON ({error.msg} at column {error.colno})"), None
            continue
        yield document_from_record(value, text_field=text_field, id_field=id_field, position=number), value


def _chain(first: list[Document], rest: Iterator[Document]) -> Iterator[Document]:
    yield from first
    first.clear()
    yield from rest


# CSV -------------------------------------------------------------------------


def _csv_corpus(
    name: str, binary: BinaryIO, text_field: str, id_field: str | None, codec: str, *, close: bool
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
        _check_header(name, header, text_field, id_field)
    except BaseException:
        stream.close()
        raise
    closing: list[IO[str]] = [stream] if close else []
    return Corpus(name, _csv_documents(name, rows, header, text_field, id_field, codec), list(closing), None)


def _encoding_error(name: str, codec: str, error: UnicodeDecodeError) -> InputError:
    bad = error.object[error.start : error.start + 1].hex()
    return InputError(
        f"{name}: not valid {codec} text (byte 0x{bad}); "
        "name its encoding with --encoding (encoding= in Python), for example latin-1"
    )


def _check_header(name: str, header: list[str], text_field: str, id_field: str | None) -> None:
    for field, parameter in ((text_field, "text_field"), (id_field, "id_field")):
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
) -> Iterator[Document]:
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
            yield Document(id=number, error=f"malformed CSV row ({error})")
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
            yield Document(id=identifier, error=f"the row has {len(row)} fields, the header {len(header)}")
            continue
        record = dict(zip(header, row, strict=True))
        yield document_from_record(record, text_field=text_field, id_field=id_field, position=number)


# Folders ---------------------------------------------------------------------


def _folder_corpus(root: Path, encoding: str, *, count: bool) -> Corpus:
    documents = _folder_documents(root, encoding)
    first = next(documents, None)
    if first is None:
        raise InputError(f"{root}: no .txt files in this folder")
    size = sum(1 for _ in _text_files(root)) if count else None
    return Corpus(str(root), _chain([first], documents), [], size)


def _folder_documents(root: Path, encoding: str) -> Iterator[Document]:
    for path, problem in _text_files(root):
        identifier = path.relative_to(root).as_posix()
        if problem is not None:
            yield Document(id=identifier, error=problem)
            continue
        try:
            yield Document(id=identifier, text=read_path(path, encoding=encoding))
        except InputError as error:
            yield Document(id=identifier, error=str(error))


def _text_files(root: Path, folder: Path | None = None) -> Iterator[tuple[Path, str | None]]:
    """The ``.txt`` files under ``root``, depth first, each folder's entries sorted by name.

    A sub-folder that cannot be listed is given in place of its files, with the
    reason.
    """
    folder = root if folder is None else folder
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        if folder == root:
            raise file_error(str(root), error) from None
        yield folder, f"{folder}: folder cannot be read ({error.strerror or error})"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _text_files(root, path)
        elif entry.name.lower().endswith(".txt") and entry.is_file():
            yield path, None


# Output ----------------------------------------------------------------------


def partial_path(output: str | Path) -> Path:
    """Where the records of ``output`` are written until the run is complete.

    Examples
    --------
    >>> from summarize.corpus import partial_path
    >>> partial_path("runs/out.jsonl").as_posix()
    'runs/out.jsonl.part'
    """
    path = Path(output)
    return path.with_name(path.name + PARTIAL_SUFFIX)


class Output:
    """Where output records go: a JSON Lines file (via its ``.part`` file) or a stream.

    Made by :func:`open_output`. Each :meth:`write` puts one whole line out at
    once and flushes it; :meth:`commit` marks the output complete.
    """

    def __init__(
        self,
        name: str,
        stream: BinaryIO,
        done: set[str],
        path: Path | None,
        partial: Path | None,
        *,
        reopened: bool = False,
    ) -> None:
        self.name = name
        #: The keys (:func:`record_key`) of the records already in the output.
        self.done = done
        #: The number of records written by this run.
        self.written = 0
        self._stream = stream
        self._path = path
        self._partial = partial
        self._kept = len(done)
        # Resuming from a complete output, moved to the .part file to append to it.
        self._reopened = reopened

    def write(self, record: Mapping[str, object]) -> None:
        """Append one record as one line."""
        self.write_lines(record_line(record), 1)

    def write_lines(self, lines: bytes, records: int) -> None:
        """Append ``records`` records already encoded by :func:`record_line`, with one write, and flush."""
        view = memoryview(lines)
        try:
            while view:
                count = self._stream.write(view)
                view = view[count if count is not None else len(view) :]
            self._stream.flush()
        except BrokenPipeError:
            if self._partial is None:
                raise  # the reader of standard output went away
            raise OutputError(f"{self.name}: cannot be written (broken pipe)") from None
        except OSError as error:
            raise OutputError(f"{self.name}: cannot be written ({error.strerror or error})") from None
        self.written += records

    def commit(self) -> None:
        """Every record is written: make the file durable and give it its real name."""
        if self._path is None or self._partial is None:
            return
        try:
            os.fsync(self._stream.fileno())
            self._stream.close()
            os.replace(self._partial, self._path)
        except OSError as error:
            raise OutputError(f"{self._path}: cannot be written ({error.strerror or error})") from None

    def abandon(self) -> None:
        """The run stopped early: keep the ``.part`` file if it holds any record, else remove it."""
        if self._partial is None:
            return
        self._stream.close()
        if self.written == 0 and self._reopened and self._path is not None:
            os.replace(self._partial, self._path)  # nothing added: the complete output is as it was
        elif self._kept + self.written == 0:
            self._partial.unlink(missing_ok=True)

    @property
    def partial(self) -> Path | None:
        """The file holding the records while the run is not complete (None for a stream)."""
        return self._partial


def open_output(output: str | Path | None, *, resume: bool = False) -> Output:
    """Open where the output records go.

    Parameters
    ----------
    output : str, Path or None
        A file, or None (or ``"-"``) for standard output. Records go to the file's
        ``.part`` file (see :func:`partial_path`), which is renamed to ``output``
        when the run is complete; an existing ``output`` stays until then.
    resume : bool
        Keep the records already written, by a run that was stopped (in the
        ``.part`` file) or that completed (in ``output``), and append to them. A
        last line cut short by a kill is dropped. Their ids are in
        :attr:`Output.done`.

    Raises
    ------
    OutputError
        If the file cannot be written, or, with ``resume``, the existing file is
        not summarize's output.
    InvalidParameterError
        If ``resume`` is asked with standard output.
    """
    if output is None or str(output) == "-":
        if resume:
            raise fail("resume", "False when the output is standard output (resuming needs an output file)", resume)
        return Output("<stdout>", sys.stdout.buffer, set(), None, None)
    path = Path(output)
    partial = partial_path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; name an output file")
    done: set[str] = set()
    reopened = False
    try:
        if resume and partial.exists():
            done = _completed(partial)
        elif resume and path.exists():
            done = _completed(path)
            os.replace(path, partial)
            reopened = True
        try:
            stream = partial.open("ab" if resume else "wb", buffering=0)
        except OSError:
            if reopened:
                os.replace(partial, path)
            raise
    except OSError as error:
        if isinstance(error, OutputError):
            raise
        raise OutputError(f"{path}: cannot be written ({error.strerror or error})") from None
    return Output(str(path), stream, done, path, partial, reopened=reopened)


def _completed(path: Path) -> set[str]:
    """The keys of the records in an earlier output; a last line cut short is dropped."""
    done: set[str] = set()
    end = 0
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict) or "id" not in record:
                raise OutputError(
                    f"{path}: line {number} is not a record written by summarize; "
                    "not resuming into it (remove it, or write to another file)"
                )
            done.add(record_key(record["id"]))
            end += len(line)
    if end < path.stat().st_size:
        os.truncate(path, end)
    return done
