"""Labelling every line of a text: furniture, then pages, then footnotes, then paragraphs.

The order matters: furniture marks where pages end, pages bound footnote blocks, and the
lines left over are the body, which is cut into paragraphs. A line marked ``ocrfix: ignore``
is always body, kept on a line of its own.
"""

from __future__ import annotations

from ..pipeline import IGNORE_MARKER
from . import footnotes, furniture, paragraphs
from .model import Furniture, Layout, split_lines
from .pages import form_feed_breaks, inferred_breaks, page_indices, paginate


def analyse(text: str) -> Layout:
    """Label each line of ``text`` (blank, body, footnote, furniture) and find its pages,
    furniture, footnotes and paragraphs."""
    lines = split_lines(text)
    feeds = form_feed_breaks(lines)
    has_text = any(furniture.look(line.content) is None for line in lines if not line.blank)
    kept = {i for i, line in enumerate(lines) if IGNORE_MARKER in line.text}
    found = furniture.detect(lines, feeds, has_text, kept)
    breaks = inferred_breaks(lines, feeds, found)
    index = page_indices(lines, breaks)
    if has_text:
        heads = furniture.repeated(lines, breaks, found, index, kept)
        if heads:
            found.update(heads)
            breaks = inferred_breaks(lines, feeds, found)
            index = page_indices(lines, breaks)
    pages = paginate(lines, breaks, found)
    numbers = [pages[k].number for k in index]
    notes, kinds = footnotes.detect(lines, set(found), numbers, kept)
    return Layout(
        text=text,
        lines=lines,
        kinds=tuple(kinds),
        pages=tuple(pages),
        furniture=tuple(
            Furniture(i, kind, numbers[i], lines[i].content, what)
            for i, (kind, what) in sorted(found.items())
        ),
        footnotes=tuple(notes),
        paragraphs=tuple(paragraphs.build(lines, kinds, numbers)),
    )
