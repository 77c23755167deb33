"""Evaluation: ROUGE of rankers on a tiny JSON Lines dataset written here."""

import json
from pathlib import Path

import pytest

from summarize import InputError, InvalidParameterError
from summarize.cli import main
from summarize.evaluation import REFERENCE, evaluate, format_table, read_dataset

# Two documents whose references are exactly their first sentences, and one whose
# reference is its most central sentence.
RECORDS = [
    {
        "id": "lead-1",
        "text": "The dam burst on Sunday night. Water flooded the valley farms. Crews worked all week. Rain stopped.",
        "summary": "The dam burst on Sunday night.\nWater flooded the valley farms.",
    },
    {
        "id": "lead-2",
        "text": "Voters chose a new mayor. The count took two days. Turnout was low. The old mayor conceded.",
        "summary": "Voters chose a new mayor.",
    },
    {
        "id": "central",
        "text": (
            "Bells rang at noon. The festival of music and food opened in the old town square. "
            "Music played in the square. Food stalls lined the square."
        ),
        "summary": "The festival of music and food opened in the old town square.",
    },
]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS) + "\n", encoding="utf-8")
    return path


def test_lead_scores_100_where_the_references_are_the_lead(dataset: Path) -> None:
    (lead,) = evaluate(read_dataset(dataset, limit=2), rankers=["lead"], sentences=REFERENCE)
    assert lead.documents == 2
    assert (lead.rouge1, lead.rouge2, lead.rouge_lsum) == pytest.approx((100.0, 100.0, 100.0))
    assert lead.ms_per_document > 0


def test_centrality_wins_where_the_reference_is_central(dataset: Path) -> None:
    records = list(read_dataset(dataset))[2:]
    lead, textrank = evaluate(records, rankers=["lead", "textrank"], sentences=1)
    assert textrank.rouge1 == pytest.approx(100.0)
    assert lead.rouge1 < 50


def test_fixed_length_gives_every_summary_that_many_sentences(dataset: Path) -> None:
    (two,) = evaluate(read_dataset(dataset, limit=1), rankers=["lead"], sentences=3)
    # Three sentences against a two-sentence reference: recall 1, precision below 1.
    assert 0 < two.rouge1 < 100


def test_table_has_a_row_per_ranker(dataset: Path) -> None:
    table = format_table(evaluate(read_dataset(dataset), rankers=["adaptive", "lead"]))
    lines = table.splitlines()
    assert lines[0].startswith("| ranker | documents | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | ms/doc | checks |")
    assert all(line.endswith("| ok |") for line in lines[2:])
    assert [line.split("|")[1].strip() for line in lines[2:]] == ["adaptive", "lead"]
    assert all(line.split("|")[2].strip() == "3" for line in lines[2:])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "a"}\n', r"tiny\.jsonl, line 1: needs a string field 'summary'"),
        ('{"text": "a", "summary": "b"}\nnot json\n', r"tiny\.jsonl, line 2: not valid JSON"),
        ('["text"]\n', r"line 1: needs a string field 'text'"),
    ],
)
def test_bad_records_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "tiny.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(read_dataset(path))


def test_missing_dataset(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_dataset(tmp_path / "none.jsonl"))


# The reference is the lead; a central sentence shares half its words.
RUSSIAN = {
    "text": "Плотину прорвало ночью в воскресенье. Вода затопила фермы в долине. Спасатели работали всю неделю.",
    "summary": "Плотину прорвало ночью в воскресенье.",
}


def test_other_languages_are_scored_on_their_own_words() -> None:
    (russian,) = evaluate([RUSSIAN], rankers=["lead"], sentences=1, language="russian")
    assert (russian.rouge1, russian.rouge2, russian.rouge_lsum) == pytest.approx((100.0, 100.0, 100.0))
    # rouge-score's own words are a-z and 0-9 only: no Russian word would count.
    (english,) = evaluate([RUSSIAN], rankers=["lead"], sentences=1)
    assert english.rouge1 == 0.0
    (two,) = evaluate([RUSSIAN], rankers=["lead"], sentences=2, language="russian")
    assert 0 < two.rouge1 < 100


def test_unknown_language_is_named() -> None:
    with pytest.raises(InvalidParameterError, match=r"The 'language' parameter must be .* Got 'klingon'"):
        evaluate(RECORDS, rankers=["lead"], language="klingon")
    with pytest.raises(InvalidParameterError, match=r"The 'language' parameter .* Got 'auto'"):
        evaluate(RECORDS, rankers=["lead"], language="auto")


def test_unknown_ranker_is_named() -> None:
    with pytest.raises(InvalidParameterError, match=r"The 'rankers' parameter must be names from .* Got 'magic'"):
        evaluate(RECORDS, rankers=["magic"])
    with pytest.raises(InvalidParameterError, match="'rankers'"):
        evaluate(RECORDS, rankers=[])


def test_cli_prints_the_table(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(dataset), "--ranker", "lead", "--ranker", "textrank", "-n", "1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2].startswith("| lead | 3 |")
    assert out.splitlines()[3].startswith("| textrank | 3 |")


def test_cli_json_and_limit(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(dataset), "--ranker", "lead", "--limit", "2", "--format", "json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["ranker"] == "lead"
    assert row["documents"] == 2
    assert row["rouge1"] == pytest.approx(100.0)


def test_cli_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "russian.jsonl"
    path.write_text(json.dumps(RUSSIAN, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["evaluate", str(path), "--ranker", "lead", "--language", "russian", "-f", "json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["rouge1"] == pytest.approx(100.0)
    assert main(["evaluate", str(path), "--language", "auto"]) == 2
    assert "invalid choice: 'auto'" in capsys.readouterr().err


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path / "none.jsonl")]) == 1
    assert capsys.readouterr().err == f"summarize: error: {tmp_path / 'none.jsonl'}: no such file\n"
    assert main(["evaluate", "x.jsonl", "--ranker", "magic"]) == 2
    assert "invalid choice: 'magic'" in capsys.readouterr().err


def test_table_reports_failed_checks() -> None:
    from summarize.evaluation import Evaluation

    row = Evaluation(ranker="x", documents=1, rouge1=0, rouge2=0, rouge_lsum=0, ms_per_document=1, empty=1, fragments=2)
    assert format_table([row]).splitlines()[2].endswith("| 1 empty, 2 fragments chosen |")
