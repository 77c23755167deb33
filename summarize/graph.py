"""The sentence graph: orienting its edges, and handing it to networkx.

The graph's edge weights are the matrix of a similarity
(:mod:`summarize.similarity`) over the sentences' term matrix
(:mod:`summarize.matrices`): a dense array for ordinary texts, a scipy CSR matrix
for long ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from summarize.matrices import Matrix, is_sparse
from summarize.types import ScoredSentence, Sentence

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["networkx_graph", "orient"]


def orient(weights: Matrix, forward: float, *, documents: npt.NDArray[np.int64] | None = None) -> Matrix:
    """Keep the edges from each sentence to earlier ones; scale those to later ones by ``forward``.

    ``weights[i, j]`` is the edge from ``i`` to ``j``; edges with ``j < i`` (votes for
    an earlier sentence) stay, edges with ``j > i`` are multiplied by ``forward``.
    With ``documents`` (each sentence's document number, for several documents
    ranked together), only edges within a document are oriented; edges between
    documents stay as they are, since no document comes before another.
    """
    if is_sparse(weights):
        import scipy.sparse

        coo = scipy.sparse.coo_matrix(weights)
        later = coo.col > coo.row
        if documents is not None:
            later &= documents[coo.row] == documents[coo.col]
        data = np.where(later, forward * coo.data, np.where(coo.row == coo.col, 0.0, coo.data))
        oriented = scipy.sparse.csr_matrix((data, (coo.row, coo.col)), shape=coo.shape)
        oriented.eliminate_zeros()
        return oriented
    dense = np.asarray(weights, dtype=np.float64)
    n = dense.shape[0]
    later_mask = np.triu(np.ones((n, n), dtype=bool), 1)
    if documents is not None:
        later_mask &= documents[:, None] == documents[None, :]
    oriented = np.where(later_mask, forward * dense, dense)
    np.fill_diagonal(oriented, 0.0)
    return np.asarray(oriented, dtype=np.float64)


def networkx_graph(ranked: Sequence[ScoredSentence], body: Sequence[Sentence], weights: Matrix | None) -> nx.Graph:
    """The sentence graph as networkx: every sentence a node, the body's similarities as edges.

    Nodes are sentence indices with the attributes ``index``, ``text``, ``start``,
    ``end``, ``fragment``, ``score`` and ``rank``; edges carry ``weight``. The graph
    is a ``networkx.DiGraph`` when the weights are not symmetric.
    """
    import networkx as nx
    import scipy.sparse

    coo = scipy.sparse.coo_matrix(weights) if weights is not None else None
    directed = coo is not None and abs(coo - coo.T).max() > 1e-12
    graph = nx.DiGraph() if directed else nx.Graph()
    for sentence in ranked:
        graph.add_node(
            sentence.index,
            index=sentence.index,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            fragment=sentence.fragment,
            score=sentence.score,
            rank=sentence.rank,
        )
    if coo is not None:
        for row, col, weight in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True):
            if (directed or row < col) and weight > 0:
                graph.add_edge(body[row].index, body[col].index, weight=weight)
    return graph
