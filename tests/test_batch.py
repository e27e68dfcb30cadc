"""``ocrfix batch``: a tree cleaned into another, a manifest, a killed run resumed."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from ocrfix import Pipeline
from ocrfix.batch import EDITS_DIR, MANIFEST, run
from ocrfix.io import TEMP_SUFFIX

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "Recalling Commission on Population and Devel opment resolution 2006/2,\n"
FIXED = "Recalling Commission on Population and Development resolution 2006/2,\n"
CLEAN = "The General Assembly,\n\nRecalling its resolution 60/227 of 23 December 2005,\n"


def ocrfix(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocrfix", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=300,
    )


def records(dst: Path) -> list[dict[str, object]]:
    lines = (dst / MANIFEST).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def put(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def test_batch_cleans_a_tree_and_reports_what_it_could_not(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    crlf = codecs.BOM_UTF8 + DIRTY.replace("\n", "\r\n").encode()
    put(src / "a.txt", DIRTY)
    put(src / "sub" / "clean.txt", CLEAN)
    put(src / "sub" / "crlf.txt", crlf)
    put(src / "latin.txt", "Caf\u00e9 Devel opment\n".encode("latin-1"))
    put(src / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    put(src / ".hidden" / "h.txt", DIRTY)
    put(src / "drafts" / "d.txt", DIRTY)
    put(src / "notes.md", DIRTY)
    put(tmp_path / "outside.txt", DIRTY)
    (src / "out.txt").symlink_to(tmp_path / "outside.txt")
    (src / "in.txt").symlink_to(src / "a.txt")
    (tmp_path / "pyproject.toml").write_text('[tool.ocrfix]\nexclude = ["drafts"]\n')
    before = snapshot(src)

    proc = ocrfix("batch", "src", "dst", "--jobs", "2", cwd=tmp_path)

    assert proc.returncode == 1, proc.stderr  # some files were skipped
    assert snapshot(src) == before  # the source tree is never modified
    assert "skipped latin.txt: latin.txt is not UTF-8 text (byte 0xe9" in proc.stderr
    assert "skipped scan.txt: scan.txt is a binary file" in proc.stderr
    assert "skipped out.txt: symbolic link out of the source tree" in proc.stderr
    assert "cleaned 4 of 7 files" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (dst / "a.txt").read_text() == FIXED
    assert (dst / "in.txt").read_text() == FIXED
    assert (dst / "sub" / "clean.txt").read_text() == CLEAN
    assert (dst / "sub" / "crlf.txt").read_bytes() == codecs.BOM_UTF8 + FIXED.replace(
        "\n", "\r\n"
    ).encode()
    for absent in ("latin.txt", "scan.txt", "out.txt", ".hidden", "drafts", "notes.md"):
        assert not (dst / absent).exists(), absent

    by_path = {r["path"]: r for r in records(dst)}
    assert sorted(by_path) == [
        "a.txt",
        "in.txt",
        "latin.txt",
        "out.txt",
        "scan.txt",
        "sub/clean.txt",
        "sub/crlf.txt",
    ]
    assert {p: r["status"] for p, r in by_path.items()} == {
        "a.txt": "ok",
        "in.txt": "ok",
        "latin.txt": "skipped",
        "out.txt": "skipped",
        "scan.txt": "skipped",
        "sub/clean.txt": "ok",
        "sub/crlf.txt": "ok",
    }
    a = by_path["a.txt"]
    assert a["edits"] == 1 and a["error"] is None
    assert a["input_sha256"] == hashlib.sha256(DIRTY.encode()).hexdigest()
    assert a["output_sha256"] == hashlib.sha256(FIXED.encode()).hexdigest()
    assert by_path["sub/clean.txt"]["edits"] == 0
    log = [json.loads(x) for x in (dst / EDITS_DIR / "a.txt.jsonl").read_text().splitlines()]
    assert [(e["line"], e["column"], e["before"], e["after"], e["fixer"]) for e in log] == [
        (1, 40, "Devel opment", "Development", "split_words")
    ]
    assert not (dst / EDITS_DIR / "sub" / "clean.txt.jsonl").exists()

    again = ocrfix("batch", "src", "dst", cwd=tmp_path)
    assert again.returncode == 2 and "--resume" in again.stderr

    decoded = ocrfix("batch", "src", "dst2", "--encoding", "latin-1", "-q", cwd=tmp_path)
    assert decoded.stderr.count("\n") == 2  # only the binary file and the outside link
    latin = tmp_path / "dst2" / "latin.txt"
    assert latin.read_text(encoding="utf-8") == "Café Development\n"  # outputs are UTF-8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["src", "src/out"], "DST src/out is inside SRC src"),
        (["src", "."], "SRC src is inside DST ."),
        (["missing", "out"], "no such folder: missing"),
        (["src/a.txt", "out"], "SRC must be a folder"),
        (["src", "out", "--jobs", "0"], "--jobs must be at least 1"),
        (["src", "out", "--resume", "--restart"], "contradict"),
        (["src", "out", "--encoding", "klingon"], "unknown encoding 'klingon'"),
    ],
)
def test_batch_usage_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    put(tmp_path / "src" / "a.txt", DIRTY)
    proc = ocrfix("batch", *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("ocrfix: error: ") and proc.stderr.count("\n") == 1
    assert message in proc.stderr
    assert not (tmp_path / "out").exists()


def test_resume_redoes_what_changed_or_vanished(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    for name in ("a", "b", "c"):
        put(src / f"{name}.txt", DIRTY)
    assert run(src, dst, jobs=1).ok == 3
    put(src / "b.txt", CLEAN)  # an input that changed since
    (dst / "c.txt").unlink()  # an output that vanished
    put(dst / f".a.txt.x1{TEMP_SUFFIX}", "half")  # a temporary file of a killed write
    summary = run(src, dst, jobs=1, resume=True)
    assert (summary.total, summary.resumed, summary.ok) == (3, 1, 3)
    assert [r["path"] for r in records(dst)] == ["a.txt", "b.txt", "c.txt", "b.txt", "c.txt"]
    assert (dst / "b.txt").read_text() == CLEAN
    assert (dst / "c.txt").read_text() == FIXED
    assert not list(dst.rglob(f"*{TEMP_SUFFIX}"))
    summary = run(src, dst, jobs=1, resume=True, mode="reading")  # other settings: redo all
    assert summary.resumed == 0


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.slow
def test_a_killed_batch_resumes_with_every_file_done_once(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    texts = [DIRTY, CLEAN, DIRTY.replace("\n", "\r\n"), DIRTY * 3 + CLEAN]
    names = [f"part{i % 4}/doc{i:03d}.txt" for i in range(200)]
    for i, name in enumerate(names):
        put(src / name, texts[i % len(texts)])
    command = [sys.executable, "-m", "ocrfix", "batch", "src", "dst", "--jobs", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OCRFIX_TEST_SLOW_MS": "40"}
    proc = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes its workers too
    )
    try:
        deadline = time.monotonic() + 120
        while _lines(dst / MANIFEST) < 40:
            assert proc.poll() is None, "the batch ended before it could be interrupted"
            assert time.monotonic() < deadline, "the batch made no progress"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    done_before = _lines(dst / MANIFEST)
    assert 40 <= done_before < 200

    resumed = ocrfix("batch", "src", "dst", "--jobs", "2", "--resume", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert "cleaned 200 of 200 files" in resumed.stderr

    counts = Counter(r["path"] for r in records(dst))
    assert sorted(counts) == sorted(names)
    assert set(counts.values()) == {1}  # every file exactly once
    assert {r["status"] for r in records(dst)} == {"ok"}
    assert not list(dst.rglob(f"*{TEMP_SUFFIX}"))  # no half-written output left
    pipeline = Pipeline()
    expected: dict[str, bytes] = {}
    for name in names:
        text = (src / name).read_bytes()
        if text not in expected:
            decoded = text.decode().replace("\r\n", "\n")
            fixed = pipeline.fix(decoded)
            expected[text] = (fixed.replace("\n", "\r\n") if b"\r\n" in text else fixed).encode()
        assert (dst / name).read_bytes() == expected[text], name
