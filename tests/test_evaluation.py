"""Evaluation: ROUGE of rankers on a tiny JSON Lines dataset written here."""

import json
import math
import statistics
from pathlib import Path

import numpy as np
import pytest

import summarize
from summarize import InputError, InvalidParameterError
from summarize.cli import main
from summarize.evaluation import REFERENCE, Evaluation, evaluate, format_table, lead_removed, read_dataset

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
    assert lines[0] == "| ranker | documents | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | rank | vs LEAD | ms/doc | checks |"
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


MARKDOWN = {
    "text": "Sprockets **turn** [gears](https://example.org/gears) quickly.",
    "summary": "Sprockets turn gears quickly.",
}


def test_texts_read_as_a_format_are_summarised_with_their_structure() -> None:
    (plain,) = evaluate([MARKDOWN], rankers=["lead"], sentences=1)
    (markdown,) = evaluate([MARKDOWN], rankers=["lead"], sentences=1, input_format="markdown")
    assert plain.rouge1 < 100.0  # the link's address and the markup's words are read
    assert markdown.rouge1 == pytest.approx(100.0)
    with pytest.raises(InvalidParameterError, match=r"'input_format' parameter must be one of .* Got 'pdf'"):
        evaluate([MARKDOWN], rankers=["lead"], input_format="pdf")


def test_cli_input_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "markdown.jsonl"
    path.write_text(json.dumps(MARKDOWN) + "\n", encoding="utf-8")
    assert main(["evaluate", str(path), "--ranker", "lead", "--input-format", "auto", "-f", "json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["rouge1"] == pytest.approx(100.0)
    assert main(["evaluate", str(path), "--input-format", "docx"]) == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err


def test_table_reports_failed_checks() -> None:
    row = Evaluation(ranker="x", documents=1, rouge1=0, rouge2=0, rouge_lsum=0, ms_per_document=1, empty=1, fragments=2)
    assert format_table([row]).splitlines()[2].endswith("| 1 empty, 2 fragments chosen |")


def test_lead_removed_drops_exactly_the_first_sentence() -> None:
    record = {"id": "x", "text": "The dam burst.  Water flooded\nthe farms. Crews came.", "summary": "old"}
    assert lead_removed(record) == {
        "id": "x",
        "text": "Water flooded\nthe farms. Crews came.",
        "summary": "The dam burst.",
    }
    # A fragment (a heading) before the first sentence goes with it.
    headed = lead_removed({"text": "FLOODS\n\nThe dam burst. Water came. Crews came.", "summary": ""})
    assert headed == {"text": "Water came. Crews came.", "summary": "The dam burst."}
    assert lead_removed({"text": "Only one sentence.", "summary": ""}) is None


def test_drop_lead_scores_against_the_removed_sentence() -> None:
    # Each text's second sentence repeats its first: after the lead is dropped, LEAD
    # (the new first sentence) matches the removed one word for word.
    records = [
        {"text": "Voters chose a mayor. Voters chose a mayor. Turnout was low.", "summary": "unrelated"},
        {"text": "Rain fell. Rain fell. Rivers rose.", "summary": "unrelated"},
        {"text": "Too short.", "summary": "skipped"},
    ]
    (lead,) = evaluate(records, rankers=["lead"], sentences=1, drop_lead=True)
    assert lead.documents == 2
    assert lead.rouge1 == pytest.approx(100.0)
    (plain,) = evaluate(records, rankers=["lead"], sentences=1)
    assert plain.documents == 3
    assert plain.rouge1 == 0.0


def test_halves_split_the_records_by_number(dataset: Path) -> None:
    assert [r["id"] for r in read_dataset(dataset, half="odd")] == ["lead-1", "central"]
    assert [r["id"] for r in read_dataset(dataset, half="even")] == ["lead-2"]
    assert [r["id"] for r in read_dataset(dataset, half="odd", limit=1)] == ["lead-1"]
    with pytest.raises(InvalidParameterError, match=r"The 'half' parameter must be one of 'odd', 'even' or None"):
        list(read_dataset(dataset, half="first"))


def test_each_ranker_is_ranked_against_lead() -> None:
    lead, textrank = evaluate(RECORDS[2:], rankers=["lead", "textrank"], sentences=1)
    assert (textrank.rank, lead.rank) == (1, 2)
    assert textrank.versus_lead is not None
    assert textrank.versus_lead[0] == pytest.approx(textrank.rouge1 - lead.rouge1)
    assert textrank.versus_lead[0] > 50
    assert lead.versus_lead == (0.0, 0.0, 0.0)
    (alone,) = evaluate(RECORDS, rankers=["textrank"])
    assert alone.rank == 1
    assert alone.versus_lead is None


def test_difference_from_lead_has_its_standard_error() -> None:
    from rouge_score.rouge_scorer import RougeScorer

    lead, textrank = evaluate(RECORDS, rankers=["lead", "textrank"], sentences=1)
    scorer = RougeScorer(["rouge1"], use_stemmer=True)
    differences = []
    for record in RECORDS:  # each ranker's one sentence, scored by hand
        first = summarize.summarize(record["text"], sentences=1, ranker="lead")[0].text
        central = summarize.summarize(record["text"], sentences=1, ranker="textrank")[0].text
        pair = [100 * scorer.score(record["summary"], text)["rouge1"].fmeasure for text in (central, first)]
        differences.append(pair[0] - pair[1])
    assert textrank.versus_lead is not None
    assert textrank.versus_lead[0] == pytest.approx(sum(differences) / 3)
    assert textrank.versus_lead_error == pytest.approx(statistics.stdev(differences) / math.sqrt(3))
    assert textrank.versus_lead_error > 0
    assert lead.versus_lead_error == 0.0
    (alone,) = evaluate(RECORDS, rankers=["textrank"])
    assert alone.versus_lead_error is None
    one = evaluate(RECORDS[:1], rankers=["lead", "textrank"], sentences=1)
    assert [e.versus_lead_error for e in one] == [None, None]  # no spread from one document


def test_table_shows_rank_and_difference_from_lead() -> None:
    rows = [
        Evaluation(ranker="a", documents=1, rouge1=40.0, rouge2=10.0, rouge_lsum=30.0, ms_per_document=1),
        Evaluation(ranker="lead", documents=1, rouge1=41.0, rouge2=9.5, rouge_lsum=30.0, ms_per_document=1),
        Evaluation(ranker="b", documents=1, rouge1=41.0, rouge2=9.0, rouge_lsum=29.0, ms_per_document=1),
    ]
    cells = [[cell.strip() for cell in line.split("|")[1:-1]] for line in format_table(rows).splitlines()[2:]]
    assert [(row[0], row[5], row[6]) for row in cells] == [
        ("a", "3", "-1.00 / +0.50 / +0.00"),
        ("lead", "1", ""),
        ("b", "1", "+0.00 / -0.50 / -1.00"),
    ]
    sure = Evaluation(
        ranker="c", documents=9, rouge1=43.0, rouge2=9.5, rouge_lsum=30.0, ms_per_document=1, versus_lead_error=0.5
    )
    (row,) = [line for line in format_table([sure, rows[1]]).splitlines() if line.startswith("| c ")]
    assert row.split("|")[7].strip() == "+2.00 (±0.50) / +0.00 / +0.00"


def test_cli_adds_lead_and_reads_several_files(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(dataset), str(dataset), "--ranker", "textrank", "-n", "1", "--half", "odd"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == str(dataset)
    rows = [line for line in out if line.startswith(("| textrank", "| lead"))]
    assert [row.split("|")[1].strip() for row in rows] == ["textrank", "lead"] * 2
    assert all(row.split("|")[2].strip() == "2" for row in rows)
    assert out.count(str(dataset)) == 2


def test_cli_drop_lead(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "repeat.jsonl"
    path.write_text(json.dumps({"text": "Rain fell. Rain fell. Rivers rose.", "summary": "x"}) + "\n", encoding="utf-8")
    assert main(["evaluate", str(path), "--ranker", "lead", "-n", "1", "--drop-lead", "-f", "json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["dataset"], row["documents"], row["rouge1"], row["rank"]) == (str(path), 1, 100.0, 1)


def test_rankers_of_your_own_are_reported_by_name() -> None:
    from summarize import Ranker

    last = Ranker(
        name="last", description="the last sentence", similarity=None, prior=lambda n: np.arange(n, dtype=float) ** 8
    )
    mine, lead = evaluate(RECORDS[2:], rankers=[last, "lead"], sentences=1)
    assert lead.ranker == "lead"
    assert mine.ranker == "last"
    assert mine.rouge1 < 50
    assert mine.versus_lead is not None
    with pytest.raises(InvalidParameterError, match=r"rankers of different names. Got \['lead', 'lead'\]"):
        evaluate(RECORDS, rankers=["lead", "lead"])
