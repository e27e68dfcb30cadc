"""What OCR reads for a superscript footnote marker: a learned model of marker shapes.

A superscript number is small and raised, and each digit has its own misreadings: on the UN's
typesetting Tesseract reads a superscript ``1`` as ``!``, ``2`` and ``3`` as ``?``, ``4`` as
``*`` or ``‘``, ``6`` as ``®``, ``7`` as ``’``, or loses it. :func:`learn` counts, over aligned
(ground truth, OCR) pairs, what each marker digit was read as; ``benchmarks/train_model.py``
writes the counts of the real training pages as package data. :class:`MarkerShapes` gives the
likelihood of a reading for a number, against the readings of markers at large: the footnote
fixer uses it to decide which garbled mark is which missing marker.
"""

from __future__ import annotations

import functools
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import lazy_re
from .noisy_channel import write_data_file
from .tokens import paired

#: The shipped counts, learned from the real training pages by ``benchmarks/train_model.py``.
SHAPES_FILE = Path(__file__).parent / "data" / "marker_shapes.tsv"
SHAPES_FORMAT = "# ocrfix marker shapes 2"
#: Additive smoothing of each digit's readings (a reading never seen keeps a little mass).
SMOOTHING = 0.5
#: A mark's odds of being text when no counts were learned for its kind.
DEFAULT_TEXT_PRIOR = 0.5
#: Readings of this many characters or more are counted together.
LONGEST_READ = 3
_TRAILING_DIGITS = lazy_re.compile(r"\d{1,2}\Z")
#: A reference's abbreviation before a number: 'Rev.1', 'para.7' carry no marker.
_REFERENCES = ("Rev.", "Add.", "Corr.", "No.", "Nos.", "para.", "paras.", "vol.")
_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz,;:)]”’")


def split_marker(token: str) -> tuple[str, str] | None:
    """``(stem, marker)`` of a ground-truth token that ends with a footnote marker: a word,
    a closing mark or a full stop after a lower-case letter, then one or two digits
    (``Families,2``, ``development.3``); None for any other token."""
    m = _TRAILING_DIGITS.search(token)
    if m is None or m.start() == 0:
        return None
    stem = token[: m.start()]
    prev = stem[-1]
    page = stem[-2:] == "p." and not stem[-3:-2].isalpha()  # 'p.3'
    if prev in _AFTER or (
        prev == "." and stem[-2:-1].islower() and not stem.endswith(_REFERENCES) and not page
    ):
        return stem, m.group()
    return None


@dataclass(frozen=True)
class MarkerShapes:
    """Counts of (digit printed as a superscript, what OCR read for it; ``""``: lost), and for
    each kind of mark found where a marker may stand, how many were markers and how many
    text (:func:`ocrfix.fixers.footnote_markers.learn_kinds`), and how many characters OCR
    read for markers of each length (``(2, 1)``: a two-digit marker read as one mark)."""

    counts: Mapping[tuple[str, str], int]
    kinds: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    lengths: Mapping[tuple[int, int], int] = field(default_factory=dict)

    def text_prior(self, kind: str) -> float:
        """The share of marks of ``kind`` that were text, not markers (smoothed)."""
        if kind not in self.kinds:
            return DEFAULT_TEXT_PRIOR
        markers, texts = self.kinds[kind]
        return (texts + 1) / (markers + texts + 2)

    @functools.cached_property
    def _by_digit(self) -> dict[str, tuple[Counter[str], int]]:
        by: dict[str, Counter[str]] = {}
        for (digit, read), n in self.counts.items():
            by.setdefault(digit, Counter())[read] += n
        return {d: (c, sum(c.values())) for d, c in by.items()}

    @functools.cached_property
    def _alphabet(self) -> int:
        return len({read for _, read in self.counts}) + 1  # (+1: the readings never seen)

    def char(self, read: str, digit: str) -> float:
        """P(``read`` | superscript ``digit``), smoothed; a digit never seen gives the uniform
        share."""
        counts, total = self._by_digit.get(digit, (Counter(), 0))
        return (counts.get(read, 0) + SMOOTHING) / (total + SMOOTHING * self._alphabet)

    @functools.cached_property
    def _by_length(self) -> dict[int, tuple[Counter[int], int]]:
        by: dict[int, Counter[int]] = {}
        for (printed, read), n in self.lengths.items():
            by.setdefault(printed, Counter())[read] += n
        return {p: (c, sum(c.values())) for p, c in by.items()}

    def length(self, read: int, printed: int) -> float | None:
        """P(a reading of ``read`` characters | a marker of ``printed`` digits), smoothed;
        None when the model learned no lengths."""
        if not self.lengths:
            return None
        counts, total = self._by_length.get(printed, (Counter(), 0))
        return (counts.get(min(read, LONGEST_READ), 0) + SMOOTHING) / (
            total + SMOOTHING * (LONGEST_READ + 1)
        )

    def likelihood(self, read: str, number: int) -> float:
        """P(``read`` | marker ``number``): the product of its digits' readings when the
        reading has as many characters; else the learned share of readings of that length
        times each character's mean reading over the digits (a two-digit marker read as
        one mark), or a small share where no lengths were learned."""
        digits = str(number)
        if len(read) == len(digits):
            return math.prod(self.char(r, d) for r, d in zip(read, digits))
        share = self.length(len(read), len(digits))
        if share is None or not read:
            return 0.01 * math.prod(self.char(r, "") for r in read)
        return share * math.prod(sum(self.char(r, d) for d in digits) / len(digits) for r in read)

    def seen(self, read: str, number: int) -> bool:
        """Was each character of ``read`` that differs from ``number``'s digit in its place
        learned as a reading of that digit? (False when their lengths differ.)"""
        digits = str(number)
        return len(read) == len(digits) and all(
            r == d or self.counts.get((d, r), 0) > 0 for r, d in zip(read, digits)
        )

    def ratio(self, read: str, number: int) -> float:
        """How much likelier ``read`` is for ``number`` than for a marker at large (the mean
        over the digits of each position): above 1, the reading points at this number."""
        base = math.prod(sum(self.char(r, d) for d in "0123456789") / 10 for r in read)
        return self.likelihood(read, number) / base if base else 0.0

    def lost(self) -> float:
        """The share of markers OCR lost outright."""
        total = sum(self.counts.values())
        lost = sum(n for (_, read), n in self.counts.items() if read == "")
        return (lost + SMOOTHING) / (total + 2 * SMOOTHING)


def _marker_reads(gt: str, ocr: str) -> Iterator[tuple[str, str]]:
    """(marker printed, what OCR read) for the ground-truth tokens ending with a footnote
    marker, aligned token by token; the comma before a marker may have been read as a stop."""
    g, o = gt.split(), ocr.split()
    for i, j in paired(g, o):  # (equal tokens too: the markers read right)
        split = split_marker(g[i])
        if split is None:
            continue
        stem, marker = split
        b = o[j]
        if b.startswith(stem) or (
            stem[-1] in ",;:" and b.startswith(stem[:-1]) and b[len(stem) - 1 : len(stem)] == "."
        ):
            yield marker, b[len(stem) :]


def learn_lengths(pairs: Iterable[tuple[str, str]]) -> Counter[tuple[int, int]]:
    """Counts of (digits of a marker, characters OCR read for it, at most
    :data:`LONGEST_READ`) over (ground truth, OCR) ``pairs``."""
    return Counter(
        (len(printed), min(len(read), LONGEST_READ))
        for gt, ocr in pairs
        for printed, read in _marker_reads(gt, ocr)
    )


def learn(pairs: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """Counts of (marker digit, character read; ``""``: lost) over (ground truth, OCR)
    ``pairs``, where a reading has as many characters as the marker (or none)."""
    counts: Counter[tuple[str, str]] = Counter()
    for gt, ocr in pairs:
        for printed, read in _marker_reads(gt, ocr):
            if read == "":
                counts[(printed[-1], "")] += 1
            elif len(read) == len(printed):
                counts.update(zip(printed, read))
    return counts


#: The lines of a model file (``ocrfix learn``) that carry its marker shapes, beside the
#: confusions: ``@marker TAB digit TAB read TAB count`` and ``@kind TAB kind TAB markers TAB
#: texts``.
MARKER_LINE, KIND_LINE, LENGTH_LINE = "@marker", "@kind", "@length"


def model_lines(model: MarkerShapes) -> list[str]:
    """The marker shapes as lines of a model file."""
    lines = [f"{MARKER_LINE}\t{d}\t{r}\t{n}" for (d, r), n in sorted(model.counts.items())]
    lines += [f"{KIND_LINE}\t{k}\t{m}\t{t}" for k, (m, t) in sorted(model.kinds.items())]
    lines += [f"{LENGTH_LINE}\t{p}\t{r}\t{n}" for (p, r), n in sorted(model.lengths.items())]
    return lines


def from_model_lines(lines: Iterable[str]) -> MarkerShapes | None:
    """The marker shapes that the lines of a model file carry; None when it carries none."""
    counts: dict[tuple[str, str], int] = {}
    kinds: dict[str, tuple[int, int]] = {}
    lengths: dict[tuple[int, int], int] = {}
    for line in lines:
        fields = line.split("\t")
        if fields[0] == MARKER_LINE and len(fields) == 4:
            counts[(fields[1], fields[2])] = int(fields[3])
        elif fields[0] == KIND_LINE and len(fields) == 4:
            kinds[fields[1]] = (int(fields[2]), int(fields[3]))
        elif fields[0] == LENGTH_LINE and len(fields) == 4:
            lengths[(int(fields[1]), int(fields[2]))] = int(fields[3])
    return MarkerShapes(counts, kinds, lengths) if counts else None


def merged(first: MarkerShapes, second: MarkerShapes) -> MarkerShapes:
    """Both models' counts added up."""
    counts = Counter(first.counts)
    counts.update(second.counts)
    kinds = {
        k: tuple(a + b for a, b in zip(first.kinds.get(k, (0, 0)), second.kinds.get(k, (0, 0))))
        for k in {*first.kinds, *second.kinds}
    }
    lengths = Counter(first.lengths)
    lengths.update(second.lengths)
    return MarkerShapes(dict(counts), kinds, dict(lengths))  # type: ignore[arg-type]


def save(model: MarkerShapes, path: str | os.PathLike[str], note: str = "") -> None:
    """Write the model as the lines of :func:`model_lines` under a header."""
    write_data_file(path, SHAPES_FORMAT, note, model_lines(model))


def load(path: str | os.PathLike[str]) -> MarkerShapes:
    """Read a file written by :func:`save` (an empty model when it is missing)."""
    file = Path(path)
    if not file.is_file():
        return MarkerShapes({})
    lines = file.read_text(encoding="utf-8").splitlines()
    return from_model_lines(lines) or MarkerShapes({})


@functools.cache
def shapes() -> MarkerShapes:
    """The shipped model, loaded once."""
    return load(SHAPES_FILE)
