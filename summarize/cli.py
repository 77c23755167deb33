"""The ``summarize`` command line: argument parsing and output formatting only."""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import gc
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from summarize._validation import MAX_BUDGET
from summarize._version import __version__
from summarize.errors import (
    ConvergenceError,
    FieldError,
    InputError,
    InvalidParameterError,
    OutputBusyError,
    SummarizeError,
    TextTooLongError,
)
from summarize.focus import DEFAULT_FOCUS_WEIGHT
from summarize.io.documents import INPUT_FORMATS, Document, load_document, read_document
from summarize.io.records import NO_SENTENCE, documents_record, json_line, sentence_record
from summarize.io.urls import DEFAULT_MAX_SECONDS, DEFAULT_TIMEOUT, MAX_SECONDS
from summarize.keyphrases import DEFAULT_KEYWORDS, DEFAULT_WINDOW, MAX_WINDOW, Keyword
from summarize.languages import AUTO, LANGUAGES
from summarize.pipeline import Analysis, Summarizer
from summarize.rankers import DEFAULT_RANKER, RANKERS
from summarize.selection import DEFAULT_SENTENCES, ORDERS

if TYPE_CHECKING:
    from summarize.batch import BatchReport
    from summarize.multidoc import DocumentsOptions

__all__ = ["main"]

PROG = "summarize"

_EPILOG = """\
examples:
  summarize article.txt                    the 3 best sentences, one per line
  summarize -n 5 --order score article.txt
  cat article.txt | summarize --ratio 0.2 -
  summarize --format json article.txt      sentences with index, rank, score, offsets
  summarize https://example.org/story.html the article of a web page (needs summarize[html])
  curl -s URL | summarize --input-format html -
  summarize report.pdf memo.docx           PDF and Word files (PDF needs summarize[pdf])
  summarize -f json --include-text report.pdf
                                           with the extracted text the offsets refer to
  summarize --format html page.html > summary.html
                                           the article with its summary highlighted
  summarize --language german artikel.txt  a text in German (--language auto: detect it)
  summarize --format json --keywords 10 article.txt
                                           the summary and the 10 best keywords
  summarize keywords article.txt -n 10     keywords only (see summarize keywords --help)
  summarize batch corpus.jsonl -o out.jsonl
                                           a whole corpus (see summarize batch --help)
  summarize evaluate data.jsonl -n 3       ROUGE of every ranker against reference
                                           summaries (see summarize evaluate --help)

rankers (--ranker):
{rankers}

languages (--language): {languages}, or auto.

exit status: 0 if every input was summarised, 1 if one could not be read or
summarised (the others still are), 2 for a usage error.
"""


_KEYWORDS_EPILOG = """\
examples:
  summarize keywords article.txt                 the 10 best keywords, one per line
  summarize keywords -n 20 --format json a.txt   with score and count
  summarize keywords --language auto artikel.txt

Keywords are found by TextRank over words (Mihalcea & Tarau 2004): words linked
when they occur next to each other (stop words skipped), ranked by PageRank, and
adjacent top words joined into phrases as they are written in the text.

exit status: 0 if every input was read, 1 if one could not be, 2 for a usage error.
"""


_BATCH_EPILOG = """\
examples:
  summarize batch corpus.jsonl -o summaries.jsonl --jobs 2
  summarize batch articles/ -o summaries.jsonl           every .txt, .pdf and .docx file; id = path in the folder
  summarize batch corpus.csv --text-field body --id-field url -o out.jsonl
  summarize batch corpus.jsonl -o out.jsonl --resume     skip the ids already in out.jsonl
  summarize batch corpus.jsonl -o out.jsonl --scheduler tcp://host:8786

One output line per input record, in input order: {"id", "summary": [{"index",
"rank", "score", "text", "start", "end"}]}, or {"id", "error"} for a record that
cannot be summarised. The output is written as FILE.part and renamed to FILE when
every record is in it; after a kill or Ctrl-C, the same command with --resume
completes it.

exit status: 0 if every record was summarised, 1 if some could not be (or the run
could not go on), 2 for a usage error.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    ``summarize batch ...``, ``summarize evaluate ...`` and ``summarize keywords ...``
    run a subcommand; anything else summarises files (a file named like a subcommand
    is given as ``./batch``).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = _COMMANDS.get(arguments[0]) if arguments else None
    try:
        if command is not None:
            return command(arguments[1:])
        return _summarize_command(arguments)
    except BrokenPipeError:
        # The reader went away (``summarize big.txt | head``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def run() -> int:
    """The ``summarize`` command and ``python -m summarize``: :func:`main`, then a quick exit.

    Once the command is done, the garbage collector is frozen (:func:`gc.freeze`), so
    that Python's teardown does not search the objects of numpy, scipy and NLTK for
    reference cycles: that took about 0.2 s, a sixth of a run on one article. Exit
    handlers run, and files are closed, as usual.
    """
    status = main()
    gc.freeze()
    return status


def _summarize_command(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.format == "html" and len(args.files) > 1 and not args.combine:
            parser.error(f"--format html writes one page: give one FILE, not {len(args.files)}")
        if args.format == "html" and args.keywords is not None:
            parser.error("--keywords is for --format text, json and markdown, not html")
        if args.include_text and args.format != "json":
            parser.error(f"--include-text is for --format json, not {args.format}")
        if args.combine:
            for option, given in (
                ("--keywords", args.keywords is not None),
                ("--include-text", args.include_text),
            ):
                if given:
                    parser.error(f"{option} is not available with --combine")
    except SystemExit as exit:  # --help, --version, or a usage error already reported
        return exit.code if isinstance(exit.code, int) else 2
    if args.combine:
        return _combine_files(args, sys.stdout)
    try:
        summarizer = _summarizer(args)
    except SummarizeError as error:
        _error(str(error))
        return 2
    return _summarize_files(summarizer, args, sys.stdout)


def _combine_files(args: argparse.Namespace, out: TextIO) -> int:
    """``--combine``: one summary over all the files, each sentence with its file."""
    _import_nltk()
    names = [_display(name) for name in args.files]
    if len(set(names)) != len(names):
        _error("--combine: each FILE may be given once")
        return 2
    try:
        texts = [_read(name, args).text for name in args.files]
        summary = _documents_options(args).summarize(texts, ids=names)
    except SummarizeError as error:
        _error(str(error))
        return 1
    if not summary:
        _error("--combine: no sentence to summarise in any FILE")
        return 1
    if summary.focus_matched is False:
        print(f"{PROG}: note: the focus matches nothing in the FILEs; the summary is unfocused", file=sys.stderr)
    if args.format == "json":
        out.write(json_line(documents_record(summary)))
    elif args.format == "markdown":
        from summarize.io.render import to_markdown

        out.write(to_markdown(summary))
    elif args.format == "html":
        from summarize.io.render import to_html_documents

        out.write(to_html_documents(texts, summary))
    else:
        out.writelines(f"[{sentence.document}] {' '.join(sentence.text.split())}\n" for sentence in summary)
    out.flush()
    return 0


def _documents_options(args: argparse.Namespace) -> DocumentsOptions:
    """The options of every summary of several documents (``--combine``), from the command line's."""
    from summarize.multidoc import DEFAULT_DIVERSITY, DocumentsOptions

    return DocumentsOptions(**_summary_options(args, diversity=DEFAULT_DIVERSITY))


def _summarizer(args: argparse.Namespace) -> Summarizer:
    return Summarizer(**_summary_options(args, diversity=0.0))


def _summary_options(args: argparse.Namespace, *, diversity: float) -> dict[str, Any]:
    """The options a summary takes from the command line, for one document or several (``diversity``: the default)."""
    return {
        "sentences": args.sentences,
        "ratio": args.ratio,
        "words": args.words,
        "order": args.order,
        "ranker": args.ranker,
        "diversity": diversity if args.diversity is None else args.diversity,
        "language": args.language,
        "focus": args.focus,
        "focus_weight": args.focus_weight,
    }


def _keywords_command(argv: list[str]) -> int:
    parser = _keywords_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    summarizer = Summarizer(language=args.language, focus=args.focus, focus_weight=args.focus_weight)
    _import_nltk()
    status = 0
    for number, name in enumerate(args.files):
        try:
            document = _read(name, args)
            if not document.text.strip():
                raise InputError(f"{_display(name)}: empty input, no keywords")
            language = summarizer.language_of(document.text)
            found = dataclasses.replace(summarizer, language=language).keywords(
                document.text, top=args.top, window=args.window
            )
        except (TextTooLongError, ConvergenceError) as error:  # of the text, not of reading it: name the input
            _error(f"{_display(name)}: {error}")
            status = 1
            continue
        except SummarizeError as error:
            _error(str(error))
            status = 1
            continue
        if args.format == "json":
            record = {
                "file": _display(name),
                "title": document.title,
                "language": language,
                "keywords": [_keyword_record(keyword) for keyword in found],
            }
            sys.stdout.write(json_line(record))
        else:
            if len(args.files) > 1:
                sys.stdout.write(("\n" if number else "") + f"==> {_display(name)} <==\n")
            sys.stdout.writelines(keyword.text + "\n" for keyword in found)
        sys.stdout.flush()
    return status


def _keyword_record(keyword: Keyword) -> dict[str, object]:
    return {"text": keyword.text, "score": keyword.score, "count": keyword.count}


def _keywords_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} keywords",
        description="The keywords and key phrases of each FILE, best first.",
        epilog=_KEYWORDS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a text, HTML, PDF or Word (DOCX) file, an http:// or https:// URL, or - for standard input",
    )
    parser.add_argument(
        "-n",
        "--top",
        type=_positive_int,
        default=DEFAULT_KEYWORDS,
        metavar="N",
        help=f"number of keywords (default {DEFAULT_KEYWORDS})",
    )
    _add_language_option(parser)
    _add_focus_options(parser)
    parser.add_argument(
        "--window",
        type=_window,
        default=DEFAULT_WINDOW,
        metavar="W",
        help=f"link words within W words of each other, stop words skipped (default {DEFAULT_WINDOW})",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help='text: one keyword per line (default); json: one object per file, {"file", "title", '
        '"language", "keywords": [{"text", "score", "count"}]}',
    )
    parser.add_argument("--input-format", choices=INPUT_FORMATS, default="auto", help="as for summarize")
    parser.add_argument("--encoding", type=_encoding, default=None, help="encoding of the input files")
    parser.add_argument(
        "--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS", help="for URLs, as for summarize"
    )
    _add_private_hosts_option(parser)
    return parser


def _evaluate_command(argv: list[str]) -> int:
    from summarize.evaluation import HALVES, LEAD, REFERENCE, evaluate, format_table, read_dataset

    parser = argparse.ArgumentParser(
        prog=f"{PROG} evaluate",
        description="Score rankers with ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (x100, stemmed) against the "
        "reference summaries of JSON Lines datasets, rank them against LEAD (the first sentences, always "
        'scored), and time them. Each line: {"text": ..., "summary": "reference sentences, one per line"}. '
        'Needs the rouge-score package: pip install "summarize[evaluate]".',
    )
    parser.add_argument(
        "datasets", nargs="+", metavar="DATASET", help="a JSON Lines file with 'text' and 'summary' fields"
    )
    parser.add_argument(
        "--ranker",
        dest="rankers",
        action="append",
        choices=RANKERS,
        metavar="NAME",
        help=f"a ranker to score; repeat for several (default: all of {', '.join(RANKERS)})",
    )
    parser.add_argument(
        "-n",
        "--sentences",
        type=_positive_int,
        metavar="N",
        help="summary length in sentences (default: as many as each reference has)",
    )
    parser.add_argument("--limit", type=_positive_int, metavar="N", help="score only the first N documents")
    parser.add_argument(
        "--half",
        choices=HALVES,
        help="score only the odd-numbered records (1st, 3rd...) or the even-numbered ones",
    )
    parser.add_argument(
        "--drop-lead",
        action="store_true",
        help="the lead-removed construction (XSum's): each text without its first sentence, scored against "
        "that sentence; use with -n 1",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown: a table per dataset (default); json: one object per dataset and ranker, one per line",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default="english",
        metavar="LANGUAGE",
        help=f"language of the texts: {', '.join(LANGUAGES)} (default english); other than English, ROUGE "
        "counts summarize's words and Snowball stems of it",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    rankers = list(args.rankers or RANKERS)
    if LEAD not in rankers:
        rankers.append(LEAD)
    status = 0
    for number, dataset in enumerate(args.datasets):
        try:
            evaluations = evaluate(
                read_dataset(dataset, limit=args.limit, half=args.half),
                rankers=rankers,
                sentences=REFERENCE if args.sentences is None else args.sentences,
                language=args.language,
                drop_lead=args.drop_lead,
            )
        except SummarizeError as error:
            _error(str(error))
            status = 1
            continue
        if args.format == "json":
            sys.stdout.writelines(
                json.dumps({"dataset": dataset, **dataclasses.asdict(row)}) + "\n" for row in evaluations
            )
        else:
            if len(args.datasets) > 1:
                print(("\n" if number else "") + f"{dataset}\n")
            print(format_table(evaluations))
    return status


def _batch(arguments: list[str]) -> int:
    parser = _batch_parser()
    try:
        args = parser.parse_args(arguments)
        if args.resume and args.output in (None, "-"):
            parser.error("--resume needs an output file (-o FILE)")
        if Path(args.corpus).is_dir() and (args.text_field is not None or args.id_field is not None):
            parser.error("--text-field and --id-field are for JSON Lines and CSV files, not a folder of documents")
        if args.group_field is not None and not args.combine:
            parser.error("--group-field is for --combine")
        if args.group_field is not None and Path(args.corpus).is_dir():
            parser.error("--group-field is for JSON Lines and CSV files, not a folder of documents")
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    return _run_batch(args, _batch_combine if args.combine else _batch_corpus)


def _batch_corpus(args: argparse.Namespace) -> int:
    """Plain ``batch``: one output record per input record."""
    from summarize.batch import summarize_corpus

    report = summarize_corpus(args.corpus, summarizer=_summarizer(args), **_corpus_options(args))
    print(_report(report), file=sys.stderr)
    return 1 if report.failed else 0


def _batch_combine(args: argparse.Namespace) -> int:
    """``batch --combine``: one summary per group of records, into JSON Lines."""
    from summarize.batch.combine import combine_corpus

    report = combine_corpus(
        args.corpus, group_field=args.group_field, options=_documents_options(args), **_corpus_options(args)
    )
    line = f"{PROG}: {_count(report.groups, 'group')} summarised, {_count(report.failed_records, 'record')} failed"
    if report.failed_groups:
        line += f", {_count(report.failed_groups, 'group')} failed"
    if report.failed_records or report.failed_groups:
        line += ' (see their "error" field)'
    if report.skipped:
        line += f", {report.skipped} skipped (already in {report.output})"
    print(line, file=sys.stderr)
    return 1 if report.failed_records or report.failed_groups else 0


def _corpus_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options of a run over a corpus, from the command line's, for plain ``batch`` and ``batch --combine``."""
    return {
        "output": args.output,
        "text_field": args.text_field or "text",
        "id_field": args.id_field,
        "encoding": args.encoding,
        "jobs": args.jobs,
        "scheduler": args.scheduler,
        "resume": args.resume,
        "progress": sys.stderr.isatty() if args.progress is None else args.progress,
    }


def _run_batch(args: argparse.Namespace, run: Callable[[argparse.Namespace], int]) -> int:
    """Run a batch command, turning its errors into messages and exit statuses (2: usage, 1: failed, 130: Ctrl-C)."""
    try:
        return run(args)
    except FieldError as error:
        option = {"text_field": "--text-field", "id_field": "--id-field"}.get(error.parameter, "--group-field")
        _error(f"{error}; name the field with {option}")
        return 2
    except InvalidParameterError as error:
        _error(str(error))
        return 2
    except OutputBusyError as error:  # the .part file is the other run's: no hint to resume it
        _error(str(error))
        return 1
    except SummarizeError as error:
        _error(str(error))
        _note_partial(args.output)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        _note_partial(args.output)
        return 130


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _report(report: BatchReport) -> str:
    line = f"{PROG}: {report.summarised} summarised, {report.failed} failed"
    if report.failed:
        line += ' (see their "error" field)'
    if report.skipped:
        line += f", {report.skipped} skipped (already in {report.output})"
    return line


def _note_partial(output: str | None) -> None:
    from summarize.io.output import partial_path

    if output in (None, "-"):
        return
    partial = partial_path(output)
    if partial.exists():
        print(
            f"{PROG}: the finished records are kept in {partial}; run the same command with --resume to complete it",
            file=sys.stderr,
        )


_COMMANDS = {"batch": _batch, "evaluate": _evaluate_command, "keywords": _keywords_command}


def _import_nltk() -> None:
    """Import NLTK as it is imported where scipy is not installed, if neither is imported yet.

    NLTK's package init imports every NLTK module, and through them scipy.stats
    (for one association measure) and scipy.sparse (for one parser): about 1 s, most
    of a run on one article. scipy is optional for NLTK, and each of those imports
    falls back when it fails; the command uses only Punkt and the Snowball stemmer.
    So scipy is hidden while NLTK is imported, and importable again afterwards (the
    sparse graph of a long text uses it). Only the command does this: the library
    never changes what NLTK imports in its users' processes.
    """
    if "nltk" in sys.modules or "scipy" in sys.modules:
        return
    sys.modules["scipy"] = None  # type: ignore[assignment]  # import of scipy.* fails, as if not installed
    try:
        import nltk  # noqa: F401
    finally:
        if sys.modules.get("scipy", 0) is None:
            del sys.modules["scipy"]


def _summarize_files(summarizer: Summarizer, args: argparse.Namespace, out: TextIO) -> int:
    _import_nltk()
    files: list[str] = args.files
    fmt: str = args.format
    status = 0
    for number, name in enumerate(files):
        try:
            document = _read(name, args)
            if not document.text.strip():
                raise InputError(f"{_display(name)}: empty input, nothing to summarise")
            analysis = summarizer.analyze(document.text)
            if not analysis.sentences:
                raise InputError(f"{_display(name)}: {NO_SENTENCE}")
            found = analysis.keywords(top=args.keywords) if args.keywords else None
        except (TextTooLongError, ConvergenceError) as error:  # of the text, not of reading it: name the input
            _error(f"{_display(name)}: {error}")
            status = 1
            continue
        except SummarizeError as error:
            _error(str(error))
            status = 1
            continue
        if analysis.focus_matched is False:
            print(
                f"{PROG}: note: {_display(name)}: the focus matches nothing in the text; the summary is unfocused",
                file=sys.stderr,
            )
        if fmt == "json":
            record = _as_json(_display(name), document, analysis)
            if args.include_text:
                record["text"] = document.text
            if found is not None:
                record["keywords"] = [_keyword_record(keyword) for keyword in found]
            out.write(json_line(record))
        elif fmt == "markdown":
            from summarize.io.render import to_markdown

            heading = document.title or (_display(name) if len(files) > 1 else None)
            out.write(("\n" if number else "") + to_markdown(analysis, title=heading, keywords=found))
        elif fmt == "html":
            from summarize.io.render import to_html

            out.write(to_html(analysis, title=document.title, source=document.source))
        else:
            if len(files) > 1:
                out.write(("\n" if number else "") + f"==> {_display(name)} <==\n")
            out.writelines(" ".join(sentence.text.split()) + "\n" for sentence in analysis.summary)
            if found is not None:
                out.write("keywords: " + ", ".join(keyword.text for keyword in found) + "\n")
        out.flush()
    return status


def _read(name: str, args: argparse.Namespace) -> Document:
    progress = _PageProgress(_display(name)) if sys.stderr.isatty() else None
    try:
        if name == "-":
            return read_document(
                sys.stdin.buffer, input_format=args.input_format, encoding=args.encoding, progress=progress
            )
        return load_document(
            name,
            input_format=args.input_format,
            encoding=args.encoding,
            timeout=args.timeout,
            allow_private=args.allow_private_hosts,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.clear()


class _PageProgress:
    """A line on standard error (a terminal) saying how many pages of a long PDF are read."""

    _EVERY = 0.25  # seconds between updates

    def __init__(self, name: str) -> None:
        self.name = name
        self.shown = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < self._EVERY or done == total:
            return
        self.last = now
        sys.stderr.write(f"\r{PROG}: reading {self.name}: page {done:,} of {total:,}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _as_json(name: str, document: Document, analysis: Analysis) -> dict[str, object]:
    record: dict[str, object] = {"file": name, "title": document.title, "language": analysis.language}
    if analysis.focus_matched is not None:
        record["focus_matched"] = analysis.focus_matched
    record["sentences"] = [sentence_record(sentence) for sentence in analysis.summary]
    return record


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _note(message: str) -> None:
    print(f"{PROG}: note: {message}", file=sys.stderr)


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extractive summaries of text documents, web pages, PDF and Word files with TextRank: "
        "the sentences that best summarise each FILE, ranked by centrality. Works offline, except to download a URL.",
        epilog=_EPILOG.format(
            rankers="\n".join(f"  {name:<18} {ranker.description}" for name, ranker in RANKERS.items()),
            languages=", ".join(LANGUAGES),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a text, HTML, PDF or Word (DOCX) file, an http:// or https:// URL, or - for standard input",
    )
    _add_summary_options(parser)
    parser.add_argument(
        "--combine",
        action="store_true",
        help="one summary over all the FILEs, each sentence with the FILE it is from ([a.txt] in text, "
        '"document" in JSON); each FILE\'s opening sentence comes first (with the default ranker, for a short '
        "summary, unless a --focus matches), and the same fact in several FILEs is chosen once (a sentence whose "
        "cosine with one already chosen is above 0.5 is passed over); with --format html, a page showing every "
        "FILE with its chosen sentences highlighted",
    )
    parser.add_argument(
        "--keywords",
        type=_positive_int,
        metavar="N",
        help='also give the N best keywords: in JSON as "keywords", in text and markdown on a last line',
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "markdown", "html"),
        default="text",
        help="text: one sentence per line (default); json: one object per file, on one line; "
        "markdown: a list under the title; html: a web page showing the whole document with the "
        "summary highlighted (one FILE)",
    )
    parser.add_argument(
        "--include-text",
        action="store_true",
        help='with --format json: also give the text that was summarised as "text" (for PDF, DOCX and HTML, '
        "the extracted text), to which the sentences' start and end offsets refer",
    )
    parser.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="read FILE as text, as an HTML page whose article is summarised, or as a PDF or Word (DOCX) "
        "file; auto (default) decides by the file suffix (.html, .htm, .pdf, .docx), the URL's content "
        "type, or the first bytes (a PDF or DOCX file), and reads anything else as text",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        default=None,
        help="encoding of the input files (default utf-8; for HTML, the page's declared charset)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=(
            f"for URLs: how long to wait to connect and for each read (default {DEFAULT_TIMEOUT:g}); "
            f"a whole download may take at most {DEFAULT_MAX_SECONDS:g} s"
        ),
    )
    _add_private_hosts_option(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _add_private_hosts_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="for URLs: also read hosts that are not public (this machine, a private network, link-local "
        "addresses such as cloud metadata endpoints); refused by default",
    )


def _batch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} batch",
        description="Summarise every record of a corpus into JSON Lines, in input order, on worker "
        "processes or a Dask cluster.",
        epilog=_BATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "corpus",
        metavar="CORPUS",
        help="a JSON Lines file (- for standard input), a .csv file with a header row, "
        "or a folder of .txt, .pdf and .docx files",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the JSON Lines file to write (default: standard output)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="keep the records already in FILE (or FILE.part, from a run that was stopped) and summarise the rest",
    )
    parser.add_argument(
        "--text-field", metavar="NAME", help="the JSON field or CSV column holding the text (default text)"
    )
    parser.add_argument(
        "--id-field",
        metavar="NAME",
        help="the field holding each record's id (default id, if present; else the line or row number)",
    )
    parser.add_argument(
        "--combine",
        action="store_true",
        help='one summary over several records, each sentence with its record\'s id as "document": over all '
        "of them, or over each group of --group-field; one output record per group, groups summarised on "
        "--jobs worker processes or a Dask cluster",
    )
    parser.add_argument(
        "--group-field",
        metavar="NAME",
        help="with --combine: the field (CSV column) whose value groups the records, one summary per group",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-j", "--jobs", type=_positive_int, metavar="N", help="number of worker processes (default: the number of CPUs)"
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster whose scheduler is at ADDRESS, such as tcp://host:8786 (needs summarize[dask])",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show a progress bar on standard error (default: when it is a terminal)",
    )
    _add_summary_options(parser)
    parser.add_argument("--encoding", type=_encoding, default="utf-8", help="encoding of the input (default utf-8)")
    return parser


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    """The options that shape each summary: the same for one file and for a corpus."""
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument(
        "-n",
        "--sentences",
        type=_positive_int,
        metavar="N",
        help=f"number of sentences in the summary (default {DEFAULT_SENTENCES})",
    )
    budget.add_argument("-r", "--ratio", type=_ratio, metavar="R", help="share of the document's sentences, in (0, 1]")
    budget.add_argument(
        "-w", "--words", type=_positive_int, metavar="W", help="word budget: the best sentences that fit in W words"
    )
    parser.add_argument(
        "--order",
        choices=ORDERS,
        default="document",
        help="print sentences in document order (default) or best first",
    )
    parser.add_argument(
        "--ranker",
        choices=RANKERS,
        default=DEFAULT_RANKER,
        help=f"how sentences are ranked (default {DEFAULT_RANKER}; see the list below)",
    )
    parser.add_argument(
        "--diversity",
        type=_diversity,
        default=None,
        metavar="D",
        help="redundancy control in [0, 1): pass over sentences similar to those already chosen "
        "(maximal marginal relevance; default 0, off)",
    )
    _add_language_option(parser)
    _add_focus_options(parser)


def _add_focus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--focus",
        metavar="TEXT",
        help="favour what is about TEXT: a question, a few keywords or a paragraph (Biased TextRank); "
        "a focus that matches nothing leaves the ordinary result",
    )
    parser.add_argument(
        "--focus-weight",
        type=_focus_weight,
        default=DEFAULT_FOCUS_WEIGHT,
        metavar="W",
        help=f"how much the focus counts, in (0, 1] (default {DEFAULT_FOCUS_WEIGHT:g})",
    )


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--language",
        choices=(*LANGUAGES, AUTO),
        default="english",
        metavar="LANGUAGE",
        help=f"language of the text: {', '.join(LANGUAGES)}; or auto, to detect it in each text "
        "(JSON output says which was chosen) (default english)",
    )


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_BUDGET:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_BUDGET:,}, got {value!r}")
    return number


def _number(value: str, accept: Callable[[float], bool], allowed: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not accept(number):
        raise argparse.ArgumentTypeError(f"must be {allowed}, got {value!r}")
    return number


def _ratio(value: str) -> float:
    return _number(value, lambda number: 0 < number <= 1, "a number in (0, 1]")


def _seconds(value: str) -> float:
    return _number(
        value, lambda number: 0 < number <= MAX_SECONDS, f"a number of seconds > 0, at most {MAX_SECONDS:,g}"
    )


def _focus_weight(value: str) -> float:
    return _number(value, lambda number: 0 < number <= 1, "a number in (0, 1]")


def _diversity(value: str) -> float:
    return _number(value, lambda number: 0 <= number < 1, "a number in [0, 1)")


def _window(value: str) -> int:
    number = _positive_int(value)
    if not 2 <= number <= MAX_WINDOW:
        raise argparse.ArgumentTypeError(f"must be a whole number from 2 to {MAX_WINDOW}, got {value!r}")
    return number


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value
