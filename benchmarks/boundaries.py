"""Sentence boundaries: cases right per language, and speed against NLTK's Punkt.

Usage::

    python benchmarks/boundaries.py                      # the cases of tests/boundaries
    python benchmarks/boundaries.py --cases DIR          # another folder of cases, same format
    python benchmarks/boundaries.py --texts ../shared/data/cnndm_dev.jsonl   # speed on English news too

For each language, a case is right when ``split_sentences`` gives exactly the
expected sentences (the format is described in ``tests/boundaries/README.md``). The
same texts are split by NLTK's ``PunktSentenceTokenizer`` with the same shipped
parameters (the baseline the rule layer is built on; Chinese and Japanese, which
Punkt cannot split, are scored for summarize only), and both are timed, in turn: best of
``--repeat`` runs over all the texts of the language, in microseconds per text and
characters per second. ``--texts`` adds the speed on the ``text`` field of a JSON
Lines file (English), where most of the time goes in real use.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from summarize import split_sentences
from summarize.languages import UNSPACED
from summarize.punkt import punkt

CASES = Path(__file__).resolve().parent.parent / "tests" / "boundaries"


def read_cases(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The (text, expected sentences) cases of one file."""
    cases: list[tuple[str, tuple[str, ...]]] = []
    text: str | None = None
    expected: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# "):
            continue
        if not line.strip():
            if text is not None:
                cases.append((text, tuple(expected)))
            text, expected = None, []
        elif line.startswith("> "):
            expected.append(line[2:].replace("\\n", "\n"))
        else:
            text = line.replace("\\n", "\n")
    return cases


def best_times(functions: list[Callable[[str], object]], texts: list[str], repeat: int) -> list[float]:
    """The best time, in seconds, of each function splitting all the texts, over ``repeat``
    runs taken in turn (so that a change in the machine's load hits them alike)."""
    best = [float("inf")] * len(functions)
    for _ in range(repeat):
        for index, function in enumerate(functions):
            started = time.perf_counter()
            for text in texts:
                function(text)
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def splitters(language: str) -> tuple[Callable[[str], list[str]], Callable[[str], list[str]] | None]:
    """summarize's splitter and NLTK's Punkt with the same parameters (None for Chinese and Japanese)."""

    def ours(text: str) -> list[str]:
        return [sentence.text for sentence in split_sentences(text, language=language)]

    if language in UNSPACED:
        return ours, None
    nltk = punkt(language).nltk

    def theirs(text: str) -> list[str]:
        return [text[start:end] for start, end in nltk.span_tokenize(text)]

    return ours, theirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of <language>.txt case files")
    parser.add_argument("--texts", type=Path, help="JSON Lines file with a 'text' field, for English speed")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (the best is kept)")
    parser.add_argument("--show", action="store_true", help="print the cases summarize gets wrong")
    args = parser.parse_args(argv)

    print("| language | cases | summarize right | NLTK Punkt right | summarize µs/text | Punkt µs/text |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = {"cases": 0, "ours": 0, "other cases": 0, "other ours": 0}
    for path in sorted(args.cases.glob("*.txt")):
        language = path.stem
        cases = read_cases(path)
        ours, theirs = splitters(language)
        right = sum(ours(text) == list(expected) for text, expected in cases)
        if args.show:
            for text, expected in cases:
                if ours(text) != list(expected):
                    print(f"  {language}: {text!r}\n    got      {ours(text)}\n    expected {list(expected)}")
        texts = [text for text, _ in cases]
        times = best_times([ours] if theirs is None else [ours, theirs], texts, args.repeat)
        our_time = times[0] / len(texts) * 1e6
        if theirs is not None:
            their_right = f"{sum(theirs(text) == list(expected) for text, expected in cases) / len(cases):.0%}"
            their_time = f"{times[1] / len(texts) * 1e6:.0f}"
        else:
            their_right = their_time = "n/a"
        print(
            f"| {language} | {len(cases)} | {right / len(cases):.0%} ({right}) | {their_right} "
            f"| {our_time:.0f} | {their_time} |"
        )
        totals["cases"] += len(cases)
        totals["ours"] += right
        if language != "english":
            totals["other cases"] += len(cases)
            totals["other ours"] += right
    if totals["other cases"]:
        print(f"\nOther languages than English: {totals['other ours'] / totals['other cases']:.1%} right")
    if totals["cases"]:
        print(f"All languages: {totals['ours'] / totals['cases']:.1%} right ({totals['ours']}/{totals['cases']})")

    if args.texts:
        with args.texts.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for line in lines if line.strip()]
        ours, theirs = splitters("english")
        assert theirs is not None
        characters = sum(map(len, texts))
        our_seconds, their_seconds = best_times([ours, theirs], texts, args.repeat)
        print(f"\nEnglish speed on {len(texts)} texts of {args.texts.name} ({characters:,} characters):")
        for name, seconds in (("summarize split_sentences", our_seconds), ("NLTK Punkt", their_seconds)):
            print(f"  {name}: {seconds:.3f} s, {characters / seconds / 1e6:.2f} M characters/s")
        print(f"  summarize / NLTK time: {our_seconds / their_seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
