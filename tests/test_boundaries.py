"""Sentence boundaries per language, on the cases of ``tests/boundaries/``, and the
invariants of the splitter on any text: exact offsets, no empty sentence, no sentence
made only of punctuation, quotation marks or a list marker."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from summarize import LANGUAGES, split_sentences

CASES_FOLDER = Path(__file__).parent / "boundaries"

#: Languages that must have at least this many cases each.
REQUIRED = (
    "arabic",
    "chinese",
    "danish",
    "dutch",
    "english",
    "french",
    "german",
    "italian",
    "japanese",
    "portuguese",
    "russian",
    "spanish",
)
MIN_CASES = 20
# A list marker alone: "1.", "2.)", "a)", "(iv)", "•", "• 3.".
LIST_MARKER = re.compile(r"[•⁃*-]|(?:[•⁃]\s*)?\(?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,5})(?:\.\)|[.)])")


@dataclass(frozen=True, kw_only=True)
class Case:
    """A text and the sentences it must be split into."""

    language: str
    text: str
    expected: tuple[str, ...]
    line: int


def read_cases(path: Path) -> list[Case]:
    """The cases of one file: a text line, then one ``> sentence`` line per sentence."""
    cases: list[Case] = []
    text: str | None = None
    expected: list[str] = []
    first = 0
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate([*lines, ""], start=1):
        if line.startswith("# "):
            continue
        if not line.strip():
            if text is not None:
                cases.append(Case(language=path.stem, text=text, expected=tuple(expected), line=first))
            text, expected = None, []
        elif line.startswith("> "):
            expected.append(line[2:].replace("\\n", "\n"))
        else:
            assert text is None, f"{path.name}:{number}: a case has one text line"
            text, first = line.replace("\\n", "\n"), number
    return cases


CASES = [case for path in sorted(CASES_FOLDER.glob("*.txt")) for case in read_cases(path)]


def test_every_language_has_enough_cases() -> None:
    counts = {language: sum(case.language == language for case in CASES) for language in REQUIRED}
    assert all(count >= MIN_CASES for count in counts.values()), counts


@pytest.mark.parametrize("case", CASES, ids=[f"{case.language}:{case.line}" for case in CASES])
def test_boundaries(case: Case) -> None:
    sentences = split_sentences(case.text, language=case.language)
    assert tuple(sentence.text for sentence in sentences) == case.expected


def check_invariants(text: str, language: str) -> None:
    sentences = split_sentences(text, language=language)
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        assert any(character.isalnum() for character in sentence.text), sentence.text
        assert not LIST_MARKER.fullmatch(sentence.text), sentence.text
        previous_end = sentence.end


@pytest.mark.parametrize("case", CASES, ids=[f"{case.language}:{case.line}" for case in CASES])
def test_invariants_on_the_cases(case: Case) -> None:
    check_invariants(case.text, case.language)


# Pieces that stress the rules: marks alone, quotation marks and brackets on their
# own, list markers, ellipses of every shape, abbreviations and numbers.
PIECES = [
    ".", "?", "!", "?!", "…", "...", ". . .", ". . . .", "»", "«", "“", "”", "„", "'", '"', "(", ")", "[", "]",
    "「", "」", "《", "》", "。", "！", "？", "．", "1.", "2.)", "a)", "•", "⁃", "-", "No.", "p.", "Dr.", "z. B.",
    "3.5", "3．5", "word", "Word", "said.", "he", "She", "ok?", "yes!", "\n", "\n\n", "؟", "قال", "город.", "他说",
    "1.)", "a.", "b.", "—", "(1)", "»,", "“,", "N°.", "Co.", "etc.", "г.", "т. д.", "kr.", "..", "....", "¿", "、",
]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_invariants_on_random_texts(language: str) -> None:
    generator = random.Random(language)
    for _ in range(200):
        pieces = generator.choices(PIECES, k=generator.randint(1, 25))
        text = "".join(piece + generator.choice(["", " ", " ", "  "]) for piece in pieces)
        check_invariants(text, language)
