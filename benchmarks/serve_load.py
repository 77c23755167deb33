"""Load on ``summarize serve``: concurrent clients posting news articles to ``/api/summary`` on loopback.

Usage::

    python benchmarks/serve_load.py ../shared/data/cnndm_dev.jsonl
    python benchmarks/serve_load.py ../shared/data/cnndm_dev.jsonl --workers 1 2 --clients 16 --seconds 30

For each number of worker processes, the real command is started
(``python -m summarize serve --port 0 --workers N`` on 127.0.0.1) and, once
``/health`` answers, ``--clients`` threads each post the articles of the corpus in
turn (``{"text": ..., "sentences": 3}``, a kept-alive connection each) for
``--seconds`` seconds or until ``--max-requests`` requests in all. Reported per
setting: requests, requests per second, the median (p50) and 99th-percentile (p99)
latency, errors (any answer but 200, or a broken connection), and the server's
peak memory: the largest resident set of all its processes together, sampled every
0.1 s from ``/proc`` (Linux; the sum of each process's own peak, ``VmHWM``, too).
Then the throughput over the first setting's, and where the CPU time of the
run went: the server's processes, the clients (this process), and the machine's
other processes (its busy time from ``/proc/stat``, stolen time included, less
the other two); of ``seconds`` x CPUs available.

The clients run in this process, on the same machine: they take CPU time from the
server, as does anything else running. So the load average before and after is
printed with the table (``os.getloadavg``), and the figures of a busy machine say
so. The corpus is a JSON Lines file with a ``text`` field per line, such as the
development data described in ``../shared/data/README.md``; nothing of it is
written anywhere.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

_SERVING = re.compile(r"serving on http://127\.0\.0\.1:(\d+)")


@dataclass
class Tally:
    """What the clients saw, and what the server used."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0
    peak_rss: int = 0
    peak_hwm: int = 0
    server_cpu: float = 0.0
    client_cpu: float = 0.0
    machine_cpu: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def read_articles(path: Path, limit: int) -> list[bytes]:
    """The request bodies: one per article of the corpus, at most ``limit``."""
    bodies = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                bodies.append(json.dumps({"text": text, "sentences": 3}).encode())
            if len(bodies) >= limit:
                break
    if not bodies:
        raise SystemExit(f"{path}: no line with a 'text'")
    return bodies


def start_server(workers: int, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    """``summarize serve --port 0 --workers N`` on 127.0.0.1; its port once /health answers."""
    environment = {name: value for name, value in os.environ.items() if not name.lower().endswith("_proxy")}
    with log.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "summarize", "serve", "--port", "0", "--workers", str(workers)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=environment,
            start_new_session=True,
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"summarize serve stopped:\n{log.read_text(encoding='utf-8')}")
        found = _SERVING.search(log.read_text(encoding="utf-8", errors="replace"))
        if found:
            port = int(found.group(1))
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/health")
                ready = connection.getresponse().status == 200
                connection.close()
                # Every worker loads its language data before it takes requests; let all of them start.
                if ready and log.read_text(encoding="utf-8").count("Application startup complete") >= workers:
                    return process, port
            except OSError:
                pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"summarize serve did not answer:\n{log.read_text(encoding='utf-8')}")


def tree(pid: int) -> list[int]:
    """The process and its descendants (Linux: /proc/PID/task/*/children)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):
                queue.extend(int(child) for child in (task / "children").read_text().split())
    return found


def memory(pid: int, key: str) -> int:
    """A /proc/PID/status memory figure (VmRSS, VmHWM) in bytes, 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes so far (/proc/PID/stat), in seconds."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime and stime, the 14th and 15th fields
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (/proc/stat: all but idle and iowait), stolen time included."""
    try:
        ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    return (sum(ticks[:8]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def sample_memory(pid: int, tally: Tally, done: threading.Event) -> None:
    while not done.wait(0.1):
        processes = tree(pid)
        tally.peak_rss = max(tally.peak_rss, sum(memory(p, "VmRSS") for p in processes))
        tally.peak_hwm = max(tally.peak_hwm, sum(memory(p, "VmHWM") for p in processes))


def connect(port: int) -> http.client.HTTPConnection:
    """A kept-alive connection that sends each request at once.

    http.client writes a request's headers and body in two writes; without
    TCP_NODELAY the second waits for the server's delayed acknowledgement (about
    40 ms on Linux), which would be measured as the server's latency.
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.connect()
    assert connection.sock is not None
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return connection


def client(port: int, bodies: list[bytes], start: int, tally: Tally, stop_at: float, budget: list[int]) -> None:
    """Post the articles in turn, from the ``start``-th, until the time or the request budget is spent."""
    connection = connect(port)
    number = start
    while time.monotonic() < stop_at:
        with tally.lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        body = bodies[number % len(bodies)]
        number += 1
        began = time.perf_counter()
        try:
            connection.request("POST", "/api/summary", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            answer = response.read()
            status = response.status
            ok = status == 200 and answer.startswith(b'{"file"')
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = connect(port)
            status, ok = 0, False
        elapsed = time.perf_counter() - began
        with tally.lock:
            tally.latencies.append(elapsed)
            tally.statuses[status] = tally.statuses.get(status, 0) + 1
            tally.errors += not ok
    connection.close()


def measure(workers: int, bodies: list[bytes], clients: int, seconds: float, max_requests: int) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server.log"
        process, port = start_server(workers, log)
        done = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(process.pid, tally, done), daemon=True)
        sampler.start()
        budget = [max_requests]
        server_before, client_before, machine_before = (
            cpu_seconds(tree(process.pid)),
            time.process_time(),
            machine_busy(),
        )
        began = time.monotonic()
        stop_at = began + seconds
        threads = [
            threading.Thread(
                target=client, args=(port, bodies, n * len(bodies) // clients, tally, stop_at, budget), daemon=True
            )
            for n in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        tally.seconds = time.monotonic() - began
        tally.server_cpu = cpu_seconds(tree(process.pid)) - server_before
        tally.client_cpu = time.process_time() - client_before
        tally.machine_cpu = machine_busy() - machine_before
        done.set()
        sampler.join()
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return tally


@dataclass(frozen=True)
class Row:
    """One setting's figures."""

    workers: int
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    statuses: dict[str, int]
    peak_rss_mb: float
    peak_hwm_mb: float
    server_cpu_s: float
    client_cpu_s: float
    other_cpu_s: float

    @classmethod
    def of(cls, workers: int, tally: Tally) -> Row:
        done = len(tally.latencies)
        return cls(
            workers=workers,
            requests=done,
            per_second=done / tally.seconds if tally.seconds else 0.0,
            p50_ms=1000 * percentile(tally.latencies, 0.5),
            p99_ms=1000 * percentile(tally.latencies, 0.99),
            errors=tally.errors,
            statuses={str(status): count for status, count in sorted(tally.statuses.items())},
            peak_rss_mb=tally.peak_rss / 2**20,
            peak_hwm_mb=tally.peak_hwm / 2**20,
            server_cpu_s=tally.server_cpu,
            client_cpu_s=tally.client_cpu,
            other_cpu_s=max(0.0, tally.machine_cpu - tally.server_cpu - tally.client_cpu),
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="JSON Lines, a 'text' per line (e.g. ../shared/data/cnndm_dev.jsonl)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker processes (default 1 2)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--seconds", type=float, default=30.0, help="seconds of load per setting (default 30)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="most requests per setting (default 100,000)")
    parser.add_argument("--articles", type=int, default=500, help="most articles read from the corpus (default 500)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0 or args.max_requests < 1 or min(args.workers) < 1:
        parser.error("--clients, --seconds, --max-requests and --workers must be positive")
    bodies = read_articles(args.corpus, args.articles)
    before = os.getloadavg()
    rows = []
    for workers in args.workers:
        tally = measure(workers, bodies, args.clients, args.seconds, args.max_requests)
        rows.append(Row.of(workers, tally))
        print(f"workers {workers}: {rows[-1].requests} requests in {tally.seconds:.1f} s", file=sys.stderr)
    after = os.getloadavg()
    first = rows[0].per_second or 1.0
    print(
        f"{len(bodies)} articles, {args.clients} clients, {args.seconds:g} s per setting, {os.cpu_count()} CPUs; "
        f"load average before {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
        f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}"
    )
    print()
    print(
        "| workers | requests | requests/s | p50 ms | p99 ms | errors | peak memory MB (sum of peaks) | vs first "
        "| CPU s: server, clients, other processes |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(
            f"| {row.workers} | {row.requests} | {row.per_second:.1f} | {row.p50_ms:.0f} | {row.p99_ms:.0f} | "
            f"{row.errors} | {row.peak_rss_mb:.0f} ({row.peak_hwm_mb:.0f}) | {row.per_second / first:.2f} | "
            f"{row.server_cpu_s:.1f}, {row.client_cpu_s:.1f}, {row.other_cpu_s:.1f} |"
        )
    if args.json:
        record = {
            "load_before": before,
            "load_after": after,
            "clients": args.clients,
            "seconds": args.seconds,
            "rows": [dataclasses.asdict(row) for row in rows],
        }
        args.json.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return 1 if any(row.errors for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
