"""``summarize FILE...``, the default command: a summary of each FILE, or one over all of them (``--combine``)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING, TextIO

from summarize._version import __version__
from summarize.cli._common import (
    PROG,
    Parser,
    RawDescriptionHelpFormatter,
    display,
    files_or_stdin,
    import_nltk,
    print_error,
    print_note,
    read,
    report_failure,
)
from summarize.cli._options import (
    add_each_option,
    add_files_argument,
    add_input_options,
    add_summary_options,
    documents_options,
    make_summarizer,
    positive_int,
)
from summarize.cli.completion import SHELLS
from summarize.errors import SummarizeError
from summarize.io.documents import Document
from summarize.io.records import (
    document_analysis,
    document_record,
    documents_record,
    json_line,
    sentence_record,
)
from summarize.keyphrases import Keyword
from summarize.languages import LANGUAGES
from summarize.pipeline import Analysis, Summarizer
from summarize.rankers import RANKERS
from summarize.spacing import fold

if TYPE_CHECKING:
    from summarize.multidoc import MultiSummary

__all__ = ["summarize_command"]

_EPILOG = """\
examples:
  summarize article.txt                    the 3 best sentences, one per line
  summarize -n 5 --order score article.txt
  cat article.txt | summarize --ratio 0.2  standard input (no FILE, text piped in; or -)
  summarize --format json article.txt      sentences with index, rank, score, offsets
  summarize https://example.org/story.html the article of a web page (needs summarize[html])
  curl -s URL | summarize --input-format html -
  summarize report.pdf memo.docx           PDF and Word files (PDF needs summarize[pdf])
  summarize -f json --include-text report.pdf
                                           with the extracted text the offsets refer to
  summarize --format html page.html > summary.html
                                           the article with its summary highlighted
  summarize --language german artikel.txt  a text in German (--language de, or auto to detect it)
  summarize --combine --each 1 a.txt b.txt one summary of both, at least 1 sentence of each
  summarize --print-completion bash        shell completion (bash, zsh, fish; summarize[completion])
  summarize --format json --keywords 10 article.txt
                                           the summary and the 10 best keywords
  summarize keywords article.txt -n 10     keywords only (see summarize keywords --help)
  summarize batch corpus.jsonl -o out.jsonl
                                           a whole corpus (see summarize batch --help)
  summarize evaluate data.jsonl -n 3       ROUGE of every ranker against reference
                                           summaries (see summarize evaluate --help)
  summarize serve                          a page and an HTTP API on http://127.0.0.1:8000
                                           (needs summarize[serve]; see summarize serve --help)

rankers (--ranker):
{rankers}

{languages}

exit status: 0 if every input was summarised, 1 if one could not be read or
summarised (the others still are), 2 for a usage error.
"""


def summarize_command(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.print_completion is not None:
        return _print_completion(parser, args)
    args.files = files_or_stdin(parser, args.files)
    _check(parser, args)
    if args.combine:
        return _combine_files(args, sys.stdout)
    try:
        summarizer = make_summarizer(args)
    except SummarizeError as error:
        print_error(str(error))
        return 2
    return _summarize_files(summarizer, args, sys.stdout)


def _print_completion(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--print-completion SHELL``: the shell's completion script, from the command's parsers."""
    from summarize.cli.commands import parsers
    from summarize.cli.completion import completion_script

    if args.files:
        parser.error(f"--print-completion takes no FILE, got {args.files[0]!r}")
    try:
        script = completion_script(args.print_completion, _parser(), parsers())
    except SummarizeError as error:
        print_error(str(error))
        return 1
    sys.stdout.write(script)
    return 0


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Report the options that do not go together (a usage error: :class:`SystemExit`)."""
    if args.format == "html" and len(args.files) > 1 and not args.combine:
        parser.error(f"--format html writes one page: give one FILE, not {len(args.files)}")
    if args.format == "html" and args.keywords is not None:
        parser.error("--keywords is for --format text, json and markdown, not html")
    if args.include_text and args.format != "json":
        parser.error(f"--include-text is for --format json, not {args.format}")
    if args.each is not None and not args.combine:
        parser.error("--each is for --combine")
    if args.by_section is not None and (args.format == "html" or args.combine):
        parser.error("--by-section is for one summary per FILE in --format text, json or markdown")
    if args.by_section is not None and args.keywords is not None:
        parser.error("--keywords is not available with --by-section")
    if args.combine:
        for option, given in (
            ("--keywords", args.keywords is not None),
            ("--include-text", args.include_text),
        ):
            if given:
                parser.error(f"{option} is not available with --combine")


def _combine_files(args: argparse.Namespace, out: TextIO) -> int:
    """``--combine``: one summary over all the files, each sentence with its file."""
    import_nltk()
    names = [display(name) for name in args.files]
    if len(set(names)) != len(names):
        print_error("--combine: each FILE may be given once")
        return 2
    try:
        documents = [read(name, args) for name in args.files]
        texts = [document.text for document in documents]
        analysis = documents_options(args).analyze_documents(
            texts, ids=names, blocks=[document.blocks for document in documents]
        )
        summary = analysis.summary
    except SummarizeError as error:
        print_error(str(error))
        return 1
    if not summary:
        print_error("--combine: no sentence to summarise in any FILE")
        return 1
    if summary.focus_matched is False:
        print_note("the focus matches nothing in the FILEs; the summary is unfocused")
    _write_combined(args.format, texts, analysis, out)
    out.flush()
    return 0


def _write_combined(fmt: str, texts: list[str], analysis: Analysis, out: TextIO) -> None:
    """Write the summary over all the FILEs (their ``texts``) in the format ``fmt``."""
    summary: MultiSummary = analysis.summary
    if fmt == "json":
        out.write(json_line(documents_record(summary, block_of=analysis.block_of)))
    elif fmt == "markdown":
        from summarize.io.render import to_markdown

        out.write(to_markdown(summary))
    elif fmt == "html":
        from summarize.io.render import to_html_documents

        out.write(to_html_documents(texts, summary))
    else:
        out.writelines(f"[{sentence.document}] {fold(sentence.text)}\n" for sentence in summary)


def _summarize_files(summarizer: Summarizer, args: argparse.Namespace, out: TextIO) -> int:
    import_nltk()
    status = 0
    for number, name in enumerate(args.files):
        try:
            document, analysis, found = _analyze(summarizer, name, args)
        except SummarizeError as error:
            report_failure(name, error, args.format, out)
            status = 1
            continue
        if analysis.focus_matched is False:
            print_note(f"{display(name)}: the focus matches nothing in the text; the summary is unfocused")
        _write_summary(args, number, name, document, analysis, found, out)
        out.flush()
    return status


def _analyze(
    summarizer: Summarizer, name: str, args: argparse.Namespace
) -> tuple[Document, Analysis, tuple[Keyword, ...] | None]:
    """Read FILE ``name`` and summarise it; its keywords too if asked (``--keywords``)."""
    document = read(name, args)
    analysis = document_analysis(summarizer, display(name), document)
    found = analysis.keywords(top=args.keywords) if args.keywords else None
    return document, analysis, found


def _write_summary(
    args: argparse.Namespace,
    number: int,
    name: str,
    document: Document,
    analysis: Analysis,
    found: tuple[Keyword, ...] | None,
    out: TextIO,
) -> None:
    """Write the summary of the ``number``-th FILE, ``name``, in the format asked for."""
    files: list[str] = args.files
    fmt: str = args.format
    if args.by_section is not None:
        _write_sections(args, number, name, document, analysis, out)
    elif fmt == "json":
        record = document_record(display(name), document, analysis, keywords=found, include_text=args.include_text)
        out.write(json_line(record))
    elif fmt == "markdown":
        from summarize.io.render import to_markdown

        heading = document.title or (display(name) if len(files) > 1 else None)
        out.write(("\n" if number else "") + to_markdown(analysis, title=heading, keywords=found))
    elif fmt == "html":
        from summarize.io.render import to_html

        out.write(to_html(analysis, title=document.title, source=document.source))
    else:
        if len(files) > 1:
            out.write(("\n" if number else "") + f"==> {display(name)} <==\n")
        out.writelines(fold(sentence.text) + "\n" for sentence in analysis.summary)
        if found is not None:
            out.write("keywords: " + ", ".join(keyword.text for keyword in found) + "\n")


def _write_sections(
    args: argparse.Namespace, number: int, name: str, document: Document, analysis: Analysis, out: TextIO
) -> None:
    """``--by-section N``: the N best sentences of each top-level section, under its heading."""
    sections = analysis.by_section(args.by_section)
    if args.format == "json":
        record = document_record(display(name), document, analysis, include_text=args.include_text)
        record["sentences"] = [sentence_record(s, analysis.block_of) for _, part in sections for s in part]
        record["sections"] = [
            {"section": heading, "sentences": [sentence_record(s, analysis.block_of) for s in part]}
            for heading, part in sections
        ]
        out.write(json_line(record))
        return
    if args.format == "markdown":
        from summarize.io.render import sections_to_markdown

        out.write(("\n" if number else "") + sections_to_markdown(sections, title=document.title or display(name)))
        return
    if len(args.files) > 1:
        out.write(("\n" if number else "") + f"==> {display(name)} <==\n")
    for heading, part in sections:
        if heading:
            out.write(f"## {heading}\n")
        out.writelines(fold(sentence.text) + "\n" for sentence in part)


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description=textwrap.fill(
            "Extractive summaries of text documents, web pages, PDF and Word files with TextRank: the sentences "
            "that best summarise each FILE, ranked by centrality. Works offline, except to download a URL.",
            width=80,
        ),
        epilog=_EPILOG.format(
            rankers="\n".join(
                textwrap.fill(ranker.description, width=98, initial_indent=f"  {name:<18} ", subsequent_indent=" " * 21)
                for name, ranker in RANKERS.items()
            ),
            languages=textwrap.fill(
                f"languages (--language): {', '.join(LANGUAGES)}, or auto; or a language's ISO 639-1 code (de, "
                "fr, ja...), and names in any case (German).",
                width=80,
            ),
        ),
        formatter_class=RawDescriptionHelpFormatter,
    )
    add_files_argument(parser)
    add_summary_options(parser)
    _add_output_options(parser)
    add_input_options(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--print-completion",
        choices=SHELLS,
        metavar="SHELL",
        help=f"print the shell completion script for SHELL ({', '.join(SHELLS)}) and exit; needs "
        "summarize[completion]; bash: summarize --print-completion bash > ~/.local/share/bash-completion/"
        "completions/summarize (docs/command-line.md: zsh and fish)",
    )
    return parser


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    """--combine, --keywords, --format and --include-text: what is written, and how."""
    parser.add_argument(
        "--combine",
        action="store_true",
        help="one summary over all the FILEs, each sentence with the FILE it is from ([a.txt] in text, "
        '"document" in JSON); each FILE\'s opening sentence comes first (with the default ranker, for a short '
        "summary, unless a --focus matches), but one FILE may give every sentence (--each N: at least N from "
        "each), and the same fact in several FILEs is chosen once (a sentence whose "
        "cosine with one already chosen is above 0.5 is passed over); with --format html, a page showing every "
        "FILE with its chosen sentences highlighted",
    )
    add_each_option(parser, "FILEs")
    parser.add_argument(
        "--by-section",
        type=positive_int,
        metavar="N",
        help="the N best sentences of each top-level section, under its heading (documents with structure: "
        'Markdown, or text with headings; a text without is one section); in JSON also as "sections"',
    )
    parser.add_argument(
        "--keywords",
        type=positive_int,
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
