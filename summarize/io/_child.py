"""The child process that reads documents within limits (see :mod:`summarize.io.limits`).

Run as ``python -m summarize.io._child``. Standard input: one line of JSON with
the limits (``memory``, ``seconds``), then, for each document, one line of JSON
(the format, the name, the URL, the size in bytes) and the document's bytes.
Standard output, for each document: ``P done total`` lines of progress, then one
line of JSON, the text and title or the error (with ``"retire": true`` when the
child exits after it). It exits when its standard input ends. Exit status 3: out
of memory in Python code.
"""

from __future__ import annotations

import json
import math
import os
import sys
from typing import BinaryIO

# A child retires after this many documents, or once its peak memory passes this share of the cap.
_DOCUMENTS = 200
_MEMORY_SHARE = 0.5


def _cap_memory(memory: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's deadline alone
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash leaves no core file behind
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _cap_time(seconds: float) -> None:
    """CPU time: what was used so far, and ``seconds`` more (then SIGXCPU).

    The hard limit is left as it is, so that the soft one can be raised again for
    the next document; the parent's deadline kills a child that ignores SIGXCPU.
    """
    try:
        import resource
    except ImportError:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _grown(memory: int) -> bool:
    """Whether this process now holds more than its share of the cap (Linux; elsewhere never).

    The current resident size, not the peak: the peak of a process started by a big
    parent counts the parent's memory at the fork.
    """
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return False
    return resident > _MEMORY_SHARE * memory


def main() -> int:
    from summarize.io.limits import OUT_OF_MEMORY

    stdin, out = sys.stdin.buffer, sys.stdout.buffer
    try:
        limits = json.loads(stdin.readline())
        memory, seconds = int(limits["memory"]), float(limits["seconds"])
        _cap_memory(memory)
        for done in range(1, _DOCUMENTS + 1):
            line = stdin.readline()
            if not line:
                return 0
            header = json.loads(line)
            data = _read_exactly(stdin, int(header["size"]))
            _cap_time(seconds)
            answer = _read(header, data, out)
            del data
            retire = done == _DOCUMENTS or _grown(memory)
            if retire:
                answer["retire"] = True
            out.write(json.dumps(answer, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
            out.flush()
            if retire:
                return 0
    except MemoryError:
        os._exit(OUT_OF_MEMORY)
    return 0


def _read_exactly(stream: BinaryIO, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError("the parent stopped sending")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _read(header: dict[str, object], data: bytes, out: BinaryIO) -> dict[str, object]:
    from summarize.errors import InputError, MissingDependencyError
    from summarize.io.limits import extract

    name = str(header["name"])

    def progress(done: int, total: int) -> None:
        out.write(f"P {done} {total}\n".encode())
        out.flush()

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
    from summarize.io.limits import block_to_json

    blocks = None if found.blocks is None else [block_to_json(block) for block in found.blocks]
    return {"text": found.text, "title": found.title, "blocks": blocks}


if __name__ == "__main__":
    sys.exit(main())
