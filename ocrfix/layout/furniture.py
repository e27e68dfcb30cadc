"""Page furniture: the lines a page prints around the text, which reading mode removes.

Running headers (the document symbol ``A/C.2/61/L.12``, also garbled: ``AIC.2/61/L.12``),
job-number footers (``06-58187 (E) 231006``), page numbers (``2``, ``- 2 -``, ``2/5``,
``Page 2 of 5``), barcodes and scanner debris (``*0658187*``, ``| ||``, ``ae``), and running
heads the document repeats on several pages.

Only a line that cannot be text is removed on its look alone (a job number with its tags);
every weaker look (a bare number, a garbled symbol, a short scrap) must also stand alone,
between blank lines, at the edge of a page -- where furniture is printed. Body lines that
happen to start with numbers (``21 December 2001, 58/208 ...``) never stand alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .. import lazy_re
from ..lexicon import default_lexicon
from .footnotes import opening
from .model import FurnitureKind, Line, footer_like

# Series that open UN document symbols.
_SERIES = (
    r"(?:A|S|E|ST|CCPR|CERD|CEDAW|CRC|CAT|CMW|CRPD|UNEP|TD|DP|ICEF|HRC|JIU|UNW|UNDP|UNICEF"
    r"|FCCC|ECE|ESCAP|ECA|ECLAC|ESCWA|UNCTAD|UNHCR|CTOC|UNODC)"
)
# A symbol alone on its line, spaces allowed at the joints (``A/C.2/61/L .12``).
_ELEMENT = r"(?:[A-Z0-9]+|Rev|Add|Corr|Amend|Sup)(?:\([A-Z0-9]+\))?"
_SYMBOL_LINE = lazy_re.compile(
    rf"{_SERIES}(?: ?/ ?{_ELEMENT}(?: ?[.,]{{1,2}} ?{_ELEMENT})*)+(?: ?\*)?"
)
# A garbled symbol: one token of capitals, digits and joints (``AIC.2/61/L.12``, ``AST9IBAZ``).
_SYMBOL_LIKE = lazy_re.compile(r"[A-Z][^\s]{3,30}")
_SYMBOL_WORDS = frozenset({"Rev", "Add", "Cor", "Ame", "Sup"})  # 'Rev.1', 'Corr.2'...
# A job number: ``06-58187``; OCR may space or garble the hyphen (``24- 14628``) and read a
# digit as a letter (``24-206S4``).
_JOB = lazy_re.compile(
    r"(?<![\w/])\d{2} ?[-–—~_] ?(?P<serial>[\dOSIlB](?: ?[\dOSIlB]){3,5})(?![\w/])"
)
# What may stand beside a job number on a footer line: language tag, date code, page number,
# barcode, or a short scrap the scanner made of them (``(EY O4112d``).
_FOOTER_TOKEN = lazy_re.compile(r"\([A-Z]\)|\*\d{5,}\*|\d{1,3}/\d{1,3}|\S{1,7}")
_PAGE_STRONG = lazy_re.compile(
    r"[-–—] ?(?P<a>\d{1,3}) ?[-–—]|(?P<b>\d{1,3}) ?/ ?(?P<total>\d{1,3})"
    r"|(?:page|p\.) ?(?P<c>\d{1,3})(?: of \d{1,3})?|(?P<d>\d{1,3}) of \d{1,3}",
    re.IGNORECASE,
)
_PAGE_BARE = lazy_re.compile(r"\d{1,3}")
_BARCODE = lazy_re.compile(r"\*[\dA-Z]{5,}\*")
_SEPARATOR = lazy_re.compile(r"(?:\* ?){1,5}")  # '* * *' between sections is text, not debris
_LABEL = lazy_re.compile(r"\(?[a-zA-Z0-9]{1,5}[.)]")  # '(a)', '1.', 'II.': a paragraph label
_LETTERS = lazy_re.compile(r"[^\W\d_]+")
_BOTTOM = frozenset({"job_number", "page_number"})  # printed at the foot of a page
_YEARS = lazy_re.compile(r"\b(?:19|20)\d\d ?[-–] ?(?:19|20)?\d\d\b")  # '2016-2030' is text


@dataclass(frozen=True)
class Look:
    """What a line looks like on its own: a furniture kind, and how much evidence it is."""

    kind: FurnitureKind
    #: ``strong``: furniture wherever it stands; ``alone``: if it stands alone;
    #: ``edge``: if it stands alone at the edge of a page; ``top``: only as the first line
    #: of a page (a header) or the last (a footer); ``half``: with a blank line on one side.
    strength: str
    what: str


def look(content: str) -> Look | None:
    """Classify a stripped line by its look alone, or None if it looks like text."""
    text = re.sub(r"\s+", " ", content)
    if not text or len(text) > 60:
        return None
    if _footer_line(text):
        return Look("job_number", "strong", "job number")
    if _BARCODE.fullmatch(text):
        return Look("debris", "strong", "barcode")
    if _marked_note(text):  # a footnote whose mark OCR garbled, or a header with a scrap
        return Look("header", "top", "garbled running header") if _symbol_like(text) else None
    if _footer_scrap(text) and not text.endswith("."):
        return Look("job_number", "edge", "garbled job number")
    if _SYMBOL_LINE.fullmatch(text):
        return Look("header", "alone", "running header")
    if page_number(text) is not None:
        bare = _PAGE_BARE.fullmatch(text) is not None
        return Look("page_number", "edge" if bare else "alone", "page number")
    if _symbol_like(text.rstrip(".")):
        # A final full stop is a footnote's ('CRC/C/GC/25.'), unless the page starts there.
        strength = "top" if text.endswith(".") else "edge"
        return Look("header", strength, "garbled running header")
    if _debris(text):
        return Look("debris", "alone" if not any(c.isalnum() for c in text) else "edge", "debris")
    return None


def page_number(text: str) -> int | None:
    """The page number a page-number line prints (``2``, ``- 2 -``, ``2/5``, ``Page 2 of 5``)."""
    m = _PAGE_STRONG.fullmatch(text)
    if m:
        if m.group("b") is not None:
            number, total = int(m.group("b")), int(m.group("total"))
            return number if 0 < number <= total else None
        value = m.group("a") or m.group("c") or m.group("d")
        return int(value) if value else None
    if _PAGE_BARE.fullmatch(text):
        return int(text) or None
    return None


def _footer_line(text: str) -> bool:
    m = _JOB.search(text)
    if not m or len(text) > 40 or sum(c.isdigit() for c in m.group("serial")) < 3:
        return False
    rest = (text[: m.start()] + " " + text[m.end() :]).split()
    return len(rest) <= 3 and all(_FOOTER_TOKEN.fullmatch(t) for t in rest)


def _marked_note(text: str) -> bool:
    """Does the line open a footnote with a (garbled) mark, not a number?"""
    start = opening(text)
    return start is not None and start.how not in ("digit", "bare")


def _footer_scrap(text: str) -> bool:
    """A job-number footer the scanner garbled (``ws 221544``, ``24-2) 733 (Ed 19} 124``,
    ``Me14h28 (Ey 000824``): short, at least five digits that make half of it, no word."""
    alnum = [c for c in text if c.isalnum()]
    digits = sum(c.isdigit() for c in alnum)
    return (
        len(text) <= 32
        and len(text.split()) <= 5
        and digits >= 5
        and digits >= 0.45 * len(alnum)
        and not re.search(r"[a-z]{3}", text)
        and not _YEARS.search(text)
        and all("/" not in t or _PAGE_STRONG.fullmatch(t) for t in text.split())
    )


def _symbolish(text: str) -> bool:
    """A symbol garbled past its digits (``AIC.UTYLAL``): one token of capitals and joints.
    Taken only right after a footer, where a page's running header follows."""
    return (
        " " not in text
        and 5 <= len(text) <= 30
        and text[0].isupper()
        and any(c in "/.|" for c in text)
        and sum(c.isupper() or c.isdigit() for c in text) >= 0.6 * len(text)
        and not default_lexicon().known(text)
    )


def _symbol_like(text: str) -> bool:
    """A symbol OCR garbled: one token of capitals, digits and joints, perhaps with scraps
    around it (``AIC.2/79/L,23/Rev A``, ``. A/C.2/79/7L.18``, ``AC 5/7HL20``)."""
    if re.match(r"\d{1,3} ", text):
        return False  # a footnote citing a symbol ('8 A/60/871')
    squeezed = re.sub(r" ?([/.,]) ?", r"\1", text)
    tokens = squeezed.split(" ")
    longest = max(tokens, key=len)
    scraps = [t for t in tokens if t is not longest]
    if len(scraps) > 2 or any(len(t) > 3 for t in scraps):
        return False
    candidates = [longest, "".join(tokens)] if "/" in squeezed else [longest]
    return any(_symbol_token(t.strip(".,:;'\"»«°")) for t in candidates)


def _symbol_token(token: str) -> bool:
    if not _SYMBOL_LIKE.fullmatch(token):
        return False
    if not any(c.isdigit() for c in token) or token.replace(".", "").isdigit():
        return False
    if sum(c.isalnum() for c in token) < 0.5 * len(token):
        return False  # more punctuation than a symbol has
    words = [w for w in _LETTERS.findall(token) if w[:3] not in _SYMBOL_WORDS]
    if any(len(w) >= 4 and w[1:].islower() for w in words):
        return False  # a capitalised word ('Annex12'), not a symbol
    return not default_lexicon().known(token)


def _debris(text: str) -> bool:
    if len(text) > 12 or _SEPARATOR.fullmatch(text) or _LABEL.fullmatch(text):
        return False
    alnum = sum(c.isalnum() for c in text)
    if alnum == 0:
        return True
    if alnum > 6 or any(c.isdigit() for c in text):
        return False
    lexicon = default_lexicon()
    words = _LETTERS.findall(text)
    # A word in another script or with accents ('大会', 'Résumé') is text, not a scrap.
    return not any(len(w) >= 2 and (not w.isascii() or lexicon.known(w)) for w in words)


def symbol_of(lines: Sequence[Line]) -> tuple[str, int] | None:
    """The document's own symbol, the one its symbol-only lines print most, and how often."""
    seen = Counter(
        re.sub(r" ?([/.]) ?", r"\1", line.content)
        for line in lines
        if line.content and _SYMBOL_LINE.fullmatch(re.sub(r"\s+", " ", line.content))
    )
    return seen.most_common(1)[0] if seen else None


def detect(
    lines: Sequence[Line],
    breaks: Sequence[bool],
    has_text: bool,
    text_lines: Container[int] = (),
) -> dict[int, tuple[FurnitureKind, str]]:
    """Furniture lines: index -> (kind, what). ``breaks[i]``: a known page starts at line i;
    ``text_lines`` are never furniture.

    Strong looks are taken first; weaker ones are taken while they stand alone at a page edge,
    until nothing changes (a page number under a job number stands at an edge once the job
    number is known); a document symbol, even garbled, is also taken as the first line of a
    page, a job or page number as the last line of a page, and a footer, blank lines and a
    header make a page break. Without
    any text line in ``text``, only strong looks count.
    """
    looks = {
        i: lk
        for i, line in enumerate(lines)
        if i not in text_lines and (lk := look(line.content)) is not None
    }
    own = symbol_of(lines)
    if own is not None:
        symbol, count = own
        for i, line in enumerate(lines):
            content = line.content
            if i in text_lines or not content or len(content) > 40 or opening(content):
                continue
            lk = looks.get(i)
            if lk is not None and lk.kind != "header":
                continue
            flat = re.sub(r"\s+", "", content)
            if Levenshtein.normalized_similarity(flat, symbol) >= 0.6:
                # Printed on two pages or more, the symbol is the running header even
                # when OCR lost the blank line on one side of it.
                strength = "half" if count >= 2 else "alone"
                what = lk.what if lk is not None else "garbled running header"
                looks[i] = Look("header", strength, what)
    found = {i: (lk.kind, lk.what) for i, lk in looks.items() if lk.strength == "strong"}
    if not has_text:
        return found
    for i, line in enumerate(lines):  # a bottom line, blank lines, a top line: a page break
        lk = looks.get(i)
        if lk is None and i not in text_lines and line.content and footer_like(line.content):
            lk = Look("job_number", "edge", "garbled footer")
        if lk is None:
            continue
        j = i + 1
        while j < len(lines) and lines[j].blank:
            j += 1
        below = looks.get(j)
        if (
            below is None
            and j < len(lines)
            and j not in text_lines
            and _symbolish(lines[j].content)
        ):
            below = Look("header", "edge", "garbled running header")
        if (
            lk.kind in ("job_number", "page_number")
            and below is not None
            and below.kind == "header"
            and j > i + 1
        ):
            found[i], found[j] = (lk.kind, lk.what), (below.kind, below.what)
    # Every test below only grows truer as furniture is found, so the lines taken do not
    # depend on the order they are looked at: a line taken can only bring the nearest text
    # lines above and below it to an edge, and only those are looked at again. (Looking at
    # every line again until nothing changed took quadratic time on a column of numbers.)
    pending = [i for i, lk in looks.items() if i not in found and lk.strength != "strong"]
    pending.reverse()  # looked at in order, then each line's neighbours first
    while pending:
        i = pending.pop()
        lk = looks[i]
        if i in found:
            continue
        alone = standing_alone(lines, breaks, found, i)
        top = lk.kind == "header" and _edge(lines, breaks, found, i, -1)
        bottom = lk.kind in _BOTTOM and _edge(lines, breaks, found, i, 1)
        edge = lk.strength == "alone" or at_edge(lines, breaks, found, i)
        half = lk.strength == "half" and _half_alone(lines, breaks, found, i)
        if top or bottom or half or (alone and lk.strength != "top" and edge):
            found[i] = (lk.kind, lk.what)
            for k in _nearest_text(lines, i):
                if k in looks and k not in found and looks[k].strength != "strong":
                    pending.append(k)
    return found


def _nearest_text(lines: Sequence[Line], i: int) -> list[int]:
    """The nearest lines above and below line ``i`` that are not blank."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and lines[j].blank:
            j += step
        if 0 <= j < len(lines):
            out.append(j)
    return out


def standing_alone(
    lines: Sequence[Line],
    breaks: Sequence[bool],
    furniture: Container[int],
    i: int,
) -> bool:
    """Are the lines around ``i`` blank, furniture, on another page or past the text's end?"""
    if not (i == 0 or breaks[i] or lines[i - 1].blank or i - 1 in furniture):
        return False
    j = i + 1
    return j >= len(lines) or breaks[j] or lines[j].blank or j in furniture


def _half_alone(
    lines: Sequence[Line], breaks: Sequence[bool], furniture: Container[int], i: int
) -> bool:
    """Is a line around ``i`` blank, furniture, on another page or past the text's end?"""
    above = i == 0 or breaks[i] or lines[i - 1].blank or i - 1 in furniture
    j = i + 1
    return above or j >= len(lines) or breaks[j] or lines[j].blank or j in furniture


def at_edge(
    lines: Sequence[Line], breaks: Sequence[bool], furniture: Container[int], i: int
) -> bool:
    """Is ``i`` the first or last text line of a page (only blanks and furniture beyond)?"""
    return _edge(lines, breaks, furniture, i, -1) or _edge(lines, breaks, furniture, i, 1)


def _edge(
    lines: Sequence[Line],
    breaks: Sequence[bool],
    furniture: Container[int],
    i: int,
    step: int,
) -> bool:
    j = i
    while True:
        if step < 0 and breaks[j]:
            return True
        j += step
        if j < 0 or j >= len(lines):
            return True
        if step > 0 and breaks[j]:
            return True
        if j in furniture:
            return True
        if not lines[j].blank:
            return False


def _shape(content: str) -> str:
    """A running head's shape: case and page numbers do not matter."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", content.lower()))


def repeated(
    lines: Sequence[Line],
    breaks: Sequence[bool],
    furniture: dict[int, tuple[FurnitureKind, str]],
    page_index: Sequence[int],
    text_lines: Container[int] = (),
) -> dict[int, tuple[FurnitureKind, str]]:
    """Running heads learned from the document: a short line standing alone at the edge of
    at least two pages, the same each time (``UNITED NATIONS``, ``Page # of #``).

    A line ending in punctuation is text (``The General Assembly,``), and a line that opens
    a footnote is a footnote: neither is taken. Returns the new furniture only.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        content = line.content
        if i in furniture or i in text_lines or not content or not 3 <= len(content) <= 70:
            continue
        if content[-1] in ".,:;" or not any(c.isalpha() for c in content) or opening(content):
            continue
        if standing_alone(lines, breaks, furniture, i) and at_edge(lines, breaks, furniture, i):
            groups[_shape(content)].append(i)
    found: dict[int, tuple[FurnitureKind, str]] = {}
    for members in groups.values():
        if len({page_index[i] for i in members}) < 2:
            continue
        for i in members:
            top = _edge(lines, breaks, furniture, i, -1)
            kind: FurnitureKind = "header" if top else "footer"
            found[i] = (kind, "running head" if top else "running foot")
    return found
