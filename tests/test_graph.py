"""The sentence graph: orientation (networkx export is tested with the pipeline)."""

import numpy as np
import scipy.sparse

from summarize.graph import orient


def test_orient_keeps_votes_for_earlier_sentences() -> None:
    weights = np.ones((3, 3)) - np.eye(3)
    oriented = orient(weights, 0.25)
    assert oriented.tolist() == [[0, 0.25, 0.25], [1, 0, 0.25], [1, 1, 0]]
    assert np.allclose(orient(scipy.sparse.csr_matrix(weights), 0.25).toarray(), oriented)
