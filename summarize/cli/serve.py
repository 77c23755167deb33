"""``summarize serve``: the page and the HTTP API on this machine (needs the extra ``serve``)."""

from __future__ import annotations

import argparse

from summarize.cli._common import PROG, Parser, RawDescriptionHelpFormatter, print_error
from summarize.cli._options import add_private_hosts_option, positive_int, seconds
from summarize.errors import MissingDependencyError, SummarizeError

__all__ = ["serve_command"]

_EPILOG = """\
examples:
  summarize serve                          the page on http://127.0.0.1:8000
  summarize serve --port 0                 a free port (the first line on stderr names it)
  summarize serve --workers 2              two processes, for two cores
  curl -s localhost:8000/api/summary -H 'content-type: application/json' \\
       -d '{"text": "...", "sentences": 2}'
  curl -s localhost:8000/api/summary -F file=@report.pdf -F sentences=5

The API is described at /openapi.json, and in docs/serve.md. Logs go to standard
error; Ctrl-C stops the server once the requests under way are answered.

exit status: 0 when stopped, 1 if the server cannot start (the port is taken,
the extra is missing), 2 for a usage error.
"""


def serve_command(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        from summarize.serve.limits import Settings

        settings = Settings(
            max_request_bytes=args.max_request_bytes,
            max_characters=args.max_characters,
            max_seconds=args.max_seconds,
            max_documents=args.max_documents,
            allow_private_hosts=args.allow_private_hosts,
        )
        from summarize.serve.run import serve

        serve(host=args.host, port=args.port, workers=args.workers, settings=settings, log_level=args.log_level)
    except KeyboardInterrupt:  # Ctrl-C: the server has stopped as asked, its requests answered
        return 0
    except MissingDependencyError as error:
        print_error(str(error))
        return 1
    except SummarizeError as error:
        print_error(str(error))
        return 2
    except OSError as error:
        print_error(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}")
        return 1
    return 0


def make_parser() -> argparse.ArgumentParser:
    """The parser of ``summarize serve`` (for shell completion)."""
    return _parser()


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=f"{PROG} serve",
        description="A page to summarise a pasted text, a URL or a file, and an HTTP API for programs\n"
        "(the same JSON as --format json).",
        epilog=_EPILOG,
        formatter_class=RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    parser.add_argument("--port", type=port, default=8000, help="port to listen on (default 8000; 0 for a free one)")
    parser.add_argument(
        "--workers", type=positive_int, default=1, metavar="N", help="worker processes (default 1; one per core)"
    )
    _add_limit_options(parser)
    add_private_hosts_option(parser)
    parser.add_argument(
        "--log-level", choices=("critical", "error", "warning", "info", "debug"), default="info", help="default info"
    )
    return parser


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    """--max-request-bytes, --max-characters, --max-seconds and --max-documents: what one request may ask."""
    from summarize.serve.limits import (
        DEFAULT_MAX_CHARACTERS,
        DEFAULT_MAX_DOCUMENTS,
        DEFAULT_MAX_REQUEST_BYTES,
        DEFAULT_MAX_SECONDS,
    )

    parser.add_argument(
        "--max-request-bytes",
        type=positive_int,
        default=DEFAULT_MAX_REQUEST_BYTES,
        metavar="BYTES",
        help=f"largest request body, a file included (default {DEFAULT_MAX_REQUEST_BYTES:,}); more: 413",
    )
    parser.add_argument(
        "--max-characters",
        type=positive_int,
        default=DEFAULT_MAX_CHARACTERS,
        metavar="N",
        help=f"most characters of text in one request, after reading a file or page "
        f"(default {DEFAULT_MAX_CHARACTERS:,}); more: 413",
    )
    parser.add_argument(
        "--max-seconds",
        type=seconds,
        default=DEFAULT_MAX_SECONDS,
        metavar="SECONDS",
        help=f"time limit of a request, a download included (default {DEFAULT_MAX_SECONDS:g}); over it: 503",
    )
    parser.add_argument(
        "--max-documents",
        type=positive_int,
        default=DEFAULT_MAX_DOCUMENTS,
        metavar="N",
        help=f"most documents in one request to /api/documents (default {DEFAULT_MAX_DOCUMENTS})",
    )


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 0 to 65535, got {value!r}")
    return number
