"""The real-page corpus builder's ground truth against the PDFs' own text.

Run where ``../shared/un-documents`` is present (CI has it) and PyMuPDF is installed; skipped
otherwise. Independent references: the born-digital text of each resolution
(``text/NAME.json``, extracted by others from the same PDFs) and the spans' geometry (a
superscript is a small span raised above its line), not the flag the builder reads.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest
from conftest import BENCHMARKS

DOCUMENTS = BENCHMARKS.parent.parent / "shared" / "un-documents"
if not (DOCUMENTS / "pdf").is_dir():
    pytest.skip("../shared/un-documents is absent", allow_module_level=True)
pymupdf = pytest.importorskip("pymupdf")

from benchmarks import make_real_corpus, real_pages  # noqa: E402

#: A few resolutions of both sessions, short and long, with footnotes.
DOCS = ["A_RES_79_12", "A_RES_79_184", "A_RES_78_13", "A_RES_78_280"]


def _pages(name: str) -> list[Any]:
    return list(pymupdf.open(DOCUMENTS / "pdf" / f"{name}.pdf"))


def _gt(name: str) -> list[list[Any]]:
    return [real_pages.page_blocks(page, k) for k, page in enumerate(_pages(name), 1)]


def _text_layer(name: str) -> str:
    """The born-digital text without what a reader does not see as text."""
    text = json.loads((DOCUMENTS / "text" / f"{name}.json").read_text(encoding="utf-8"))["text"]
    text = re.sub(r"\*\d+\*", "", text)  # the barcode's glyphs
    return re.sub(r"_{4,}", "", text)  # the footnote rule


def _dense(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("name", DOCS)
def test_ground_truth_holds_every_character_of_the_text_layer(name: str) -> None:
    gt = "".join(real_pages.blocks_text(blocks) for blocks in _gt(name))
    assert Counter(_dense(gt)) == Counter(_dense(_text_layer(name)))


@pytest.mark.parametrize("name", DOCS)
def test_body_and_footnotes_keep_the_text_layers_order(name: str) -> None:
    layer = _dense(_text_layer(name))
    for k, blocks in enumerate(_gt(name), 1):
        kept = "".join(
            _dense(line)
            for b in blocks
            for line, label in zip(b.lines, b.labels)
            if label in ("body", "footnote")
        )
        assert kept, f"page {k} has no body"
        assert kept in layer, f"page {k}: body and footnotes out of the text layer's order"


def _raised_small_spans(page: Any) -> list[tuple[str, str]]:
    """(character before, digits) of each small span set above its line's baseline."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            size = max(s["size"] for s in spans)
            baseline = max(s["origin"][1] for s in spans)
            before = ""
            for s in spans:
                t = s["text"].strip()
                small, raised = s["size"] < 0.8 * size, s["origin"][1] < baseline - 1
                if small and raised and t.isdigit() and before:
                    found.append((before[-1], t))
                before += t
    return found


@pytest.mark.parametrize("name", DOCS)
def test_superscript_markers_are_glued_to_the_previous_character(name: str) -> None:
    markers = 0
    for page, blocks in zip(_pages(name), _gt(name)):
        text = real_pages.blocks_text(blocks)
        for before, digits in _raised_small_spans(page):
            markers += 1
            assert before + digits in text, (name, before, digits)
    assert markers > 0


def test_a_real_page_reads_as_its_reader_sees_it() -> None:
    blocks = _gt("A_RES_79_12")[0]
    text = real_pages.blocks_text(blocks)
    # markers after a comma, a closing quote and a comma after a quote
    for marked in ("Arab States,1 which", "Agenda for Peace”,2 particularly", "Future,5"):
        assert marked in text
    assert "*2421670*" not in text and "____" not in text
    notes = [b for b in blocks if b.labels[0] == "footnote"]
    assert [b.lines[0].split()[0] for b in notes] == ["1", "2", "3", "4", "5"]
    labels = real_pages.blocks_labels(blocks)
    assert len(labels) == len(text.rstrip("\n").split("\n"))
    assert labels[0] == "title" and "footer" in labels


def test_order_like_follows_the_ocr_for_furniture_only() -> None:
    blocks = _gt("A_RES_79_12")[1]  # page 2: running head, body, footnote, footer
    assert [b.labels[0] for b in blocks[:3]] == ["header"] * 3
    assert blocks[-1].labels == ["pagenum", "footer"]
    head = [b.text for b in blocks[:3]]
    body = [b.text for b in blocks[3:-1]]
    pagenum, job = blocks[-1].lines
    # an OCR text that read the left column of the head first (a line as short as the page
    # number, 2/3, is too short to place: it stays after the line before it)
    ocr = "\n\n".join([head[1], head[0], head[2], *body, pagenum, job]) + "\n"
    ordered, moved = real_pages.order_like(blocks, ocr)
    assert moved > 0
    assert real_pages.blocks_text(ordered) == ocr
    # read in the text layer's own order, nothing moves
    same, none_moved = real_pages.order_like(blocks, real_pages.blocks_text(blocks))
    assert none_moved == 0
    assert real_pages.blocks_text(same).split() == real_pages.blocks_text(blocks).split()


def test_split_of_the_corpus_follows_the_session() -> None:
    assert make_real_corpus.split_of("A_RES_78_13") == "train"
    assert make_real_corpus.split_of("A_RES_79_12") == "dev"
    assert make_real_corpus.split_of("A_C_2_79_L_3") is None
    jobs = make_real_corpus.select_pages(DOCUMENTS / "pdf", ["dev"], 5, 2, ["light"])
    assert len(jobs) == 5 and all(j.doc.startswith("A_RES_79_") for j in jobs)
    assert sum(len(j.psms) > 1 for j in jobs) == 2
    again = make_real_corpus.select_pages(DOCUMENTS / "pdf", ["dev"], 5, 2, ["light"])
    assert jobs == again
