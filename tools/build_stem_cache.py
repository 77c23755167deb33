"""Build the stem cache shipped in ``summarize/data/stems/``.

Usage (as the shipped cache was built)::

    python tools/build_stem_cache.py ../shared/data/bbc_dev.jsonl

NLTK's Snowball stemmer takes about 30 microseconds a word, which is most of the
cost of a fresh process's first long document. The cache lists, for every
alphabetic word form seen at least twice in the given JSON Lines files (``text``
field), the stem NLTK's English Snowball stemmer gives it; the analyzer starts from
it instead of an empty cache. Only word forms and stems are written, never text.
The tests check that every entry still equals what the installed NLTK gives.

The shipped cache comes from the BBC dataset alone, so that the speed benchmark,
which builds its documents from the CNN dataset, is not measured on the words the
cache was made from.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer

from summarize.terms import stop_words

OUTPUT = Path(__file__).resolve().parent.parent / "summarize" / "data" / "stems" / "english.tsv"
MIN_COUNT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="+", type=Path, help="JSON Lines files with a 'text' field")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="output file (default: the package's)")
    args = parser.parse_args(argv)

    counts: Counter[str] = Counter()
    for path in args.datasets:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    counts.update(w for w in re.findall(r"\w+", json.loads(line)["text"].lower()) if w.isalpha())
    ignored = stop_words("english")
    words = sorted(word for word, count in counts.items() if count >= MIN_COUNT and word not in ignored)
    stem = SnowballStemmer("english").stem
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        out.write(
            f"# English Snowball stems (NLTK) of {len(words)} word forms seen at least {MIN_COUNT} times in "
            f"{len(args.datasets)} news datasets; word<TAB>stem. Built by tools/build_stem_cache.py.\n"
        )
        out.writelines(f"{word}\t{stem(word)}\n" for word in words)
    print(f"{len(words)} word forms -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
