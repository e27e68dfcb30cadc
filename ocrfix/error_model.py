"""An OCR error model learned from aligned pages: what an engine reads for what was printed.

``learn`` aligns the words of (ground truth, OCR) pairs, aligns the letters of each word read
wrongly, and counts the confusions of one or two characters (``m`` read as ``rn``, ``q`` as
``g``, ``é`` as ``e``) against how often each printed string occurs. A confusion's cost is
``-log10 P(read | printed)`` times a scale fitted so that the confusions the built-in table
also lists get, in the median, the costs it gives them: a learned table speaks the fixers'
units. ``ocrfix learn PAIRS_DIR -o FILE`` writes one; ``Pipeline(model=FILE)`` or
``model = "FILE"`` in ``[tool.ocrfix]`` uses it.

A learned table extends the built-in one (``extend=True``): confusions the pages showed take
their learned cost, the others keep the team's. Single letters dropped or added, and
confusions seen fewer than ``min_count`` times, are not learned.
"""

from __future__ import annotations

import functools
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import calibration, digit_shapes, lazy_re, marker_shapes
from .calibration import Calibration
from .confusions import BUILT_IN, ConfusionTable
from .marker_shapes import MarkerShapes

_Part = TypeVar("_Part")

#: The default model: learned from the training pairs by ``benchmarks/train_model.py``.
DEFAULT_TABLE_FILE = Path(__file__).parent / "data" / "confusions.tsv"
#: First line of a table file; a later format gets another number.
FORMAT = "# ocrfix confusion table 1"
#: Costs are kept under this: an arbitrary edit costs :data:`ocrfix.confusions.OTHER`.
MAX_COST = 0.9
#: Neither side of a pair of aligned words may differ by more letters than this: more is a
#: misalignment or debris, not a confusion.
MAX_WORD_EDITS = 3
_WORD = lazy_re.compile(r"[^\W_]+")
_PAIR_NAME = lazy_re.compile(r"^(?P<base>.+)\.ocr\.txt$")


class ModelError(ValueError):
    """A table file that cannot be read, or pairs that teach nothing."""


@dataclass(frozen=True)
class Learned:
    """What ``learn`` found: the table, and the evidence behind it."""

    table: ConfusionTable
    counts: dict[tuple[str, str], int]
    pairs: int
    words: int
    scale: float


def _words(text: str) -> list[str]:
    return text.split()


def aligned_words(gt: str, ocr: str) -> Iterator[tuple[str, str]]:
    """(printed, read) word pairs of a page: the letters of GT tokens aligned one to one with
    OCR tokens that resemble them (equal tokens included: they count how often each string is
    read right). Where words were merged or split, the words around are not paired."""
    from rapidfuzz.distance import Levenshtein  # (deferred: learning only)

    g, o = _words(gt), _words(ocr)
    for op in Levenshtein.opcodes(g, o):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for a, b in zip(g[i1:i2], o[j1:j2]):
                wa, wb = _WORD.findall(a), _WORD.findall(b)
                if len(wa) == len(wb) == 1 and (
                    tag == "equal" or Levenshtein.normalized_similarity(wa[0], wb[0]) >= 0.5
                ):
                    yield wa[0], wb[0]


def confusions_in(printed: str, read: str) -> Iterator[tuple[str, str]]:
    """The (read, printed) confusions of one or two characters that turn ``printed`` into
    ``read``; adjacent edits are one confusion (``rn`` for ``m``)."""
    from rapidfuzz.distance import Levenshtein  # (deferred: learning only)

    if printed == read or Levenshtein.distance(printed, read) > MAX_WORD_EDITS:
        return
    region: list[tuple[int, int, int, int]] = []
    for op in Levenshtein.opcodes(printed, read):
        if op.tag == "equal":
            yield from _region(region, printed, read)
            region = []
        else:
            region.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    yield from _region(region, printed, read)


def _region(
    region: list[tuple[int, int, int, int]], printed: str, read: str
) -> Iterator[tuple[str, str]]:
    if not region:
        return
    a = printed[region[0][0] : region[-1][1]]
    b = read[region[0][2] : region[-1][3]]
    if 1 <= len(a) <= 2 and 1 <= len(b) <= 2:
        yield b, a


def _plain(text: str) -> bool:
    return all(ord(c) < 128 for c in text)


def learn(pairs: Iterable[tuple[str, str]], *, min_count: int = 2, extend: bool = True) -> Learned:
    """The confusion table of (ground truth, OCR) ``pairs``; see the module docstring."""
    confused: Counter[tuple[str, str]] = Counter()
    printed: Counter[str] = Counter()
    n_pairs = n_words = 0
    for gt, ocr in pairs:
        n_pairs += 1
        for a, b in aligned_words(gt, ocr):
            n_words += 1
            printed.update(a)
            printed.update(a[k : k + 2] for k in range(len(a) - 1))
            confused.update(confusions_in(a, b))
    # An accented letter is never learned as a misreading of a plain one: the accented word
    # may be French or Spanish, and would be 'corrected' into English.
    seen = {
        (read, prn): n
        for (read, prn), n in confused.items()
        if n >= min_count and (_plain(read) or not _plain(prn))
    }
    if not seen:
        raise ModelError(
            f"no confusion seen {min_count} times or more in {n_pairs} pair(s) "
            f"({n_words} aligned words): nothing to learn"
        )
    logp = {key: -math.log10(n / (printed[key[1]] + 1)) for key, n in seen.items()}
    built_in = {(r, p): c for r, p, c in BUILT_IN.entries}
    ratios = [built_in[k] / v for k, v in logp.items() if k in built_in and v > 0]
    import statistics  # (deferred: only learning needs it)

    scale = statistics.median(ratios) if ratios else BUILT_IN_SCALE
    costs = {k: round(min(MAX_COST, max(0.05, v * scale)), 3) for k, v in logp.items()}
    entries = {k: c for k, c in costs.items() if c < MAX_COST}
    if extend:
        entries = {**built_in, **entries}
    table = ConfusionTable(tuple((r, p, c) for (r, p), c in sorted(entries.items())))
    return Learned(table, {k: seen[k] for k in sorted(seen)}, n_pairs, n_words, scale)


#: The scale used when no learned confusion is in the built-in table: a confusion seen in
#: 1 % of a string's readings costs 0.3, as ``g`` for ``q`` does there.
BUILT_IN_SCALE = 0.15


def pair_files(folder: str | os.PathLike[str]) -> list[tuple[Path, Path]]:
    """(ground truth, OCR) files of a folder: each ``X.ocr.txt`` with ``X.gt.txt``, or with
    the ground truth of a shorter name ending where a ``-`` does (``page-light.ocr.txt`` with
    ``page.gt.txt``)."""
    root = Path(folder)
    if not root.is_dir():
        raise ModelError(f"{root}: no such folder")
    found = []
    for ocr in sorted(root.rglob("*.ocr.txt")):
        m = _PAIR_NAME.match(ocr.name)
        if m is None:
            continue
        base = m["base"]
        while True:
            gt = ocr.with_name(base + ".gt.txt")
            if gt.is_file():
                found.append((gt, ocr))
                break
            if "-" not in base:
                break
            base = base.rsplit("-", 1)[0]
    return found


def learn_folder(folder: str | os.PathLike[str], **options: int | bool) -> Learned:
    """:func:`learn` on the pairs of :func:`pair_files`."""
    files = pair_files(folder)
    if not files:
        raise ModelError(f"{folder}: no NAME.gt.txt / NAME.ocr.txt pairs")
    texts = ((gt.read_text(encoding="utf-8"), ocr.read_text(encoding="utf-8")) for gt, ocr in files)
    return learn(texts, **options)  # type: ignore[arg-type]


def save(
    learned: Learned,
    path: str | os.PathLike[str],
    note: str = "",
    markers: MarkerShapes | None = None,
    digits: Mapping[tuple[str, str], int] | None = None,
    confidence: Calibration | None = None,
) -> None:
    """Write the table as text: a header, then ``read TAB printed TAB cost TAB seen``, then
    the footnote-marker and digit shapes and the calibration of the word scorer's confidence
    learned with it, if any (``@`` lines)."""
    lines = [
        FORMAT,
        f"# learned from {learned.pairs} pairs, {learned.words} aligned words; "
        f"scale {learned.scale:.4f}",
    ]
    if note:
        lines.append(f"# {note}")
    for read, printed, cost in learned.table.entries:
        n = learned.counts.get((read, printed), 0)
        lines.append(f"{_escape(read)}\t{_escape(printed)}\t{cost}\t{n}")
    if markers is not None:
        lines += marker_shapes.model_lines(markers)
    if digits:
        lines += digit_shapes.model_lines(digits)
    if confidence is not None:
        lines += calibration.model_lines(confidence)
    tmp = Path(f"{path}.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def load(path: str | os.PathLike[str]) -> ConfusionTable:
    """A table written by :func:`save`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the confusion table ({exc})") from None
    lines = text.splitlines()
    if not lines or lines[0] != FORMAT:
        raise ModelError(f"{path}: not an ocrfix confusion table (first line: {FORMAT!r})")
    entries = []
    for k, line in enumerate(lines[1:], 2):
        if not line or line.startswith(("#", "@")):
            continue  # (comments; '@' lines: the marker shapes, load_markers)
        fields = line.split("\t")
        try:
            read, printed, cost = _unescape(fields[0]), _unescape(fields[1]), float(fields[2])
            entries.append((read, printed, cost))
        except (IndexError, ValueError):
            raise ModelError(f"{path}:{k}: not 'read TAB printed TAB cost'") from None
    try:
        return ConfusionTable(tuple(entries))
    except ValueError as exc:
        raise ModelError(f"{path}: {exc}") from None


def load_markers(path: str | os.PathLike[str]) -> MarkerShapes | None:
    """The footnote-marker shapes a model file carries, or None (a table alone)."""
    return _load_part(path, marker_shapes.from_model_lines, "marker shapes")


def load_calibration(path: str | os.PathLike[str]) -> Calibration | None:
    """The calibration of the word scorer's confidence a model file carries, or None."""
    return _load_part(path, calibration.from_model_lines, "confidence")


def load_digits(path: str | os.PathLike[str]) -> digit_shapes.Shapes | None:
    """The digit shapes a model file carries, or None (a table alone)."""
    return _load_part(path, digit_shapes.from_model_lines, "digit shapes")


def _load_part(
    path: str | os.PathLike[str], parse: Callable[[list[str]], _Part | None], what: str
) -> _Part | None:
    """What ``parse`` finds in the ``@`` lines of a model file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the model ({exc})") from None
    try:
        return parse(lines)
    except ValueError:
        raise ModelError(f"{path}: a '@' line of {what} is not readable") from None


@functools.cache
def default_table() -> ConfusionTable:
    """The shipped model (loaded once); the built-in table if the package lacks it."""
    if not DEFAULT_TABLE_FILE.is_file():
        return BUILT_IN
    return load(DEFAULT_TABLE_FILE)


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t")


def _unescape(s: str) -> str:
    return s.replace("\\t", "\t").replace("\\\\", "\\")
