"""The structured view: pages, paragraphs, footnotes and furniture as JSON-ready data."""

from __future__ import annotations

from typing import Any

from .analysis import analyse
from .reading import reading_order


def structure(text: str) -> dict[str, Any]:
    """JSON-ready: ``{"pages": [{"number", "start_line", "end_line"}], "paragraphs":
    [{"number", "text", "pages"}], "footnotes": [{"number", "text", "page"}], "furniture":
    [{"page", "kind", "line", "text"}]}``.

    Lines are counted from 0 and ``end_line`` is exclusive. A paragraph's ``number`` is its
    label (``"1"`` for ``1.``, ``"a"`` for ``(a)``) or None, and its ``text`` follows the
    label. Footnotes come in reading order (sponsor notes ``*`` first); a garbled number is
    inferred from its neighbours.
    """
    layout = analyse(text)
    return {
        "pages": [
            {"number": p.number, "start_line": p.start_line, "end_line": p.end_line}
            for p in layout.pages
        ],
        "paragraphs": [
            {"number": p.number, "text": p.text, "pages": list(p.pages)} for p in layout.paragraphs
        ],
        "footnotes": [
            {"number": n.number, "text": n.text, "page": n.page} for n in reading_order(layout)
        ],
        "furniture": [
            {"page": f.page, "kind": f.kind, "line": f.line, "text": f.text}
            for f in layout.furniture
        ],
    }
