"""The lexicon: what words exist, how frequent they are, and which words sit together.

Tiers, each loaded only when first needed and then shared:

1. known words: symspellpy's English unigram list plus the UN vocabulary shipped in
   ``ocrfix/data/lexicon`` (a plain dict; enough to check clean text);
2. bigrams: symspellpy's English bigram list plus the UN phrases (for segmentation and context);
3. the fuzzy index: a symspellpy index over all known words, built only when an unknown
   token needs candidates.

Why symspellpy's lists rather than wordfreq: measured on the seed sample, wordfreq's larger
web vocabulary "knows" OCR debris (``devel``, ``opment``, ``hm``), which would blind the
split-word fixer; symspellpy's curated 82,765 words know none of them, and its bigram list
gives the context the segmenter needs. The UN lists fill what it lacks (``interregional``,
``inter alia``, ``subregional``).

Start-up and memory (``benchmarks/speed.py``): each tier is cached on disk once parsed, in
``$OCRFIX_CACHE``, ``$XDG_CACHE_HOME/ocrfix`` or ``~/.cache/ocrfix``, keyed by this module's
code, the ocrfix version and the source lists (a changed list or module makes a new cache; a
read-only cache folder only means parsing every time). The word counts of the default lexicon
(English and UN merged) are one ``marshal`` file, in marshal's format 2 (read two to five times
faster than the text lists parse, a third faster than the newer formats). The English word
pairs are a file of rows, one per first word, each read when a pair of its word is first
asked (:class:`PairCounts`): a small file loads a few rows, not 242,000 pairs. The fuzzy index's
delete table, millions of small objects as Python data (160 MB, 3 s to unpickle), is a
memory-mapped file of sorted hashes searched by bisection: it opens at once, costs the memory
of the pages a lookup touches, and its pages are shared by every process (batch workers).
Lookups still run symspellpy's own ``lookup``, so candidates are exactly symspellpy's.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import marshal
import mmap
import os
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from . import lazy_re

#: Count given to a UN-vocabulary word that the English list lacks (a mid-frequency word).
UN_WORD_COUNT = 2_000_000
#: Count given to a UN phrase's word pairs.
UN_BIGRAM_COUNT = 5_000_000
#: Words rarer than this in the English list are treated as unknown by fixers that need
#: confidence that a word is real (the list's tail holds a few OCR-like fragments).
RARE = 30_000

#: Layout of the on-disk caches; part of every cache key.
_CACHE_FORMAT = 3
#: marshal's format 2, without its back-references: plain tables read a third faster.
_MARSHAL_VERSION = 2
#: Caches of one kind kept in the cache folder (older ones, e.g. of an edited word list, go).
_CACHES_KEPT = 5
_UNIGRAMS = "frequency_dictionary_en_82_765.txt"
_BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
_WORD_RE = lazy_re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

_T = TypeVar("_T")
_K = TypeVar("_K")
_V = TypeVar("_V")


class Memo(Generic[_K, _V]):
    """A bounded memo of decisions: at most ``maxsize`` entries, the oldest quarter dropped
    when it is full (so a stream of distinct tokens, a whole archive, keeps memory flat)."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = max(1, maxsize)
        self._data: dict[_K, _V] = {}
        #: The value kept for ``key``, or None: the dict's own ``get`` (asked once per token).
        self.get: Callable[[_K], _V | None] = self._data.get

    def put(self, key: _K, value: _V) -> None:
        data = self._data
        if len(data) >= self.maxsize:
            try:
                oldest = list(itertools.islice(data, max(1, self.maxsize // 4)))
            except RuntimeError:  # changed by another thread meanwhile: start afresh
                oldest = list(data)
            for old in oldest:
                data.pop(old, None)
        data[key] = value

    def __len__(self) -> int:
        return len(self._data)


def _symspell_file(name: str) -> Path:
    """A data file of symspellpy, found without importing it (only its lists are needed)."""
    import importlib.util

    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'symspellpy'", name="symspellpy")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _read_entries(lines: Iterable[str]) -> list[str]:
    out = []
    for raw in lines:
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


# -- on-disk caches -------------------------------------------------------------------------
def _cache_dir() -> Path:
    base = os.environ.get("OCRFIX_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "ocrfix" if base else Path.home() / ".cache" / "ocrfix"


@functools.cache
def _code_stamp() -> bytes:
    """This module's code, the ocrfix version and the byte order: what a cache depends on
    besides its sources."""
    from . import __version__

    try:
        code = Path(__file__).read_bytes()
    except OSError:
        code = b""
    return f"{_CACHE_FORMAT} {__version__} {sys.byteorder}\n".encode() + code


def _file_stamp(path: Path) -> str:
    stat = path.stat()
    return f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}"


def _cache_path(kind: str, suffix: str, *sources: str | bytes) -> Path:
    digest = hashlib.sha256(_code_stamp())
    for source in sources:
        digest.update(b"\0" + (source if isinstance(source, bytes) else source.encode()))
    return _cache_dir() / f"{kind}-v{_CACHE_FORMAT}-{digest.hexdigest()[:16]}.{suffix}"


def _write_atomic(path: Path, write: Callable[[IO[bytes]], None]) -> bool:
    """Write ``path`` through a temporary file and a rename; False if the folder is not
    writable (the cache is then simply rebuilt next time)."""
    import tempfile  # deferred, as json below: only writing a cache needs it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return False
    _prune(path)
    return True


def _prune(written: Path) -> None:
    """Remove all but the most recent caches of ``written``'s kind."""
    kind = written.name.split("-v", 1)[0]
    with contextlib.suppress(OSError):
        others = [
            (p.stat().st_mtime_ns, p)
            for p in written.parent.glob(f"{kind}-v*")
            if p != written and not p.name.endswith(".tmp")
        ]
        for _, old in sorted(others, reverse=True)[_CACHES_KEPT - 1 :]:
            old.unlink(missing_ok=True)


def _cached(path: Path, build: Callable[[], _T]) -> _T:
    """What ``build()`` returns (plain data), read from the marshal file ``path`` when an
    earlier process left it there."""
    try:
        value: _T = marshal.loads(path.read_bytes())  # (marshal.load(file) is slower)
        return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    data: Any = value
    _write_atomic(path, lambda fh: marshal.dump(data, fh, _MARSHAL_VERSION))
    return value


def cached_parse(kind: str, source: Path, parse: Callable[[], _T]) -> _T:
    """``parse()`` of the data file ``source`` (plain data: dicts, lists, numbers, strings),
    kept in the on-disk cache so that a later process loads it in a few milliseconds; an
    absent ``source`` is parsed (to whatever ``parse`` makes of that) and not kept."""
    try:
        stamp = _file_stamp(source)
    except OSError:
        return parse()
    return _cached(_cache_path(kind, "marshal", stamp), parse)


# -- bundled lists --------------------------------------------------------------------------
@functools.cache
def _english_unigrams() -> dict[str, int]:
    path = _symspell_file(_UNIGRAMS)

    def parse() -> dict[str, int]:
        counts: dict[str, int] = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, _, count = line.partition(" ")
                counts[word] = int(count)
        return counts

    return _cached(_cache_path("unigrams", "marshal", _file_stamp(path)), parse)


class PairCounts:
    """Counts of word pairs, one row (``{second: count}``) per first word, each row read
    from the cache file only when a pair of its first word is first asked: a small text
    loads the few rows it needs, not the list's 242,000 pairs (a fifth of a second)."""

    __slots__ = ("_data", "_offsets", "_rows")

    def __init__(
        self,
        rows: dict[str, dict[str, int]],
        data: bytes | memoryview = b"",
        offsets: dict[str, int] | None = None,
    ) -> None:
        self._rows = rows  # the rows read so far (all of them without a cache file)
        self._data = memoryview(data)
        self._offsets = offsets or {}

    def get(self, first: str, second: str) -> int:
        """Count of the pair (as listed: lower case); 0 if never seen."""
        row = self._rows.get(first)
        if row is None:
            offset = self._offsets.get(first)
            if offset is None:
                return 0
            # (marshal reads the row at the offset and ignores the bytes after it)
            row = self._rows[first] = marshal.loads(self._data[offset:])
        return row.get(second, 0)

    def read_all(self) -> None:
        """Read every row now (to measure the memory of the whole table)."""
        for first in self._offsets:
            self.get(first, "")

    @staticmethod
    def dump(rows: dict[str, dict[str, int]], fh: IO[bytes]) -> None:
        """Write ``rows`` as the cache file :meth:`load` reads: the sizes of the offsets'
        marshal and of the rows (8 bytes each), the offsets, then each row's marshal."""
        blobs = [marshal.dumps(row, _MARSHAL_VERSION) for row in rows.values()]
        offsets = dict(zip(rows, itertools.accumulate((len(b) for b in blobs), initial=0)))
        head = marshal.dumps(offsets, _MARSHAL_VERSION)
        fh.write(len(head).to_bytes(8, "little"))
        fh.write(sum(map(len, blobs)).to_bytes(8, "little"))
        fh.write(head)
        for blob in blobs:
            fh.write(blob)

    @classmethod
    def load(cls, data: bytes | mmap.mmap) -> PairCounts:
        """The table of a file :meth:`dump` wrote (its rows read when asked)."""
        head, body = int.from_bytes(data[:8], "little"), int.from_bytes(data[8:16], "little")
        if len(data) != 16 + head + body:
            raise EOFError("a pair-count file of the wrong size")
        view = memoryview(data)
        offsets = marshal.loads(view[16 : 16 + head])
        if not isinstance(offsets, dict):
            raise ValueError("not a pair-count file")
        return cls({}, view[16 + head :], offsets)


@functools.cache
def english_pairs() -> PairCounts:
    """The English word-pair counts, row by first word (see :class:`PairCounts`)."""
    path = _symspell_file(_BIGRAMS)
    cache = _cache_path("bigrams", "rows", _file_stamp(path))
    try:
        with open(cache, "rb") as cached:  # (mapped: only the rows asked for are read)
            return PairCounts.load(mmap.mmap(cached.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    rows: dict[str, dict[str, int]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            first, second, count = line.split()
            rows.setdefault(first, {})[second] = int(count)
    _write_atomic(cache, lambda fh: PairCounts.dump(rows, fh))
    return PairCounts(rows)


@functools.cache
def _un_sources() -> tuple[tuple[str, str], ...]:
    """(name, text) of each bundled UN word list, in name order."""
    folder = Path(__file__).with_name("data") / "lexicon"
    if folder.is_dir():
        items: Iterable[Any] = folder.iterdir()
    else:  # not on a file system (a zip): through importlib.resources
        from importlib import resources

        items = (resources.files("ocrfix") / "data" / "lexicon").iterdir()
    return tuple(
        (item.name, item.read_text(encoding="utf-8"))
        for item in sorted(items, key=lambda p: p.name)
        if item.name.endswith(".txt")
    )


@functools.cache
def _un_entries() -> tuple[str, ...]:
    entries: list[str] = []
    for _name, text in _un_sources():
        entries.extend(_read_entries(text.splitlines()))
    return tuple(entries)


@functools.cache
def _un_tables() -> tuple[dict[str, int], dict[str, int], list[str]]:
    """Words, word pairs and abbreviations that the bundled UN lists add to a lexicon, parsed
    (what the two caches below are made of, when they are missing)."""
    words: dict[str, int] = {}
    bigrams: dict[str, int] = {}
    abbreviations: set[str] = set()
    _add_entries(_un_entries(), words, bigrams, abbreviations)
    return words, bigrams, sorted(abbreviations)


@functools.cache
def _un_words() -> dict[str, int]:
    """The words of the bundled UN lists (cached apart from their pairs: the default lexicon
    reads its words merged, see :func:`_default_counts`)."""
    return _cached(_cache_path("un-words", "marshal", *_un_stamp()), lambda: _un_tables()[0])


@functools.cache
def _un_phrases() -> tuple[dict[str, int], list[str]]:
    """The word pairs and the abbreviations of the bundled UN lists."""

    def build() -> tuple[dict[str, int], list[str]]:
        _, bigrams, abbreviations = _un_tables()
        return bigrams, abbreviations

    bigrams, abbreviations = _cached(_cache_path("un-phrases", "marshal", *_un_stamp()), build)
    return bigrams, abbreviations


@functools.cache
def _un_stamp() -> tuple[str, ...]:
    """What the bundled UN lists are, for cache keys: each list's name and text."""
    return tuple(f"{name}\0{text}" for name, text in _un_sources())


@functools.cache
def _default_counts() -> dict[str, int]:
    """The word counts of a lexicon of the bundled English and UN lists and nothing else
    (lower case; a UN word's count where English lacks it or counts it less), kept whole in
    one cache file: read at once instead of merged anew in every process."""

    def build() -> dict[str, int]:
        return _merged(_english_unigrams(), _un_words())

    path = _cache_path("counts", "marshal", _file_stamp(_symspell_file(_UNIGRAMS)), *_un_stamp())
    return _cached(path, build)


def _merged(english: dict[str, int], extra: dict[str, int]) -> dict[str, int]:
    merged = dict(english)
    for word, count in extra.items():
        merged[word] = max(merged.get(word, 0), count)
    return merged


def _add_entries(
    entries: Iterable[str],
    words: dict[str, int],
    bigrams: dict[str, int],
    abbreviations: set[str],
) -> None:
    """Add listed words and phrases: their words, their word pairs, and the abbreviations
    written with a full stop."""
    for entry in entries:
        parts = _WORD_RE.findall(entry)
        if len(parts) == 1 and entry.endswith(".") and " " not in entry:
            abbreviations.add(parts[0].lower())
        for part in parts:
            _add_word(words, part, whole_entry=len(parts) == 1)
        lowered = [p.lower() for p in parts]
        for first, second in itertools.pairwise(lowered):
            bigrams[f"{first} {second}"] = UN_BIGRAM_COUNT


def _add_word(words: dict[str, int], word: str, whole_entry: bool) -> None:
    """Add a listed word. Acronyms stay case-sensitive (``UN`` must not make ``un`` a word);
    short words that are only part of a phrase or compound (``ad`` of ``ad hoc``, ``pre``
    of ``pre-trial``) are not words on their own: the phrase's bigrams keep them apart."""
    if len(word) > 1 and word.isupper():
        words.setdefault(word, UN_WORD_COUNT)
        return
    if whole_entry or len(word) >= 4:
        words.setdefault(word.lower(), UN_WORD_COUNT)
    if "-" in word:
        for piece in word.split("-"):
            if len(piece) >= 4 and not piece.isupper():
                words.setdefault(piece.lower(), UN_WORD_COUNT)


def _load_words(source: str | os.PathLike[str] | Iterable[str] | None) -> list[str]:
    if source is None:
        return []
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            return _read_entries(path.read_text(encoding="utf-8").splitlines())
        except OSError as exc:
            raise ValueError(f"cannot read word list {path}: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise ValueError(f"word list {path} is not UTF-8") from exc
    return _read_entries(source)


class Spellings:
    """The spellings a lexicon accepts at some count (see :meth:`Lexicon.spellings`).

    ``members``: for a string without a hyphen, ``word in members`` is exactly
    ``lexicon.is_protected(word) or lexicon.known(word, min_count)`` when ``word`` is in lower
    case (``known`` also tries the lower-cased form of other words). ``ordered``: the members
    lower-cased, sorted: every prefix of such a member begins one of them, so a search that
    builds candidates left to right may drop a prefix no entry begins with
    (:func:`ocrfix.confusions.variant_spellings`).
    """

    __slots__ = ("_heads", "members", "ordered")

    def __init__(self, members: frozenset[str], ordered: list[str]) -> None:
        self.members = members
        self.ordered = ordered
        self._heads: dict[str, tuple[int, int]] | None = None

    @property
    def heads(self) -> dict[str, tuple[int, int]]:
        """For each string of up to :data:`ocrfix.confusions.HEAD_LETTERS` letters that
        begins an entry of ``ordered``, the range of the entries that begin with it (built on
        first use: a few thousand strings; the widest ranges, which a bisection reads longest)."""
        found = self._heads
        if found is None:
            from .confusions import HEAD_LETTERS  # (deferred: confusions imports no lexicon)

            ordered = self.ordered
            found = {}
            for size in range(1, HEAD_LETTERS + 1):
                for head in {entry[:size] for entry in ordered if len(entry) >= size}:
                    lo = bisect_left(ordered, head)
                    last = ord(head[-1])  # (the entries begin with it up to the next string)
                    after = head[:-1] + chr(last + 1) if last < sys.maxunicode else None
                    found[head] = (
                        lo,
                        len(ordered) if after is None else bisect_left(ordered, after),
                    )
            self._heads = found
        return found

    def begins(self, prefix: str) -> bool:
        """Does an entry of ``ordered`` begin with ``prefix``?"""
        i = bisect_left(self.ordered, prefix)
        return i < len(self.ordered) and self.ordered[i].startswith(prefix)


class Lexicon:
    """English plus UN vocabulary, extended by user word lists and protected words.

    ``words``: extra words or phrases (a path to a file with one entry a line, or an iterable);
    ``protected``: words that fixers must never change (matched case-sensitively) and that are
    also known; ``english`` and ``un``: include the bundled lists (default on).
    """

    def __init__(
        self,
        words: str | os.PathLike[str] | Iterable[str] | None = None,
        protected: str | os.PathLike[str] | Iterable[str] | None = None,
        *,
        english: bool = True,
        un: bool = True,
    ) -> None:
        self._english = english
        extra = _load_words(words)
        self.protected: frozenset[str] = frozenset(_load_words(protected))
        # The bundled lists and nothing else: every such lexicon has the same word counts,
        # read merged from one cache file (see ``_default_counts``).
        self._default_words = english and un and not extra and not self.protected
        abbreviations: set[str] = set()
        if un:  # the bundled lists, processed once (and cached on disk)
            un_bigrams, un_abbreviations = _un_phrases()
            # (The default words come merged: a copy of the UN words would go unused.)
            self._extra_words: dict[str, int] = {} if self._default_words else dict(_un_words())
            self._extra_bigrams: dict[str, int] = dict(un_bigrams)  # 'first second'
            abbreviations.update(un_abbreviations)
        else:
            self._extra_words = {}
            self._extra_bigrams = {}
        # Sorted: the same order in every process, so the fuzzy index's cache key is stable.
        entries = [*extra, *sorted(self.protected)]
        _add_entries(entries, self._extra_words, self._extra_bigrams, abbreviations)
        #: Abbreviations the lists write with a full stop ('para', 'distr'), lower case.
        self.abbreviations: frozenset[str] = frozenset(abbreviations)
        self._fuzzy: Any = None
        self._counts: dict[str, int] | None = None
        self._uncounted: frozenset[str] | None = None  # words listed with a count under 1
        self._spellings: dict[int, Spellings] = {}
        self._memos: dict[str, Memo[Any, Any]] = {}
        self._tables: dict[Hashable, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        # The fuzzy index is rebuilt (or reopened) on demand, the memos refilled: a pickled
        # lexicon stays small.
        return {**self.__dict__, "_fuzzy": None, "_spellings": {}, "_memos": {}, "_tables": {}}

    def table(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """A table derived from this lexicon's words (``build()``), built on first use and
        kept with it under ``key``; :meth:`forget` keeps it, as it keeps the loaded lists."""
        try:
            found: _T = self._tables[key]
        except KeyError:
            found = self._tables[key] = build()
        return found

    def memo(self, name: str, maxsize: int = 50_000) -> Memo[Any, Any]:
        """A bounded memo, kept with this lexicon, for decisions that depend only on the
        lexicon and their key (e.g. a fixer's candidates for a token, keyed by its options):
        repeated tokens, on later passes, pages and texts, are decided once."""
        memo = self._memos.get(name)
        if memo is None:
            memo = self._memos[name] = Memo(maxsize)
        return memo

    def forget(self) -> None:
        """Empty the memos (the loaded tables stay): to measure text never seen before, or to
        hand memory back between unrelated archives."""
        self._memos.clear()

    # -- tier 1 -----------------------------------------------------------------------------
    def frequency(self, word: str) -> int:
        """Corpus count of ``word`` (case-insensitive); 0 if unknown."""
        counts = self._counts
        if counts is None:
            counts = self._merge_counts()
        count = counts.get(word)
        if count is None:
            count = counts.get(word.lower(), 0)
        return count

    def known(self, word: str, min_count: int = 1) -> bool:
        """Is ``word`` a word (hyphenated compounds: every part), at least ``min_count`` common?"""
        # The fixers ask this of every candidate spelling: frequency() is inlined.
        counts = self._counts
        if counts is None:
            counts = self._merge_counts()
        count = counts.get(word)
        if count is None:
            count = counts.get(word.lower(), 0)
        if count >= min_count:
            return True
        if "-" in word:
            parts = word.split("-")
            return all(p and self.frequency(p) >= min_count for p in parts)
        return False

    def unknown(self, words: Iterable[str]) -> set[str]:
        """The ``words`` that :meth:`known` rejects (at a count of 1): those that are no key
        of the word table are found by one set difference, in C, and only they (and any listed
        with no count) are asked of :meth:`known`. For the fixers that judge every distinct
        token of a paragraph: most are words."""
        counts = self._counts
        if counts is None:
            counts = self._merge_counts()
        uncounted = self._uncounted
        if uncounted is None:  # (none in the shipped lists: the C-level min says so at once)
            none = not counts or min(counts.values()) >= 1
            uncounted = frozenset() if none else frozenset(w for w, c in counts.items() if c < 1)
            self._uncounted = uncounted
        doubtful = set(words).difference(counts)
        if uncounted:
            doubtful |= uncounted.intersection(words)
        # (A word is also known by its lower case: 'Having'. Mapped in C, then the rest asked.)
        rest = list(doubtful)
        lowered: Iterable[bool] = map(counts.__contains__, map(str.lower, rest))
        if uncounted:
            lowered = (w.lower() in counts and w.lower() not in uncounted for w in rest)
        return {w for w, listed in zip(rest, lowered) if not listed and not self.known(w)}

    def is_protected(self, word: str) -> bool:
        return word in self.protected

    def spellings(self, min_count: int = 1) -> Spellings:
        """The words ``is_protected(word) or known(word, min_count)`` accepts, as a set for
        exact membership (of spellings without a hyphen) and a sorted list of them lower-cased
        for prefix searches (built once per count; ``min_count`` at least 1)."""
        found = self._spellings.get(min_count)
        if found is None:
            if min_count < 1:
                raise ValueError("spellings need a count of at least 1")
            counts = self._counts
            if counts is None:
                counts = self._merge_counts()
            members = frozenset(w for w, c in counts.items() if c >= min_count) | self.protected
            # (lower() makes a new string even of a lower-case word: the word is kept then.)
            ordered = sorted({w if (low := w.lower()) == w else low for w in members})
            found = self._spellings[min_count] = Spellings(members, ordered)
        return found

    def built_spellings(self, min_count: int = 1) -> Spellings | None:
        """:meth:`spellings` if already built (a tenth of a second), else None."""
        return self._spellings.get(min_count)

    def total(self) -> int:
        """The sum of the word counts: the size of the text the frequencies were counted in."""
        return self.table("total", lambda: sum((self._counts or self._merge_counts()).values()))

    # -- tier 2 -----------------------------------------------------------------------------
    def bigram(self, first: str, second: str) -> int:
        """Count of the word pair (case-insensitive); 0 if never seen."""
        # Listed words hold no whitespace, so a key with one space is one listed pair.
        first, second = first.lower(), second.lower()
        count = english_pairs().get(first, second) if self._english else 0
        return max(count, self._extra_bigrams.get(f"{first} {second}", 0))

    # -- tier 3 -----------------------------------------------------------------------------
    @property
    def fuzzy_loaded(self) -> bool:
        return self._fuzzy is not None

    def candidates(self, word: str, max_distance: int = 2) -> list[tuple[str, int, int]]:
        """Known words within ``max_distance`` edits of ``word``: (term, distance, count)."""
        from symspellpy import Verbosity

        index = self._fuzzy_index()
        found = index.lookup(word.lower(), Verbosity.ALL, max_edit_distance=max_distance)
        return [(s.term, s.distance, s.count) for s in found]

    def _merge_counts(self) -> dict[str, int]:
        """English and extra words in one dict (lower case), built on first use."""
        if self._default_words:
            merged = _default_counts()  # (shared: no lexicon changes its counts)
        else:
            merged = _merged(_english_unigrams() if self._english else {}, self._extra_words)
        self._counts = merged
        return merged

    def _fuzzy_index(self) -> Any:
        if self._fuzzy is None:
            counts = self._counts
            self._fuzzy = _build_fuzzy(counts if counts is not None else self._merge_counts())
        return self._fuzzy


# -- the fuzzy index ------------------------------------------------------------------------
_MAX_DISTANCE = 2
_PREFIX_LENGTH = 7
_MAGIC = b"ocrfix-fuzzy\n"
#: Sections of a fuzzy index file: (name, array type code; None for bytes).
_SECTIONS: tuple[tuple[str, str | None], ...] = (
    ("hashes", "q"),  # sorted hashes of the delete strings
    ("key_offsets", "I"),  # where each delete string starts in 'keys' (one more at the end)
    ("post_offsets", "I"),  # where each delete's words start in 'postings'
    ("postings", "I"),  # word numbers
    ("keys", None),  # the delete strings, UTF-8, in hash order
    ("words", None),  # the index's words, UTF-8, one a line, in symspellpy's order
)


def _hash(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


class _MappedDeletes:
    """symspellpy's table from each delete string to the words it comes from (read-only, as
    ``SymSpell.lookup`` uses it), held in a memory-mapped index file."""

    def __init__(self, data: mmap.mmap, sections: dict[str, list[int]], words: list[str]):
        view = memoryview(data)

        def part(name: str) -> memoryview:
            start, size = sections[name]
            return view[start : start + size]

        self._data = data
        self._hashes = part("hashes").cast("q")
        self._key_offsets = part("key_offsets").cast("I")
        self._post_offsets = part("post_offsets").cast("I")
        self._postings = part("postings").cast("I")
        self._keys_start = sections["keys"][0]
        self._words = words
        self._last: tuple[str, int] = ("", -1)
        if not (len(self._key_offsets) == len(self._post_offsets) == len(self._hashes) + 1):
            raise ValueError("inconsistent fuzzy index sections")

    def _find(self, key: str) -> int:
        """Row of ``key``, or -1. (``lookup`` asks ``in`` then ``[]``: the last is kept.)"""
        last_key, last_row = self._last
        if key == last_key and last_row >= 0:
            return last_row
        data = _encode(key)
        wanted = _hash(data)
        hashes = self._hashes
        row = bisect_left(hashes, wanted)
        found = -1
        while row < len(hashes) and hashes[row] == wanted:
            start = self._keys_start + self._key_offsets[row]
            end = self._keys_start + self._key_offsets[row + 1]
            if self._data[start:end] == data:
                found = row
                break
            row += 1
        self._last = (key, found)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __getitem__(self, key: str) -> list[str]:
        row = self._find(key)
        if row < 0:
            raise KeyError(key)
        words = self._words
        postings = self._postings[self._post_offsets[row] : self._post_offsets[row + 1]]
        return [words[n] for n in postings]

    def __len__(self) -> int:
        return len(self._hashes)


def _new_index() -> Any:
    from symspellpy import SymSpell

    return SymSpell(max_dictionary_edit_distance=_MAX_DISTANCE, prefix_length=_PREFIX_LENGTH)


def _dump_fuzzy(index: Any, fh: IO[bytes]) -> None:
    """Write ``index``'s words and delete table as a fuzzy index file."""
    import json

    words = list(index.words)
    number = {w: n for n, w in enumerate(words)}
    rows = sorted((_hash(k), k, v) for k, v in ((_encode(k), v) for k, v in index.deletes.items()))
    arrays: dict[str, Any] = {
        "hashes": array("q", (h for h, _, _ in rows)),
        "key_offsets": array("I", [0]),
        "post_offsets": array("I", [0]),
        "postings": array("I"),
        "keys": bytearray(),
        "words": "\n".join(words).encode("utf-8", "surrogatepass"),
    }
    for _, key, posting in rows:
        arrays["keys"] += key
        arrays["key_offsets"].append(len(arrays["keys"]))
        arrays["postings"].extend(number[w] for w in posting)
        arrays["post_offsets"].append(len(arrays["postings"]))
    blobs = [
        bytes(arrays[name]) if code is None else arrays[name].tobytes() for name, code in _SECTIONS
    ]
    meta: dict[str, Any] = {"itemsize": array("I").itemsize, "max_length": index._max_length}
    head = len(_MAGIC) + 8
    # The header's size is not known before its offsets: room is reserved for it, and the
    # sections start on multiples of 8 (the arrays' item sizes).
    offset = first = head + 1024 + (-(head + 1024) % 8)
    sections: dict[str, list[int]] = {}
    for (name, _), blob in zip(_SECTIONS, blobs):
        sections[name] = [offset, len(blob)]
        offset += len(blob) + (-len(blob) % 8)
    meta["sections"] = sections
    header = json.dumps(meta).encode()
    if head + len(header) > first:
        raise ValueError("fuzzy index header too long")
    fh.write(_MAGIC + len(header).to_bytes(8, "little") + header.ljust(first - head, b" "))
    for blob in blobs:
        fh.write(blob + b"\0" * (-len(blob) % 8))


def _open_fuzzy(path: Path, words: dict[str, int]) -> Any | None:
    """The index in ``path`` over ``words``, or None if it is missing or unusable."""
    import json

    try:
        with open(path, "rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        if data[: len(_MAGIC)] != _MAGIC:
            return None
        size = int.from_bytes(data[len(_MAGIC) : len(_MAGIC) + 8], "little")
        start = len(_MAGIC) + 8
        meta = json.loads(data[start : start + size])
        sections = meta["sections"]
        if meta["itemsize"] != array("I").itemsize or any(
            sections[name][0] + sections[name][1] > len(data) for name, _ in _SECTIONS
        ):
            return None  # another platform's file, or a truncated one
        begin, length = sections["words"]
        listed = data[begin : begin + length].decode("utf-8", "surrogatepass")
        word_list = listed.split("\n") if listed else []
        kept = words
        if any(c < 1 for c in words.values()):  # symspellpy leaves out counts below 1
            kept = {w: c for w, c in words.items() if c >= 1}
        if len(word_list) != len(kept) or any(w not in kept for w in word_list):
            return None
        deletes = _MappedDeletes(data, sections, word_list)
        index = _new_index()
        if not all(hasattr(index, a) for a in ("_words", "_deletes", "_max_length")):
            return None  # a symspellpy whose internals differ: build it in memory instead
        index._words = kept
        index._deletes = deletes
        index._max_length = meta["max_length"]
        return index
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _build_fuzzy(words: dict[str, int]) -> Any:
    """A symspellpy index of ``words``: opened from its file in the cache, else built (and
    written there for next time)."""
    import gc

    digest = hashlib.sha256(marshal.dumps(words, 2)).hexdigest()
    path = _cache_path("fuzzy", "bin", digest)
    index = _open_fuzzy(path, words)
    if index is not None:
        return index
    gc_was_enabled = gc.isenabled()
    gc.disable()  # building millions of small objects: the GC only slows it
    try:
        index = _new_index()
        for word, count in words.items():
            index.create_dictionary_entry(word, count)
    finally:
        if gc_was_enabled:
            gc.enable()
    if _write_atomic(path, lambda fh: _dump_fuzzy(index, fh)):
        mapped = _open_fuzzy(path, words)
        if mapped is not None:
            return mapped  # and the in-memory one is freed
    return index


@functools.cache
def default_lexicon() -> Lexicon:
    """The shared default lexicon (English + UN), created once per process."""
    return Lexicon()
