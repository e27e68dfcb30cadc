"""A pattern compiled on first use answers as the compiled pattern does, and costs nothing
until then."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocrfix import lazy_re
from ocrfix.fixers import footnote_markers, punctuation_spacing

TEXT = "Recalling its resolution 78/176 of 22 December 2003,2 and Women5 of the United Nations"


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?P<word>[A-Z][a-z]+)(?P<marker>\d)?"
    lazy, plain = lazy_re.compile(source), re.compile(source)
    assert "_compiled" not in vars(lazy)  # nothing compiled yet
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert lazy.findall(TEXT) == plain.findall(TEXT)
    assert lazy.sub(r"<\g<word>>", TEXT) == plain.sub(r"<\g<word>>", TEXT)
    assert lazy.split(TEXT, 2) == plain.split(TEXT, 2)
    assert lazy.groupindex == plain.groupindex and lazy.groups == plain.groups
    assert lazy.pattern == source and lazy.flags == plain.flags
    m, n = lazy.search(TEXT, 30), plain.search(TEXT, 30)
    assert m is not None and n is not None and m.span() == n.span()


def test_once_compiled_its_methods_are_the_patterns_own() -> None:
    lazy = lazy_re.compile(r"\d+", re.M)
    assert lazy.match("12") is not None
    # (the bound methods of the compiled pattern: no stand-in between caller and re)
    assert lazy.finditer.__self__ is vars(lazy)["_compiled"]  # type: ignore[attr-defined]
    assert lazy.flags & re.M


def test_a_lazy_pattern_pickles_as_its_source() -> None:
    lazy = lazy_re.compile(r"[’']s\b", re.I)
    lazy.search("the State’s")
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy.pattern == lazy.pattern and copy.flags == lazy.flags
    assert copy.findall("the State’s and the People's") == ["’s", "'s"]


def test_fixer_patterns_are_left_uncompiled_until_a_fixer_runs() -> None:
    # Importing the fixers compiles none of these (each is compiled when its fixer runs).
    for pattern in (punctuation_spacing._DASHES, footnote_markers._NOTE_LINE):
        assert isinstance(pattern, lazy_re.LazyPattern)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder for the stored forms (and the usual one afterwards)."""
    monkeypatch.setenv("OCRFIX_CACHE", str(tmp_path))
    lazy_re._stored.cache_clear()
    yield tmp_path / "ocrfix"
    lazy_re._stored.cache_clear()


SOURCES = [
    (r"(?P<word>[A-Z][a-z]+)(?P<marker>\d)?", 0),
    (r"[.’‘':-](?<=[^\W\d_][.’‘':-])(?=[^\W\d_])", 0),
    (r"^[ \t]*(?P<m>\d{1,3})[ \t]+", re.M),
    (r"resolution (\d+)/(\d+)", re.I),
]


def test_a_pattern_from_the_stored_code_is_the_one_re_compiles(store: Path) -> None:
    first = [lazy_re.LazyPattern(p, f).compiled() for p, f in SOURCES]  # compiled, code stored
    (path,) = store.glob("patterns-*")
    lazy_re._stored.cache_clear()  # as a later process: read back, nothing compiled
    again = [lazy_re.LazyPattern(p, f).compiled() for p, f in SOURCES]
    assert len(lazy_re._stored()) == len(SOURCES) and path.exists()
    for p, f, a, b in zip(*zip(*SOURCES), first, again):
        assert a == b == re.compile(p, f)  # (equal patterns: same source, flags and code)
        assert b.findall(TEXT) == re.compile(p, f).findall(TEXT)
        assert b.groupindex == re.compile(p, f).groupindex


def test_a_damaged_store_is_ignored(store: Path) -> None:
    lazy_re.LazyPattern(*SOURCES[0]).compiled()
    (path,) = store.glob("patterns-*")
    path.write_bytes(path.read_bytes()[:40])
    lazy_re._stored.cache_clear()
    assert lazy_re.compile(*SOURCES[0]).findall(TEXT) == re.compile(SOURCES[0][0]).findall(TEXT)


def test_code_the_engine_refuses_is_compiled_anew(store: Path) -> None:
    pattern, flags = SOURCES[2]
    form = lazy_re._form(pattern, flags)
    assert form is not None
    lazy_re._stored()[(pattern, flags)] = (*form[:2], [999, 1, 2], *form[3:])  # type: ignore[assignment]
    assert lazy_re.LazyPattern(pattern, flags).compiled() == re.compile(pattern, flags)
