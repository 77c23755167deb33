"""The fast Punkt: NLTK's spans for every language's shipped parameters, and the abbreviation lists."""

import random

import nltk
import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from summarize import InvalidParameterError
from summarize._nltk_punkt import language_vars, parameters
from summarize.punkt import abbreviations, punkt

# Named when the spans differ: a new NLTK may have changed Punkt's rules.
NLTK = f"NLTK {nltk.__version__}"

# Tokens that exercise every rule of Punkt: abbreviations, initials, numbers,
# ellipses, quotation marks and brackets around full stops, collocations,
# frequent sentence starters, question and exclamation marks, lower-case starts.
PUNKT_PIECES = [
    "Mr.",
    "Dr.",
    "U.S.",
    "a.m.",
    "p.m.",
    "Gen.",
    "Inc.",
    "No.",
    "J.",
    "K.",
    "e.g.",
    "etc.",
    "vs.",
    "1979.",
    "3.5",
    "$1.13bn.",
    "1,000.",
    "No. 1.",
    "...",
    "…",
    "said.",
    "said,",
    "said?",
    "said!",
    'said."',
    "said.”",
    "'Mr.",
    "“Mr.",
    "(CNN)The",
    "(Reuters).",
    'Farage?"',
    "Paul.",
    "The",
    "He",
    "It",
    "But",
    "However,",
    "the",
    "and",
    "he",
    "it's",
    "CNN's",
    'President,"',
    '"We',
    "“We",
    "(the",
    "Washington",
    "Monday.",
    "afraid.",
    "Al-Shabaab.",
    "well-known.",
    "U.S.-led",
    "3D.",
    "A.",
    "i.",
    "x",
    "--",
    "?",
    "!",
    ".",
    "\n",
    "\n\n",
    "Sen.",
    "Ltd.",
    "Co.",
    "Jr.",
    "St.",
    "Jan.",
    "Oct.",
    # Tokens ending in one full stop next to each other: runs of initials and numbered lists.
    "J.",
    "R.",
    "2.",
    "10.",
    "3.5.",
    "No.",
    "p.",
    "x.",
    "I.",
    "1.)",
    "(c.)",
]


def test_fast_punkt_gives_nltks_spans() -> None:
    fast = punkt()
    reference = PunktSentenceTokenizer(parameters(fast.nltk))
    generator = random.Random(20241120)
    texts = [
        'He met Mr. Farage?" She said \'Mr. President," then left. J. Paul Getty arrived at 9 a.m. Monday.',
        "The U.S. Secretary spoke. In 1979. Zarif said no. No. 1 won... and then... Nothing. It's over!",
        'Students chanted "We are not afraid. We stand together," after pictures spread. (It ended.) Then.',
    ]
    for _ in range(3000):
        words = generator.choices(PUNKT_PIECES, k=generator.randint(1, 14))
        texts.append("".join(word + generator.choice([" ", " ", "  ", "\n"]) for word in words))
    for text in texts:
        assert fast.span_tokenize(text) == list(reference.span_tokenize(text)), (NLTK, text)


# Pieces for the other languages' Punkt: their abbreviations, dates, and Arabic's
# question mark, mixed with the pieces above.
LANGUAGE_PIECES = {
    "german": ["z.B.", "bzw.", "Dr.", "Nr.", "usw.", "3.", "Oktober", "Jahrhundert", "Mal", "Die", "die", "Stadt."],
    "french": ["M.", "Mme", "av.", "etc.", "p.ex.", "Victor", "La", "la", "ville."],
    "arabic": ["د.", "قال", "المدينة.", "هل؟", "؟", "ستفتح", "غدا.", "أ.د.", "م."],
    "russian": ["ул.", "т.е.", "г.", "Пушкина", "Город", "город.", "А.", "С."],
}


@pytest.mark.parametrize("language", sorted(LANGUAGE_PIECES))
def test_fast_punkt_gives_nltks_spans_in_other_languages(language: str) -> None:
    fast = punkt(language)
    reference = PunktSentenceTokenizer(parameters(fast.nltk), lang_vars=language_vars(fast.nltk))
    generator = random.Random(language)
    pieces = LANGUAGE_PIECES[language] * 3 + PUNKT_PIECES
    for _ in range(1500):
        words = generator.choices(pieces, k=generator.randint(1, 14))
        text = "".join(word + generator.choice([" ", " ", "  ", "\n"]) for word in words)
        assert fast.span_tokenize(text) == list(reference.span_tokenize(text)), (NLTK, text)


def test_abbreviations_are_lower_case_without_the_final_full_stop() -> None:
    assert "dr" in abbreviations("english")
    assert "z.b" in abbreviations("german")
    assert abbreviations("japanese") == frozenset()
    for language in ("german", "french", "italian", "danish", "dutch", "spanish", "russian"):
        entries = abbreviations(language)
        assert entries, language
        assert all(entry == entry.lower() and not entry.endswith(".") and " " not in entry for entry in entries)


def test_abbreviations_name_the_language_parameter() -> None:
    with pytest.raises(InvalidParameterError, match="'language' parameter"):
        abbreviations("klingon")
