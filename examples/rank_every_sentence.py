"""Score and rank every sentence of the seed article, fragments included.

Run from anywhere:  python examples/rank_every_sentence.py [FILE]
"""

import sys
from pathlib import Path

import summarize

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0059b237ed54ef96.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    text = path.read_text(encoding="utf-8")
    print(f"{'index':>5} {'rank':>4} {'score':>7}  {'offsets':>11}  sentence")
    for sentence in summarize.rank_sentences(text):
        kind = " (fragment)" if sentence.fragment else ""
        preview = " ".join(sentence.text.split())[:70]
        offsets = f"{sentence.start}-{sentence.end}"
        print(f"{sentence.index:>5} {sentence.rank:>4} {sentence.score:>7.4f}  {offsets:>11}  {preview}{kind}")


if __name__ == "__main__":
    main()
