"""ocrfix: repair OCR text -- split and merged words, character confusions, footnote markers,
document symbols, spacing -- without damaging correct text.

>>> import ocrfix
>>> ocrfix.fix("Recalling Commission on Population and Devel opment resolution 2006/2")
'Recalling Commission on Population and Development resolution 2006/2'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .edits import Edit, Result, apply_edits
from .lexicon import Lexicon
from .pipeline import MODES, ConfigError, Mode, Pipeline

__version__ = "0.1.0"
__all__ = [
    "MODES",
    "ConfigError",
    "Edit",
    "Lexicon",
    "Mode",
    "Pipeline",
    "Result",
    "__version__",
    "apply_edits",
    "fix",
    "fix_and_explain",
    "pipe",
]

_default: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _default  # a cache of an immutable object, built on first use
    if _default is None:
        _default = Pipeline()
    return _default


def fix(text: str, mode: Mode = "faithful") -> str:
    """Return ``text`` with its OCR artefacts repaired by the default pipeline.

    ``mode``: ``faithful`` (same lines), ``reading`` (furniture removed, footnotes at the end,
    paragraphs rejoined) or ``structured`` (JSON).
    """
    return _pipeline().fix(text, mode)


def fix_and_explain(text: str, mode: Mode = "faithful") -> Result:
    """Like :func:`fix`, with every edit (offsets into ``text``, fixer, reason, confidence)."""
    return _pipeline().fix_and_explain(text, mode)


def pipe(texts: Iterable[str]) -> Iterator[str]:
    """Fix a stream of texts with the default pipeline."""
    return _pipeline().pipe(texts)
