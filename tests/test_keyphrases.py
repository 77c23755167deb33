"""Keywords (summarize.keyphrases): TextRank over words, phrases in their written form,
on the seed and short texts."""

import dataclasses
import re

import numpy as np
import pytest

import summarize
from summarize import InvalidParameterError, Keyword
from summarize.keyphrases import candidate_words, fillers, is_candidate, phrases, word_graph
from summarize.terms import stop_words

PARK = (
    "The city council approved a new public park on Monday. "
    "The public park will open in spring near the river. "
    "Residents had asked the city council for a park for years. "
    "The council will also build a bicycle path along the river."
)

# A text about one subject (a vaccine trial) with filler words around it.
TRIAL = (
    "Researchers said on Tuesday that the malaria vaccine trial in Kenya had protected most children. "
    "The malaria vaccine was given to 4,000 children in three districts, officials said. "
    "According to the researchers, the vaccine trial will now be extended to Ghana and Malawi. "
    "Malaria kills hundreds of thousands of children every year, mostly in Africa. "
    "The World Health Organization said it would review the malaria vaccine trial results."
)


def test_seed_keywords_read_like_its_subject(seed_text: str) -> None:
    found = summarize.keywords(seed_text, top=10)
    texts = [keyword.text for keyword in found]
    assert len(found) == 10
    joined = " | ".join(texts).lower()
    assert "balochistan" in joined
    assert "military operation" in joined
    assert "counterterrorism" in joined or "counter-terrorism" in joined
    assert "pakistan" in joined
    # No filler: every keyword has a word that a reader would call a subject.
    subject_words = {"balochistan", "military", "operation", "counterterrorism", "national", "security", "action"}
    subject_words |= {"pakistan", "army", "political", "liberation", "committee", "apex", "campaign"}
    for text in texts:
        assert set(text.lower().split()) & subject_words, text


def test_seed_keywords_are_deterministic_and_ranked(seed_text: str) -> None:
    first = summarize.keywords(seed_text, top=30)
    assert first == summarize.keywords(seed_text, top=30)
    scores = [keyword.score for keyword in first]
    assert scores == sorted(scores, reverse=True)
    assert summarize.keywords(seed_text, top=5) == first[:5]


def test_no_stop_word_number_punctuation_or_filler_alone(seed_text: str) -> None:
    ignored = stop_words() | fillers()
    for text in (seed_text, PARK, TRIAL):
        for keyword in summarize.keywords(text, top=1000):
            words = re.findall(r"[^\W_]+(?:-[^\W_]+)*", keyword.text)
            assert words, keyword
            assert not any(word.lower() in ignored for word in words), keyword
            assert not keyword.text.replace(",", "").isdigit()
            assert keyword.text == " ".join(keyword.text.split())
            assert keyword.count >= 1
            assert keyword.score > 0


def test_keywords_keep_the_form_of_the_text() -> None:
    found = {keyword.text: keyword for keyword in summarize.keywords(TRIAL, top=10)}
    assert "malaria vaccine trial" in found
    assert found["malaria vaccine trial"].count == 2  # and once as "malaria vaccine" alone
    assert "World Health" in found  # capitals kept, not stems
    assert "Africa" in found
    assert not {"said", "according", "officials said", "three districts"} & set(found)


def test_counts_include_other_forms_and_longer_phrases() -> None:
    found = {keyword.text: keyword for keyword in summarize.keywords(PARK, top=10)}
    assert list(found) == ["public park", "council", "park", "river", "bicycle"]
    assert found["public park"].count == 2
    assert found["park"].count == 3  # twice inside "public park"
    assert found["council"].count == 3  # twice after "city", which is not marked


def test_paper_example_graph() -> None:
    """The first words of Mihalcea and Tarau's figure 2: neighbours linked, stop words skipped."""
    text = "Compatibility of systems of linear constraints over the set of natural numbers."
    vertices, weights = word_graph([candidate_words(text)], [text])
    assert vertices == ["compat", "system", "linear", "constraint", "set", "natur", "number"]
    edges = {tuple(sorted((vertices[i], vertices[j]))) for i, j in zip(*np.nonzero(weights), strict=True)}
    assert edges == {
        ("compat", "system"),
        ("linear", "system"),
        ("constraint", "linear"),
        ("constraint", "set"),
        ("natur", "set"),
        ("natur", "number"),
    }
    assert np.array_equal(weights, weights.T)


def test_window_links_words_further_apart() -> None:
    text = "alpha beta gamma delta"
    vertices, two = word_graph([candidate_words(text)], [text], window=2)
    _, three = word_graph([candidate_words(text)], [text], window=3)
    assert int(two.sum()) == 6
    assert int(three.sum()) == 10
    assert three[vertices.index("alpha"), vertices.index("gamma")] == 1


def test_the_text_is_one_sequence_of_words() -> None:
    """As in the paper, the window runs on from one sentence to the next."""
    texts = ["Alpha beta.", "Gamma delta."]
    vertices, weights = word_graph([candidate_words(t) for t in texts], texts)
    assert weights[vertices.index("beta"), vertices.index("gamma")] == 1
    assert weights[vertices.index("alpha"), vertices.index("gamma")] == 0


def test_large_vocabularies_get_a_sparse_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.keyphrases as module

    dense = summarize.keywords(PARK, top=5)
    monkeypatch.setattr(module, "DENSE_MAX_WORDS", 3)
    sparse = summarize.keywords(PARK, top=5)
    assert [(k.text, k.count) for k in sparse] == [(k.text, k.count) for k in dense]
    assert [k.score for k in sparse] == pytest.approx([k.score for k in dense])


def test_the_one_pagerank_ranks_the_words(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.pipeline as pipeline
    from summarize.ranking import pagerank

    calls: list[int] = []

    def counting(weights: np.ndarray, **options: float) -> np.ndarray:
        calls.append(weights.shape[0])
        return pagerank(weights, **options)

    monkeypatch.setattr(pipeline, "pagerank", counting)
    summarize.keywords(PARK)
    assert len(calls) == 1


def test_marked_share_and_phrases_known_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.keyphrases as module

    text = "Red apple pie and red apple juice"
    words = [candidate_words(text)]
    vertices, _ = word_graph(words, [text])
    scores = np.array([0.4, 0.3, 0.2, 0.1])  # red, apple, pie, juice
    assert vertices == ["red", "appl", "pie", "juic"]
    # A third of four words, rounded: "red" alone is marked.
    assert phrases(words, [text], vertices, scores) == (Keyword(text="Red", score=0.4, count=2),)
    monkeypatch.setattr(module, "MARKED_SHARE", 0.5)
    (phrase, *_) = phrases(words, [text], vertices, scores)
    assert phrase.text == "Red apple"
    assert phrase.count == 2
    assert phrase.score == pytest.approx(0.7)


def test_candidates_need_a_letter_and_two_characters() -> None:
    text = "the 2024 COVID-19 x Al-Shabaab 3D"
    assert [text[t.start : t.end] for t in candidate_words(text) if is_candidate(t, text[t.start : t.end])] == [
        "COVID-19",
        "Al-Shabaab",
        "3D",
    ]


def test_fillers_bound_phrases() -> None:
    text = "Officials said vaccines work"
    assert [(text[t.start : t.end], t.term) for t in candidate_words(text)][1] == ("said", "")
    assert "said" not in stop_words()  # the stop words for summaries are unchanged


def test_empty_and_stop_word_texts_have_no_keywords() -> None:
    assert summarize.keywords("") == ()
    assert summarize.keywords("It was there, and then it was not.") == ()
    assert summarize.keywords("Balochistan Operation") == (Keyword(text="Balochistan", score=0.5, count=1),)


def test_keyword_is_immutable() -> None:
    keyword = summarize.keywords(PARK, top=1)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        keyword.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"top": 0}, r"The 'top' parameter must be an int >= 1\. Got 0 instead"),
        ({"top": 2.5}, r"'top' parameter must be an int >= 1\. Got 2\.5"),
        ({"window": 1}, r"The 'window' parameter must be an int >= 2\. Got 1 instead"),
        ({"window": 11}, r"The 'window' parameter must be an int in \[2, 10\]\. Got 11 instead"),
        ({"language": "latin"}, r"The 'language' parameter must be one of 'arabic', .* Got 'latin' instead"),
    ],
)
def test_invalid_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        summarize.keywords(PARK, **options)  # type: ignore[arg-type]


def test_text_must_be_a_string() -> None:
    with pytest.raises(InvalidParameterError, match="'text'"):
        summarize.keywords(b"bytes")  # type: ignore[arg-type]


def test_summarizer_keywords_use_its_language_and_pagerank_options() -> None:
    german = (
        "Die Stadt Freiburg baut eine neue Bibliothek. Die neue Bibliothek steht im Zentrum der Stadt. "
        "Die Bürger der Stadt freuen sich auf die neue Bibliothek."
    )
    reader = summarize.Summarizer(language="german")
    assert reader.keywords(german) == summarize.keywords(german, language="german")
    assert reader.keywords(german) == summarize.Summarizer(language="auto").keywords(german)
    assert "Stadt" in [k.text for k in reader.keywords(german)]
    with pytest.raises(summarize.ConvergenceError):
        dataclasses.replace(reader, max_iter=1).keywords(german)


def test_chinese_and_japanese_keywords_are_runs_of_the_text() -> None:
    chinese = "新图书馆位于市中心。新图书馆将提供图书和自习室。市民都期待新图书馆。"
    found = summarize.keywords(chinese, language="chinese", top=3)
    assert "图书馆" in found[0].text
    assert found[0].count == 3
    for keyword in summarize.keywords(chinese, language="chinese", top=100):
        assert keyword.text in chinese
    japanese = "新しい図書館が完成した。図書館には本が多い。市民は図書館を楽しみにしている。"
    (best,) = summarize.keywords(japanese, language="japanese", top=1)
    assert best.text in "図書館"
    assert len(best.text) > 1
    assert best.count == 3
