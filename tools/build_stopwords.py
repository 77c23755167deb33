"""Build the stop word lists shipped in ``summarize/data/stopwords/`` for languages other than English.

Usage (as the shipped lists were built)::

    python -m pip install "stop-words==2025.11.4"
    python tools/build_stopwords.py

The lists come from the ``stop-words`` package on PyPI (python-stop-words, by
Alireza Savand and contributors, BSD-3-Clause licence, whose text is written next
to the lists as ``LICENSE.stop-words.txt``). It was chosen over ``stopwordsiso``
because its lists hold function words, while stopwords-iso's merge many sources and
list words that name things (Russian война "war" and город "city", Norwegian arbeid
"work", Italian città, Portuguese conselho): words that keyword extraction must be
able to return. Each entry is normalised to what the analyzer compares: Unicode
NFC, lower case, split into word tokens (``\\w+``), so that "d'" gives "d" and
"dintr-o" gives "dintr" and "o". A few entries that are words naming things are
left out (:data:`EXCLUDED`), so that keywords can still find them.

English keeps its own hand-written list (``english.txt``), which this script
never touches: English summaries must not change.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "summarize" / "data" / "stopwords"
SOURCE = "stop-words"
#: The version of it that the shipped lists were built from.
SOURCE_VERSION = "2025.11.4"

#: Language name in summarize -> language name in the stop-words package.
LANGUAGES = {
    "arabic": "arabic",
    "chinese": "chinese",
    "danish": "danish",
    "dutch": "dutch",
    "finnish": "finnish",
    "french": "french",
    "german": "german",
    "hungarian": "hungarian",
    "italian": "italian",
    "japanese": "japanese",
    "norwegian": "norwegian",
    "portuguese": "portuguese",
    "romanian": "romanian",
    "russian": "russian",
    "spanish": "spanish",
    "swedish": "swedish",
}

#: Entries of the source lists that name things (nouns a keyword may be), left out.
EXCLUDED = {
    "arabic": {"زيارة", "قوة", "مليار", "مليون", "برس", "لوكالة", "للامم", "ايار", "مايو"},
    "french": {"état", "force", "nom", "nommé", "nommée", "nommés", "parole", "personne", "personnes", "pièce", "mot"},
    "italian": {"consiglio"},
    "russian": {"жизнь", "люди", "мира", "мор", "имя"},
    "spanish": {"fuerza", "lugar"},
    "swedish": {"beslut", "beslutat", "beslutit"},
}

_WORD = re.compile(r"\w+")
# Languages written without spaces keep each entry whole: it is a run of characters.
_UNSPACED = {"chinese", "japanese"}


def normalised(language: str, entries: list[str]) -> list[str]:
    """The entries as the analyzer sees words: NFC, lower case, word tokens, sorted, unique."""
    words: set[str] = set()
    for entry in entries:
        entry = unicodedata.normalize("NFC", entry.strip().lower())
        if language in _UNSPACED:
            if _WORD.search(entry):
                words.add(entry)
        else:
            words.update(_WORD.findall(entry))
    return sorted(words - EXCLUDED.get(language, set()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="output folder (default: the package's)")
    args = parser.parse_args(argv)
    try:
        from stop_words import get_stop_words
    except ImportError:
        install = f'python -m pip install "{SOURCE}=={SOURCE_VERSION}"'
        print(f"build_stopwords.py: the {SOURCE} package is not installed, nothing written: {install}", file=sys.stderr)
        return 1

    version = metadata.version(SOURCE)
    licence = next(path for path in metadata.files(SOURCE) or () if path.name == "LICENSE" and "licenses" in path.parts)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "LICENSE.stop-words.txt").write_text(
        f"The stop word lists in this folder other than english.txt come from the {SOURCE} package "
        f"{version}\n(python-stop-words), distributed under this licence:\n\n" + licence.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    for language, source_name in LANGUAGES.items():
        words = normalised(language, get_stop_words(source_name))
        excluded = sorted(EXCLUDED.get(language, ()))
        header = [
            f"# {language.capitalize()} stop words: {len(words)} words from the {SOURCE} package {version}",
            "# (python-stop-words, BSD-3-Clause: see LICENSE.stop-words.txt), normalised to NFC, lower case and",
            "# word tokens by tools/build_stopwords.py, which wrote this file: change the script, not the file.",
        ]
        if excluded:
            header.append(f"# Left out as words that name things: {' '.join(excluded)}")
        path = args.output / f"{language}.txt"
        path.write_text("\n".join([*header, *words]) + "\n", encoding="utf-8")
        print(f"{language}: {len(words)} words -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
