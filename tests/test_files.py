"""Messy files for ``fix``, ``check`` and ``batch``: other encodings, bad bytes, empty files,
read-only files and folders, links, files that change or vanish during a run, a full disk,
an interrupted run. Each problem is one clear line naming its file; a source is changed only
by ``fix -w``, whole or not at all; the other files are still done; a batch resumes.

(tests/test_cli.py and tests/test_batch.py cover CRLF, the UTF-8 BOM, permissions, Latin-1,
binary files, excluded folders, a link out of a batch tree and a killed batch.)
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import ocrfix
from ocrfix import Pipeline
from ocrfix.batch import MANIFEST, run
from ocrfix.cli import main
from ocrfix.io import TEMP_SUFFIX

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "Recalling Commission on Population and Devel opment resolution 2006/2,\n"
FIXED = "Recalling Commission on Population and Development resolution 2006/2,\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

Run = Callable[..., tuple[int, bytes, str]]


@pytest.fixture
def cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> Run:
    """``ocrfix ARGS`` in-process, in ``tmp_path``: (status, stdout bytes, stderr text)."""
    monkeypatch.chdir(tmp_path)

    def call(*args: str) -> tuple[int, bytes, str]:
        capsysbinary.readouterr()
        status = main(list(args))
        out, err = capsysbinary.readouterr()
        text = err.decode()
        assert "Traceback" not in text
        return status, out, text

    return call


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("ocrfix: error")]


def no_temp_files(folder: Path) -> bool:
    return not list(folder.rglob(f"*{TEMP_SUFFIX}"))


def put(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_a_file_with_a_bom_keeps_its_encoding_bom_and_line_endings(
    tmp_path: Path, cli: Run, bom: bytes, codec: str
) -> None:
    path = put(tmp_path / "doc.txt", bom + DIRTY.replace("\n", "\r\n").encode(codec))
    status, out, _ = cli("fix", "doc.txt")
    assert (status, out) == (0, FIXED.replace("\n", "\r\n").encode())  # printed as UTF-8
    assert cli("fix", "-w", "doc.txt")[0] == 0
    assert path.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(codec)


def test_utf16_without_a_bom_needs_its_encoding_named(tmp_path: Path, cli: Run) -> None:
    path = put(tmp_path / "doc.txt", DIRTY.encode("utf-16-le"))
    status, _, err = cli("check", "doc.txt")
    assert status == 2 and "doc.txt is a binary file (it holds NUL bytes)" in err
    status, out, _ = cli("check", "--format", "json", "--encoding", "utf-16-le", "doc.txt")
    assert status == 1 and json.loads(out)[0]["after"] == "Development"
    assert cli("fix", "-w", "--encoding", "utf-16-le", "doc.txt")[0] == 0
    assert path.read_bytes() == FIXED.encode("utf-16-le")  # no BOM added
    put(tmp_path / "nul.txt", "text\x00more\n".encode("utf-16-le"))
    status, _, err = cli("check", "--encoding", "utf-16-le", "nul.txt")
    assert status == 2 and "nul.txt is a binary file (it holds NUL characters)" in err


BAD_UTF8 = [
    b"Devel opment \xff here\n",  # a byte UTF-8 never uses
    b"Devel opment \xc0\xaf\n",  # an overlong encoding of '/'
    b"Devel opment \xed\xa0\x80\n",  # an encoded surrogate
    b"Devel opment \xe2\x82",  # cut off in the middle of a character
]


def test_bad_utf8_is_one_line_per_file_and_the_other_files_are_done(
    tmp_path: Path, cli: Run
) -> None:
    bad = [put(tmp_path / f"bad{i}.txt", data) for i, data in enumerate(BAD_UTF8)]
    good = [put(tmp_path / f"good{i}.txt", DIRTY) for i in range(2)]
    names = [p.name for p in (good[0], *bad, good[1])]
    status, _, err = cli("fix", "-w", *names)
    assert status == 2
    errors = error_lines(err)
    assert len(errors) == len(bad)
    for path, line in zip(bad, errors):
        assert f"{path.name} is not UTF-8 text (byte 0x" in line and "--encoding" in line
    assert [p.read_bytes() for p in bad] == BAD_UTF8  # untouched
    assert [p.read_text() for p in good] == [FIXED, FIXED]
    status, _, err = cli("check", *names)
    assert status == 2 and len(error_lines(err)) == len(bad)


def test_mixed_line_endings(tmp_path: Path, cli: Run) -> None:
    mixed = b"Devel opment\r\nsecond line\nthird line\r\n"
    path = put(tmp_path / "mixed.txt", mixed)
    status, out, _ = cli("check", "mixed.txt")
    assert status == 1 and out.count(b"\n-") == 1  # only the damaged line differs
    untouched = put(tmp_path / "clean.txt", b"clean line\r\nsecond line\nthird\rline\r\n")
    assert cli("fix", "-w", "mixed.txt", "clean.txt")[0] == 0
    # A rewritten file takes its most common line ending; a file with nothing to fix is not
    # rewritten at all.
    assert path.read_bytes() == b"Development\r\nsecond line\r\nthird line\r\n"
    assert untouched.read_bytes() == b"clean line\r\nsecond line\nthird\rline\r\n"


EMPTY = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\n", b"\r\n", b" \t \n\n", b"\x0c"]


def test_empty_and_blank_files(tmp_path: Path, cli: Run) -> None:
    paths = [put(tmp_path / "src" / f"e{i}.txt", data) for i, data in enumerate(EMPTY)]
    stamps = [p.stat().st_mtime_ns for p in paths]
    for path in paths:
        status, out, _ = cli("fix", str(path.relative_to(tmp_path)))
        assert status == 0
        assert out == path.read_bytes().removeprefix(codecs.BOM_UTF8).removeprefix(
            codecs.BOM_UTF16_LE
        )
    assert cli("fix", "-w", "src")[0] == 0
    assert cli("check", "src") == (0, b"", "")
    assert [p.stat().st_mtime_ns for p in paths] == stamps  # not even rewritten
    summary = run(tmp_path / "src", tmp_path / "dst", jobs=1)
    assert (summary.ok, summary.changed, summary.errors, summary.skipped) == (len(EMPTY), 0, 0, 0)
    for i, data in enumerate(EMPTY):
        expected = data if data != codecs.BOM_UTF16_LE else codecs.BOM_UTF8  # outputs: UTF-8
        assert (tmp_path / "dst" / f"e{i}.txt").read_bytes() == expected


def test_a_read_only_file_is_not_rewritten(tmp_path: Path, cli: Run) -> None:
    locked = put(tmp_path / "locked.txt", DIRTY)
    locked.chmod(0o444)
    other = put(tmp_path / "other.txt", DIRTY)
    status, _, err = cli("fix", "-w", "locked.txt", "other.txt")
    assert status == 2
    assert error_lines(err) == [
        "ocrfix: error: cannot write locked.txt: the file is read-only (not written)"
    ]
    assert locked.read_text() == DIRTY and (locked.stat().st_mode & 0o777) == 0o444
    assert other.read_text() == FIXED
    assert cli("check", "locked.txt")[0] == 1  # reading it is fine
    assert no_temp_files(tmp_path)


@pytest.mark.skipif(IS_ROOT, reason="root writes into read-only folders")
def test_a_read_only_folder(tmp_path: Path, cli: Run) -> None:
    folder = tmp_path / "ro"
    path = put(folder / "doc.txt", DIRTY)
    folder.chmod(0o555)
    try:
        status, _, err = cli("fix", "-w", "ro")
        assert status == 2 and error_lines(err) == [
            "ocrfix: error: cannot write ro/doc.txt: Permission denied"
        ]
        assert path.read_text() == DIRTY
        summary = run(folder, tmp_path / "dst", jobs=1)  # a read-only source is fine
        assert summary.ok == 1
        (tmp_path / "dst" / "doc.txt").unlink()
        (tmp_path / "dst").chmod(0o555)
        summary = run(folder, tmp_path / "dst", jobs=1, resume=True)
        assert summary.errors == 1 and "Permission denied" in summary.problems[0]
    finally:
        folder.chmod(0o755)
        if (tmp_path / "dst").exists():
            (tmp_path / "dst").chmod(0o755)
    assert no_temp_files(tmp_path)


def test_links_are_not_followed_out_of_a_folder(tmp_path: Path, cli: Run) -> None:
    outside = put(tmp_path / "outside.txt", DIRTY)
    put(tmp_path / "elsewhere" / "deep.txt", DIRTY)
    tree = tmp_path / "tree"
    inside = put(tree / "in.txt", DIRTY)
    (tree / "out.txt").symlink_to(outside)
    (tree / "alias.txt").symlink_to("in.txt")  # a link inside the tree is followed
    (tree / "folder").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tree / "loop.txt").symlink_to("loop.txt")
    (tree / "dangling.txt").symlink_to("missing.txt")
    status, _, err = cli("fix", "-w", "tree")
    assert status == 2
    assert sorted(error_lines(err)) == [
        "ocrfix: error: cannot read tree/dangling.txt: No such file or directory",
        "ocrfix: error: cannot read tree/loop.txt: Too many levels of symbolic links",
        "ocrfix: error: tree/out.txt: symbolic link out of tree: not followed",
    ]
    assert inside.read_text() == FIXED and (tree / "alias.txt").is_symlink()
    assert outside.read_text() == DIRTY
    assert (tmp_path / "elsewhere" / "deep.txt").read_text() == DIRTY
    status, out, err = cli("check", "tree")
    assert status == 2 and len(error_lines(err)) == 3 and out == b""
    # A file named on the command line is the user's choice: a link to it is followed.
    assert cli("fix", "-w", "tree/out.txt")[0] == 0
    assert outside.read_text() == FIXED and (tree / "out.txt").is_symlink()

    summary = run(tree, tmp_path / "dst", jobs=1)
    assert sorted(summary.problems) == [
        "error dangling.txt: No such file or directory: " + str(tree / "dangling.txt"),
        "error loop.txt: Too many levels of symbolic links: " + str(tree / "loop.txt"),
        "skipped out.txt: symbolic link out of the source tree: not followed",
    ]


def test_a_file_changed_during_fix_w_is_not_overwritten(
    tmp_path: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    changing = put(tmp_path / "changing.txt", DIRTY)
    vanishing = put(tmp_path / "vanishing.txt", DIRTY)
    steady = put(tmp_path / "steady.txt", DIRTY)
    fix = Pipeline.fix_and_explain

    def meanwhile(self: Pipeline, text: str, mode: ocrfix.Mode | None = None) -> ocrfix.Result:
        result = fix(self, text, mode)
        if changing.read_text() == DIRTY:  # someone saves the file while ocrfix works
            changing.write_text(DIRTY + "A new line\n")
        elif vanishing.exists():
            vanishing.unlink()
        return result

    monkeypatch.setattr(Pipeline, "fix_and_explain", meanwhile)
    status, _, err = cli("fix", "-w", "changing.txt", "vanishing.txt", "steady.txt")
    assert status == 2
    reason = "it changed while ocrfix was fixing it (not written: run ocrfix again)"
    assert error_lines(err) == [
        f"ocrfix: error: cannot write changing.txt: {reason}",
        f"ocrfix: error: cannot write vanishing.txt: {reason}",
    ]
    assert changing.read_text() == DIRTY + "A new line\n"  # their change is kept
    assert not vanishing.exists()  # and not brought back
    assert steady.read_text() == FIXED
    assert no_temp_files(tmp_path)


def test_a_file_changed_or_removed_during_a_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ocrfix.batch as batch

    src, dst = tmp_path / "src", tmp_path / "dst"
    for name in ("a", "b", "c"):
        put(src / f"{name}.txt", DIRTY)
    decode = batch.decode

    def meanwhile(
        data: bytes, encoding: str | None = None, *, name: str = ""
    ) -> ocrfix.io.TextFile:
        if name == "a.txt":
            put(src / "a.txt", DIRTY + "Devel opment again\n")  # changed after it was read
            (src / "b.txt").unlink(missing_ok=True)  # removed before it is read
        return decode(data, encoding, name=name)

    monkeypatch.setattr(batch, "decode", meanwhile)
    summary = run(src, dst, jobs=1)
    assert (summary.ok, summary.errors) == (2, 1)
    assert summary.problems == [f"error b.txt: No such file or directory: {src / 'b.txt'}"]
    assert (dst / "a.txt").read_text() == FIXED  # the text that was read, whole
    monkeypatch.setattr(batch, "decode", decode)
    put(src / "b.txt", DIRTY)
    summary = run(src, dst, jobs=1, resume=True)
    assert (summary.resumed, summary.ok, summary.errors) == (1, 3, 0)  # a.txt and b.txt redone
    assert (dst / "a.txt").read_text() == FIXED + "Development again\n"


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)  # the data is written, then cannot be kept


def test_a_full_disk_during_fix_w(
    tmp_path: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [put(tmp_path / f"doc{i}.txt", DIRTY) for i in range(3)]
    _full_disk(monkeypatch)
    status, _, err = cli("fix", "-w", *[p.name for p in paths])
    assert status == 2
    assert error_lines(err) == [
        f"ocrfix: error: cannot write {p.name}: No space left on device" for p in paths
    ]
    assert [p.read_text() for p in paths] == [DIRTY] * 3
    assert no_temp_files(tmp_path)


def test_a_full_disk_during_a_batch_then_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    for i in range(4):
        put(src / f"doc{i}.txt", DIRTY)
    with monkeypatch.context() as patch:
        _full_disk(patch)
        summary = run(src, dst, jobs=1)
    assert (summary.ok, summary.errors) == (0, 4)
    assert all("No space left on device" in p for p in summary.problems)
    assert not list(dst.glob("*.txt")) and no_temp_files(dst)
    summary = run(src, dst, jobs=1, resume=True)
    assert (summary.ok, summary.errors, summary.resumed) == (4, 0, 0)
    assert all((dst / f"doc{i}.txt").read_text() == FIXED for i in range(4))
    last = {}
    for line in (dst / MANIFEST).read_text().splitlines():
        record = json.loads(line)
        last[record["path"]] = record["status"]
    assert last == {f"doc{i}.txt": "ok" for i in range(4)}


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("sig", "status", "message"),
    [
        (signal.SIGINT, 130, "ocrfix: interrupted"),
        (signal.SIGTERM, 143, "ocrfix: terminated"),
    ],
)
def test_an_interrupted_fix_w_leaves_every_file_whole(
    tmp_path: Path, sig: int, status: int, message: str
) -> None:
    # Files big enough to take a while each, so that the signal comes mid-run; every
    # paragraph different, so that no memo makes a file quick.
    texts = [
        "".join(f"Paragraph {k} of document {i}.\n" + DIRTY * 10 + "\n" for k in range(40))
        for i in range(150)
    ]
    paths = [put(tmp_path / "docs" / f"doc{i:03d}.txt", t) for i, t in enumerate(texts)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "ocrfix", "fix", "-w", "docs"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        # As from a terminal: a pytest-xdist worker ignores SIGINT, and a child inherits that
        # (Python then installs no KeyboardInterrupt; all 150 files were once fixed, exit 0).
        preexec_fn=_default_sigint,
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert first.startswith("fixed docs/doc000.txt"), first
        proc.send_signal(sig)
        rest = proc.stderr.read()
        assert proc.wait(timeout=120) == status, rest
    finally:
        proc.kill()
        proc.wait()
    assert rest.splitlines()[-1] == message and "Traceback" not in rest
    pipeline = Pipeline()
    changed = [(p.read_text(), t) for p, t in zip(paths, texts) if p.read_text() != t]
    assert all(c == pipeline.fix(t) for c, t in changed)  # each file whole: as it was, or fixed
    assert len(changed) < len(paths)  # the run did stop
    assert no_temp_files(tmp_path)
