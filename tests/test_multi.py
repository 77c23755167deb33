"""Several documents, one summary: sentences that know their document, and redundancy across documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import summarize
from summarize import RANKERS, DocumentSentence, InvalidParameterError, MultiSummary
from summarize.cli import main
from summarize.multidoc import DEFAULT_REDUNDANCY, summarize_documents
from summarize.similarity import cosine, term_matrix
from summarize.terms import analyzer

# Two reports of one story: their first sentences state the same fact in nearly the same
# words; the rest of each report is its own. The words are made up, so that they are
# stop words in no language and stem alike in all.
FIRST = "Zorbax kelvot vimrel trunap. Quilpen drasmo fexul zorbax. Mimpar sondap bremot."
SECOND = "Zorbax kelvot vimrel trunap yortav. Kelvot glumir pasque vimrel. Trabe noskil fendra."
# The same in Chinese and Japanese: sentence 0 of each is the same fact.
FIRST_CJK = "股票市场价格下跌。股票交易所关门。天气很好。"
SECOND_CJK = "股票市场价格下跌了。市场价格交易。阳光温暖。"

# A park story from two sources, in English.
COUNCIL = "The council approved the new park on Monday. The park will open in May. Rain is expected."
RESIDENTS = "On Monday the council approved a new park. Residents had asked the council for a park."


def reports(language: str) -> list[str]:
    if language == "chinese":
        return [FIRST_CJK, SECOND_CJK]
    if language == "japanese":
        return [FIRST_CJK.replace("场", "場"), SECOND_CJK.replace("场", "場")]
    return [FIRST, SECOND]


def is_first_fact(sentence: DocumentSentence) -> bool:
    return sentence.index == 0


@pytest.mark.parametrize("language", summarize.LANGUAGES)
@pytest.mark.parametrize("ranker", sorted(summarize.RANKERS))
def test_the_same_fact_in_two_documents_is_chosen_once(ranker: str, language: str) -> None:
    texts = reports(language)
    terms = [analyzer(language)(text.split("。")[0] if "。" in text else text.split(".")[0]) for text in texts]
    assert cosine(term_matrix(terms)).max() > DEFAULT_REDUNDANCY  # the two first sentences are near-duplicates
    summary = summarize_documents(texts, sentences=3, ranker=ranker, language=language)
    assert sum(map(is_first_fact, summary)) <= 1
    assert len(summary) == 3
    assert all(texts[s.document][s.start : s.end] == s.text for s in summary)
    assert [(s.document, s.index) for s in summary] == sorted((s.document, s.index) for s in summary)


@pytest.mark.parametrize("ranker", ["textrank", "lexrank", "bm25", "lead"])
def test_without_redundancy_control_both_reports_of_the_fact_are_chosen(ranker: str) -> None:
    chosen = summarize_documents([FIRST, SECOND], sentences=2, ranker=ranker, diversity=0.0, redundancy=None)
    assert [(s.document, s.index) for s in chosen] == [(0, 0), (1, 0)]


def test_known_answer_with_ids_and_offsets() -> None:
    summary = summarize_documents([COUNCIL, RESIDENTS], ids=["a", "b"], sentences=2, ranker="textrank")
    assert isinstance(summary, MultiSummary)
    assert summary.documents == ("a", "b")
    assert [(s.document, s.index, s.rank, s.text) for s in summary] == [
        ("a", 0, 1, "The council approved the new park on Monday."),
        ("b", 1, 3, "Residents had asked the council for a park."),
    ]
    second = summary[1]
    assert (second.start, second.end) == (43, 86)
    assert RESIDENTS[second.start : second.end] == second.text
    assert summary.text == "The council approved the new park on Monday. Residents had asked the council for a park."
    assert summary.language == "english"


def test_order_by_score_gives_the_best_first() -> None:
    texts = ["Rain is expected. The council met.", RESIDENTS, COUNCIL]
    by_document = summarize_documents(texts, sentences=2, ranker="textrank")
    by_score = summarize_documents(texts, sentences=2, ranker="textrank", order="score")
    assert [(s.document, s.index) for s in by_document] == [(1, 1), (2, 0)]
    assert [(s.document, s.index) for s in by_score] == [(2, 0), (1, 1)]
    assert [s.rank for s in by_score] == sorted(s.rank for s in by_score)


def test_lead_takes_each_documents_opening_first() -> None:
    texts = ["Alpha one. Alpha two. Alpha three.", "Beta one. Beta two.", "Gamma one. Gamma two."]
    summary = summarize_documents(texts, sentences=3, ranker="lead")
    assert [(s.document, s.index) for s in summary] == [(0, 0), (1, 0), (2, 0)]
    assert [s.rank for s in summary] == [1, 2, 3]  # equal priors: ties by document order


def test_budgets_count_the_sentences_of_all_documents() -> None:
    texts = ["Alpha one. Alpha two. Alpha three.", "Beta one. Beta two.", "Gamma one. Gamma two."]
    assert len(summarize_documents(texts, ratio=0.5, ranker="lead")) == 4  # 7 sentences, half rounded up
    assert [s.text for s in summarize_documents(texts, words=4, ranker="lead")] == ["Alpha one.", "Beta one."]


def test_empty_documents_keep_their_number() -> None:
    summary = summarize_documents(["", COUNCIL, "   "], sentences=1, ranker="textrank")
    assert [(s.document, s.index) for s in summary] == [(1, 0)]
    assert summary.documents == (0, 1, 2)
    assert len(summarize_documents(["", "  "])) == 0
    assert len(summarize_documents([])) == 0


def test_auto_language_reads_each_document_in_its_own() -> None:
    summary = summarize_documents(
        ["Die Katze schläft im Haus.", "The cat sleeps in the house."], sentences=2, language="auto"
    )
    assert summary.languages == ("german", "english")
    assert summary.language is None  # no common language
    assert {s.document for s in summary} == {0, 1}
    alike = summarize_documents(["Die Katze schläft im Haus.", "Der Hund bellt im Garten."], language="auto")
    assert (alike.languages, alike.language) == (("german", "german"), "german")


def test_languages_without_auto_are_the_one_asked_for() -> None:
    summary = summarize_documents(["", COUNCIL], language="english")
    assert (summary.languages, summary.language) == (("english", "english"), "english")
    assert summarize_documents([]).language is None


def test_results_are_immutable_and_summaries_are_unchanged() -> None:
    summary = summarize_documents([COUNCIL, RESIDENTS])
    with pytest.raises(AttributeError):
        summary[0].document = 3  # type: ignore[misc]
    assert type(summarize.summarize(COUNCIL)[0]) is summarize.ScoredSentence


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"texts": "one text"}, "'texts' parameter must be a sequence of str"),
        ({"texts": ["fine", 3]}, r"'texts\[1\]' parameter must be a str \(a document\). Got 3"),
        ({"ids": ["a"]}, "'ids' parameter must be None or a sequence of 2 distinct str"),
        ({"ids": ["a", "a"]}, "'ids' parameter"),
        ({"sentences": 0}, "'sentences' parameter must be an int in \\[1, 1000000000\\]"),
        ({"sentences": 2, "ratio": 0.5}, "mutually exclusive"),
        ({"order": "random"}, "'order' parameter must be one of"),
        ({"ranker": "nope"}, "'ranker' parameter must be one of"),
        ({"diversity": 1.0}, r"'diversity' parameter must be a float in \[0, 1\)"),
        ({"redundancy": 0.0}, r"'redundancy' parameter must be a float in \(0, 1\] or None"),
        ({"language": "klingon"}, "'language' parameter"),
    ],
)
def test_invalid_options_name_the_parameter(arguments: dict[str, object], message: str) -> None:
    texts = arguments.pop("texts", [COUNCIL, RESIDENTS])
    with pytest.raises(InvalidParameterError, match=message):
        summarize_documents(texts, **arguments)  # type: ignore[arg-type]


def test_orientation_stays_within_documents() -> None:
    import numpy as np

    from summarize.graph import orient

    weights = np.ones((3, 3)) - np.eye(3)
    documents = np.array([0, 0, 1])
    assert orient(weights, 0.5, documents=documents).tolist() == [[0, 0.5, 1], [1, 0, 1], [1, 1, 0]]
    assert orient(weights, 0.5).tolist() == [[0, 0.5, 0.5], [1, 0, 0.5], [1, 1, 0]]


@pytest.fixture
def two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(COUNCIL, encoding="utf-8")
    Path("b.txt").write_text(RESIDENTS, encoding="utf-8")
    return ["a.txt", "b.txt"]


def test_command_line_combine_prints_each_sentence_with_its_file(
    two_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--combine", *two_files, "-n", "2", "--ranker", "textrank"]) == 0
    assert capsys.readouterr().out == (
        "[a.txt] The council approved the new park on Monday.\n[b.txt] Residents had asked the council for a park.\n"
    )


def test_command_line_combine_json(two_files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--combine", *two_files, "-n", "2", "--ranker", "textrank", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["documents"] == ["a.txt", "b.txt"]
    assert [(s["document"], s["index"], s["rank"], s["start"], s["end"]) for s in record["sentences"]] == [
        ("a.txt", 0, 1, 0, 44),
        ("b.txt", 1, 3, 43, 86),
    ]
    assert list(record["sentences"][0]) == ["document", "index", "rank", "score", "text", "start", "end"]


def test_command_line_combine_markdown(two_files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--combine", *two_files, "-n", "1", "--ranker", "textrank", "-f", "markdown"]) == 0
    assert capsys.readouterr().out == "- The council approved the new park on Monday. — *a.txt*\n"


def test_command_line_combine_without_diversity_repeats_the_fact(
    two_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--combine", *two_files, "-n", "2", "--ranker", "textrank", "--diversity", "0"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "[b.txt] Residents had asked the council for a park."
    # --diversity 0 leaves the near-duplicate threshold on: the second report of the fact is still passed over


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--keywords", "3"], "--keywords is not available with --combine"),
        (["--include-text", "-f", "json"], "--include-text is not available with --combine"),
    ],
)
def test_command_line_combine_rejects_what_it_cannot_do(
    two_files: list[str], capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    assert main(["--combine", *two_files, *options]) == 2
    assert message in capsys.readouterr().err


def test_command_line_combine_html_shows_every_document(
    two_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--combine", *two_files, "-n", "2", "--ranker", "textrank", "-f", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert "<h2>a.txt</h2>" in page
    assert "<h2>b.txt</h2>" in page
    assert page.count("<mark") == 2
    assert 'id="d0s0"' in page
    assert 'id="d1s1"' in page
    assert 'href="#d1s1"' in page
    assert "<script" not in page


def test_html_page_of_several_documents_escapes_and_checks() -> None:
    from summarize.io.render import to_html_documents

    texts = ["<b>Cats</b> purr & play. Cats and dogs play.", "Dogs bark. Dogs and cats play."]
    summary = summarize_documents(texts, sentences=1)
    page = to_html_documents(texts, summary, title="Pets <3")
    assert "<b>" not in page
    assert "&lt;b&gt;Cats&lt;/b&gt;" in page
    assert "<title>Summary: Pets &lt;3</title>" in page
    assert "<h2>Document 1</h2>" in page
    assert "<h2>Document 2</h2>" in page
    with pytest.raises(InvalidParameterError, match="'texts' parameter must be a sequence of 2 str"):
        to_html_documents(texts[:1], summary)
    with pytest.raises(InvalidParameterError, match="'summary' parameter must be a summary of several documents"):
        to_html_documents(texts, summarize.summarize(texts[0]))  # type: ignore[arg-type]


def test_command_line_combine_of_empty_files_is_an_error(
    two_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    Path("a.txt").write_text("", encoding="utf-8")
    Path("b.txt").write_text("  \n", encoding="utf-8")
    assert main(["--combine", *two_files]) == 1
    assert "no sentence to summarise" in capsys.readouterr().err


def test_orientation_is_the_same_on_sparse_and_dense_graphs() -> None:
    import numpy as np
    import scipy.sparse

    from summarize.graph import orient

    weights = np.random.default_rng(0).random((7, 7))
    documents = np.array([0, 0, 0, 1, 1, 2, 2])
    for given in (None, documents):
        dense = orient(weights, 0.3, documents=given)
        sparse = orient(scipy.sparse.csr_matrix(weights), 0.3, documents=given)
        assert np.allclose(dense, sparse.toarray())
        assert np.all(np.diag(dense) == 0)
    assert np.allclose(orient(weights, 0.3), np.tril(weights, -1) + 0.3 * np.triu(weights, 1))


def corpus_lines() -> list[str]:
    return [
        json.dumps({"id": "a", "story": 1, "text": COUNCIL}),
        json.dumps({"id": "b", "story": 1, "text": RESIDENTS}),
        json.dumps({"id": "c", "story": 2, "text": "Cats purr. Dogs bark. Cats and dogs play."}),
        json.dumps({"id": "d", "text": "No story field."}),
    ]


def test_batch_combine_gives_one_summary_per_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    argv = ["batch", str(corpus), "--combine", "--group-field", "story", "-n", "2", "--ranker", "textrank"]
    assert main([*argv, "-o", str(output)]) == 1  # record d has no group
    assert "2 groups summarised, 1 record failed" in capsys.readouterr().err
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert records[0] == {"id": "d", "error": "no 'story' field"}
    assert [(r["group"], r["documents"]) for r in records[1:]] == [(1, ["a", "b"]), (2, ["c"])]
    assert [(s["document"], s["index"]) for s in records[1]["sentences"]] == [("a", 0), ("b", 1)]


def test_batch_combine_without_groups_summarises_the_whole_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(COUNCIL, encoding="utf-8")
    (folder / "b.txt").write_text(RESIDENTS, encoding="utf-8")
    assert main(["batch", str(folder), "--combine", "-n", "2", "--ranker", "textrank"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["group"] is None
    assert record["documents"] == ["a.txt", "b.txt"]
    assert [(s["document"], s["index"]) for s in record["sentences"]] == [("a.txt", 0), ("b.txt", 1)]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--group-field", "story"], "--group-field is for --combine"),
        (["--combine", "--resume"], "--resume needs an output file"),
        (["--combine", "--group-field", "nope"], "no 'nope' field"),
    ],
)
def test_batch_combine_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    assert main(["batch", str(corpus), *options]) == 2
    assert message in capsys.readouterr().err


# Three reports of a storm: each opens with a sentence of its own, and the sentences
# about the flooded coast road are the most central of the group.
STORM = (
    "Storms hit the coast on Sunday. The storm flooded the coast road and the coast town. "
    "Flood water closed the coast road for a day.",
    "Officials counted the damage. The storm flooded homes on the coast road. Flood water reached the town hall.",
    "Schools stayed shut on Monday. The coast storm flooded the school road. Buses could not use the flooded road.",
)


def test_every_documents_opening_comes_first_when_the_ranker_counts_the_lead() -> None:
    summary = summarize_documents(STORM, sentences=3)  # adaptive: a short summary of news-length documents
    assert [(s.document, s.index) for s in summary] == [(0, 0), (1, 0), (2, 0)]
    assert sorted(s.rank for s in summary) == [1, 2, 3]  # the openings rank above every other sentence
    by_score = summarize_documents(STORM, sentences=3, order="score")
    assert [s.rank for s in by_score] == [1, 2, 3]
    two = summarize_documents(STORM, sentences=2, order="score")
    assert [(s.document, s.index) for s in two] == [(s.document, s.index) for s in by_score[:2]]  # the best two


def test_openings_are_not_favoured_by_position_blind_rankers_nor_in_long_summaries() -> None:
    central = summarize_documents(STORM, sentences=3, ranker="textrank")
    assert [(s.document, s.index) for s in central] == [(0, 0), (2, 1), (2, 2)]
    long = summarize_documents(STORM, ratio=0.5, order="score")  # half of the text: no lead (strength 0)
    assert [s.score for s in long] == sorted((s.score for s in long), reverse=True)
    assert sum(s.index == 0 for s in long) < 3


# Two unrelated reports: a focus on the second one's subject takes the summary there.
PARK = "The council approved the new park on Monday. The park will open in May. Builders will plant trees in the park."
BAKERY = "The bakery on Main Street closed after forty years. Its owner is retiring. The bakery sold bread and cakes."


@pytest.mark.parametrize("ranker", sorted(RANKERS))
def test_a_focus_takes_the_summary_to_the_documents_about_it(ranker: str) -> None:
    plain = summarize.summarize_documents([PARK, BAKERY], ids=["park", "bakery"], sentences=2, ranker=ranker)
    focused = summarize.summarize_documents(
        [PARK, BAKERY], ids=["park", "bakery"], sentences=2, ranker=ranker, focus="the bakery's bread"
    )
    assert plain.focus_matched is None
    assert focused.focus_matched is True
    assert [(s.document, s.index) for s in focused] == [("bakery", 0), ("bakery", 2)]
    if ranker == "adaptive":  # unfocused, the default takes each report's opening
        assert [(s.document, s.index) for s in plain] == [("park", 0), ("bakery", 0)]


def test_a_focus_that_matches_nothing_gives_the_ordinary_summary() -> None:
    plain = summarize.summarize_documents([PARK, BAKERY], sentences=2)
    unmatched = summarize.summarize_documents([PARK, BAKERY], sentences=2, focus="submarine")
    assert unmatched.focus_matched is False
    assert [(s.document, s.index) for s in unmatched] == [(s.document, s.index) for s in plain]
    assert [(s.document, s.index) for s in plain] == [(0, 0), (1, 0)]  # each opening (the default ranker's rule)


def test_a_focus_is_read_in_each_documents_language() -> None:
    french = "La boulangerie de la rue principale a fermé ses portes. Le pain était bon. Les clients sont tristes."
    summary = summarize.summarize_documents([PARK, french], sentences=2, language="auto", focus="boulangeries pains")
    assert summary.languages == ("english", "french")
    assert summary.focus_matched is True  # stemmed as French: boulangeri, pain
    assert [(s.document, s.index) for s in summary] == [(1, 0), (1, 1)]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": 3}, "'focus' parameter must be a str"),
        ({"focus": "park", "focus_weight": 0.0}, "'focus_weight' parameter must be"),
    ],
)
def test_focus_options_are_checked(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        summarize.summarize_documents([PARK, BAKERY], **options)  # type: ignore[arg-type]


def test_command_line_combine_with_a_focus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    park, bakery = tmp_path / "park.txt", tmp_path / "bakery.txt"
    park.write_text(PARK, encoding="utf-8")
    bakery.write_text(BAKERY, encoding="utf-8")
    files = [str(park), str(bakery)]
    assert main(["--combine", *files, "-n", "2", "--focus", "bread", "-f", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["focus_matched"] is True
    assert [s["document"] for s in record["sentences"]] == [str(bakery)] * 2
    assert main(["--combine", *files, "-n", "2", "--focus", "submarine"]) == 0
    captured = capsys.readouterr()
    assert "the focus matches nothing in the FILEs; the summary is unfocused" in captured.err
    assert captured.out.splitlines()[0] == f"[{park}] The council approved the new park on Monday."


def test_batch_combine_with_a_focus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "p", "story": 1, "text": PARK},
        {"id": "b", "story": 1, "text": BAKERY},
        {"id": "q", "story": 2, "text": PARK},
    ]
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    status = main(["batch", str(corpus), "--combine", "--group-field", "story", "-n", "1", "--focus", "bakery"])
    assert status == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (first["focus_matched"], second["focus_matched"]) == (True, False)
    assert first["sentences"][0]["document"] == "b"
    assert list(first) == ["group", "documents", "language", "languages", "focus_matched", "sentences"]


def test_a_matching_focus_sets_the_leads_direction_aside() -> None:
    # With the direction, an opening (no earlier sentence of its own to vote for) would pass
    # its score to the other documents, off the focus.
    from summarize.rankers import Ranker, opening_prior

    undirected = Ranker(name="cosine", description="cosine centrality", similarity="cosine", prior=opening_prior)
    texts = [PARK, BAKERY + " The park by the bakery opened on Monday."]
    adaptive = summarize.summarize_documents(texts, sentences=2, focus="trees", order="score")
    plain = summarize.summarize_documents(texts, sentences=2, focus="trees", order="score", ranker=undirected)
    assert [(s.document, s.index, s.score) for s in adaptive] == [(s.document, s.index, s.score) for s in plain]
    assert "Builders will plant trees in the park." in [s.text for s in adaptive]


# One pipeline: a text is a group of one document ------------------------------------------

NEWS_STORY = (
    "The city council approved a new public park on Monday. "
    "The park will open next spring near the river. "
    "Council members said the park had been requested by residents for years. "
    "Residents welcomed the council's decision on the park. "
    "A bakery on Main Street is closing. "
    "Weather was mild."
)


def placed(sentences: object) -> list[tuple[int, int, int, str, float, int]]:
    return [(s.index, s.start, s.end, s.text, s.score, s.rank) for s in sentences]  # type: ignore[attr-defined]


@pytest.mark.parametrize("ranker", sorted(RANKERS))
@pytest.mark.parametrize("budget", [{"sentences": 1}, {"sentences": 3}, {"ratio": 0.5}, {"words": 20}])
def test_one_text_and_a_group_of_one_give_the_same_sentences_and_scores(ranker: str, budget: dict[str, float]) -> None:
    summarizer = summarize.Summarizer(ranker=ranker, **budget)  # type: ignore[arg-type]
    alone = summarizer.analyze(NEWS_STORY)
    group = summarizer.analyze_documents([NEWS_STORY])
    assert placed(group.summary) == placed(alone.summary)
    assert placed(group.sentences) == placed(alone.sentences)
    assert {s.document for s in group.summary} == {0}
    assert all(s.document is None for s in alone.summary)
    assert group.documents == group.summary.documents == (0,)
    assert alone.documents == alone.summary.documents == ()
    with_defaults = summarize.summarize_documents([NEWS_STORY], ranker=ranker, redundancy=None, **budget)  # type: ignore[arg-type]
    assert placed(with_defaults) == placed(summarize.summarize(NEWS_STORY, ranker=ranker, **budget))  # type: ignore[arg-type]


def test_openings_come_first_only_for_several_documents() -> None:
    # The adaptive ranker counts the lead: with two documents each opening ranks above
    # the other sentences, with one the ranking is the ranker's own.
    two = summarize.Summarizer(sentences=2).analyze_documents([COUNCIL, RESIDENTS])
    assert sorted((s.rank, s.document, s.index) for s in two.sentences)[:2] in (
        [(1, 0, 0), (2, 1, 0)],
        [(1, 1, 0), (2, 0, 0)],
    )
    story = "Rain is expected on Monday. " + NEWS_STORY
    one = summarize.Summarizer(sentences=2).analyze_documents([story])
    assert [s.rank for s in one.sentences] == [
        s.rank for s in summarize.Summarizer(sentences=2).analyze(story).sentences
    ]


def test_an_analysis_of_several_documents_has_their_texts_keywords_and_graph() -> None:
    analysis = summarize.Summarizer(sentences=2).analyze_documents([COUNCIL, RESIDENTS], ids=["c", "r"])
    assert analysis.texts == (COUNCIL, RESIDENTS)
    assert analysis.documents == ("c", "r")
    assert analysis.language == analysis.summary.language == "english"
    assert [(s.document, s.index) for s in analysis.sentences] == [("c", 0), ("c", 1), ("c", 2), ("r", 0), ("r", 1)]
    assert {"park", "council"} <= {keyword.text for keyword in analysis.keywords(top=5)}
    assert sorted(analysis.graph().nodes) == [0, 1, 2, 3, 4]
    # One sentence: each opening ranks first (by keys); the nodes say the ranker's scores, as the sentences do.
    brief = summarize.Summarizer(sentences=1).analyze_documents([COUNCIL, RESIDENTS])
    graph = brief.graph()
    assert [(graph.nodes[n]["score"], graph.nodes[n]["rank"]) for n in range(5)] == [
        (s.score, s.rank) for s in brief.sentences
    ]
    with pytest.raises(InvalidParameterError, match="An analysis of 2 documents has no one text"):
        _ = analysis.text
    assert summarize.to_html(analysis).count("<mark") == 2


def test_a_ranker_brings_its_own_similarity_without_a_registry() -> None:
    calls: list[int] = []

    def counted_cosine(counts: object) -> object:
        calls.append(1)
        return cosine(counts)  # type: ignore[arg-type]

    mine = summarize.Ranker(name="mine", description="cosine, counted", similarity=counted_cosine)
    ours = summarize.summarize(NEWS_STORY, ranker=mine, sentences=2)
    assert calls == [1]
    textrank_like = summarize.Ranker(name="same", description="", similarity=RANKERS["textrank"].similarity)
    assert placed(summarize.summarize(NEWS_STORY, ranker=textrank_like)) == placed(
        summarize.summarize(NEWS_STORY, ranker="textrank")
    )
    assert len(ours) == 2
    assert "mine" not in RANKERS
    with pytest.raises(InvalidParameterError, match="'similarity' parameter of Ranker must be one of"):
        summarize.Ranker(name="bad", description="", similarity="jaccard")
    with pytest.raises(InvalidParameterError, match="'similarity' parameter of Ranker must be the name"):
        summarize.Ranker(name="bad", description="", similarity=3)  # type: ignore[arg-type]


def test_the_sentence_limit_counts_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.sentences
    from summarize import TooManySentencesError

    monkeypatch.setattr(summarize.sentences, "MAX_SENTENCES", 50)
    summarize_documents(["Cats purr. Dogs bark. " * 12] * 2)  # 48 sentences in all
    with pytest.raises(TooManySentencesError, match=r"^The text has more than 50 sentences"):
        summarize_documents(["Cats purr. Dogs bark. " * 15] * 2)  # 30 each, 60 in all


# The first report ranks above the second everywhere: without a minimum, it gives every sentence.
PARK_STORY = (
    "The council approved the new park on Monday. The park will open in May. The park has a pond. "
    "The council met the mayor about the park. The park will have trees."
)
WEATHER = "Rain is expected tomorrow in the north. Wind will follow."


def test_min_per_document_takes_each_documents_best() -> None:
    plain = summarize.summarize_documents(
        [PARK_STORY, WEATHER], ids=["park", "weather"], sentences=2, ranker="textrank"
    )
    assert {s.document for s in plain} == {"park"}
    each = summarize.summarize_documents(
        [PARK_STORY, WEATHER], ids=["park", "weather"], sentences=2, ranker="textrank", min_per_document=1
    )
    assert [(s.document, s.index) for s in each] == [("park", plain[0].index), ("weather", 0)]
    best_weather = max(
        (
            s
            for s in summarize.Summarizer(ranker="textrank").analyze_documents([PARK_STORY, WEATHER]).sentences
            if s.document == 1
        ),
        key=lambda s: s.score,
    )
    assert best_weather.index == 0


def test_min_per_document_can_exceed_the_budget() -> None:
    summary = summarize.Summarizer(sentences=1, min_per_document=2, ranker="textrank").summarize_documents(
        [PARK_STORY, WEATHER, COUNCIL]
    )
    assert [sum(s.document == number for s in summary) for number in range(3)] == [2, 2, 2]


def test_min_per_document_keeps_the_default_for_one_text() -> None:
    assert summarize.Summarizer(min_per_document=0).summarize(PARK_STORY) == summarize.summarize(PARK_STORY)
    assert len(summarize.Summarizer(sentences=1, min_per_document=2).summarize(PARK_STORY)) == 2


@pytest.mark.parametrize("value", [-1, 1.5, "2", True])
def test_min_per_document_must_be_a_whole_number(value: object) -> None:
    with pytest.raises(
        InvalidParameterError, match=rf"The 'min_per_document' parameter must be an int >= 0\. Got {value!r}"
    ):
        summarize.Summarizer(min_per_document=value)  # type: ignore[arg-type]


def test_each_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    park, weather = tmp_path / "park.txt", tmp_path / "weather.txt"
    park.write_text(PARK_STORY, encoding="utf-8")
    weather.write_text(WEATHER, encoding="utf-8")
    assert main(["--combine", "-n", "2", "--ranker", "textrank", str(park), str(weather)]) == 0
    assert f"[{weather}]" not in capsys.readouterr().out
    assert main(["--combine", "--each", "1", "-n", "2", "--ranker", "textrank", str(park), str(weather)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("]")[0] + "]" for line in lines] == [f"[{park}]", f"[{weather}]"]
    assert main(["--each", "1", str(park)]) == 2
    assert capsys.readouterr().err.startswith("summarize: error: --each is for --combine\n")
