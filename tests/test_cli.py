"""The command line, run as a user runs it: a subprocess, its exit status, its output."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Artefacts that need no fuzzy index (fast to fix in a fresh process): split words, a space
# before punctuation, a space inside a document symbol.
DIRTY = (
    "Recalling Commission on Population and Devel opment resolution 2006/2,\n"
    "migration and devel opment” ;8\n"
    "A/C.2/61/L .12\n"
)
FIXED = (
    "Recalling Commission on Population and Development resolution 2006/2,\n"
    "migration and development”;8\n"
    "A/C.2/61/L.12\n"
)
CLEAN = "The General Assembly,\n\nRecalling its resolution 60/227 of 23 December 2005,\n"


def ocrfix(
    *args: str, cwd: Path, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m ocrfix ARGS`` in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "ocrfix", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )


def one_error_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    """The single ``ocrfix: error:`` line of a failed run (and no traceback)."""
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("ocrfix: error: "), err
    return err


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_version_and_python_dash_m(work: Path) -> None:
    from ocrfix import __version__

    proc = ocrfix("--version", cwd=work)
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"ocrfix {__version__}"
    proc = subprocess.run(
        [sys.executable, "-m", "ocrfix.cli", "--version"],
        cwd=work,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout.decode().strip() == f"ocrfix {__version__}"


def test_check_exit_codes(work: Path) -> None:
    clean = ocrfix("check", "clean.txt", cwd=work)
    assert (clean.returncode, clean.stdout) == (0, b"")
    dirty = ocrfix("check", "dirty.txt", "clean.txt", cwd=work)
    assert dirty.returncode == 1
    diff = dirty.stdout.decode()
    assert diff.startswith("--- a/dirty.txt\n+++ b/dirty.txt\n")
    assert "\n-migration and devel opment” ;8\n" in diff
    assert "\n+migration and development”;8\n" in diff
    assert "1 file would be fixed" in dirty.stderr.decode()
    assert (work / "dirty.txt").read_text() == DIRTY  # check changes nothing
    assert "no such file or folder: missing.txt" in one_error_line(
        ocrfix("check", "missing.txt", cwd=work)
    )
    assert "invalid choice: 'xml'" in one_error_line(
        ocrfix("check", "--format", "xml", "dirty.txt", cwd=work)
    )
    assert "--mode structured" in one_error_line(
        ocrfix("check", "--mode", "structured", "dirty.txt", cwd=work)
    )
    one_error_line(ocrfix("check", cwd=work))
    one_error_line(ocrfix("frobnicate", cwd=work))


def test_check_json_lists_every_edit(work: Path) -> None:
    proc = ocrfix("check", "--format", "json", "dirty.txt", "clean.txt", cwd=work)
    assert proc.returncode == 1
    edits = json.loads(proc.stdout)
    assert {e["path"] for e in edits} == {"dirty.txt"}
    first = edits[0]
    assert set(first) >= {"path", "line", "column", "before", "after", "fixer", "reason"}
    assert (first["line"], first["column"], first["before"], first["after"]) == (
        1,
        40,
        "Devel opment",
        "Development",
    )
    assert first["fixer"] == "split_words" and 0 < first["confidence"] <= 1
    assert json.loads(ocrfix("check", "--format", "json", "clean.txt", cwd=work).stdout) == []


def test_fix_prints_one_file_or_stdin(work: Path) -> None:
    proc = ocrfix("fix", "dirty.txt", cwd=work)
    assert (proc.returncode, proc.stdout.decode()) == (0, FIXED)
    proc = ocrfix("fix", "-", cwd=work, stdin=DIRTY.encode())
    assert (proc.returncode, proc.stdout.decode()) == (0, FIXED)
    assert "-w/--write" in one_error_line(ocrfix("fix", "dirty.txt", "clean.txt", cwd=work))
    assert "stdin" in one_error_line(ocrfix("fix", "-w", "-", cwd=work))


def test_fix_write_keeps_crlf_bom_final_newline_and_permissions(work: Path) -> None:
    bom = b"\xef\xbb\xbf"
    crlf = work / "crlf.txt"
    crlf.write_bytes(bom + DIRTY.rstrip("\n").replace("\n", "\r\n").encode())
    crlf.chmod(0o640)
    lf = work / "lf.txt"
    lf.write_bytes(DIRTY.encode())
    printed = ocrfix("fix", "crlf.txt", cwd=work)
    assert printed.stdout == FIXED.rstrip("\n").replace("\n", "\r\n").encode()
    proc = ocrfix("fix", "-w", "crlf.txt", "lf.txt", "clean.txt", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert crlf.read_bytes() == bom + FIXED.rstrip("\n").replace("\n", "\r\n").encode()
    assert stat.S_IMODE(crlf.stat().st_mode) == 0o640
    assert lf.read_bytes() == FIXED.encode()
    assert (work / "clean.txt").read_text() == CLEAN
    assert "fixed crlf.txt (4 edits)" in proc.stderr.decode()
    assert not list(work.glob(".*"))  # no temporary file left behind
    assert ocrfix("check", "crlf.txt", "lf.txt", cwd=work).returncode == 0


def test_not_utf8_is_a_clear_error_unless_an_encoding_is_given(work: Path) -> None:
    latin = work / "latin.txt"
    latin.write_bytes("Caf\u00e9 and Devel opment\n".encode("latin-1"))
    err = one_error_line(ocrfix("check", "latin.txt", cwd=work))
    assert "latin.txt is not UTF-8 text (byte 0xe9 at offset 3); pass --encoding" in err
    binary = work / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "binary" in one_error_line(ocrfix("check", "scan.txt", cwd=work))
    proc = ocrfix("fix", "-w", "--encoding", "latin-1", "latin.txt", cwd=work)
    assert proc.returncode == 0
    assert latin.read_bytes() == "Caf\u00e9 and Development\n".encode("latin-1")
    assert "unknown encoding" in one_error_line(
        ocrfix("check", "--encoding", "klingon", "latin.txt", cwd=work)
    )


def test_folders_recurse_into_text_files_and_honour_excludes(work: Path) -> None:
    (work / "pyproject.toml").write_text('[tool.ocrfix]\nexclude = ["drafts"]\n')
    for rel in ("docs/a.txt", "docs/drafts/b.txt", "docs/c.md", "docs/.git/d.txt"):
        (work / rel).parent.mkdir(parents=True, exist_ok=True)
        (work / rel).write_text(DIRTY)
    proc = ocrfix("check", "docs", cwd=work)
    assert proc.returncode == 1
    headers = [line for line in proc.stdout.decode().splitlines() if line.startswith("+++")]
    assert headers == ["+++ b/docs/a.txt"]
    assert ocrfix("fix", "-w", "docs", cwd=work).returncode == 0
    assert (work / "docs/a.txt").read_text() == FIXED
    assert (work / "docs/drafts/b.txt").read_text() == DIRTY
    assert ocrfix("check", "docs", cwd=work).returncode == 0


def test_ignore_marker_and_config_are_honoured(work: Path) -> None:
    (work / "marked.txt").write_text("Devel opment  ocrfix: ignore\n")
    assert ocrfix("check", "marked.txt", cwd=work).returncode == 0
    config = work / "cfg.toml"
    config.write_text('fixers = ["unicode"]\n')
    assert ocrfix("check", "--config", "cfg.toml", "dirty.txt", cwd=work).returncode == 0


def test_explain_lists_edits_and_writes_a_safe_self_contained_page(work: Path) -> None:
    (work / "page.txt").write_text('<script>alert("x")</script> Devel opment & more\n')
    proc = ocrfix("explain", "dirty.txt", cwd=work)
    assert proc.returncode == 0
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith("dirty.txt:1:40: 'Devel opment' -> 'Development'  [split_words ")
    assert len(lines) == 4  # two split words, a stray space, a symbol
    proc = ocrfix("explain", "page.txt", "--html", "review.html", cwd=work)
    assert proc.returncode == 0, proc.stderr
    page = (work / "review.html").read_text(encoding="utf-8")
    assert "<script" not in page  # the text's markup is escaped, and the page has no script
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<del>Devel opment</del><ins>Development</ins>" in page
    assert 'data-tip="split_words' in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert "explain takes one file" in one_error_line(ocrfix("explain", ".", cwd=work))


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="chromium is not installed")
def test_review_page_renders_in_a_headless_browser(work: Path, seed_ocr: str) -> None:
    (work / "seed.txt").write_text(seed_ocr, encoding="utf-8")
    assert ocrfix("explain", "seed.txt", "--html", "review.html", cwd=work).returncode == 0
    png = work / "review.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={work / 'profile'}",
            f"--screenshot={png}",
            "--window-size=1200,900",
            (work / "review.html").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a page, not a blank screen


def test_start_up_imports_nothing_heavy(work: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ocrfix", "check", "clean.txt"],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert proc.returncode == 0
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()}
    assert not imported & {"tqdm", "dask", "distributed", "click", "multiprocessing.pool"}


def test_review_page_keeps_the_original_lines_when_an_edit_spans_a_line_break() -> None:
    from ocrfix import Edit
    from ocrfix.report import render

    original = "the Devel-\nopment of <States>\nend\n"
    edit = Edit(4, 17, "Devel-\nopment", "Development", "split_words", "joined", 0.5)
    page = render(original, [edit], title="a & b.txt")
    assert page.count(' id="L') == 3  # the original's three lines, numbered
    assert '<del>Devel-<span class="ws">↵</span></del>' in page
    assert page.count("<ins>Development</ins>") == 2  # in the text and in the table
    assert "&lt;States&gt;" in page and "a &amp; b.txt" in page
    assert 'class="e low"' in page  # below the confidence threshold
