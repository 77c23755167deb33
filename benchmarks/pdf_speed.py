"""How long a long PDF takes to summarise, and how the time splits between extraction and summarising.

Usage::

    pip install ".[pdf]" reportlab
    PYTHONPATH=. python benchmarks/pdf_speed.py [--pages 300] [--repeat 5]

A report of about ``--pages`` pages (two columns, running header, page-number
footer, hyphenation and ligatures, as in ``tests/documents.py``) is written with
reportlab to the system's temporary folder. Then, in this process, after a first
call on a short text that loads NLTK's Punkt parameters and the stemmer:

- **extraction**: :func:`summarize.io.pdf.extract_pdf` on the file's bytes;
- **summarising**: ``Summarizer(sentences=5)`` on the extracted text (sentence
  splitting, graph, ranking, selection);

each the median of ``--repeat`` runs. Last, the whole command
``python -m summarize -n 5 FILE`` in a fresh process (imports included), median
of ``--repeat`` runs, and its peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.documents import long_paragraphs, write_pdf

# About 13.3 paragraphs of long_paragraphs() fill a page of two columns.
_PARAGRAPHS_PER_PAGE = 13.3


def _median_seconds(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages of the report (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measurement (default 5)")
    args = parser.parse_args()

    from summarize import Summarizer, split_sentences
    from summarize.io.pdf import extract_pdf

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "report.pdf")
        start = time.perf_counter()
        written = write_pdf(path, paragraphs=long_paragraphs(round(args.pages * _PARAGRAPHS_PER_PAGE)))
        generated = time.perf_counter() - start
        data = path.read_bytes()
        summarizer = Summarizer(sentences=5)
        summarizer("A first call loads the sentence splitter. It loads the stemmer too. Then timing starts.")
        text = extract_pdf(data).text
        extraction = _median_seconds(lambda: extract_pdf(data), args.repeat)
        summarising = _median_seconds(lambda: summarizer(text), args.repeat)
        environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        command = [sys.executable, "-m", "summarize", "-n", "5", str(path)]
        whole = _median_seconds(
            lambda: subprocess.run(command, check=True, capture_output=True, env=environment), args.repeat
        )
        sentences = len(split_sentences(text))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"{written.pages} pages, {len(data) / 1e6:.1f} MB, {len(text):,} characters, {sentences:,} sentences "
            f"(written by reportlab in {generated:.1f} s); median of {args.repeat} runs\n"
        )
        print("| step | seconds | ms/page |")
        print("|---|---:|---:|")
        for step, seconds in (
            ("extraction (`extract_pdf`)", extraction),
            ("summarising (`Summarizer(sentences=5)`)", summarising),
            ("extraction + summarising", extraction + summarising),
            ("the command `python -m summarize -n 5 FILE` (fresh process)", whole),
        ):
            print(f"| {step} | {seconds:.2f} | {1000 * seconds / written.pages:.1f} |")
        print(f"\npeak memory of the command (resident, the whole process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
