"""Words OCR split in two: ``Devel opment`` -> ``Development``, also across a line break.

Two neighbouring pieces are joined when the joined word is a common word (or a UN word) and
at least one piece is not a word on its own; pairs that English writes apart (``ad hoc``,
``inter alia``: known bigrams) are never joined. Three pieces are joined the same way.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from ..lexicon import RARE, Lexicon, Memo
from ._words import PARAGRAPH_MEMO_CHARS, by_paragraph
from .base import Context

# Pieces: letters, separated by one space, or by a line break (no blank line between).
_PIECE = lazy_re.compile(r"(?<![\w/@.\-&'’‘])[A-Za-z]+(?![\w/@&\-'’‘])")
_GAP = lazy_re.compile(r" |[ \t]*\n[ \t]*")
_RUN = lazy_re.compile(r"[A-Za-z]+")
_LETTERS = frozenset(string.ascii_letters)
_GROUP: Callable[[re.Match[str]], str] = re.Match.group  # (mapped over matches in C)


#: How common a joined word must be.
JOIN_COUNT = RARE * 10


@dataclass(frozen=True)
class SplitWordsFixer:
    """Join pieces of a word that OCR split with a space or a line break."""

    name: ClassVar[str] = "split_words"
    language_independent: ClassVar[bool] = False
    across_lines: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        lex = ctx.lexicon
        # Paragraph by paragraph: no join crosses a blank line (a gap holds one line break at
        # most), the pieces' lookarounds see one character, and a join's line is its own.
        memo: Memo[str, tuple[Edit, ...]]
        memo = lex.memo(f"{self!r}.paragraphs", 4_000)
        return by_paragraph(text, memo, lambda part: self._propose(part, lex), lex)

    def _propose(self, text: str, lex: Lexicon) -> Iterator[Edit]:
        # Joins are only tried at a piece that is no word.
        if len(text) > PARAGRAPH_MEMO_CHARS:
            # (Every piece is a run of letters: the distinct runs are judged, not the pieces,
            # which are then read one by one: no list of them all.)
            unknown = _unknown(set(_RUN.findall(text)), lex)
            if unknown:
                yield from self._joins_streamed(text, unknown, lex)
            return
        # A paragraph of ordinary length: its pieces in one list (one scan), each distinct
        # piece judged once, and only the pieces that are no word visited, each with the two
        # pieces on either side of it: the joins of :meth:`_joins_streamed`, in its order.
        found = list(_PIECE.finditer(text))
        pieces = list(map(_GROUP, found))
        unknown = _unknown(set(pieces), lex)
        if not unknown:
            return
        count = len(found)
        taken = -1  # pieces up to this index are already part of an edit
        for k in itertools.compress(range(count), map(unknown.__contains__, pieces)):
            first = max(k - 2, 0)
            joined = self._join_at(text, found[first : k + 3], first, k, count, taken, lex)
            if joined is not None:
                edit, taken = joined
                yield edit

    def _joins_streamed(self, text: str, unknown: set[str], lex: Lexicon) -> Iterator[Edit]:
        """The joins of a long paragraph (a whole book on one line), read piece by piece."""
        # A sliding window of pieces, not a list of them all (tens of megabytes of match
        # objects for a paragraph that is a whole book on one line): piece k is judged once
        # piece k + 2 is read, and the pieces before k - 2 are dropped.
        window: list[re.Match[str]] = []
        offset = 0  # the index of window[0]
        taken = -1  # pieces up to this index are already part of an edit
        for m in _PIECE.finditer(text):
            window.append(m)
            k = offset + len(window) - 3
            if k >= 0 and window[k - offset].group() in unknown:
                found = self._join_at(text, window, offset, k, k + 3, taken, lex)
                if found is not None:
                    edit, taken = found
                    yield edit
            if len(window) > 512:
                offset += len(window) - 5
                del window[:-5]
        count = offset + len(window)
        for k in range(max(count - 2, 0), count):
            if window[k - offset].group() in unknown:
                found = self._join_at(text, window, offset, k, count, taken, lex)
                if found is not None:
                    edit, taken = found
                    yield edit

    def _join_at(
        self,
        text: str,
        window: list[re.Match[str]],
        offset: int,
        k: int,
        count: int,
        taken: int,
        lex: Lexicon,
    ) -> tuple[Edit, int] | None:
        """The join of a group holding piece ``k`` (not a word), if one is joinable, and the
        index of its last piece; ``count`` pieces exist (at least ``k + 3``, or all)."""
        # only groups holding a piece that is not a word are candidates
        for first, size in ((k - 2, 3), (k - 1, 3), (k, 3), (k - 1, 2), (k, 2)):
            if first > taken and first >= 0 and first + size <= count:
                group = window[first - offset : first - offset + size]
                if self._joinable(text, group, lex):
                    return self._edit(text, group), first + size - 1
        return None

    def _joinable(self, text: str, group: list[re.Match[str]], lex: Lexicon) -> bool:
        parts = [m.group() for m in group]
        word = "".join(parts)
        # (First the test that fails most often; the tests have no side effects.)
        if not lex.known(word, min_count=JOIN_COUNT):
            return False
        if len(parts[-1]) == 1:
            # A lone last letter is a misread short word or debris, not a word's end: on the
            # training and team pages every such join was wrong ('building s common' for
            # 'building a common', 'new s$Steins', 'M y').
            return False
        for a, b in itertools.pairwise(group):
            gap = text[a.end() : b.start()]
            if not _GAP.fullmatch(gap) or ("\n" in gap and not self.across_lines):
                return False
        if any(not p[1:].islower() and len(p) > 1 for p in parts) or not parts[1][0].islower():
            return False  # a piece in capitals or a capitalised second piece: names, acronyms
        if lex.is_protected(word):
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


def _unknown(runs: set[str], lex: Lexicon) -> set[str]:
    """The ``runs`` that are no word on their own (verdicts kept with the lexicon)."""
    verdicts: Memo[str, bool] = lex.memo("split_words.is_word", 30_000)
    verdict = verdicts.get
    trusted = lex.built_spellings(RARE)
    if trusted is not None:
        # A run of two letters or more among the trusted spellings is a word: with the index
        # built, only the others (and single letters) are judged; set operations, in C.
        runs = (runs - trusted.members) | (runs & _LETTERS)
    unknown: set[str] = set()
    for run in runs:
        known = verdict(run)
        if known is None:
            known = _is_word(run, lex)
            verdicts.put(run, known)
        if not known:
            unknown.add(run)
    return unknown


def _is_word(piece: str, lex: Lexicon) -> bool:
    """Is this piece a word on its own? Single letters other than 'a' and 'I' are not."""
    if len(piece) == 1:
        return piece in "aAI"
    return lex.is_protected(piece) or lex.known(piece, min_count=RARE)
