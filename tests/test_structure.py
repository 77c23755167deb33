"""The document model: blocks, what the pipeline chooses from them, and how structure weighs."""

import numpy as np
import pytest

from summarize import InvalidParameterError, Summarizer
from summarize.structure import Block, check_blocks, section_prior, split_blocks

# A small manual: a heading, a badge line read as metadata, prose, a code block, a list.
MANUAL = (
    "Sprockets\n\n"
    "Sprockets turn gears into motion. The sprocket library models them.\n\n"
    "Install\n\n"
    "pip install sprockets\n\n"
    "Install the library with pip. Sprockets need Python 3.10 or later.\n\n"
    "Use\n\n"
    "Call turn() to turn a sprocket. Each turn moves the gears once."
)


def manual_blocks() -> tuple[Block, ...]:
    spans = []
    start = 0
    for part in MANUAL.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    kinds = ["title", "paragraph", "heading", "code", "paragraph", "heading", "paragraph"]
    trails = [(), (), (), ("Install",), ("Install",), (), ("Use",)]
    return tuple(
        Block(kind=kind, start=s, end=e, level=1 if kind in ("title", "heading") else 0, trail=trail)
        for kind, (s, e), trail in zip(kinds, spans, trails, strict=True)
    )


def test_only_prose_is_chosen_and_everything_keeps_its_offsets() -> None:
    analysis = Summarizer(ratio=1.0).analyze(MANUAL, blocks=manual_blocks())
    chosen = {sentence.text for sentence in analysis.summary}
    assert "pip install sprockets" not in chosen
    assert not chosen & {"Sprockets", "Install", "Use"}
    assert len(analysis.summary) == 6  # every prose sentence, nothing else
    for sentence in analysis.sentences:
        assert MANUAL[sentence.start : sentence.end] == sentence.text
    code = next(s for s in analysis.sentences if s.text == "pip install sprockets")
    assert code.fragment
    assert code.score == 0


def test_block_of_names_kind_and_section() -> None:
    analysis = Summarizer(ratio=1.0).analyze(MANUAL, blocks=manual_blocks())
    places = {s.text: analysis.block_of(s) for s in analysis.sentences}
    assert places["Call turn() to turn a sprocket."].trail == ("Use",)
    assert places["pip install sprockets"].kind == "code"
    assert Summarizer().analyze(MANUAL).block_of(analysis.sentences[0]) is None


def test_without_blocks_the_text_alone_is_read() -> None:
    plain = Summarizer(sentences=2).analyze(MANUAL)
    none = Summarizer(sentences=2).analyze(MANUAL, blocks=None)
    assert plain.sentences == none.sentences
    assert plain.summary == none.summary


def test_blocks_without_headings_keep_the_news_lead() -> None:
    """A document whose blocks are paragraphs alone is news-like: ranked as the text alone."""
    text = "The council met on Monday. It approved a park.\n\nResidents asked for it. The park opens soon."
    blocks = (Block(kind="paragraph", start=0, end=46), Block(kind="paragraph", start=48, end=len(text)))
    with_blocks = Summarizer(sentences=2).analyze(text, blocks=blocks)
    without = Summarizer(sentences=2).analyze(text)
    assert [s.text for s in with_blocks.summary] == [s.text for s in without.summary]
    assert [s.score for s in with_blocks.sentences] == pytest.approx([s.score for s in without.sentences])


def test_several_documents_with_blocks() -> None:
    analysis = Summarizer(sentences=2).analyze_documents(
        [MANUAL, "Gears mesh with sprockets. Gears turn."], ids=["manual", "note"], blocks=[manual_blocks(), None]
    )
    for sentence in analysis.sentences:
        block = analysis.block_of(sentence)
        assert (block is None) == (sentence.document == "note")
    assert all(analysis.block_of(s) is None or analysis.block_of(s).kind == "paragraph" for s in analysis.summary)


def test_split_blocks_joins_wrapped_lines_and_keeps_offsets() -> None:
    text = "Intro\n\nThe library reads text that was\nwrapped at the margin. It works."
    blocks = [Block(kind="heading", start=0, end=5, level=1), Block(kind="paragraph", start=7, end=len(text))]
    placed = split_blocks(text, blocks, "english")
    assert [s.text for s in placed.sentences] == [
        "Intro",
        "The library reads text that was\nwrapped at the margin.",
        "It works.",
    ]
    assert all(text[s.start : s.end] == s.text for s in placed.sentences)
    assert placed.block.tolist() == [0, 1, 1]


@pytest.mark.parametrize(
    ("blocks", "message"),
    [
        ("paragraph", r"'blocks' parameter"),
        ([("paragraph", 0, 4)], r"'blocks\[0\]' parameter must be a Block"),
        ([Block(kind="poem", start=0, end=4)], r"'blocks\[0\]\.kind' parameter"),
        ([Block(kind="paragraph", start=0, end=400)], r"offsets in \[0, \d+\]"),
        ([Block(kind="paragraph", start=5, end=9), Block(kind="paragraph", start=0, end=4)], "not overlapping"),
    ],
)
def test_bad_blocks(blocks: object, message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        Summarizer().analyze(MANUAL, blocks=blocks)  # type: ignore[arg-type]


def test_check_blocks_accepts_empty_and_adjacent() -> None:
    assert check_blocks("blocks", [], "abc") == ()
    adjacent = [Block(kind="paragraph", start=0, end=1), Block(kind="paragraph", start=1, end=3)]
    assert len(check_blocks("blocks", adjacent, "abc")) == 2


def test_bad_blocks_for_several_documents() -> None:
    with pytest.raises(
        InvalidParameterError, match=r"'blocks' parameter must be None or a sequence of 2 \(one per document\)"
    ):
        Summarizer().analyze_documents(["One.", "Two."], blocks=[None])


def test_section_prior_restarts_at_each_section_and_rises_at_its_end() -> None:
    prior = section_prior(np.array([0, 0, 2, 2, 2, 2, 2]))
    assert prior[0] > prior[1]
    assert prior[2] > prior[3] > prior[4]
    assert prior[4] < prior[6] < prior[2]  # a section's closing sentence concludes it; its opening says most
    assert prior[2] / prior[3] == pytest.approx(prior[0] / prior[1])  # the same fall in every section
    assert prior[0] > prior[2]  # earlier sections weigh more


def test_headings_weigh_their_sections() -> None:
    """The same section under a heading that shares its words ranks its sentences higher."""
    text = "Intro\n\nNotes\n\nCaching keeps results. Tests run daily. Caching is fast."
    heading = (Block(kind="title", start=0, end=5, level=1), Block(kind="heading", start=7, end=12, level=1))

    def score(trail: str) -> float:
        blocks = (*heading, Block(kind="paragraph", start=14, end=len(text), trail=(trail,)))
        ranked = Summarizer(ranker="textrank").analyze(text, blocks=blocks).sentences
        return next(s.score for s in ranked if s.text == "Caching keeps results.")

    assert score("Caching") > score("Weather")


def test_the_sentence_limit_counts_the_sentences_of_every_block(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.sentences
    from summarize import TooManySentencesError

    parts = [f"Sentence number {n} is here." for n in range(20)]
    text = "\n\n".join(parts)
    starts = [sum(len(part) + 2 for part in parts[:n]) for n in range(20)]
    blocks = [
        Block(kind="paragraph", start=start, end=start + len(part)) for start, part in zip(starts, parts, strict=True)
    ]
    monkeypatch.setattr(summarize.sentences, "MAX_SENTENCES", 5)
    for given in (None, blocks):
        with pytest.raises(TooManySentencesError, match=r"^The text has more than 5 sentences"):
            Summarizer().analyze(text, blocks=given)


def test_two_sections_with_the_same_heading_are_two_sections() -> None:
    parts = ["Notes", "The river rose in spring.", "Setup", "Install the gauge first.", "Notes", "The sea fell in May."]
    text = "\n\n".join(parts)
    starts = [sum(len(part) + 2 for part in parts[:n]) for n in range(len(parts))]
    blocks = []
    trail: tuple[str, ...] = ()
    for start, part in zip(starts, parts, strict=True):
        heading = part in ("Notes", "Setup")
        blocks.append(
            Block(
                kind="heading" if heading else "paragraph",
                start=start,
                end=start + len(part),
                level=1 if heading else 0,
                trail=() if heading else trail,
            )
        )
        trail = (part,) if heading else trail
    found = Summarizer().analyze(text, blocks=blocks).by_section(1)
    assert [(name, [s.text for s in part]) for name, part in found] == [
        ("Notes", ["The river rose in spring."]),
        ("Setup", ["Install the gauge first."]),
        ("Notes", ["The sea fell in May."]),
    ]


def test_a_list_item_that_does_not_end_as_a_sentence_is_never_chosen() -> None:
    items = [
        "size: disk space consumed by loose objects, in KiB unless the human option is given on the line",
        "Objects are counted once, however many packs hold them.",
    ]
    text = "Counting\n\n" + "\n\n".join(items)
    blocks = [Block(kind="heading", start=0, end=8, level=1)]
    start = 10
    for item in items:
        blocks.append(Block(kind="list_item", start=start, end=start + len(item), level=1, trail=("Counting",)))
        start += len(item) + 2
    sentences = Summarizer().analyze(text, blocks=blocks).sentences
    assert [s.fragment for s in sentences] == [True, True, False]
    assert [s.text for s in Summarizer(sentences=2).analyze(text, blocks=blocks).summary] == [items[1]]
