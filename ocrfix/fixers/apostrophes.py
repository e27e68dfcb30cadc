"""Straight apostrophes OCR read in a text typeset with typographic ones: ``Centre's`` ->
``Centre’s``, ``d'Ivoire`` -> ``d’Ivoire``.

A typeset document writes its apostrophes one way: of the 328 born-digital UN resolutions of
session 78 (the training split), 159 write ``’`` inside words and none ``'``. Tesseract reads the
same glyph either way, so a page holds both. Where the text itself shows the typographic
apostrophe inside a word, a straight one inside a word is that apostrophe misread; a text
with none (most plain-text English, code, e-mail) is never touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from .base import Context

# An apostrophe between two letters: the typographic one, and the straight one (not between
# two capitals: 'A'C.6/66' is a symbol's slash misread, and symbols have their own fixer).
_TYPOGRAPHIC = lazy_re.compile(r"’(?<=[^\W\d_]’)(?=[^\W\d_])")
_STRAIGHT = lazy_re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])(?<![^\W\d_a-z]'(?=[^\W\d_a-z]))")


@dataclass(frozen=True)
class ApostrophesFixer:
    """Give a text's straight apostrophes the typographic form the text itself uses."""

    name: ClassVar[str] = "apostrophes"
    # (The style is the document's, whatever the language of a paragraph: 'Côte d’Ivoire'.)
    language_independent: ClassVar[bool] = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        if "'" not in text or _TYPOGRAPHIC.search(text) is None:
            return
        for m in _STRAIGHT.finditer(text):
            yield Edit(
                m.start(),
                m.end(),
                "'",
                "’",
                self.name,
                "a straight apostrophe in a text that writes typographic ones",
                0.8,
            )
