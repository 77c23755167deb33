"""Languages: each one's sentence splitting (with its abbreviations), stop words, stems,
summaries and detection, on short texts written for these tests; unknown languages;
right-to-left text kept as it is."""

from dataclasses import dataclass

import pytest

import summarize
from summarize import LANGUAGES, InvalidParameterError, detect_language, split_sentences
from summarize.languages import ISO_CODES, check_language
from summarize.terms import analyzer, stop_words


@dataclass(frozen=True)
class Case:
    """A short news text about a new library, with one sentence about the weather.

    ``abbreviation`` occurs in the text before a capitalised word and must not end
    a sentence; English's Punkt parameters do not know it. ``forms`` are two forms
    of one word that must share a stem; ``stops`` are stop words of the language.
    """

    language: str
    text: str
    abbreviation: str
    forms: tuple[str, str]
    stops: tuple[str, ...]
    weather: int = 3  # index of the sentence about the weather


CASES = [
    Case(
        "arabic",
        "تبني مدينة عمان مكتبة جديدة. وقال د. أحمد إن المكتبة الجديدة ستكون في وسط المدينة. "
        "ستقدم المكتبة الجديدة للمدينة كتبا وصحفا وقاعات للدراسة. هل سيكون الطقس ممطرا غدا؟ "
        "ينتظر سكان المدينة افتتاح المكتبة الجديدة.",
        "د.",
        ("المكتبات", "مكتبة"),
        ("في", "من", "على"),
    ),
    Case(
        "danish",
        "Byen Aarhus bygger et nyt bibliotek. Ifølge bl.a. Jens Hansen skal biblioteket ligge midt i byen. "
        "Det nye bibliotek i byen får bøger, aviser og læsesale. I weekenden kommer der nok regn. "
        "Borgerne i byen glæder sig til det nye bibliotek.",
        "bl.a.",
        ("biblioteket", "biblioteker"),
        ("og", "i", "det"),
    ),
    Case(
        "dutch",
        "De stad Utrecht bouwt een nieuwe bibliotheek. Volgens dhr. Jansen komt de bibliotheek in het centrum "
        "van de stad. De nieuwe bibliotheek van de stad biedt boeken, kranten en studieplekken. Het weekend wordt "
        "waarschijnlijk regenachtig. De inwoners van de stad kijken uit naar de nieuwe bibliotheek.",
        "dhr.",
        ("bibliotheek", "bibliotheken"),
        ("de", "het", "van"),
    ),
    Case(
        "english",
        "The city of Leeds is building a new library. According to Prof. Smith the library will stand in the "
        "centre of the city. The new library of the city will offer books, newspapers and study rooms. It will "
        "probably rain at the weekend. The people of the city are looking forward to the new library.",
        "Prof.",
        ("libraries", "library"),
        ("the", "of", "and"),
    ),
    Case(
        "finnish",
        "Tampereen kaupunki rakentaa uuden kirjaston. Uuteen kirjastoon tulee paljon kirjoja, esim. Kalevala ja "
        "muita klassikoita. Kaupungin uusi kirjasto tarjoaa kirjoja, lehtiä ja lukusaleja. Viikonloppuna sataa "
        "luultavasti vettä. Kaupungin asukkaat odottavat uutta kirjastoa innolla.",
        "esim.",
        ("kirjaston", "kirjastoon"),
        ("ja", "on", "että"),
    ),
    Case(
        "french",
        "La ville de Lyon construit une nouvelle bibliothèque. La bibliothèque sera au 12 av. Victor Hugo, au "
        "centre de la ville. La nouvelle bibliothèque de la ville proposera des livres, des journaux et des salles "
        "d'étude. Il pleuvra sans doute ce week-end. Les habitants de la ville attendent la nouvelle bibliothèque.",
        "av.",
        ("bibliothèques", "bibliothèque"),
        ("le", "la", "et"),
    ),
    Case(
        "german",
        "Die Stadt Freiburg baut eine neue Bibliothek. Laut Dr. Weber steht die Bibliothek z.B. am Markt im "
        "Zentrum der Stadt. Die neue Bibliothek der Stadt bietet Bücher, Zeitungen und Lesesäle. Am Wochenende "
        "regnet es wahrscheinlich. Die Bürger der Stadt freuen sich auf die neue Bibliothek, die am 3. Oktober "
        "öffnet.",
        "z.B.",
        ("Bibliotheken", "Bibliothek"),
        ("und", "der", "die"),
    ),
    Case(
        "hungarian",
        "Debrecen városa új könyvtárat épít. A könyvtárban sok könyv lesz, pl. Petőfi Sándor versei is. Az új "
        "városi könyvtár könyveket, újságokat és olvasótermeket kínál. A hétvégén valószínűleg esni fog. A város "
        "lakói várják az új könyvtár megnyitását.",
        "pl.",
        ("könyvtárat", "könyvtár"),
        ("a", "az", "és"),
    ),
    Case(
        "italian",
        "La città di Bologna costruisce una nuova biblioteca. Secondo il sig. Rossi la biblioteca sarà nel "
        "centro della città. La nuova biblioteca della città offrirà libri, giornali e sale studio. Nel fine "
        "settimana probabilmente pioverà. Gli abitanti della città aspettano con ansia la nuova biblioteca.",
        "sig.",
        ("biblioteche", "biblioteca"),
        ("il", "della", "e"),
    ),
    Case(
        "norwegian",
        "Bergen kommune bygger et nytt bibliotek. Biblioteket skal ligge midt i byen og få mange bøker, f.eks. "
        "Ibsens skuespill. Det nye biblioteket i byen får også lesesaler og datamaskiner. I helgen blir det "
        "sannsynligvis regn. Innbyggerne i byen gleder seg til det nye biblioteket.",
        "f.eks.",
        ("biblioteket", "bibliotekene"),
        ("og", "i", "det"),
    ),
    Case(
        "portuguese",
        "A cidade do Porto está a construir uma nova biblioteca. Segundo a Sra. Silva, a biblioteca ficará no "
        "centro da cidade. A nova biblioteca da cidade vai oferecer livros, jornais e salas de estudo. No fim de "
        "semana provavelmente vai chover. Os moradores da cidade esperam ansiosamente pela nova biblioteca.",
        "Sra.",
        ("bibliotecas", "biblioteca"),
        ("a", "do", "e"),
    ),
    Case(
        "romanian",
        "Orașul Cluj construiește o bibliotecă nouă. Potrivit dl. Popescu, biblioteca va fi în centrul orașului. "
        "Noua bibliotecă a orașului va oferi cărți, ziare și săli de studiu. În weekend probabil va ploua. "
        "Locuitorii orașului așteaptă cu nerăbdare noua bibliotecă.",
        "dl.",
        ("bibliotecile", "biblioteca"),
        ("de", "la", "cu"),
    ),
    Case(
        "russian",
        "Город Казань строит новую библиотеку. Библиотека будет находиться на ул. Пушкина в центре города. "
        "Новая библиотека города предложит книги, газеты и читальные залы. В выходные, вероятно, будет дождь. "
        "Жители города с нетерпением ждут открытия новой библиотеки.",
        "ул.",
        ("библиотеку", "библиотеки"),
        ("и", "в", "на"),
    ),
    Case(
        "spanish",
        "La ciudad de Sevilla construye una nueva biblioteca. La biblioteca estará en la Avda. Constitución, en "
        "el centro de la ciudad. La nueva biblioteca de la ciudad ofrecerá libros, periódicos y salas de estudio. "
        "El fin de semana probablemente lloverá. Los vecinos de la ciudad esperan con ilusión la nueva biblioteca.",
        "Avda.",
        ("bibliotecas", "biblioteca"),
        ("el", "la", "de"),
    ),
    Case(
        "swedish",
        "Staden Uppsala bygger ett nytt bibliotek i centrum. Biblioteket ska ligga mitt i staden och få många "
        "böcker, t.ex. Strindbergs pjäser. Det nya biblioteket i staden får också läsesalar och datorer. I helgen "
        "blir det troligen regn. Invånarna i staden ser fram emot att biblioteket öppnar i maj.",
        "t.ex.",
        ("bibliotekets", "biblioteket"),
        ("och", "i", "det"),
    ),
]

UNSPACED_CASES = [
    Case(
        "chinese",
        "北京市正在建设一座新图书馆。新图书馆位于北京市中心！新图书馆将为市民提供图书、报纸和自习室。"
        "周末可能会下雨吗？北京市民都期待新图书馆开放。",
        "",
        ("图书馆", "图书"),
        ("的", "了", "是"),
    ),
    Case(
        "japanese",
        "東京都は新しい図書館を建設している。新しい図書館は東京都の中心にある！図書館は都民に本や新聞、"
        "自習室を提供する。週末は雨が降るかもしれない？東京都民は新しい図書館の開館を楽しみにしている。",
        "",
        ("図書館", "図書"),
        ("の", "は", "を"),
    ),
]

ALL_CASES = CASES + UNSPACED_CASES


def test_every_snowball_language_chinese_and_japanese_are_known() -> None:
    from nltk.stem.snowball import SnowballStemmer

    snowball = set(SnowballStemmer.languages) - {"porter"}
    assert set(LANGUAGES) == snowball | {"chinese", "japanese"}
    assert {case.language for case in ALL_CASES} == set(LANGUAGES)


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.language)
def test_five_sentences_abbreviations_do_not_end_them(case: Case) -> None:
    sentences = split_sentences(case.text, language=case.language)
    assert len(sentences) == 5, [s.text for s in sentences]
    assert all(s.text == case.text[s.start : s.end] for s in sentences)
    assert not any(s.fragment for s in sentences)
    if case.abbreviation:
        (holder,) = [s for s in sentences if case.abbreviation in s.text]
        assert not holder.text.endswith(case.abbreviation)


@pytest.mark.parametrize("case", [case for case in CASES if case.language != "english"], ids=lambda c: c.language)
def test_the_abbreviations_are_the_languages_own(case: Case) -> None:
    """Read by Punkt with English's abbreviations, the same text splits after the abbreviation.

    (Punkt alone: the rule layer keeps a sentence whole before a lower-case word in
    any language.)"""
    from summarize.punkt import punkt

    english = [case.text[start:end] for start, end in punkt("english").span_tokenize(case.text)]
    assert any(text.endswith(case.abbreviation) for text in english)


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.language)
def test_stop_words(case: Case) -> None:
    words = stop_words(case.language)
    assert set(case.stops) <= words
    assert all(word == word.lower() and word.strip() == word and word for word in words)
    assert case.forms[1].lower() not in words


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.language)
def test_word_forms_share_a_term(case: Case) -> None:
    analyze = analyzer(case.language)
    first, second = analyze(case.forms[0]), analyze(case.forms[1])
    assert first
    assert set(first) & set(second)
    assert analyze(" ".join(case.stops)) == []


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.language)
def test_summary_is_about_the_library_not_the_weather(case: Case) -> None:
    ranked = summarize.rank_sentences(case.text, language=case.language, ranker="textrank")
    assert ranked[case.weather].rank == len(ranked)
    (best,) = summarize.summarize(case.text, sentences=1, language=case.language)
    assert best.index != case.weather
    keywords = summarize.keywords(case.text, top=5, language=case.language)
    library = set(analyzer(case.language)(case.forms[1]))
    assert library & set(analyzer(case.language)(" ".join(keyword.text for keyword in keywords)))


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.language)
def test_language_is_detected(case: Case) -> None:
    assert detect_language(case.text) == case.language
    assert summarize.summarize(case.text, language="auto") == summarize.summarize(case.text, language=case.language)


def test_detection_of_text_without_letters_or_in_another_script_is_english() -> None:
    assert detect_language("") == "english"
    assert detect_language("12 345, 678.") == "english"
    assert detect_language("שלום עולם, זה טקסט בעברית.") == "english"


def test_unknown_language_lists_the_known_ones() -> None:
    message = r"The 'language' parameter must be one of 'arabic', 'auto', 'chinese', .*'swedish'\. Got 'klingon'"
    with pytest.raises(InvalidParameterError, match=message):
        summarize.summarize("Qapla'.", language="klingon")
    with pytest.raises(InvalidParameterError, match="'language'"):
        summarize.Summarizer(language="Englisch")  # "English" is english (any case), "en" too
    with pytest.raises(InvalidParameterError, match="'language'"):
        split_sentences("Text.", language="elvish")
    with pytest.raises(InvalidParameterError, match=r"'language'.*'swedish'\. Got 'auto'"):
        analyzer("auto")
    assert check_language("auto") == "auto"


def test_language_data_is_loaded_lazily() -> None:
    import subprocess
    import sys

    code = (
        "import sys, summarize, summarize.terms as t, summarize.languages as l, summarize.punkt as s\n"
        "print('nltk' in sys.modules, l._stop_words.cache_info().currsize, s.punkt.cache_info().currsize,\n"
        "      l._stop_word_weights.cache_info().currsize)\n"
        "summarize.summarize('Die Stadt baut eine Bibliothek. Sie ist neu.', language='german')\n"
        "print(sorted(l._stop_words.cache_info() and [x for x in ('english', 'german') if x]))\n"
        "print(l._stop_words.cache_info().currsize, s.punkt.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, _, after = result.stdout.splitlines()
    assert before == "False 0 0 0"
    assert after == "1 1"  # German's stop words and Punkt, and nothing of any other language


# Right-to-left text: vowel marks (harakat), a tatweel, right-to-left and left-to-right
# marks and an embedded Latin name, which must all come out exactly as they came in.
ARABIC_MARKED = (
    "\u200fقَالَ وَزِيرُ التَّعْلِيمِ إِنَّ المـدارس الجديدة ستفتح في سبتمبر.\n\n"
    "وأضاف أن المدارس الجديدة ستضم مكتبات حديثة ومختبرات للعلوم، وفق خطة \u200eUNESCO\u200e.\n\n"
    "وقال مدير المدارس إن المعلمين الجدد سيبدأون العمل قبل افتتاح المدارس.\n\n"
    "الطقس حار اليوم؟"
)


def test_arabic_text_comes_out_unchanged() -> None:
    summary = summarize.summarize(ARABIC_MARKED, sentences=3, language="arabic")
    assert [s.index for s in summary] == [0, 1, 2]
    for sentence in summary:
        assert sentence.text == ARABIC_MARKED[sentence.start : sentence.end]
    assert summary[0].text.startswith("\u200fقَالَ وَزِيرُ")
    assert "\u200eUNESCO\u200e" in summary[1].text


def test_arabic_vowel_marks_do_not_split_words() -> None:
    assert analyzer("arabic")("قَالَ وَزِيرُ التَّعْلِيمِ") == analyzer("arabic")("قال وزير التعليم")
    assert analyzer("arabic")("قَالَ") == []


def test_hebrew_text_comes_out_unchanged() -> None:
    text = "העירייה תבנה ספרייה חדשה. הספרייה החדשה תיפתח בקיץ. התושבים מחכים לספרייה."
    summary = summarize.summarize(text, sentences=2)
    assert all(s.text == text[s.start : s.end] for s in summary)
    assert summary.text in text


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("de", "german"),
        ("German", "german"),
        ("GERMAN", "german"),
        ("pt-BR", "portuguese"),
        ("zh_Hant", "chinese"),
        ("ja", "japanese"),
        ("nb", "norwegian"),
        ("Auto", "auto"),
        (" english ", "english"),
    ],
)
def test_a_language_by_its_code_or_in_any_case(given: str, name: str) -> None:
    assert check_language(given) == name
    assert summarize.Summarizer(language=given).language == name


def test_every_language_has_a_code() -> None:
    assert set(ISO_CODES.values()) == set(LANGUAGES)


def test_functions_take_a_language_code() -> None:
    text = "Die Stadt baut ca. 5 neue Schulen. Das kostet viel Geld."
    assert summarize.split_sentences(text, language="de") == summarize.split_sentences(text, language="german")
    assert summarize.summarize(text, language="De").language == "german"
    assert summarize.keywords(text, language="de") == summarize.keywords(text, language="german")
    assert stop_words("de") == stop_words("german")


@pytest.mark.parametrize("given", ["klingon", "xx", "", "d", 7])
def test_an_unknown_language_names_the_languages_there_are(given: object) -> None:
    with pytest.raises(InvalidParameterError, match=rf"must be one of 'arabic', .*'swedish'\. Got {given!r} instead"):
        summarize.Summarizer(language=given)  # type: ignore[arg-type]
