"""Design documents of other projects, kept aside (issue 21): build them from the projects' sources, and score ROUGE.

Usage::

    python benchmarks/design_docs.py build --kind kep GITDIR_OR_FOLDER -o /tmp/design/keps.jsonl
    python benchmarks/design_docs.py rouge /tmp/design/keps.jsonl [--half odd|even] [--system NAME ...]
    python benchmarks/design_docs.py sections /tmp/design/keps.jsonl [--half odd|even]

The development file of issue 21 (``rfcs_dev.jsonl``: Rust RFCs without their
``## Summary``, scored against it) is what the readers and the default ranker were
tuned on. These sets are of the same kind but from other projects, built here and
never tuned on: the issue's target ("at least 3 ROUGE-1 above the best peer on the
development file and on documents of this kind kept aside") is checked on them.

``build``: the source is a bare git directory (as a repository mirror or ``git
clone --bare`` gives it; the files of its ``HEAD`` are read with ``git ls-tree`` and
``git cat-file``) or a folder of the files. Each document whose path the kind
names is made into a record like those of ``rfcs_dev.jsonl``:

- ``text``: the file as its users have it (metadata, table of contents, headings,
  lists, code, HTML comments, links), line endings made ``\\n``, minus the
  summary-like section: from its heading's line to the next heading of the same
  or a higher level (Markdown headings as markdown-it-py finds them, so that a
  ``#`` line in a code block is no heading; reST titles by their underline, and
  overline, levels in order of first use, as docutils ranks them);
- ``summary``: that section's text with its markup removed, read by the library's
  own reader (:func:`summarize.io.markdown.read_markdown` or
  :func:`summarize.io.rst.read_rst` on the whole file, so that links and
  references defined elsewhere resolve), its prose blocks only (paragraphs, list
  items, quotations: no code, table, HTML comment or image; in Markdown, no
  paragraph of links with a label of at most three words, as "Swift-evolution
  thread: [Pitch](...)", which says where the proposal was discussed), each block split
  into sentences by the library's splitter :func:`summarize.split_sentences`, one
  sentence a line (whitespace folded);
- ``id``, ``source`` (repository, commit and path; "folder" for a folder),
  ``licence``, ``format`` (``markdown`` or ``rst``: how the text is read with
  structure).

A document is dropped when the section is missing, when none of its sentences
is a sentence (four words or more, ending in ``.``, ``!`` or ``?``), when what
is left has fewer than 10 sentences (by :func:`summarize.split_sentences` on the
text), or (PEPs) when it does not say it is in the public domain or under CC0.
Of the rest, at most ``--most`` (default 300) are kept: those first by the
SHA-256 of their path, written in path order. Nothing is tuned by these rules:
they were fixed before any score was seen. ``--skip N`` passes over the first N
by that order: ``--skip 300`` builds the documents of each kind that the default
sets leave out, a second set kept aside, for when the first has been looked at.

The kinds, their sources and licences:

- ``kep``: Kubernetes Enhancement Proposals, ``kubernetes/enhancements``
  (Apache-2.0), ``keps/**/NNNN-name/README.md``; the section ``Summary``.
- ``pep``: Python Enhancement Proposals, ``python/peps``, ``peps/pep-NNNN.rst`` (or
  ``.txt``), each placed in the public domain or under CC0-1.0 by its own
  Copyright section (a PEP that does not say so is dropped); the section
  ``Abstract``.
- ``swift``: Swift Evolution proposals, ``apple/swift-evolution`` (Apache-2.0 with
  the Swift Runtime Library Exception), ``proposals/NNNN-name.md``; the section
  ``Introduction``.

Built files go outside the repository (say ``/tmp/design/``): they are other
projects' documents.

``rouge``: each record is summarised with as many sentences as its reference has,
by every system below that is installed (``--system`` picks some), and scored as
``../shared/data/README.md`` scores (rouge-score, ROUGE-1 / ROUGE-2 / ROUGE-Lsum
F1, Porter stemming, one sentence a line, averaged over documents, x100):

- ``lead``: the first k sentences of the text, split by
  :func:`summarize.split_sentences` (headings and metadata lines included: each
  line of them a sentence); ``lead-punkt``: the first k sentences of the text as
  Punkt splits it (:func:`summarize.punkt.punkt`, NLTK's algorithm with the
  parameters shipped in the package), which takes a heading or a metadata line
  with the sentence that follows, as the NLTK Punkt LEAD of
  ``../shared/data/README.md`` did;
- ``default`` / ``textrank`` / ``lead-ranker`` ``structured``: the library's
  default ranker, ``textrank`` or ``lead``, on the file read as ``summarize
  FILE.md`` (or ``.rst``) reads it (:func:`summarize.read_document` with the
  record's ``format``, then :meth:`summarize.Summarizer.analyze` with its blocks);
  ``plain``: on the text as a plain str (:meth:`summarize.Summarizer.summarize`);
- ``sumy-lexrank`` / ``sumy-textrank``: sumy's ``LexRankSummarizer`` and
  ``TextRankSummarizer`` with ``Stemmer("english")`` and
  ``get_stop_words("english")`` (as sumy's README sets them). sumy's own tokenizer
  needs NLTK's Punkt data, which is not downloaded: the summarizers get an
  ``ObjectDocumentModel`` of one ``Paragraph`` of ``Sentence`` objects made here,
  one for each sentence :func:`summarize.split_sentences` finds in the text, each
  with a word tokenizer that does what sumy's does to a sentence without Punkt
  (``nltk.word_tokenize(sentence, preserve_line=True)``, then sumy's word filter,
  the pattern of ``sumy.nlp.tokenizers.Tokenizer._WORD_PATTERN``);
- ``lexrank``: lexrank 0.1 as ``peers.py`` runs it (its IDF over the file's
  documents, on the sentences of :func:`summarize.split_sentences`);
- ``summa``: summa 1.2 as ``peers.py`` runs it (on the text; it splits it itself).

The peers get the text as a user would hand them the file: the source, markup
and all. A peer that is not installed is named on standard error and its row
left out; one that fails on a text gives an empty summary there.

``sections``: where the default (read with structure) takes its sentences from,
against where the reference's words are: for each document, the top-level
section (a block's outermost heading, lower-cased) of each chosen sentence, and
of each reference sentence's nearest sentence of the text (the sentence of a
paragraph or list item that shares the most of its stemmed words, as ROUGE-1
counts them); both counted per section name; the documents where the default is
most below a peer (``--peer``); and the mean ROUGE-1 difference from that peer
with a 95% paired bootstrap interval (as ``multidoc.py`` computes it).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import summarize
from summarize.blocks import Block
from summarize.evaluation import read_dataset
from summarize.io.documents import Document

if TYPE_CHECKING:
    from markdown_it.token import Token

MEASURES = ("rouge1", "rouge2", "rougeLsum")

# The blocks of a section that make its reference: what a reader reads as the section's prose.
REFERENCE_KINDS = frozenset({"paragraph", "list_item", "quotation"})

# A sentence of a reference: four words or more, ending as a sentence does.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")

# A line of one repeated punctuation character: a reST title's underline or overline.
_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")

# The fewest sentences a text (without its section) may have.
FEWEST_SENTENCES = 10

# Resamples of the bootstrap interval of ``sections``.
RESAMPLES = 2000


@dataclass(frozen=True, kw_only=True)
class Kind:
    """A kind of design document: where its files are, which section is its summary, how it is read."""

    repository: str
    licence: str
    paths: re.Pattern[str]  # its files' paths; the group "number" is the document's number
    prefix: str  # of the records' ids
    section: str
    form: str  # "markdown" or "rst"
    licensed: re.Pattern[str] | None = None  # what a document must say to be kept


KINDS = {
    "kep": Kind(
        repository="kubernetes/enhancements",
        licence="Apache-2.0",
        paths=re.compile(r"^keps/(?:[^/]+/)*(?P<number>\d+)-[^/]+/README\.md$"),
        prefix="kep",
        section="Summary",
        form="markdown",
    ),
    "pep": Kind(
        repository="python/peps",
        licence="public domain or CC0-1.0-Universal (the PEP's Copyright section)",
        paths=re.compile(r"^(?:peps/)?pep-(?P<number>\d+)\.(?:rst|txt)$"),
        prefix="pep",
        section="Abstract",
        form="rst",
        licensed=re.compile(r"public domain|CC0", re.IGNORECASE),
    ),
    "swift": Kind(
        repository="apple/swift-evolution",
        licence="Apache-2.0 with the Swift Runtime Library Exception",
        paths=re.compile(r"^proposals/(?P<number>\d+)-[^/]+\.md$"),
        prefix="se",
        section="Introduction",
        form="markdown",
    ),
}


# --- build -------------------------------------------------------------------------------


def _git(directory: Path, *arguments: str, given: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={directory}", *arguments], input=given, capture_output=True, check=True
    ).stdout


def source_files(root: Path, paths: re.Pattern[str]) -> tuple[str, list[tuple[str, str]]]:
    """The revision read (a commit, or "folder") and the ``(path, text)`` of each file whose path matches.

    ``root`` is a bare git directory (its ``HEAD`` is read) or a folder.
    """
    if (root / "HEAD").is_file() and (root / "objects").is_dir():
        commit = _git(root, "rev-parse", "HEAD").decode().strip()
        listing = _git(root, "ls-tree", "-r", "-z", "HEAD").decode("utf-8").split("\0")
        wanted: list[tuple[str, str]] = []
        for entry in filter(None, listing):
            mode_type_id, path = entry.split("\t", 1)
            _, kind, blob = mode_type_id.split()
            if kind == "blob" and paths.match(path):
                wanted.append((path, blob))
        data = _git(root, "cat-file", "--batch", given="".join(f"{blob}\n" for _, blob in wanted).encode())
        found: list[tuple[str, str]] = []
        position = 0
        for path, _ in wanted:
            header_end = data.index(b"\n", position)
            size = int(data[position:header_end].split()[2])
            content = data[header_end + 1 : header_end + 1 + size]
            position = header_end + 1 + size + 1
            found.append((path, content.decode("utf-8", errors="replace")))
        return commit, found
    files = sorted(path for path in root.rglob("*") if path.is_file())
    chosen = [(path.relative_to(root).as_posix(), path) for path in files]
    return "folder", [
        (name, path.read_text(encoding="utf-8", errors="replace")) for name, path in chosen if paths.match(name)
    ]


def _name(heading: str) -> str:
    """A heading as compared with a section's name: its words, lower-cased."""
    return " ".join(re.findall(r"[^\W_]+", heading)).casefold()


def markdown_section(lines: Sequence[str], section: str) -> tuple[int, int] | None:
    """The lines ``[start, end)`` of the first Markdown section named ``section``, heading included."""
    tokens = _markdown_tokens(lines)
    headings = [
        (int(token.tag[1:]), token.map[0], _name(tokens[number + 1].content))
        for number, token in enumerate(tokens)
        if token.type == "heading_open" and token.map is not None
    ]
    return _span(headings, section, len(lines))


def _markdown_tokens(lines: Sequence[str]) -> list[Token]:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").parse("\n".join(lines))


def link_labels(lines: Sequence[str], span: tuple[int, int]) -> frozenset[str]:
    """The texts of the paragraphs of a Markdown section that are links with a label of at most three words.

    Such as "Swift-evolution thread: [Pitch](https://...)" or "[Review #1](...),":
    they name where a proposal was discussed, and are left out of its reference.
    The texts are as the reader writes them, whitespace folded.
    """
    found = set()
    tokens = _markdown_tokens(lines)
    for before, token in pairwise(tokens):
        if before.type != "paragraph_open" or token.map is None or not span[0] <= token.map[0] < span[1]:
            continue
        depth = links = 0
        shown: list[str] = []
        outside: list[str] = []
        for child in token.children or []:
            if child.type == "link_open":
                depth += 1
                links += 1
            elif child.type == "link_close":
                depth -= 1
            elif child.type in ("text", "code_inline"):
                shown.append(child.content)
                if not depth:
                    outside.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                shown.append(" ")
        if links and len(_name(" ".join(outside)).split()) <= 3:
            found.add(" ".join("".join(shown).split()))
    return frozenset(found)


def rst_section(lines: Sequence[str], section: str) -> tuple[int, int] | None:
    """The lines ``[start, end)`` of the first reST section titled ``section``, title (and its adornment) included."""
    styles: list[tuple[str, bool]] = []  # the adornments in order of first use: their levels
    headings: list[tuple[int, int, str]] = []
    number = 0
    while number + 1 < len(lines):
        line, below = lines[number], lines[number + 1]
        above_blank = number == 0 or not lines[number - 1].strip()
        overline = _ADORNMENT.match(line)
        if (
            overline
            and number + 2 < len(lines)
            and below.strip()
            and lines[number + 2].rstrip() == line.rstrip()
            and above_blank
        ):
            style, title, size = (line.strip()[0], True), below, 3
        elif (
            above_blank
            and line.strip()
            and not line[0].isspace()
            and not overline
            and _ADORNMENT.match(below)
            and len(below.rstrip()) >= min(len(line.rstrip()), 4)
        ):
            style, title, size = (below.strip()[0], False), line, 2
        else:
            number += 1
            continue
        if style not in styles:
            styles.append(style)
        headings.append((styles.index(style) + 1, number, _name(title)))
        number += size
    return _span(headings, section, len(lines))


def _span(headings: Sequence[tuple[int, int, str]], section: str, size: int) -> tuple[int, int] | None:
    """From ``(level, line, name)`` of every heading, the lines of the section named ``section``."""
    wanted = _name(section)
    for position, (level, start, name) in enumerate(headings):
        if name == wanted:
            after = [line for other, line, _ in headings[position + 1 :] if other <= level]
            return start, after[0] if after else size
    return None


def reference(document: Document, section: str, *, left_out: frozenset[str] = frozenset()) -> list[str]:
    """The sentences of the section named ``section`` of a document read with its structure, one a line.

    Only prose blocks count, less those whose text (whitespace folded) is in ``left_out``.
    """
    text, blocks = document.text, document.blocks or ()
    start = next(
        (
            number
            for number, block in enumerate(blocks)
            if block.kind in ("heading", "title") and _name(text[block.start : block.end]) == _name(section)
        ),
        None,
    )
    if start is None:
        return []
    lines: list[str] = []
    for block in blocks[start + 1 :]:
        if block.kind in ("heading", "title") and block.level <= blocks[start].level:
            break
        prose = text[block.start : block.end]
        if block.kind not in REFERENCE_KINDS or " ".join(prose.split()) in left_out:
            continue
        lines.extend(" ".join(sentence.text.split()) for sentence in summarize.split_sentences(prose))
    return lines


def is_sentence(line: str) -> bool:
    return len(line.split()) >= 4 and bool(_SENTENCE_END.search(line))


def read(text: str, form: str, name: str) -> Document:
    """A record's text read with its structure, as ``summarize FILE`` reads a file of that format."""
    return summarize.read_document(io.BytesIO(text.encode("utf-8")), name=name, input_format=form)


def build_record(path: str, source: str, kind: Kind, revision: str) -> dict[str, str] | None:
    """The record of one document, or None when it is dropped (see the module's docstring)."""
    match = kind.paths.match(path)
    if match is None or (kind.licensed and not kind.licensed.search(source)):
        return None
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    span = (markdown_section if kind.form == "markdown" else rst_section)(lines, kind.section)
    if span is None:
        return None
    left_out = link_labels(lines, span) if kind.form == "markdown" else frozenset()
    summary = reference(read("\n".join(lines), kind.form, path), kind.section, left_out=left_out)
    if not any(is_sentence(line) for line in summary):
        return None
    text = "\n".join(lines[: span[0]] + lines[span[1] :])
    if len(summarize.split_sentences(text)) < FEWEST_SENTENCES:
        return None
    return {
        "id": f"{kind.prefix}-{match['number']}",
        "source": f"{kind.repository} {revision[:12]} {path}",
        "licence": kind.licence,
        "format": kind.form,
        "text": text,
        "summary": "\n".join(summary),
    }


def build(root: Path, kind: Kind, output: Path, *, most: int, skip: int) -> None:
    revision, files = source_files(root, kind.paths)
    records = [record for path, text in files if (record := build_record(path, text, kind, revision))]
    kept = sorted(records, key=lambda record: hashlib.sha256(record["source"].split()[-1].encode()).hexdigest())
    kept = sorted(kept[skip : skip + most], key=lambda record: record["source"].split()[-1])
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as out:
        for record in kept:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    sentences = sum(len(record["summary"].splitlines()) for record in kept)
    print(
        f"{kind.repository} at {revision[:12]}: {len(files)} files, {len(records)} with a usable "
        f"{kind.section} section, {len(kept)} written to {output} "
        f"({sentences / max(len(kept), 1):.2f} reference sentences a document)"
    )


# --- rouge -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Prepared:
    """A record, read once for every system: its source, its sentences, and the document read with structure."""

    text: str
    sentences: tuple[str, ...]
    document: Document
    count: int


Summariser = Callable[[Prepared, int], list[str]]


def _fold(sentences: Sequence[summarize.Sentence]) -> list[str]:
    return [" ".join(sentence.text.split()) for sentence in sentences]


def ours(ranker: str, *, structured: bool) -> Summariser:
    def summary(record: Prepared, count: int) -> list[str]:
        summarizer = summarize.Summarizer(sentences=count, ranker=ranker)
        if structured:
            return _fold(summarizer.analyze(record.document.text, blocks=record.document.blocks).summary)
        return _fold(summarizer.summarize(record.text))

    return summary


def lead(record: Prepared, count: int) -> list[str]:
    return list(record.sentences[:count])


def lead_punkt(record: Prepared, count: int) -> list[str]:
    from summarize.punkt import punkt

    spans = punkt("english").span_tokenize(record.text)[:count]
    return [" ".join(record.text[start:end].split()) for start, end in spans]


# sumy.nlp.tokenizers.Tokenizer._WORD_PATTERN: what sumy counts as a word.
_SUMY_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


class SumyWords:
    """The words of one sentence as sumy's English Tokenizer gives them, without NLTK's Punkt data."""

    def to_words(self, sentence: str) -> tuple[str, ...]:
        from nltk import word_tokenize

        return tuple(word for word in word_tokenize(sentence, preserve_line=True) if _SUMY_WORD.match(word))


def sumy(algorithm: str) -> Summariser:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = (LexRankSummarizer if algorithm == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    words = SumyWords()

    def summary(record: Prepared, count: int) -> list[str]:
        document = ObjectDocumentModel([Paragraph([Sentence(text, words) for text in record.sentences])])
        return [str(sentence) for sentence in summarizer(document, count)]

    return summary


def peer_lexrank(records: Sequence[Prepared]) -> Summariser:
    from peers import lexrank_summarizer

    summarise = lexrank_summarizer([record.text for record in records])
    return lambda record, count: summarise(record.text, count)


def peer_summa(record: Prepared, count: int) -> list[str]:
    from peers import summa_summary

    return summa_summary(record.text, count)


SYSTEMS = (
    "lead",
    "lead-punkt",
    "default-structured",
    "default-plain",
    "textrank-structured",
    "textrank-plain",
    "lead-ranker-structured",
    "sumy-lexrank",
    "sumy-textrank",
    "lexrank",
    "summa",
)
# The peers: the module each needs, and how to install it.
PEERS = {"sumy-lexrank": "sumy", "sumy-textrank": "sumy", "lexrank": "lexrank", "summa": "summa"}


def systems(names: Sequence[str], records: Sequence[Prepared]) -> dict[str, Summariser]:
    found: dict[str, Summariser] = {}
    for name in names:
        module = PEERS.get(name)
        if module is not None and importlib.util.find_spec(module) is None:
            print(f"{module} is not installed (pip install {module}): {name}'s row is left out", file=sys.stderr)
        elif name in ("lead", "lead-punkt"):
            found[name] = lead if name == "lead" else lead_punkt
        elif name.endswith(("-structured", "-plain")):
            ranker, how = name.rsplit("-", 1)
            ranker = {"default": summarize.DEFAULT_RANKER, "lead-ranker": "lead"}.get(ranker, ranker)
            found[name] = ours(ranker, structured=how == "structured")
        elif name.startswith("sumy-"):
            found[name] = sumy(name.removeprefix("sumy-"))
        elif name == "lexrank":
            found[name] = peer_lexrank(records)
        else:
            found[name] = peer_summa
    return found


def prepare(records: Sequence[dict[str, Any]]) -> list[Prepared]:
    return [
        Prepared(
            text=record["text"],
            sentences=tuple(_fold(summarize.split_sentences(record["text"]))),
            document=read(record["text"], record.get("format", "markdown"), str(record.get("id", "<record>"))),
            count=max(1, len(record["summary"].strip().splitlines())),
        )
        for record in records
    ]


def scores(
    summarise: Summariser, records: Sequence[Prepared], references: Sequence[str], *, peer: bool
) -> list[dict[str, float]]:
    """Each document's ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (x100)."""
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(list(MEASURES), use_stemmer=True)
    found = []
    for record, reference in zip(records, references, strict=True):
        try:
            chosen = summarise(record, record.count)
        except Exception:  # a peer that fails on a text gives an empty summary there
            if not peer:
                raise
            chosen = []
        result = scorer.score(reference, "\n".join(chosen))
        found.append({measure: 100 * result[measure].fmeasure for measure in MEASURES})
    return found


def rouge(path: str, *, half: str | None, names: Sequence[str]) -> None:
    raw = list(read_dataset(path, half=half))
    records = prepare(raw)
    references = [record["summary"].strip() for record in raw]
    print(f"{Path(path).name}{f', {half} half' if half else ''}: {len(records)} documents, the reference's length")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | seconds |")
    print("|---|---:|---:|---:|---:|")
    for name, summarise in systems(names, records).items():
        started = time.perf_counter()
        found = scores(summarise, records, references, peer=name in PEERS)
        seconds = time.perf_counter() - started
        means = [sum(document[measure] for document in found) / max(len(found), 1) for measure in MEASURES]
        print(f"| {name} | {means[0]:.2f} | {means[1]:.2f} | {means[2]:.2f} | {seconds:.1f} |", flush=True)


# --- sections ----------------------------------------------------------------------------


def _top_section(blocks: Sequence[Block], start: int) -> tuple[str, str]:
    """The outermost heading above the block at ``start`` (lower-cased), and the block's kind."""
    for block in blocks:
        if block.start <= start < block.end:
            return (block.trail[0].casefold() if block.trail else "(before any heading)"), block.kind
    return "(before any heading)", "paragraph"


def sections(path: str, *, half: str | None, peer: str, worst: int) -> None:
    """Where the default's sentences come from, against where the reference's nearest sentences are."""
    import numpy as np
    from rouge_score.tokenizers import DefaultTokenizer

    raw = list(read_dataset(path, half=half))
    records = prepare(raw)
    references = [record["summary"].strip() for record in raw]
    tokenizer = DefaultTokenizer(use_stemmer=True)
    chosen_from = Counter[str]()
    nearest_in = Counter[str]()
    rows: list[tuple[float, str, list[str], list[str]]] = []
    rival = systems([peer], records).get(peer)
    mine = scores(ours(summarize.DEFAULT_RANKER, structured=True), records, references, peer=False)
    theirs = scores(rival, records, references, peer=True) if rival else mine
    for record, reference, source, own, other in zip(records, references, raw, mine, theirs, strict=True):
        document = record.document
        blocks = document.blocks or ()
        analysis = summarize.Summarizer(sentences=record.count).analyze(document.text, blocks=document.blocks)
        where = [_top_section(blocks, sentence.start)[0] for sentence in analysis.summary]
        chosen_from.update(where)
        candidates = [
            (Counter(tokenizer.tokenize(sentence.text)), _top_section(blocks, sentence.start)[0])
            for sentence in analysis.sentences
            if not sentence.fragment and _top_section(blocks, sentence.start)[1] in ("paragraph", "list_item")
        ]
        nearest = []
        for line in reference.splitlines():
            words = Counter(tokenizer.tokenize(line))
            if candidates and words:
                nearest.append(max(candidates, key=lambda candidate: sum((words & candidate[0]).values()))[1])
        nearest_in.update(nearest)
        rows.append((own["rouge1"] - other["rouge1"], str(source.get("id")), where, nearest))
    print(f"{Path(path).name}{f', {half} half' if half else ''}: {len(records)} documents")
    print("| top-level section | default's sentences | nearest to a reference sentence |")
    print("|---|---:|---:|")
    for name, _ in (chosen_from + nearest_in).most_common(15):
        print(f"| {name} | {chosen_from[name]} | {nearest_in[name]} |")
    if rival is None:
        return
    print(f"\nthe {worst} documents where the default is most below {peer} (ROUGE-1 difference):")
    for difference, name, where, nearest in sorted(rows)[:worst]:
        print(f"  {difference:+6.1f} {name}: chose from {where}; nearest in {nearest}")
    differences = np.array([row[0] for row in rows])
    means = differences[np.random.default_rng(0).integers(0, len(rows), (RESAMPLES, len(rows)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    print(
        f"default minus {peer}, ROUGE-1: {differences.mean():+.2f} [{low:+.2f}, {high:+.2f}] (95% bootstrap "
        f"interval, {RESAMPLES} resamples of the documents, seed 0); above on {int((differences > 0).sum())}, "
        f"below on {int((differences < 0).sum())} of {len(rows)} documents"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("build", help="build a JSON Lines file of one kind of design document")
    making.add_argument("source", type=Path, help="a bare git directory or a folder")
    making.add_argument("--kind", choices=tuple(KINDS), required=True)
    making.add_argument("-o", "--output", type=Path, required=True)
    making.add_argument("--most", type=int, default=300, help="keep at most this many documents (default 300)")
    making.add_argument("--skip", type=int, default=0, help="pass over the first N (by hash) first (default 0)")
    scoring = commands.add_parser("rouge", help="ROUGE of summarize, LEAD and the peers on a built file")
    locating = commands.add_parser(
        "sections", help="the sections the default's sentences and the reference's come from"
    )
    for command in (scoring, locating):
        command.add_argument("dataset")
        command.add_argument("--half", choices=("odd", "even"))
    scoring.add_argument("--system", action="append", choices=SYSTEMS, help="only these (default: all)")
    locating.add_argument("--peer", choices=tuple(PEERS), default="sumy-lexrank")
    locating.add_argument("--worst", type=int, default=10)
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.source, KINDS[args.kind], args.output, most=args.most, skip=args.skip)
    elif args.command == "rouge":
        rouge(args.dataset, half=args.half, names=args.system or SYSTEMS)
    else:
        sections(args.dataset, half=args.half, peer=args.peer, worst=args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
