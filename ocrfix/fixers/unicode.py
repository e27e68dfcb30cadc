"""Unicode damage: mojibake, ligatures, control characters, by ftfy (curly quotes kept)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from .base import Context

# What damaged text holds and clean text rarely does: UTF-8 lead bytes decoded as Latin-1 or
# Windows-1252 (Â..ô), ligatures, control characters, the replacement character.
_SUSPECT = lazy_re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00c2-\u00f4\ufb00-\ufb06\ufffd]")


@dataclass(frozen=True)
class UnicodeFixer:
    """Repair text that was decoded with the wrong encoding or carries ligatures and controls.

    ftfy is imported only for lines that hold non-ASCII or control characters, so clean ASCII
    text never pays its import time. Typographic quotes and dashes are kept: UN documents
    print them, and straightening them would be damage.
    """

    name: ClassVar[str] = "unicode"
    language_independent: ClassVar[bool] = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        done = 0  # the lines before this offset are done
        for suspect in _SUSPECT.finditer(text):  # (one scan in C; clean text has no match)
            if suspect.start() < done:
                continue
            # The line holding the suspect character ('\n' ends lines: not splitlines(), which
            # also splits at \x1c-\x1e, \x85).
            start = text.rfind("\n", 0, suspect.start()) + 1
            end = text.find("\n", suspect.start())
            end = len(text) if end < 0 else end
            done = end + 1
            body = text[start:end].rstrip("\r")
            fixed = _fix_line(body)
            if fixed == body:
                continue
            # Trim the common prefix and suffix, so the edit covers only what changed.
            head = 0
            while head < min(len(body), len(fixed)) and body[head] == fixed[head]:
                head += 1
            tail = 0
            while tail < min(len(body), len(fixed)) - head and body[-1 - tail] == fixed[-1 - tail]:
                tail += 1
            yield Edit(
                start + head,
                start + len(body) - tail,
                body[head : len(body) - tail],
                fixed[head : len(fixed) - tail],
                self.name,
                "repaired Unicode (mojibake, ligature or control character)",
                0.95,
            )


def _fix_line(line: str) -> str:
    """ftfy until the line stops changing: removing a control character can reveal more
    mojibake, and ``fix`` must be idempotent."""
    for _ in range(4):
        fixed = _ftfy(line)
        if fixed == line:
            break
        line = fixed
    return line


def _ftfy(line: str) -> str:
    import ftfy

    return str(
        ftfy.fix_text(
            line,
            uncurl_quotes=False,
            unescape_html=False,
            fix_line_breaks=False,
            normalization=None,
            fix_latin_ligatures=True,
            fix_character_width=False,
            explain=False,
        )
    )
