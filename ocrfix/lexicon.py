"""The lexicon: what words exist, how frequent they are, and which words sit together.

Tiers, each loaded only when first needed and then shared:

1. known words: symspellpy's English unigram list plus the UN vocabulary shipped in
   ``ocrfix/data/lexicon`` (a plain dict; enough to check clean text);
2. bigrams: symspellpy's English bigram list plus the UN phrases (for segmentation and context);
3. the fuzzy index: a symspellpy index over all known words, built only when an unknown
   token needs candidates, and cached on disk keyed by version and word list.

Why symspellpy's lists rather than wordfreq: measured on the seed sample, wordfreq's larger
web vocabulary "knows" OCR debris (``devel``, ``opment``, ``hm``), which would blind the
split-word fixer; symspellpy's curated 82,765 words know none of them, and its bigram list
gives the context the segmenter needs. The UN lists fill what it lacks (``interregional``,
``inter alia``, ``subregional``).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import itertools
import os
import pickle
import re
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

#: Count given to a UN-vocabulary word that the English list lacks (a mid-frequency word).
UN_WORD_COUNT = 2_000_000
#: Count given to a UN phrase's word pairs.
UN_BIGRAM_COUNT = 5_000_000
#: Words rarer than this in the English list are treated as unknown by fixers that need
#: confidence that a word is real (the list's tail holds a few OCR-like fragments).
RARE = 30_000

_FUZZY_FORMAT = 1
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def _symspell_file(name: str) -> Path:
    import symspellpy  # deferred: only its data files are needed here

    return Path(symspellpy.__file__).with_name(name)


def _read_entries(lines: Iterable[str]) -> list[str]:
    out = []
    for raw in lines:
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@functools.cache
def _english_unigrams() -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(_symspell_file("frequency_dictionary_en_82_765.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, _, count = line.partition(" ")
            counts[word] = int(count)
    return counts


@functools.cache
def _english_bigrams() -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    with open(_symspell_file("frequency_bigramdictionary_en_243_342.txt"), encoding="utf-8") as fh:
        for line in fh:
            first, second, count = line.split()
            counts[(first, second)] = int(count)
    return counts


@functools.cache
def _un_entries() -> tuple[str, ...]:
    folder = resources.files("ocrfix") / "data" / "lexicon"
    entries: list[str] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".txt"):
            entries.extend(_read_entries(item.read_text(encoding="utf-8").splitlines()))
    return tuple(entries)


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
        extra = (list(_un_entries()) if un else []) + _load_words(words)
        self.protected: frozenset[str] = frozenset(_load_words(protected))
        self._extra_words: dict[str, int] = {}
        self._extra_bigrams: dict[tuple[str, str], int] = {}
        abbreviations = set()
        for entry in [*extra, *self.protected]:
            parts = _WORD_RE.findall(entry)
            if len(parts) == 1 and entry.endswith(".") and " " not in entry:
                abbreviations.add(parts[0].lower())
            for part in parts:
                self._add_word(part, whole_entry=len(parts) == 1)
            lowered = [p.lower() for p in parts]
            for first, second in itertools.pairwise(lowered):
                self._extra_bigrams[(first, second)] = UN_BIGRAM_COUNT
        #: Abbreviations the lists write with a full stop ('para', 'distr'), lower case.
        self.abbreviations: frozenset[str] = frozenset(abbreviations)
        self._fuzzy: Any = None
        self._counts: dict[str, int] | None = None

    def _add_word(self, word: str, whole_entry: bool) -> None:
        """Add a listed word. Acronyms stay case-sensitive (``UN`` must not make ``un`` a word);
        short words that are only part of a phrase or compound (``ad`` of ``ad hoc``, ``pre``
        of ``pre-trial``) are not words on their own: the phrase's bigrams keep them apart."""
        if len(word) > 1 and word.isupper():
            self._extra_words.setdefault(word, UN_WORD_COUNT)
            return
        if whole_entry or len(word) >= 4:
            self._extra_words.setdefault(word.lower(), UN_WORD_COUNT)
        if "-" in word:
            for piece in word.split("-"):
                if len(piece) >= 4 and not piece.isupper():
                    self._extra_words.setdefault(piece.lower(), UN_WORD_COUNT)

    # -- tier 1 -----------------------------------------------------------------------------
    def frequency(self, word: str) -> int:
        """Corpus count of ``word`` (case-insensitive); 0 if unknown."""
        counts = self._counts or self._merge_counts()
        count = counts.get(word)
        if count is None:
            count = counts.get(word.lower(), 0)
        return count

    def known(self, word: str, min_count: int = 1) -> bool:
        """Is ``word`` a word (hyphenated compounds: every part), at least ``min_count`` common?"""
        if self.frequency(word) >= min_count:
            return True
        if "-" in word:
            parts = word.split("-")
            return all(p and self.frequency(p) >= min_count for p in parts)
        return False

    def is_protected(self, word: str) -> bool:
        return word in self.protected

    # -- tier 2 -----------------------------------------------------------------------------
    def bigram(self, first: str, second: str) -> int:
        """Count of the word pair (case-insensitive); 0 if never seen."""
        key = (first.lower(), second.lower())
        count = _english_bigrams().get(key, 0) if self._english else 0
        return max(count, self._extra_bigrams.get(key, 0))

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
        merged = dict(_english_unigrams()) if self._english else {}
        for word, count in self._extra_words.items():
            merged[word] = max(merged.get(word, 0), count)
        self._counts = merged
        return merged

    def _fuzzy_index(self) -> Any:
        if self._fuzzy is None:
            self._fuzzy = _build_fuzzy(self._counts or self._merge_counts())
        return self._fuzzy


def _cache_dir() -> Path:
    base = os.environ.get("OCRFIX_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "ocrfix" if base else Path.home() / ".cache" / "ocrfix"


def _build_fuzzy(words: dict[str, int]) -> Any:
    """Build (or load from the disk cache) a symspellpy index of ``words``."""
    import gc

    from symspellpy import SymSpell

    from . import __version__

    digest = hashlib.sha256(
        "\n".join(f"{w} {c}" for w, c in sorted(words.items())).encode()
    ).hexdigest()[:16]
    path = _cache_dir() / f"fuzzy-v{_FUZZY_FORMAT}-{__version__}-{digest}.pickle.gz"
    gc_was_enabled = gc.isenabled()
    gc.disable()  # building or unpickling millions of small objects: the GC only slows it
    try:
        try:
            with gzip.open(path, "rb") as fh:
                index = pickle.load(fh)
            if isinstance(index, SymSpell):
                return index
        except Exception:
            pass
        index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word, count in words.items():
            index.create_dictionary_entry(word, count)
        _write_cache(path, index)
        return index
    finally:
        if gc_was_enabled:
            gc.enable()


def _write_cache(path: Path, index: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with (
            os.fdopen(fd, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as fh,
        ):
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home is fine: the index is simply rebuilt next time


@functools.cache
def default_lexicon() -> Lexicon:
    """The shared default lexicon (English + UN), created once per process."""
    return Lexicon()
