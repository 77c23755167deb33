"""Similarity matrices: the term matrix and Mihalcea & Tarau's overlap."""

import math

import numpy as np

from summarize.similarity import SIMILARITIES, bm25, cosine, lexrank, lexrank_threshold, term_matrix, textrank


def test_term_matrix_counts_terms_per_sentence() -> None:
    counts = term_matrix([["a", "b", "a"], [], ["c", "a"]])
    assert counts.shape == (3, 3)
    assert counts.toarray().tolist() == [[2, 1, 0], [0, 0, 0], [1, 0, 1]]


def test_textrank_is_shared_terms_over_sum_of_log_lengths() -> None:
    counts = term_matrix([["a", "b", "c", "d"], ["a", "b", "x"], ["y", "z"]])
    weights = textrank(counts).toarray()
    assert math.isclose(weights[0, 1], 2 / (math.log(4) + math.log(3)))
    assert weights[0, 2] == weights[1, 2] == 0
    assert np.allclose(weights, weights.T)
    assert np.all(np.diag(weights) == 0)


def test_textrank_counts_each_shared_term_once() -> None:
    weights = textrank(term_matrix([["a", "a", "b"], ["a", "c"]])).toarray()
    assert math.isclose(weights[0, 1], 1 / (math.log(3) + math.log(2)))


def test_textrank_defines_the_single_term_case() -> None:
    weights = textrank(term_matrix([["a"], ["a"], ["b"], []])).toarray()
    assert weights[0, 1] == 1.0
    assert weights[0, 2] == 0.0
    assert np.all(weights[3] == 0)
    assert np.all(np.isfinite(weights))


def test_every_similarity_is_square_non_negative_with_zero_diagonal() -> None:
    counts = term_matrix([["a", "b"], ["b", "c"], ["c", "a", "a"], ["d"], []])
    for name, similarity in SIMILARITIES.items():
        weights = similarity(counts).toarray()
        assert weights.shape == (5, 5), name
        assert np.all(weights >= 0), name
        assert np.all(np.diag(weights) == 0), name


def test_cosine_is_shared_terms_over_geometric_mean_of_set_sizes() -> None:
    weights = cosine(term_matrix([["a", "b", "a"], ["a", "c", "d", "e"], []])).toarray()
    assert math.isclose(weights[0, 1], 1 / math.sqrt(2 * 4))
    assert np.all(weights[2] == 0)


def test_lexrank_is_idf_weighted_cosine() -> None:
    counts = term_matrix([["a", "b"], ["a", "c"], ["d"]])
    idf_a, idf_b = math.log(3 / 2), math.log(3)
    expected = idf_a**2 / (idf_a**2 + idf_b**2)
    assert math.isclose(lexrank(counts)[0, 1], expected)
    assert lexrank_threshold(counts)[0, 1] == (1.0 if expected > 0.1 else 0.0)


def test_lexrank_threshold_cuts_weak_edges() -> None:
    # "a" is in 4 of 5 sentences: a low IDF, so sharing only "a" stays under 0.1.
    counts = term_matrix([["a", "x", "y"], ["a", "z", "w"], ["a", "b"], ["a", "b"], ["q"]])
    assert 0 < lexrank(counts)[0, 1] < 0.1
    assert lexrank_threshold(counts)[0, 1] == 0.0
    assert lexrank_threshold(counts)[2, 3] == 1.0


def test_bm25_is_asymmetric_and_follows_the_formula() -> None:
    sentences = [["a", "b"], ["a", "c", "c", "d"], ["e", "g"], ["f"], ["h"]]
    counts = term_matrix(sentences)
    weights = bm25(counts).toarray()
    n, k1, b = 5, 1.2, 0.75
    lengths = [2, 4, 2, 1, 1]
    average = sum(lengths) / n

    def idf(df: int) -> float:
        return math.log((n - df + 0.5) / (df + 0.5))

    # Query 0 ("a", "b") against document 1: only "a" (in 2 of 5 sentences) matches once.
    expected = idf(2) * (1 * (k1 + 1)) / (1 + k1 * (1 - b + b * lengths[1] / average))
    assert math.isclose(weights[0, 1], expected)
    assert weights[0, 1] != weights[1, 0]
    assert np.all(weights >= 0)


def test_bm25_replaces_negative_idf_by_a_share_of_the_average() -> None:
    # "a" is in 3 of 4 sentences: a negative IDF, replaced by 0.25 x the average IDF.
    counts = term_matrix([["a", "b"], ["a", "c"], ["a", "d"], ["e"]])
    weights = bm25(counts).toarray()
    assert weights[0, 1] > 0
    raw = [math.log((4 - df + 0.5) / (df + 0.5)) for df in (3, 1, 1, 1, 1)]
    floor = 0.25 * sum(raw) / len(raw)
    average = 7 / 4
    assert math.isclose(weights[0, 1], floor * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / average)))
