"""Term matrices and their products: dense and sparse paths agree, pruning."""

import numpy as np
import pytest
import scipy.sparse

import summarize
from summarize import RANKERS, Summarizer, matrices
from summarize.matrices import NEIGHBOURS, Triplets, pairwise
from summarize.similarity import SIMILARITIES, term_matrix

NEWS = (
    "The city council approved a new public park on Monday. "
    "The park will open next spring near the river. "
    "Council members said the park had been requested by residents for years. "
    "Residents welcomed the council's decision on the park. "
    "A bakery on Main Street is closing after forty years. "
    "The bakery owner said the park would bring new customers. "
    "Weather was mild."
)


def as_array(matrix: object) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


@pytest.mark.parametrize("name", list(SIMILARITIES))
def test_dense_and_sparse_similarities_are_equal(name: str, seed_text: str) -> None:
    terms = [summarize.terms.analyzer()(s.text) for s in summarize.split_sentences(seed_text)]
    dense = SIMILARITIES[name](term_matrix(terms))
    sparse = SIMILARITIES[name](term_matrix(terms, sparse=True))
    assert isinstance(dense, np.ndarray)
    assert scipy.sparse.issparse(sparse)
    assert np.allclose(dense, sparse.toarray())


@pytest.mark.parametrize("ranker", list(RANKERS))
def test_dense_and_sparse_paths_rank_alike(ranker: str, seed_text: str) -> None:
    for text in (NEWS, seed_text):
        dense = Summarizer(ranker=ranker, sparse=False).rank(text)
        sparse = Summarizer(ranker=ranker, sparse=True).rank(text)
        assert [s.rank for s in dense] == [s.rank for s in sparse]
        assert [s.score for s in dense] == pytest.approx([s.score for s in sparse])


def test_inverted_index_product_equals_matrix_product() -> None:
    rng = np.random.default_rng(7)
    dense = (rng.random((40, 60)) < 0.1) * rng.integers(1, 4, size=(40, 60))
    rows, cols = np.nonzero(dense)
    triplets = Triplets(rows, cols, dense[rows, cols].astype(float), dense.shape)
    weights = pairwise(triplets, triplets, symmetric=True)
    expected = dense @ dense.T
    np.fill_diagonal(expected, 0)
    assert np.allclose(weights, expected)


def test_sparse_path_keeps_each_sentences_strongest_edges() -> None:
    # 80 sentences share "common"; sentence k has k filler terms, so its cosine with
    # others falls as k grows and every sentence's strongest neighbours are the short ones.
    size = NEIGHBOURS + 30
    terms = [["common"] + [f"filler{k}-{j}" for j in range(k)] for k in range(size)]
    full = SIMILARITIES["cosine"](term_matrix(terms))
    pruned = SIMILARITIES["cosine"](term_matrix(terms, sparse=True)).toarray()
    assert np.count_nonzero(full) == size * (size - 1)
    assert all(np.count_nonzero(row) >= NEIGHBOURS for row in pruned)
    assert pruned[size - 1, size - 2] == 0  # the two longest: neither keeps the other
    assert pruned[0, size - 1] == full[0, size - 1]  # the longest keeps the shortest
    kept = pruned > 0
    assert np.allclose(pruned[kept], full[kept])
    assert np.allclose(pruned, pruned.T)


def test_sparse_path_drops_terms_in_most_sentences() -> None:
    # "common" is in every one of 300 sentences: above the 200-sentence floor, it links none.
    terms = [["common", f"w{k // 2}"] for k in range(300)]
    weights = SIMILARITIES["cosine"](term_matrix(terms, sparse=True))
    assert weights[0, 1] > 0  # sentences 0 and 1 share w0
    assert weights[0, 2] == 0  # they share only "common"


def test_sparse_path_bounds_how_many_sentences_a_term_links(monkeypatch: pytest.MonkeyPatch) -> None:
    # Floor 10 sentences (above 1% of 300), ceiling 4: a term in 5 sentences links none, one in 4 does.
    monkeypatch.setattr(matrices, "COMMON_TERM_MIN_SENTENCES", 10)
    monkeypatch.setattr(matrices, "COMMON_TERM_MAX_SENTENCES", 4)
    terms = [[f"four{k // 4}", f"five{k // 5}"] for k in range(300)]
    weights = SIMILARITIES["cosine"](term_matrix(terms, sparse=True))
    assert weights[0, 1] > 0  # they share four0 (in 4 sentences)
    assert weights[4, 3] == 0  # they share only five0, in 5 sentences
    monkeypatch.setattr(matrices, "COMMON_TERM_MAX_SENTENCES", 20)  # now the floor, 10, is the bound
    weights = SIMILARITIES["cosine"](term_matrix(terms, sparse=True))
    assert weights[4, 3] > 0


def test_sparse_option_is_checked() -> None:
    with pytest.raises(summarize.InvalidParameterError, match="The 'sparse' parameter must be True, False or None"):
        Summarizer(sparse="yes")  # type: ignore[arg-type]
