"""What OCR engines read instead of what was printed, and an edit distance that knows it.

The table lists (read, printed, cost): reading ``rn`` where ``m`` was printed is cheap,
reading ``x`` for ``e`` is not. Costs are between 0 (certain) and 1 (an arbitrary edit).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

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

_BY_READ: dict[str, list[tuple[str, float]]] = {}
for _read, _printed, _cost in CONFUSIONS:
    _BY_READ.setdefault(_read, []).append((_printed, _cost))
_MAX_READ = max(len(r) for r in _BY_READ)


def variants(word: str, max_changes: int = 2) -> Iterator[tuple[str, float]]:
    """Strings ``word`` may have been printed as, by up to ``max_changes`` table confusions,
    with their total cost (duplicates possible; the caller keeps the cheapest)."""
    frontier: list[tuple[str, float, int]] = [(word, 0.0, 0)]
    for _ in range(max_changes):
        nxt: list[tuple[str, float, int]] = []
        for text, cost, min_pos in frontier:
            for i in range(min_pos, len(text)):
                for size in range(1, _MAX_READ + 1):
                    for printed, c in _BY_READ.get(text[i : i + size], ()):
                        changed = text[:i] + printed + text[i + size :]
                        nxt.append((changed, cost + c, i + len(printed)))
                        yield changed, cost + c
        frontier = nxt


@functools.lru_cache(maxsize=65536)
def ocr_distance(read: str, printed: str) -> float:
    """Weighted edit distance: the cheapest way OCR turns ``printed`` into ``read``."""
    n, m = len(read), len(printed)
    inf = float("inf")
    dist = [[inf] * (m + 1) for _ in range(n + 1)]
    dist[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = dist[i][j]
            if here == inf:
                continue
            if i < n and j < m and read[i] == printed[j]:
                dist[i + 1][j + 1] = min(dist[i + 1][j + 1], here)
            if i < n:  # OCR added read[i]
                c = here + THIN.get(read[i], OTHER)
                dist[i + 1][j] = min(dist[i + 1][j], c)
            if j < m:  # OCR dropped printed[j]
                c = here + THIN.get(printed[j], OTHER)
                dist[i][j + 1] = min(dist[i][j + 1], c)
            if i < n and j < m and read[i] != printed[j]:
                dist[i + 1][j + 1] = min(dist[i + 1][j + 1], here + OTHER)
            for size in range(1, _MAX_READ + 1):
                chunk = read[i : i + size]
                if len(chunk) < size:
                    break
                for target, c in _BY_READ.get(chunk, ()):
                    if printed.startswith(target, j):
                        k = j + len(target)
                        dist[i + size][k] = min(dist[i + size][k], here + c)
    return dist[n][m]


def edits1(word: str) -> set[str]:
    """All strings one insertion, deletion, substitution or transposition from ``word``."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    return out
