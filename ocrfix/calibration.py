"""How often the word scorer's edits are right, by their posterior: the confidence users see.

The noisy-channel posterior (:mod:`ocrfix.noisy_channel`) ranks the explanations of a token,
but is no frequency: measured on the training pages, edits made at a posterior of 0.99 to
0.995 gave the ground truth's word about two times in three, those over 0.999 more than nine
times in ten. A :class:`Calibration` maps a posterior to the share of edits that were right
at that posterior on aligned (ground truth, OCR) pairs: a monotone step function fitted by
pooling adjacent violators (isotonic regression). That share is each edit's ``confidence``,
so ``min_confidence = 0.9`` keeps the edits that were right nine times in ten.

``benchmarks/train_model.py`` fits it on the training pages and writes
:data:`CALIBRATION_FILE`; without the file, confidence is the posterior itself.
"""

from __future__ import annotations

import bisect
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import lazy_re

if TYPE_CHECKING:
    from .pipeline import Pipeline

#: The shipped calibration, written by ``benchmarks/train_model.py``.
CALIBRATION_FILE = Path(__file__).parent / "data" / "confidence.tsv"
CALIBRATION_FORMAT = "# ocrfix confidence 1"
#: Edits a step of the fitted function holds at least (fewer: merged with a neighbour).
MIN_STEP = 30


class CalibrationError(ValueError):
    """A calibration file that cannot be read."""


@dataclass(frozen=True)
class Calibration:
    """``steps``: (least posterior, share right, edits), by rising posterior."""

    steps: tuple[tuple[float, float, int], ...]

    def confidence(self, posterior: float) -> float:
        """The share of edits right at ``posterior`` (the posterior itself without steps)."""
        if not self.steps:
            return posterior
        k = bisect.bisect_right(self._starts, posterior) - 1
        return self.steps[max(k, 0)][1]

    @functools.cached_property
    def _starts(self) -> list[float]:
        return [start for start, _, _ in self.steps]


#: No calibration: confidence is the posterior.
IDENTITY = Calibration(())


def fit(samples: Iterable[tuple[float, bool]], min_step: int = MIN_STEP) -> Calibration:
    """The monotone step function of (posterior, right) ``samples`` (pool adjacent
    violators), with steps of at least ``min_step`` samples."""
    # (Samples of one posterior are one block from the start: their order says nothing.)
    tally: dict[float, list[float]] = {}
    for posterior, right in samples:
        counts = tally.setdefault(posterior, [0.0, 0.0])
        counts[0] += right
        counts[1] += 1
    # Blocks of [right, count, least posterior], merged while a block is no likelier than
    # the one before it or too small.
    blocks: list[list[float]] = []
    for posterior in sorted(tally):
        blocks.append([*tally[posterior], posterior])
        while len(blocks) > 1 and (
            blocks[-1][0] * blocks[-2][1] <= blocks[-2][0] * blocks[-1][1]
            or blocks[-2][1] < min_step
        ):
            last = blocks.pop()
            blocks[-1][0] += last[0]
            blocks[-1][1] += last[1]
    if len(blocks) > 1 and blocks[-1][1] < min_step:  # (the last block, too small)
        last = blocks.pop()
        blocks[-1][0] += last[0]
        blocks[-1][1] += last[1]
    return Calibration(tuple((start, right / n, int(n)) for right, n, start in blocks))


def save(calibration: Calibration, path: str | os.PathLike[str], note: str = "") -> None:
    """Write ``calibration`` as a small TSV (least posterior, share right, edits)."""
    lines = [CALIBRATION_FORMAT]
    if note:
        lines.append(f"# {note}")
    lines += [_line(step) for step in calibration.steps]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(path: str | os.PathLike[str]) -> Calibration:
    """The calibration of a file written by :func:`save`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CalibrationError(f"{path}: cannot read a calibration ({exc})") from None
    if not text.startswith(CALIBRATION_FORMAT):
        raise CalibrationError(f"{path}: not an ocrfix calibration file")
    steps = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        try:
            steps.append(_step(line.split("\t")))
        except ValueError:
            raise CalibrationError(f"{path}, line {number}: bad step {line!r}") from None
    return Calibration(tuple(sorted(steps)))


#: The lines of a model file (``ocrfix learn``) that carry its calibration:
#: ``@confidence TAB least posterior TAB share right TAB edits``.
CONFIDENCE_LINE = "@confidence"


def model_lines(calibration: Calibration) -> list[str]:
    """``calibration`` as lines of a model file."""
    return [f"{CONFIDENCE_LINE}\t{_line(step)}" for step in calibration.steps]


def from_model_lines(lines: Iterable[str]) -> Calibration | None:
    """The calibration the lines of a model file carry; None when it carries none."""
    steps = []
    for line in lines:
        fields = line.split("\t")
        if fields[0] == CONFIDENCE_LINE and len(fields) == 4:
            steps.append(_step(fields[1:]))
    return Calibration(tuple(sorted(steps))) if steps else None


def _line(step: tuple[float, float, int]) -> str:
    start, share, n = step
    return f"{start:.15f}\t{share:.4f}\t{n}"


def _step(fields: list[str]) -> tuple[float, float, int]:
    """A step of its written fields (ValueError unless there are three readable ones)."""
    start, share, n = fields
    return float(start), float(share), int(n)


def edit_rightness(gt: str, ocr: str, edits: Iterable[tuple[int, int, str]]) -> list[bool | None]:
    """Whether each edit ``(start, end, replacement)`` of ``ocr`` writes the ground truth's
    word: the OCR token holding it, with that edit alone made, equals the GT token that a
    minimal token alignment pairs with it one to one (outer punctuation aside); ``None``
    where the edit spans tokens or its token has no such partner."""
    from rapidfuzz.distance import Indel, Levenshtein

    found = list(_TOKEN.finditer(ocr))
    truth = gt.split()
    read = [m.group() for m in found]
    # OCR token -> GT token: in equal blocks, and in replaced blocks of as many tokens where
    # the two are alike (half their letters or more in common: not a shifted neighbour).
    partner: dict[int, int] = {}
    for op in Levenshtein.opcodes(truth, read):
        if op.tag == "equal" or (
            op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start
        ):
            for k in range(op.dest_end - op.dest_start):
                i, j = op.src_start + k, op.dest_start + k
                if op.tag == "equal" or Indel.normalized_similarity(truth[i], read[j]) >= 0.5:
                    partner[j] = i
    starts = [m.start() for m in found]
    result: list[bool | None] = []
    for start, end, after in edits:
        j = bisect.bisect_right(starts, start) - 1
        if j < 0 or j not in partner or end > found[j].end():
            result.append(None)
            continue
        m = found[j]
        made = m.group()[: start - m.start()] + after + m.group()[end - m.start() :]
        result.append(_bare(made) == _bare(truth[partner[j]]))
    return result


def samples(
    pairs: Iterable[tuple[str, str]], pipeline: Pipeline, fixer: str = "character_confusions"
) -> list[tuple[float, bool]]:
    """(confidence, right) of ``fixer``'s edits on the (ground truth, OCR) ``pairs``: with a
    pipeline whose confidence for it is the raw posterior, what :func:`fit` needs."""
    found: list[tuple[float, bool]] = []
    for gt, ocr in pairs:
        edits = [e for e in pipeline.fix_and_explain(ocr).edits if e.fixer == fixer]
        right = edit_rightness(gt, ocr, [(e.start, e.end, e.after) for e in edits])
        found += [(e.confidence, ok) for e, ok in zip(edits, right) if ok is not None]
    return found


_TOKEN = lazy_re.compile(r"\S+")
_OUTER_MARKS = lazy_re.compile(r"^\W+|\W+$")


def _bare(token: str) -> str:
    return _OUTER_MARKS.sub("", token)


@functools.cache
def default_calibration() -> Calibration:
    """The shipped calibration (loaded once); :data:`IDENTITY` when the package lacks it."""
    return load(CALIBRATION_FILE) if CALIBRATION_FILE.is_file() else IDENTITY
