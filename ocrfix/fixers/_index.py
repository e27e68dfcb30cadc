"""Paragraph bounds and character counts of one text, answered in logarithmic time.

Fixers that ask, for every mark of a text, "where does this paragraph start?" and "how many
opening quotes since then?" would rescan the paragraph each time: quadratic time on a long
paragraph (a whole book on one line). An index built once answers both by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .. import lazy_re

_BLANK = lazy_re.compile(r"(?=\n\n)")  # every start of '\n\n', overlapping ones included


class TextIndex:
    """Where ``text`` holds ``'\\n\\n'`` and each character of ``chars``."""

    def __init__(self, text: str, chars: str) -> None:
        self.length = len(text)
        self._blanks = [m.start() for m in _BLANK.finditer(text)]
        self._positions: dict[str, list[int]] = {c: [] for c in chars}
        if chars:
            for m in re.finditer("[" + re.escape(chars) + "]", text):
                self._positions[m.group()].append(m.start())

    def blank_before(self, pos: int) -> int:
        """``text.rfind('\\n\\n', 0, pos)``: the last blank line ending by ``pos``, or -1."""
        k = bisect_right(self._blanks, pos - 2)
        return self._blanks[k - 1] if k else -1

    def blank_after(self, pos: int) -> int:
        """``text.find('\\n\\n', pos)``: the first blank line from ``pos``, or -1."""
        k = bisect_left(self._blanks, max(pos, 0))
        return self._blanks[k] if k < len(self._blanks) else -1

    def count(self, char: str, start: int, end: int) -> int:
        """``text.count(char, start, end)`` for a character of ``chars``."""
        positions = self._positions[char]
        start, end = max(start, 0), min(end, self.length)
        return max(0, bisect_left(positions, end) - bisect_left(positions, start))
