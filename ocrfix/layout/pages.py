"""Page breaks: form feeds where the OCR engine kept them, else inferred from furniture.

A run of furniture and blank lines between two stretches of text is the bottom of one page
and the top of the next: the new page starts at the run's first header (a running head is
printed at the top), or after its last footer line when it has no header.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .furniture import page_number
from .model import FurnitureKind, Line, Page

_BOTTOM: frozenset[str] = frozenset({"footer", "job_number", "page_number"})


def form_feed_breaks(lines: Sequence[Line]) -> list[bool]:
    """``breaks[i]``: a form feed starts a page at line ``i``."""
    breaks = [False] * len(lines)
    for line in lines:
        if not line.form_feed:
            continue
        before = line.text[: line.text.index("\f")]
        if before.strip():  # text then a form feed: the next line opens the page
            if line.index + 1 < len(lines):
                breaks[line.index + 1] = True
        else:
            breaks[line.index] = True
    if breaks:
        breaks[0] = False  # the text's own start needs no break
    return breaks


def inferred_breaks(
    lines: Sequence[Line],
    form_feeds: Sequence[bool],
    furniture: dict[int, tuple[FurnitureKind, str]],
) -> list[bool]:
    """Form-feed breaks plus one break in each run of furniture between stretches of text."""
    breaks = list(form_feeds)
    n = len(lines)
    i = 0
    seen_text = False
    while i < n:
        if lines[i].blank or i in furniture:
            j = i
            while j < n and (lines[j].blank or j in furniture):
                j += 1
            run = range(i, j)
            inside = seen_text and j < n
            has_break = any(breaks[k] for k in run) or (j < n and breaks[j])
            if inside and not has_break:
                cut = _cut(run, furniture)
                if cut is not None:
                    breaks[cut] = True
            i = j
        else:
            seen_text = True
            i += 1
    return breaks


def _cut(run: range, furniture: dict[int, tuple[FurnitureKind, str]]) -> int | None:
    kinds = [(k, furniture[k][0]) for k in run if k in furniture]
    for k, kind in kinds:
        if kind == "header":
            return k
    bottoms = [k for k, kind in kinds if kind in _BOTTOM]
    if bottoms:
        return bottoms[-1] + 1
    return None


def paginate(
    lines: Sequence[Line],
    breaks: Sequence[bool],
    furniture: dict[int, tuple[FurnitureKind, str]],
) -> list[Page]:
    """Pages from the breaks, numbered from their printed page numbers when those agree with
    the order of the pages, else counted from 1."""
    starts = [0] + [i for i in range(1, len(lines)) if breaks[i]]
    bounds = list(zip(starts, [*starts[1:], len(lines)]))
    offsets: Counter[int] = Counter()
    for index, (start, end) in enumerate(bounds):
        for k in range(start, end):
            if k in furniture and furniture[k][0] in ("page_number", "job_number"):
                printed = _printed(lines[k].content, furniture[k][0])
                if printed is not None and printed - index >= 1:
                    offsets[printed - index] += 1
    first = offsets.most_common(1)[0][0] if offsets else 1
    return [Page(first + index, start, end) for index, (start, end) in enumerate(bounds)]


def _printed(content: str, kind: str) -> int | None:
    if kind == "page_number":
        return page_number(" ".join(content.split()))
    for token in content.split():  # a job-number line may carry 'n/N'
        if "/" in token:
            value = page_number(token)
            if value is not None:
                return value
    return None


def page_indices(lines: Sequence[Line], breaks: Sequence[bool]) -> list[int]:
    """For each line, the index (0, 1, ...) of its page."""
    out: list[int] = []
    index = 0
    for i in range(len(lines)):
        if i and breaks[i]:
            index += 1
        out.append(index)
    return out
