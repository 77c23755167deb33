"""Whitespace in the text a summary shows: inner line breaks folded, sentences joined.

A sentence's text is exactly the document's characters, line breaks included; to
show it on one line, each run of whitespace becomes one space, except a line break
between two Chinese or Japanese characters, which are written without spaces: the
break of a line that was folded (``マニュ\\nアル``) goes away (``マニュアル``). The
same rule joins sentences into a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["fold", "join_sentences"]

# Han, kana, CJK punctuation and the full-width and half-width forms: written without spaces.
_UNSPACED = "\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uff61-\uff9f"
_FOLDED_BREAK = re.compile(rf"(?<=[{_UNSPACED}])[^\S\n]*\n\s*(?=[{_UNSPACED}])")
_WHITESPACE = re.compile(r"\s+")
_UNSPACED_CHARACTER = re.compile(f"[{_UNSPACED}]")


def fold(text: str) -> str:
    """``text`` on one line: a line break between Chinese or Japanese characters removed, other whitespace one space.

    Examples
    --------
    >>> from summarize.spacing import fold
    >>> fold("  The park\\n  opens in May. ")
    'The park opens in May.'
    >>> fold("新しいマニュ\\nアルを読む。")
    '新しいマニュアルを読む。'
    """
    return _WHITESPACE.sub(" ", _FOLDED_BREAK.sub("", text)).strip()


def join_sentences(texts: Iterable[str]) -> str:
    """Sentences, each :func:`fold`-ed, joined by a space, or by nothing between Chinese or Japanese ones.

    Examples
    --------
    >>> from summarize.spacing import join_sentences
    >>> join_sentences(["Cats purr.", "Dogs\\nbark."])
    'Cats purr. Dogs bark.'
    >>> join_sentences(["猫が鳴く。", "犬が吠える。"])
    '猫が鳴く。犬が吠える。'
    """
    joined = ""
    for text in texts:
        folded = fold(text)
        if not folded:
            continue
        unspaced = joined and _UNSPACED_CHARACTER.fullmatch(joined[-1]) and _UNSPACED_CHARACTER.fullmatch(folded[0])
        joined += folded if not joined or unspaced else " " + folded
    return joined
