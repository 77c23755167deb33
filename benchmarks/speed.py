"""Speed and memory of summarize (and of the peer libraries, when installed).

Usage::

    python benchmarks/speed.py ../shared/data/cnndm_dev.jsonl
    python benchmarks/speed.py ../shared/data/cnndm_dev.jsonl --sizes 500,2000 --peers

Two measurements:

1. **News articles.** Every article of the dataset is summarised (3 sentences),
   after warming up on 20 of them, in a fresh process for each system; the figure
   is the best over the passes of the mean wall-clock time per article of the whole
   ``summarize`` call, sentence splitting included, and of sentence splitting
   alone. With ``--peers``, the installed peers run on the same articles in the
   same run.
2. **Long documents.** For each size, a document of that many sentences is built from
   the dataset's sentences, in order, five to a paragraph (cycling through the
   dataset when it has fewer), written to a temporary file, and summarised
   (5 sentences) in a fresh Python process, which reports the seconds of the
   summarise call (splitting included; imports and one-off loading excluded, by a
   first call on a three-sentence text) and its peak resident memory (the whole
   process, interpreter and imports included).

Also reported: the time of ``import summarize`` in a fresh process. Nothing of the
dataset is written anywhere but the system's temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SUMMARY_SENTENCES = 5
_IMPORT_TIMER = "import time; t = time.perf_counter(); import summarize; print(time.perf_counter() - t)"
PEERS = ("summa", "lexrank", "sumy")


def _articles(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def _long_document(articles: list[str], size: int) -> str:
    from summarize import split_sentences

    pool = [" ".join(s.text.split()) for text in articles for s in split_sentences(text) if not s.fragment]
    sentences = [pool[i % len(pool)] for i in range(size)]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, size, 5)) + "\n"


def _summarizer(system: str, sentences: int) -> Callable[[str], object]:
    """A function that summarises a text with ``system``, importing it first."""
    if system == "summarize":
        from summarize import Summarizer

        return Summarizer(sentences=sentences)
    if system == "split":
        from summarize import split_sentences

        return split_sentences
    if system == "summa":
        from summa import summarizer as summa

        def run_summa(text: str) -> object:
            # summa takes a ratio, not a count: ask for about `sentences` of them.
            return summa.summarize(text, ratio=min(1.0, sentences / max(1, text.count(". ") + 1)))

        return run_summa
    if system == "lexrank":
        from lexrank import STOPWORDS, LexRank

        def run_lexrank(text: str) -> object:
            from summarize import split_sentences

            document = [s.text for s in split_sentences(text)]
            return LexRank([document], stopwords=STOPWORDS["en"]).get_summary(document, summary_size=sentences)

        return run_lexrank
    if system == "sumy":
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.text_rank import TextRankSummarizer

        summarizer = TextRankSummarizer()

        def run_sumy(text: str) -> object:
            return summarizer(PlaintextParser.from_string(text, Tokenizer("english")).document, sentences)

        return run_sumy
    raise ValueError(f"unknown system {system!r}")


def _child(system: str, document: Path) -> None:
    """Run in a fresh process: time one summary of ``document`` and report peak memory."""
    text = document.read_text(encoding="utf-8")
    summarise = _summarizer(system, SUMMARY_SENTENCES)
    # Imports and one-off loading (NLTK, the Punkt parameters) happen on a first,
    # untimed call; the timed call is the one every later document would cost.
    summarise("A first sentence to load everything. A second one. And a third.")
    started = time.perf_counter()
    summarise(text)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def _available(system: str) -> bool:
    try:
        _summarizer(system, 3)("One sentence here. Another sentence there. A third one too.")
    except Exception:
        return False
    return True


def _articles_child(system: str, dataset: Path, rounds: int) -> None:
    """Run in a fresh process: the best of ``rounds`` passes over the articles, in ms per article."""
    articles = _articles(dataset)
    summarise = _summarizer(system, 3)
    for text in articles[:20]:
        summarise(text)
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in articles:
            summarise(text)
        runs.append((time.perf_counter() - started) / len(articles) * 1000)
    print(json.dumps({"ms": min(runs)}))


def _per_article(systems: list[str], dataset: Path, rounds: int) -> dict[str, float]:
    """Each system in a fresh process of its own, so none pays for another's imports."""
    timings: dict[str, float] = {}
    for system in systems:
        result = subprocess.run(
            [sys.executable, __file__, "--articles-child", system, str(dataset), str(rounds)],
            capture_output=True,
            text=True,
            check=True,
        )
        timings[system] = float(json.loads(result.stdout)["ms"])
    return timings


def _import_time(runs_wanted: int) -> float:
    runs = []
    for _ in range(runs_wanted):
        result = subprocess.run(
            [sys.executable, "-c", _IMPORT_TIMER],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(float(result.stdout))
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, nargs="?", help="JSON Lines file with a 'text' field")
    parser.add_argument("--sizes", default="500,2000,10000,100000", help="long-document sizes in sentences")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the articles (the best is kept)")
    parser.add_argument("--peers", action="store_true", help="also time the peer libraries that are installed")
    parser.add_argument("--peer-max-size", type=int, default=2000, help="largest document given to the peers")
    parser.add_argument("--import-runs", type=int, default=5, help="fresh processes timing the import (default 5)")
    parser.add_argument("--child", nargs=2, metavar=("SYSTEM", "DOCUMENT"), help=argparse.SUPPRESS)
    parser.add_argument("--articles-child", nargs=3, metavar=("SYSTEM", "DATASET", "ROUNDS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return 0
    if args.articles_child:
        _articles_child(args.articles_child[0], Path(args.articles_child[1]), int(args.articles_child[2]))
        return 0
    if args.dataset is None:
        parser.error("the dataset path is required")

    articles = _articles(args.dataset)
    peers = [peer for peer in PEERS if args.peers and _available(peer)]
    skipped = [peer for peer in PEERS if args.peers and peer not in peers]
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; dataset: {args.dataset.name}")
    if skipped:
        print(f"peers not installed or unable to run here: {', '.join(skipped)} (pip install {' '.join(skipped)})")
    print(f"import summarize: {_import_time(args.import_runs):.3f} s (median of {args.import_runs} fresh processes)")

    timings = _per_article(["summarize", "split", *peers], args.dataset, args.rounds)
    print(f"\nnews articles ({len(articles)}, best of {args.rounds} passes), ms per article:")
    for system, ms in timings.items():
        label = "summarize (sentence splitting only)" if system == "split" else system
        print(f"  {label:<36} {ms:8.3f}")

    print(f"\nlong documents ({SUMMARY_SENTENCES}-sentence summary, fresh process each):")
    print(f"  {'sentences':>9}  {'system':<10} {'seconds':>9} {'peak MB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(value) for value in args.sizes.split(",")):
            document = Path(folder) / f"long-{size}.txt"
            document.write_text(_long_document(articles, size), encoding="utf-8")
            for system in ["summarize", *(peer for peer in peers if size <= args.peer_max_size)]:
                result = subprocess.run(
                    [sys.executable, __file__, "--child", system, str(document)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if result.returncode != 0:
                    print(f"  {size:>9,}  {system:<10} failed: {result.stderr.strip().splitlines()[-1:]}")
                    continue
                figures = json.loads(result.stdout)
                print(f"  {size:>9,}  {system:<10} {figures['seconds']:9.3f} {figures['peak_mb']:9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
