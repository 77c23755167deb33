"""The public API: summarize, rank_sentences, Summarizer, to_networkx."""

import dataclasses
from pathlib import Path

import networkx as nx
import pytest

import summarize
from summarize import InvalidParameterError, SummarizeError, Summarizer, Summary

from .conftest import NEWS
from .webserver import ARTICLE_HTML

PATH_TEXT = "The council approved the new park on Monday. The park will open in May. Rain is expected.\n"


def test_summary_is_a_sequence_of_scored_sentences_in_document_order() -> None:
    summary = summarize.summarize(NEWS, sentences=2)
    assert isinstance(summary, Summary)
    assert len(summary) == 2
    assert [s.index for s in summary] == sorted(s.index for s in summary)
    assert all(isinstance(s, summarize.ScoredSentence) for s in summary)
    assert summary[0] is next(iter(summary))
    assert summary[:1] == (summary[0],)


def test_default_is_three_sentences_best_first_with_order_score() -> None:
    summary = summarize.summarize(NEWS, order="score")
    assert [s.rank for s in summary] == [1, 2, 3]


def test_the_off_topic_sentences_are_ranked_last() -> None:
    ranked = summarize.rank_sentences(NEWS)
    worst = {s.text for s in ranked if s.rank > len(ranked) - 2}
    assert worst == {"A bakery on Main Street is closing.", "Weather was mild."}


def test_rank_sentences_scores_every_sentence() -> None:
    ranked = summarize.rank_sentences(NEWS)
    assert [s.index for s in ranked] == list(range(6))
    assert sorted(s.rank for s in ranked) == list(range(1, 7))
    assert sum(s.score for s in ranked) == pytest.approx(1.0)
    by_rank = sorted(ranked, key=lambda s: s.rank)
    assert [s.score for s in by_rank] == sorted((s.score for s in ranked), reverse=True)


@pytest.mark.parametrize("ranker", summarize.RANKERS)
@pytest.mark.parametrize("budget", [{}, {"sentences": 1}, {"ratio": 0.5}, {"words": 12}])
def test_invariants_for_every_ranker(ranker: str, budget: dict[str, float], seed_text: str) -> None:
    for text in (NEWS, seed_text):
        summary = summarize.summarize(text, ranker=ranker, **budget)  # type: ignore[arg-type]
        assert len(summary) >= 1
        assert len({s.index for s in summary}) == len(summary)
        for sentence in summary:
            assert sentence.text == text[sentence.start : sentence.end]
            assert not sentence.fragment
            assert sentence.score > 0
        assert summarize.summarize(text, ranker=ranker, **budget) == summary  # type: ignore[arg-type]


def test_ties_are_ranked_in_document_order() -> None:
    ranked = summarize.rank_sentences("Cats purr. Cats and dogs play. Dogs bark.")
    assert ranked[0].score == pytest.approx(ranked[2].score)
    assert [s.rank for s in ranked] == [2, 1, 3]


def test_duplicate_sentences_are_distinct_entries() -> None:
    text = "The park opens today. The park opens today. Dogs bark loudly."
    summary = summarize.summarize(text, sentences=2)
    assert [s.index for s in summary] == [0, 1]
    assert summary[0].text == summary[1].text
    assert summary[0].start != summary[1].start


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_gives_an_empty_summary(text: str) -> None:
    assert summarize.summarize(text) == Summary(())
    assert summarize.rank_sentences(text) == ()


def test_one_sentence_gives_that_sentence() -> None:
    (only,) = summarize.summarize("Only one sentence here.", sentences=3)
    assert (only.text, only.rank, only.score) == ("Only one sentence here.", 1, 1.0)


def test_more_sentences_than_exist_gives_all() -> None:
    assert len(summarize.summarize(NEWS, sentences=100)) == 6


def test_word_budget() -> None:
    summary = summarize.summarize(NEWS, words=20)
    assert sum(len(s.text.split()) for s in summary) <= 20
    assert len(summarize.summarize(NEWS, words=1)) == 1


def test_summary_text_joins_sentences() -> None:
    text = "The first sentence of this short text\nwraps onto a second line. Second one."
    summary = summarize.summarize(text, sentences=2)
    assert summary.text == "The first sentence of this short text wraps onto a second line. Second one."


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sentences": 0}, r"The 'sentences' parameter must be an int in \[1, 1000000000\] or None\. Got 0 instead\."),
        (
            {"sentences": 2.5},
            r"The 'sentences' parameter must be an int in \[1, 1000000000\] or None\. Got 2\.5 instead\.",
        ),
        (
            {"sentences": True},
            r"The 'sentences' parameter must be an int in \[1, 1000000000\] or None\. Got True instead\.",
        ),
        ({"ratio": 1.5}, r"The 'ratio' parameter must be a float in \(0, 1\] or None\. Got 1\.5 instead\."),
        ({"ratio": 0}, r"The 'ratio' parameter must be a float in \(0, 1\] or None\. Got 0 instead\."),
        ({"words": -3}, r"The 'words' parameter must be an int in \[1, 1000000000\] or None\. Got -3 instead\."),
        ({"sentences": 2**63}, r"The 'sentences' parameter must be .* Got 9223372036854775808 instead\."),
        ({"words": 2**63}, r"The 'words' parameter must be .* Got 9223372036854775808 instead\."),
        (
            {"sentences": 3, "ratio": 0.2},
            r"'sentences', 'ratio' and 'words' parameters are mutually exclusive.*Got sentences=3 and ratio=0\.2",
        ),
        ({"order": "random"}, r"The 'order' parameter must be one of 'document', 'score'\. Got 'random' instead\."),
        ({"ranker": "magic"}, r"The 'ranker' parameter must be one of .*'textrank'.*\. Got 'magic' instead\."),
        ({"analyzer": "words"}, r"The 'analyzer' parameter must be a callable"),
    ],
)
def test_invalid_options_name_the_parameter(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        summarize.summarize(NEWS, **options)  # type: ignore[arg-type]


def test_text_must_be_a_string() -> None:
    with pytest.raises(InvalidParameterError, match=r"The 'text' parameter must be a str\. Got \['a', 'b'\]"):
        summarize.summarize(["a", "b"])  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match=r"Got b'bytes' instead"):
        summarize.rank_sentences(b"bytes")  # type: ignore[arg-type]


def test_errors_are_value_errors_and_summarize_errors() -> None:
    with pytest.raises(ValueError, match="ratio"):
        summarize.summarize(NEWS, ratio=2.0)
    assert issubclass(InvalidParameterError, SummarizeError)


def test_summarizer_is_immutable_and_reusable() -> None:
    brief = Summarizer(sentences=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        brief.sentences = 2  # type: ignore[misc]
    longer = dataclasses.replace(brief, sentences=2)
    assert (len(brief(NEWS)), len(longer(NEWS))) == (1, 2)
    with pytest.raises(InvalidParameterError, match="sentences"):
        dataclasses.replace(brief, sentences=0)


def test_summarizer_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Summarizer(3)  # type: ignore[misc]


def test_custom_analyzer_replaces_the_terms_stage() -> None:
    def first_letters(sentence: str) -> list[str]:
        return [word[0].lower() for word in sentence.split()]

    default = summarize.rank_sentences(NEWS)
    custom = summarize.rank_sentences(NEWS, analyzer=first_letters)
    assert [s.score for s in custom] != [s.score for s in default]


def test_damping_and_iterations_reach_pagerank() -> None:
    with pytest.raises(summarize.ConvergenceError):
        Summarizer(max_iter=1, tol=1e-15).rank(NEWS)
    flat = Summarizer(damping=0.0).rank(NEWS)
    assert all(s.score == pytest.approx(1 / 6) for s in flat)


def test_to_networkx_carries_sentences_scores_and_weights(seed_text: str) -> None:
    graph = summarize.to_networkx(seed_text, ranker="textrank")
    ranked = summarize.rank_sentences(seed_text, ranker="textrank")
    assert isinstance(graph, nx.Graph)
    assert sorted(graph.nodes) == [s.index for s in ranked]
    for sentence in ranked:
        node = graph.nodes[sentence.index]
        assert (node["text"], node["score"], node["rank"]) == (sentence.text, sentence.score, sentence.rank)
        assert (node["start"], node["end"], node["fragment"]) == (sentence.start, sentence.end, sentence.fragment)
        if sentence.fragment:
            assert graph.degree(sentence.index) == 0
    assert graph.number_of_edges() > 0
    assert all(weight > 0 for _, _, weight in graph.edges(data="weight"))
    # networkx's own PageRank on the exported graph agrees with the scores.
    body = graph.subgraph(n for n in graph.nodes if not graph.nodes[n]["fragment"])
    theirs = nx.pagerank(body, weight="weight", tol=1e-6)
    for node, score in theirs.items():
        assert score == pytest.approx(graph.nodes[node]["score"], abs=1e-4)


def test_texts_beyond_the_limit_are_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.pipeline

    monkeypatch.setattr(summarize.pipeline, "MAX_CHARACTERS", 100)
    message = r"The text has 283 characters; summarize handles at most 100 "
    with pytest.raises(summarize.TextTooLongError, match=message):
        summarize.summarize(NEWS)
    assert issubclass(summarize.TextTooLongError, ValueError)
    assert len(summarize.summarize(NEWS[:100])) >= 1


# A path is read as the command line reads a FILE; a str is always the text itself.


def test_a_path_is_read_as_the_command_reads_a_file(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(PATH_TEXT, encoding="utf-8")
    expected = summarize.summarize(PATH_TEXT, sentences=2)
    assert summarize.summarize(article, sentences=2) == expected
    assert summarize.Summarizer(sentences=2)(article) == expected
    assert summarize.rank_sentences(article) == summarize.rank_sentences(PATH_TEXT)
    assert summarize.keywords(article) == summarize.keywords(PATH_TEXT)
    both = summarize.summarize_documents([article, "Rain fell. Wind blew."], sentences=2)
    assert both == summarize.summarize_documents([PATH_TEXT, "Rain fell. Wind blew."], sentences=2)


def test_a_path_to_an_html_file_is_its_article(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    document = summarize.load_document(page)
    assert summarize.summarize(page) == summarize.summarize(document.text)


class _PathLike:
    """An os.PathLike that is not a pathlib.Path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return str(self.path)


def test_any_path_like_is_read(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(PATH_TEXT, encoding="utf-8")
    assert summarize.summarize(_PathLike(article)) == summarize.summarize(PATH_TEXT)  # type: ignore[arg-type]


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(summarize.InputError, match=r"missing\.txt: no such file"):
        summarize.summarize(tmp_path / "missing.txt")


def test_a_str_that_names_a_file_is_the_text_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("report.txt").write_text(PATH_TEXT, encoding="utf-8")
    with pytest.warns(
        UserWarning, match=r"The text 'report.txt' is the name of a file; .*pathlib.Path\('report.txt'\)"
    ) as caught:
        summary = summarize.summarize("report.txt")
    assert [s.text for s in summary] == ["report.txt"]
    assert caught[0].filename == __file__  # the warning points at the caller's line


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (42, r"Got 42 instead\. To summarise a file, pass its path: an os\.PathLike such as pathlib\.Path"),
        (b"Cats purr.", r"Got b'Cats purr\.' instead\. Decode bytes first, for example data\.decode\('utf-8'\)"),
        (None, r"Got None instead\. To summarise a file"),
    ],
)
def test_other_types_are_refused_with_what_to_pass(value: object, hint: str) -> None:
    with pytest.raises(summarize.InvalidParameterError, match=rf"The 'text' parameter must be a str\. {hint}"):
        summarize.summarize(value)  # type: ignore[arg-type]
