"""Document structure: blocks with a kind, a heading level and a section, and what the pipeline does with them.

A reader that knows a format's structure (:mod:`summarize.io.markdown`,
:mod:`summarize.io.plaintext`) gives the text the user sees and its blocks, in
the shape of markdown-it-py's flat token stream: one :class:`Block` per paragraph,
list item, heading, code block, table, ..., each with character offsets into that
text and the trail of headings of the section it is in. Blocks are in text order
and never overlap; text outside every block (blank lines, the underline of a
heading, a rule) is no sentence.

The pipeline (:func:`summarize.analysis.analyze_group`) uses the blocks in three places:

- **Sentences** (:func:`split_blocks`): each block is split on its own, so no
  sentence crosses a block. Only the sentences of prose blocks (:data:`PROSE_KINDS`)
  that are sentences (not fragments) are candidates; a heading, a code block, a
  table, boilerplate is one fragment each, kept with its offsets, never chosen.
- **Headings count** (:func:`heading_similarity`): a sentence's similarity to the
  words of its heading trail (and the title) raises its share of PageRank's restart,
  since a section's heading says what it is about.
- **Position follows structure** (:func:`section_prior`): a document with headings
  is not news, so the news lead (the ranker's position strength) is set aside and
  PageRank restarts by position within each top-level section (a heading with an
  empty trail starts one), as HipoRank (Dong et al. 2021) weighs a sentence by its
  distance to its section's start. A document without
  headings is read as today, news lead included.

A plain ``str`` has no blocks: its summary is exactly what it was before blocks existed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

import summarize.sentences as sentence_rules
from summarize._validation import abbreviated, fail
from summarize.blocks import BLOCK_KINDS, PROSE_KINDS, Block, blocks_of
from summarize.errors import TooManySentencesError
from summarize.sentences import ends_sentence, split_sentences_unchecked
from summarize.types import ScoredSentence, Sentence
from summarize.unspaced import stripped

__all__ = [
    "BLOCK_KINDS",
    "PROSE_KINDS",
    "Block",
    "blocks_of",
    "check_blocks",
    "heading_similarity",
    "is_structured",
    "section_prior",
    "sections",
    "split_blocks",
    "structure_prior",
    "top_sections",
]


#: A sentence's teleport weight is multiplied by 1 + this times its cosine with its heading trail.
HEADING_WEIGHT = 0.5

#: In a document with headings, the k-th sentence of a section (from 0) has teleport weight (k + 1) ** -this...
SECTION_EXPONENT = 1.0

#: ...or, if more, this times (m + 1) ** -SECTION_EXPONENT for the m-th from its section's end (from 0):
#: a section's closing sentences conclude it (HipoRank's boundary function).
SECTION_END_WEIGHT = 0.5

#: ...times (s + 1) ** -this for the s-th section (from 0): the document's opening sections say most.
SECTIONS_EXPONENT = 0.5


def check_blocks(name: str, blocks: object, text: str) -> tuple[Block, ...]:
    """The blocks, if ``blocks`` is a sequence of :class:`Block` in text order, not overlapping, inside ``text``."""
    allowed = f"a sequence of Block in text order, not overlapping, with offsets in [0, {len(text)}]"
    if isinstance(blocks, str) or not isinstance(blocks, Sequence):
        raise fail(name, allowed, abbreviated(blocks))
    end = 0
    for number, block in enumerate(blocks):
        if not isinstance(block, Block):
            raise fail(f"{name}[{number}]", "a Block", abbreviated(block))
        if block.kind not in BLOCK_KINDS:
            raise fail(f"{name}[{number}].kind", f"one of {', '.join(map(repr, BLOCK_KINDS))}", block.kind)
        if not end <= block.start <= block.end <= len(text):
            raise fail(name, allowed, f"block {number} at {block.start}:{block.end}")
        end = block.end
    return tuple(blocks)


def is_structured(blocks: Sequence[Block] | None) -> bool:
    """Whether a document has structure that sets the news lead aside: a heading (or a title and more).

    Examples
    --------
    >>> from summarize.structure import Block, is_structured
    >>> is_structured([Block(kind="paragraph", start=0, end=5)]), is_structured(None)
    (False, False)
    >>> is_structured([Block(kind="heading", start=0, end=5, level=1), Block(kind="paragraph", start=7, end=9)])
    True
    """
    return blocks is not None and any(block.kind == "heading" for block in blocks)


@dataclass(frozen=True)
class Placed:
    """The sentences of one document split block by block, each with its block's number (-1 for none)."""

    sentences: tuple[Sentence, ...]
    block: npt.NDArray[np.int64]


def split_blocks(text: str, blocks: Sequence[Block], language: str, *, most: int | None = None) -> Placed:
    """The sentences of a document with blocks: prose blocks split into sentences, every other block one fragment.

    No sentence crosses a block. Inside a prose block, a line break is read by the
    sentence splitter's line rules, as in a plain string: hard-wrapped lines are
    rejoined, and lines that stand alone (one sentence a line) stay apart. The
    sentences' texts and offsets are the text's own. Sentences of prose blocks keep
    the splitter's fragment flag (a list item without sentence-ending punctuation,
    such as ``Start Date: 2014-03-11``, is a fragment). Offsets are into ``text``;
    indices run over the document. At most ``most`` sentences, fragments included
    (default: :data:`~summarize.sentences.MAX_SENTENCES`), as
    :func:`~summarize.sentences.split_sentences_unchecked` counts them.

    The prose blocks are split in one call, joined by blank lines (which always
    end a sentence, and after which the splitter starts afresh): the same sentences
    as block by block, without the cost of a call for each block.

    Examples
    --------
    >>> from summarize.structure import Block, split_blocks
    >>> text = "Usage\\n\\nRun it. Then stop."
    >>> blocks = [Block(kind="heading", start=0, end=5, level=1),
    ...           Block(kind="paragraph", start=7, end=25, trail=("Usage",))]
    >>> placed = split_blocks(text, blocks, "english")
    >>> [(s.text, s.fragment) for s in placed.sentences], placed.block.tolist()
    ([('Usage', True), ('Run it.', False), ('Then stop.', False)], [0, 1, 1])
    """
    limit = sentence_rules.MAX_SENTENCES if most is None else most
    prose = [number for number, block in enumerate(blocks) if block.kind in PROSE_KINDS]
    # Each prose block's place in the joined text, and the shift from there to its place in ``text``.
    places: list[int] = []
    shifts: dict[int, int] = {}
    parts: list[str] = []
    length = 0
    for number in prose:
        block = blocks[number]
        places.append(length)
        shifts[number] = block.start - length
        parts.append(text[block.start : block.end])
        length += block.end - block.start + 2
    pieces = split_sentences_unchecked("\n\n".join(parts), language, most=limit) if parts else ()
    found: dict[int, list[Sentence]] = {}
    for piece in pieces:
        owner = prose[bisect_right(places, piece.start) - 1]
        found.setdefault(owner, []).append(piece)
    sentences: list[Sentence] = []
    owners: list[int] = []
    for number, block in enumerate(blocks):
        if block.kind in PROSE_KINDS:
            shift = shifts[number]
            for piece in found.get(number, ()):
                start, end = piece.start + shift, piece.end + shift
                # A list item's sentence that does not end as one is a label or a definition ("size: disk space").
                fragment = piece.fragment or (block.kind == "list_item" and not ends_sentence(piece.text))
                sentences.append(
                    Sentence(index=len(sentences), text=piece.text, start=start, end=end, fragment=fragment)
                )
                owners.append(number)
            continue
        start, end = stripped(text, block.start, block.end)
        if end > start:
            if len(sentences) >= limit:
                raise TooManySentencesError(limit, len(text))
            sentences.append(Sentence(index=len(sentences), text=text[start:end], start=start, end=end, fragment=True))
            owners.append(number)
    return Placed(tuple(sentences), np.array(owners, dtype=np.int64))


def section_prior(sections: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Teleport weights by distance to section boundaries and by the section's place, for candidates in text order.

    The k-th candidate of the s-th section that has any, m-th from that section's
    end (all from 0), weighs :math:`\\max((k + 1)^{-a}, e (m + 1)^{-a}) (s + 1)^{-b}`,
    with :math:`a` = :data:`SECTION_EXPONENT`, :math:`e` = :data:`SECTION_END_WEIGHT`
    and :math:`b` = :data:`SECTIONS_EXPONENT`: a section's opening says what it is
    about and its closing concludes it, as the boundary distance of HipoRank [1]_,
    and the document's first sections weigh more.

    References
    ----------
    .. [1] Dong, Y., Mircea, A. and Cheung, J. C. K. (2021). Discourse-aware
       unsupervised summarization for long scientific documents. Proceedings of
       EACL 2021, 1089-1102.

    Examples
    --------
    >>> import numpy as np
    >>> from summarize.structure import section_prior
    >>> section_prior(np.array([0, 0, 0, 0, 3, 3])).round(2).tolist()
    [1.0, 0.5, 0.33, 0.5, 0.71, 0.35]
    """
    if len(sections) == 0:
        return np.zeros(0)
    starts = np.flatnonzero(np.diff(sections, prepend=-1))
    order = np.cumsum(np.diff(sections, prepend=-1) != 0) - 1
    within = np.arange(len(sections)) - starts[order]
    ends = np.append(starts[1:], len(sections))
    before_end = ends[order] - 1 - np.arange(len(sections))
    boundary = np.maximum(
        (within + 1.0) ** -SECTION_EXPONENT, SECTION_END_WEIGHT * (before_end + 1.0) ** -SECTION_EXPONENT
    )
    weights = boundary * (order + 1.0) ** -SECTIONS_EXPONENT
    return np.asarray(weights, dtype=np.float64)


def heading_similarity(terms: Sequence[Sequence[str]], trails: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """The cosine of each sentence's term set with its heading trail's (the terms of every heading above it).

    Examples
    --------
    >>> from summarize.structure import heading_similarity
    >>> heading_similarity([["cach", "speed"], ["licens"]], [["cach"], ["cach"]]).round(3).tolist()
    [0.707, 0.0]
    """
    scores = np.zeros(len(terms))
    for position, (own, trail) in enumerate(zip(terms, trails, strict=True)):
        mine, wanted = frozenset(own), frozenset(trail)
        shared = len(mine & wanted)
        if shared:
            scores[position] = shared / float(np.sqrt(len(mine) * len(wanted)))
    return scores


def heading_prior(prior: npt.NDArray[np.float64], similarity: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The teleport weights raised by the similarity to the headings: :math:`p_i (1 + h\\,c_i)`.

    :math:`h` is :data:`HEADING_WEIGHT` and :math:`c_i` the cosine of :func:`heading_similarity`.
    """
    return np.asarray(prior * (1.0 + HEADING_WEIGHT * similarity), dtype=np.float64)


def structure_prior(
    *,
    lead: bool,
    owner: npt.NDArray[np.int64],
    place: npt.NDArray[np.int64],
    blocks: Sequence[tuple[Block, ...] | None],
    texts: Sequence[str],
    terms: Sequence[Sequence[str]],
    trail_terms: Callable[[int, str], list[str]],
) -> npt.NDArray[np.float64]:
    """PageRank's restart for candidates of documents with headings: by position in sections, raised by headings.

    ``owner`` and ``place`` give each candidate's document and its block in that
    document (-1: none), ``terms`` its terms, and ``trail_terms(candidate, words)``
    the terms of words read in that candidate's language. A ranker that counts the
    news lead (``lead``) restarts by :func:`section_prior` in each document; the
    others uniformly. Each candidate's weight is then raised by its similarity to its
    heading trail and its document's title (:func:`heading_prior`).
    """
    sections = np.zeros(len(owner), dtype=np.int64)
    trails: list[list[str]] = []
    cache: dict[tuple[int, tuple[str, ...]], list[str]] = {}
    # For each document with blocks: its titles, and the number of top-level headings before each block.
    titles = [
        () if own is None else tuple(texts[number][b.start : b.end] for b in own if b.kind == "title")
        for number, own in enumerate(blocks)
    ]
    before = [
        None if own is None else np.cumsum([0] + [block.kind == "heading" and not block.trail for block in own[:-1]])
        for own in blocks
    ]
    for position, (number, block_number) in enumerate(zip(owner.tolist(), place.tolist(), strict=True)):
        own, counts = blocks[number], before[number]
        if own is None or counts is None or block_number < 0:
            trails.append([])
            continue
        sections[position] = int(counts[block_number])
        words = titles[number] + own[block_number].trail
        key = (number, words)
        if key not in cache:
            cache[key] = trail_terms(position, " ".join(words))
        trails.append(cache[key])
    if lead:
        parts = [section_prior(sections[owner == number]) for number in range(len(blocks))]
        prior = np.concatenate(parts) if parts else np.zeros(0)
    else:
        prior = np.ones(len(owner))
    return heading_prior(prior, heading_similarity(terms, trails))


def top_sections(text: str, blocks: Sequence[Block] | None) -> list[tuple[int, str]]:
    """For each block, its top-level section: its number (0 before the first heading) and its name ("" there).

    Two sections with the same heading are two sections.

    Examples
    --------
    >>> from summarize.structure import Block, top_sections
    >>> text = "Notes\\n\\nA.\\n\\nNotes\\n\\nB."
    >>> blocks = [Block(kind="heading", start=0, end=5, level=1), Block(kind="paragraph", start=7, end=9),
    ...           Block(kind="heading", start=11, end=16, level=1), Block(kind="paragraph", start=18, end=20)]
    >>> top_sections(text, blocks)
    [(1, 'Notes'), (1, 'Notes'), (2, 'Notes'), (2, 'Notes')]
    """
    found: list[tuple[int, str]] = []
    number, current = 0, ""
    for block in blocks or ():
        if block.kind == "heading" and not block.trail:
            number, current = number + 1, " ".join(text[block.start : block.end].split())
        found.append((0, "") if block.kind == "title" else (number, current))
    return found


def sections(
    text: str,
    blocks: Sequence[Block] | None,
    placement: npt.NDArray[np.int64] | None,
    pool: Sequence[ScoredSentence],
    count: int,
) -> list[tuple[str, tuple[ScoredSentence, ...]]]:
    """The best ``count`` sentences of ``pool`` in each top-level section, sections in document order.

    ``placement`` gives each sentence's block (-1: none); sentences outside any
    block, or a text without blocks, make the section ``""``.
    """
    tops = top_sections(text, blocks)
    parts: dict[tuple[int, str], list[ScoredSentence]] = {}
    for sentence in sorted(pool, key=lambda sentence: sentence.rank):
        number = int(placement[sentence.index]) if placement is not None else -1
        part = parts.setdefault(tops[number] if number >= 0 else (0, ""), [])
        if len(part) < count:
            part.append(sentence)
    return [(name, tuple(sorted(part, key=lambda s: s.index))) for (_, name), part in sorted(parts.items())]
