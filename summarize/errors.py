"""Exceptions raised by summarize.

Every exception the library raises on purpose derives from :class:`SummarizeError`,
and each also derives from the built-in exception a caller would expect, so
``except ValueError`` keeps working for bad parameters.
"""

from __future__ import annotations

__all__ = [
    "ConvergenceError",
    "FetchError",
    "FieldError",
    "InputError",
    "InvalidParameterError",
    "MissingDependencyError",
    "OutputBusyError",
    "OutputError",
    "ReadLimitError",
    "SchedulerError",
    "SummarizeError",
    "TextTooLongError",
    "TooManySentencesError",
    "WorkerError",
]


class SummarizeError(Exception):
    """Base class of every error raised by summarize."""


class InvalidParameterError(SummarizeError, ValueError):
    """A parameter has the wrong type or value.

    The message names the parameter, what is allowed and what was given.
    """


class ConvergenceError(SummarizeError, RuntimeError):
    """PageRank's power iteration did not converge within ``max_iter`` iterations.

    Parameters
    ----------
    max_iter : int
        The number of iterations that were run.
    """

    def __init__(self, max_iter: int) -> None:
        super().__init__(
            f"PageRank did not converge in {max_iter} iterations; "
            "raise 'max_iter' or 'tol' to accept a rougher ranking."
        )
        self.max_iter = max_iter

    def __reduce__(self) -> tuple[type[ConvergenceError], tuple[int]]:
        # Rebuilt from max_iter, not from the message, when it crosses to or from a
        # worker process.
        return (type(self), (self.max_iter,))


class TextTooLongError(SummarizeError, ValueError):
    """A text is longer than summarize can hold in memory at once.

    Parameters
    ----------
    length : int
        The text's length in characters.
    limit : int
        The most characters one text may have.
    """

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"The text has {length:,} characters; summarize handles at most {limit:,} in one text "
            "within the memory of an ordinary machine. Summarise it in parts, for example by chapter."
        )
        self.length = length
        self.limit = limit

    def __reduce__(self) -> tuple[type[TextTooLongError], tuple[int, int]]:
        return (type(self), (self.length, self.limit))


class TooManySentencesError(TextTooLongError):
    """A text has more sentences than summarize can hold in memory at once.

    Memory grows with the number of sentences (their objects, terms and graph
    edges), not only with the characters: a text of 50 million characters of
    ``"Go. "`` has 12 million sentences. A subclass of :class:`TextTooLongError`, so
    whoever catches that catches this.

    Parameters
    ----------
    limit : int
        The most sentences one text may have.
    length : int
        The text's length in characters (0 when not known).
    """

    def __init__(self, limit: int, length: int = 0) -> None:
        ValueError.__init__(
            self,
            f"The text has more than {limit:,} sentences; summarize handles at most {limit:,} in one text "
            "within the memory of an ordinary machine. Summarise it in parts, for example by chapter.",
        )
        self.length = length
        self.limit = limit

    def __reduce__(self) -> tuple[type[TooManySentencesError], tuple[int, int]]:
        return (type(self), (self.limit, self.length))


class InputError(SummarizeError, OSError):
    """An input document cannot be read: missing, unreadable, binary or badly encoded."""


class ReadLimitError(InputError):
    """Reading a document needed more memory or time than allowed, or the reader crashed.

    Raised for a PDF, DOCX or HTML document read in a child process within
    :class:`summarize.io.limits.ReadLimits`; the message starts with the file's name.

    Parameters
    ----------
    message : str
        What happened, starting with the name.
    name : str
        The file or URL.
    limit : {"memory", "time", "crash"}
        Which limit was reached ("crash": the reader died, most likely at the memory limit).
    """

    def __init__(self, message: str, *, name: str, limit: str) -> None:
        super().__init__(message)
        self.name = name
        self.limit = limit

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_read_limit_error, (self.args[0], self.name, self.limit))


def _rebuild_read_limit_error(message: str, name: str, limit: str) -> ReadLimitError:
    return ReadLimitError(message, name=name, limit=limit)


class FetchError(InputError):
    """A URL could not be downloaded as a document.

    Raised for a host that cannot be resolved, a refused connection, a time-out, an
    HTTP error status, too many redirects, a response larger than allowed, or content
    that is neither HTML nor text. The message starts with the URL.

    Parameters
    ----------
    url : str
        The URL that was asked for.
    message : str
        What went wrong, without the URL.
    status : int, optional
        The HTTP status code, when the server answered with an error.
    """

    def __init__(self, url: str, message: str, *, status: int | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.status = status

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_fetch_error, (self.url, self.message, self.status))


def _rebuild_fetch_error(url: str, message: str, status: int | None) -> FetchError:
    return FetchError(url, message, status=status)


class MissingDependencyError(SummarizeError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the extra to install, for example
    ``pip install "summarize[html]"``.

    Parameters
    ----------
    feature : str
        What needs the dependency, such as ``"reading HTML"``.
    package : str
        The missing package.
    extra : str
        The optional extra of summarize that installs it.
    """

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}, which is not installed; "
            f'install it with: pip install "summarize[{extra}]"'
        )
        self.feature = feature
        self.package = package
        self.extra = extra

    def __reduce__(self) -> tuple[type[MissingDependencyError], tuple[str, str, str]]:
        return (type(self), (self.feature, self.package, self.extra))


class FieldError(SummarizeError, LookupError):
    """A field named for the text or the id is not in the corpus.

    Raised before any record is summarised: when a CSV file's header, or the first
    record of a JSON Lines file, has no field of that name.

    Parameters
    ----------
    message : str
        What is missing and which fields there are.
    parameter : str
        The parameter that named the field: ``"text_field"``, ``"id_field"`` or ``"group_field"``.
    field : str
        The field that was asked for.
    """

    def __init__(self, message: str, *, parameter: str, field: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.field = field

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_field_error, (self.args[0], self.parameter, self.field))


def _rebuild_field_error(message: str, parameter: str, field: str) -> FieldError:
    return FieldError(message, parameter=parameter, field=field)


class OutputError(SummarizeError, OSError):
    """The output file cannot be created, written or renamed into place."""


class OutputBusyError(OutputError):
    """Another run is writing the same output file now (its ``.part`` file is locked)."""


class SchedulerError(SummarizeError, ConnectionError):
    """The Dask scheduler cannot be reached, or it has no workers."""


class WorkerError(SummarizeError, RuntimeError):
    """A worker process or a Dask task failed as a whole (not one record's error).

    For example a worker process killed by the operating system, or a Dask worker
    on which summarize is not installed.
    """
