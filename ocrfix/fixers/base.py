"""The one interface between the pipeline and a fixer."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from .. import digit_shapes
from ..calibration import Calibration, default_calibration
from ..confusions import ConfusionTable
from ..edits import Edit
from ..error_model import default_table
from ..lexicon import Lexicon
from ..marker_shapes import MarkerShapes, shapes


@dataclass(frozen=True)
class Context:
    """What a fixer may consult besides the text: the lexicon, the OCR confusion table, the
    footnote-marker and digit shapes, and where not to touch.

    ``guarded`` holds sorted, non-overlapping (start, end) spans of the text being fixed that
    language-dependent fixers must leave alone (other-language paragraphs, ignored lines).
    """

    lexicon: Lexicon
    guarded: tuple[tuple[int, int], ...] = field(default=())
    confusions: ConfusionTable = field(default_factory=default_table)
    markers: MarkerShapes = field(default_factory=shapes)
    digits: digit_shapes.Shapes = field(default_factory=digit_shapes.shapes)
    #: How often the word scorer's edits are right, by posterior (their confidence).
    calibration: Calibration = field(default_factory=default_calibration)
    #: Was the text damaged as it came in, before any fixer repaired it (see
    #: ``fixers._words.damaged``)? None: not known, a fixer judges the text it is given.
    input_damaged: bool | None = None

    def memo_name(self, name: str) -> str:
        """``name`` for a memo of decisions that depend on the confusion table: another
        table's decisions are kept apart."""
        return name if self.confusions is default_table() else f"{name}@{self.confusions.key}"

    def is_guarded(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` touch a guarded span?"""
        i = bisect.bisect_right(self.guarded, (start, float("inf"))) - 1
        for span_start, span_end in self.guarded[max(i, 0) : i + 2]:
            if span_start < max(end, start + 1) and start < span_end:
                return True
        return False


class Fixer(Protocol):
    """A fixer repairs one class of OCR artefact.

    ``name`` is how users enable, disable and configure it; ``language_independent`` fixers
    (Unicode repair, document symbols) also run inside other-language paragraphs.
    Fixers are frozen dataclasses: their fields are their options.
    """

    name: ClassVar[str]
    language_independent: ClassVar[bool]

    def propose(self, text: str, ctx: Context) -> Iterable[Edit]:
        """Edits of ``text``; the pipeline sorts them and drops overlaps."""
        ...
