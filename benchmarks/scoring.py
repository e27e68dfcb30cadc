"""The accuracy metrics of the ocrfix benchmark protocol, as plain functions.

The definitions follow ``BENCHMARK-PROTOCOL.md`` (shared with the team):

1. texts are *folded* before scoring (:func:`fold`);
2. the character error rate is total Levenshtein edits over total ground-truth characters,
   summed over pairs (:func:`char_edits`, :func:`cer`);
3. improvement is ``(edits(OCR) - edits(OUT)) / edits(OCR)`` (:func:`improvement`);
4. ground-truth tokens are aligned to the tokens of the OCR and of the output with a minimal
   edit alignment of the token lists and classified as fixed, broken, missed or bad fix
   (:func:`token_outcomes`, :func:`count_outcomes`);
5. false corrections on clean text count the changes a system makes to the ground truth
   itself (:func:`false_corrections`);
6. *invented* tokens are those where the system added a footnote marker or a punctuation
   mark that neither the ground truth nor the OCR has there (:func:`invented`).

A *pair* is (GT, OCR); OUT is a system's output for the OCR text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from rapidfuzz.distance import Levenshtein

__all__ = [
    "BAD_FIX",
    "BROKEN",
    "ERROR_CLASSES",
    "FIXED",
    "MISSED",
    "RIGHT",
    "Alignment",
    "TokenCounts",
    "TokenOutcome",
    "align_tokens",
    "broken_per_10k",
    "cer",
    "char_edits",
    "count_outcomes",
    "error_class",
    "false_corrections",
    "fold",
    "improvement",
    "invented",
    "per_10k",
    "token_outcomes",
    "tokens",
]

#: Token statuses (see :func:`token_outcomes`).
RIGHT = "right"
FIXED = "fixed"
BROKEN = "broken"
MISSED = "missed"
BAD_FIX = "bad_fix"

#: Error classes of :func:`error_class`, in the order they are tested.
ERROR_CLASSES = (
    "split",
    "merge",
    "marker",
    "punctuation",
    "digit/roman",
    "character",
    "lost",
)

_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


# ---------------------------------------------------------------------------
# Folding and characters
# ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """Fold ``text`` for scoring: dash variants become ``-``, whitespace runs one space.

    The dash variants are U+2010 to U+2015 and U+2212 (minus sign).  Every run of whitespace
    (line breaks included) becomes a single space and both ends are stripped, so line breaks,
    reflow and dash typography are not counted as errors.

    >>> fold("  Devel\\u2010\\nopment \\t 2006\\u20132007 ")
    'Devel- opment 2006-2007'
    """
    return " ".join(text.translate(_DASHES).split())


def tokens(text: str) -> list[str]:
    """The tokens of ``text``: its folded form split on spaces (``[]`` for blank text)."""
    folded = fold(text)
    return folded.split(" ") if folded else []


def char_edits(gt: str, text: str) -> int:
    """Levenshtein distance between the folded ``text`` and the folded ground truth ``gt``."""
    return int(Levenshtein.distance(fold(gt), fold(text)))


def cer(pairs: Iterable[tuple[str, str]]) -> float:
    """Character error rate of ``(gt, text)`` pairs: total edits / total folded GT characters.

    Summed over all pairs (never a mean of per-pair ratios).  With no ground-truth characters
    at all the rate is 0.0 when there are no edits either, else infinity.
    """
    edits = chars = 0
    for gt, text in pairs:
        edits += char_edits(gt, text)
        chars += len(fold(gt))
    if chars == 0:
        return 0.0 if edits == 0 else float("inf")
    return edits / chars


def improvement(edits_ocr: int, edits_out: int) -> float | None:
    """ICDAR post-OCR improvement ``(edits_ocr - edits_out) / edits_ocr``.

    Positive when the output has fewer edits than the OCR, negative when it was made worse;
    ``None`` when the OCR had no edits (the ratio is undefined).  Use totals over pairs.
    """
    if edits_ocr == 0:
        return None
    return (edits_ocr - edits_out) / edits_ocr


def per_10k(count: int, total: int) -> float | None:
    """``count`` per 10,000 of ``total`` (``None`` when ``total`` is zero)."""
    if total == 0:
        return None
    return count * 10_000 / total


# ---------------------------------------------------------------------------
# Token alignment
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """A minimal-edit alignment of ground-truth tokens to the tokens of another text.

    ``right[i]`` is true when GT token ``i`` is in an ``equal`` block of
    ``Levenshtein.opcodes(gt_tokens, x_tokens)``.  ``aligned[i]`` holds the indices of the
    tokens of the other text that correspond to GT token ``i``: the equal token, the token
    replacing it one to one, or, inside a stretch of differing tokens of unequal lengths, the
    tokens whose characters align with its characters (empty when it was deleted).
    ``inserted`` counts the stretches where the other text has tokens and the ground truth has
    none.
    """

    right: tuple[bool, ...]
    aligned: tuple[tuple[int, ...], ...]
    inserted: int = 0


def _char_owner(toks: Sequence[str]) -> list[int]:
    """For the string ``" ".join(toks)``: the index of the token owning each character (-1
    for the separating spaces)."""
    owner: list[int] = []
    for k, tok in enumerate(toks):
        if k:
            owner.append(-1)
        owner.extend([k] * len(tok))
    return owner


def _map_region(gt_toks: Sequence[str], x_toks: Sequence[str]) -> list[tuple[int, ...]]:
    """Relative indices of ``x_toks`` corresponding to each of ``gt_toks`` (a stretch of
    differing tokens between two equal blocks)."""
    n, m = len(gt_toks), len(x_toks)
    if m == 0:
        return [() for _ in range(n)]
    if n == m:
        return [(k,) for k in range(n)]
    if n == 1:
        return [tuple(range(m))]
    if m == 1:
        return [(0,) for _ in range(n)]
    a, b = " ".join(gt_toks), " ".join(x_toks)
    a_owner, b_owner = _char_owner(gt_toks), _char_owner(x_toks)
    found: list[set[int]] = [set() for _ in range(n)]
    for op in Levenshtein.opcodes(a, b):
        if op.tag not in ("equal", "replace"):
            continue
        length_a = op.src_end - op.src_start
        length_b = op.dest_end - op.dest_start
        for k in range(length_a):
            src = a_owner[op.src_start + k]
            dest = b_owner[op.dest_start + (k * length_b) // length_a]
            if src >= 0 and dest >= 0:
                found[src].add(dest)
    return [tuple(sorted(s)) for s in found]


def align_tokens(gt_tokens: Sequence[str], x_tokens: Sequence[str]) -> Alignment:
    """Align ``gt_tokens`` to ``x_tokens`` with ``rapidfuzz.distance.Levenshtein.opcodes``.

    Consecutive non-equal opcodes are merged into one stretch; within a stretch, GT tokens are
    mapped to the other tokens as described in :class:`Alignment`.
    """
    n = len(gt_tokens)
    right = [False] * n
    aligned: list[tuple[int, ...]] = [() for _ in range(n)]
    inserted = 0
    region: list[int] | None = None  # [i1, i2, j1, j2] of the pending stretch

    def flush() -> None:
        nonlocal region, inserted
        if region is None:
            return
        i1, i2, j1, j2 = region
        if i1 == i2:
            inserted += 1
        else:
            for k, rel in enumerate(_map_region(gt_tokens[i1:i2], x_tokens[j1:j2])):
                aligned[i1 + k] = tuple(j1 + r for r in rel)
        region = None

    for op in Levenshtein.opcodes(list(gt_tokens), list(x_tokens)):
        if op.tag == "equal":
            flush()
            for k in range(op.src_end - op.src_start):
                right[op.src_start + k] = True
                aligned[op.src_start + k] = (op.dest_start + k,)
        elif region is None:
            region = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            region[1], region[3] = op.src_end, op.dest_end
    flush()
    return Alignment(tuple(right), tuple(aligned), inserted)


# ---------------------------------------------------------------------------
# Error classes
# ---------------------------------------------------------------------------

_MARKER_AFTER = set(",;:)]”’\"'»*")
_ROMAN = re.compile(r"[IVXLCDM]{2,}|[IVX]")


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _marker_stem(gt: str) -> str | None:
    """The part of ``gt`` before a trailing one- or two-digit footnote marker, or ``None``.

    A marker follows a lowercase letter, closing punctuation (``, ; : ) ] ” ’`` ...) or a full
    stop after a lowercase letter: ``Families,2``, ``2006/2,1``, ``development.3``.
    """
    m = re.search(r"\d{1,2}$", gt)
    if m is None or m.start() == 0:
        return None
    stem = gt[: m.start()]
    prev = stem[-1]
    if prev.isdigit():
        return None
    if (prev.isalpha() and prev.islower()) or prev in _MARKER_AFTER:
        return stem
    if prev == "." and len(stem) >= 2 and stem[-2].isalpha() and stem[-2].islower():
        return stem
    return None


def error_class(gt: str, x: Sequence[str], merged: bool = False) -> str:
    """Classify how the token(s) ``x`` aligned to the GT token ``gt`` differ from it.

    Tested in this order (see :data:`ERROR_CLASSES`):

    - ``lost``: no token at all (a word the OCR dropped, or the output deleted);
    - ``split``: two or more tokens whose concatenation is ``gt``, at least two of them with a
      letter (``Devel opment``; ``Families ,`` and ``L .12`` are ``punctuation``);
    - ``merge``: ``merged`` is true, i.e. the single aligned token also stands for other GT
      tokens (``Decidesto`` for ``Decides to``);
    - ``marker``: ``gt`` ends with a footnote marker (see :func:`_marker_stem`) and the text
      starts like ``gt`` before the marker but differs at the marker (``Families,?``), or the
      text is ``gt`` (not ending in a digit) followed by one or two digits (a marker added:
      ``Persons,1``);
    - ``punctuation``: the same letters and digits, different punctuation or spacing;
    - ``digit/roman``: ``gt`` holds a digit or is a roman numeral (``(III)`` read ``(111)``);
    - ``character``: anything else (``Reguests``).

    For a broken token pass the output's tokens as ``x``: the class then describes the damage.
    """
    joined = "".join(x)
    if not joined:
        return "lost"
    if len(x) >= 2 and joined == gt and sum(1 for t in x if any(c.isalpha() for c in t)) >= 2:
        return "split"
    if merged and len(x) == 1:
        return "merge"
    stem = _marker_stem(gt)
    if stem is not None and joined != gt:
        core = stem.rstrip("".join(_MARKER_AFTER) + ".")
        if core and joined.startswith(core):
            return "marker"
    extra = joined[len(gt) :] if joined.startswith(gt) else ""
    if 1 <= len(extra) <= 2 and extra.isdigit() and not gt[-1:].isdigit():
        return "marker"  # a marker added where the ground truth has none
    if _alnum(gt) == _alnum(joined):
        return "punctuation"
    if any(ch.isdigit() for ch in gt) or _ROMAN.fullmatch(_alnum(gt)):
        return "digit/roman"
    return "character"


# ---------------------------------------------------------------------------
# Token outcomes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenOutcome:
    """What happened to one ground-truth token.

    ``ocr`` and ``out`` are the tokens aligned to it in the OCR and in the output; ``status``
    is one of :data:`RIGHT`, :data:`FIXED`, :data:`BROKEN`, :data:`MISSED`, :data:`BAD_FIX`;
    ``error_class`` is the :func:`error_class` of the OCR error (fixed, missed, bad fix) or of
    the damage done by the output (broken), ``None`` for tokens right in both.
    """

    index: int
    gt: str
    ocr: tuple[str, ...]
    out: tuple[str, ...]
    status: str
    error_class: str | None


def _merged_flags(alignment: Alignment) -> list[bool]:
    """For each GT token: is its single aligned token also aligned to another GT token?"""
    uses = Counter(j for js in alignment.aligned for j in js)
    return [len(js) == 1 and uses[js[0]] > 1 for js in alignment.aligned]


def token_outcomes(gt: str, ocr: str, out: str) -> list[TokenOutcome]:
    """Classify every ground-truth token of a (GT, OCR, OUT) triple.

    The folded texts are split on spaces; GT tokens are aligned to the OCR tokens and,
    separately, to the OUT tokens (:func:`align_tokens`).  A GT token is right in a text when
    its alignment marks it equal.  Then:

    - fixed: wrong in OCR, right in OUT;
    - broken: right in OCR, wrong in OUT (a false correction);
    - missed: wrong in both, and the OUT tokens aligned to it equal the OCR tokens aligned to
      it (the system left the error as it was);
    - bad fix: wrong in both, otherwise (the system changed it, but not to the truth).
    """
    g, o, u = tokens(gt), tokens(ocr), tokens(out)
    al_ocr, al_out = align_tokens(g, o), align_tokens(g, u)
    merged_ocr, merged_out = _merged_flags(al_ocr), _merged_flags(al_out)
    result: list[TokenOutcome] = []
    for i, tok in enumerate(g):
        ocr_toks = tuple(o[j] for j in al_ocr.aligned[i])
        out_toks = tuple(u[j] for j in al_out.aligned[i])
        ok_ocr, ok_out = al_ocr.right[i], al_out.right[i]
        cls: str | None
        if ok_ocr and ok_out:
            status, cls = RIGHT, None
        elif ok_ocr:
            status, cls = BROKEN, error_class(tok, out_toks, merged_out[i])
        else:
            if ok_out:
                status = FIXED
            elif out_toks == ocr_toks:
                status = MISSED
            else:
                status = BAD_FIX
            cls = error_class(tok, ocr_toks, merged_ocr[i])
        result.append(TokenOutcome(i, tok, ocr_toks, out_toks, status, cls))
    return result


@dataclass
class TokenCounts:
    """Token tallies of one or more triples (add them with ``+``)."""

    gt_tokens: int = 0
    right_ocr: int = 0
    right_out: int = 0
    fixed: int = 0
    broken: int = 0
    missed: int = 0
    bad_fix: int = 0
    invented: int = 0

    def __add__(self, other: TokenCounts) -> TokenCounts:
        return TokenCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def wrong_ocr(self) -> int:
        """GT tokens wrong in the OCR (fixed + missed + bad fix)."""
        return self.gt_tokens - self.right_ocr


def _marks(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isalnum())


def invented(t: TokenOutcome) -> bool:
    """Did the system add a footnote marker or a mark to ``t`` that neither GT nor OCR has?

    Only tokens the system changed count (broken or bad fix).  A marker is added when the
    output is the GT token followed by one or two digits (and the GT token has no marker of
    its own, nor ends in a digit); a mark is added when the output has the GT token's letters
    and digits, more marks than both the GT and the OCR tokens, and more of some mark than
    both (a mark read for another, ``held.`` made ``held,``, is a bad fix, not an invention).
    """
    if t.status not in (BROKEN, BAD_FIX) or t.out == t.ocr:
        return False
    out, ocr = "".join(t.out), " ".join(t.ocr)  # (a space the output filled is a mark)
    if not out:
        return False
    extra = out[len(t.gt) :] if out.startswith(t.gt) else ""
    if 1 <= len(extra) <= 2 and extra.isdigit() and not t.gt[-1:].isdigit():
        return True
    if _alnum(out) != _alnum(t.gt):
        return False
    got, gt_marks, ocr_marks = _marks(out), _marks(t.gt), _marks(ocr)
    return sum(got.values()) > max(sum(gt_marks.values()), sum(ocr_marks.values())) and any(
        n > max(gt_marks[ch], ocr_marks[ch]) for ch, n in got.items()
    )


def count_outcomes(outcomes: Iterable[TokenOutcome]) -> TokenCounts:
    """Tally :func:`token_outcomes` into a :class:`TokenCounts`."""
    c = TokenCounts()
    for t in outcomes:
        c.gt_tokens += 1
        if t.status in (RIGHT, BROKEN):
            c.right_ocr += 1
        if t.status in (RIGHT, FIXED):
            c.right_out += 1
        if t.status == FIXED:
            c.fixed += 1
        elif t.status == BROKEN:
            c.broken += 1
        elif t.status == MISSED:
            c.missed += 1
        elif t.status == BAD_FIX:
            c.bad_fix += 1
        if invented(t):
            c.invented += 1
    return c


def broken_per_10k(counts: TokenCounts) -> float | None:
    """Broken tokens per 10,000 tokens that were right in the OCR."""
    return per_10k(counts.broken, counts.right_ocr)


# ---------------------------------------------------------------------------
# Clean text
# ---------------------------------------------------------------------------


def false_corrections(gt: str, out_of_gt: str) -> int:
    """Changes a system made when run on the ground truth itself (every one is false).

    Counts the GT tokens that are not marked equal in the token alignment of ``gt`` to
    ``out_of_gt``, plus one per stretch of tokens the output inserted where the ground truth
    has none.  Report it per 10,000 GT words with :func:`per_10k` and ``len(tokens(gt))``.
    """
    alignment = align_tokens(tokens(gt), tokens(out_of_gt))
    return sum(1 for ok in alignment.right if not ok) + alignment.inserted
