"""Build the abbreviation lists shipped in ``summarize/data/abbreviations/``.

Usage (as the shipped lists were built, on Debian 12)::

    apt-get install unicode-cldr-core wbritish wdanish wdutch wfrench witalian wngerman wportuguese wspanish
    python -m pip install "pysbd==0.3.4"
    python tools/build_abbreviations.py

Each language's list is the union of:

- the sentence-break suppressions of Unicode CLDR (``common/segments/<locale>.xml``,
  Debian's ``unicode-cldr-core``; Unicode licence, Unicode-DFS-2016): the
  abbreviations after which ICU does not break a sentence, for German, English,
  Spanish, French, Italian, Portuguese and Russian;
- the abbreviation lists of pySBD 0.3.4 (Nipun Sadvilkar, MIT licence; the
  ``Abbreviation`` class of each ``pysbd.lang`` module), for Arabic, Danish, German,
  English, Spanish, French, Italian, Dutch and Russian;
- the hand-written lists in ``tools/abbreviations/<language>.txt`` (the only source
  for Finnish, Hungarian, Norwegian, Romanian and Swedish), which also hold the
  number collocations (``##number## oktober``: "3. Oktober" is no sentence end).

Entries are normalised as Punkt compares tokens: lower case, without the final full
stop, spaces after inner full stops removed ("z. B." gives ``z.b``); Italian elided
forms are written with both apostrophes (``l'avv`` and ``l’avv``), and as
NLTK's Punkt cuts "l'Avv." (``'avv``); in French and Italian every entry is also
written so (``'art``), for the article elided before it. An entry is left
out when it cannot be one Punkt token (spaces, digits, slashes) or when it is an
ordinary word of the language, which would keep a real sentence end after that
word from being seen: one of the language's stop words (``summarize/data/stopwords``),
or a word that the Debian word list of the language writes in lower case (German
and English: in any case but capitals) (``/usr/share/dict``, used only to filter, nothing of it
is written). Hand-written entries are always kept.

Do not edit the output by hand: change the hand-written lists or this script and
run it again.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "summarize" / "data" / "abbreviations"
HAND = Path(__file__).resolve().parent / "abbreviations"
STOPWORDS = ROOT / "summarize" / "data" / "stopwords"
CLDR = Path("/usr/share/unicode/cldr/common/segments")
PYSBD = "pysbd"

#: summarize's language -> (CLDR locale, pySBD language code, Debian word list, its package).
SOURCES: dict[str, tuple[str | None, str | None, str | None, str | None]] = {
    "arabic": (None, "ar", None, None),
    "danish": (None, "da", "danish", "wdanish"),
    "dutch": (None, "nl", "dutch", "wdutch"),
    "english": ("en", "en", "british-english", "wbritish"),
    "finnish": (None, None, None, None),
    "french": ("fr", "fr", "french", "wfrench"),
    "german": ("de", "de", "ngerman", "wngerman"),
    "hungarian": (None, None, None, None),
    "italian": ("it", "it", "italian", "witalian"),
    "norwegian": (None, None, None, None),
    "portuguese": ("pt", None, "portuguese", "wportuguese"),
    "romanian": (None, None, None, None),
    "russian": ("ru", "ru", None, None),
    "spanish": ("es", "es", "spanish", "wspanish"),
    "swedish": (None, None, None, None),
}

#: Languages that elide an article before a word (l'art., dell'avv.): NLTK's Punkt reads
#: "l'art." as "l" and "'art.", so each entry is also written with an apostrophe before it.
ELIDING = {"french", "italian"}

#: Languages whose word list's capitalised entries are words too: German nouns ("Art"),
#: and English names ("Joe", "Ida"), which pySBD's English list holds.
CAPITALISED_NOUNS = {"english", "german"}

#: Entries that are words though no word list has them in lower case.
EXCLUDED = {"english": {"ok"}}

#: Languages that take only the generated dotted initialisms ("a.d", "ph.d", pieces of
#: at most two letters): English's other abbreviations are hand-written
#: (``data/punkt/abbreviations.txt``); the sources' undotted ones are mostly acronyms
#: written without a full stop ("dc", "pc", "gb"), which would hide the end of a
#: sentence that ends with them, and their pieces ("phil" of "dr.phil") would become
#: words that keywords leave out.
DOTTED_LANGUAGES = {"english"}

#: pySBD languages whose plain list is taken only for its entries with an inner full stop.
DOTTED_ONLY = {"it"}

# One Punkt token: starts with a letter; letters, inner full stops, apostrophes, hyphens.
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_]))*")


def normalised(entry: str) -> str:
    """An entry as Punkt's type: lower case, no final full stop, no space after an inner full stop."""
    entry = re.sub(r"\.\s+", ".", entry.strip().lower())
    return entry.rstrip(".")


def cldr_entries(locale: str, folder: Path) -> list[str]:
    """The sentence-break suppressions of a CLDR locale."""
    tree = ElementTree.parse(folder / f"{locale}.xml")
    return [element.text or "" for element in tree.iter("suppression")]


def pysbd_entries(code: str) -> list[str]:
    """pySBD's abbreviations of a language (plain, prepositive and before-number lists).

    Italian's plain list (2,200 entries) is mostly acronyms written without full stops
    ("bbc", "aids") and English words ("bar", "ball"), which would hide the end of a
    sentence that ends with them: only its entries with an inner full stop are taken.
    """
    from pysbd.languages import Language

    abbreviation = Language.get_language_code(code).Abbreviation
    plain = abbreviation.ABBREVIATIONS
    if code in DOTTED_ONLY:
        plain = [entry for entry in plain if "." in entry.strip(". ")]
    return [*plain, *abbreviation.PREPOSITIVE_ABBREVIATIONS, *abbreviation.NUMBER_ABBREVIATIONS]


def words(path: Path) -> set[str]:
    """The words of a word list or stop word file, lower case (comments skipped)."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("# ")}


def dictionary_words(path: Path, *, nouns: bool) -> set[str]:
    """The ordinary words of a word list, lower case: those it writes in lower case.

    A word list writes abbreviations and names capitalised ("Co", "Nr"), so they are
    not taken for words, except in German, whose nouns are capitalised ("Art" is a
    word), and English, where a capitalised entry names a person ("Joe").
    """
    lines = path.read_text(encoding="utf-8", errors="replace").split()
    if nouns:
        return {line.lower() for line in lines if not line.isupper()}
    return {line for line in lines if line.islower()}


def debian_version(package: str) -> str:
    """The installed version of a Debian package."""
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def build(language: str, *, cldr: Path) -> tuple[list[str], list[str], dict[str, int]]:
    """The list of a language, its header lines, and how many entries each source gave."""
    locale, code, dictionary, package = SOURCES[language]
    hand_path = HAND / f"{language}.txt"
    hand = sorted(words(hand_path)) if hand_path.exists() else []
    generated: dict[str, list[str]] = {}
    if locale:
        generated["CLDR"] = cldr_entries(locale, cldr)
    if code:
        generated["pySBD"] = pysbd_entries(code)
    ordinary = words(STOPWORDS / f"{language}.txt")
    if dictionary:
        ordinary |= dictionary_words(Path("/usr/share/dict") / dictionary, nouns=language in CAPITALISED_NOUNS)
    kept: set[str] = set(hand)
    counts = {"hand-written": len(set(hand))}
    for source, entries in generated.items():
        accepted = set()
        for entry in map(normalised, entries):
            if language in DOTTED_LANGUAGES and ("." not in entry or max(map(len, entry.split("."))) > 2):
                continue
            if _TOKEN.fullmatch(entry) and entry not in ordinary and entry not in EXCLUDED.get(language, ()):
                accepted.add(entry)
                if "'" in entry or "’" in entry:
                    # NLTK's Punkt cuts "l'Ing." into "l" and "'Ing.", but not "l’Ing.".
                    accepted.add(entry.replace("'", "’"))
                    accepted.add(entry.replace("’", "'"))
                    accepted.add(entry[entry.replace("’", "'").index("'") :].replace("’", "'"))
        counts[source] = len(accepted)
        kept |= accepted
    if language in ELIDING:
        kept |= {"'" + entry for entry in kept if entry[:1].isalpha() and "'" not in entry and "’" not in entry}
    header = [
        f"# {language.capitalize()} abbreviations that do not end a sentence, for Punkt: {len(kept)} entries.",
        "# Written by tools/build_abbreviations.py (change the script or tools/abbreviations/, not this file)",
        "# from: " + ", ".join(f"{source} {count}" for source, count in counts.items()) + ".",
    ]
    if package:
        version = debian_version(package)
        header.append(f"# Ordinary words left out with the stop words and Debian's {package} {version}.")
    return sorted(kept), header, counts


def missing_sources(cldr: Path) -> list[str]:
    """The sources that are not installed, each with how to install it (none: all are there)."""
    missing = []
    if not cldr.is_dir():
        missing.append(f"Unicode CLDR's segments folder {cldr} (apt-get install unicode-cldr-core, or give --cldr)")
    if shutil.which("dpkg-query") is None:
        missing.append("dpkg-query, which gives the Debian packages' versions (build on Debian)")
    if importlib.util.find_spec(PYSBD) is None:
        missing.append('pySBD (python -m pip install "pysbd==0.3.4")')
    for _locale, _code, dictionary, package in SOURCES.values():
        if dictionary and not (Path("/usr/share/dict") / dictionary).exists():
            missing.append(f"the word list /usr/share/dict/{dictionary} (apt-get install {package})")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldr", type=Path, default=CLDR, help="CLDR's common/segments folder")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="output folder (default: the package's)")
    args = parser.parse_args(argv)
    missing = missing_sources(args.cldr)
    if missing:
        print("build_abbreviations.py: missing sources, nothing written:", *missing, sep="\n  ", file=sys.stderr)
        return 1
    cldr_version = debian_version("unicode-cldr-core")
    pysbd_version = metadata.version(PYSBD)
    args.output.mkdir(parents=True, exist_ok=True)
    for language in SOURCES:
        entries, header, counts = build(language, cldr=args.cldr)
        header.insert(
            2, f"# Sources: Unicode CLDR {cldr_version} (Unicode-DFS-2016), pySBD {pysbd_version} (MIT), hand-written."
        )
        path = args.output / f"{language}.txt"
        path.write_text("\n".join([*header, *entries]) + "\n", encoding="utf-8")
        print(f"{language}: {len(entries)} entries {counts} -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
