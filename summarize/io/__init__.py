"""Input and output: documents, URLs, corpora, records and pages, around the pipeline core.

- :mod:`~summarize.io.documents`: a document from a file, a stream or a URL, as
  text or as a web page (:func:`~summarize.io.documents.load_document`).
- :mod:`~summarize.io.urls` and :mod:`~summarize.io.web`: what a URL is, and
  downloading one with limits; :mod:`~summarize.io.html`: the article of a page.
- :mod:`~summarize.io.pdf` and :mod:`~summarize.io.docx`: the text of a PDF file
  (PDFium, the extra ``pdf``) and of a Word file (the standard library), as a
  reader sees it.
- :mod:`~summarize.io.corpus`: the records of a JSON Lines file, a CSV file or a
  folder, as a stream; :mod:`~summarize.io.output`: writing output records so that
  a stopped run can be resumed; :mod:`~summarize.io.records`: the JSON fields of a
  summary.
- :mod:`~summarize.io.render`: a summary as Markdown, or as a web page.

These modules use the core (:mod:`summarize.pipeline` and the stages it composes);
the core never imports them. Nothing here is imported by ``import summarize``.
"""
