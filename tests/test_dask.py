"""Dask: a real LocalCluster with worker processes gives exactly the records of a local run."""

import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize import FieldError, InvalidParameterError, Summarizer, summarize_records
from summarize.batch.cluster import summarize_dask
from summarize.cli import main

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

TEXTS = [
    "Cats purr. Cats and dogs play. Dogs bark. Dogs and cats sleep.",
    "The council approved the park. The park opens in May. Residents asked the council for a park.",
    "Rain fell. Rain and wind came at night. Wind blew. The night was cold.",
]
RECORDS: list[object] = [
    *({"id": f"r{n}", "text": f"{TEXTS[n % 3]} Record {n} has words {n}."} for n in range(20)),
    {"id": "no-text"},
    {"id": "not-a-string", "text": 3},
    {"id": "blank", "text": "  "},
    "not a record",
    {"text": TEXTS[0]},
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, scheduler_port=0
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster, set_as_default=False) as connected:
        yield connected


def test_cluster_has_worker_processes(client: distributed.Client) -> None:
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2


def test_bag_gives_the_records_of_a_local_run(client: distributed.Client) -> None:
    summarizer = Summarizer(sentences=2, order="score")
    bag = db.from_sequence(RECORDS, npartitions=4)
    summaries = summarize_dask(bag, summarizer=summarizer)
    assert summaries.npartitions == bag.npartitions  # partition by partition
    computed = summaries.compute(scheduler=client)
    assert computed == list(summarize_records(RECORDS, summarizer=summarizer, jobs=1))
    assert computed[-2:] == [
        {"id": None, "error": "not an object with fields (got str)"},
        computed[-1],
    ]
    assert computed[-1]["id"] is None


def test_bag_with_named_fields(client: distributed.Client) -> None:
    records = [{"url": f"u{n}", "body": text} for n, text in enumerate(TEXTS)]
    summaries = summarize_dask(db.from_sequence(records, npartitions=2), text_field="body", id_field="url")
    assert summaries.compute(scheduler=client) == list(
        summarize_records(records, text_field="body", id_field="url", jobs=1)
    )


def test_dataframe_gives_the_records_of_a_local_run(client: distributed.Client) -> None:
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pandas.DataFrame(
        {"url": [f"u{n}" for n in range(7)], "body": [*TEXTS, *TEXTS, None], "n": range(7)},
        index=range(100, 107),
    )
    summaries = summarize_dask(dd.from_pandas(frame, npartitions=3), text_field="body", id_field="url")
    rows = [{"url": f"u{n}", "body": text} for n, text in enumerate([*TEXTS, *TEXTS])]
    expected = list(summarize_records(rows, text_field="body", id_field="url", jobs=1))
    computed = summaries.compute(scheduler=client)
    assert computed[:6] == expected
    assert computed[6] == {"id": "u6", "error": "the 'body' field is not a string (got null)"}


def test_dataframe_rows_without_an_id_column_are_named_by_their_index(client: distributed.Client) -> None:
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pandas.DataFrame({"text": [TEXTS[0], math.nan]}, index=["first", "second"])
    computed = summarize_dask(dd.from_pandas(frame, npartitions=1)).compute(scheduler=client)
    assert [record["id"] for record in computed] == ["first", "second"]
    assert computed[1]["error"].startswith("the 'text' field is not a string (got ")  # NaN, or None in pandas 3


def test_dataframe_without_the_text_column() -> None:
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pandas.DataFrame({"id": [1], "body": ["x"]}), npartitions=1)
    with pytest.raises(FieldError, match=r"the data frame has no 'text' column \(its columns: 'id', 'body'\)"):
        summarize_dask(frame)
    with pytest.raises(FieldError, match="no 'url' column"):
        summarize_dask(frame, text_field="body", id_field="url")


def test_not_a_dask_collection() -> None:
    with pytest.raises(InvalidParameterError, match=r"The 'collection' parameter must be a dask\.bag\.Bag or a dask"):
        summarize_dask(RECORDS)  # type: ignore[arg-type]


def test_command_on_the_cluster_writes_what_a_local_run_writes(
    cluster: distributed.LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in RECORDS) + "not json\n", encoding="utf-8")
    on_cluster, local = tmp_path / "cluster.jsonl", tmp_path / "local.jsonl"
    address = cluster.scheduler_address
    assert main(["batch", str(corpus), "-o", str(on_cluster), "--scheduler", address, "-n", "2"]) == 1
    assert capsys.readouterr().err == 'summarize: 21 summarised, 5 failed (see their "error" field)\n'
    assert main(["batch", str(corpus), "-o", str(local), "--jobs", "1", "-n", "2"]) == 1
    assert on_cluster.read_bytes() == local.read_bytes()
    assert len(on_cluster.read_text(encoding="utf-8").splitlines()) == len(RECORDS) + 1


def test_groups_of_records_on_the_cluster_give_the_records_of_a_local_run(cluster: distributed.LocalCluster) -> None:
    from summarize.batch.combine import summarize_groups
    from summarize.io.corpus import Record
    from summarize.pipeline import Summarizer

    records = [Record(id=n, text=f"{TEXTS[n % 3]} Record {n} ends.", group=n % 4) for n in range(12)]
    options = Summarizer(sentences=2, redundancy=0.5)
    on_cluster = list(summarize_groups(records, options=options, scheduler=cluster.scheduler_address))
    assert [record["group"] for record in on_cluster] == [0, 1, 2, 3]
    assert on_cluster == list(summarize_groups(records, options=options, jobs=1))
