"""Reading and writing files faithfully: encodings, BOMs, line endings, atomic replacement."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from ocrfix.io import TEMP_SUFFIX, FileFormatError, TextFormat, decode, read_text, write_text

SAMPLES = [
    b"plain\nlines\n",
    b"no final newline",
    b"crlf\r\nlines\r\n",
    b"crlf without final\r\nnewline",
    b"old mac\rline\r",
    codecs.BOM_UTF8 + b"bom\r\nand crlf\r\n",
    codecs.BOM_UTF8 + b"",
    b"",
    "caf\u00e9 \u2018quoted\u2019 \u00a7 2\n".encode(),
    codecs.BOM_UTF16_LE + "utf-16 with a BOM\r\n".encode("utf-16-le"),
]


@pytest.mark.parametrize("data", SAMPLES)
def test_decoded_text_has_lf_and_encodes_back_to_the_same_bytes(data: bytes) -> None:
    file = decode(data)
    assert "\r" not in file.text
    assert file.format.encode(file.text) == data


def test_format_is_detected() -> None:
    file = decode(codecs.BOM_UTF8 + b"a\r\nb\r\n")
    assert file.text == "a\nb\n"
    assert file.format == TextFormat("utf-8", bom=True, newline="\r\n")
    assert decode(b"a\nb").format == TextFormat()


def test_mixed_line_endings_take_the_most_common() -> None:
    file = decode(b"a\r\nb\r\nc\nd\r\n")
    assert file.format.newline == "\r\n"
    assert file.format.encode(file.text) == b"a\r\nb\r\nc\r\nd\r\n"


def test_binary_and_undecodable_files_are_explained() -> None:
    with pytest.raises(FileFormatError, match=r"scan\.txt is a binary file"):
        decode(b"PK\x03\x04\x00\x00", name="scan.txt")
    with pytest.raises(FileFormatError, match=r"not UTF-8 text \(byte 0xe9 at offset 3\)"):
        decode(b"caf\xe9", name="x.txt")
    with pytest.raises(FileFormatError, match="--encoding"):
        decode(b"caf\xe9")


def test_explicit_encoding_decodes_and_is_kept() -> None:
    file = decode(b"caf\xe9\n", "latin-1")
    assert file.text == "café\n"
    assert file.format.encode(file.text) == b"caf\xe9\n"


def test_codecs_that_write_a_bom_do_not_add_one() -> None:
    file = decode(b"plain\n", "utf-8-sig")
    assert file.format.encode(file.text) == b"plain\n"


def test_write_keeps_permissions_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"old\r\n")
    path.chmod(0o640)
    file = read_text(path)
    write_text(path, "new\n", file.format)
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


def test_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_text(link, "new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"


def test_a_failed_write_leaves_the_original_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("original\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_text(path, "new\n")
    assert path.read_text() == "original\n"
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))


def test_text_the_encoding_cannot_hold_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="cannot encode"):
        write_text(tmp_path / "x.txt", "\u2018quoted\u2019\n", TextFormat("latin-1"))
    assert not list(tmp_path.iterdir())
