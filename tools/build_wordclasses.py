"""Build the word-class lexicons shipped in ``summarize/data/wordclasses/`` from Universal Dependencies treebanks.

Usage (as the shipped files were built, from the treebanks' commits listed in
``summarize/data/README.md``)::

    # each treebank's .conllu files in a folder of its own, every path's slashes
    # made underscores (not-to-release/sources/x.conllu -> not-to-release_sources_x.conllu):
    for name in English-EWT German-GSD French-GSD Spanish-GSD Portuguese-Bosque Italian-PUD \
                Dutch-Alpino Swedish-Talbanken Danish-DDT Norwegian-Bokmaal Finnish-TDT Romanian-RRT Russian-GSD; do
        git clone --depth 1 https://github.com/UniversalDependencies/UD_$name /tmp/clone/UD_$name
        mkdir -p /tmp/ud/UD_$name
        (cd /tmp/clone/UD_$name && git ls-files '*.conllu' | while read f; do
            cp "$f" "/tmp/ud/UD_$name/$(echo "$f" | tr / _)"; done)
    done
    PYTHONPATH=. python tools/build_wordclasses.py english=/tmp/ud/UD_English-EWT german=/tmp/ud/UD_German-GSD \
        french=/tmp/ud/UD_French-GSD spanish=/tmp/ud/UD_Spanish-GSD portuguese=/tmp/ud/UD_Portuguese-Bosque \
        italian=/tmp/ud/UD_Italian-PUD dutch=/tmp/ud/UD_Dutch-Alpino swedish=/tmp/ud/UD_Swedish-Talbanken \
        danish=/tmp/ud/UD_Danish-DDT norwegian=/tmp/ud/UD_Norwegian-Bokmaal finnish=/tmp/ud/UD_Finnish-TDT \
        romanian=/tmp/ud/UD_Romanian-RRT russian=/tmp/ud/UD_Russian-GSD

The shipped files were built from the dev and test files of each treebank (the
mirror used lacked the larger train files), and for English EWT and Portuguese
Bosque from their ``not-to-release`` document files, which hold the whole treebank:
a clone with the train files gives larger lexicons than those shipped.

Keyword extraction keeps the nouns and adjectives of a text (TextRank, Mihalcea and
Tarau 2004). A word's class is read from a lexicon: the class a word form has most
often in a treebank (its UPOS, lower-cased form), folded into four classes:

- ``N``: nouns and proper nouns (NOUN, PROPN, and X, SYM: foreign words and symbols
  in technical text are mostly names);
- ``A``: adjectives (ADJ, and any word whose dependency relation is ``amod``, such as
  the participle in "distributed systems", and ordinal NUMs such as "first" are not);
- ``P``: participles (VERB with ``VerbForm=Part``), which may modify a noun
  ("distributed systems");
- ``G``: gerunds (VERB with ``VerbForm=Ger``), which may modify a noun ("branching
  time") and, in English, end a noun phrase ("model checking");
- ``V``: other verbs, and auxiliaries;
- ``O``: every other class (adverbs, adpositions, determiners, pronouns,
  conjunctions, numerals, particles, interjections, punctuation).

A word the lexicon lacks is guessed from its last letters: for each ending of 2 to 4
letters, the class most words with that ending have among the treebank's rarer words
(those seen at most twice, which stand for the unknown words of new texts), kept when
at least :data:`MIN_ENDING` such words have it and :data:`MIN_SHARE` of them agree.
Without such an ending, a word is a noun. The lexicon lists only the words whose class
differs from that guess, which keeps the files small: rows ``word<TAB>class`` and
``-ending<TAB>class`` (no word starts with a hyphen).

The same treebank gives the frequency list (``summarize/data/frequencies``): how often
each word seen at least twice occurs, which tells keyword extraction how rare a word is
in the language in general.

No text of a treebank is written: only word forms with a class letter or a count, which is why
the treebanks are not part of the repository. Their licences are in each file's header
and in ``summarize/data/README.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "summarize" / "data"

#: UPOS -> class letter.
CLASSES = {
    "NOUN": "N",
    "PROPN": "N",
    "X": "N",
    "SYM": "N",
    "ADJ": "A",
    "VERB": "V",
    "AUX": "V",
}
#: Endings of these lengths guess the class of words the lexicon lacks.
ENDINGS = (4, 3, 2)
MIN_ENDING = 10
MIN_SHARE = 0.6
# A word as summarize.terms.tokens finds it: letters and digits, hyphens inside.
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
#: Words seen fewer times are left out of the frequency list (they count as unseen).
MIN_COUNT = 2
#: Words seen at most this often stand for unknown words when endings are learnt.
RARE = 2


def word_class(upos: str, deprel: str, features: str) -> str:
    """The class letter of a token."""
    if deprel.split(":")[0] == "amod" and upos in {"VERB", "ADJ"}:
        return "A"
    if upos == "VERB" and "VerbForm=Ger" in features:
        return "G"
    if upos == "VERB" and "VerbForm=Part" in features:
        return "P"
    return CLASSES.get(upos, "O")


def read(folder: Path) -> Counter[tuple[str, str]]:
    """How often each (lower-cased word form, class) occurs in a treebank's .conllu files.

    A treebank that ships its documents in ``not-to-release`` (English EWT, Portuguese Bosque)
    is read from those alone: its split files hold the same sentences again.
    """
    files = sorted(folder.glob("*.conllu"))
    sources = [path for path in files if path.name.startswith("not-to-release")]
    counts: Counter[tuple[str, str]] = Counter()
    for path in sources or files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not fields[0].isdigit():  # multi-word tokens (1-2) and empty nodes (1.1)
                continue
            form = unicodedata.normalize("NFC", fields[1].lower())
            if not _WORD.fullmatch(form):  # punctuation, or a word of several tokens
                continue
            counts[form, word_class(fields[3], fields[7], fields[5])] += 1
    return counts


def build(counts: Counter[tuple[str, str]]) -> tuple[dict[str, str], dict[str, str]]:
    """The lexicon (only words whose class the endings do not guess) and the endings."""
    by_word: dict[str, Counter[str]] = defaultdict(Counter)
    for (form, letter), count in counts.items():
        by_word[form][letter] += count
    best = {form: classes.most_common(1)[0][0] for form, classes in sorted(by_word.items())}
    by_ending: dict[str, Counter[str]] = defaultdict(Counter)
    for form, classes in by_word.items():
        if sum(classes.values()) <= RARE and form.isalpha():
            for length in ENDINGS:
                if len(form) > length + 1:
                    by_ending[form[-length:]][best[form]] += 1
    endings: dict[str, str] = {}
    for ending, classes in sorted(by_ending.items()):
        letter, count = classes.most_common(1)[0]
        if count >= MIN_ENDING and count >= MIN_SHARE * sum(classes.values()) and letter != "N":
            endings[ending] = letter
    lexicon = {form: letter for form, letter in best.items() if letter != guess(form, endings)}
    return lexicon, endings


def frequency_rows(counts: Counter[tuple[str, str]]) -> list[str]:
    """Rows ``word<TAB>count`` of the words seen :data:`MIN_COUNT` times or more, and ``_total<TAB>words``.

    Words are counted with any class; only words (tokens with a letter) are counted
    and listed, so that the total is the number of words. ``_total`` cannot be a word:
    words have no underscore.
    """
    by_word: Counter[str] = Counter()
    for (form, _), count in counts.items():
        if any(character.isalpha() for character in form):
            by_word[form] += count
    rows = [f"_total\t{sum(by_word.values())}"]
    rows += [f"{form}\t{count}" for form, count in sorted(by_word.items()) if count >= MIN_COUNT]
    return rows


def guess(form: str, endings: dict[str, str]) -> str:
    """The class of a word the lexicon lacks: its longest known ending's, or noun (as in summarize.keyphrases)."""
    for length in ENDINGS:
        if len(form) > length + 1 and form[-length:] in endings:
            return endings[form[-length:]]
    return "N"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("treebanks", nargs="+", help="language=folder of a treebank's .conllu files")
    parser.add_argument("--output", type=Path, default=DATA, help="the data folder (default summarize/data)")
    args = parser.parse_args(argv)
    (args.output / "wordclasses").mkdir(parents=True, exist_ok=True)
    (args.output / "frequencies").mkdir(parents=True, exist_ok=True)
    for pair in args.treebanks:
        language, _, folder = pair.partition("=")
        path = Path(folder)
        counts = read(path)
        lexicon, endings = build(counts)
        header = [
            f"# Word classes of {language}: N noun, A adjective, V verb, O other; -ending rows guess unknown words.",
            f"# Derived by tools/build_wordclasses.py from the Universal Dependencies treebank {path.name}",
            f"# ({sum(counts.values())} tokens), CC BY-SA 4.0; see summarize/data/README.md. Do not edit by hand.",
        ]
        rows = [f"-{ending}\t{letter}" for ending, letter in endings.items()]
        rows += [f"{form}\t{letter}" for form, letter in lexicon.items()]
        (args.output / "wordclasses" / f"{language}.tsv").write_text("\n".join(header + rows) + "\n", encoding="utf-8")
        frequencies = frequency_rows(counts)
        header = [
            f"# How often each word of {language} (seen {MIN_COUNT} times or more) occurs in the treebank {path.name},",
            "# and _total, its number of words; CC BY-SA 4.0, see summarize/data/README.md. Do not edit by hand.",
        ]
        (args.output / "frequencies" / f"{language}.tsv").write_text(
            "\n".join(header + frequencies) + "\n", encoding="utf-8"
        )
        print(
            f"{language}: {len(lexicon)} words, {len(endings)} endings, {sum(counts.values())} tokens", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
