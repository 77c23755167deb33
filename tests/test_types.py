"""The result types: immutable, identified by index and offsets."""

import dataclasses

import pytest

from summarize import ScoredSentence, Sentence, Summary


def scored(index: int, text: str = "Same.") -> ScoredSentence:
    return ScoredSentence(index=index, text=text, start=index * 6, end=index * 6 + 5, score=0.5, rank=index + 1)


def test_sentences_are_frozen() -> None:
    sentence = Sentence(index=0, text="A.", start=0, end=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.text = "B."  # type: ignore[misc]
    assert not sentence.fragment


def test_equal_text_at_different_positions_are_different_sentences() -> None:
    assert scored(0) != scored(1)
    assert len({scored(0), scored(1)}) == 2


def test_scored_sentence_is_a_sentence() -> None:
    assert isinstance(scored(0), Sentence)


def test_summary_is_an_immutable_sequence() -> None:
    summary = Summary((scored(0, "One."), scored(1, "Two  words.")))
    assert len(summary) == 2
    assert [s.index for s in summary] == [0, 1]
    assert summary[-1].text == "Two  words."
    assert summary.text == "One. Two words."
    assert scored(1, "Two  words.") in summary
    assert summary.index(summary[1]) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.sentences = ()  # type: ignore[misc]
    assert Summary() == Summary(())
    assert len(Summary()) == 0


def test_str_of_a_summary_is_its_text_and_repr_shows_its_parts() -> None:
    summary = Summary((scored(0, "Cats\npurr."), scored(1, "Dogs bark.")), language="english")
    assert str(summary) == "Cats purr. Dogs bark."
    assert f"{summary}" == summary.text
    assert repr(summary).startswith("Summary(sentences=(ScoredSentence(index=0, text='Cats\\npurr.'")
    assert "language='english'" in repr(summary)
