"""Terms: tokens, lower case, stop words, Snowball stems."""

from summarize.terms import analyzer, stop_words


def test_terms_are_lowercased_stemmed_without_stop_words() -> None:
    assert analyzer()("The Militants were ATTACKING the railways") == ["milit", "attack", "railway"]


def test_tokens_are_unicode_aware() -> None:
    assert analyzer()("Café owners in Zürich protested") == ["café", "owner", "zürich", "protest"]


def test_possessives_and_curly_apostrophes_leave_no_stray_terms() -> None:
    assert analyzer()("Pakistan’s army and Pakistan's army") == ["pakistan", "armi", "pakistan", "armi"]


def test_a_sentence_of_stop_words_has_no_terms() -> None:
    assert analyzer()("It was there, and then it was not.") == []


def test_repeated_calls_agree_and_use_one_cached_analyzer() -> None:
    assert analyzer() is analyzer("english")
    assert analyzer()("running runners ran") == analyzer()("running runners ran") == ["run", "runner", "ran"]


def test_stop_words_are_shipped_lowercase() -> None:
    words = stop_words()
    assert {"the", "and", "of", "is"} <= words
    assert all(word == word.lower() and word.strip() == word for word in words)


def test_shipped_stem_cache_equals_nltk() -> None:
    from nltk.stem.snowball import SnowballStemmer

    from summarize.terms import _stem_cache

    stem = SnowballStemmer("english").stem
    cached = _stem_cache("english")
    assert len(cached) > 10_000
    assert [(word, stem(word)) for word, _ in cached] == list(cached)
    assert not {word for word, _ in cached} & stop_words()
