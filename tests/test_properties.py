"""Properties over the input space, explored by Hypothesis: any string, any valid option, any bytes.

Bounded for a fast suite: a few dozen examples each, short texts. Texts are drawn
from every Unicode category, lone surrogates and control characters included, and
from a mix of sentences, punctuation, quotes, list markers and line breaks that
exercises the splitter's rules.
"""

from __future__ import annotations

import json
import math
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summarize
from summarize import InvalidParameterError, Summarizer
from summarize.cli import main

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

# Any character at all, lone surrogates and control characters included.
ANY_CHARACTER = st.characters(blacklist_categories=())
PIECES = st.sampled_from(
    [
        "The council met on Monday. ",
        "Dr. Smith said the U.S. plan works. ",
        '"Where are you?" she asked. ',
        "It cost $3.5 million (about 3.29%). ",
        "Wait . . . what? ",
        "1.) First 2.) Second ",
        "• 9. First • 10. Second\n",
        "J. R. R. Tolkien wrote it. ",
        "«Не видали маму?». ",
        "„Lass uns gehen!“, sagte sie. ",
        "今日は晴れです。明日も？",
        "\n\n",
        "\n",
        "A headline without a stop\n",
        "...",
        "!?",
        " ",
        "\x00",
        "\u200f",
    ]
)
TEXTS = st.one_of(
    st.text(ANY_CHARACTER, max_size=300),
    st.lists(st.one_of(PIECES, st.text(ANY_CHARACTER, max_size=8)), max_size=25).map("".join),
)
LANGUAGES = st.sampled_from([*summarize.LANGUAGES, "auto"])


def budgets() -> st.SearchStrategy[dict[str, object]]:
    return st.one_of(
        st.just({}),
        st.integers(1, 6).map(lambda n: {"sentences": n}),
        st.floats(0.01, 1.0).map(lambda r: {"ratio": r}),
        st.integers(1, 80).map(lambda w: {"words": w}),
    )


@SETTINGS
@given(text=TEXTS, language=LANGUAGES)
def test_sentences_are_exact_slices_in_order_covering_no_character_twice(text: str, language: str) -> None:
    sentences = summarize.split_sentences(text, language=language)
    end = 0
    for number, sentence in enumerate(sentences):
        assert sentence.index == number
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= end  # no character in two sentences
        assert sentence.text.strip(), "an empty or blank sentence"
        assert any(not unicodedata.category(c).startswith(("P", "Z", "C")) for c in sentence.text), (
            f"a sentence of punctuation alone: {sentence.text!r}"
        )
        end = sentence.end
    assert end <= len(text)


@SETTINGS
@given(
    text=TEXTS,
    budget=budgets(),
    ranker=st.sampled_from(sorted(summarize.RANKERS)),
    order=st.sampled_from(["document", "score"]),
    diversity=st.sampled_from([0.0, 0.3]),
    language=LANGUAGES,
)
def test_summaries_keep_their_budget_choose_no_fragment_and_repeat_themselves(
    text: str, budget: dict[str, object], ranker: str, order: str, diversity: float, language: str
) -> None:
    summarizer = Summarizer(ranker=ranker, order=order, diversity=diversity, language=language, **budget)  # type: ignore[arg-type]
    analysis = summarizer.analyze(text)
    summary = analysis.summary
    sentences = analysis.sentences
    assert len(summary) <= len(sentences)
    if "sentences" in budget:
        assert len(summary) <= int(budget["sentences"])  # type: ignore[call-overload]
    if "ratio" in budget:
        assert len(summary) <= max(1, math.floor(float(budget["ratio"]) * len(sentences) + 0.5))  # type: ignore[arg-type]
    if sentences and not any(s.text.strip() for s in sentences):
        assert not summary
    if any(not s.fragment for s in sentences):
        assert not any(s.fragment for s in summary), "a fragment was chosen"
    indices = [s.index for s in summary]
    assert len(set(indices)) == len(indices), "a sentence was chosen twice"
    assert summarizer.analyze(text).summary == summary  # deterministic


def test_summaries_are_identical_from_eight_threads() -> None:
    texts = [
        piece * repeat
        for repeat, piece in enumerate(
            [
                "The council met on Monday. Dr. Smith said the plan works. The plan costs $3.5 million. ",
                "Die Stadt baut eine Bibliothek. Sie ist neu. Die Bürger freuen sich über die Bibliothek. ",
                '"Where are you?" she asked. Nobody answered. The house was empty. The door was open. ',
                "今日は晴れです。明日も晴れるでしょう。公園に行きます。",
            ],
            start=1,
        )
    ] * 6
    summarizer = Summarizer(sentences=2, language="auto")
    serial = [summarizer(text) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(summarizer, texts)) == serial


# Invalid options: every one is refused, naming the parameter -----------------------------

NOT_A_COUNT = st.one_of(st.integers(max_value=0), st.floats(allow_nan=True), st.text(max_size=3), st.just(True))
INVALID = {
    "sentences": NOT_A_COUNT,
    "words": NOT_A_COUNT,
    "ratio": st.one_of(st.floats().filter(lambda r: not 0 < r <= 1), st.text(max_size=3), st.just(True)),
    "order": st.text(max_size=8).filter(lambda o: o not in ("document", "score")),
    "ranker": st.text(max_size=8).filter(lambda r: r not in summarize.RANKERS),
    "language": st.text(max_size=8).filter(lambda lang: lang not in (*summarize.LANGUAGES, "auto")),
    "diversity": st.one_of(st.floats().filter(lambda d: not 0 <= d < 1), st.text(max_size=3)),
    "damping": st.one_of(st.floats().filter(lambda d: not 0 <= d < 1), st.none()),
    "max_iter": NOT_A_COUNT,
    "tol": st.one_of(st.floats(max_value=0), st.floats(allow_nan=True).filter(math.isnan), st.text(max_size=3)),
    "sparse": st.one_of(st.integers(), st.text(max_size=3)),
}


@SETTINGS
@given(data=st.data())
def test_every_invalid_option_is_refused_by_name(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(INVALID)))
    value = data.draw(INVALID[name])
    with pytest.raises(InvalidParameterError, match=rf"^The '{name}' parameter"):
        Summarizer(**{name: value})
    if name in ("sentences", "words", "ratio", "order", "ranker", "language", "diversity"):
        with pytest.raises(InvalidParameterError, match=rf"^The '{name}' parameter"):
            summarize.summarize("Cats purr.", **{name: value})


# The command on any bytes ------------------------------------------------------------------


@SETTINGS
@given(
    data=st.binary(max_size=400) | TEXTS.map(lambda text: text.encode("utf-8", errors="surrogatepass")),
    options=st.lists(
        st.sampled_from(
            [
                ["-n", "2"],
                ["--ratio", "0.5"],
                ["--words", "20"],
                ["--format", "json"],
                ["--format", "markdown"],
                ["--format", "html"],
                ["--keywords", "3"],
                ["--language", "auto"],
                ["--encoding", "latin-1"],
                ["--order", "score"],
                ["-n", "0"],
                ["--ratio", "2"],
                ["--bogus"],
            ]
        ),
        max_size=3,
    ),
)
def test_the_command_on_any_bytes_exits_0_1_or_2_without_a_traceback(
    data: bytes, options: list[list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    argv = [word for option in options for word in option]
    if "html" in argv and "--keywords" in argv:
        argv = [word for word in argv if word not in ("--keywords", "3")]
    status = main([*argv, str(path)])
    out, err = capsys.readouterr()
    assert status in (0, 1, 2)
    assert "Traceback" not in err
    if status == 1:
        assert err.startswith("summarize: error: "), err
        assert err.count("\n") == 1, err
    if status == 0:
        assert out


# Batch on any mix of records ---------------------------------------------------------------

# Characters that end a line in Python's str.splitlines: none inside a broken record.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
RECORD_LINES = st.one_of(
    TEXTS.map(lambda text: json.dumps({"text": text})),
    st.integers().map(lambda n: json.dumps({"id": n, "text": "Cats purr. Dogs bark. Cats and dogs play."})),
    st.just(json.dumps({"body": "no text field"})),
    st.just(json.dumps(["not", "an", "object"])),
    st.just(json.dumps({"text": 42})),
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
        max_size=30,
    ).filter(lambda line: line.strip()),
)


@SETTINGS
@given(lines=st.lists(RECORD_LINES, min_size=1, max_size=12))
def test_batch_writes_one_record_per_line_in_order(lines: list[str], tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("batch")  # one per example
    corpus = folder / "corpus.jsonl"
    output = folder / "out.jsonl"
    corpus.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    first_object = next((v for v in map(_parsed, lines) if isinstance(v, dict)), None)
    if first_object is not None and "text" not in first_object:
        # Documented: a run whose first object lacks the text field stops before it writes anything.
        with pytest.raises(summarize.FieldError, match="the first record has no 'text' field"):
            summarize.summarize_corpus(corpus, output=output, jobs=1)
        assert list(folder.iterdir()) == [corpus]
        return
    report = summarize.summarize_corpus(corpus, output=output, jobs=1)
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]  # any line reader
    assert len(records) == len(lines) == report.summarised + report.failed
    for number, (line, record) in enumerate(zip(lines, records, strict=True), start=1):
        assert ("summary" in record) != ("error" in record)
        parsed = _parsed(line)
        expected_id = parsed.get("id", number) if isinstance(parsed, dict) else number
        assert record["id"] == expected_id


def _parsed(line: str) -> object:
    try:
        return json.loads(line)
    except ValueError:
        return None
