"""Regular expressions compiled on first use, not at import.

The fixers keep some two hundred patterns at module level; compiling them all costs about a
tenth of a second of every ``ocrfix`` command's start-up, and a small clean file uses fewer
than half of them. :func:`compile` returns a stand-in that compiles its pattern the first
time one of its methods is asked for, then keeps the compiled pattern's bound methods as its
own attributes, so that later calls cost what calls of a compiled pattern cost.

Compiling is itself mostly Python (``re``'s parser and code generator): a fresh process
compiling the hundred patterns a small file needs spends some 40 ms. So the code ``re``
generates for each pattern is kept in the on-disk cache of the lexicon (one marshal file,
keyed by the Python version and ``re``'s engine) and handed straight to the engine in later
processes, which compile the same hundred patterns in about a millisecond. The engine checks
the code it is given; any doubt (another Python, a damaged file) falls back to ``re.compile``.
"""

from __future__ import annotations

import functools
import marshal
import re
import sys
from pathlib import Path
from typing import Any, cast

#: The methods of ``re.Pattern`` that compiling puts on the stand-in itself.
_METHODS = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "split",
    "sub",
    "subn",
)


class LazyPattern:
    """A stand-in for ``re.compile(pattern, flags)`` (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self.flags = int(flags)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (its methods become the stand-in's attributes)."""
        found: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if found is None:
            found = _compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(found, name))
            self.flags = found.flags
            self._compiled = found
        return found

    def __getattr__(self, name: str) -> Any:
        # (Only what the instance lacks: every method of the pattern until it is compiled,
        # then 'groups', 'groupindex'.)
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __getstate__(self) -> tuple[str, int]:
        return self.pattern, self.flags

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state

    def __repr__(self) -> str:
        return f"lazy_re.compile({self.pattern!r}, {self.flags!r})"


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (typed as the pattern it
    stands for: it answers the same methods and attributes)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


#: What the engine is given for a pattern: (pattern, flags, code, groups - 1, groupindex,
#: indexgroup), the arguments ``re`` itself passes to ``_sre.compile``.
_Form = tuple[str, int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored code when an earlier process kept it."""
    stored = _stored()
    form = stored.get((pattern, flags))
    if form is not None:
        try:
            return cast("re.Pattern[str]", _engine().compile(*form))
        except Exception:  # (code the engine refuses: compiled anew below)
            pass
    form = _form(pattern, flags)
    if form is not None:
        try:
            compiled = cast("re.Pattern[str]", _engine().compile(*form))
        except Exception:  # (a Python whose engine takes other arguments)
            pass
        else:
            stored[(pattern, flags)] = form
            _save(stored)  # (once per pattern and Python: later processes find it)
            return compiled
    return re.compile(pattern, flags)


def _engine() -> Any:
    import _sre  # type: ignore[import-not-found,unused-ignore]

    return _sre


def _form(pattern: str, flags: int) -> _Form | None:
    """What ``re`` would give the engine for ``pattern`` (its compile, up to that call)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined,unused-ignore]

        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            pattern,
            int(flags | parsed.state.flags),
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except Exception:  # (Python 3.10's re, or internals that moved)
        return None


def _store_path() -> Path:
    from .lexicon import _cache_path  # (deferred: the lexicon module uses this one)

    sre = _engine()
    stamp = f"{sys.version}\0{sre.MAGIC}\0{sre.CODESIZE}\0{sys.maxunicode}"
    return _cache_path("patterns", "marshal", stamp)


@functools.cache
def _stored() -> dict[tuple[str, int], _Form]:
    """The stored forms of this Python (shared by the patterns of this process, which add
    their own)."""
    try:
        found = marshal.loads(_store_path().read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def _save(stored: dict[tuple[str, int], _Form]) -> None:
    from .lexicon import _MARSHAL_VERSION, _write_atomic

    try:
        data = marshal.dumps(stored, _MARSHAL_VERSION)
    except ValueError:  # (a form of something marshal cannot write: not kept)
        return
    _write_atomic(_store_path(), lambda fh: fh.writelines([data]))
