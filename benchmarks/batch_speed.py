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
longer run (ids repeat; that is fine without --resume).

Other work on the machine lowers the figures and above all their ratio. So the load
average before and after is printed with the table; ``--wait-idle`` waits before
each run until the CPUs have been idle for a second; and each run notes how much CPU
time the machine's other processes used while it ran: the machine's busy time (from
``/proc/stat``, Linux only) less the command's, its workers' and this script's, plus
any time the hypervisor stole. A run during which that came to more than a fifth of
a CPU counts as disturbed and is left out of the table, unless every run of a
setting was. With more than one job, about 0.3 CPU seconds of it are the command's
own but cannot be seen: the workers and their fork server ending, after their last
sample (the fork server, a plain Python process, tears its modules down).

The corpus is a JSON Lines file with a ``text`` field per line, such as the
development data described in ``../shared/data/README.md``. Nothing of it is
written anywhere.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
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
    others: float | None  # CPU seconds used by other processes meanwhile, or stolen by the hypervisor

    @property
    def disturbed(self) -> bool:
        """Other processes used more than a fifth of one CPU while it ran."""
        return self.others is not None and self.others > 0.2 * self.wall

    @property
    def end_to_end(self) -> float:
        return self.records / self.wall


def machine_times() -> tuple[float, float] | None:
    """CPU seconds the machine has spent busy, and stolen by the hypervisor, since boot (None without /proc)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq) / ticks, steal / ticks


@dataclass
class Seen:
    """A process of the family as last seen: its parent, CPU seconds, and which sample."""

    parent: int
    own: float  # utime + stime
    reaped: float  # cutime + cstime: the children it has waited for, in full
    sample: int


class FamilyWatch:
    """Samples, every 100 ms (10 ms once hurried), the CPU seconds used by the processes under a pid (from /proc).

    Worker processes end before the command does, so they must be seen while they
    run; the time they used after their last sample is found in their parent's
    time for reaped children (see :meth:`stop`). The family is found through
    ``/proc/PID/task/TID/children``, a few small reads, so that watching costs well
    under 1% of a CPU (a scan of all of ``/proc`` 20 times a second took 4%, which
    the command with 2 workers would have lost).
    """

    def __init__(self, pid: int) -> None:
        self._pid = pid
        self._seen: dict[int, Seen] = {}
        self._stop = threading.Event()
        self._interval = 0.1
        self._ticks = os.sysconf("SC_CLK_TCK")
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        sample = 0
        while not self._stop.wait(self._interval):
            sample += 1
            parents, pending = {self._pid: 0}, [self._pid]
            while pending:
                pid = pending.pop()
                for child in children(pid):
                    if child not in parents:
                        parents[child] = pid
                        pending.append(child)
            for member, parent in parents.items():
                times = self._times(member)
                if times is not None:
                    self._seen[member] = Seen(parent, *times, sample)

    def hurry(self) -> None:
        """Sample every 10 ms from now on: the processes are about to end."""
        self._interval = 0.01

    def _times(self, pid: int) -> tuple[float, float] | None:
        """utime + stime, and cutime + cstime, of a process in seconds (None if it has ended)."""
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                fields = [int(field) for field in stat.read().rsplit(")", 1)[1].split()[11:15]]
        except OSError:
            return None
        return (fields[0] + fields[1]) / self._ticks, (fields[2] + fields[3]) / self._ticks

    def stop(self) -> float:
        """Stop watching; the CPU seconds of the processes under the pid (not the pid's own).

        Each process's own time as last seen, plus whatever the children it reaped
        used that is not already counted (their time after their last sample, or
        children never seen): its reaped time less what its children were last seen
        with. The pid's own time and reaped children are left to ``os.wait4``.
        """
        self._stop.set()
        self._thread.join()
        counted: dict[int, float] = {}
        for seen in self._seen.values():
            counted[seen.parent] = counted.get(seen.parent, 0.0) + seen.own + seen.reaped
        return sum(
            seen.own + max(0.0, seen.reaped - counted.get(pid, 0.0))
            for pid, seen in self._seen.items()
            if pid != self._pid
        )


def children(pid: int) -> list[int]:
    """The child processes of every thread of a process (none once it has ended)."""
    found: list[int] = []
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/children", encoding="ascii") as listing:
                found.extend(int(child) for child in listing.read().split())
        except OSError:
            continue  # the thread ended meanwhile
    return found


def run_once(corpus: Path, jobs: int, repeat: int) -> Run:
    source = "-" if repeat > 1 else str(corpus)
    command = [sys.executable, "-m", "summarize", "batch", source, "-o", "-", "--jobs", str(jobs), "--no-progress"]
    machine_before = machine_times()
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if repeat > 1 else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    watch = FamilyWatch(process.pid) if machine_before is not None else None
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
    if watch is not None:
        watch.hurry()  # the workers' last moments, which the parents' reaped time may not show
    assert process.stderr is not None
    err = process.stderr.read()  # one line: the command shows no progress here
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    workers = watch.stop() if watch is not None else 0.0
    machine_after = machine_times()
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    others = None
    if machine_before is not None and machine_after is not None:
        ours = workers + usage.ru_utime + usage.ru_stime
        ours += self_after.ru_utime - self_before.ru_utime + self_after.ru_stime - self_before.ru_stime
        busy = machine_after[0] - machine_before[0]
        stolen = machine_after[1] - machine_before[1]
        others = max(0.0, busy - ours) + stolen
    if process.returncode not in (0, 1) or not arrivals:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {err.decode(errors='replace')}")
    first_tenth = len(arrivals) // 10
    steady = (len(arrivals) - first_tenth) / (arrivals[-1] - arrivals[first_tenth])
    return Run(records=len(arrivals), wall=wall, steady=steady, others=others)


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
        # Every other round runs the settings in reverse order, so that neither is
        # always the one run just after the machine was idle.
        order = args.jobs if round_number % 2 else args.jobs[::-1]
        for jobs in order:
            if args.wait_idle:
                wait_until_idle()
            run = run_once(args.corpus, jobs, args.repeat)
            runs[jobs].append(run)
            others = "" if run.others is None else f"; other processes used {run.others:.2f} CPU s meanwhile"
            print(
                f"round {round_number}, jobs {jobs}: {run.records} records in {run.wall:.2f} s, "
                f"{run.end_to_end:.1f} docs/s end to end, {run.steady:.1f} docs/s steady{others}",
                file=sys.stderr,
            )
    print(f"load average after: {load()}")
    base = args.jobs[0]

    # Runs that other processes disturbed are left out, as long as some are left.
    kept = {jobs: [run for run in done if not run.disturbed] or done for jobs, done in runs.items()}

    def rate(jobs: int, kind: str, pick: str) -> float:
        values = [run.end_to_end if kind == "end" else run.steady for run in kept[jobs]]
        return statistics.median(values) if pick == "median" else max(values)

    print()
    print(
        f"| jobs | records | undisturbed rounds | end to end docs/s, median (× jobs {base}) | best (×) "
        "| steady docs/s, median (×) | best (×) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for jobs in args.jobs:
        cells = []
        for kind in ("end", "steady"):
            for pick in ("median", "best"):
                value = rate(jobs, kind, pick)
                cells.append(f"{value:.1f} ({value / rate(base, kind, pick):.2f})")
        rounds = f"{len(kept[jobs])} of {args.rounds}"
        print(f"| {jobs} | {runs[jobs][0].records} | {rounds} | " + " | ".join(cells) + " |")

    # The machine's speed drifts from minute to minute; the two runs of one round
    # are seconds apart, so their ratio is less affected than the ratio of medians.
    print()
    print(f"Ratio to jobs {base} within each round (rounds where neither run was disturbed):")
    print()
    print("| jobs | rounds | end to end: median (quartiles) | steady: median (quartiles) |")
    print("|---:|---:|---:|---:|")
    for jobs in args.jobs[1:]:
        pairs = [
            (run, other)
            for run, other in zip(runs[jobs], runs[base], strict=True)
            if not run.disturbed and not other.disturbed
        ]
        cells = []
        for kind in ("end", "steady"):
            ratios = [
                (run.end_to_end / other.end_to_end) if kind == "end" else (run.steady / other.steady)
                for run, other in pairs
            ]
            cells.append(spread(ratios))
        print(f"| {jobs} | {len(pairs)} | " + " | ".join(cells) + " |")
    return 0


def spread(values: list[float]) -> str:
    """Median and quartiles, as "1.81 (1.70-1.90)"."""
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.2f}"
    low, middle, high = statistics.quantiles(values, n=4, method="inclusive")
    return f"{middle:.2f} ({low:.2f}-{high:.2f})"


if __name__ == "__main__":
    sys.exit(main())
