"""The child process that reads one document within limits (see :mod:`summarize.io.limits`).

Run as ``python -m summarize.io._child``. Standard input: one line of JSON (the
format, the name, the URL, the limits), then the document's bytes. Standard
output: ``P done total`` lines of progress, then one line of JSON: the text and
title, or the error. Exit status 3: out of memory in Python code.
"""

from __future__ import annotations

import json
import math
import os
import sys


def _limit(memory: int, seconds: float) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's deadline alone
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash leaves no core file behind
    cpu = math.ceil(seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def main() -> int:
    from summarize.io.limits import OUT_OF_MEMORY

    out = sys.stdout.buffer
    try:
        header = json.loads(sys.stdin.buffer.readline())
        _limit(int(header["memory"]), float(header["seconds"]))
        data = sys.stdin.buffer.read()
        answer = _read(header, data, out)
        out.write(json.dumps(answer, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
        out.flush()
    except MemoryError:
        os._exit(OUT_OF_MEMORY)
    return 0


def _read(header: dict[str, object], data: bytes, out: object) -> dict[str, object]:
    from summarize.errors import InputError, MissingDependencyError
    from summarize.io.limits import extract

    name = str(header["name"])

    def progress(done: int, total: int) -> None:
        out.write(f"P {done} {total}\n".encode())  # type: ignore[attr-defined]
        out.flush()  # type: ignore[attr-defined]

    try:
        url = header.get("url")
        found = extract(str(header["form"]), data, name=name, url=None if url is None else str(url), progress=progress)
    except MissingDependencyError as error:
        return {
            "error": "MissingDependencyError",
            "feature": error.feature,
            "package": error.package,
            "extra": error.extra,
        }
    except InputError as error:
        return {"error": "InputError", "message": str(error)}
    except MemoryError:
        raise
    except RecursionError:
        return {"error": "InputError", "message": f"{name}: cannot be read: its elements are nested too deeply"}
    except Exception as error:  # a parser's own failure on a damaged file: one line naming the file
        return {"error": "InputError", "message": f"{name}: cannot be read ({type(error).__name__}: {error})"}
    return {"text": found.text, "title": found.title}


if __name__ == "__main__":
    sys.exit(main())
