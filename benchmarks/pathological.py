"""Time per megabyte on texts of unusual shapes, and how it grows with their size.

Usage::

    python benchmarks/pathological.py DEV/cnndm_dev.jsonl
    python benchmarks/pathological.py DEV/cnndm_dev.jsonl --sizes 0.25,0.5,1 --shapes initials,capitals

For each shape, a text of each size (in MB of UTF-8) is generated and summarised
(``Summarizer().summarize``, 3 sentences, sentence splitting included) in a fresh
process, after a warm-up call on a short text; the table gives seconds per MB at each
size and the growth ratio between the two largest sizes (the time at twice the size
over the time at the size: 2 for linear growth, 2.3 is the bound of the issue's
n log n). The reference shape, ``news``, is the dataset's articles one after another.
A case that takes longer than ``--limit`` seconds is stopped and reported as such.
Nothing of the dataset is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000

_CHILD = """
import sys, time
from summarize import Summarizer
text = sys.stdin.buffer.read().decode("utf-8", errors="surrogatepass")
summarizer = Summarizer(sentences=3)
summarizer.summarize("Warm up. The pipeline loads its data now. Then it is timed.")
start = time.perf_counter()
summarizer.summarize(text)
print(time.perf_counter() - start)
"""


def repeat(unit: str) -> Callable[[int], str]:
    """A shape made of ``unit`` over and over, cut to the size."""

    def make(size: int) -> str:
        return (unit * (size // len(unit.encode("utf-8")) + 1))[: max(1, size // max(1, _bytes_per_char(unit)))]

    return make


def _bytes_per_char(text: str) -> int:
    return max(1, round(len(text.encode("utf-8")) / len(text)))


def shapes(news: str) -> dict[str, Callable[[int], str]]:
    """Every shape, by name: a function from a size in bytes to a text of about that size."""
    words = news.split()
    return {
        "news": repeat(news),
        "initials": repeat("J. R. R. "),
        "capitals": repeat("A. "),
        "word-per-line": lambda size: "\n".join(words[n % len(words)] for n in range(size // 6)),
        "dots": repeat("...... . . . .... "),
        "ellipses": repeat("Wait . . . what? And then . . . . nothing "),
        "quotes": repeat('"Yes." "No!" \u201cMaybe?\u201d \u00ab Oui. \u00bb \'x\'. '),
        "brackets": repeat("(see [a]. {b}.) ((c.)) "),
        "numbers": repeat("1. 2. 3.5. 10.) No. 5. p. 55. 3.29% "),
        "list-markers": repeat("\u2022 9. First \u2022 10. Second a) third 1.) fourth "),
        "emoji": repeat("The team won \U0001f389\U0001f389. Fans cheered \U0001f44f! "),
        "combining": repeat("Cafe\u0301 na\u0308ive re\u0301sume\u0301. "),
        "control": repeat("Line one.\x00\x01\x07 Line two.\x0b\x0c Line three.\x1b "),
        "long-words": repeat("x" * 5000 + ". "),
        "no-punctuation": lambda size: " ".join(words[n % len(words)] for n in range(size // 6)).replace(".", ""),
        "one-sentence": lambda size: " ".join(words[n % len(words)] for n in range(size // 6)).replace(".", ",") + ".",
        "cjk": repeat("\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002\u6211\u4eec\u53bb\u516c\u56ed\uff01"),
        "blank-lines": repeat("Word.\n\n\n"),
    }


def timed(text: str, limit: float) -> float | None:
    """Seconds to summarise ``text`` in a fresh process, or None past ``limit``."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=text.encode("utf-8", errors="surrogatepass"),
            capture_output=True,
            timeout=limit,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(result.stdout.decode().split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path, help="a JSON Lines file of news articles ('text' field)")
    parser.add_argument("--sizes", default="0.25,0.5,1", help="sizes in MB, comma-separated (default 0.25,0.5,1)")
    parser.add_argument("--shapes", help="only these shapes, comma-separated (default: all)")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a case is stopped (default 60)")
    args = parser.parse_args()

    articles = [json.loads(line)["text"] for line in args.dataset.open(encoding="utf-8") if line.strip()]
    news = "\n\n".join(articles) + "\n\n"
    sizes = [float(size) for size in args.sizes.split(",")]
    every = shapes(news)
    names = args.shapes.split(",") if args.shapes else list(every)
    header = " | ".join(f"s/MB at {size:g} MB" for size in sizes)
    print(f"| shape | {header} | growth x2 | x news |")
    print("|---|" + "---:|" * (len(sizes) + 2))
    reference: float | None = None
    for name in names:
        seconds = []
        for size in sizes:
            text = every[name](int(size * MB))
            start = time.perf_counter()
            spent = timed(text, args.limit)
            seconds.append(spent if spent is not None else -(time.perf_counter() - start))
        per_mb = [spent / size for spent, size in zip(seconds, sizes, strict=True)]
        cells = " | ".join(f"{value:.2f}" if value >= 0 else f"> {-value:.0f} s" for value in per_mb)
        growth = seconds[-1] / seconds[-2] if len(seconds) > 1 and min(seconds[-2:]) > 0 else float("nan")
        if name == "news":
            reference = per_mb[-1]
        relative = per_mb[-1] / reference if reference and per_mb[-1] > 0 else float("nan")
        print(f"| {name} | {cells} | {growth:.2f} | {relative:.1f} |", flush=True)


if __name__ == "__main__":
    main()
