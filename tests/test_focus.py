"""Focused summaries and keywords: Biased TextRank's restart vector, with every ranker and language."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import summarize
from summarize import InvalidParameterError, Summarizer
from summarize.cli import main
from summarize.focus import focus_similarity, restart

from .conftest import NEWS

# Two topics in turns: sentences 0, 2, 4 on one, 1, 3, 5 on the other. The words are
# made up, so that they are stop words in no language and stem alike in all.
SPACED = (
    "Zorbax kelvot vimrel trunap. Quilpen drasmo fexul. Kelvot zorbax mimpar. "
    "Drasmo quilpen yortav. Vimrel zorbax kelvot sondap. Fexul drasmo quilpen bremot."
)
UNSPACED = "天气很好阳光明媚。股票市场下跌。阳光天气很好。市场股票价格下跌。天气阳光温暖。股票价格市场交易。"
FOCUS = {"chinese": "股票市场", "japanese": "股票市場"}


def text_and_focus(language: str) -> tuple[str, str]:
    if language == "chinese":
        return UNSPACED, "股票市场"
    if language == "japanese":
        return UNSPACED.replace("场", "場"), "股票市場"
    return SPACED, "quilpen drasmo"


@pytest.mark.parametrize("language", summarize.LANGUAGES)
@pytest.mark.parametrize("ranker", sorted(summarize.RANKERS))
def test_the_summary_is_about_the_focus(ranker: str, language: str) -> None:
    text, focus = text_and_focus(language)
    plain = Summarizer(sentences=2, ranker=ranker, language=language).analyze(text)
    focused = Summarizer(sentences=2, ranker=ranker, language=language, focus=focus).analyze(text)
    assert len(plain.sentences) == 6
    assert [s.index % 2 for s in focused.summary] == [1, 1]
    assert focused.focus_matched is True
    assert plain.focus_matched is None


def test_a_focus_that_matches_nothing_gives_the_ordinary_summary() -> None:
    plain = Summarizer(sentences=2).analyze(NEWS)
    unmatched = Summarizer(sentences=2, focus="zeppelin balloon").analyze(NEWS)
    assert unmatched.focus_matched is False
    assert unmatched.summary == plain.summary
    assert [s.score for s in unmatched.sentences] == [s.score for s in plain.sentences]
    assert Summarizer(focus="the and of").analyze(NEWS).focus_matched is False  # stop words only
    assert len(summarize.summarize("", focus="park")) == 0


def test_a_matching_focus_sets_the_lead_aside() -> None:
    # Under a focus the default ranks as undirected cosine centrality does: the focus, not the lead.
    undirected = summarize.Ranker(
        name="cosine", description="cosine centrality", similarity="cosine", prior=summarize.rankers.opening_prior
    )
    text = NEWS + " " + SPACED
    plain = summarize.rank_sentences(text, sentences=2)
    focused = summarize.rank_sentences(text, sentences=2, focus="quilpen drasmo")
    expected = summarize.rank_sentences(text, sentences=2, focus="quilpen drasmo", ranker=undirected)
    assert [s.score for s in focused] == pytest.approx([s.score for s in expected])
    assert [s.score for s in focused] != pytest.approx([s.score for s in plain])


def test_centrality_still_counts_under_a_focus() -> None:
    # The three park sentences match the focus alike (4 terms, "park" among them); the two that share
    # more with each other are more central, and rank above the third.
    text = "Park river trees grow. Park river benches stand. Park budget votes passed. Bakery closing soon."
    ranked = summarize.rank_sentences(text, focus="park", ranker="textrank")
    assert [s.rank for s in ranked][2:] == [3, 4]


def test_the_focus_weight_moves_the_ranking_from_centrality_to_the_focus() -> None:
    text, focus = text_and_focus("english")
    light = summarize.rank_sentences(text, focus=focus, focus_weight=0.05, ranker="textrank")
    heavy = summarize.rank_sentences(text, focus=focus, focus_weight=1.0, ranker="textrank")
    on_topic = sum(s.score for s in heavy if s.index % 2)
    assert on_topic > sum(s.score for s in light if s.index % 2) > 0.5


def test_restart_and_similarity() -> None:
    similarity = focus_similarity([["a", "b"], [], ["c"], ["a"]], ["a", "c"])
    assert np.allclose(similarity, [0.5, 0.0, 1 / np.sqrt(2), 1 / np.sqrt(2)])
    prior = np.array([4.0, 3.0, 2.0, 1.0])
    teleport = restart(similarity, prior, weight=0.5)
    assert teleport is not None
    assert np.isclose(teleport.sum(), 1.0)
    assert np.allclose(teleport, 0.5 * similarity / similarity.sum() + 0.5 * prior / prior.sum())
    assert restart(np.zeros(4), prior, weight=0.5) is None


def test_keywords_follow_the_focus() -> None:
    text = (
        "The city council approved a new public park on Monday. "
        "The public park will open in spring near the river. "
        "Residents had asked the city council for a park for years. "
        "The council will also build a bicycle path along the river."
    )
    plain = [k.text for k in summarize.keywords(text, top=3)]
    focused = [k.text for k in summarize.keywords(text, top=3, focus="bicycle path")]
    assert plain[0] != "bicycle path"
    assert focused[0] == "bicycle path"
    assert [k.text for k in summarize.keywords(text, top=3, focus="zeppelin")] == plain


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": 3}, r"The 'focus' parameter must be a str \(a question, keywords or a paragraph\) or None\. Got 3"),
        ({"focus_weight": 0}, r"The 'focus_weight' parameter must be a float in \(0, 1\]\. Got 0 instead\."),
        ({"focus_weight": 1.5}, r"The 'focus_weight' parameter must be a float in \(0, 1\]\. Got 1\.5 instead\."),
    ],
)
def test_focus_options_are_checked(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        Summarizer(**options)  # type: ignore[arg-type]


def test_the_command_takes_a_focus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "topics.txt"
    article.write_text(SPACED, encoding="utf-8")
    assert main(["-n", "2", "--focus", "quilpen drasmo", "--format", "json", str(article)]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert (record["focus_matched"], err) == (True, "")
    assert [s["index"] % 2 for s in record["sentences"]] == [1, 1]
    assert main(["-n", "2", "--focus", "zeppelin", str(article)]) == 0
    out, err = capsys.readouterr()
    assert err == f"summarize: note: {article}: the focus matches nothing in the text; the summary is unfocused\n"
    assert out.count("\n") == 2
    assert main(["keywords", "-n", "1", "--focus", "quilpen", str(article)]) == 0
    assert "quilpen" in capsys.readouterr().out.lower().split()  # in a noun phrase of nonsense nouns
    assert main(["--focus-weight", "2", "--focus", "x", str(article)]) == 2
    assert "--focus-weight: must be a number in (0, 1], got '2'" in capsys.readouterr().err


def test_batch_records_say_whether_the_focus_matched() -> None:
    records = [{"id": 1, "text": SPACED}, {"id": 2, "text": NEWS}]
    summarizer = Summarizer(sentences=2, focus="quilpen drasmo")
    found = list(summarize.summarize_records(records, summarizer=summarizer, jobs=1))
    assert [(r["id"], r["focus_matched"]) for r in found] == [(1, True), (2, False)]
    assert list(found[0]) == ["id", "focus_matched", "summary"]
