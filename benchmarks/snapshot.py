"""A fingerprint of every output, to check that a change of code changes no result.

Usage::

    PYTHONPATH=. python benchmarks/snapshot.py DEV/*.jsonl -o before.json
    ... change the code ...
    PYTHONPATH=. python benchmarks/snapshot.py DEV/*.jsonl -o after.json --compare before.json

For each file and each document, with every ranker of ``summarize.RANKERS``:
every sentence scored and ranked (index, offsets, fragment flag, score to the last
bit, rank), the summary of 3 sentences and of 5 in document order, the summary of
one sentence best first with diversity 0.3, and the summary at 20% of the
sentences; with the default ranker also the keywords (text, score, count), the HTML
page, the Markdown summary, and a summary with the document's first sentence as a
focus. Then, with ``--clusters`` (on by default), ``summarize_documents`` on groups of
three consecutive documents of each file, with every ranker, with and without a
focus. Each output is hashed (SHA-256) and the hashes are written as JSON, keyed by
file, setting and document id; ``--compare`` names every setting whose hash differs.
Nothing of the documents themselves is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import summarize


def digest(value: object) -> str:
    """SHA-256 of a value's JSON (floats as their exact repr)."""
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:20]


def scored(sentences: Iterable[summarize.ScoredSentence]) -> list[list[object]]:
    """The attributes of scored sentences that a result carries (score as an exact float repr).

    A sentence's document is added when it has one that is not None, so that a
    summary of one text hashes alike whether or not its sentences have the attribute.
    """
    rows = []
    for s in sentences:
        row: list[object] = [s.index, s.start, s.end, s.fragment, s.rank, s.text, repr(s.score)]
        document = getattr(s, "document", None)
        if document is not None:
            row.append(document)
        rows.append(row)
    return rows


def one_document(text: str) -> dict[str, str]:
    """Hashes of every output of one document."""
    out: dict[str, str] = {}
    for ranker in summarize.RANKERS:
        ranked = summarize.Summarizer(ranker=ranker).analyze(text)
        out[f"{ranker}/rank"] = digest(scored(ranked.sentences))
        out[f"{ranker}/n3"] = digest(scored(ranked.summary))
        out[f"{ranker}/n5"] = digest(scored(summarize.Summarizer(ranker=ranker, sentences=5)(text)))
        out[f"{ranker}/n1-diverse"] = digest(
            scored(summarize.Summarizer(ranker=ranker, sentences=1, order="score", diversity=0.3)(text))
        )
        out[f"{ranker}/ratio"] = digest(scored(summarize.Summarizer(ranker=ranker, ratio=0.2)(text)))
    analysis = summarize.Summarizer(sentences=4).analyze(text)
    out["keywords"] = digest([[k.text, repr(k.score), k.count] for k in analysis.keywords()])
    out["keywords/window4"] = digest([[k.text, repr(k.score), k.count] for k in analysis.keywords(top=15, window=4)])
    out["html"] = digest(summarize.to_html(analysis, title="t"))
    out["markdown"] = digest(summarize.to_markdown(analysis.summary))
    first = analysis.sentences[0].text if analysis.sentences else "x"
    out["focus"] = digest(scored(summarize.Summarizer(focus=first, sentences=3)(text)))
    return out


def clusters(texts: Sequence[str]) -> dict[str, str]:
    """Hashes of summaries of several documents, on groups of three consecutive texts."""
    out: dict[str, str] = {}
    for start in range(0, len(texts) - 2, 3):
        group = list(texts[start : start + 3])
        for ranker in summarize.RANKERS:
            summary = summarize.summarize_documents(group, sentences=6, ranker=ranker)
            out[f"{start}/{ranker}"] = digest(scored(summary))
        focus = group[1].split(".")[0]
        out[f"{start}/focus"] = digest(scored(summarize.summarize_documents(group, sentences=6, focus=focus)))
        out[f"{start}/ids"] = digest(
            scored(summarize.summarize_documents(group, ids=["a", "b", "c"], ratio=0.1, order="score", diversity=0.2))
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True, help="where to write the hashes (JSON)")
    parser.add_argument("--compare", type=Path, help="an earlier snapshot: list what differs")
    parser.add_argument("--limit", type=int, default=None, help="at most this many documents of each file")
    parser.add_argument("--no-clusters", dest="clusters", action="store_false")
    args = parser.parse_args()
    snapshot: dict[str, dict[str, str]] = {}
    for path in args.datasets:
        with path.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines][: args.limit]
        hashes: dict[str, str] = {}
        for number, record in enumerate(records):
            for key, value in one_document(record["text"]).items():
                hashes[f"{record.get('id', number)}/{key}"] = value
        if args.clusters:
            for key, value in clusters([record["text"] for record in records]).items():
                hashes[f"cluster/{key}"] = value
        snapshot[path.name] = hashes
        print(f"{path.name}: {len(records)} documents, {len(hashes)} outputs", file=sys.stderr, flush=True)
    args.output.write_text(json.dumps(snapshot, indent=0, sort_keys=True), encoding="utf-8")
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = 0
    for name in sorted(set(before) | set(snapshot)):
        old, new = before.get(name, {}), snapshot.get(name, {})
        changed = sorted(key for key in set(old) | set(new) if old.get(key) != new.get(key))
        differ += len(changed)
        print(f"{name}: {len(new)} outputs, {len(changed)} differ")
        for key in changed[:20]:
            print(f"  {key}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
