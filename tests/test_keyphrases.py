"""Keywords (summarize.keyphrases): TextRank over words, phrases in their written form,
on the seed and short texts."""

import dataclasses
import re
from pathlib import Path

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
    assert "comprehensive operation" in joined  # the headline's words: keywords read the title too
    assert "terror" in joined
    assert "pakistan" in joined
    # No filler: every keyword has a word that a reader would call a subject.
    subject_words = {"balochistan", "military", "operation", "counterterrorism", "national", "security", "action"}
    subject_words |= {"pakistan", "army", "political", "liberation", "committee", "apex", "campaign", "terrorist"}
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
    assert "World Health Organization" in found  # capitals kept, not stems
    assert "Malaria" in found
    assert not {"said", "according", "officials said", "three districts"} & set(found)


def test_counts_include_other_forms_and_longer_phrases() -> None:
    found = {keyword.text: keyword for keyword in summarize.keywords(PARK, top=10)}
    assert list(found)[:5] == ["city council", "public park", "bicycle path", "council", "river"]
    assert found["public park"].count == 2  # "new" is too common an adjective to start a keyphrase
    assert found["park"].count == 3  # twice inside "public park"
    assert found["council"].count == 3  # twice inside "city council"


def test_paper_example_graph() -> None:
    """The first words of Mihalcea and Tarau's figure 2: neighbours linked, stop words skipped."""
    text = "Compatibility of systems of linear constraints over the set of natural numbers."
    vertices, weights = word_graph([candidate_words(text)], [text], window=2)
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
    vertices, weights = word_graph([candidate_words(t) for t in texts], texts, window=2)
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
    import summarize.ranking as ranking

    pagerank = ranking.pagerank
    calls: list[int] = []

    def counting(weights: np.ndarray, **options: float) -> np.ndarray:
        calls.append(weights.shape[0])
        return pagerank(weights, **options)

    monkeypatch.setattr(ranking, "pagerank", counting)
    summarize.keywords(PARK)
    summarize.keywords("Die neue Bibliothek steht im Zentrum der Stadt.", language="german")
    summarize.keywords("新图书馆位于市中心。", language="chinese")
    assert len(calls) == 3


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
    assert summarize.keywords("Balochistan Operation") == (Keyword(text="Balochistan Operation", score=1.0, count=1),)


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


# A short text written for each language with word classes, and a noun phrase of it
# that must be among its three best keywords.
LIBRARY = {
    "english": (
        "The city of Leeds is building a new public library. The new public library will open in spring "
        "near the river. Residents have waited years for a modern library. The mayor presented the plan "
        "to the city council.",
        "public library",  # "new" is too common an adjective to start a keyphrase
    ),
    "german": (
        "Die Stadt Freiburg baut eine neue Bibliothek. Die neue Bibliothek steht im Zentrum der Stadt und "
        "bietet viele Bücher. Die Bürger der Stadt freuen sich auf die neue Bibliothek. Der Bürgermeister "
        "eröffnet die Bibliothek im Frühling.",
        "Bibliothek",
    ),
    "french": (
        "La ville de Lyon construit une nouvelle bibliothèque municipale. La nouvelle bibliothèque municipale "
        "ouvrira au printemps près de la rivière. Les habitants attendaient depuis longtemps une grande "
        "bibliothèque. Le maire a présenté le projet au conseil municipal.",
        "bibliothèque municipale",
    ),
    "spanish": (
        "El ayuntamiento de Sevilla construye una nueva biblioteca pública. La nueva biblioteca pública abrirá "
        "en primavera cerca del río. Los vecinos esperaban desde hace años una biblioteca moderna. El alcalde "
        "presentó el proyecto al consejo municipal.",
        "biblioteca pública",
    ),
    "portuguese": (
        "A prefeitura de Lisboa constrói uma nova biblioteca pública. A nova biblioteca pública vai abrir na "
        "primavera perto do rio. Os moradores esperavam há anos por uma biblioteca moderna. O presidente da "
        "câmara apresentou o projeto ao conselho municipal.",
        "biblioteca pública",
    ),
    "italian": (
        "Il comune di Bologna costruisce una nuova biblioteca pubblica. La nuova biblioteca pubblica aprirà in "
        "primavera vicino al fiume. I cittadini aspettavano da anni una biblioteca moderna. Il sindaco ha "
        "presentato il progetto al consiglio comunale.",
        "biblioteca pubblica",
    ),
    "dutch": (
        "De gemeente Utrecht bouwt een nieuwe openbare bibliotheek. De nieuwe openbare bibliotheek gaat in het "
        "voorjaar open bij de rivier. De inwoners wachten al jaren op een moderne bibliotheek. De burgemeester "
        "presenteerde het plan aan de gemeenteraad.",
        "openbare bibliotheek",
    ),
    "swedish": (
        "Kommunen i Uppsala bygger ett nytt offentligt bibliotek. Det nya offentliga biblioteket öppnar i vår "
        "nära floden. Invånarna har väntat i många år på ett modernt bibliotek. Kommunalrådet presenterade "
        "planen för kommunfullmäktige.",
        "offentligt bibliotek",
    ),
    "danish": (
        "Kommunen i Aarhus bygger et nyt offentligt bibliotek. Det nye offentlige bibliotek åbner til foråret "
        "nær åen. Borgerne har ventet i mange år på et moderne bibliotek. Borgmesteren præsenterede planen "
        "for byrådet.",
        "nyt offentligt bibliotek",
    ),
    "norwegian": (
        "Kommunen i Bergen bygger et nytt offentlig bibliotek. Det nye offentlige biblioteket åpner til våren "
        "nær elva. Innbyggerne har ventet i mange år på et moderne bibliotek. Ordføreren presenterte planen "
        "for bystyret.",
        "nytt offentlig bibliotek",
    ),
    "finnish": (
        "Tampereen kaupunki rakentaa uuden kirjaston. Uusi kirjasto avataan keväällä joen rannalla. Kaupungin "
        "asukkaat ovat odottaneet modernia kirjastoa monta vuotta. Pormestari esitteli kirjaston suunnitelman "
        "kaupunginvaltuustolle.",
        "Kaupungin asukkaat",  # the first, "kirjasto avataan keväällä joen rannalla", holds a verb the lexicon lacks
    ),
    "romanian": (
        "Primăria din Cluj construiește o nouă bibliotecă publică. Noua bibliotecă publică se va deschide în "
        "primăvară lângă râu. Locuitorii așteaptă de mulți ani o bibliotecă modernă. Primarul a prezentat "
        "proiectul consiliului local.",
        "bibliotecă publică",
    ),
    "russian": (
        "Город Казань строит новую городскую библиотеку. Новая городская библиотека откроется весной рядом "
        "с рекой. Жители города давно ждали современную библиотеку. Мэр представил проект городскому совету.",
        "новую городскую библиотеку",
    ),
}


def test_every_language_with_word_classes_has_a_text() -> None:
    from summarize.languages import LANGUAGES
    from summarize.wordclasses import has_word_classes

    assert {language for language in LANGUAGES if has_word_classes(language)} == set(LIBRARY)


@pytest.mark.parametrize("language", sorted(LIBRARY))
def test_keyphrases_are_noun_phrases_in_every_language_with_word_classes(language: str) -> None:
    from summarize.wordclasses import word_class

    text, phrase = LIBRARY[language]
    found = summarize.keywords(text, language=language, top=10)
    assert phrase in [keyword.text for keyword in found[:3]]
    for keyword in found:
        assert keyword.text in text
        # No verb the lexicon knows, and never a phrase that holds a word twice.
        words = keyword.text.split()
        assert not [word for word in words if word_class(word, language) == "V"], keyword
        assert len({word.lower() for word in words}) == len(words), keyword
    assert summarize.keywords(text, language="auto") == summarize.keywords(text, language=language) or language in {
        "norwegian"  # detected as Danish
    }


# A tiny paper: title lines and authors (fragments), an abstract, a body, and references.
PAPER = "\n".join(
    [
        "Grid Service Discovery with Local Registries",
        "Ann Example, Bob Sample",
        "Department of Computing, Example University",
        "ABSTRACT",
        "Grid service discovery finds services on a computational grid. "
        "We describe grid service discovery with local registries, which keep service descriptions.",
        "1. INTRODUCTION",
        " ".join(
            f"Local registries quickly resolve queries about service number {i}, "
            "and the grid keeps each registry consistent."
            for i in range(12)
        ),
        "Grid service discovery grows with the number of local registries. "
        "Service descriptions are copied between local registries.",
        "REFERENCES",
        *[
            f"[{i}] A. Author and B. Writer. Bayesian Spam Filtering Methods. "
            f"In Proceedings of the Conference on Email, pages {i}-{i + 9}, 200{i % 10}."
            for i in range(1, 6)
        ],
    ]
)


def test_a_paper_gives_its_subject_not_its_references() -> None:
    from summarize.references import references_start

    found = [keyword.text.lower() for keyword in summarize.keywords(PAPER, top=5)]
    assert {"grid service discovery", "local registries"} <= set(found[:3])
    for phrase in found:
        assert not {"spam", "bayesian", "proceedings", "conference", "author"} & set(phrase.split()), phrase
    texts = [sentence.text for sentence in summarize.split_sentences(PAPER) if not sentence.fragment]
    start = references_start(texts)
    assert texts[start].startswith("[1]")
    assert all("Bayesian" not in text for text in texts[:start])


def test_references_need_a_list_past_the_opening() -> None:
    from summarize.references import references_start

    body = ["Grids share computers between institutes."] * 30
    marked = ["In 1999 A. Smith wrote the first grid paper."] * 20  # years and initials, but a body
    assert references_start(body) == 30
    assert references_start(["[1] A. Smith. Grids. 1999.", "[2] B. Jones.", *body]) == 32  # at the start: no list
    assert references_start(body + marked) == 30  # 60% of the next 12 sentences look like references
    assert references_start(marked[:3] + body) == 33


def test_no_keyword_holds_a_word_twice_nor_a_verb() -> None:
    text = (
        "The UDDI Local Registry UDDI Local Registry keeps services. "
        "Bamboo DHT allows multiple proxy registries. The sensors deployed increases coverage."
    )
    found = [keyword.text for keyword in summarize.keywords(text, top=20)]
    assert "UDDI Local Registry" in found
    for phrase in found:
        words = phrase.lower().split()
        assert len(set(words)) == len(words), phrase
        assert not {"allows", "increases", "keeps", "deployed"} & set(words), phrase


def test_word_classes_and_rarity() -> None:
    from summarize.wordclasses import has_word_classes, rarity, word_class

    assert [word_class(w) for w in ["registry", "linear", "allows", "quickly", "Zyxwv", "well-known"]] == [
        "N",
        "N",
        "V",
        "O",
        "N",  # a word the lexicon lacks is a noun
        "P",  # a hyphenated word has the class of its last part
    ]
    assert word_class("structurally") == "O"  # guessed from its ending
    common, rare, unseen = rarity(["people", "database", "zyxwv"], "english")
    assert 1 < common < 2 < rare < 4 < unseen < 5
    assert {
        language for language in ("arabic", "hungarian", "chinese", "japanese") if has_word_classes(language)
    } == set()


def test_long_texts_weigh_counts_and_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.nounphrases as module

    long_text = " ".join([PAPER.split("REFERENCES")[0]] * 2)
    ranked = [keyword.text for keyword in summarize.keywords(long_text, top=5)]
    monkeypatch.setattr(module, "LONG_TEXT_WORDS", 10**9)  # read as a short text
    as_short = [keyword.text for keyword in summarize.keywords(long_text, top=5)]
    assert ranked != as_short
    assert ranked[0] == "Local registries"  # five times as frequent as "Grid service discovery"
    assert as_short[0] == "Grid service discovery"


def test_nothing_of_the_lexicons_is_loaded_until_keywords_are_asked_for() -> None:
    import subprocess
    import sys

    code = (
        "import sys, summarize\n"
        "summarize.summarize('Cats purr. Dogs bark. Cats and dogs play.')\n"
        "before = 'summarize.wordclasses' in sys.modules\n"
        "summarize.keywords('Cats purr. Dogs bark.')\n"
        "print(before, 'summarize.wordclasses' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


README_LIKE = """Install the package with pip install summarize and read https://github.com/example/summarize/docs.
Write to maintainer@gmail.com or visit www.example.com/help for support. Run python setup.py install first.
The tool changes its behav-
ior when the configuration file is missing. The configuration file sets the summary length.
The behav\u2010
ior of the summary depends on the configuration file and the summary length.
"""


def test_keywords_leave_out_addresses_and_join_hyphenated_line_breaks() -> None:
    found = [keyword.text.lower() for keyword in summarize.keywords(README_LIKE, top=20)]
    words = {word for text in found for word in text.split()}
    assert not words & {"com", "https", "github", "gmail", "www", "py", "maintainer", "behav", "ior"}, found
    assert "behavior" in words
    assert "configuration file" in found


def test_the_command_keywords_leave_out_addresses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from summarize.cli import main

    page = tmp_path / "README.txt"
    page.write_text(README_LIKE, encoding="utf-8")
    assert main(["keywords", "-n", "20", str(page)]) == 0
    printed = capsys.readouterr().out.lower().split()
    assert "behavior" in printed
    assert not {"com", "https", "gmail", "behav", "ior"} & set(printed)
