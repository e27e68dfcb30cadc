#!/usr/bin/env python3
"""Build a page-level OCR benchmark from UN-style source documents.

Each source document (``corpora/source/*.txt``) is typeset as A4 page images
at 300 dpi with Pillow, degraded at several levels (scan resolution, blur,
noise, skew, binarization, JPEG), and read back with the Tesseract OCR
engine.  Because the pages are drawn from the source, the ground truth of
every page is exact: it is the text that was drawn, line by line, in
reading order.

Usage::

    python benchmarks/make_corpus.py [--sources corpora/source]
        [--out corpora/pages] [--levels light,medium,heavy] [--jobs 2]
        [--only NAME ...] [--keep-images DIR]

See benchmarks/README-corpus.md for the output format.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from multiprocessing import Pool

try:
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from rapidfuzz.distance import Levenshtein
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(
        f"make_corpus.py: missing Python package ({exc}); "
        "install with: pip install pillow numpy rapidfuzz"
    )

# ---------------------------------------------------------------------------
# Page geometry (pixels at 300 dpi)
# ---------------------------------------------------------------------------

DPI = 300
PAGE_W, PAGE_H = 2480, 3508  # A4


def pt(points: float) -> int:
    """Points to pixels at the rendering resolution."""
    return round(points * DPI / 72.0)


FRAME_L = 266  # 2.25 cm: left edge of header/footer
FRAME_R = PAGE_W - 266  # right edge of the text frame
BODY_L = FRAME_L + 150  # body column is indented 1.27 cm
BODY_R = FRAME_R
PARA_INDENT = 150  # first-line indent of body paragraphs
LABEL_TAB = 100  # text after "1." starts this far right
HEADER_BASE = 228  # baseline of the running header
BODY_TOP = 330  # top of body on pages 2..n
BOTTOM = PAGE_H - 330  # lowest extent of body + footnotes
FOOTER_BASE = PAGE_H - 190  # baseline of the footer line

BODY_PT = 12.0
BODY_LEAD = 58  # ~13.9 pt line pitch
PARA_GAP = 25  # 6 pt after each paragraph
HEAD_GAP_BEFORE = 38
FN_PT = 10.0
FN_LEAD = 48
FN_GAP = 10  # between two footnotes
FN_RULE_ABOVE = 40  # space between body and the rule
FN_RULE_BELOW = 22  # space between rule and footnotes
FN_RULE_LEN = 600
FOOT_PT = 9.0
HEAD_PT = 10.0
SUP_SCALE = 0.62  # superscript size relative to base
SUP_RAISE = 0.36  # raise of superscript baseline

LEVEL_ORDER = ["light", "medium", "heavy"]

# ---------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------

FONT_FILES = {
    "Liberation Serif": {
        "r": "LiberationSerif-Regular.ttf",
        "i": "LiberationSerif-Italic.ttf",
        "b": "LiberationSerif-Bold.ttf",
        "bi": "LiberationSerif-BoldItalic.ttf",
    },
    "TeX Gyre Termes": {
        "r": "texgyretermes-regular.otf",
        "i": "texgyretermes-italic.otf",
        "b": "texgyretermes-bold.otf",
        "bi": "texgyretermes-bolditalic.otf",
    },
}
FONT_DIRS = [
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/texmf/fonts/opentype/public/tex-gyre",
    "/usr/share/texlive/texmf-dist/fonts/opentype/public/tex-gyre",
    "/usr/share/fonts/opentype/tex-gyre",
    "/usr/local/share/fonts",
    "/usr/share/fonts",
]
FAMILIES = sorted(FONT_FILES)

_font_paths: dict = {}
_font_cache: dict = {}


def _find_font_file(filename: str) -> str | None:
    for d in FONT_DIRS:
        p = os.path.join(d, filename)
        if os.path.isfile(p):
            return p
    for d in FONT_DIRS:
        if not os.path.isdir(d):
            continue
        for root, _dirs, files in os.walk(d):
            if filename in files:
                return os.path.join(root, filename)
    return None


def font_path(family: str, style: str) -> str:
    key = (family, style)
    if key not in _font_paths:
        p = _find_font_file(FONT_FILES[family][style])
        if p is None:
            raise SystemExit(
                f"make_corpus.py: font file {FONT_FILES[family][style]} "
                f"({family}) not found; install it with: "
                "apt-get install -y fonts-liberation2 fonts-texgyre"
            )
        _font_paths[key] = p
    return _font_paths[key]


def get_font(family: str, style: str, px: int) -> ImageFont.FreeTypeFont:
    key = (family, style, px)
    f = _font_cache.get(key)
    if f is None:
        # BASIC layout: no automatic ligatures, same result with/without raqm
        f = ImageFont.truetype(font_path(family, style), px, layout_engine=ImageFont.Layout.BASIC)
        _font_cache[key] = f
    return f


_glyph_cache: dict = {}


def missing_glyphs(family: str, style: str, text: str) -> set:
    """Characters of text that the font renders as .notdef."""
    font = get_font(family, style, 40)
    ref_key = (family, style, None)
    if ref_key not in _glyph_cache:
        _glyph_cache[ref_key] = bytes(font.getmask("\uffff"))
    ref = _glyph_cache[ref_key]
    out = set()
    for ch in set(text):
        if ch.isspace():
            continue
        k = (family, style, ch)
        if k not in _glyph_cache:
            _glyph_cache[k] = bytes(font.getmask(ch)) == ref
        if _glyph_cache[k]:
            out.add(ch)
    return out


# ---------------------------------------------------------------------------
# Source parsing
# ---------------------------------------------------------------------------


@dataclass
class Source:
    name: str
    header: dict
    paragraphs: list  # list of str (one per paragraph)
    footnotes: dict  # id -> text, in source order
    path: str = ""


def parse_source(path: str) -> Source:
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as fh:
        text = fh.read().replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    parts = re.split(r"^===[ \t]*$", text, flags=re.M)
    if len(parts) < 2:
        raise ValueError(f"{path}: no '===' separator after the header")
    head, body = parts[0], parts[1]
    notes = "\n".join(parts[2:]) if len(parts) > 2 else ""
    header = {}
    for line in head.splitlines():
        if not line.strip():
            continue
        m = re.match(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$", line)
        if m:
            header[m.group(1).lower()] = m.group(2)
    paragraphs = [ln.strip() for ln in body.splitlines() if ln.strip()]
    footnotes: dict = {}
    last = None
    for line in notes.splitlines():
        if not line.strip():
            continue
        m = re.match(r"^\s*\[([^\]]+)\]\s*(.*?)\s*$", line)
        if m:
            last = m.group(1).strip()
            footnotes[last] = m.group(2)
        elif last is not None:  # continuation line of a footnote
            footnotes[last] += " " + line.strip()
    return Source(name, header, paragraphs, footnotes, path)


# ---------------------------------------------------------------------------
# Inline markup: words made of styled pieces
# ---------------------------------------------------------------------------


@dataclass
class Piece:
    text: str
    style: str  # r, i, b, bi
    sup: bool = False


@dataclass
class Word:
    pieces: list
    width: float = 0.0

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def markers(self) -> list:
        return [p.text for p in self.pieces if p.sup]


MARKER_RE = re.compile(r"\^(\*{1,3}|\d{1,3}|[a-z](?![a-z]))")


def _italic_of(style: str) -> str:
    return {"r": "i", "b": "bi", "i": "i", "bi": "bi"}[style]


def parse_inline(text: str, base: str = "r", star_markers: bool = False) -> list:
    """Split a paragraph into words; each word is a list of Pieces.

    ``_x y_`` is italic; ``^N``/``^*`` is a superscript marker.  With
    ``star_markers`` a bare ``*`` right after a non-space (as in
    ``Ghana:* draft resolution``) is a marker too.
    """
    text = text.replace("\t", " ")
    toggle_italic = text.count("_") % 2 == 0 and "_" in text
    words: list = []
    cur: list = []
    italic = False

    def add(ch: str, style: str, sup: bool = False):
        if cur and cur[-1].style == style and cur[-1].sup == sup:
            cur[-1].text += ch
        else:
            cur.append(Piece(ch, style, sup))

    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            if cur:
                words.append(Word(cur))
                cur = []
            i += 1
            continue
        if ch == "^":
            m = MARKER_RE.match(text, i)
            if m:
                add(m.group(1), base, True)
                i = m.end()
                continue
        if star_markers and ch == "*" and cur:
            j = i
            while j < n and text[j] == "*":
                j += 1
            add(text[i:j], base, True)
            i = j
            continue
        if ch == "_" and toggle_italic:
            italic = not italic
            i += 1
            continue
        add(ch, _italic_of(base) if italic else base)
        i += 1
    if cur:
        words.append(Word(cur))
    # non-breaking spaces are drawn (and transcribed) as ordinary spaces
    for w in words:
        for p in w.pieces:
            p.text = p.text.replace("\u00a0", " ").replace("\u202f", " ")
    return words


# ---------------------------------------------------------------------------
# Line layout
# ---------------------------------------------------------------------------


@dataclass
class Glyphs:
    """A run of text drawn at (x, baseline offset) with a given font."""

    x: float
    text: str
    style: str
    px: int
    dy: int = 0  # negative = raised (superscript)


@dataclass
class Line:
    runs: list  # list of Glyphs; x absolute
    text: str  # ground-truth text of the line
    label: str  # body, footnote, title, ...
    lead: int  # vertical advance of the line
    refs: list = field(default_factory=list)  # footnote ids cited
    para_start: bool = False  # first line of a paragraph
    gap_before: int = 0  # extra vertical space before (paragraph gap)
    keep_next: bool = False  # heading: keep with the following line
    rule: tuple | None = None  # (x0, x1, thickness) horizontal rule


class Typesetter:
    def __init__(self, family: str):
        self.family = family

    def font(self, style: str, px: int):
        return get_font(self.family, style, px)

    def measure(self, word: Word, px: int) -> float:
        w = 0.0
        for p in word.pieces:
            size = max(8, round(px * SUP_SCALE)) if p.sup else px
            w += self.font(p.style, size).getlength(p.text)
        word.width = w
        return w

    def runs_for(self, word: Word, x: float, px: int) -> list:
        out = []
        for p in word.pieces:
            if p.sup:
                size = max(8, round(px * SUP_SCALE))
                out.append(Glyphs(x, p.text, p.style, size, -round(px * SUP_RAISE)))
            else:
                size = px
                out.append(Glyphs(x, p.text, p.style, size))
            x += self.font(p.style, size).getlength(p.text)
        return out

    def space(self, style: str, px: int) -> float:
        return self.font(style, px).getlength(" ")

    def split_long(self, word: Word, px: int, width: float) -> list:
        """Break a word that is wider than the line, character by character."""
        chunks, cur = [], []
        for p in word.pieces:
            for ch in p.text:
                trial = Word([*cur, Piece(ch, p.style, p.sup)])
                if cur and self.measure(trial, px) > width:
                    chunks.append(Word(cur))
                    cur = [Piece(ch, p.style, p.sup)]
                else:
                    cur = trial.pieces
        if cur:
            chunks.append(Word(cur))
        merged = []
        for c in chunks:  # re-merge consecutive same-style pieces
            ps = []
            for p in c.pieces:
                if ps and ps[-1].style == p.style and ps[-1].sup == p.sup:
                    ps[-1] = Piece(ps[-1].text + p.text, p.style, p.sup)
                else:
                    ps.append(p)
            w = Word(ps)
            self.measure(w, px)
            merged.append(w)
        return merged

    def paragraph(
        self,
        words: list,
        left: float,
        right: float,
        px: int,
        lead: int,
        label: str,
        first_indent: float = 0,
        justify: bool = True,
        numbered: bool = True,
        label_x: float | None = None,
        base_style: str = "r",
    ) -> list:
        """Wrap and place a paragraph; returns a list of Lines."""
        if not words:
            return []
        sp = self.space(base_style, px)
        for w in words:
            self.measure(w, px)
        lines: list = []
        first_x = left + first_indent
        lead_word = None
        if (
            numbered
            and len(words) > 1
            and re.fullmatch(
                r"(\d{1,3}\.|\([a-z]{1,3}\)|\([ivx]{1,6}\)|[IVX]{1,6}\.|[A-Z]\.|\d{1,2}\.\d{1,2}\.?)",
                words[0].text,
            )
        ):
            lead_word = words[0]
            words = words[1:]
            lx = first_x if label_x is None else label_x
            first_x = max(lx + LABEL_TAB if label_x is None else left, lx + lead_word.width + sp)
        # expand words that cannot fit on a line
        expanded = []
        for w in words:
            if w.width > right - left:
                expanded.extend(self.split_long(w, px, right - left))
            else:
                expanded.append(w)
        words = expanded
        # greedy wrapping
        rows, row = [], []
        x0 = first_x
        width = 0.0
        for w in words:
            need = w.width if not row else width + sp + w.width
            if row and x0 + need > right + 0.5:
                rows.append((x0, row))
                row, x0, width = [w], left, w.width
            else:
                row.append(w)
                width = need
        if row:
            rows.append((x0, row))
        for k, (x0, row) in enumerate(rows):
            last = k == len(rows) - 1
            natural = sum(w.width for w in row) + sp * (len(row) - 1)
            gap = sp
            if justify and not last and len(row) > 1:
                gap = sp + (right - x0 - natural) / (len(row) - 1)
            runs = []
            texts = []
            refs = []
            if k == 0 and lead_word is not None:
                lx = (left + first_indent) if label_x is None else label_x
                runs += self.runs_for(lead_word, lx, px)
                texts.append(lead_word.text)
                refs += lead_word.markers
            x = x0
            for w in row:
                runs += self.runs_for(w, x, px)
                texts.append(w.text)
                refs += w.markers
                x += w.width + gap
            lines.append(Line(runs, " ".join(texts), label, lead, refs, para_start=(k == 0)))
        return lines


# ---------------------------------------------------------------------------
# Document layout and pagination
# ---------------------------------------------------------------------------

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "January February March April May June July August September October "
        "November December".split()
    )
}


def date_code(date: str) -> str:
    m = re.search(r"(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})", date or "")
    if not m or m.group(2) not in MONTHS:
        return ""
    return f"{int(m.group(1)):02d}{MONTHS[m.group(2)]:02d}{m.group(3)[2:]}"


def stable_int(*parts) -> int:
    h = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8"))
    return int.from_bytes(h.digest()[:8], "big")


@dataclass
class Page:
    number: int
    top: list = field(default_factory=list)  # (y_top, Line) header/title
    body: list = field(default_factory=list)  # (y_top, Line)
    notes: list = field(default_factory=list)  # footnote ids
    foot: list = field(default_factory=list)  # (y_top, Line) footer
    fn_lines: list = field(default_factory=list)  # (y_top, Line)


@dataclass
class Document:
    name: str
    family: str
    style: dict
    pages: list
    warnings: list


def doc_style(name: str) -> dict:
    h = stable_int("style", name)
    return {
        "family": FAMILIES[h % len(FAMILIES)],
        # "n/N" at the outer edge with alternating headers (UN style), or
        # a centred plain page number with the symbol always on the right
        "pagenum": "outer" if (h >> 8) % 3 != 0 else "centre",
    }


class Layout:
    def __init__(self, src: Source):
        self.src = src
        self.style = doc_style(src.name)
        self.family = self.style["family"]
        self.ts = Typesetter(self.family)
        self.warnings: list = []
        self.body_px = pt(BODY_PT)
        self.fn_px = pt(FN_PT)
        self.fn_cache: dict = {}

    # -- footnotes ---------------------------------------------------------
    def footnote_lines(self, fid: str) -> list:
        if fid not in self.fn_cache:
            text = self.src.footnotes[fid]
            words = parse_inline(text)
            num = Word([Piece(fid, "r", True)])
            self.ts.measure(num, self.fn_px)
            lines = self.ts.paragraph(
                words, BODY_L, FRAME_R, self.fn_px, FN_LEAD, "footnote", numbered=False
            )
            if lines:
                first = lines[0]
                nx = BODY_L - 14 - num.width
                first.runs = self.ts.runs_for(num, nx, self.fn_px) + first.runs
                first.text = f"{fid} {first.text}"
            else:
                lines = [
                    Line(
                        self.ts.runs_for(num, BODY_L - 14 - num.width, self.fn_px),
                        fid,
                        "footnote",
                        FN_LEAD,
                        para_start=True,
                    )
                ]
            self.fn_cache[fid] = lines
        return self.fn_cache[fid]

    def notes_height(self, ids: list) -> int:
        if not ids:
            return 0
        h = FN_RULE_ABOVE + FN_RULE_BELOW
        h += sum(len(self.footnote_lines(f)) * FN_LEAD for f in ids)
        h += FN_GAP * (len(ids) - 1)
        return h

    # -- page 1 heading block ---------------------------------------------
    def first_page_top(self) -> tuple:
        hd = self.src.header
        ts = self.ts
        lines: list = []  # (y_top, Line)
        state = {"group": None}

        def add(y, ln, group):
            ln.para_start = group != state["group"]
            state["group"] = group
            lines.append((y, ln))

        sym = hd.get("symbol", "")
        if sym:
            px = pt(15)
            w = ts.font("b", px).getlength(sym)
            add(150, Line([Glyphs(FRAME_R - w, sym, "b", px)], sym, "header", 80), "symbol")
        y = 245
        small = pt(10)
        right_block = []
        if sym:
            right_block.append("Distr.: Limited" if "/L." in sym else "Distr.: General")
        if hd.get("date"):
            right_block.append(hd["date"])
        right_block.append("Original: English")
        rb_x = FRAME_R - 560
        for t in right_block:
            add(y, Line([Glyphs(rb_x, t, "r", small)], t, "title", 46), "distr")
            y += 46
        y += 20
        rule_y = y
        y += 45
        for key, st in (
            ("session", "b"),
            ("committee", "b"),
            ("agenda", "r"),
            ("agenda_title", "b"),
        ):
            if hd.get(key):
                ws = parse_inline(hd[key], base=st)
                for ln in ts.paragraph(
                    ws,
                    FRAME_L,
                    FRAME_L + 1150,
                    small,
                    46,
                    "title",
                    justify=False,
                    numbered=False,
                    base_style=st,
                ):
                    add(y, ln, "agenda")
                    y += 46
        y += 75
        refs: list = []
        if hd.get("sponsors"):
            ws = parse_inline(hd["sponsors"], star_markers=True)
            for ln in ts.paragraph(
                ws, BODY_L, FRAME_R, self.body_px, BODY_LEAD, "title", justify=False, numbered=False
            ):
                add(y, ln, "sponsors")
                refs += ln.refs
                y += BODY_LEAD
            y += 45
        if hd.get("title"):
            tpx = pt(13)
            ws = parse_inline(hd["title"], base="b")
            for ln in ts.paragraph(
                ws,
                BODY_L,
                FRAME_R - 150,
                tpx,
                62,
                "title",
                justify=False,
                numbered=False,
                base_style="b",
            ):
                add(y, ln, "title")
                refs += ln.refs
                y += 62
            y += 45
        return lines, refs, y, rule_y

    # -- body --------------------------------------------------------------
    def body_lines(self) -> list:
        out = []
        ts = self.ts
        for para in self.src.paragraphs:
            m = re.match(r"^(#{1,4})\s+(.*)$", para)
            if m:
                base = "b" if len(m.group(1)) <= 2 else "bi"
                ws = parse_inline(m.group(2), base=base)
                lines = ts.paragraph(
                    ws,
                    BODY_L,
                    BODY_R - 150,
                    self.body_px,
                    BODY_LEAD,
                    "body",
                    justify=False,
                    label_x=FRAME_L,
                    base_style=base,
                )
                if lines:
                    lines[0].gap_before = HEAD_GAP_BEFORE
                    for ln in lines:
                        ln.keep_next = True
            else:
                ws = parse_inline(para)
                lines = ts.paragraph(
                    ws, BODY_L, BODY_R, self.body_px, BODY_LEAD, "body", first_indent=PARA_INDENT
                )
            if lines:
                lines[0].gap_before += PARA_GAP
            out.extend(lines)
        return out

    def run(self) -> Document:
        src = self.src
        # glyph coverage check
        alltext = " ".join(
            [" ".join(src.header.values()), *src.paragraphs, *src.footnotes.values()]
        )
        for st in ("r", "i", "b"):
            miss = missing_glyphs(self.family, st, alltext)
            if miss:
                self.warnings.append(
                    f"{src.name}: {self.family} ({st}) lacks glyphs {''.join(sorted(miss))!r}"
                )
        top, top_refs, y0, rule_y = self.first_page_top()
        self.rule_y = rule_y
        placed: set = set()
        pages: list = []
        page = Page(1, top=top)
        page.rule_y = rule_y
        for f in top_refs:
            if f in src.footnotes and f not in placed:
                page.notes.append(f)
                placed.add(f)
        y = y0
        lines = self.body_lines()
        hist: list = []  # per body line on this page: (y before, notes)
        i = 0
        while i < len(lines):
            ln = lines[i]
            first_on_page = not page.body
            gap = 0 if first_on_page else ln.gap_before
            new = [f for f in dict.fromkeys(ln.refs) if f in src.footnotes and f not in placed]
            need = gap + ln.lead
            # keep headings with the next line
            j = i
            while lines[j].keep_next and j + 1 < len(lines):
                j += 1
                need += lines[j].lead + (lines[j].gap_before if lines[j].para_start else 0)
                for f in lines[j].refs:
                    if f in src.footnotes and f not in placed and f not in new:
                        new.append(f)
            fn_h = self.notes_height(page.notes + new)
            if y + need + fn_h > BOTTOM and not first_on_page:
                # widow/orphan control: never leave the last line of a
                # paragraph alone at the top of the next page, nor its first
                # line alone at the bottom of this one
                last_of_para = i + 1 == len(lines) or lines[i + 1].para_start
                pops = 0
                if last_of_para and not ln.para_start and len(page.body) > 1 and not ln.keep_next:
                    pops = 1
                n_left = len(page.body) - pops
                if (
                    n_left > 1
                    and page.body[n_left - 1][1].para_start
                    and not lines[i - pops].para_start
                ):
                    pops += 1
                while len(page.body) - pops > 1 and page.body[-pops - 1][1].keep_next:
                    pops += 1  # a heading must not end a page
                for _ in range(pops):
                    page.body.pop()
                    y, intro = hist.pop()
                    for f in intro:
                        page.notes.remove(f)
                        placed.discard(f)
                    i -= 1
                pages.append(page)
                page = Page(len(pages) + 1)
                y = BODY_TOP
                hist = []
                continue
            if y + need + fn_h > BOTTOM:
                self.warnings.append(f"{src.name}: p{page.number}: content overflows the page")
            intro = []
            hist.append((y, intro))
            y += gap
            page.body.append((y, ln))
            y += ln.lead
            for f in ln.refs:
                if f in src.footnotes and f not in placed:
                    page.notes.append(f)
                    placed.add(f)
                    intro.append(f)
                elif f not in src.footnotes:
                    self.warnings.append(f"{src.name}: marker {f!r} has no footnote text")
            i += 1
        pages.append(page)
        unplaced = [f for f in src.footnotes if f not in placed]
        if unplaced:
            self.warnings.append(f"{src.name}: footnotes never cited, put on last page: {unplaced}")
            pages[-1].notes.extend(unplaced)
        total = len(pages)
        for pg in pages:
            self.finish_page(pg, total)
        return Document(src.name, self.family, self.style, pages, self.warnings)

    def finish_page(self, pg: Page, total: int):
        hd = self.src.header
        ts = self.ts
        sym = hd.get("symbol", "")
        even = pg.number % 2 == 0
        outer = self.style["pagenum"] == "outer"
        if pg.number > 1 and sym:
            px = pt(HEAD_PT)
            w = ts.font("b", px).getlength(sym)
            x = FRAME_L if (outer and even) else FRAME_R - w
            ln = Line([Glyphs(x, sym, "b", px)], sym, "header", 50, para_start=True)
            pg.top = [(HEADER_BASE - 40, ln)]
        # footnotes, bottom-aligned
        fl = []
        for f in pg.notes:
            ls = self.footnote_lines(f)
            for k, ln in enumerate(ls):
                ln.para_start = k == 0
                fl.append(ln)
        if fl:
            h = len(fl) * FN_LEAD + FN_GAP * (len(pg.notes) - 1)
            y = BOTTOM - h
            pg.fn_rule_y = y - FN_RULE_BELOW
            for ln in fl:
                if ln.para_start and ln is not fl[0]:
                    y += FN_GAP
                pg.fn_lines.append((y, ln))
                y += FN_LEAD
        # footer
        job = hd.get("job", "")
        fpx = pt(FOOT_PT)
        m = re.match(r"^\s*(\S+)((?:\s+\([A-Z]\))?)(?:\s+(\d{6}))?", job)
        jobno = m.group(1) if m else job
        foot = []
        ytop = FOOTER_BASE - 38
        if pg.number == 1:
            if job:
                first = (m.group(1) + m.group(2)) if m else job
                code = m.group(3) if m and m.group(3) else date_code(hd.get("date", ""))
                runs = [Glyphs(FRAME_L, first, "r", fpx)]
                text = first
                if code:
                    cx = FRAME_L + ts.font("r", fpx).getlength(first) + 90
                    runs.append(Glyphs(cx, code, "r", fpx))
                    text = f"{first} {code}"
                foot.append((ytop, Line(runs, text, "footer", 45, para_start=True)))
        else:
            pn = f"{pg.number}/{total}" if outer else str(pg.number)
            pfont = ts.font("b", fpx)
            pw = pfont.getlength(pn)
            jw = ts.font("r", fpx).getlength(jobno)
            if outer:
                if even:
                    items = [(FRAME_L, pn, "b", "pagenum"), (FRAME_R - jw, jobno, "r", "footer")]
                else:
                    items = [(FRAME_L, jobno, "r", "footer"), (FRAME_R - pw, pn, "b", "pagenum")]
            else:
                items = [(FRAME_L, jobno, "r", "footer"), ((PAGE_W - pw) / 2, pn, "b", "pagenum")]
            for k, (x, t, st, lab) in enumerate(items):
                if not t:
                    continue
                foot.append((ytop, Line([Glyphs(x, t, st, fpx)], t, lab, 45, para_start=(k == 0))))
        pg.foot = foot


def layout_document(src: Source) -> Document:
    return Layout(src).run()


# ---------------------------------------------------------------------------
# Ground truth and rendering
# ---------------------------------------------------------------------------


def page_ground_truth(pg: Page) -> tuple:
    """Return (gt_lines, labels) in reading order with blank separators."""
    out: list = []
    labels: list = []

    def emit(text: str, label: str, new_block: bool):
        if new_block and out:
            out.append("")
            labels.append("blank")
        out.append(text)
        labels.append(label)

    for _y, ln in pg.top:
        emit(ln.text, ln.label, ln.para_start)
    for k, (_y, ln) in enumerate(pg.body):
        emit(ln.text, ln.label, k == 0 or ln.para_start)
    for _y, ln in pg.fn_lines:
        emit(ln.text, ln.label, ln.para_start)
    for k, (_y, ln) in enumerate(pg.foot):
        emit(ln.text, ln.label, k == 0)
    return out, labels


def render_page(doc: Document, pg: Page) -> Image.Image:
    img = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(img)

    def draw_line(y_top: int, ln: Line):
        base = y_top + round(ln.lead * 0.78)
        for r in ln.runs:
            f = get_font(doc.family, r.style, r.px)
            draw.text((r.x, base + r.dy), r.text, font=f, fill=0, anchor="ls")

    for y, ln in pg.top + pg.body + pg.fn_lines + pg.foot:
        draw_line(y, ln)
    if pg.number == 1 and getattr(pg, "rule_y", None):
        draw.rectangle([FRAME_L, pg.rule_y, FRAME_R, pg.rule_y + 5], fill=0)
    if pg.fn_lines:
        ry = pg.fn_rule_y
        draw.rectangle([BODY_L, ry, BODY_L + FN_RULE_LEN, ry + 2], fill=0)
    return img


# ---------------------------------------------------------------------------
# Degradation
# ---------------------------------------------------------------------------

# Parameter ranges per level; each page draws its own values from a RNG
# seeded by (doc, page, level).  Tuned so that Tesseract's CER lands in the
# target band (light ~0.5-1 %, medium ~2-3 %, heavy ~6-8 %).
LEVELS = {
    "light": dict(
        dpi=(170, 190),
        blur=(0.8, 1.0),
        skew=(0.1, 0.3),
        noise=(8, 14),
        threshold=(140, 160),
        speckle=(0.0002, 0.0006),
        ink=0,
        jpeg=(70, 85),
    ),
    "medium": dict(
        dpi=(125, 140),
        blur=(0.9, 1.2),
        skew=(0.2, 0.5),
        noise=(10, 18),
        threshold=(125, 155),
        speckle=(0.001, 0.002),
        ink=0,
        jpeg=(55, 70),
    ),
    "heavy": dict(
        dpi=(102, 116),
        blur=(0.95, 1.3),
        skew=(0.4, 0.8),
        noise=(12, 22),
        threshold=(115, 150),
        speckle=(0.002, 0.0035),
        ink=0,
        jpeg=(40, 55),
    ),
}


def degradation_params(doc: str, page: int, level: str) -> dict:
    spec = LEVELS[level]
    rng = np.random.default_rng(stable_int("degrade", doc, page, level))

    def u(rg, nd=3):
        return round(float(rng.uniform(rg[0], rg[1])), nd)

    p = {
        "seed": stable_int("degrade", doc, page, level) % (2**32),
        "dpi": round(u(spec["dpi"], 1)),
        "blur": u(spec["blur"]),
        "skew": u(spec["skew"]) * (1 if rng.random() < 0.5 else -1),
        "noise": u(spec["noise"], 2),
        "threshold": (round(u(spec["threshold"], 1)) if spec["threshold"] else None),
        "speckle": u(spec["speckle"], 5),
        "ink": spec["ink"],
        "jpeg": round(u(spec["jpeg"], 1)),
    }
    return p


def degrade(img: Image.Image, p: dict) -> Image.Image:
    rng = np.random.default_rng(p["seed"])
    im = img
    if p["skew"]:
        im = im.rotate(p["skew"], resample=Image.BICUBIC, fillcolor=255)
    if p["ink"] > 0:  # ink spread: dark areas grow
        im = im.filter(ImageFilter.MinFilter(3))
    elif p["ink"] < 0:  # erosion: strokes thin
        im = im.filter(ImageFilter.MaxFilter(3))
    if p["blur"] > 0:
        im = im.filter(ImageFilter.GaussianBlur(p["blur"]))
    if p["dpi"] != DPI:
        size = (round(img.width * p["dpi"] / DPI), round(img.height * p["dpi"] / DPI))
        im = im.resize(size, Image.BILINEAR, reducing_gap=2.0)
    a = np.asarray(im, dtype=np.float32)
    if p["noise"] > 0:
        a = a + rng.normal(0.0, p["noise"], a.shape).astype(np.float32)
    if p["threshold"]:
        a = np.where(a < p["threshold"], 0.0, 255.0)
    if p["speckle"] > 0:
        r = rng.random(a.shape, dtype=np.float32)
        a[r < p["speckle"] / 2] = 0.0
        a[(r >= p["speckle"] / 2) & (r < p["speckle"])] = 255.0
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    if p["jpeg"] and p["jpeg"] < 100:
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=p["jpeg"])
        buf.seek(0)
        im = Image.open(buf)
        im.load()
    return im


# ---------------------------------------------------------------------------
# Tesseract
# ---------------------------------------------------------------------------

PSM = "6"  # single uniform block: most stable reading order


def check_tesseract() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        raise SystemExit(
            "make_corpus.py: the 'tesseract' OCR engine is not installed.\n"
            "  Install it with: apt-get update && apt-get install -y "
            "tesseract-ocr tesseract-ocr-eng\n"
            "  (fonts: apt-get install -y fonts-liberation2 fonts-texgyre)"
        )
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    version = (out.stdout or out.stderr).splitlines()[0].strip()
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True)
    if "eng" not in (langs.stdout + langs.stderr).split():
        raise SystemExit(
            "make_corpus.py: Tesseract has no English model; "
            "install with: apt-get install -y tesseract-ocr-eng"
        )
    return version


def run_tesseract(img: Image.Image, dpi: int, tmpdir: str, stem: str, psm: str | None = PSM) -> str:
    """Tesseract's text of ``img``; ``psm`` None leaves Tesseract's default (3)."""
    path = os.path.join(tmpdir, stem + ".png")
    img.save(path, dpi=(dpi, dpi))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    psm_args = [] if psm is None else ["--psm", psm]
    res = subprocess.run(
        ["tesseract", path, "stdout", *psm_args, "--dpi", str(dpi), "-l", "eng"],
        capture_output=True,
        env=env,
    )
    if res.returncode != 0:
        raise RuntimeError(f"tesseract failed on {stem}: {res.stderr.decode('utf-8', 'replace')}")
    text = res.stdout.decode("utf-8", "replace")
    lines = [ln.rstrip() for ln in text.replace("\f", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

_DASHES = {c: "-" for c in [*range(0x2010, 0x2016), 0x2212]}


def normalize(s: str) -> str:
    s = s.translate(_DASHES)
    return re.sub(r"\s+", " ", s).strip()


def cer(ocr: str, gt: str) -> tuple:
    o, g = normalize(ocr), normalize(gt)
    d = Levenshtein.distance(o, g)
    return d, len(g)


# ---------------------------------------------------------------------------
# Worker
# ---------------------------------------------------------------------------

_doc_cache: dict = {}


def _get_doc(path: str) -> Document:
    d = _doc_cache.get(path)
    if d is None:
        _doc_cache.clear()  # one document at a time per worker
        d = layout_document(parse_source(path))
        _doc_cache[path] = d
    return d


def ocr_job(args: tuple) -> dict:
    path, page_no, level, keep_dir = args
    doc = _get_doc(path)
    pg = doc.pages[page_no - 1]
    img = render_page(doc, pg)
    p = degradation_params(doc.name, page_no, level)
    deg = degrade(img, p)
    stem = f"{doc.name}-p{page_no:02d}-{level}"
    with tempfile.TemporaryDirectory(prefix="ocrfix-corpus-") as tmp:
        text = run_tesseract(deg, p["dpi"], tmp, stem)
    if keep_dir:
        deg.save(os.path.join(keep_dir, stem + ".png"), dpi=(p["dpi"],) * 2)
        clean = os.path.join(keep_dir, f"{doc.name}-p{page_no:02d}.png")
        if not os.path.exists(clean):
            img.save(clean, dpi=(DPI, DPI))
    return {"doc": doc.name, "page": page_no, "level": level, "params": p, "ocr": text}


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

OUT_FILE_RE = re.compile(
    r"^(?P<doc>.+)-p(?P<page>\d{2,})(?:\.gt\.txt|\.labels\.json|"
    r"-(?P<level>[a-z]+)\.ocr\.txt)$"
)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default="corpora/source")
    ap.add_argument("--out", default="corpora/pages")
    ap.add_argument("--levels", default=",".join(LEVEL_ORDER))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="process only these source documents (stem or file)",
    )
    ap.add_argument(
        "--keep-images", metavar="DIR", help="also save the clean and degraded page images here"
    )
    args = ap.parse_args(argv)

    levels = [lv.strip() for lv in args.levels.split(",") if lv.strip()]
    bad = [lv for lv in levels if lv not in LEVELS]
    if bad:
        ap.error(f"unknown level(s) {bad}; choose from {LEVEL_ORDER}")
    version = check_tesseract()
    for fam in FAMILIES:
        for st in ("r", "i", "b", "bi"):
            font_path(fam, st)

    if not os.path.isdir(args.sources):
        ap.error(f"no source directory {args.sources}")
    paths = sorted(
        os.path.join(args.sources, f) for f in os.listdir(args.sources) if f.endswith(".txt")
    )
    if args.only:
        wanted = {os.path.splitext(os.path.basename(n))[0] for n in args.only}
        paths = [p for p in paths if os.path.splitext(os.path.basename(p))[0] in wanted]
        found = {os.path.splitext(os.path.basename(p))[0] for p in paths}
        if wanted - found:
            ap.error(f"no source for {sorted(wanted - found)}")
    if not paths:
        ap.error("no source documents found")

    t0 = time.time()
    os.makedirs(args.out, exist_ok=True)
    if args.keep_images:
        os.makedirs(args.keep_images, exist_ok=True)

    docs = {}
    for p in paths:
        try:
            doc = layout_document(parse_source(p))
        except (ValueError, UnicodeDecodeError) as exc:
            print(f"warning: skipping {p}: {exc}", file=sys.stderr)
            continue
        for w in doc.warnings:
            print(f"warning: {w}", file=sys.stderr)
        docs[doc.name] = (p, doc)

    # remove stale outputs of the documents being rebuilt (or of all
    # documents that no longer have a source, on a full run)
    manifest_path = os.path.join(args.out, "manifest.jsonl")
    all_sources = {os.path.splitext(f)[0] for f in os.listdir(args.sources) if f.endswith(".txt")}

    def stale(docname):
        return docname in docs or (not args.only and docname not in all_sources)

    for f in os.listdir(args.out):
        m = OUT_FILE_RE.match(f)
        if m and stale(m.group("doc")):
            os.remove(os.path.join(args.out, f))
    kept = []
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if not stale(rec["doc"]):
                        kept.append(rec)

    gts = {}
    jobs = []
    for name, (p, doc) in docs.items():
        for pg in doc.pages:
            lines, labels = page_ground_truth(pg)
            base = f"{name}-p{pg.number:02d}"
            gt_text = "\n".join(lines) + "\n"
            with open(
                os.path.join(args.out, base + ".gt.txt"), "w", encoding="utf-8", newline="\n"
            ) as fh:
                fh.write(gt_text)
            with open(
                os.path.join(args.out, base + ".labels.json"), "w", encoding="utf-8", newline="\n"
            ) as fh:
                json.dump(labels, fh)
                fh.write("\n")
            gts[(name, pg.number)] = (gt_text, labels)
            for lv in levels:
                jobs.append((p, pg.number, lv, args.keep_images))
    print(
        f"{len(docs)} documents, {len(gts)} pages, {len(jobs)} OCR runs on {args.jobs} worker(s)",
        file=sys.stderr,
    )

    results = []
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            for k, r in enumerate(pool.imap_unordered(ocr_job, jobs), 1):
                results.append(r)
                print(f"\r  {k}/{len(jobs)} pages read", end="", file=sys.stderr, flush=True)
    else:
        for k, j in enumerate(jobs, 1):
            results.append(ocr_job(j))
            print(f"\r  {k}/{len(jobs)} pages read", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    records = []
    for r in results:
        name, page, lv = r["doc"], r["page"], r["level"]
        base = f"{name}-p{page:02d}"
        ocr_name = f"{base}-{lv}.ocr.txt"
        with open(os.path.join(args.out, ocr_name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(r["ocr"])
        gt_text, labels = gts[(name, page)]
        d, n = cer(r["ocr"], gt_text)
        doc = docs[name][1]
        p = dict(r["params"])
        records.append(
            {
                "name": f"{base}-{lv}",
                "doc": name,
                "page": page,
                "pages": len(doc.pages),
                "level": lv,
                "font": doc.family,
                "render_dpi": DPI,
                "dpi": p.pop("dpi"),
                "degradation": p,
                "gt": base + ".gt.txt",
                "labels_file": base + ".labels.json",
                "ocr": ocr_name,
                "gt_chars": n,
                "edits": d,
                "cer": round(d / max(1, n), 5),
                "labels": labels,
                "tesseract": version,
                "psm": int(PSM),
            }
        )
    rank = {lv: i for i, lv in enumerate(LEVEL_ORDER)}
    all_recs = kept + records
    all_recs.sort(key=lambda r: (r["doc"], r["page"], rank.get(r["level"], 9)))
    with open(manifest_path, "w", encoding="utf-8", newline="\n") as fh:
        for rec in all_recs:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")

    dt = time.time() - t0
    print(f"{version}; psm {PSM}; {dt:.0f} s")
    print(f"{'level':8} {'pages':>5} {'mean CER':>9} {'pooled CER':>10} {'min':>7} {'max':>7}")
    for lv in levels:
        rs = [r for r in records if r["level"] == lv]
        if not rs:
            continue
        cs = [r["cer"] for r in rs]
        pooled = sum(r["edits"] for r in rs) / max(1, sum(r["gt_chars"] for r in rs))
        print(
            f"{lv:8} {len(rs):5d} {100 * sum(cs) / len(cs):8.2f}% "
            f"{100 * pooled:9.2f}% {100 * min(cs):6.2f}% "
            f"{100 * max(cs):6.2f}%"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
