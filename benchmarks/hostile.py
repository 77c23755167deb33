"""Hostile inputs of issue #25, rebuilt from small generators: time, peak memory and outcome of each.

Usage::

    python benchmarks/hostile.py                      # every case, a table in Markdown
    python benchmarks/hostile.py --cases pdf-forms,docx-empty
    python benchmarks/hostile.py --curve DEV/cnndm_dev.jsonl   # memory and time against size, three shapes

Each case is built by a generator of ``tests/hostile.py`` into a temporary folder,
then run as the command a user would type (``python -m summarize ...``) in a
fresh process, capped at ``--memory`` bytes of address space (default 4 GB) and
killed after ``--limit`` seconds (default 600). The table gives the wall time,
the peak resident memory of the largest process (the command, or the child that
reads a PDF: ``wait4``'s ``ru_maxrss``), the exit status and the last line of
standard error (or, for batch runs, what the output records say).

``--curve`` summarises texts of three shapes (prose: the dataset's articles one
after another; short sentences: three words each from 20,000; one word per
line) at growing sizes, in a fresh process each, and gives seconds and peak
memory (``Summarizer().summarize``, splitting included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile  # noqa: E402
from tests.conftest import NEWS  # noqa: E402

MB = 1_000_000


@dataclass
class Result:
    seconds: float
    peak_mb: float
    status: int
    said: str


def run(command: list[str], *, cwd: Path, memory: int, limit: float, stdin: bytes | None = None) -> Result:
    """Run ``command`` capped, and measure it."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=cap,
    )
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(child.stderr.read()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    if stdin is not None:
        child.stdin.write(stdin)  # type: ignore[union-attr]
        child.stdin.close()  # type: ignore[union-attr]
    timer = threading.Timer(limit, child.kill)
    timer.start()
    _, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    seconds = time.perf_counter() - start
    lines = [line for line in b"".join(errors).decode("utf-8", "replace").splitlines() if line.strip()]
    said = " / ".join(line for line in lines if line.startswith("summarize")) or (lines[-1] if lines else "")
    if any(line.startswith("Traceback") for line in lines):
        said = "TRACEBACK: " + said
    return Result(seconds, usage.ru_maxrss / 1024, child.returncode, said)


def summarize(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "summarize", *arguments]


@dataclass
class Case:
    name: str
    item: str
    what: str
    build: Callable[[Path], list[str]]  # writes the input into the folder, returns the command
    stdin: bytes | None = None
    records: str | None = None  # an output file whose records to describe


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return path


def _folder_with(folder: Path, name: str, data: bytes) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    _write(corpus, "a.txt", NEWS)
    _write(corpus, name, data)
    _write(corpus, "c.txt", NEWS)
    return corpus


def _jsonl(folder: Path, lines: list[str]) -> Path:
    return _write(folder, "corpus.jsonl", "\n".join(lines) + "\n")


def _deep_folder(folder: Path) -> list[str]:
    corpus = folder / "corpus"
    deep = corpus
    corpus.mkdir()
    for _ in range(1_100):
        deep = deep / "d"
        deep.mkdir()
    _write(deep, "a.txt", NEWS)
    return summarize("batch", str(corpus), "-o", "out.jsonl", "-j", "1")


def _go(size: int) -> str:
    return ("Go. " * (size // 4 + 1))[:size]


def cases() -> list[Case]:
    news = json.dumps({"id": "a", "text": NEWS})
    last = json.dumps({"id": "c", "text": NEWS})
    deep = '{"id": "deep", "text": "x", "more": ' + "[" * 2000 + "]" * 2000 + "}"
    return [
        Case(
            "pdf-forms",
            "1",
            "3.5 KB PDF, forms drawing each other 10x over 12 levels",
            lambda f: summarize(str(_write(f, "forms.pdf", hostile.nested_forms_pdf()))),
        ),
        Case(
            "pdf-inflate",
            "1",
            "14 KB PDF, a content stream compressed twice, 8 GiB inflated",
            lambda f: summarize(str(_write(f, "inflate.pdf", hostile.inflating_pdf(8 * 2**30)))),
        ),
        Case(
            "pdf-batch",
            "1",
            "folder: a.txt, the forms PDF, c.txt; batch",
            lambda f: summarize("batch", str(_folder_with(f, "b.pdf", hostile.nested_forms_pdf())), "-o", "out.jsonl"),
            records="out.jsonl",
        ),
        Case(
            "short-10MB",
            "2",
            "10 MB of three-word sentences (20,000 words)",
            lambda f: summarize(str(_write(f, "short.txt", hostile.short_sentences(10 * MB)))),
        ),
        Case(
            "short-20MB",
            "2",
            "20 MB of three-word sentences",
            lambda f: summarize(str(_write(f, "short.txt", hostile.short_sentences(20 * MB)))),
        ),
        Case(
            "short-45MB",
            "2",
            "45 MB of three-word sentences",
            lambda f: summarize(str(_write(f, "short.txt", hostile.short_sentences(45 * MB)))),
        ),
        Case("go-20MB", "2", "'Go. ' repeated, 20 MB", lambda f: summarize(str(_write(f, "go.txt", _go(20 * MB))))),
        Case("go-44MB", "2", "'Go. ' repeated, 44 MB", lambda f: summarize(str(_write(f, "go.txt", _go(44 * MB))))),
        Case(
            "docx-empty",
            "3",
            "234 KB DOCX, one paragraph of 60 million empty elements",
            lambda f: summarize(str(_write(f, "empty.docx", hostile.empty_elements_docx(60_000_000)))),
        ),
        Case(
            "docx-runs",
            "3",
            "DOCX, one paragraph of 7.4 million runs",
            lambda f: summarize(str(_write(f, "runs.docx", hostile.many_runs_docx(7_400_000)))),
        ),
        Case(
            "pdf-line-16k",
            "4",
            "PDF, 16,000 text objects on one line",
            lambda f: summarize(str(_write(f, "line.pdf", hostile.one_line_pdf(16_000)))),
        ),
        Case(
            "pdf-line-32k",
            "4",
            "PDF, 32,000 text objects on one line",
            lambda f: summarize(str(_write(f, "line.pdf", hostile.one_line_pdf(32_000)))),
        ),
        Case(
            "html-40k",
            "5",
            "HTML, 40,000 attributes on one tag (350 KB)",
            lambda f: summarize(str(_write(f, "attrs.html", hostile.many_attributes_html(40_000)))),
        ),
        Case(
            "html-1M",
            "5",
            "HTML, 1,000,000 attributes on one tag",
            lambda f: summarize(str(_write(f, "attrs.html", hostile.many_attributes_html(1_000_000)))),
        ),
        Case(
            "jsonl-deep-j1",
            "6",
            "JSON Lines record nested 2,000 deep, --jobs 1",
            lambda f: summarize("batch", str(_jsonl(f, [news, deep, last])), "-o", "out.jsonl", "-j", "1"),
            records="out.jsonl",
        ),
        Case(
            "jsonl-deep-j2",
            "6",
            "the same, --jobs 2, an id nested 900 deep too",
            lambda f: summarize(
                "batch",
                str(_jsonl(f, [news, deep, '{"id": ' + "[" * 900 + "]" * 900 + ', "text": "x"}', last])),
                "-o",
                "out.jsonl",
                "-j",
                "2",
            ),
            records="out.jsonl",
        ),
        Case(
            "jsonl-deep-combine",
            "6",
            "the same, --combine",
            lambda f: summarize("batch", "--combine", str(_jsonl(f, [news, deep, last])), "-o", "out.jsonl", "-j", "1"),
            records="out.jsonl",
        ),
        Case(
            "timeout-1e10", "8", "--timeout 1e10", lambda _: summarize("--timeout", "1e10", "http://example.invalid/")
        ),
        Case(
            "n-2**63",
            "8",
            "-n 9223372036854775808",
            lambda f: summarize("-n", "9223372036854775808", str(_write(f, "a.txt", NEWS))),
        ),
        Case(
            "batch-n-2**63",
            "8",
            "batch -n 9223372036854775808",
            lambda f: summarize("batch", str(_jsonl(f, [news])), "-n", "9223372036854775808", "-o", "out.jsonl"),
        ),
        Case(
            "window-1e9",
            "8",
            "keywords --window 1000000000 on 3 KB",
            lambda f: summarize("keywords", "--window", "1000000000", str(_write(f, "a.txt", NEWS * 5))),
        ),
        Case(
            "window-30000",
            "8",
            "keywords --window 30000 on 200 KB",
            lambda f: summarize("keywords", "--window", "30000", str(_write(f, "a.txt", NEWS * 400))),
        ),
        Case("fetch-status-drip", "7", "a status line sent a byte every 50 ms (default limits)", _fetch_case),
        Case("fifo", "9", "-o onto a named pipe (a reader attached)", _fifo, records=None),
        Case("two-runs", "9", "two batch runs on the same -o at once", _two_runs, records="out.jsonl"),
        Case(
            "ids-1e400-NaN",
            "10",
            "ids 1e400 and NaN",
            lambda f: summarize(
                "batch",
                str(_jsonl(f, [f'{{"id": 1e400, "text": "{NEWS}"}}', f'{{"id": NaN, "text": "{NEWS}"}}'])),
                "-o",
                "out.jsonl",
                "-j",
                "1",
            ),
            records="out.jsonl",
        ),
        Case("folder-1100", "10", "a folder nested 1,100 deep", _deep_folder, records="out.jsonl"),
        Case(
            "html-deep",
            "10",
            "100,000 nested divs",
            lambda f: summarize(
                str(
                    _write(
                        f, "deep.html", "<html><body>" + "<div>" * 100_000 + "<p>" + NEWS + "</p>" + "</div>" * 100_000
                    )
                )
            ),
        ),
        Case(
            "html-50MB-p",
            "10",
            "one <p> of 50 MB",
            lambda f: summarize(
                str(_write(f, "big.html", "<html><body><p>" + (NEWS + " ") * (50 * MB // (len(NEWS) + 1)) + "</p>"))
            ),
        ),
        Case(
            "utf16-bom",
            "10",
            "a UTF-16 text file with a BOM",
            lambda f: summarize(str(_write(f, "wide.txt", ("\ufeff" + NEWS).encode("utf-16-le")))),
        ),
    ]


_FETCH = """
import sys
from pathlib import Path
from tests import webserver
from summarize.errors import SummarizeError
from summarize.io.documents import load_document
server, thread = webserver.start(Path("seeds") / "000_0059b237ed54ef96.txt")
url = f"http://127.0.0.1:{server.server_address[1]}/status-dripping"
try:
    load_document(url, allow_private=True)
except SummarizeError as error:
    print(f"summarize: error: {error}", file=sys.stderr)
webserver.stop(server, thread)
"""


def _fetch_case(_folder: Path) -> list[str]:
    return ["sh", "-c", f"cd {ROOT} && {sys.executable} -c '{_FETCH}'"]


def _fifo(folder: Path) -> list[str]:
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    threading.Thread(target=lambda: Path(fifo).read_bytes(), daemon=True).start()
    _jsonl(folder, [json.dumps({"id": 1, "text": NEWS})])
    return [
        "sh", "-c",
        f"{sys.executable} -m summarize batch corpus.jsonl -o pipe -j 1 && test -p pipe && echo 'still a pipe' >&2",
    ]  # fmt: skip


def _two_runs(folder: Path) -> list[str]:
    lines = [json.dumps({"id": number, "text": (NEWS + " ") * 20}) for number in range(2000)]
    _jsonl(folder, lines)
    one = f"{sys.executable} -m summarize batch corpus.jsonl -o out.jsonl -j 1"
    return ["sh", "-c", f"{one} 2>one.err & sleep 2; {one}; wait; cat one.err >&2"]


def describe_records(path: Path) -> str:
    if not path.exists():
        return "no output file"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    errors = [str(record["error"])[:90] for record in records if "error" in record]
    ids = [record.get("id") for record in records]
    duplicated = len(ids) - len({json.dumps(identifier) for identifier in ids})
    text = f"{len(records)} records, {len(records) - len(errors)} summarised"
    if duplicated:
        text += f", {duplicated} ids twice"
    if errors:
        text += "; errors: " + " | ".join(errors[:2])
    return text


def table(selected: list[Case], *, memory: int, limit: float) -> None:
    print("| case | item | input | time (s) | peak (MB) | exit | outcome |")
    print("|---|---|---|---:|---:|---:|---|")
    for case in selected:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            built = time.perf_counter()
            command = case.build(folder)
            built = time.perf_counter() - built
            result = run(command, cwd=folder, memory=memory, limit=limit, stdin=case.stdin)
            outcome = result.said.replace("|", "/")[:160]
            if case.records:
                outcome = describe_records(folder / case.records) + (f"; stderr: {outcome}" if outcome else "")
            if result.status == -signal.SIGKILL and result.seconds >= limit:
                outcome = f"KILLED at the {limit:g} s limit; " + outcome
            print(
                f"| {case.name} | {case.item} | {case.what} | {result.seconds:.1f} | {result.peak_mb:,.0f} | "
                f"{result.status} | {outcome.replace('|', '/')} |",
                flush=True,
            )
            if result.seconds > 60 or result.peak_mb > 2000:
                print(f"<!-- {case.name}: over the target (60 s, 2 GB); built in {built:.1f} s -->", flush=True)
            # rm, not shutil.rmtree, which recurses: a folder is nested 1,100 deep.
            subprocess.run(["rm", "-rf", str(folder)], check=False)
            folder.mkdir()


_CURVE_CHILD = """
import resource, sys, time
from summarize import Summarizer
text = sys.stdin.buffer.read().decode("utf-8")
summarizer = Summarizer(sentences=3)
start = time.perf_counter()
try:
    summarizer.summarize(text)
    outcome = "ok"
except Exception as error:
    outcome = type(error).__name__
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, outcome)
"""


def curve(dataset: Path, sizes: dict[str, list[float]], *, memory: int, limit: float) -> None:
    articles = [json.loads(line)["text"] for line in dataset.read_text(encoding="utf-8").splitlines() if line.strip()]
    prose = "\n\n".join(articles)
    words = [f"word{index:05d}" for index in range(20_000)]

    def make(shape: str, size: int) -> str:
        if shape == "prose":
            return (prose * (size // len(prose) + 1))[:size]
        if shape == "short sentences":
            return hostile.short_sentences(size)
        return "\n".join(words[index % len(words)] for index in range(size // 10 + 1))[:size]

    print("| shape | MB | sentences | seconds | peak (MB) | outcome |")
    print("|---|---:|---:|---:|---:|---|")
    for shape, megabytes in sizes.items():
        for size in megabytes:
            text = make(shape, int(size * MB))
            count = text.count(". ") + text.count("\n") + 1 if shape != "prose" else 0
            with tempfile.TemporaryDirectory() as name:
                folder = Path(name)
                child = [sys.executable, "-c", _CURVE_CHILD]
                measured = _measure_child(child, text.encode(), folder, memory=memory, limit=limit)
            print(f"| {shape} | {size:g} | {count or ''} | {measured}", flush=True)


def _measure_child(command: list[str], data: bytes, folder: Path, *, memory: int, limit: float) -> str:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    try:
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            preexec_fn=cap,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"> {limit:g} | | killed |"
    if done.returncode != 0:
        return f" | | failed: {done.stderr.decode()[-120:]} |"
    seconds, peak, outcome = done.stdout.decode().split()
    return f"{float(seconds):.1f} | {float(peak):,.0f} | {outcome} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--memory", type=int, default=4_000_000_000, help="address space cap of each run, bytes")
    parser.add_argument("--limit", type=float, default=600, help="seconds before a run is killed")
    parser.add_argument("--curve", type=Path, metavar="DATASET", help="JSON Lines articles: the memory curve instead")
    args = parser.parse_args()
    if args.curve:
        sizes: dict[str, list[float]] = {
            "prose": [1, 5, 10, 25, 50],
            "short sentences": [1, 2.5, 5, 10, 10.5],
            "one word per line": [1, 2, 4, 5.5],
        }
        curve(args.curve, sizes, memory=args.memory, limit=args.limit)
        return
    selected = cases()
    if args.cases:
        wanted = set(args.cases.split(","))
        selected = [case for case in selected if case.name in wanted]
    table(selected, memory=args.memory, limit=args.limit)


if __name__ == "__main__":
    main()
