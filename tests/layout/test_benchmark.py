"""The layout benchmark script on a corpus of two pages written here."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "layout.py"

GT = [
    ("A/C.2/61/L.12", "header"),
    ("", "blank"),
    ("Recalling its resolutions 49/127 of 19 December 1994, 50/123 of 20 December", "body"),
    ("1995 on international migration and development,1", "body"),
    ("", "blank"),
    ("1 See Official Records of the Economic and Social Council, 2006.", "footnote"),
    ("", "blank"),
    ("2/3", "pagenum"),
    ("06-58187", "footer"),
]
OCR = (
    "A/C.2/61/L .12\n\n"
    "Recalling its resolutions 49/127 of 19 December 1994, 50/123 of 20 December\n"
    "1995 on international migration and development,’\n\n"
    "’ See Official Records of the Economic and Social Council, 2006.\n\n"
    "2/3 06-58187\n"
)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script(SCRIPT, "layout_benchmark")


def write_corpus(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    records = []
    for page in (1, 2):
        base = f"doc-p{page:02d}"
        (folder / f"{base}.gt.txt").write_text("\n".join(t for t, _ in GT) + "\n", encoding="utf-8")
        (folder / f"{base}.labels.json").write_text(
            json.dumps([lab for _, lab in GT]), encoding="utf-8"
        )
        (folder / f"{base}-light.ocr.txt").write_text(OCR, encoding="utf-8")
        records.append(
            {
                "doc": "doc",
                "page": page,
                "level": "light",
                "gt": f"{base}.gt.txt",
                "labels_file": f"{base}.labels.json",
                "ocr": f"{base}-light.ocr.txt",
            }
        )
    (folder / "manifest.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )


def test_missing_corpus_says_so_and_exits_2(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--corpus", str(tmp_path / "none")]) == 2
    assert len(capsys.readouterr().out.strip().splitlines()) == 1


def test_scores_a_corpus(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_corpus(tmp_path / "pages")
    assert bench.main(["--corpus", str(tmp_path / "pages"), "--levels", "light"]) == 0
    out = capsys.readouterr().out
    rows = {line.split("|")[1].strip(): line for line in out.splitlines() if line.startswith("| ")}
    assert set(rows) >= {"GT, page", "OCR light, page", "GT, doc+ff", "OCR light, doc-ff"}
    cells = [c.strip() for c in rows["OCR light, page"].split("|")[2:-1]]
    assert cells[:5] == ["2", "1.000", "1.000", "1.000", "1.000"]


def test_the_merged_footer_aligns_to_both_lines(bench: ModuleType) -> None:
    ocr = OCR.rstrip("\n").split("\n")
    gt = [t for t, _ in GT]
    matches = bench.align(ocr, gt)
    assert matches[0] == [0] and matches[-1] == [7, 8]


def test_reading_truth_puts_notes_last(bench: ModuleType) -> None:
    truth = bench.reading_truth([t for t, _ in GT], [lab for _, lab in GT])
    assert truth.startswith("Recalling its resolutions")
    assert truth.endswith(
        "development,1 1 See Official Records of the Economic and Social Council, 2006."
    )
