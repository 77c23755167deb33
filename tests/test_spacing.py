"""Whitespace in the text a summary shows: line breaks folded, Chinese and Japanese joined without spaces."""

import pytest

import summarize
from summarize.spacing import fold, join_sentences


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("The park\n  opens in May. ", "The park opens in May."),
        ("マニュ\nアル", "マニュアル"),
        ("图书\r\n馆", "图书馆"),
        ("マニュ アル", "マニュ アル"),  # a space within a line is the writer's
        ("東京\nTokyo\n大阪", "東京 Tokyo 大阪"),
        ("한국어\n문장", "한국어 문장"),  # Korean is written with spaces
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_join_sentences() -> None:
    assert join_sentences(["新しい公園が開く。", "雨が\n降る。"]) == "新しい公園が開く。雨が降る。"
    assert join_sentences(["The park opens.", "雨が降る。", "It rains."]) == "The park opens. 雨が降る。 It rains."
    assert join_sentences(["", " ", "Cats purr."]) == "Cats purr."


def test_summary_text_of_japanese_folded_over_lines() -> None:
    text = "新しいマニュ\nアルを読んでください。古い説明書は捨てて\nください。"
    summary = summarize.summarize(text, language="japanese", sentences=2)
    assert summary.text == "新しいマニュアルを読んでください。古い説明書は捨ててください。"
    assert str(summary) == summary.text
