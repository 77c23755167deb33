"""Documents per second of ``summarize batch`` with 1 and 2 (or more) worker processes.

Usage::

    python benchmarks/batch_speed.py ../shared/data/cnndm_dev.jsonl
    python benchmarks/batch_speed.py ../shared/data/cnndm_dev.jsonl --jobs 1 2 --rounds 5 --repeat 4

Each round runs the real command, ``python -m summarize batch CORPUS -o - --jobs N``,
once per number of jobs (alternating, so that whatever else the machine is doing
weighs on every setting alike), and reads its output as it comes, noting when each
record arrives. Two rates are reported, each the median over the rounds:

- end to end: records / wall-clock time of the whole command, from process start to
  exit, including starting Python, importing summarize and its dependencies in the
  main process and in every worker, and reading and writing the files;
- steady: records after the first tenth / time from the first tenth to the last
  record, i.e. the throughput once every worker is up, which is what a long corpus
  sees for most of its run.

``--repeat K`` feeds the corpus K times in a row through standard input, for a
longer run (ids repeat; that is fine without --resume). The load average of the
machine before and after is printed with the table: other work on the machine
lowers the figures and their ratio.

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


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines file with a 'text' field per line")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="numbers of worker processes (default 1 2)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each setting (default 3)")
    parser.add_argument("--repeat", type=int, default=1, help="feed the corpus this many times (default 1)")
    args = parser.parse_args(argv)

    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; load average before: {load()}")
    runs: dict[int, list[Run]] = {jobs: [] for jobs in args.jobs}
    for round_number in range(1, args.rounds + 1):
        for jobs in args.jobs:
            run = run_once(args.corpus, jobs, args.repeat)
            runs[jobs].append(run)
            print(
                f"round {round_number}, jobs {jobs}: {run.records} records in {run.wall:.2f} s, "
                f"{run.end_to_end:.1f} docs/s end to end, {run.steady:.1f} docs/s steady",
                file=sys.stderr,
            )
    print(f"load average after: {load()}")
    base = args.jobs[0]
    base_end = statistics.median(run.end_to_end for run in runs[base])
    base_steady = statistics.median(run.steady for run in runs[base])
    print()
    print(f"| jobs | records | end to end docs/s | × jobs {base} | steady docs/s | × jobs {base} |")
    print("|---:|---:|---:|---:|---:|---:|")
    for jobs in args.jobs:
        end = statistics.median(run.end_to_end for run in runs[jobs])
        steady = statistics.median(run.steady for run in runs[jobs])
        print(
            f"| {jobs} | {runs[jobs][0].records} | {end:.1f} | {end / base_end:.2f} "
            f"| {steady:.1f} | {steady / base_steady:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
