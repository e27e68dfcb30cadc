"""What OCR engines read instead of what was printed, and an edit distance that knows it.

A :class:`ConfusionTable` lists (read, printed, cost): reading ``rn`` where ``m`` was printed
is cheap, reading ``x`` for ``e`` is not. Costs are between 0 (certain) and 1 (an arbitrary
edit). The built-in table (:data:`CONFUSIONS`) was written by the team; ``ocrfix learn``
fits one to a user's own pages (:mod:`ocrfix.error_model`). The module-level functions use
the built-in table.
"""

from __future__ import annotations

import functools
import hashlib
import math
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

#: (what OCR read, what was printed, cost)
# fmt: off
CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    ("g", "q", 0.3), ("q", "g", 0.3),
    ("m", "rn", 0.3), ("rn", "m", 0.3), ("m", "nn", 0.4), ("nn", "m", 0.5),
    ("d", "cl", 0.4), ("cl", "d", 0.3), ("h", "li", 0.4), ("li", "h", 0.3), ("b", "h", 0.4),
    ("h", "b", 0.4), ("u", "ii", 0.4), ("ii", "u", 0.3), ("n", "ri", 0.4), ("ri", "n", 0.4),
    ("w", "vv", 0.4), ("vv", "w", 0.3), ("m", "in", 0.5), ("in", "m", 0.5), ("rn", "in", 0.5),
    ("1", "l", 0.2), ("1", "i", 0.3), ("1", "I", 0.2), ("l", "I", 0.2), ("I", "l", 0.2),
    ("l", "i", 0.4), ("i", "l", 0.4), ("!", "l", 0.4), ("|", "l", 0.3), ("|", "I", 0.3),
    ("0", "o", 0.2), ("0", "O", 0.2), ("O", "0", 0.3), ("o", "0", 0.4),
    ("5", "s", 0.3), ("5", "S", 0.3), ("S", "5", 0.4), ("8", "B", 0.4), ("6", "b", 0.5),
    ("e", "c", 0.4), ("c", "e", 0.4), ("o", "c", 0.5), ("c", "o", 0.5), ("a", "e", 0.6),
    ("e", "a", 0.6), ("o", "e", 0.6), ("e", "o", 0.6), ("a", "o", 0.6), ("o", "a", 0.6),
    ("n", "u", 0.5), ("u", "n", 0.5), ("t", "f", 0.5), ("f", "t", 0.5), ("t", "l", 0.6),
    ("l", "t", 0.6), ("i", "j", 0.6), ("j", "i", 0.6), ("y", "v", 0.5), ("v", "y", 0.5),
    ("s", "e", 0.7), ("r", "n", 0.6), ("n", "r", 0.6), ("f", "r", 0.7), ("t", "r", 0.7),
    ("ti", "h", 0.6), ("fi", "h", 0.6), ("ni", "m", 0.5), ("iu", "m", 0.6), ("tl", "d", 0.5),
    ("E", "F", 0.5), ("F", "E", 0.5), ("C", "G", 0.5), ("G", "C", 0.5), ("Q", "O", 0.5),
    ("R", "B", 0.6), ("B", "R", 0.6), ("P", "R", 0.6), ("l", "f", 0.6), ("f", "l", 0.6),
    ("ih", "th", 0.4), ("r", "t", 0.6), ("1", "t", 0.5), ("0", "o", 0.2), ("é", "ó", 0.3),
    # Diacritics lost or misread, only towards the accented letter (an accented word is never
    # "corrected" to a plain one: it may be French or Spanish).
    ("ii", "ü", 0.2), ("u", "ü", 0.3), ("e", "é", 0.3), ("é", "ô", 0.3), ("o", "ô", 0.3),
    ("e", "è", 0.4), ("i", "í", 0.3), ("a", "á", 0.3), ("o", "ó", 0.3), ("c", "ç", 0.4),
    ("n", "ñ", 0.4), ("a", "ã", 0.4), ("4", "ã", 0.5), ("8", "ã", 0.5), ("u", "ú", 0.3),
)
# fmt: on
#: Cost of an edit the table does not know (insert, delete or substitute one character).
OTHER = 1.0
#: The dearest confusion that spells candidates (``variants``); dearer ones, seen rarely, still
#: count in the distance. (The built-in table has none above it.)
SPELLING_COST = 0.7
#: Deleting or inserting one of these costs less: OCR drops and adds thin marks.
THIN = {
    "i": 0.6,
    "l": 0.6,
    "t": 0.7,
    "r": 0.8,
    "f": 0.8,
    "j": 0.8,
    ".": 0.5,
    ",": 0.5,
    "'": 0.5,
    "’": 0.5,
}


@dataclass(frozen=True, eq=False)
class ConfusionTable:
    """What OCR reads for what was printed: ``entries`` of (read, printed, cost), each read
    and printed string one or two characters long.

    ``key`` names the table's content (the same entries, the same key): memos of decisions
    made with one table are kept apart from another's.
    """

    entries: tuple[tuple[str, str, float], ...]
    #: The confusions that spell candidates (cost at most :data:`SPELLING_COST`), by read string.
    by_read: dict[str, list[tuple[str, float]]] = field(init=False, repr=False)
    #: The confusions of each read string: (size read, printed, cost).
    starts: dict[str, tuple[tuple[int, str, float], ...]] = field(init=False, repr=False)
    #: What each read string may have been printed as: (size read, printed lower-cased),
    #: without repeats.
    options: dict[str, tuple[tuple[int, str], ...]] = field(init=False, repr=False)
    max_read: int = field(init=False, repr=False)
    key: str = field(init=False)
    #: :meth:`_distance` with a bounded cache (~230 bytes an entry, 4 MB at most; a third of
    #: the calls are repeats).
    distance: Callable[..., float] = field(init=False, repr=False)
    _read_costs: Callable[[str], tuple[list[float], list[_ByFirst]]] = field(init=False, repr=False)
    _starts_at: Callable[[str], _ByFirst] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_read: dict[str, list[tuple[str, float]]] = {}
        for read, printed, cost in self.entries:
            if not (1 <= len(read) <= 2 and 1 <= len(printed) <= 2) or not 0 <= cost <= OTHER:
                raise ValueError(f"bad confusion {read!r} -> {printed!r} ({cost})")
            by_read.setdefault(read, []).append((printed, cost))
        # Every confusion weighs in the distance; only the likelier ones spell candidates.
        starts = {
            read: tuple((len(read), printed, cost) for printed, cost in options)
            for read, options in by_read.items()
        }
        spelled = {
            read: kept
            for read, opts in by_read.items()
            if (kept := [(printed, cost) for printed, cost in opts if cost <= SPELLING_COST])
        }
        options = {
            read: tuple(dict.fromkeys((len(read), printed.lower()) for printed, _ in opts))
            for read, opts in spelled.items()
        }
        digest = hashlib.sha256(repr(self.entries).encode("utf-8")).hexdigest()[:12]
        init = functools.partial(object.__setattr__, self)
        init("by_read", spelled)
        init("starts", starts)
        init("options", options)
        init("max_read", max((len(r) for r in by_read), default=1))
        init("key", digest)
        init("distance", functools.lru_cache(maxsize=16384)(self._distance))
        init("_read_costs", functools.lru_cache(maxsize=256)(self._costs_of))
        init("_starts_at", functools.lru_cache(maxsize=4096)(self._grouped_starts))

    def variants(self, word: str, max_changes: int = 2) -> Iterator[tuple[str, float]]:
        """Strings ``word`` may have been printed as, by up to ``max_changes`` table confusions,
        with their total cost (duplicates possible; the caller keeps the cheapest)."""
        frontier: list[tuple[str, float, int]] = [(word, 0.0, 0)]
        for _ in range(max_changes):
            nxt: list[tuple[str, float, int]] = []
            for text, cost, min_pos in frontier:
                for i in range(min_pos, len(text)):
                    for size in range(1, self.max_read + 1):
                        for printed, c in self.by_read.get(text[i : i + size], ()):
                            changed = text[:i] + printed + text[i + size :]
                            nxt.append((changed, cost + c, i + len(printed)))
                            yield changed, cost + c
            frontier = nxt

    def variants1(self, word: str) -> list[str]:
        """The strings of :meth:`variants` ``(word, 1)``, in its order, repeats and all, built
        by one comprehension (no generator step per string): for callers that want no costs."""
        return [
            word[:i] + printed + word[i + size :]
            for i in range(len(word))
            for size in range(1, self.max_read + 1)
            for printed, _ in self.by_read.get(word[i : i + size], ())
        ]

    def variant_spellings(
        self,
        word: str,
        max_changes: int,
        ordered: Sequence[str],
        heads: Mapping[str, tuple[int, int]] | None = None,
    ) -> set[str]:
        """Lower-cased variants of ``word`` (:func:`variants` ``(word, max_changes)``): every one
        whose every prefix begins an entry of the sorted ``ordered`` (so: every one in it), found
        without generating the others, and possibly a few more.

        A variant replaces one to ``max_changes`` non-overlapping substrings of ``word``, left to
        right, by what the table says was printed; here the variant is built left to right, one
        character copied or one substring replaced at a time, and a branch stops as soon as no
        entry begins with its lower-cased prefix. For the Latin-1 letters that word tokens hold,
        lower-casing is one character for one (``(a + b).lower() == a.lower() + b.lower()``), so
        each prefix built is a prefix of the whole variant lower-cased. Other words are searched
        in full.

        ``heads`` (see :meth:`ocrfix.lexicon.Spellings.heads`): the range of ``ordered`` that
        begins with each string of up to :data:`HEAD_LETTERS` letters that begins an entry, so
        that the short prefixes, whose ranges are the widest, are found at once.
        """
        if not word.isascii() and max(word) > "\xff":
            return {c.lower() for c, _ in self.variants(word, max_changes)}
        lowered = word.lower()
        n = len(word)
        if max_changes < 1 or not n:
            return set()
        size_all = len(ordered)
        # What may replace the text at each position: (size read, printed lower-cased). (No
        # repeats: read strings of two sizes give pairs of two sizes.)
        options = [
            self.options.get(word[i], ()) + self.options.get(word[i : i + 2], ())
            for i in range(n - 1)
        ]
        options.append(self.options.get(word[-1], ()))
        found: set[str] = set()
        # States (position in word, variant so far, changes made, first entry >= the variant so
        # far, an index past the last entry that begins with it) whose variant so far
        # begins an entry; only states with changes to spare are kept: after the last change the
        # rest of the word is copied as it is, so the variant is complete (and the caller tests
        # it whole). (A state reached twice would add the same variants twice: the set is the
        # same.) The entries that begin a longer variant begin this one: they lie in the range.
        stack: list[tuple[int, str, int, int, int]] = [(0, "", 0, 0, size_all)]
        last = max_changes - 1
        short = HEAD_LETTERS if heads is not None else 0
        spans = heads if heads is not None else {}
        while stack:
            pos, prefix, changes, lo, hi = stack.pop()
            if changes == last:
                # Copy the rest character by character while the copy begins an entry; at each
                # position, the variants with the last change made there.
                while pos < n:
                    for size, printed in options[pos]:
                        found.add(prefix + printed + lowered[pos + size :])
                    prefix += lowered[pos]
                    if len(prefix) <= short:
                        span = spans.get(prefix)
                        if span is None:
                            break
                        lo, hi = span
                    else:
                        lo = bisect_left(ordered, prefix, lo, hi)
                        if lo == hi or not ordered[lo].startswith(prefix):
                            break
                    pos += 1
                else:
                    if changes:
                        found.add(prefix)
                continue
            if pos == n:
                if changes:
                    found.add(prefix)
                continue
            if len(prefix) > short:  # (a head's range is exact already)
                hi = _end_of_prefix(ordered, prefix, lo, hi)
            # The next character copied (no change), then each misreading the table allows
            # here (one change more): (size read, printed, changes added).
            for size, printed, more in ((1, lowered[pos], 0), *((*o, 1) for o in options[pos])):
                step = prefix + printed
                if len(step) <= short:
                    span = spans.get(step)
                    if span is not None:
                        stack.append((pos + size, step, changes + more, *span))
                    continue
                i = bisect_left(ordered, step, lo, hi)
                if i < hi and ordered[i].startswith(step):
                    stack.append((pos + size, step, changes + more, i, hi))
        return found

    def _distance(self, read: str, printed: str, limit: float = math.inf) -> float:
        """Weighted edit distance: the cheapest way OCR turns ``printed`` into ``read``.

        With ``limit``: the same distance when it is at most ``limit``, else ``inf``. (Costs are
        not negative, so the partial sums along a cheapest way never exceed its total: the cells
        above the limit are not extended, and the cells on a cheapest way within it keep their
        values, summed in the same order.)"""
        n, m = len(read), len(printed)
        inf = math.inf
        # (Cells above ``cap`` are not extended: those above the limit, and those at inf.)
        cap = limit if limit < inf else sys.float_info.max
        added, starts = self._read_costs(read)
        dropped = [THIN.get(c, OTHER) for c in printed]
        dist = [[inf] * (m + 1) for _ in range(n + 1)]
        dist[0][0] = 0.0
        for i in range(n + 1):
            row = dist[i]
            confusable = starts[i]
            live = False
            if i < n:
                below = dist[i + 1]
                char = read[i]
                add = added[i]
            for j in range(m + 1):
                here = row[j]
                if here > cap:
                    continue
                live = True
                if i < n:
                    if j < m:
                        # the same character, or any other (an arbitrary substitution)
                        c = here if char == printed[j] else here + OTHER
                        if c < below[j + 1]:
                            below[j + 1] = c
                    c = here + add  # OCR added read[i]
                    if c < below[j]:
                        below[j] = c
                if j < m:  # OCR dropped printed[j]
                    c = here + dropped[j]
                    if c < row[j + 1]:
                        row[j + 1] = c
                # (Only the confusions whose printed string begins with printed[j]: the others
                # cannot start here; each cell's minimum is the same whatever the order.)
                for size, target, c in confusable.get(printed[j], ()) if j < m else ():
                    if len(target) == 1 or printed.startswith(target, j):
                        k = j + len(target)
                        c = here + c
                        if c < dist[i + size][k]:
                            dist[i + size][k] = c
            if not live and i < n and min(below) > limit:
                # Nothing within the limit in this row or the next (which only this row and the
                # one before reach), so nothing after them either.
                return inf
        return dist[n][m] if dist[n][m] <= limit else inf

    def _costs_of(self, read: str) -> tuple[list[float], list[_ByFirst]]:
        """For :func:`ocr_distance` (which compares one token with its many candidates): what
        adding each character of ``read`` costs, and the confusions that may start at each
        position of ``read`` (and at its end: none): (size read, printed, cost), by the first
        character of the printed string (which the candidate must hold where it starts)."""
        added = [THIN.get(c, OTHER) for c in read]
        if not read:
            return added, [{}]
        starts = [self._starts_at(read[i : i + 2]) for i in range(len(read))]
        starts.append({})
        return added, starts

    def _grouped_starts(self, head: str) -> _ByFirst:
        """The confusions that may start at a position where ``head`` (the next two characters
        read, or the last one) begins, by the first character printed."""
        found = self.starts.get(head[0], ())
        if len(head) == 2:
            found += self.starts.get(head, ())
        return _by_first(found)


#: Confusions (size read, printed, cost) by the first character of the printed string.
_ByFirst = dict[str, tuple[tuple[int, str, float], ...]]


def _by_first(confusions: tuple[tuple[int, str, float], ...]) -> _ByFirst:
    """``confusions`` grouped by the first character of what was printed, in their order."""
    grouped: dict[str, list[tuple[int, str, float]]] = {}
    for confusion in confusions:
        grouped.setdefault(confusion[1][0], []).append(confusion)
    return {first: tuple(group) for first, group in grouped.items()}


#: The team's table.
BUILT_IN = ConfusionTable(CONFUSIONS)
#: The built-in table's methods, as functions.
variants = BUILT_IN.variants
variant_spellings = BUILT_IN.variant_spellings
ocr_distance = BUILT_IN.distance


def edits1(word: str, ordered: Sequence[str] | None = None) -> set[str]:
    """All strings one insertion, deletion, substitution or transposition from ``word``.

    With the sorted ``ordered``: only the edits at positions ``i`` where some entry begins
    with ``word[:i]``, and there only the letters ``c`` inserted or substituted for which some
    entry begins with ``word[:i] + c``: every edit in ``ordered`` is among them (an edit at
    ``i`` begins with ``word[:i]``, an insertion or substitution of ``c`` with
    ``word[:i] + c``)."""
    if ordered is None:
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        out = {a + b[1:] for a, b in splits if b}
        out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        out |= {a + c + b for a, b in splits for c in _LETTERS}
        return out
    out = set()
    size = len(ordered)
    lo, hi = 0, size  # the entries that begin with ``head``
    for i in range(len(word) + 1):
        head, rest = word[:i], word[i:]
        if i:
            lo = bisect_left(ordered, head, lo, hi)
            if lo == hi or not ordered[lo].startswith(head):
                break
            hi = _end_of_prefix(ordered, head, lo, hi)
        # The letters that follow ``head`` in an entry: read from few entries (else all).
        if hi - lo > _FEW:
            after: Iterable[str] = _LETTERS
        else:
            after = _LETTER_SET.intersection([e[i : i + 1] for e in ordered[lo:hi]])
        if rest:
            tail = rest[1:]
            out.add(head + tail)
            if tail:
                out.add(head + tail[0] + rest[0] + tail[1:])
            out.update([head + c + tail for c in after])
        out.update([head + c + rest for c in after])
    return out


def _end_of_prefix(ordered: Sequence[str], prefix: str, lo: int, hi: int) -> int:
    """Where the entries of the sorted ``ordered`` that begin with the non-empty ``prefix``
    end, given that they lie within ``ordered[lo:hi]``: at the first entry not below the
    string that follows them all (``prefix`` with its last character one higher)."""
    last = ord(prefix[-1])
    if last == sys.maxunicode:  # no higher character: the prefix of that string then
        return _end_of_prefix(ordered, prefix[:-1], lo, hi) if len(prefix) > 1 else hi
    return bisect_left(ordered, prefix[:-1] + chr(last + 1), lo, hi)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: The length up to which :meth:`ConfusionTable.variant_spellings` finds the entries that
#: begin with a prefix in a table (``heads``) rather than by bisection.
HEAD_LETTERS = 3
_LETTER_SET = frozenset(_LETTERS)
#: Up to how many entries :func:`edits1` reads to find the letters that may follow a prefix
#: (more take longer to read than all the letters take to try).
_FEW = 64
