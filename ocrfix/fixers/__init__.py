"""The fixers, one module per OCR artefact, and their canonical order."""

from __future__ import annotations

from .accents import AccentsFixer
from .apostrophes import ApostrophesFixer
from .base import Context, Fixer
from .character_confusions import CharacterConfusionsFixer
from .cut_lines import CutLinesFixer
from .dates import DatesFixer
from .document_symbols import DocumentSymbolsFixer
from .footnote_markers import FootnoteMarkersFixer
from .letter_case import LetterCaseFixer
from .masthead import MastheadFixer
from .merged_words import MergedWordsFixer
from .paragraph_endings import ParagraphEndingsFixer
from .paragraph_numbers import ParagraphNumbersFixer
from .paragraph_openers import ParagraphOpenersFixer
from .punctuation_spacing import PunctuationSpacingFixer
from .real_words import RealWordsFixer
from .resolution_numbers import ResolutionNumbersFixer
from .short_words import ShortWordsFixer
from .split_words import SplitWordsFixer
from .unicode import UnicodeFixer

#: The canonical order. Structure first (encoding, symbols, spacing, markers), then words:
#: joining split pieces before judging words, confusions before splitting merged tokens
#: (``Reguests`` is a misread, not ``Re guests``).
FIXERS: tuple[type[Fixer], ...] = (
    UnicodeFixer,
    CutLinesFixer,
    ApostrophesFixer,
    DocumentSymbolsFixer,
    ResolutionNumbersFixer,
    DatesFixer,
    MastheadFixer,
    ParagraphNumbersFixer,
    PunctuationSpacingFixer,
    ParagraphEndingsFixer,
    FootnoteMarkersFixer,
    SplitWordsFixer,
    AccentsFixer,
    LetterCaseFixer,
    ParagraphOpenersFixer,
    CharacterConfusionsFixer,
    MergedWordsFixer,
    ShortWordsFixer,
    RealWordsFixer,
)

__all__ = ["FIXERS", "Context", "Fixer"]
