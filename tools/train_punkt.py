"""Train the Punkt sentence-splitting parameters shipped in ``summarize/data/punkt/``.

Usage::

    python tools/train_punkt.py ../shared/data/cnndm_dev.jsonl ../shared/data/bbc_dev.jsonl

Each argument is a JSON Lines file with a ``text`` field per line (the development
datasets described in ``../shared/data/README.md``). NLTK's ``PunktTrainer`` learns,
unsupervised, which tokens ending in a full stop are abbreviations, which word pairs
are collocations across a full stop, which words frequently start sentences, and the
orthographic context (upper/lower case, sentence-initial or not) of every word type.

Only those learnt statistics are written, as plain text, one entry per line. No text
of the articles is written. The hand-written list ``abbreviations.txt`` is kept
separate and merged with the learnt abbreviations when the parameters are loaded.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

OUTPUT = Path(__file__).resolve().parent.parent / "summarize" / "data" / "punkt"


def _texts(paths: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    return texts


def _hand_abbreviations() -> set[str]:
    lines = (OUTPUT / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def _write(path: Path, header: str, rows: list[str]) -> None:
    path.write_text(f"# {header}\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="+", type=Path, help="JSON Lines files with a 'text' field")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="output folder (default: the package's)")
    args = parser.parse_args(argv)

    texts = _texts(args.datasets)
    trainer = PunktTrainer()
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()

    # Keep only learnt abbreviations with an internal full stop ("u.s", "a.m", "e.g"):
    # the undotted ones learnt from 1,600 articles are mostly surnames and words seen
    # before a full stop ("foley", "gel"). Undotted abbreviations come from the
    # hand-written abbreviations.txt instead, and a title is never a sentence starter.
    hand = _hand_abbreviations()
    abbreviations = sorted(a for a in params.abbrev_types if re.fullmatch(r"[a-z](?:\.[a-z])+", a))
    starters = sorted(s for s in params.sent_starters if s not in hand)

    source = f"learnt by tools/train_punkt.py (NLTK PunktTrainer) from {len(texts)} news articles"
    args.output.mkdir(parents=True, exist_ok=True)
    _write(args.output / "abbrev_types.txt", source, abbreviations)
    _write(args.output / "collocations.txt", source, sorted(f"{a} {b}" for a, b in params.collocations))
    _write(args.output / "sent_starters.txt", source, starters)
    _write(
        args.output / "ortho_context.tsv",
        source + "; word<TAB>NLTK orthographic-context bit flags",
        sorted(f"{word}\t{flags}" for word, flags in params.ortho_context.items() if flags),
    )
    print(
        f"{len(abbreviations)} abbreviations, {len(params.collocations)} collocations, "
        f"{len(starters)} sentence starters, {len(params.ortho_context)} word types "
        f"-> {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
