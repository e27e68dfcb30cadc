"""The speed benchmark script: its inputs and its report (no timing is asserted)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_script

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "speed.py"


@pytest.fixture(scope="module")
def speed() -> ModuleType:
    return load_script(SCRIPT, "speed_benchmark")


def test_input_is_real_pages_repeated_to_size(speed: ModuleType) -> None:
    texts = [speed.read(p) for p in speed.ocr_files()]
    assert all(
        p.name.endswith(("-light.ocr.txt", "-medium.ocr.txt", "-heavy.ocr.txt"))
        for p in speed.ocr_files()
    )
    total = sum(speed.nbytes(t) for t in texts)
    pages = speed.build_pages(texts, 1.5 * total / speed.MB)
    assert pages[: len(texts)] == texts and pages[len(texts)] == texts[0]
    assert sum(speed.nbytes(p) for p in pages) >= 1.5 * total
    joined = speed.join_pages(["a\n", "b"])
    assert joined == "a\n\nb\n"


@pytest.mark.parametrize(
    "name", ["single_line", "long_token", "footnote_lines", "punctuation_runs"]
)
def test_adversarial_shapes_have_their_size(speed: ModuleType, name: str) -> None:
    build, _, unit, _ = speed.SHAPES[name]
    text = build(4000)
    if unit == "lines":
        assert text.count("\n") == 4000
    else:
        assert len(text) >= 4000
    if name == "single_line":
        assert "\n" not in text
    if name == "long_token":
        assert max(len(t) for t in text.split()) == 4000


def test_child_shape_reports_cpu_times(
    speed: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert speed.main(["--child-shape", "punctuation_runs", "400", "2", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["n"]["size"] == 100 and data["4n"]["size"] == 400
    assert len(data["4n"]["cpu_s"]) == 1  # a budget of 0 s: one run


def test_small_run_writes_table_and_json(
    speed: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "speed.json"
    argv = ["--only", "throughput", "--mb", "0.01", "--repeats", "1", "--json", str(out)]
    assert speed.main(argv) == 0
    table = capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    keys = [c["key"] for c in data["checks"]]
    assert keys == [
        "throughput_pages",
        "throughput_one_text",
        "peak_rss",
        "peak_rss_one_text",
        "linearity",
        "linearity_distinct",
    ]
    for check in data["checks"]:
        assert check["passed"] in (True, False)
        assert check["measure"] in table
    assert "| measure | target | measured | result |" in table
    assert data["results"]["throughput"]["chunks"]["bytes"] >= 10_000


def test_unknown_section_is_an_error(speed: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert speed.main(["--only", "warp"]) == 2
    assert "unknown section" in capsys.readouterr().err


def test_levels_reads_each_kind_once_and_compares_with_symspell(
    speed: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A tiny stand-in for the real-page corpus and the born-digital texts.
    pages = tmp_path / "real"
    pages.mkdir()
    team = sorted(speed.PAGES.glob("a0*-p01-*.ocr.txt"))
    for path in team:
        (pages / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    texts = tmp_path / "text"
    texts.mkdir()
    gt = (speed.REPO / "corpora" / "seed" / "un_draft_migration.gt.txt").read_text("utf-8")
    (texts / "A_RES_79_1.json").write_text(json.dumps({"text": gt}), encoding="utf-8")
    monkeypatch.setattr(speed, "REAL_PAGES", pages)
    monkeypatch.setattr(speed, "UN_TEXTS", texts)
    out = tmp_path / "speed.json"
    argv = ["--only", "levels", "--mb", "0.01", "--repeats", "1", "--json", str(out)]
    assert speed.main(argv) == 0
    capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"))
    levels = data["results"]["levels"]
    assert set(levels) >= {"clean", "light", "medium", "heavy"}
    assert levels["clean"]["texts"] == 1
    assert levels["light"]["texts"] == sum(1 for p in team if p.name.endswith("-light.ocr.txt"))
    keys = {c["key"] for c in data["checks"]}
    assert {"levels_clean", "levels_light", "levels_heavy"} <= keys
    if "symspell_medium" in levels:
        assert "levels_medium_vs_symspell" in keys


def test_levels_without_its_corpora_says_so(
    speed: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(speed, "REAL_PAGES", tmp_path / "none")
    monkeypatch.setattr(speed, "UN_TEXTS", tmp_path / "none")
    out = tmp_path / "speed.json"
    assert speed.main(["--only", "levels", "--repeats", "1", "--json", str(out)]) == 0
    capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "levels" not in data["results"]
    assert any("no per-level throughput" in n for n in data["notes"])
