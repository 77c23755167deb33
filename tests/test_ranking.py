"""PageRank: cross-checked against networkx, convergence and argument checks."""

import networkx as nx
import numpy as np
import pytest
import scipy.sparse

from summarize import ConvergenceError, InvalidParameterError
from summarize.ranking import pagerank

RNG_SEED = 20241120


def random_weights(n: int, density: float, symmetric: bool) -> np.ndarray:
    rng = np.random.default_rng(RNG_SEED + n)
    weights = rng.random((n, n)) * (rng.random((n, n)) < density)
    if symmetric:
        weights = np.triu(weights, 1)
        weights = weights + weights.T
    np.fill_diagonal(weights, 0)
    return weights


def networkx_pagerank(weights: np.ndarray, **options: object) -> np.ndarray:
    graph = nx.from_numpy_array(weights, create_using=nx.DiGraph)
    scores = nx.pagerank(graph, weight="weight", **options)
    return np.array([scores[node] for node in range(len(weights))])


@pytest.mark.parametrize("sparse", [False, True], ids=["dense", "sparse"])
@pytest.mark.parametrize(
    ("n", "density", "symmetric"),
    [(2, 1.0, True), (12, 0.3, True), (40, 0.2, True), (25, 0.15, False), (30, 0.05, False)],
)
def test_matches_networkx(n: int, density: float, symmetric: bool, sparse: bool) -> None:
    weights = random_weights(n, density, symmetric)
    matrix = scipy.sparse.csr_matrix(weights) if sparse else weights
    ours = pagerank(matrix, alpha=0.85, tol=1e-10, max_iter=500)
    assert np.allclose(ours, networkx_pagerank(weights, alpha=0.85, tol=1e-10, max_iter=500), atol=1e-9)
    assert np.isclose(ours.sum(), 1.0)


def test_personalization_and_dangling_nodes_match_networkx() -> None:
    weights = random_weights(20, 0.1, False)
    weights[[3, 7]] = 0  # dangling: no out-edges
    prior = np.linspace(2.0, 0.1, 20)
    ours = pagerank(weights, personalization=prior, tol=1e-10, max_iter=500)
    theirs = networkx_pagerank(weights, personalization=dict(enumerate(prior)), tol=1e-10, max_iter=500)
    assert np.allclose(ours, theirs, atol=1e-9)


def test_graph_without_edges_is_uniform() -> None:
    assert np.allclose(pagerank(np.zeros((4, 4))), 0.25)


def test_empty_graph_has_no_scores() -> None:
    assert pagerank(np.zeros((0, 0))).shape == (0,)


def test_no_convergence_raises_named_error() -> None:
    weights = random_weights(30, 0.3, True)
    with pytest.raises(ConvergenceError, match="did not converge in 2 iterations") as caught:
        pagerank(weights, max_iter=2, tol=1e-12)
    assert caught.value.max_iter == 2
    assert isinstance(caught.value, RuntimeError)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"alpha": 1.0}, r"The 'alpha' parameter must be a float in \[0, 1\)\. Got 1\.0 instead\."),
        ({"max_iter": 0}, r"The 'max_iter' parameter must be an int >= 1\. Got 0 instead\."),
        ({"tol": 0}, r"The 'tol' parameter must be a float in \(0, inf\]\. Got 0 instead\."),
        ({"personalization": [1, 2]}, r"The 'personalization' parameter must be 3 finite non-negative weights"),
    ],
)
def test_invalid_parameters_are_named(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        pagerank(np.ones((3, 3)), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (np.ones((2, 3)), "must be a square matrix"),
        (-np.ones((2, 2)), "finite non-negative weights"),
        ([[0, 1], [1, 0]], "must be a square numpy array or scipy sparse matrix"),
    ],
)
def test_invalid_weights_are_refused(weights: object, message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        pagerank(weights)  # type: ignore[arg-type]
