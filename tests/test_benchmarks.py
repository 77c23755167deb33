"""Every script of benchmarks/ and tools/ runs once, on tiny inputs written here, so that none goes stale.

Each script runs in a subprocess as a user runs it (``python benchmarks/NAME.py ...``
with the repository on ``PYTHONPATH``), on the three short documents of
:data:`DOCUMENTS`, written to a temporary folder as JSON Lines (and under the names
of the development files, for the scripts that take their folder); the test checks
its exit status and what it printed. A peer or source that is not installed (summa,
lexrank, sumy, pypdf, pdfminer.six, pySBD, stop-words, Unicode CLDR) must be named
by the script: the test checks that it says so, and checks the peer's row instead
when it is installed. The tools that rebuild shipped data write to the temporary
folder, and what they wrote is compared with the shipped files where the inputs
allow it.

The scripts spend most of their time starting Python and importing NLTK, so the
runs the selected tests need are started together, two at a time, when the first
of them is asked for.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "summarize" / "data"

# Three short news stories on one subject (so that they make a cluster), each with a
# reference summary of one sentence per line and its keyphrases.
DOCUMENTS = [
    {
        "id": "storm",
        "category": "news",
        "text": (
            "A storm hit the coast of Norway on Monday. Strong winds closed the main roads for hours.\n\n"
            "The storm cut power to ten thousand homes, the grid company said. Crews worked through the night "
            "to restore the power lines. Schools stayed closed on Tuesday.\n\n"
            "Forecasters expect calmer weather by Thursday. The storm was the strongest of the winter."
        ),
        "summary": "A storm hit the coast of Norway.\nThe storm cut power to ten thousand homes.",
        "keyphrases": ["storm", "power lines", "coast"],
    },
    {
        "id": "flood",
        "category": "news",
        "text": (
            "Heavy rain flooded the town of Bergen on Monday. The river rose above its banks after the storm.\n\n"
            "Rescue teams moved two hundred people from their homes. The town's roads were closed by the water, "
            "the police said. Power failed in the old harbour.\n\n"
            "The rain is expected to stop by Thursday. The flood was the worst in ten years."
        ),
        "summary": "Heavy rain flooded the town of Bergen.\nRescue teams moved two hundred people.",
        "keyphrases": ["flood", "rain", "rescue teams"],
    },
    {
        "id": "wind",
        "category": "news",
        "text": (
            "Strong winds from the storm damaged the harbour of Oslo on Tuesday. Two boats sank in the night.\n\n"
            "The harbour master said the winds reached a record speed. Ferries stayed in port until the winds "
            "calmed. Nobody was hurt, the police said.\n\n"
            "Repairs to the harbour will take weeks. The storm moved east on Wednesday."
        ),
        "summary": "Strong winds damaged the harbour of Oslo.\nTwo boats sank.",
        "keyphrases": ["harbour", "winds", "ferries"],
    },
]

# The development files' names, for the scripts that take their folder (tiny copies of DOCUMENTS).
DEVELOPMENT_NAMES = ("cnndm_dev", "cnndm_extra_dev", "bbc_dev", "pubmed_dev")

# Sentence boundary cases in the format of tests/boundaries (one spaced language, one unspaced).
CASES = {
    "english.txt": "# Written for this test.\nHe left at 9 a.m. on Monday. Then Mr. Smith came.\n"
    "> He left at 9 a.m. on Monday.\n> Then Mr. Smith came.\n",
    "chinese.txt": "今天天气很好。我们去公园！\n> 今天天气很好。\n> 我们去公园！\n",
}


# Design documents of three kinds, written for this test, in the layouts of their projects'
# repositories (benchmarks/design_docs.py build): each with its summary-like section.
_BODY = (
    "The scheduler places pods on nodes by their requests. It reads the requests of every container. "
    "Large clusters have many nodes and many pods. The scheduler scores each node for each pod.\n\n"
    "Scoring takes time on large clusters. Operators want faster scheduling. A cache of scores helps. "
    "The cache keeps the scores of recent pods. It is cleared when a node changes. "
    "Tests measure the time to schedule a thousand pods. The cache halves that time."
)
DESIGN_FILES = {
    "keps/sig-scheduling/1234-score-cache/README.md": (
        "# KEP-1234: Score cache\n\n<!-- toc -->\n- [Summary](#summary)\n- [Motivation](#motivation)\n"
        "<!-- /toc -->\n\n## Summary\n\n<!--\nA template's comment, not the summary.\n-->\n\n"
        "This KEP adds a cache of node scores to the scheduler. The cache halves scheduling time.\n\n"
        "```\n## not a heading\n```\n\n## Motivation\n\n" + _BODY + "\n"
    ),
    "keps/sig-scheduling/5678-no-summary/README.md": "# KEP-5678: Nothing\n\n## Motivation\n\n" + _BODY + "\n",
    "peps/pep-0999.rst": (
        "PEP: 999\nTitle: Score cache\nStatus: Draft\n\n\nAbstract\n========\n\n"
        "This PEP adds a cache of node scores to the ``scheduler`` module.\n\n"
        "Details\n-------\n\nThe cache is cleared by `a node change <https://example.org>`_.\n\n"
        "Motivation\n==========\n\n" + _BODY + "\n\n\nCopyright\n=========\n\n"
        "This document is placed in the public domain or under the\nCC0-1.0-Universal license, "
        "whichever is more permissive.\n"
    ),
    "peps/pep-0998.rst": "PEP: 998\n\nAbstract\n========\n\nA cache of scores.\n\nMotivation\n==========\n\n"
    + _BODY
    + "\n",
    "proposals/0001-score-cache.md": (
        "# Score cache\n\n* Proposal: [SE-0001](0001-score-cache.md)\n\n## Introduction\n\n"
        "This proposal adds a cache of node scores. It is cleared when a node changes.\n\n"
        "Swift-evolution thread: [Pitch](https://example.org/pitch)\n\n## Motivation\n\n" + _BODY + "\n"
    ),
}


@dataclass(frozen=True)
class Run:
    """A script run: one or more commands, one after another (each may use what the one before wrote)."""

    script: str
    steps: tuple[tuple[str, ...], ...]


def run(script: str, *steps: tuple[str, ...]) -> Run:
    return Run(script, steps)


# A treebank of two sentences in the CoNLL-U format of Universal Dependencies, written for the tests.
_ROWS = [
    ("Storms", "NOUN", "nsubj"),
    ("damaged", "VERB", "root"),
    ("power", "NOUN", "compound"),
    ("lines", "NOUN", "obj"),
    (".", "PUNCT", "punct"),
    ("Heavy", "ADJ", "amod"),
    ("storms", "NOUN", "nsubj"),
    ("hit", "VERB", "root"),
    ("coasts", "NOUN", "obj"),
    (".", "PUNCT", "punct"),
]
TREEBANK = "".join(
    f"{n}\t{form}\t{form.lower()}\t{upos}\t_\t_\t0\t{relation}\t_\t_\n" + ("\n" if form == "." else "")
    for n, (form, upos, relation) in enumerate(_ROWS, start=1)
)

# Each test's runs, by name; "{data}" is the folder of the tiny inputs.
RUNS: dict[str, Run] = {
    "batch_speed": run("benchmarks/batch_speed.py", ("{data}/tiny.jsonl", "--jobs", "1", "--rounds", "1")),
    "boundaries": run(
        "benchmarks/boundaries.py",
        ("--cases", "{data}/cases", "--texts", "{data}/tiny.jsonl", "--repeat", "1", "--show"),
    ),
    "design_docs": run(
        "benchmarks/design_docs.py",
        ("build", "--kind", "kep", "{data}/design", "-o", "{data}/built/keps.jsonl"),
        ("build", "--kind", "pep", "{data}/design", "-o", "{data}/built/peps.jsonl"),
        ("build", "--kind", "swift", "{data}/design", "-o", "{data}/built/swifts.jsonl"),
        (
            "rouge",
            "{data}/built/peps.jsonl",
            "--system",
            "lead",
            "--system",
            "default-structured",
            "--system",
            "default-plain",
            "--system",
            "sumy-lexrank",
        ),
        ("sections", "{data}/built/keps.jsonl", "--worst", "1"),
    ),
    "focus": run(
        "benchmarks/focus.py", ("{data}/tiny.jsonl", "--weights", "0.5,0.9"), ("{data}/tiny.jsonl", "--documents")
    ),
    "hostile": run("benchmarks/hostile.py", ("--cases", "timeout-1e10,window-1e9,utf16-bom")),
    "keyphrases": run(
        "benchmarks/keyphrases.py", ("{data}/tiny.jsonl", "--peers"), ("{data}/tiny.jsonl", "--half", "odd")
    ),
    "multidoc": run("benchmarks/multidoc.py", ("{data}/tiny.jsonl", "--min-cosine", "0", "--sentences", "2")),
    "one_sentence": run("benchmarks/one_sentence.py", ("{data}", "--settings", "cnndm_dev, 1 sentence")),
    "pathological": run(
        "benchmarks/pathological.py", ("{data}/tiny.jsonl", "--sizes", "0.001", "--shapes", "news,initials")
    ),
    "pdf_libraries": run("benchmarks/pdf_libraries.py", ("--pages", "1", "--repeat", "1")),
    "pdf_speed": run("benchmarks/pdf_speed.py", ("--pages", "1", "--repeat", "1")),
    "peers": run("benchmarks/peers.py", ("{data}/tiny.jsonl", "-n", "1")),
    "position_strength": run("benchmarks/position_strength.py", ("{data}", "--json", "{data}/position.json")),
    "ranker_speed": run("benchmarks/ranker_speed.py", ("{data}/tiny.jsonl", "--rounds", "1")),
    "rankers": run(
        "benchmarks/rankers.py",
        ("{data}", "--json", "{data}/rankers.json"),
        ("--compare", "{data}/rankers.json", "{data}/rankers.json"),
    ),
    "serve_load": run(
        "benchmarks/serve_load.py", ("{data}/tiny.jsonl", "--workers", "1", "--clients", "2", "--seconds", "1")
    ),
    "snapshot": run(
        "benchmarks/snapshot.py",
        ("{data}/tiny.jsonl", "-o", "{data}/before.json"),
        ("{data}/tiny.jsonl", "-o", "{data}/after.json", "--compare", "{data}/before.json"),
    ),
    "structure": run(
        "benchmarks/structure.py",
        ("rouge", "{data}/tiny.jsonl", "--ranker", "adaptive", "--half", "odd"),
        ("prose", "{data}/cases", "-n", "1"),
        ("speed", "{data}/tiny.jsonl", "--megabytes", "0.001", "--repeat", "1"),
    ),
    "sparse_vs_dense": run("benchmarks/sparse_vs_dense.py", ("{data}/tiny.jsonl", "-n", "1")),
    "speed": run(
        "benchmarks/speed.py",
        ("{data}/tiny.jsonl", "--sizes", "20", "--rounds", "1", "--import-runs", "1", "--peers"),
    ),
    "startup": run("benchmarks/startup.py", ("{data}/article.txt", "--rounds", "1")),
    "build_abbreviations": run(
        "tools/build_abbreviations.py", ("--help",), ("--cldr", "{data}/no-cldr", "-o", "{data}/abbreviations")
    ),
    "build_stem_cache": run("tools/build_stem_cache.py", ("{data}/tiny.jsonl", "-o", "{data}/stems/english.tsv")),
    "build_stopwords": run("tools/build_stopwords.py", ("-o", "{data}/stopwords")),
    "build_wordclasses": run("tools/build_wordclasses.py", ("english={data}/treebank", "--output", "{data}/built")),
    "train_punkt": run("tools/train_punkt.py", ("{data}/tiny.jsonl", "-o", "{data}/punkt")),
}

# Seconds before a script's run counts as hung.
TIMEOUT = 300


class Scripts:
    """The runs of RUNS, started together, two at a time, on the first request for any of them."""

    def __init__(self, data: Path, wanted: list[str]) -> None:
        self.data = data
        self._wanted = wanted
        self._pool: ThreadPoolExecutor | None = None
        self._futures: dict[str, Future[list[subprocess.CompletedProcess[str]]]] = {}

    def _run(self, name: str) -> list[subprocess.CompletedProcess[str]]:
        path = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
        environment = {**os.environ, "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"}
        results = []
        for step in RUNS[name].steps:
            command = [sys.executable, str(ROOT / RUNS[name].script), *(a.format(data=self.data) for a in step)]
            result = subprocess.run(
                command, capture_output=True, text=True, cwd=self.data, env=environment, timeout=TIMEOUT, check=False
            )
            results.append(result)
        return results

    def results(self, name: str) -> list[subprocess.CompletedProcess[str]]:
        """The completed steps of a run (each step's exit status is for the test to check)."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=2)
            for wanted in self._wanted:
                self._futures[wanted] = self._pool.submit(self._run, wanted)
        if name not in self._futures:
            self._futures[name] = self._pool.submit(self._run, name)
        return self._futures[name].result()

    def result(self, name: str) -> subprocess.CompletedProcess[str]:
        """The last step of a run, which must have succeeded."""
        result = self.results(name)[-1]
        assert result.returncode == 0, describe(result)
        return result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def describe(result: subprocess.CompletedProcess[str]) -> str:
    """A failed run, for the assertion message."""
    return f"{' '.join(map(str, result.args))} exited with {result.returncode}:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def scripts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scripts]:
    data = tmp_path_factory.mktemp("benchmarks")
    lines = "".join(json.dumps(document) + "\n" for document in DOCUMENTS)
    (data / "tiny.jsonl").write_text(lines, encoding="utf-8")
    for name in DEVELOPMENT_NAMES:
        (data / f"{name}.jsonl").write_text(lines, encoding="utf-8")
    (data / "cases").mkdir()
    for name, cases in CASES.items():
        (data / "cases" / name).write_text(cases, encoding="utf-8")
    (data / "article.txt").write_text(str(DOCUMENTS[0]["text"]), encoding="utf-8")
    for name, text in DESIGN_FILES.items():
        (data / "design" / name).parent.mkdir(parents=True, exist_ok=True)
        (data / "design" / name).write_text(text, encoding="utf-8")
    (data / "treebank").mkdir()
    (data / "treebank" / "tiny-ud.conllu").write_text(TREEBANK, encoding="utf-8")
    # The runs of this module's selected tests, in the order they will be asked for.
    module = sys.modules[__name__]
    selected = [
        item.name.removeprefix("test_") for item in request.session.items if getattr(item, "module", None) is module
    ]
    found = Scripts(data, [name for name in selected if name in RUNS])
    yield found
    found.close()


def load(script: str) -> ModuleType:
    """A script of tools/ or benchmarks/ imported as a module (its main() not run)."""
    spec = importlib.util.spec_from_file_location(Path(script).stem, ROOT / script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import does: dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def punkt_data() -> bool:
    """Whether NLTK's English Punkt data (which sumy's tokenizer loads) is on this machine."""
    from nltk.data import find

    try:
        find("tokenizers/punkt_tab/english/")
    except LookupError:
        return False
    return True


def entries(path: Path) -> list[str]:
    """The lines of a data file that are not comments."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("# ")]


def test_every_script_is_run() -> None:
    scripts = {
        path.relative_to(ROOT).as_posix() for folder in ("benchmarks", "tools") for path in (ROOT / folder).glob("*.py")
    }
    assert scripts == {run.script for run in RUNS.values()}
    assert {f"test_{name}" for name in RUNS} <= set(globals())  # and each run is checked by its test


# --- benchmarks/ -----------------------------------------------------------------------


def test_batch_speed(scripts: Scripts) -> None:
    result = scripts.result("batch_speed")
    assert re.search(r"^\| 1 \| 3 \| [01] of 1 \| \d+\.\d \(1\.00\) \|", result.stdout, re.MULTILINE), result.stdout
    assert "round 1, jobs 1: 3 records" in result.stderr


def test_boundaries(scripts: Scripts) -> None:
    result = scripts.result("boundaries")
    assert "| english | 1 | 100% (1) | 100% |" in result.stdout
    assert "| chinese | 1 | 100% (1) | n/a |" in result.stdout
    assert "English speed on 3 texts of tiny.jsonl" in result.stdout


def test_structure(scripts: Scripts) -> None:
    scores, share, timing = scripts.results("structure")
    assert scores.returncode == 0, describe(scores)
    for mode in ("text", "markdown"):
        assert re.search(rf"^{mode} +adaptive +2 documents +R1/R2/RLsum \d+\.\d\d / ", scores.stdout, re.MULTILINE)
    assert share.returncode == 0, describe(share)
    assert "2 documents, 2 sentences chosen (read with structure)" in share.stdout
    assert re.search(r"^  not prose +\d+ +\d+\.\d%$", share.stdout, re.MULTILINE)
    assert timing.returncode == 0, describe(timing)
    assert re.search(r"^markdown / text: \d+\.\d\d$", timing.stdout, re.MULTILINE)


def test_design_docs(scripts: Scripts) -> None:
    keps, peps, swifts, scores, sections = scripts.results("design_docs")
    for result in (keps, peps, swifts, scores, sections):
        assert result.returncode == 0, describe(result)
    assert "kubernetes/enhancements at folder: 2 files, 1 with a usable Summary section, 1 written" in keps.stdout
    assert "python/peps at folder: 2 files, 1 with a usable Abstract section, 1 written" in peps.stdout
    built = {
        name: [json.loads(line) for line in (scripts.data / "built" / f"{name}.jsonl").read_text("utf-8").splitlines()]
        for name in ("keps", "peps", "swifts")
    }
    (kep,), (pep,), (swift,) = built["keps"], built["peps"], built["swifts"]
    # The section is out of the text, markup and all; its prose is the reference, one sentence a line.
    assert kep["summary"] == "This KEP adds a cache of node scores to the scheduler.\nThe cache halves scheduling time."
    assert "## Summary" not in kep["text"]
    assert "## not a heading" not in kep["text"]
    assert kep["text"].startswith("# KEP-1234: Score cache\n\n<!-- toc -->\n- [Summary](#summary)")
    assert "## Motivation\n\nThe scheduler places pods" in kep["text"]
    assert (kep["id"], kep["format"], kep["licence"]) == ("kep-1234", "markdown", "Apache-2.0")
    assert kep["source"] == "kubernetes/enhancements folder keps/sig-scheduling/1234-score-cache/README.md"
    assert pep["summary"] == (
        "This PEP adds a cache of node scores to the scheduler module.\nThe cache is cleared by a node change."
    )
    assert pep["text"].startswith("PEP: 999\nTitle: Score cache\nStatus: Draft\n\n\nMotivation\n==========\n")
    assert (pep["id"], pep["format"]) == ("pep-0999", "rst")
    assert swift["summary"] == "This proposal adds a cache of node scores.\nIt is cleared when a node changes."
    assert re.search(r"^\| lead \| \d+\.\d\d \| \d+\.\d\d \| \d+\.\d\d \| \d+\.\d \|$", scores.stdout, re.M)
    for system in ("default-structured", "default-plain"):
        assert f"| {system} | " in scores.stdout
    if installed("sumy"):
        assert "| sumy-lexrank | " in scores.stdout
    else:
        assert "sumy is not installed (pip install sumy): sumy-lexrank's row is left out" in scores.stderr
    assert "| motivation | 2 | 2 |" in sections.stdout
    if installed("sumy"):
        assert re.search(r"^default minus sumy-lexrank, ROUGE-1: [-+]\d+\.\d\d \[", sections.stdout, re.M)


def test_design_docs_reads_a_bare_git_directory_as_its_folder(tmp_path: Path) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("needs git")
    design = load("benchmarks/design_docs.py")
    work = tmp_path / "work"
    for name, text in DESIGN_FILES.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    quiet = {"capture_output": True, "check": True}
    subprocess.run([git, "init", "-q", str(work)], **quiet)
    subprocess.run([git, "-C", str(work), "add", "."], **quiet)
    subprocess.run(
        [git, "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"], **quiet
    )
    subprocess.run([git, "clone", "-q", "--bare", str(work), str(tmp_path / "bare.git")], **quiet)
    paths = design.KINDS["kep"].paths
    revision, files = design.source_files(tmp_path / "bare.git", paths)
    assert re.fullmatch(r"[0-9a-f]{40}", revision)
    assert (
        files
        == design.source_files(work, paths)[1]
        == sorted((name, text) for name, text in DESIGN_FILES.items() if name.startswith("keps/"))
    )


def test_design_docs_finds_sections_by_their_headings() -> None:
    design = load("benchmarks/design_docs.py")
    markdown = [
        "# T",
        "",
        "## Summary",
        "",
        "Text.",
        "",
        "```",
        "## not a heading",
        "```",
        "",
        "### Sub",
        "## Next",
        "x",
    ]
    assert design.markdown_section(markdown, "summary") == (2, 11)
    assert design.markdown_section(markdown, "Sub") == (10, 11)
    assert design.markdown_section(markdown, "Missing") is None
    rst = [
        "=====",
        "Title",
        "=====",
        "",
        "Abstract",
        "========",
        "",
        "Text.",
        "",
        "Part",
        "----",
        "",
        "More.",
        "",
        "Next",
        "====",
        "",
    ]
    assert design.rst_section(rst, "Abstract") == (4, 14)
    assert design.rst_section(rst, "Part") == (9, 14)
    labels = ["## Intro", "", "Text [with a link](x) and more words.", "", "Thread: [Pitch](x), [Review](y)"]
    assert design.link_labels(labels, (0, 5)) == frozenset({"Thread: Pitch, Review"})


def test_focus(scripts: Scripts) -> None:
    mixed, documents = scripts.results("focus")
    assert mixed.returncode == 0, describe(mixed)
    assert "one mixed text" in mixed.stdout
    for focus, weight in (("none", "-"), ("reference", "0.5"), ("reference", "0.9"), ("keywords", "0.9")):
        assert f"| tiny (3) | {focus} | {weight} |" in mixed.stdout
    assert documents.returncode == 0, describe(documents)
    assert "two documents" in documents.stdout
    assert re.search(r"^\| tiny \(3\) \| keywords \| 0\.9 \| \d+\.\d% \|", documents.stdout, re.MULTILINE)


def test_multidoc(scripts: Scripts) -> None:
    result = scripts.result("multidoc")
    assert "| tiny.jsonl | both | 1 | `summarize_documents` (defaults) |" in result.stdout
    assert re.search(r"tiny\.jsonl: R1 [+-]\d+\.\d\d \[", result.stdout), result.stdout


def test_one_sentence(scripts: Scripts) -> None:
    result = scripts.result("one_sentence")
    assert "**cnndm_dev, 1 sentence** (ROUGE-1, odd / even half)" in result.stdout
    assert re.search(r"^\| 0\.5 \| \d+\.\d\d / \d+\.\d\d \|", result.stdout, re.MULTILINE), result.stdout
    assert "LEAD: " in result.stdout


def test_pathological(scripts: Scripts) -> None:
    result = scripts.result("pathological")
    assert re.search(r"^\| news \| \d+\.\d\d \|", result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"^\| initials \| \d+\.\d\d \|", result.stdout, re.MULTILINE), result.stdout


def test_pdf_libraries(scripts: Scripts) -> None:
    result = scripts.result("pdf_libraries")
    assert re.search(
        r"^\| summarize `extract_pdf\(\)` \(pypdfium2 \+ layout\) \| [\d.]+ \| \d+% \| \d+% \|",
        result.stdout,
        re.MULTILINE,
    ), result.stdout
    for package, module, row in (
        ("pypdf", "pypdf", "| pypdf `extract_text()` |"),
        ("pdfminer.six", "pdfminer", "| pdfminer.six `extract_text()` |"),
    ):
        if installed(module):
            assert row in result.stdout
        else:
            assert re.search(
                rf"^not installed, their rows left out: .*\b{re.escape(package)}\b", result.stdout, re.MULTILINE
            ), result.stdout


def test_pdf_speed(scripts: Scripts) -> None:
    result = scripts.result("pdf_speed")
    assert re.search(
        r"^\| the command `python -m summarize -n 5 FILE` \(fresh process\) \| \d+\.\d\d \|",
        result.stdout,
        re.MULTILINE,
    ), result.stdout
    assert "peak memory of the command" in result.stdout


def test_peers(scripts: Scripts) -> None:
    result = scripts.result("peers")
    assert re.search(r"^\| summarize adaptive \| \d+\.\d\d \|", result.stdout, re.MULTILINE), result.stdout
    assert "| summarize lead |" in result.stdout
    for peer, row in (("summa", "| summa 1.2 |"), ("lexrank", "| lexrank 0.1 |")):
        if installed(peer):
            assert row in result.stdout
        else:
            assert f"{peer} is not installed (pip install {peer})" in result.stderr


def test_position_strength(scripts: Scripts) -> None:
    result = scripts.result("position_strength")
    assert "**cnndm_dev, 3 sentences** (documents: 2 / 1;" in result.stdout
    assert "| share x length 60-120, opening prior (default) |" in result.stdout
    figures = json.loads((scripts.data / "position.json").read_text(encoding="utf-8"))
    assert figures["pubmed_dev, reference length"]["even"]["lead"][3] == 1


def test_ranker_speed(scripts: Scripts) -> None:
    result = scripts.result("ranker_speed")
    assert re.search(r"^default: median \d+\.\d{3} ms per article", result.stdout, re.MULTILINE), result.stdout
    assert "default / first default, median of the paired ratios:" in result.stdout


def test_rankers(scripts: Scripts) -> None:
    measured, compared = scripts.results("rankers")
    assert measured.returncode == 0, describe(measured)
    assert "**bbc_dev lead removed, 1 sentence** (documents: 2 / 1;" in measured.stdout
    assert compared.returncode == 0, describe(compared)
    assert re.search(r"^\| adaptive \|.*\| \+0\.00 / \+0\.00 \|", compared.stdout, re.MULTILINE), compared.stdout


def test_serve_load(scripts: Scripts) -> None:
    pytest.importorskip("starlette", reason="needs the extra serve")
    result = scripts.result("serve_load")
    assert re.search(
        r"^\| 1 \| [1-9]\d* \| [\d.]+ \| \d+ \| \d+ \| 0 \| \d+ \(\d+\) \| 1\.00 \| [\d.]+, [\d.]+, [\d.]+ \|$",
        result.stdout,
        re.MULTILINE,
    ), result.stdout + result.stderr
    assert "load average before" in result.stdout


def test_snapshot(scripts: Scripts) -> None:
    before, after = scripts.results("snapshot")
    assert before.returncode == 0, describe(before)
    assert "tiny.jsonl: 3 documents, " in before.stderr
    assert after.returncode == 0, describe(after)  # the same code twice: nothing differs
    assert re.search(r"^tiny\.jsonl: \d+ outputs, 0 differ$", after.stdout, re.MULTILINE), after.stdout
    hashes = json.loads((scripts.data / "after.json").read_text(encoding="utf-8"))["tiny.jsonl"]
    assert {"storm/adaptive/rank", "wind/keywords", "cluster/0/focus"} <= set(hashes)


def test_sparse_vs_dense(scripts: Scripts) -> None:
    result = scripts.result("sparse_vs_dense")
    assert "tiny.jsonl: 3 documents, 0 summaries differ between the paths" in result.stdout


def test_speed(scripts: Scripts) -> None:
    result = scripts.result("speed")
    assert re.search(r"^  summarize\s+\d+\.\d{3}$", result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"^\s+20  summarize\s+\d+\.\d{3}\s+\d+$", result.stdout, re.MULTILINE), result.stdout
    # sumy's tokenizer needs NLTK's Punkt data, which a machine may lack even where sumy is installed.
    unable = {"sumy"} if installed("sumy") and not punkt_data() else set()
    absent = [peer for peer in ("summa", "lexrank", "sumy") if not installed(peer) or peer in unable]
    if absent:
        assert f"peers not installed or unable to run here: {', '.join(absent)}" in result.stdout
    for peer in {"summa", "lexrank", "sumy"} - set(absent):
        assert re.search(rf"^  {peer}\s+\d+\.\d{{3}}$", result.stdout, re.MULTILINE), result.stdout


def test_startup(scripts: Scripts) -> None:
    result = scripts.result("startup")
    assert re.search(r"^\| summarize \(python -m summarize FILE\) \| \d+\.\d{3} s \|", result.stdout, re.MULTILINE)
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    if shutil.which("textrank", path=path) is None:
        assert "summa's textrank command is not installed (pip install summa)" in result.stdout
    else:
        assert re.search(r"^\| summa 1\.2 \(textrank -t FILE\) \| \d+\.\d{3} s \|", result.stdout, re.MULTILINE)
    assert "heavy modules the command loaded:" in result.stdout


# --- tools/ ----------------------------------------------------------------------------


def test_build_abbreviations(scripts: Scripts) -> None:
    usage, build = scripts.results("build_abbreviations")
    assert usage.returncode == 0, describe(usage)
    assert "--cldr" in usage.stdout
    # Without CLDR's files the script stops before writing anything, and says what is missing.
    assert build.returncode == 1, describe(build)
    assert "missing sources, nothing written" in build.stderr
    assert "apt-get install unicode-cldr-core" in build.stderr
    if not installed("pysbd"):
        assert 'python -m pip install "pysbd==0.3.4"' in build.stderr
    assert not (scripts.data / "abbreviations").exists()


@pytest.mark.parametrize("language", ["finnish", "hungarian", "norwegian", "romanian", "swedish"])
def test_build_abbreviations_gives_the_shipped_lists_of_hand_written_languages(language: str) -> None:
    tool = load("tools/build_abbreviations.py")
    assert tool.SOURCES[language] == (None, None, None, None)  # no source but tools/abbreviations/
    built, header, counts = tool.build(language, cldr=tool.CLDR)
    shipped = (DATA / "abbreviations" / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    assert built == entries(DATA / "abbreviations" / f"{language}.txt")
    assert header == [shipped[0], shipped[1], shipped[3]]  # the third line names the sources' versions
    assert counts == {"hand-written": len(built)}


def test_build_abbreviations_normalises_as_punkt_compares() -> None:
    tool = load("tools/build_abbreviations.py")
    assert tool.normalised(" Z. B. ") == "z.b"
    assert tool.normalised("Nr.") == "nr"


def test_build_stem_cache(scripts: Scripts) -> None:
    result = scripts.result("build_stem_cache")
    assert re.fullmatch(r"\d+ word forms -> .*english\.tsv\n", result.stderr), result.stderr
    built = dict(line.split("\t") for line in entries(scripts.data / "stems" / "english.tsv"))
    shipped = dict(line.split("\t") for line in entries(DATA / "stems" / "english.tsv"))
    assert {"storm", "harbour", "winds"} <= set(built)  # word forms seen at least twice
    assert "the" not in built  # stop words are left out
    both = set(built) & set(shipped)
    assert both
    assert {word: built[word] for word in both} == {word: shipped[word] for word in both}


def test_build_stopwords(scripts: Scripts) -> None:
    result = scripts.results("build_stopwords")[-1]
    if installed("stop_words"):
        assert result.returncode == 0, describe(result)
        written = {path.name for path in (scripts.data / "stopwords").glob("*.txt")}
        shipped = {path.name for path in (DATA / "stopwords").glob("*.txt")}
        assert written == shipped - {"english.txt"}
    else:
        assert result.returncode == 1, describe(result)
        assert (
            'the stop-words package is not installed, nothing written: python -m pip install "stop-words=='
            in result.stderr
        )
        assert not (scripts.data / "stopwords").exists()


def test_shipped_stop_words_are_as_build_stopwords_normalises_them() -> None:
    tool = load("tools/build_stopwords.py")
    shipped = {path.stem for path in (DATA / "stopwords").glob("*.txt") if not path.name.startswith("LICENSE")}
    shipped -= {"english"}
    assert set(tool.LANGUAGES) == shipped
    for language in sorted(shipped):
        words = entries(DATA / "stopwords" / f"{language}.txt")
        assert tool.normalised(language, words) == words, language
    assert tool.normalised("romanian", ["Dintr-o", "dintr"]) == ["dintr", "o"]


def test_train_punkt(scripts: Scripts) -> None:
    result = scripts.result("train_punkt")
    assert re.fullmatch(
        r"\d+ abbreviations, \d+ collocations, \d+ sentence starters, \d+ word types -> .*\n", result.stderr
    )
    folder = scripts.data / "punkt"
    for name in ("abbrev_types.txt", "collocations.txt", "sent_starters.txt", "ortho_context.tsv"):
        header = (folder / name).read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("# learnt by tools/train_punkt.py (NLTK PunktTrainer) from 3 news articles"), name
    context = dict(line.split("\t") for line in entries(folder / "ortho_context.tsv"))
    assert context["storm"].isdigit()
    assert int(context["storm"]) > 0


def test_keyphrases(scripts: Scripts) -> None:
    every, odd = scripts.results("keyphrases")
    for result in (every, odd):
        assert result.returncode == 0, describe(result)
    cell = r"\d+\.\d\d/\d+\.\d\d/\d+\.\d\d"
    pattern = rf"^\| tiny\.jsonl \| {{half}} \| {{docs}} \| summarize \| {cell} \| {cell} \| {cell} \| [\d.]+ \|$"
    assert re.search(pattern.format(half="all", docs=3), every.stdout, re.MULTILINE), every.stdout
    assert re.search(pattern.format(half="odd", docs=2), odd.stdout, re.MULTILINE), odd.stdout
    for peer in ("yake", "pytextrank"):
        if not installed(peer):
            assert re.search(rf"^skipped {peer}\b.*ModuleNotFoundError", every.stdout, re.MULTILINE), every.stdout


def test_build_wordclasses(scripts: Scripts) -> None:
    result = scripts.result("build_wordclasses")
    built = Path(result.args[-1])
    lexicon = entries(built / "wordclasses" / "english.tsv")
    frequencies = entries(built / "frequencies" / "english.tsv")
    assert "english:" in result.stderr
    assert all(len(row.split("\t")) == 2 for row in lexicon + frequencies)
    assert "storms\t2" in frequencies


def test_hostile(scripts: Scripts) -> None:
    result = scripts.result("hostile")
    assert re.search(r"^\| timeout-1e10 \| 8 \| .* \| 2 \| summarize: error: argument --timeout: ", result.stdout, re.M)
    assert re.search(
        r"^\| window-1e9 \| 8 \| .* \| 2 \| summarize( keywords)?: error: argument --window", result.stdout, re.M
    )
    assert re.search(r"^\| utf16-bom \| 10 \| .* \| 0 \| +\|$", result.stdout, re.M), result.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Clean prose that shows angle brackets, curly quotes or GNU quotes, or names a licence's term.
        ("The first collection type we’ll look at is Vec<T>, also known as a vector.", None),
        ("Each repository runs the tasks configured for each <frequency> of its schedule.", None),
        ("We read this definition as “The function largest is generic over some type T.”", None),
        ("For more information, see the file `doc/bashref.texi'.", None),
        ('"Copyright Holder" is whoever is named in the copyright or copyrights for the package.', None),
        ("It accepts the diff options, most notably the --color=[<when>] and --no-color options.", None),
        # Still markup, boilerplate or a cut fragment.
        ('Click <a href="https://x.org">here</a> to read more.', "markup"),
        ("Break the line with <br> as before.", "markup"),
        ("Run `make` before you install it.", "markup"),
        ("!!! note Oil the sprockets once a year.", "markup"),
        ("merge <commit>::\n\tMerge the commit into the subtree.", "markup"),
        ("Copyright (c) 2018 Melissa E.", "boilerplate"),
        ("All rights reserved.", "boilerplate"),
        ("Chapter\xa01.", "heading"),
        ("git rev-list [<options>] <commit>... [--] [<path>...]", "code"),
        ("ip address { save | flush } [ dev IFNAME ] [ up ]", "code"),
    ],
)
def test_structure_not_prose(text: str, expected: str | None) -> None:
    assert load("benchmarks/structure.py").not_prose(text) == expected
