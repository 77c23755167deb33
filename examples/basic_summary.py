"""Summarise the seed article in three sentences.

Run from anywhere:  python examples/basic_summary.py [FILE]
"""

import sys
from pathlib import Path

import summarize

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0059b237ed54ef96.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    text = path.read_text(encoding="utf-8")
    summary = summarize.summarize(text, sentences=3)
    for sentence in summary:
        print(f"[{sentence.index}] (rank {sentence.rank}, score {sentence.score:.4f}) {sentence.text}")


if __name__ == "__main__":
    main()
