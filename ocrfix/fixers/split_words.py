"""Words OCR split in two: ``Devel opment`` -> ``Development``, also across a line break.

Two neighbouring pieces are joined when the joined word is a common word (or a UN word) and
at least one piece is not a word on its own; pairs that English writes apart (``ad hoc``,
``inter alia``: known bigrams) are never joined. Three pieces are joined the same way.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..edits import Edit
from ..lexicon import RARE, Lexicon
from .base import Context

# Pieces: letters, separated by one space, or by a line break (no blank line between).
_PIECE = re.compile(r"(?<![\w/@.\-&'’‘])[A-Za-z]+(?![\w/@&\-'’‘])")
_GAP = re.compile(r" |[ \t]*\n[ \t]*")


@dataclass(frozen=True)
class SplitWordsFixer:
    """Join pieces of a word that OCR split with a space or a line break."""

    name: ClassVar[str] = "split_words"
    language_independent: ClassVar[bool] = False
    across_lines: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        pieces = list(_PIECE.finditer(text))
        memo: dict[str, bool] = {}
        is_word = [_memo_is_word(m.group(), lex, memo) for m in pieces]
        taken = -1  # pieces up to this index are already part of an edit
        for k, known in enumerate(is_word):
            if known:
                continue  # only groups holding a piece that is not a word are candidates
            for first, size in ((k - 2, 3), (k - 1, 3), (k, 3), (k - 1, 2), (k, 2)):
                group = pieces[max(first, 0) : first + size]
                if first > taken and len(group) == size and self._joinable(text, group, lex):
                    yield self._edit(text, group)
                    taken = first + size - 1
                    break

    def _joinable(self, text: str, group: list[re.Match[str]], lex: Lexicon) -> bool:
        parts = [m.group() for m in group]
        for a, b in itertools.pairwise(group):
            gap = text[a.end() : b.start()]
            if not _GAP.fullmatch(gap) or ("\n" in gap and not self.across_lines):
                return False
        if any(not p[1:].islower() and len(p) > 1 for p in parts) or not parts[1][0].islower():
            return False  # a piece in capitals or a capitalised second piece: names, acronyms
        word = "".join(parts)
        if lex.is_protected(word) or not lex.known(word, min_count=RARE * 10):
            return False
        # A known piece much commoner than the join is more likely a word of its own ('to te'
        # is 'to the' garbled, not 'tote').
        known_pieces = [lex.frequency(p) for p in parts if _is_word(p, lex)]
        if known_pieces and lex.frequency(word) < 0.05 * max(known_pieces):
            return False
        # Pieces that English writes apart (known bigrams) stay apart.
        return not any(lex.bigram(a, b) for a, b in itertools.pairwise(parts))

    def _edit(self, text: str, group: list[re.Match[str]]) -> Edit:
        start, end = group[0].start(), group[-1].end()
        before = text[start:end]
        word = "".join(m.group() for m in group)
        if "\n" in before:
            # Keep the line break: the whole word moves to the start of the next line.
            line_start = text.rfind("\n", 0, start) + 1
            spaces = len(text[line_start:start]) - len(text[line_start:start].rstrip(" \t"))
            if text[line_start:start].strip():
                start -= spaces
                before = text[start:end]
                word = "\n" + word
            else:
                word = word + "\n"
        return Edit(
            start,
            end,
            before,
            word,
            self.name,
            f"joined a word split by OCR: '{' '.join(m.group() for m in group)}'",
            0.85,
        )


def _memo_is_word(piece: str, lex: Lexicon, memo: dict[str, bool]) -> bool:
    known = memo.get(piece)
    if known is None:
        known = memo[piece] = _is_word(piece, lex)
    return known


def _is_word(piece: str, lex: Lexicon) -> bool:
    """Is this piece a word on its own? Single letters other than 'a' and 'I' are not."""
    if len(piece) == 1:
        return piece in "aAI"
    return lex.is_protected(piece) or lex.known(piece, min_count=RARE)
