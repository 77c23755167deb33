"""Documents with structure (issue 21): ROUGE on Markdown design documents, and how much of a summary is not prose.

Usage::

    python benchmarks/structure.py rouge DATA_DIR/rfcs_dev.jsonl --half odd
    python benchmarks/structure.py rouge DATA_DIR/pubmed_dev.jsonl --read plain --ranker adaptive
    python benchmarks/structure.py prose FILE_OR_FOLDER... [-n 5]
    python benchmarks/structure.py speed DATA_DIR/rfcs_dev.jsonl [--megabytes 1]

``rouge``: each record's ``text`` (a Markdown file) is summarised with as many
sentences as its reference ``summary`` has (one sentence a line), read two ways:
``text`` (the Markdown source as a str, as before structure was read) and
``markdown`` (:func:`summarize.io.markdown.read_markdown`: the text a reader
sees, with its blocks), or with ``--read plain`` ``plain`` (the text with the
blocks :func:`summarize.io.plaintext.plain_blocks` finds, as a ``.txt`` file is
read: a paper's sections in capitals). ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (rouge-score, Porter
stemming), averaged, times 100, for each ranker asked for (``--ranker``,
default ``adaptive`` and ``textrank``). ``--half odd`` is the half settings are
chosen on, ``--half even`` the half they are reported on.

``prose``: every file given (folders: every file in them, recursively; by
suffix ``.md``/``.markdown``/``.rst``/``.txt``/``.html``/``.htm``/``.docx`` or none, and man pages ``.1``-``.9``
read as text) is summarised with ``-n`` sentences (default 5) as the command
line reads it (:func:`summarize.io.documents.load_document`), and each chosen
sentence is classed by :func:`not_prose`: ``heading``, ``markup``, ``code``,
``cut`` (a fragment cut at a line break), ``badge``, ``boilerplate``, or clean
prose. The share of each class is printed, for the files read as plain strings
(``--plain``: no structure, as before) or as documents (default). Nothing of the
documents is written.

``speed``: the records' Markdown texts, joined (blank line between) until the
document is ``--megabytes`` long, summarised (5 sentences) as a plain str (as a
``.md`` file was read before) and as Markdown (:func:`~summarize.io.markdown.read_markdown`
and the blocks), in turn; best of ``--repeat`` wall-clock times of each, and their ratio.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import summarize
from summarize.evaluation import read_dataset
from summarize.io.documents import load_document
from summarize.io.markdown import read_markdown
from summarize.io.plaintext import plain_blocks

_READABLE = frozenset(
    {".md", ".markdown", ".rst", ".txt", ".html", ".htm", ".docx", ""} | {f".{n}" for n in range(1, 10)}
)

_BADGE = re.compile(r"!\[|\.svg\b|shields\.io|\bbadge", re.IGNORECASE)
_MARKUP = re.compile(
    r"\*\*|__\w|\]\(|^\s*[-*+]\s|^\s*\.\. \w|^\s*:\w+:|^\s*\||\s\|\s.*\s\|\s|^\s*#{1,6}\s"
    r"|^[=\-~]{3,}|^\s*(?:!!!|\?\?\?|:::)\s|::\s*$",
    re.MULTILINE,
)
# An HTML tag: an end tag, a tag with attributes or self-closed, or a common element's start tag.
# A word in angle brackets is also how manuals write a placeholder (git's <commit>) and how
# Rust and Java write a type's parameters (Vec<T>): that is the text a reader sees, not markup.
# (A one-letter element in lower case only: Option<A> and Box<U> are types.)
_TAG = re.compile(
    r"</[a-zA-Z][\w-]*\s*>|<[a-zA-Z][\w-]*\s+[\w-]+=|<[a-zA-Z][\w-]*\s*/>|<(?:[abipu]|(?i:br|hr|div|span|img|em"
    r"|strong|li|ul|ol|table|tr|td|th|pre|code|sup|sub|h[1-6]|html|head|body|script|style|iframe|blockquote|dl|dt|dd"
    r"|kbd|center|font|section|nav|header|footer|details|summary))>"
)
# A quotation in the GNU style, `like this', as old manuals write it (a backtick that is no markup).
_GNU_QUOTE = re.compile(r"`[^`'\n]+'")
_CODE = re.compile(
    r"[{};]\s*$|^\s*(?:\$ |>>>|def |class |import |from \S+ import|fn |let |pub |const |var |#include|@\w)"
    r"|^\S+\([^)]*\)\s*[;{]?$|\s(?:=|==|=>|&&|\|\|)\s"
)
# A command's synopsis: a command (and its subcommands) and two or more optional parts or choices.
_SYNOPSIS = re.compile(r"^'?[\w.@-]+'?(?:\s+[\w-]+){0,2}\s+[\[{](?=.*[\[{])")
# A copyright notice ("Copyright (c) 2007", "© 2020", "All rights reserved."), not a licence's
# defined term ("Copyright Holder" means ...) nor a clause that quotes a notice.
_BOILERPLATE = re.compile(
    r"^\W*(?:copyright\s*(?:\(c\)|©|\d)|\(c\)|©|all rights reserved)|spdx-license-identifier", re.IGNORECASE
)
_TERMINAL = re.compile(r"[.!?:…][\"'”’»)\]]*$")
# Words that start the rest of a sentence cut at a line break, not a sentence.
_CONTINUING = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "so",
        "than",
        "that",
        "the",
        "to",
        "which",
        "who",
        "whom",
        "whose",
        "with",
        "without",
    )
)
_NUMBERED_HEADING = re.compile(r"^(?:\d+\.)+\d*\s+\S+(?:\s+\S+){0,4}\.?$")
_PART_HEADING = re.compile(r"^(?:chapter|section|part|appendix)\s+(?:\d+|[IVXLC]+|[A-Z])\b\.?$", re.IGNORECASE)


def not_prose(text: str) -> str | None:
    """The class of a chosen sentence that is not clean prose, or None for clean prose.

    In order: ``badge`` (an image or a badge's link), ``boilerplate`` (a copyright
    line), ``markup`` (Markdown, reST, AsciiDoc or HTML syntax, a table row, an
    admonition's or a directive's mark; not a word in angle brackets, as a placeholder
    or a type's parameter, ``Vec<T>``), ``code`` (a command's synopsis too),
    ``heading`` (a numbered heading of at most six words, ``Chapter 1.``, or a line
    in capitals of at most twelve words), ``cut`` (no sentence-ending punctuation, or a start in lower
    case: a piece of a sentence cut at a line break).

    Examples
    --------
    >>> not_prose("The tool reads Markdown files.") is None
    True
    >>> [not_prose(t) for t in ("[![ci](https://x/b.svg)](https://x)", "1. Definitions.", "Copyright (C) 2007 FSF.")]
    ['badge', 'heading', 'boilerplate']
    >>> [not_prose(t) for t in ("of the Software, and to permit persons", "x = compute(y)")]
    ['cut', 'code']
    """
    stripped = " ".join(text.split())
    if _BADGE.search(stripped):
        return "badge"
    if _BOILERPLATE.search(stripped):
        return "boilerplate"
    if _MARKUP.search(text) or _TAG.search(text) or "`" in _GNU_QUOTE.sub("", text):
        return "markup"
    if _CODE.search(stripped) or _SYNOPSIS.search(stripped):
        return "code"
    words = stripped.split()
    letters = [character for character in stripped if character.isalpha()]
    if (_NUMBERED_HEADING.match(stripped) and len(words) <= 6) or _PART_HEADING.match(stripped):
        return "heading"
    if letters and all(character.isupper() for character in letters) and len(words) <= 12:
        return "heading"
    if not _TERMINAL.search(stripped) or words[0] in _CONTINUING:
        return "cut"
    return None


def rouge(path: str, *, half: str | None, rankers: Sequence[str], limit: int | None, read: str = "markdown") -> None:
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    records = list(read_dataset(path, half=half, limit=limit))
    for mode in ("text", read):
        for ranker in rankers:
            totals = Counter[str]()
            started = time.perf_counter()
            for record in records:
                reference = record["summary"].strip()
                count = max(1, len(reference.splitlines()))
                summarizer = summarize.Summarizer(sentences=count, ranker=ranker)
                if mode == "text":
                    summary = summarizer.summarize(record["text"])
                elif mode == "markdown":
                    document = read_markdown(record["text"])
                    summary = summarizer.analyze(document.text, blocks=document.blocks).summary
                else:
                    summary = summarizer.analyze(record["text"], blocks=plain_blocks(record["text"])).summary
                candidate = "\n".join(" ".join(sentence.text.split()) for sentence in summary)
                for measure, score in scorer.score(reference, candidate).items():
                    totals[measure] += score.fmeasure
            seconds = time.perf_counter() - started
            figures = " / ".join(f"{100 * totals[m] / len(records):.2f}" for m in ("rouge1", "rouge2", "rougeLsum"))
            print(f"{mode:<9} {ranker:<9} {len(records)} documents  R1/R2/RLsum {figures}  ({seconds:.1f} s)")


def files(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _READABLE)
        else:
            yield path


def prose(paths: Sequence[str], *, sentences: int, plain: bool) -> None:
    classes = Counter[str]()
    chosen = 0
    documents = 0
    summarizer = summarize.Summarizer(sentences=sentences)
    for path in files(paths):
        try:
            document = load_document(path, input_format="text" if plain else "auto", encoding="utf-8")
        except summarize.SummarizeError:
            continue
        if not document.text.strip():
            continue
        blocks = None if plain else document.blocks
        summary = summarizer.analyze(document.text, blocks=blocks).summary
        documents += 1
        for sentence in summary:
            chosen += 1
            classes[not_prose(sentence.text) or "prose"] += 1
    print(f"{documents} documents, {chosen} sentences chosen ({'plain strings' if plain else 'read with structure'})")
    for name in ("prose", "heading", "markup", "code", "cut", "badge", "boilerplate"):
        print(f"  {name:<12} {classes[name]:>5}  {100 * classes[name] / max(chosen, 1):5.1f}%")
    print(f"  not prose    {chosen - classes['prose']:>5}  {100 * (chosen - classes['prose']) / max(chosen, 1):5.1f}%")


def speed(path: str, *, megabytes: float, repeat: int) -> None:
    parts: list[str] = []
    size = 0
    records = list(read_dataset(path))
    while size < megabytes * 1_000_000:
        text = records[len(parts) % len(records)]["text"]
        parts.append(text)
        size += len(text) + 2
    source = "\n\n".join(parts)
    summarizer = summarize.Summarizer(sentences=5)
    summarizer.summarize("A warm up. It loads the splitter. And the stemmer.")
    read_markdown("# Warm up\n\nIt imports markdown-it-py.")
    times = {"text": float("inf"), "markdown": float("inf")}
    for _ in range(repeat):  # the two in turn, so that a busy moment of the machine falls on both
        for mode in times:
            started = time.perf_counter()
            if mode == "text":
                summarizer.summarize(source)
            else:
                document = read_markdown(source)
                summarizer.analyze(document.text, blocks=document.blocks)
            times[mode] = min(times[mode], time.perf_counter() - started)
    for mode, best in times.items():
        print(f"{mode:<9} {len(source) / 1e6:.2f} MB  {best:.2f} s")
    print(f"markdown / text: {times['markdown'] / times['text']:.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    scores = commands.add_parser("rouge", help="ROUGE on a JSON Lines file of Markdown documents")
    scores.add_argument("dataset")
    scores.add_argument("--half", choices=("odd", "even"))
    scores.add_argument("--limit", type=int)
    scores.add_argument("--ranker", action="append", choices=tuple(summarize.RANKERS))
    scores.add_argument("--read", choices=("markdown", "plain"), default="markdown")
    share = commands.add_parser("prose", help="the share of chosen sentences that are not clean prose")
    share.add_argument("paths", nargs="+")
    share.add_argument("-n", "--sentences", type=int, default=5)
    share.add_argument("--plain", action="store_true", help="read every file as a plain str, without structure")
    timing = commands.add_parser("speed", help="time a long Markdown document, as a str and as Markdown")
    timing.add_argument("dataset")
    timing.add_argument("--megabytes", type=float, default=1.0)
    timing.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "speed":
        speed(args.dataset, megabytes=args.megabytes, repeat=args.repeat)
    elif args.command == "rouge":
        rouge(
            args.dataset,
            half=args.half,
            rankers=args.ranker or ["adaptive", "textrank"],
            limit=args.limit,
            read=args.read,
        )
    else:
        prose(args.paths, sentences=args.sentences, plain=args.plain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
