"""Export the seed article's sentence graph with to_networkx and show its strongest edges.

Run from anywhere:  python examples/export_graph.py [FILE] [OUTPUT.graphml]

With an output path, the graph is also written as GraphML (readable by Gephi,
Cytoscape or networkx.read_graphml).
"""

import sys
from pathlib import Path

import networkx as nx

import summarize

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0059b237ed54ef96.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    graph = summarize.to_networkx(path.read_text(encoding="utf-8"))
    print(f"{graph.number_of_nodes()} sentences, {graph.number_of_edges()} edges")

    print("strongest edges:")
    edges = sorted(graph.edges(data="weight"), key=lambda edge: (-edge[2], edge[0], edge[1]))
    for first, second, weight in edges[:5]:
        print(f"  {first:>2} -- {second:<2} weight {weight:.3f}")
        for node in (first, second):
            print(f"        [{node}] {' '.join(graph.nodes[node]['text'].split())[:90]}")

    best = min(graph.nodes, key=lambda node: graph.nodes[node]["rank"])
    print(f"most central sentence: [{best}] with {graph.degree(best)} neighbours")

    if len(sys.argv) > 2:
        nx.write_graphml(graph, sys.argv[2])
        print(f"graph written to {sys.argv[2]}")


if __name__ == "__main__":
    main()
