"""Exceptions raised by summarize.

Every exception the library raises on purpose derives from :class:`SummarizeError`,
and each also derives from the built-in exception a caller would expect, so
``except ValueError`` keeps working for bad parameters.
"""

from __future__ import annotations

__all__ = ["ConvergenceError", "InputError", "InvalidParameterError", "SummarizeError"]


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


class InputError(SummarizeError, OSError):
    """An input document cannot be read: missing, unreadable, binary or badly encoded."""
