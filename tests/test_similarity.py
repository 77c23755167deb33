"""Similarity matrices: the term matrix and Mihalcea & Tarau's overlap."""

import math

import numpy as np

from summarize.similarity import SIMILARITIES, term_matrix, textrank


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
