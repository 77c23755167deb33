"""Documents per second of ``summarize batch`` with 1 and 2 (or more) worker processes.

Usage::

    python benchmarks/batch_speed.py ../shared/data/cnndm_dev.jsonl
    python benchmarks/batch_speed.py ../shared/data/cnndm_dev.jsonl --jobs 1 2 --rounds 5 --repeat 4

Each round runs the real command, ``python -m summarize batch CORPUS -o - --jobs N``,
once per number of jobs (alternating, so that whatever else the machine is doing
weighs on every setting alike), and reads its output as it comes, noting when each
record arrives. Two rates are reported, each as the median and the best over the
rounds (the best is the run least disturbed by other work on the machine):

- end to end: records / wall-clock time of the whole command, from process start to
  exit, including starting Python, importing summarize and its dependencies in the
  main process and in every worker, and reading and writing the files;
- steady: records after the first tenth / time from the first tenth to the last
  record, i.e. the throughput once every worker is up, which is what a long corpus
  sees for most of its run.

``--repeat K`` feeds the corpus K times in a row through standard input, for a
longer run (ids repeat; that is fine without --resume). Other work on the machine
lowers the figures and above all their ratio, so the load average before and after
is printed with the table, and ``--wait-idle`` waits before each run until the CPUs
have been idle for a second (read from ``/proc/stat``, Linux only).

The corpus is a JSON Lines file with a ``text`` field per line, such as the
development data described in ``../shared/data/README.md``. Nothing of it is
written anywhere.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    records: int
    wall: float
    steady: float

    @property
    def end_to_end(self) -> float:
        return self.records / self.wall


def run_once(corpus: Path, jobs: int, repeat: int) -> Run:
    source = "-" if repeat > 1 else str(corpus)
    command = [sys.executable, "-m", "summarize", "batch", source, "-o", "-", "--jobs", str(jobs), "--no-progress"]
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if repeat > 1 else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    if repeat > 1:
        data = corpus.read_bytes()

        def feed() -> None:
            assert process.stdin is not None
            for _ in range(repeat):
                process.stdin.write(data)
            process.stdin.close()

        threading.Thread(target=feed, daemon=True).start()
    arrivals = []
    assert process.stdout is not None
    for _ in process.stdout:
        arrivals.append(time.perf_counter() - start)
    _, err = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode not in (0, 1) or not arrivals:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {err.decode(errors='replace')}")
    first_tenth = len(arrivals) // 10
    steady = (len(arrivals) - first_tenth) / (arrivals[-1] - arrivals[first_tenth])
    return Run(records=len(arrivals), wall=wall, steady=steady)


def busy_share(seconds: float = 1.0) -> float:
    """The share of the machine's CPU time spent busy over ``seconds``."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields) - idle, sum(fields)

    busy_before, total_before = sample()
    time.sleep(seconds)
    busy_after, total_after = sample()
    return (busy_after - busy_before) / max(1, total_after - total_before)


def wait_until_idle(limit: float = 0.05, patience: float = 1800) -> None:
    deadline = time.monotonic() + patience
    while busy_share() > limit:
        if time.monotonic() > deadline:
            raise SystemExit("the machine never became idle")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines file with a 'text' field per line")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="numbers of worker processes (default 1 2)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each setting (default 3)")
    parser.add_argument("--repeat", type=int, default=1, help="feed the corpus this many times (default 1)")
    parser.add_argument("--wait-idle", action="store_true", help="before each run, wait until the CPUs are idle")
    args = parser.parse_args(argv)

    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; load average before: {load()}")
    runs: dict[int, list[Run]] = {jobs: [] for jobs in args.jobs}
    for round_number in range(1, args.rounds + 1):
        for jobs in args.jobs:
            if args.wait_idle:
                wait_until_idle()
            run = run_once(args.corpus, jobs, args.repeat)
            runs[jobs].append(run)
            print(
                f"round {round_number}, jobs {jobs}: {run.records} records in {run.wall:.2f} s, "
                f"{run.end_to_end:.1f} docs/s end to end, {run.steady:.1f} docs/s steady",
                file=sys.stderr,
            )
    print(f"load average after: {load()}")
    base = args.jobs[0]

    def rate(jobs: int, kind: str, pick: str) -> float:
        values = [run.end_to_end if kind == "end" else run.steady for run in runs[jobs]]
        return statistics.median(values) if pick == "median" else max(values)

    print()
    print(
        f"| jobs | records | rounds | end to end docs/s, median (× jobs {base}) | best (×) "
        "| steady docs/s, median (×) | best (×) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for jobs in args.jobs:
        cells = []
        for kind in ("end", "steady"):
            for pick in ("median", "best"):
                value = rate(jobs, kind, pick)
                cells.append(f"{value:.1f} ({value / rate(base, kind, pick):.2f})")
        print(f"| {jobs} | {runs[jobs][0].records} | {args.rounds} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
