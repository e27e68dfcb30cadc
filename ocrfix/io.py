"""Reading and writing text files faithfully: encoding, BOM, line endings, atomic writes.

The library works on ``'\\n'`` text. :func:`read_text` decodes a file, remembers its format
(:class:`TextFormat`) and turns its line endings into ``'\\n'``; :func:`write_text` puts the
format back and replaces the file atomically (a temporary file in the same folder, then
``os.replace``), so a reader, or a killed run, never sees a half-written file.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

#: Suffix of the temporary files of atomic writes (a killed run may leave one behind).
TEMP_SUFFIX = ".ocrfix-tmp"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Codecs that write a BOM, and the codec that reads the same bytes without writing one.
_NO_BOM = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}


class FileFormatError(ValueError):
    """A file that cannot be read as text: binary, or not in the expected encoding."""


class FileChangedError(OSError):
    """A file that changed on disk between reading it and writing it back: not written."""


@dataclass(frozen=True)
class TextFormat:
    """How a text file is stored: its encoding, whether it starts with a BOM, its newline."""

    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"

    def encode(self, text: str) -> bytes:
        """``text`` (with ``'\\n'`` line endings) as this format's bytes."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        data = text.encode(self.encoding)
        return _bom_of(self.encoding) + data if self.bom else data


@dataclass(frozen=True)
class TextFile:
    """A decoded file: its text with ``'\\n'`` line endings and the format to write it back."""

    text: str
    format: TextFormat
    data: bytes


def _bom_of(encoding: str) -> bytes:
    name = codecs.lookup(encoding).name
    for bom, enc in _BOMS:
        if codecs.lookup(enc).name == name:
            return bom
    return b""


def detect_newline(text: str) -> str:
    """The most common line ending of ``text`` (``'\\n'`` when it has none)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf and cr > crlf:
        return "\r"
    return "\n"


def decode(data: bytes, encoding: str | None = None, *, name: str = "input") -> TextFile:
    """Decode ``data``: a BOM wins, else ``encoding`` (default UTF-8); NUL bytes mean binary.

    Raises :class:`FileFormatError` with a message that names ``name``.
    """
    bom = b""
    enc = encoding or "utf-8"
    for mark, mark_encoding in _BOMS:
        if data.startswith(mark):
            bom, enc = mark, mark_encoding
            break
    try:
        # UTF-16 and UTF-32 hold NUL bytes in any text: only NUL characters mean binary.
        wide = bool(bom) or b"\x00" in "a".encode(enc)
    except LookupError:
        raise FileFormatError(f"unknown encoding {enc!r}") from None
    if not wide and b"\x00" in data:
        raise FileFormatError(f"{name} is a binary file (it holds NUL bytes)")
    try:
        text = data[len(bom) :].decode(enc)
    except UnicodeDecodeError as exc:
        bad = data[len(bom) + exc.start : len(bom) + exc.start + 1]
        hint = "" if encoding else "; pass --encoding to decode it"
        raise FileFormatError(
            f"{name} is not {enc.upper()} text (byte 0x{bad.hex()} at offset "
            f"{len(bom) + exc.start}){hint}"
        ) from None
    except LookupError:
        raise FileFormatError(f"unknown encoding {enc!r}") from None
    if wide and "\x00" in text:
        raise FileFormatError(f"{name} is a binary file (it holds NUL characters)")
    newline = detect_newline(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not bom:  # writing these codecs would add a BOM the file did not have
        enc = _NO_BOM.get(codecs.lookup(enc).name, enc)
    return TextFile(text, TextFormat(enc, bool(bom), newline), data)


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> TextFile:
    """Read and decode the file at ``path`` (see :func:`decode`)."""
    with open(path, "rb") as fh:
        data = fh.read()
    return decode(data, encoding, name=os.fspath(path))


def write_bytes(
    path: str | os.PathLike[str], data: bytes, *, expected: bytes | None = None
) -> None:
    """Replace the file at ``path`` by ``data`` atomically, keeping its permissions.

    A symbolic link is kept: its target is rewritten. A new file gets the usual permissions
    (``0o666`` less the umask). A read-only file is not replaced (:class:`PermissionError`),
    nor, when ``expected`` is given, a file that no longer holds ``expected``
    (:class:`FileChangedError`: someone else wrote it meanwhile).
    """
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    if mode is not None and (not mode & 0o222 or not os.access(target, os.W_OK)):
        # (os.replace would go through: only the folder's permissions count for it.)
        raise PermissionError(errno.EACCES, "the file is read-only (not written)", str(path))
    if expected is not None:
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            current = None
        if current != expected:
            raise FileChangedError(
                errno.EAGAIN,
                "it changed while ocrfix was fixing it (not written: run ocrfix again)",
                str(path),
            )
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # (deferred: reading and checking write nothing)

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(
    path: str | os.PathLike[str],
    text: str,
    fmt: TextFormat | None = None,
    *,
    expected: bytes | None = None,
) -> None:
    """Write ``text`` (``'\\n'`` line endings) to ``path`` in ``fmt``, atomically (see
    :func:`write_bytes` for ``expected``)."""
    fmt = fmt or TextFormat()
    try:
        data = fmt.encode(text)
    except UnicodeEncodeError as exc:
        raise FileFormatError(
            f"{os.fspath(path)}: the fixed text has {exc.object[exc.start]!r}, "
            f"which {fmt.encoding} cannot encode"
        ) from None
    write_bytes(path, data, expected=expected)
