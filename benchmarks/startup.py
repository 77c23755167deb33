"""Start-up: the one-shot command against summa's, side by side, and ``import summarize``.

Usage::

    python benchmarks/startup.py seeds/000_0059b237ed54ef96.txt --rounds 30

Each round runs, in a fresh process and in alternating order, the ``summarize``
command on the file (``python -m summarize FILE``, 3 sentences) and summa's
``textrank -t FILE`` (when summa is installed), and records the wall-clock time of
each; the figures are the medians over the rounds and the median of the per-round
ratio, so that the machine's drift over minutes affects both sides alike. Also
timed, in the same rounds: ``python -c "import summarize"`` against ``python -c
pass`` (the difference is the import), and which heavy modules the command loaded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("scipy", "networkx", "trafilatura", "dask", "distributed", "ssl", "multiprocessing", "concurrent")


def timed(command: list[str]) -> float:
    """Seconds of wall-clock time of one run of ``command`` (its output discarded)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def loaded_modules(path: Path) -> list[str]:
    """The heavy top-level modules that the command's process has imported once it is done."""
    code = (
        "import sys\n"
        "from summarize.cli import main\n"
        f"main([{str(path)!r}])\n"
        f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return result.stdout.splitlines()[-1].split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path, help="the text file to summarise")
    parser.add_argument("--rounds", type=int, default=20, help="paired runs (default 20)")
    args = parser.parse_args()

    ours = [sys.executable, "-m", "summarize", str(args.file)]
    # summa's command, in this Python's environment or on the PATH.
    textrank = shutil.which(
        "textrank", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    )
    summa = [textrank, "-t", str(args.file)] if textrank else None
    if summa is None:
        print("summa's textrank command is not installed (pip install summa): summarize is timed alone")
    times: dict[str, list[float]] = {"summarize": [], "summa": [], "import": [], "python": []}
    ratios: list[float] = []
    for number in range(args.rounds):
        order = [("summarize", ours), ("summa", summa)]
        if number % 2:
            order.reverse()
        for name, command in order:
            if command is not None:
                times[name].append(timed(command))
        times["import"].append(timed([sys.executable, "-c", "import summarize"]))
        times["python"].append(timed([sys.executable, "-c", "pass"]))
        if summa is not None:
            ratios.append(times["summarize"][-1] / times["summa"][-1])

    def median(name: str) -> str:
        return f"{statistics.median(times[name]):.3f} s" if times[name] else "-"

    print(f"{args.rounds} rounds on {args.file}")
    print(f"| summarize (python -m summarize FILE) | {median('summarize')} |")
    print(f"| summa 1.2 (textrank -t FILE) | {median('summa')} |")
    if ratios:
        print(f"| ratio summarize / summa, median of rounds | {statistics.median(ratios):.2f}x |")
    imports = [a - b for a, b in zip(times["import"], times["python"], strict=True)]
    print(f"| import summarize (over python -c pass) | {statistics.median(imports):.3f} s |")
    print(f"heavy modules the command loaded: {', '.join(loaded_modules(args.file)) or 'none'}")


if __name__ == "__main__":
    main()
