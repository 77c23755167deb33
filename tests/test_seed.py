"""Regression on the seed article: the summary a user sees first."""

import summarize
from summarize import split_sentences


def test_seed_splits_into_19_sentences_with_5_fragments(seed_text: str) -> None:
    sentences = split_sentences(seed_text)
    assert len(sentences) == 19
    assert [s.index for s in sentences if s.fragment] == [0, 1, 3, 4, 5]


def test_seed_summary(seed_text: str) -> None:
    summary = summarize.summarize(seed_text)
    assert [(s.index, s.rank) for s in summary] == [(2, 1), (6, 2), (8, 3)]
    assert summary[0].text.startswith("According to an official statement, the participants of the Federal Apex")
    assert summary[1].text.startswith("Pakistan decided to launch a comprehensive operation against militants")
    assert summary[2].text.startswith("It was decided during a meeting headed by Prime Minister Shehbaz Sharif")


def test_seed_textrank_summary(seed_text: str) -> None:
    summary = summarize.summarize(seed_text, ranker="textrank")
    assert [(s.index, s.rank) for s in summary] == [(9, 1), (14, 3), (18, 2)]
    assert summary[0].text.startswith("The participants of the meeting, which focused on")
    assert summary[2].text.startswith("The COAS reiterated the Pakistan Army’s unwavering resolve")


def test_seed_summary_has_no_fragment_line(seed_text: str) -> None:
    fragments = {s.text for s in split_sentences(seed_text) if s.fragment}
    for budget in ({"sentences": 10}, {"ratio": 1.0}, {"words": 500}):
        chosen = {s.text for s in summarize.summarize(seed_text, **budget)}  # type: ignore[arg-type]
        assert not chosen & fragments
