"""What OCR reads for a printed digit: a learned model of digit shapes.

A digit misread is read as a letter or a mark of the same shape: ``1`` as ``| l I [ ] { }``,
``5`` as ``S §``, ``8`` as ``& B``. Where the text says a number must stand (the day before a
month's name, the year after it), such a character is a digit misread, and which digit is a
fact about the engine: :func:`learn` counts, over aligned (ground truth, OCR) pairs, what each
non-digit character read inside a number token was printed as. ``benchmarks/train_model.py``
writes the counts of the training pairs as package data; :func:`readings` gives, for a token
read, the digit strings it may have been printed as, with their probabilities.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .noisy_channel import write_data_file
from .tokens import paired

#: The shipped counts, learned from the training pairs by ``benchmarks/train_model.py``.
SHAPES_FILE = Path(__file__).parent / "data" / "digit_shapes.tsv"
SHAPES_FORMAT = "# ocrfix digit shapes 1"
#: Punctuation around a number token that is not part of the number ('(2009),', '16,').
_AROUND = ",.;:()[]"
#: A digit that a character was read for fewer times than this share of its readings is not
#: considered (it would only multiply the candidates).
MIN_SHARE = 0.05

#: For each character read: the digits it was printed as, likeliest first, with their shares.
Shapes = Mapping[str, tuple[tuple[str, float], ...]]


def _number_pairs(gt: str, ocr: str) -> Iterator[tuple[str, str]]:
    """(printed, read) pairs of number tokens of the same length, aligned token by token (the
    punctuation around the printed number cut from both)."""
    g, o = gt.split(), ocr.split()
    for i, j in paired(g, o):
        a, b = g[i], o[j]
        if len(a) != len(b):
            continue
        lead, trail = len(a) - len(a.lstrip(_AROUND)), len(a) - len(a.rstrip(_AROUND))
        printed, read = a[lead : len(a) - trail], b[lead : len(b) - trail]
        if printed.isdecimal() and printed.isascii():
            yield printed, read


def learn(pairs: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """Counts of (character read, digit printed) for the non-digit characters read inside
    number tokens of (ground truth, OCR) ``pairs``."""
    counts: Counter[tuple[str, str]] = Counter()
    for gt, ocr in pairs:
        for printed, read in _number_pairs(gt, ocr):
            counts.update((r, p) for p, r in zip(printed, read) if not r.isdecimal())
    return counts


def save(counts: Counter[tuple[str, str]], path: str | os.PathLike[str], note: str = "") -> None:
    """Write ``read TAB digit TAB count`` lines."""
    lines = [f"{r}\t{d}\t{n}" for (r, d), n in sorted(counts.items())]
    write_data_file(path, SHAPES_FORMAT, note, lines)


def shipped_counts() -> Counter[tuple[str, str]]:
    """The shipped counts of (character read, digit printed) (empty when the package lacks
    them)."""
    counts: Counter[tuple[str, str]] = Counter()
    if SHAPES_FILE.is_file():  # (a few hundred lines: read directly)
        for line in SHAPES_FILE.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                read, digit, n = line.split("\t")
                counts[(read, digit)] = int(n)
    return counts


def from_counts(counts: Mapping[tuple[str, str], int]) -> Shapes:
    """For each character read: the digits it was printed as, likeliest first, with their
    shares."""
    by_read: dict[str, Counter[str]] = {}
    for (read, digit), n in counts.items():
        by_read.setdefault(read, Counter())[digit] += n
    return {
        read: tuple((d, n / sum(c.values())) for d, n in c.most_common())
        for read, c in by_read.items()
    }


@functools.cache
def shapes() -> Shapes:
    """The shipped digit shapes (:func:`from_counts` of :func:`shipped_counts`), loaded once."""
    return from_counts(shipped_counts())


#: The lines of a model file (``ocrfix learn``) that carry its digit shapes:
#: ``@digit TAB read TAB digit TAB count``.
DIGIT_LINE = "@digit"


def model_lines(counts: Mapping[tuple[str, str], int]) -> list[str]:
    """Digit-shape counts as lines of a model file."""
    return [f"{DIGIT_LINE}\t{r}\t{d}\t{n}" for (r, d), n in sorted(counts.items())]


def from_model_lines(lines: Iterable[str]) -> Shapes | None:
    """The digit shapes that the lines of a model file carry; None when it carries none."""
    counts: Counter[tuple[str, str]] = Counter()
    for line in lines:
        fields = line.split("\t")
        if fields[0] == DIGIT_LINE and len(fields) == 4:
            counts[(fields[1], fields[2])] = int(fields[3])
    return from_counts(counts) if counts else None


def readings(token: str, model: Shapes) -> dict[str, float]:
    """The digit strings ``token`` may have been printed as, with their probabilities: its
    digits kept, each other character replaced by a digit it is read for (a character the
    model never saw gives nothing)."""
    options: list[tuple[tuple[str, float], ...]] = []
    for c in token:
        if c.isdecimal() and c.isascii():
            options.append(((c, 1.0),))
        elif c in model:
            options.append(tuple((d, p) for d, p in model[c] if p >= MIN_SHARE))
        else:
            return {}
    found: dict[str, float] = {}
    for combo in itertools.product(*options):
        p = 1.0
        for _, share in combo:
            p *= share
        found["".join(d for d, _ in combo)] = p
    return found
