"""Terms: tokens, lower case, stop words, Snowball stems."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

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
    assert [(word, stem(word)) for word in cached] == list(cached.items())
    assert not set(cached) & stop_words()


def test_tokens_keep_offsets_stop_words_and_compounds() -> None:
    from summarize.terms import tokens

    text = "The counter-terrorism plan, approved  today"
    found = [(text[t.start : t.end], t.term, t.joined) for t in tokens(text)]
    assert found == [
        ("The", "", False),
        ("counter-terrorism", "counter-terror", True),
        ("plan", "plan", True),
        ("approved", "approv", False),  # after a comma
        ("today", "today", True),
    ]


def test_chinese_terms_are_bigrams_cut_at_stop_characters() -> None:
    from summarize.terms import tokens

    assert analyzer("chinese")("国家安全委员会的会议") == ["国家", "家安", "安全", "全委", "委员", "员会", "会议"]
    text = "我们的图书馆"
    assert [(text[t.start : t.end], t.joined) for t in tokens(text, language="chinese")] == [
        ("图书", False),
        ("书馆", True),
    ]
    assert analyzer("chinese")("Beijing 的 图书馆") == ["beijing", "图书", "书馆"]


def test_japanese_hiragana_separates_terms() -> None:
    assert analyzer("japanese")("東京都の新しい図書館") == ["東京", "京都", "新", "図書", "書館"]
    assert analyzer("japanese")("コンピュータを使う") == ["コン", "ンピ", "ピュ", "ュー", "ータ", "使"]


def test_romanian_stop_words_match_without_diacritics() -> None:
    assert analyzer("romanian")("și în şi si in") == []


def test_unknown_language_is_an_error() -> None:
    import pytest

    from summarize import InvalidParameterError

    with pytest.raises(InvalidParameterError, match=r"'language' parameter must be one of 'arabic'"):
        analyzer("klingon")
    with pytest.raises(InvalidParameterError, match="'language'"):
        stop_words("klingon")


def test_the_stem_cache_gives_the_same_terms_from_eight_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads that stem new words while the cache is replaced again and again still get every term."""
    from summarize import terms

    # Invented words, none in the shipped cache, so that every call stems and writes.
    sentences = [" ".join(f"zorbling{n}x{k}ing" for k in range(12)) for n in range(200)]
    monkeypatch.setattr(terms, "_CACHE_LIMIT", len(terms._stem_cache("english")) + 300)
    for cached in (terms._lookup, terms._analyzer, terms._tokenizer):
        cached.cache_clear()
    try:
        serial = [analyzer()(sentence) for sentence in sentences]
        for cached in (terms._lookup, terms._analyzer):
            cached.cache_clear()
        analyze = analyzer()
        barrier = threading.Barrier(8)

        def work(offset: int) -> list[list[str]]:
            barrier.wait()
            order = sentences[offset:] + sentences[:offset]
            found = [analyze(sentence) for sentence in order * 2]
            return found[len(sentences) - offset :][: len(sentences)]

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(work, range(0, 200, 25)))
    finally:
        for cached in (terms._lookup, terms._analyzer, terms._tokenizer):
            cached.cache_clear()
    assert all(terms_of_thread == serial for terms_of_thread in results)
    assert serial[0][:2] == ["zorbling0x0", "zorbling0x1"]
