"""Rankers: each one's behaviour on small texts, and invariants over all of them."""

import itertools

import networkx as nx
import numpy as np
import pytest

import summarize
from summarize import RANKERS, Ranker, Summarizer
from summarize.graph import orient
from summarize.rankers import _strengths, adaptive_position, opening_prior, score_sentences
from summarize.ranking import pagerank
from summarize.similarity import SIMILARITIES, term_matrix
from summarize.terms import analyzer

from .conftest import NEWS

# The lead states the news; the rest elaborates on teachers, classrooms and
# computers, so undirected centrality points to a later sentence (index 3).
LEAD_STORY = (
    "The city council approved a budget for new schools on Monday. "
    "Teachers and parents had asked the council for new schools. "
    "Teachers said the classrooms and computers in the schools were overdue. "
    "Parents said teachers need computers and classrooms in the schools. "
    "The computers and classrooms for teachers and schools arrive in May. "
    "Teachers and parents will see the computers in the classrooms first. "
    "Teachers will get the computers in the new schools in May."
)


def best(text: str, ranker: str, **budget: float) -> int:
    ranked = summarize.rank_sentences(text, ranker=ranker, **budget)  # type: ignore[arg-type]
    return min(ranked, key=lambda s: s.rank).index


@pytest.mark.parametrize("ranker", ["textrank", "lexrank", "lexrank-threshold", "bm25"])
def test_centrality_points_away_from_the_lead(ranker: str) -> None:
    assert best(LEAD_STORY, ranker) != 0


@pytest.mark.parametrize("ranker", ["lead", "adaptive"])
def test_position_aware_rankers_pick_the_lead(ranker: str) -> None:
    assert best(LEAD_STORY, ranker, sentences=2) == 0


def test_position_prior_lifts_the_lead_and_lowers_the_end() -> None:
    plain = summarize.rank_sentences(LEAD_STORY, ranker="textrank")
    prior = summarize.rank_sentences(LEAD_STORY, ranker="position")
    assert prior[0].score > plain[0].score
    assert prior[-1].score < plain[-1].score


def test_lead_ranks_by_position() -> None:
    ranked = summarize.rank_sentences(LEAD_STORY, ranker="lead")
    assert [s.rank for s in ranked] == [1, 2, 3, 4, 5, 6, 7]
    summary = summarize.summarize(LEAD_STORY, ranker="lead", sentences=2)
    assert [s.index for s in summary] == [0, 1]


def test_adaptive_position_strength_follows_the_budget_share() -> None:
    assert adaptive_position(0.05, 20) == adaptive_position(0.3, 20) == 1.0
    assert adaptive_position(0.35, 20) == pytest.approx(0.5)
    assert adaptive_position(0.4, 20) == adaptive_position(1.0, 20) == 0.0


def test_adaptive_position_strength_fades_with_the_length_of_the_text() -> None:
    assert adaptive_position(0.05, 60) == 1.0
    assert adaptive_position(0.05, 90) == pytest.approx(0.5)
    assert adaptive_position(0.35, 90) == pytest.approx(0.25)
    assert adaptive_position(0.05, 120) == adaptive_position(0.05, 5000) == 0.0


# A report: an opening, a sentence that sums up the body (index 2), and a body that
# repeats two parts of it, so that the opening leads only where position counts.
def _report(paragraphs: int) -> str:
    opening = "Farmers by the river had a good year. Rivers flood the valley in spring. "
    central = "Farmers grow wheat and barley on the hills. "
    return opening + central + "Farmers grow wheat. Barley grows on the hills. " * paragraphs


def test_opening_prior_is_uniform_for_news_and_soft_for_long_texts() -> None:
    assert opening_prior(60) is None
    assert opening_prior(90) == pytest.approx(np.arange(1, 91) ** -0.25)
    assert opening_prior(120) == pytest.approx(np.arange(1, 121) ** -0.5)
    assert opening_prior(5000)[[0, 99]].tolist() == pytest.approx([1.0, 0.1])


def test_adaptive_falls_back_to_undirected_centrality_in_a_long_text() -> None:
    undirected = Ranker(name="cosine", description="cosine centrality", similarity="cosine", prior=opening_prior)
    long_text = _report(70)  # 143 sentences
    assert len(summarize.split_sentences(long_text)) == 143
    adaptive = [s.score for s in Summarizer(sentences=3).rank(long_text)]
    plain = [s.score for s in Summarizer(sentences=3, ranker=undirected).rank(long_text)]
    assert adaptive == pytest.approx(plain)
    # The central sentence is chosen, the second one (which only the direction would lift) is not.
    assert [s.index for s in summarize.summarize(long_text, sentences=3)] == [0, 2, 3]
    # The same kind of text at news length: the opening leads.
    short_text = _report(10)  # 23 sentences
    assert best(short_text, "adaptive", sentences=3) == 0
    assert best(short_text, "textrank", sentences=3) == 2


def test_adaptive_without_position_is_cosine_centrality() -> None:
    undirected = Ranker(name="cosine", description="cosine centrality", similarity="cosine")
    long_summary = [s.score for s in Summarizer(ratio=0.5).rank(LEAD_STORY)]
    plain = [s.score for s in Summarizer(ratio=0.5, ranker=undirected).rank(LEAD_STORY)]
    assert long_summary == pytest.approx(plain)


def test_adaptive_short_summaries_follow_the_lead_long_ones_centrality() -> None:
    assert best(LEAD_STORY, "adaptive", sentences=2) == 0
    assert best(LEAD_STORY, "adaptive", ratio=0.5) == 3


def test_a_one_sentence_summary_takes_half_the_direction_and_no_length_weight() -> None:
    texts = [s.text for s in summarize.split_sentences(LEAD_STORY)]
    counts = term_matrix([analyzer("english")(text) for text in texts], sparse=False)
    half_directed = pagerank(orient(SIMILARITIES["cosine"](counts), 0.5), alpha=0.85)
    _, one = score_sentences(RANKERS["adaptive"], texts, counts, share=1 / 7)
    assert one == pytest.approx(half_directed / half_directed.sum())
    # Between the lead (two sentences, full direction) and centrality (undirected):
    assert best(LEAD_STORY, "adaptive", sentences=1) == 2
    # The length weight: none for one sentence, half for two, full from three.
    assert [_strengths(1.0, sentences / 20, 20)[1] for sentences in (1, 2, 3, 5)] == [0.0, 0.5, 1.0, 1.0]


def test_adaptive_prefers_the_reporters_voice_in_short_summaries() -> None:
    story = (
        "Officials approved the new bridge over the river on Tuesday. "
        "{open}The new bridge over the river will change the town,{close} the mayor said on Tuesday. "
        "The bridge over the river will open in the spring. "
        "The new bridge cost the town a record sum. "
        "Builders on the river start work on the bridge next week. "
        "Traffic will cross the river on the bridge. "
        "Boats will pass under the bridge. "
        "The old ferry will stop. "
        "Shops by the river expect more visitors. "
        "The town will hold a fair on the bridge."
    )
    quoted = summarize.rank_sentences(story.format(open="“", close="”"), sentences=3)
    plain = summarize.rank_sentences(story.format(open="", close=""), sentences=3)
    assert quoted[1].score < plain[1].score
    long_quoted = summarize.rank_sentences(story.format(open="“", close="”"), ratio=0.6)
    long_plain = summarize.rank_sentences(story.format(open="", close=""), ratio=0.6)
    assert long_quoted[1].score == pytest.approx(long_plain[1].score)


def test_bm25_graph_is_directed_and_others_are_not() -> None:
    assert isinstance(summarize.to_networkx(NEWS, ranker="bm25"), nx.DiGraph)
    for ranker in ("adaptive", "textrank", "lexrank", "lexrank-threshold", "position"):
        graph = summarize.to_networkx(NEWS, ranker=ranker)
        assert type(graph) is nx.Graph, ranker
        assert graph.number_of_edges() > 0, ranker
    assert summarize.to_networkx(NEWS, ranker="lead").number_of_edges() == 0


def test_lexrank_threshold_edges_are_unweighted() -> None:
    graph = summarize.to_networkx(NEWS, ranker="lexrank-threshold")
    assert {weight for _, _, weight in graph.edges(data="weight")} == {1.0}


@pytest.mark.parametrize("ranker", list(RANKERS))
@pytest.mark.parametrize("budget", [{"sentences": 1}, {"sentences": 3}, {"ratio": 0.5}, {"words": 30}])
def test_every_ranker_scores_a_distribution_and_ranks_a_permutation(ranker: str, budget: dict[str, float]) -> None:
    for text in (NEWS, LEAD_STORY):
        ranked = summarize.rank_sentences(text, ranker=ranker, **budget)  # type: ignore[arg-type]
        scores = np.array([s.score for s in ranked])
        assert np.all(scores >= 0)
        assert scores.sum() == pytest.approx(1.0)
        assert sorted(s.rank for s in ranked) == list(range(1, len(ranked) + 1))
        by_rank = sorted(ranked, key=lambda s: s.rank)
        # Scores equal to 12 decimals are ties, ranked in document order.
        assert all(a.score >= b.score - 1e-12 for a, b in itertools.pairwise(by_rank))


@pytest.mark.parametrize("ranker", list(RANKERS))
def test_every_ranker_handles_tiny_texts(ranker: str) -> None:
    assert summarize.summarize("", ranker=ranker) == summarize.Summary()
    (only,) = summarize.summarize("Just one.", ranker=ranker)
    assert only.score == 1.0
    pair = summarize.summarize("Same words. Same words.", ranker=ranker, sentences=1)
    assert [s.index for s in pair] == [0]


def test_a_custom_ranker_is_a_similarity_plus_a_prior() -> None:
    last_first = Ranker(
        name="last-first",
        description="prefers the end",
        similarity="textrank",
        prior=lambda n: np.arange(1, n + 1, dtype=float) ** 4,
    )
    assert best(NEWS, "textrank") != 5
    ranked = Summarizer(ranker=last_first).rank(NEWS)
    assert min(ranked, key=lambda s: s.rank).index == 5


def test_rankers_are_read_only() -> None:
    with pytest.raises(TypeError):
        RANKERS["mine"] = RANKERS["lead"]  # type: ignore[index]


def test_diversity_passes_over_repeated_content() -> None:
    repeated = (
        "The council approved the park budget on Monday. "
        "On Monday the council approved the park budget. "
        "The park will open near the river in spring. "
        "Residents asked the council for the park."
    )
    plain = summarize.summarize(repeated, sentences=2, ranker="textrank")
    diverse = summarize.summarize(repeated, sentences=2, ranker="textrank", diversity=0.7)
    assert [s.index for s in plain] == [0, 1]
    assert 0 in {s.index for s in diverse} or 1 in {s.index for s in diverse}
    assert {s.index for s in diverse} != {0, 1}


@pytest.mark.parametrize("ranker", list(RANKERS))
def test_two_copies_of_a_document_ranked_together_score_alike(ranker: str) -> None:
    from summarize.similarity import term_matrix
    from summarize.terms import analyzer

    texts = [s.text for s in summarize.split_sentences(NEWS)] * 2
    documents = np.repeat([0, 1], len(texts) // 2).astype(np.int64)
    counts = term_matrix([analyzer("english")(text) for text in texts])
    _, scores = score_sentences(RANKERS[ranker], texts, counts, share=0.1, documents=documents)
    half = len(texts) // 2
    # Positions count within each document, and no document comes before the other.
    assert scores[:half] == pytest.approx(scores[half:])
    assert scores.sum() == pytest.approx(1.0)
