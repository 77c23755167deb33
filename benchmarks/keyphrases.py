"""Keyphrase quality (P/R/F1 at 5, 10 and 15) and speed, of summarize and of the peers installed.

Usage::

    PYTHONPATH=. python benchmarks/keyphrases.py DEV/inspec_dev.jsonl --half odd
    PYTHONPATH=. python benchmarks/keyphrases.py DEV/inspec_dev.jsonl DEV/semeval2010_dev.jsonl --half even --peers

Each line of a file is a JSON object with the document's ``text`` and its gold
``keyphrases`` (a list of str). ``--half odd`` scores the odd-numbered lines only
(the 1st, 3rd, ...: where choices are made), ``--half even`` the others (held out).

Scoring, as in the keyphrase literature (Hulth 2003; Kim et al. 2010): each phrase,
predicted or gold, is lower-cased, split into word tokens (``\\w+``) and every token
Porter-stemmed (NLTK's ``PorterStemmer``); a predicted phrase matches when its stemmed
form is exactly one of the gold phrases'. Every gold phrase counts, also those that do
not occur in the text, so recall cannot reach 100. At k, the top k predictions
(duplicates after stemming counted once) give P = matches / predictions, R = matches
/ gold phrases and F1 their harmonic mean, per document, averaged over documents and
times 100.

Peers, each when importable: YAKE (``yake``, n=3, its defaults otherwise), pke's
TextRank, SingleRank and PositionRank (``pke``, with the spaCy model it finds), and
pytextrank (``pytextrank`` with spaCy's ``en_core_web_sm``). Speed: the mean
milliseconds per document of each system's call (the texts read and everything loaded
before, by a first call); ``--words N`` cuts each text after N words first, for the
speed at a given length.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from nltk.stem.porter import PorterStemmer

KS = (5, 10, 15)
_WORD = re.compile(r"\w+")
_STEMMER = PorterStemmer()


def normalised(phrase: str) -> str:
    """A phrase as it is compared: lower case, word tokens, each Porter-stemmed, joined by spaces."""
    return " ".join(_STEMMER.stem(word) for word in _WORD.findall(phrase.lower()))


def scores(predicted: Sequence[str], gold: Sequence[str]) -> dict[int, tuple[float, float, float]]:
    """P, R and F1 (fractions) at each k of :data:`KS`, for one document."""
    wanted = {normalised(phrase) for phrase in gold} - {""}
    unique: list[str] = []
    for phrase in map(normalised, predicted):
        if phrase and phrase not in unique:
            unique.append(phrase)
    found: dict[int, tuple[float, float, float]] = {}
    for k in KS:
        top = unique[:k]
        matches = len(set(top) & wanted)
        precision = matches / len(top) if top else 0.0
        recall = matches / len(wanted) if wanted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if matches else 0.0
        found[k] = (precision, recall, f1)
    return found


def documents(path: Path, half: str | None) -> list[dict[str, object]]:
    """The records of a JSONL file, of one half if asked (lines counted from 1)."""
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    if half is None:
        return records
    return [record for number, record in enumerate(records, 1) if (number % 2 == 1) == (half == "odd")]


def truncated(text: str, words: int) -> str:
    """The text up to the end of its ``words``-th whitespace-separated word, layout kept."""
    matches = list(re.finditer(r"\S+", text))
    return text if len(matches) <= words else text[: matches[words - 1].end()]


def summarize_system() -> Callable[[str], list[str]]:
    import summarize

    def extract(text: str) -> list[str]:
        return [keyword.text for keyword in summarize.keywords(text, top=max(KS))]

    return extract


def yake_system() -> Callable[[str], list[str]]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=max(KS))

    def extract(text: str) -> list[str]:
        return [phrase for phrase, _ in extractor.extract_keywords(text)]

    return extract


def pke_system(model: str) -> Callable[[str], list[str]]:
    import pke

    def extract(text: str) -> list[str]:
        extractor = getattr(pke.unsupervised, model)()
        extractor.load_document(input=text, language="en")
        extractor.candidate_selection()
        extractor.candidate_weighting()
        return [phrase for phrase, _ in extractor.get_n_best(n=max(KS))]

    return extract


def pytextrank_system() -> Callable[[str], list[str]]:
    import pytextrank  # noqa: F401  (registers the spaCy component)
    import spacy

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("textrank")

    def extract(text: str) -> list[str]:
        return [phrase.text for phrase in nlp(text)._.phrases[: max(KS)]]

    return extract


def systems(peers: bool) -> dict[str, Callable[[], Callable[[str], list[str]]]]:
    """The systems to score: summarize, and with ``peers`` each peer whose import works."""
    found: dict[str, Callable[[], Callable[[str], list[str]]]] = {"summarize": summarize_system}
    if not peers:
        return found
    candidates: dict[str, Callable[[], Callable[[str], list[str]]]] = {
        "yake": yake_system,
        "pke TextRank": lambda: pke_system("TextRank"),
        "pke SingleRank": lambda: pke_system("SingleRank"),
        "pke PositionRank": lambda: pke_system("PositionRank"),
        "pytextrank": pytextrank_system,
    }
    for name, make in candidates.items():
        try:
            make()("A short test text about keyphrase extraction.")
        except Exception as error:  # a peer that is not installed, or lacks its model
            print(f"skipped {name}: {type(error).__name__}: {error}")
            continue
        found[name] = make
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="JSONL files with text and keyphrases")
    parser.add_argument("--half", choices=("odd", "even"), help="only the odd- or even-numbered lines")
    parser.add_argument("--peers", action="store_true", help="also score the peers that are installed")
    parser.add_argument("--words", type=int, help="cut each text after this many words (for speed at a given length)")
    args = parser.parse_args(argv)
    header = "| file | half | docs | system | " + " | ".join(f"P/R/F1@{k}" for k in KS) + " | ms/doc |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for path in args.paths:
        records = documents(path, args.half)
        if args.words:
            for record in records:
                record["text"] = truncated(str(record["text"]), args.words)
        for name, make in systems(args.peers).items():
            extract = make()
            extract(str(records[0]["text"]))  # load everything first
            totals = {k: [0.0, 0.0, 0.0] for k in KS}
            seconds = 0.0
            for record in records:
                start = time.perf_counter()
                predicted = extract(str(record["text"]))
                seconds += time.perf_counter() - start
                for k, values in scores(predicted, list(record["keyphrases"])).items():  # type: ignore[call-overload]
                    for i, value in enumerate(values):
                        totals[k][i] += value
            cells = " | ".join("/".join(f"{100 * v / len(records):.2f}" for v in totals[k]) for k in KS)
            print(
                f"| {path.name} | {args.half or 'all'} | {len(records)} | {name} | {cells} | "
                f"{1000 * seconds / len(records):.2f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
