"""Sentence splitting: boundaries, offsets, line handling, fragments, no NLTK data."""

import itertools

import nltk.data
import pytest

from summarize import InvalidParameterError, split_sentences
from summarize.punkt import punkt


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Mrs. Jones. They talked.", ["Mr. Smith met Mrs. Jones.", "They talked."]),
        ("Dr. Adams and Gen. Munir arrived. Talks began.", ["Dr. Adams and Gen. Munir arrived.", "Talks began."]),
        ("U.S. officials agreed. The deal was signed.", ["U.S. officials agreed.", "The deal was signed."]),
        ("He flew to the U.S. The trip was long.", ["He flew to the U.S.", "The trip was long."]),
        ("The talks began at 9 a.m. on Monday. They ended.", ["The talks began at 9 a.m. on Monday.", "They ended."]),
        ("J. K. Rowling wrote it. Then she left.", ["J. K. Rowling wrote it.", "Then she left."]),
        ("Profits rose 2.5% to $1.13bn (£600m). Sales fell.", ["Profits rose 2.5% to $1.13bn (£600m).", "Sales fell."]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("She said: “We won.” The crowd cheered.", ["She said: “We won.”", "The crowd cheered."]),
        ("Really?! Yes. Why? Because.", ["Really?!", "Yes.", "Why?", "Because."]),
        ("Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]),
        ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
        ("And then… nothing happened.", ["And then… nothing happened."]),
        ("Inc. and Corp. merged with Co. today. It rose.", ["Inc. and Corp. merged with Co. today.", "It rose."]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_numbered_list_items_are_sentences_with_their_markers() -> None:
    steps = "Steps:\n1. Buy milk.\n2. Go home.\n3. Sleep."
    assert texts(steps) == ["Steps:", "1. Buy milk.", "2. Go home.", "3. Sleep."]


def test_bulleted_lines_start_new_sentences() -> None:
    assert texts("Agreed actions were listed in full\n- a new agency\n- district committees") == [
        "Agreed actions were listed in full",
        "- a new agency",
        "- district committees",
    ]


def test_blank_line_always_ends_a_sentence() -> None:
    assert texts("The first paragraph has no full stop\n\nthe second starts in lower case.") == [
        "The first paragraph has no full stop",
        "the second starts in lower case.",
    ]


def test_hard_wrapped_text_is_rejoined() -> None:
    text = (
        "The committee highlighted the necessity of a unified political\n"
        "voice and a cohesive national narrative to address Mr.\n"
        "Smith's concerns. It was emphasized that political support\n"
        "across party lines was critical.\n"
    )
    assert texts(text) == [
        "The committee highlighted the necessity of a unified political\n"
        "voice and a cohesive national narrative to address Mr.\nSmith's concerns.",
        "It was emphasized that political support\nacross party lines was critical.",
    ]


def test_one_sentence_per_line_stays_split() -> None:
    text = "The cat sat on the mat.\nThe dog ran to the U.S.\nBirds flew over the long fields of corn.\nThe end."
    assert texts(text) == [
        "The cat sat on the mat.",
        "The dog ran to the U.S.",
        "Birds flew over the long fields of corn.",
        "The end.",
    ]


def test_windows_line_endings() -> None:
    assert texts("First line here.\r\nSecond line here.\r\n\r\nThird.") == [
        "First line here.",
        "Second line here.",
        "Third.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t ",
        "One sentence without a stop",
        "  Leading and trailing space.  \n\n  Next paragraph here.  ",
        "Tabs\tand  double  spaces. Are kept.\n\n\n\nEnd.",
        "Same sentence. Same sentence. Same sentence.",
    ],
)
def test_offsets_point_into_the_original_text(text: str) -> None:
    sentences = split_sentences(text)
    assert [sentence.index for sentence in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip()
        assert sentence.text
    starts = [sentence.start for sentence in sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n ") == ()


def test_duplicate_sentences_stay_distinct() -> None:
    first, second = split_sentences("Same words here. Same words here.")
    assert first.text == second.text
    assert (first.index, first.start) != (second.index, second.start)


def test_fragments_are_headings_captions_and_credits(seed_text: str) -> None:
    fragments = [s.text for s in split_sentences(seed_text) if s.fragment]
    assert fragments == [
        "date 2024-11-20 International",
        "Pakistan To Launch Comprehensive Operation Against Militants In Balochistan",
        "Pakistan anti-terror operations",
        "Representational Image Photo: AP",
        "info_icon",
    ]


def test_long_line_without_full_stop_is_not_a_fragment() -> None:
    (sentence,) = split_sentences(
        "the officials agreed that the committees would meet every month to review the progress of the plan"
    )
    assert not sentence.fragment


def test_text_must_be_a_string() -> None:
    with pytest.raises(InvalidParameterError, match=r"The 'text' parameter must be a str\. Got \['a'\] instead"):
        split_sentences(["a"])  # type: ignore[arg-type]


def test_never_loads_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("NLTK data was looked up")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    punkt.cache_clear()
    try:
        assert texts("Dr. Who arrived. He left.") == ["Dr. Who arrived.", "He left."]
    finally:
        punkt.cache_clear()


def test_arabic_question_mark_ends_a_sentence() -> None:
    assert texts("هل ستفتح المدرسة غدا؟ نعم، ستفتح.") == ["هل ستفتح المدرسة غدا؟ نعم، ستفتح."]
    assert [s.text for s in split_sentences("هل ستفتح المدرسة غدا؟ نعم، ستفتح.", language="arabic")] == [
        "هل ستفتح المدرسة غدا؟",
        "نعم، ستفتح.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他来了。她走了！你呢？", ["他来了。", "她走了！", "你呢？"]),
        ("「你好。」他说。", ["「你好。」", "他说。"]),
        ("価格は3.5ドルです｡高い！？本当に。", ["価格は3.5ドルです｡", "高い！？", "本当に。"]),
        ("没有句号的标题\n\n正文在这里。", ["没有句号的标题", "正文在这里。"]),
        ("  前有空格。  后有空格。  ", ["前有空格。", "后有空格。"]),
    ],
)
def test_chinese_and_japanese_sentences_end_at_full_width_marks(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text, language="chinese")
    assert [s.text for s in sentences] == expected
    assert all(s.text == text[s.start : s.end] for s in sentences)


def test_auto_detects_the_language_of_the_text() -> None:
    german = "Die Stadt baut ca. 5 neue Schulen. Das kostet viel Geld. Die Bürger sind froh."
    assert next(s.text for s in split_sentences(german, language="auto")) == "Die Stadt baut ca. 5 neue Schulen."
    assert texts(german)[0] == "Die Stadt baut ca."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Rule 3: a spaced ellipsis is an omission; in ". . . ." the last full stop ends.
        ("He paused . . . Then he spoke.", ["He paused . . . Then he spoke."]),
        ("He paused . . . . Then he spoke.", ["He paused . . . .", "Then he spoke."]),
        # Rule 5: lists written inline and bullets.
        ("Steps: 1) read 2) sign 3) send", ["Steps:", "1) read", "2) sign", "3) send"]),
        (
            "Chapter 2. The war began. Chapter 3. Peace came.",
            ["Chapter 2.", "The war began.", "Chapter 3.", "Peace came."],
        ),
        # Rule 6a and 6b: closing marks go back, a lower-case start goes on.
        ("«Where?» she asked. Nobody knew.", ["«Where?» she asked.", "Nobody knew."]),
        ("It costs 5 dollars. that is cheap.", ["It costs 5 dollars. that is cheap."]),
        # Rule 6c: a parenthesis holds its sentences.
        ("The mayor (He was ill. Nobody knew.) resigned.", ["The mayor (He was ill. Nobody knew.) resigned."]),
        ("It ended (as planned.) Then we left.", ["It ended (as planned.)", "Then we left."]),
        # Rule 6d: numbers after abbreviations, letters and number signs.
        ("See fig. 3 and p. 4 of vol. 2 today.", ["See fig. 3 and p. 4 of vol. 2 today."]),
        ("He was born in 1990. 5 people came.", ["He was born in 1990.", "5 people came."]),
        # Rule 6e: no sentence of punctuation alone or of a list marker alone.
        ("Really?! ? Yes.", ["Really?! ?", "Yes."]),
        ("Items:\n1.\nBread.", ["Items:", "1.\nBread."]),
        ("***\n\nThe end.", ["The end."]),
    ],
)
def test_rules(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_japanese_line_breaks_inside_a_paragraph_are_soft() -> None:
    text = "私は昨日、学校に\n行きました。\n・一つ目\n・二つ目"
    assert [s.text for s in split_sentences(text, language="japanese")] == [
        "私は昨日、学校に\n行きました。",
        "・一つ目\n・二つ目",
    ]


# Long runs of one shape, where a rule with nested repetition or a rescan would
# take time that grows faster than the text: each must still split, offsets exact.
SHAPES = ["J. R. R. ", "A. ", ". ", ".", "(", ")", "1) a ", "(a. B.) ", '"Hi?" ', "• ", ": ", "… ", "「", "etc. "]


@pytest.mark.parametrize("shape", SHAPES)
def test_long_runs_of_one_shape_split(shape: str) -> None:
    text = shape * (6_000 // len(shape))
    for language in ("english", "german", "japanese"):
        for sentence in split_sentences(text, language=language):
            assert sentence.text == text[sentence.start : sentence.end]


def test_a_line_that_ends_with_a_full_stop_ends_its_sentence_before_a_lower_case_line() -> None:
    # Text written one sentence per line, lower-cased (as some corpora are): each line is a sentence.
    text = (
        "metabolomics measures the metabolic response of living systems to stimuli.\n"
        "it encompasses the measurement of metabolites in a biological system.\n"
        "targeted studies analyse a predefined list of metabolites."
    )
    assert [s.text for s in split_sentences(text)] == text.split("\n")


@pytest.mark.parametrize(
    ("text", "language"),
    [("Go. " * 60, "english"), ("Go\n" * 60, "english"), ("他来了。" * 60, "chinese"), ("Go. Go.\n" * 30, "english")],
)
def test_too_many_sentences_is_one_error(monkeypatch: pytest.MonkeyPatch, text: str, language: str) -> None:
    import summarize.sentences
    from summarize import TextTooLongError, TooManySentencesError

    monkeypatch.setattr(summarize.sentences, "MAX_SENTENCES", 50)
    assert len(split_sentences(text[: len(text) * 5 // 6], language=language)) == 50
    with pytest.raises(TooManySentencesError, match=r"^The text has more than 50 sentences") as caught:
        split_sentences(text, language=language)
    assert isinstance(caught.value, TextTooLongError)
    assert caught.value.length == len(text)


def test_splitting_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.punkt
    import summarize.sentences
    from summarize import TooManySentencesError

    monkeypatch.setattr(summarize.sentences, "MAX_SENTENCES", 50)
    decided = 0
    decide = summarize.punkt.Punkt._decide

    def counting(self: summarize.punkt.Punkt, *args: object) -> int:
        nonlocal decided
        decided += 1
        return decide(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(summarize.punkt.Punkt, "_decide", counting)
    with pytest.raises(TooManySentencesError):
        split_sentences("Go. " * 100_000)
    assert decided < 100  # not the 100,000 full stops of the text
