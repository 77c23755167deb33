"""Similarity matrices: the term matrix and Mihalcea & Tarau's overlap."""

import math

import numpy as np
import pytest

from summarize.matrices import is_sparse
from summarize.similarity import SIMILARITIES, bm25, cosine, lexrank, lexrank_threshold, term_matrix, textrank

KINDS = pytest.mark.parametrize("sparse", [False, True], ids=["dense", "sparse"])


def dense(matrix: object) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


@KINDS
def test_term_matrix_counts_terms_per_sentence(sparse: bool) -> None:
    counts = term_matrix([["a", "b", "a"], [], ["c", "a"]], sparse=sparse)
    assert counts.shape == (3, 3)
    assert is_sparse(counts) == sparse
    assert dense(counts).tolist() == [[2, 1, 0], [0, 0, 0], [1, 0, 1]]


@KINDS
def test_textrank_is_shared_terms_over_sum_of_log_lengths(sparse: bool) -> None:
    counts = term_matrix([["a", "b", "c", "d"], ["a", "b", "x"], ["y", "z"]], sparse=sparse)
    weights = dense(textrank(counts))
    assert math.isclose(weights[0, 1], 2 / (math.log(4) + math.log(3)))
    assert weights[0, 2] == weights[1, 2] == 0
    assert np.allclose(weights, weights.T)
    assert np.all(np.diag(weights) == 0)


@KINDS
def test_textrank_counts_each_shared_term_once(sparse: bool) -> None:
    weights = dense(textrank(term_matrix([["a", "a", "b"], ["a", "c"]], sparse=sparse)))
    assert math.isclose(weights[0, 1], 1 / (math.log(3) + math.log(2)))


@KINDS
def test_textrank_defines_the_single_term_case(sparse: bool) -> None:
    weights = dense(textrank(term_matrix([["a"], ["a"], ["b"], []], sparse=sparse)))
    assert weights[0, 1] == 1.0
    assert weights[0, 2] == 0.0
    assert np.all(weights[3] == 0)
    assert np.all(np.isfinite(weights))


@KINDS
def test_every_similarity_is_square_non_negative_with_zero_diagonal(sparse: bool) -> None:
    counts = term_matrix([["a", "b"], ["b", "c"], ["c", "a", "a"], ["d"], []], sparse=sparse)
    for name, similarity in SIMILARITIES.items():
        weights = dense(similarity(counts))
        assert weights.shape == (5, 5), name
        assert np.all(weights >= 0), name
        assert np.all(np.diag(weights) == 0), name


@KINDS
def test_cosine_is_shared_terms_over_geometric_mean_of_set_sizes(sparse: bool) -> None:
    weights = dense(cosine(term_matrix([["a", "b", "a"], ["a", "c", "d", "e"], []], sparse=sparse)))
    assert math.isclose(weights[0, 1], 1 / math.sqrt(2 * 4))
    assert np.all(weights[2] == 0)


@KINDS
def test_lexrank_is_idf_weighted_cosine(sparse: bool) -> None:
    counts = term_matrix([["a", "b"], ["a", "c"], ["d"]], sparse=sparse)
    idf_a, idf_b = math.log(3 / 2), math.log(3)
    expected = idf_a**2 / (idf_a**2 + idf_b**2)
    assert math.isclose(dense(lexrank(counts))[0, 1], expected)
    assert dense(lexrank_threshold(counts))[0, 1] == (1.0 if expected > 0.1 else 0.0)


@KINDS
def test_lexrank_threshold_cuts_weak_edges(sparse: bool) -> None:
    # "a" is in 4 of 5 sentences: a low IDF, so sharing only "a" stays under 0.1.
    counts = term_matrix([["a", "x", "y"], ["a", "z", "w"], ["a", "b"], ["a", "b"], ["q"]], sparse=sparse)
    assert 0 < dense(lexrank(counts))[0, 1] < 0.1
    assert dense(lexrank_threshold(counts))[0, 1] == 0.0
    assert dense(lexrank_threshold(counts))[2, 3] == 1.0


@KINDS
def test_bm25_is_asymmetric_and_follows_the_formula(sparse: bool) -> None:
    sentences = [["a", "b"], ["a", "c", "c", "d"], ["e", "g"], ["f"], ["h"]]
    counts = term_matrix(sentences, sparse=sparse)
    weights = dense(bm25(counts))
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


@KINDS
def test_bm25_replaces_negative_idf_by_a_share_of_the_average(sparse: bool) -> None:
    # "a" is in 3 of 4 sentences: a negative IDF, replaced by 0.25 x the average IDF.
    counts = term_matrix([["a", "b"], ["a", "c"], ["a", "d"], ["e"]], sparse=sparse)
    weights = dense(bm25(counts))
    assert weights[0, 1] > 0
    raw = [math.log((4 - df + 0.5) / (df + 0.5)) for df in (3, 1, 1, 1, 1)]
    floor = 0.25 * sum(raw) / len(raw)
    average = 7 / 4
    assert math.isclose(weights[0, 1], floor * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / average)))
