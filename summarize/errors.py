"""Exceptions raised by summarize.

Every exception the library raises on purpose derives from :class:`SummarizeError`,
and each also derives from the built-in exception a caller would expect, so
``except ValueError`` keeps working for bad parameters.
"""

from __future__ import annotations

__all__ = [
    "ConvergenceError",
    "FieldError",
    "InputError",
    "InvalidParameterError",
    "MissingDependencyError",
    "OutputError",
    "SchedulerError",
    "SummarizeError",
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


class InputError(SummarizeError, OSError):
    """An input document cannot be read: missing, unreadable, binary or badly encoded."""


class FieldError(SummarizeError, LookupError):
    """A field named for the text or the id is not in the corpus.

    Raised before any record is summarised: when a CSV file's header, or the first
    record of a JSON Lines file, has no field of that name.

    Parameters
    ----------
    message : str
        What is missing and which fields there are.
    parameter : str
        The parameter that named the field: ``"text_field"`` or ``"id_field"``.
    field : str
        The field that was asked for.
    """

    def __init__(self, message: str, *, parameter: str, field: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.field = field

    def __str__(self) -> str:
        # LookupError would quote the message as KeyError does; keep it plain.
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_field_error, (self.args[0], self.parameter, self.field))


def _rebuild_field_error(message: str, parameter: str, field: str) -> FieldError:
    return FieldError(message, parameter=parameter, field=field)


class OutputError(SummarizeError, OSError):
    """The output file cannot be created, written or renamed into place."""


class SchedulerError(SummarizeError, ConnectionError):
    """The Dask scheduler cannot be reached, or it has no workers."""


class WorkerError(SummarizeError, RuntimeError):
    """A worker process or a Dask task failed as a whole (not one record's error).

    For example a worker process killed by the operating system, or a Dask worker
    on which summarize is not installed.
    """


class MissingDependencyError(SummarizeError, ImportError):
    """An optional dependency is needed for what was asked, and is not installed."""
