"""Edits, results, and composing the edits of successive fixers into edits of the original text.

Every change ocrfix makes is an :class:`Edit`. Fixers propose edits against the text they see;
the pipeline composes them so that the edits in a :class:`Result` always point into the
ORIGINAL text and replay to the output exactly (``apply_edits(original, edits) == text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (which reads ``before``) by ``after``."""

    start: int
    end: int
    before: str
    after: str
    fixer: str
    reason: str
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}:{self.end}")
        if len(self.before) != self.end - self.start:
            raise ValueError("edit 'before' does not match its span")


@dataclass(frozen=True)
class Result:
    """What :func:`ocrfix.fix_and_explain` returns: the fixed text and every edit that made it."""

    original: str
    text: str
    edits: tuple[Edit, ...]
    #: In ``structured`` mode: pages, paragraphs, footnotes and furniture (JSON-ready).
    structure: dict[str, Any] | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.original


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (offsets into ``text``) and return the new text."""
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:
            raise ValueError(f"overlapping edits at {edit.start}")
        if text[edit.start : edit.end] != edit.before:
            raise ValueError(f"edit at {edit.start} does not match the text")
        out.append(text[pos : edit.start])
        out.append(edit.after)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def non_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """Sort edits and drop any that overlaps one kept before it (first proposed wins ties)."""
    kept: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.before == edit.after:
            continue
        if edit.start < last_end or (
            edit.start == last_end
            and edit.start == edit.end
            and kept
            and kept[-1].start == kept[-1].end
        ):
            continue
        kept.append(edit)
        last_end = edit.end
    return kept


def compose(original: str, done: Sequence[Edit], current: str, stage: Sequence[Edit]) -> list[Edit]:
    """Fold ``stage`` (edits of ``current``) into ``done`` (edits of ``original``).

    ``current`` must equal ``apply_edits(original, done)``. Edits whose spans touch are merged
    into one edit of the original, so the result stays non-overlapping and replays exactly.
    """
    if not stage:
        return list(done)
    # Each item: (start in current, end in current, is_new, edit).
    items: list[tuple[int, int, bool, Edit]] = []
    shift = 0
    for edit in done:
        out_start = edit.start + shift
        items.append((out_start, out_start + len(edit.after), False, edit))
        shift += len(edit.after) - len(edit.before)
    items.extend((e.start, e.end, True, e) for e in stage)
    items.sort(key=lambda it: (it[0], it[1], it[2]))

    result: list[Edit] = []
    shift_before = 0  # total length change of the done-edits before the current cluster
    i = 0
    while i < len(items):
        cluster = [items[i]]
        end = items[i][1]
        i += 1
        while i < len(items) and items[i][0] <= end:
            cluster.append(items[i])
            end = max(end, items[i][1])
            i += 1
        olds = [it[3] for it in cluster if not it[2]]
        news = [it[3] for it in cluster if it[2]]
        old_shift = sum(len(e.after) - len(e.before) for e in olds)
        if not news:
            result.extend(olds)
        elif not olds and len(news) == 1:
            edit = news[0]
            result.append(_moved(edit, edit.start - shift_before))
        else:
            cur_start = min(it[0] for it in cluster)
            cur_end = max(it[1] for it in cluster)
            orig_start = cur_start - shift_before
            orig_end = cur_end - shift_before - old_shift
            local = [_moved(e, e.start - cur_start) for e in news]
            after = apply_edits(current[cur_start:cur_end], local)
            before = original[orig_start:orig_end]
            if before != after:
                members = olds + news
                result.append(
                    Edit(
                        orig_start,
                        orig_end,
                        before,
                        after,
                        "+".join(dict.fromkeys(e.fixer for e in members)),
                        "; ".join(dict.fromkeys(e.reason for e in members)),
                        min(e.confidence for e in members),
                    )
                )
        shift_before += old_shift
    return result


def map_spans(spans: Sequence[tuple[int, int]], edits: Sequence[Edit]) -> list[tuple[int, int]]:
    """Where sorted ``spans`` of a text lie after sorted, non-overlapping ``edits``."""
    out = []
    shift = 0
    i = 0
    for start, end in spans:
        while i < len(edits) and edits[i].end <= start:
            shift += len(edits[i].after) - len(edits[i].before)
            i += 1
        new_start = start + shift
        j, end_shift = i, shift
        while j < len(edits) and edits[j].end <= end:
            end_shift += len(edits[j].after) - len(edits[j].before)
            j += 1
        out.append((new_start, max(new_start, end + end_shift)))
    return out


def _moved(edit: Edit, start: int) -> Edit:
    return Edit(
        start,
        start + len(edit.before),
        edit.before,
        edit.after,
        edit.fixer,
        edit.reason,
        edit.confidence,
    )
