"""The layout of a text, line by line: what each line is, and what it belongs to.

Every later step (furniture, pages, footnotes, paragraphs) labels lines of the text it was
given, so offsets always point into that text and every decision can become an :class:`Edit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: What a line is. ``furniture`` lines are printed by the page, not written by the author.
LineKind = Literal["blank", "body", "footnote", "furniture"]
#: Why a furniture line is furniture.
FurnitureKind = Literal["header", "footer", "page_number", "job_number", "debris"]

#: Characters that end a complete sentence or paragraph.
TERMINAL = ".;:!?"


def footer_like(content: str) -> bool:
    """Could this stripped line be a footer OCR garbled past recognition
    (``(WeBIBT LE 231006``)? Short, with four digits or more and no long word."""
    return (
        len(content) <= 32
        and sum(c.isdigit() for c in content) >= 4
        and not any(len(w) > 6 and w.isalpha() for w in content.split())
    )


@dataclass(frozen=True)
class Line:
    """One line of the text: ``text[start:end]``, without its newline."""

    index: int
    start: int
    end: int
    text: str

    @property
    def content(self) -> str:
        """The line without surrounding whitespace (a form feed is whitespace)."""
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.content

    @property
    def content_start(self) -> int:
        """Offset of the first non-space character (``end`` for a blank line)."""
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def content_end(self) -> int:
        """Offset just past the last non-space character (``start`` for a blank line)."""
        return self.start + len(self.text.rstrip())

    @property
    def form_feed(self) -> bool:
        return "\f" in self.text


@dataclass(frozen=True)
class Furniture:
    """A line printed by the page layout (running head, footer, page number, debris)."""

    line: int
    kind: FurnitureKind
    page: int
    text: str
    #: What it was taken for, as an edit's reason says it ('running header', 'barcode').
    what: str


@dataclass(frozen=True)
class Page:
    """A page: its printed (or counted) number and its lines ``[start_line, end_line)``."""

    number: int
    start_line: int
    end_line: int


@dataclass(frozen=True)
class Footnote:
    """A footnote block: ``mark`` as read, ``number`` as understood (``*`` for the sponsor
    note; inferred from its neighbours when OCR garbled the mark)."""

    mark: str
    number: str
    lines: tuple[int, ...]
    joins: tuple[Join, ...]
    page: int
    text: str

    @property
    def star(self) -> bool:
        return self.number.startswith("*")


@dataclass(frozen=True)
class Join:
    """How two lines of one paragraph meet: ``separator`` is ``" "`` (a wrapped line), ``""``
    (a compound, or hyphenation whose hyphen goes: ``drop_hyphen``) or ``"\\n"`` (a short line
    kept on its own, as in a title block)."""

    separator: str
    drop_hyphen: bool
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph, possibly rejoined across page breaks and footnote blocks.

    ``joins[k]`` joins line ``lines[k]`` to ``lines[k + 1]``; ``text`` is the joined text
    after the paragraph's label (``number``: ``1`` for ``1.``, ``a`` for ``(a)``).
    """

    lines: tuple[int, ...]
    joins: tuple[Join, ...]
    number: str | None
    pages: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class Layout:
    """The line labelling of a text, as :func:`ocrfix.layout.analyse` finds it."""

    text: str
    lines: tuple[Line, ...]
    kinds: tuple[LineKind, ...]
    pages: tuple[Page, ...]
    furniture: tuple[Furniture, ...]
    footnotes: tuple[Footnote, ...]
    paragraphs: tuple[Paragraph, ...]

    def page_of(self, line: int) -> int:
        """The number of the page holding ``line``."""
        for page in self.pages:
            if page.start_line <= line < page.end_line:
                return page.number
        return self.pages[-1].number if self.pages else 1


def split_lines(text: str) -> tuple[Line, ...]:
    """The lines of ``text``, split on ``\\n`` only (a form feed stays inside its line)."""
    lines: list[Line] = []
    start = 0
    for index, piece in enumerate(text.split("\n")):
        lines.append(Line(index, start, start + len(piece), piece))
        start += len(piece) + 1
    if lines and lines[-1].start == len(text) and len(lines) > 1:
        lines.pop()  # the empty "line" after a final newline
    return tuple(lines)
