"""Selection: budgets, order and fragments."""

import summarize
from summarize.selection import DEFAULT_SENTENCES, select
from summarize.types import ScoredSentence

# (text, rank, fragment): ranks 1..6 spread over the document.
ROWS = [
    ("Heading line", 6, True),
    ("one two three four five six.", 3, False),
    ("one two.", 1, False),
    ("one two three four.", 4, False),
    ("one two three four five six seven eight.", 2, False),
    ("one.", 5, False),
]
RANKED = tuple(
    ScoredSentence(index=i, text=text, start=0, end=0, fragment=fragment, score=1.0 / rank, rank=rank)
    for i, (text, rank, fragment) in enumerate(ROWS)
)


def indices(chosen: tuple[ScoredSentence, ...]) -> list[int]:
    return [sentence.index for sentence in chosen]


def test_default_budget_in_document_order() -> None:
    assert DEFAULT_SENTENCES == 3
    assert indices(select(RANKED)) == [1, 2, 4]


def test_score_order_is_best_first() -> None:
    assert indices(select(RANKED, sentences=2, order="score")) == [2, 4]


def test_more_sentences_than_exist_gives_every_candidate() -> None:
    assert indices(select(RANKED, sentences=50)) == [1, 2, 3, 4, 5]


def test_ratio_counts_candidates_and_rounds_half_up() -> None:
    assert indices(select(RANKED, ratio=0.5)) == [1, 2, 4]  # 2.5 -> 3 of 5 candidates
    assert indices(select(RANKED, ratio=0.01)) == [2]  # at least one


def test_word_budget_skips_what_does_not_fit() -> None:
    # best first: 2 (2 words), 4 (8 words), 1 (6 words), 3 (4 words), 5 (1 word)
    assert indices(select(RANKED, words=11, order="score")) == [2, 4, 5]
    assert indices(select(RANKED, words=9, order="score")) == [2, 1, 5]
    assert indices(select(RANKED, words=10, order="score")) == [2, 4]


def test_word_budget_keeps_at_least_the_best_sentence() -> None:
    long_first = tuple(s for s in RANKED if s.index == 4)
    assert indices(select(long_first, words=1)) == [4]


def test_fragments_are_never_chosen_unless_nothing_else_exists() -> None:
    assert 0 not in indices(select(RANKED, sentences=6))
    only_fragment = (RANKED[0],)
    assert indices(select(only_fragment)) == [0]


def test_diversity_on_an_empty_text_gives_an_empty_summary() -> None:
    # Found by Hypothesis (tests/test_properties.py): maximal marginal relevance took the maximum of no scores.
    assert len(summarize.summarize("", diversity=0.3)) == 0
    assert len(summarize.summarize("  \n\n ", diversity=0.5, sentences=2)) == 0


def test_redundancy_threshold_passes_over_near_duplicates() -> None:
    import scipy.sparse

    # Sentences 2 (rank 1) and 4 (rank 2) are near-duplicates (similarity 0.8); 1 and 2 are a little alike (0.3).
    pairs = {(2, 4): 0.8, (1, 2): 0.3}
    rows, cols, values = [], [], []
    for (i, j), value in pairs.items():
        rows += [i, j]
        cols += [j, i]
        values += [value, value]
    similarity = scipy.sparse.csr_matrix((values, (rows, cols)), shape=(6, 6))
    assert indices(select(RANKED, sentences=2, order="score")) == [2, 4]
    assert indices(select(RANKED, sentences=2, order="score", similarity=similarity, redundancy=0.5)) == [2, 1]
    assert indices(select(RANKED, sentences=2, order="score", similarity=similarity, redundancy=0.2)) == [2, 3]
    # Fewer sentences than asked for when every other one repeats a chosen one.
    assert indices(select(RANKED[1:3], sentences=2, similarity=similarity, redundancy=0.2)) == [2]


# Two groups: sentences 1-4 are the first document's, 5 the second's; the first has the best ranks.
GROUPS = [0, 0, 0, 0, 0, 1]


def test_at_least_one_of_each_group() -> None:
    assert indices(select(RANKED, sentences=2, order="score")) == [2, 4]  # the second group has none
    assert indices(select(RANKED, sentences=2, order="score", groups=GROUPS, min_per_group=1)) == [2, 5]
    assert indices(select(RANKED, sentences=2, groups=GROUPS, min_per_group=1)) == [2, 5]


def test_the_minimum_beats_the_budget() -> None:
    assert indices(select(RANKED, sentences=1, groups=GROUPS, min_per_group=2)) == [2, 4, 5]
    assert indices(select(RANKED, words=2, groups=GROUPS, min_per_group=1)) == [2, 5]  # 3 words
    assert indices(select(RANKED, words=7, groups=GROUPS, min_per_group=1, order="score")) == [2, 3, 5]


def test_a_group_with_fewer_sentences_gives_them_all() -> None:
    assert indices(select(RANKED, sentences=3, groups=GROUPS, min_per_group=3)) == [1, 2, 4, 5]


def test_no_minimum_is_the_ordinary_selection() -> None:
    for budget in ({"sentences": 2}, {"ratio": 0.5}, {"words": 9}):
        assert select(RANKED, **budget, groups=GROUPS, min_per_group=0) == select(RANKED, **budget)  # type: ignore[arg-type]
