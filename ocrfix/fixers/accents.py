"""Accents OCR put on English words: ``thé`` -> ``the``, ``réport`` -> ``report``.

Tesseract reads a speck above a letter as an accent. A word with an accent that the lexicon
does not know, whose letters without it spell a known English word, is that word: on the
training pages every such token was damage, and no ground truth held one. Words the lexicon
knows with their accents (``Côte``, ``Yaoundé``) stay, and so do the loanwords English
writes with them (``café``, ``résumé``: :data:`LOANWORDS`), French and Spanish paragraphs
(the fixer is language-dependent: the pipeline guards them) and words near French or Spanish
ones (a title quoted in English: ``la prévention``). A capitalised word is taken for a name
(``Tomás``, ``Montréal``) unless it is a month (``Décember``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..confusions import BUILT_IN, ConfusionTable
from ..edits import Edit
from ..lexicon import RARE, Lexicon, Memo
from ..tokens import without_accents
from ._words import MAX_WORD, MONTHS, by_paragraph, foreign_nearby
from .base import Context

# A word holding a letter outside ASCII (the others need no look).
_ACCENTED = lazy_re.compile(r"(?<![\w’'-])[A-Za-z]*[^\W\d_A-Za-z][^\W\d_]*(?![\w’'-])")
# A letter outside ASCII, which every match of ``_ACCENTED`` holds.
_OTHER_LETTER = lazy_re.compile(r"[^\W\d_A-Za-z]")
#: English words that keep their accents (loanwords the word lists spell without them).
LOANWORDS = frozenset(
    "à attaché blasé brûlée café chargé cliché communiqué coördinate coöperate crème crêpe "
    "débâcle débris début décor déjà démarche détente éclair élan élite émigré entrée "
    "exposé façade fiancé fiancée garçon jalapeño mêlée naïve naïveté négligée papier-mâché "
    "pâté piñata précis protégé être rôle résumé risqué señor señora soirée soufflé tête "
    "über vis-à-vis".split()
)
_MONTH_NAMES = frozenset(MONTHS.split("|"))


@dataclass(frozen=True)
class AccentsFixer:
    """Remove accents OCR added to English words."""

    name: ClassVar[str] = "accents"
    language_independent: ClassVar[bool] = False

    # A letter with an accent may be another letter misread, where the plain word is no word
    # ('regiénal', 'funétioning'): one learned confusion at its place makes a common word.
    misread: bool = True

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        if text.isascii():
            return iter(())
        lex, table = ctx.lexicon, ctx.confusions
        memo: Memo[str, tuple[Edit, ...]]
        memo = lex.memo(ctx.memo_name(f"{self!r}.paragraphs"), 4_000)
        return by_paragraph(text, memo, lambda part: self._propose(part, lex, table), lex)

    def _propose(self, text: str, lex: Lexicon, table: ConfusionTable = BUILT_IN) -> Iterator[Edit]:
        if text.isascii() or not _OTHER_LETTER.search(text):
            return  # (curly quotes are not ASCII: most paragraphs have no accented letter)
        for m in _ACCENTED.finditer(text):
            word = m.group()
            plain = without_accents(word)
            if plain is None or lex.known(word) or lex.is_protected(word):
                continue
            low = word.lower()
            if low in LOANWORDS or low.removesuffix("s") in LOANWORDS:
                continue
            why = f"an accent OCR read on '{plain}'"
            if not (lex.known(plain, min_count=RARE) or lex.is_protected(plain)):
                misread = self._misread(word, plain, lex, table) if self.misread else None
                if misread is None:
                    continue
                why = f"'{misread}' with a letter read as an accented one"
                plain = misread
            if word[0].isupper() and plain not in _MONTH_NAMES:
                continue  # a name ('Tomás', 'Montréal'); a month is none ('Décember')
            if foreign_nearby(text, m.start(), m.end()):
                continue  # a French or Spanish title inside English ('la prévention')
            yield Edit(m.start(), m.end(), word, plain, self.name, why, 0.85)

    @staticmethod
    def _misread(word: str, plain: str, lex: Lexicon, table: ConfusionTable) -> str | None:
        """The one common word that one learned confusion at the place of an accented letter
        makes of ``plain`` (``word`` without its accents), if exactly one does."""
        places = {i for i, c in enumerate(word) if not c.isascii()}
        if len(word) != len(plain) or not 4 <= len(word) <= MAX_WORD or not word.islower():
            return None  # (a short token has too many neighbours: 'én' may be 'in' or 'on')
        found = {
            v
            for v in table.variants1(plain)
            if len(v) == len(plain)
            and {i for i, (a, b) in enumerate(zip(v, plain)) if a != b} <= places
            and lex.known(v, min_count=RARE * 10)
        }
        return found.pop() if len(found) == 1 else None
