"""Peer systems for the accuracy benchmark: ``name -> callable(text) -> text``.

Each peer is used as a competent user would use it on OCR text: punctuation, digits, case,
whitespace and line structure are kept, and only word tokens are replaced in place.

Word tokens are runs of letters (``Secretary-General`` holds two, ``Children’s`` holds
``Children`` and the single letter ``s``).  Whitespace-separated chunks that hold a digit or a
symbol character (``/ @ \\ _``) -- document symbols, dates, URLs -- are left alone, as are
single letters and all-capital acronyms (``UNCTAD``).

Heavy state (the SymSpell index, the pyspellchecker dictionary) is built once per process, on
first use, and reused; word-level answers are cached (same word, same answer).
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

__all__ = [
    "PEER_NAMES",
    "PEER_NOTES",
    "PySpell",
    "available",
    "get_peer",
    "match_case",
    "replace_words",
    "word_spans",
]

Peer = Callable[[str], str]

#: Every peer, in report order.
PEER_NAMES = ("symspell_word", "symspell_compound", "pyspellchecker", "wordninja", "none")

#: How each peer is used (one line each, for the report).
PEER_NOTES = {
    "symspell_word": "symspellpy lookup per word (Verbosity.CLOSEST, max edit distance 2, "
    "bundled 82,765-word dictionary), case pattern kept",
    "symspell_compound": "symspellpy lookup_compound (bundled unigram + bigram dictionaries, "
    "ignore_non_words, transfer_casing) on each run of words between "
    "punctuation and line breaks",
    "pyspellchecker": "pyspellchecker SpellChecker().correction on unknown words, case kept",
    "wordninja": "wordninja.split on words unknown to symspellpy's dictionary",
    "none": "identity: the OCR text as is",
}

#: The Python module each peer needs.
_REQUIRES = {
    "symspell_word": "symspellpy",
    "symspell_compound": "symspellpy",
    "pyspellchecker": "spellchecker",
    "wordninja": "wordninja",
}

_UNIGRAMS = "frequency_dictionary_en_82_765.txt"
_BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"

# A whitespace-separated chunk with a digit or a symbol character is never touched.
_SYMBOL_CHUNK = re.compile(r"\S*[\d/@\\_]\S*")
_WORD = re.compile(r"[^\W\d_]+")
_RUN = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")


# ---------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------


def _masked(text: str) -> str:
    """``text`` with its symbol chunks blanked out (same length, so offsets still hold)."""
    return _SYMBOL_CHUNK.sub(lambda m: "#" * len(m.group()), text)


def _correctable(word: str) -> bool:
    return len(word) >= 2 and not word.isupper()


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the word tokens a peer may replace (see the module docstring)."""
    for m in _WORD.finditer(_masked(text)):
        if _correctable(m.group()):
            yield m.start(), m.end()


def match_case(source: str, word: str) -> str:
    """``word`` in the case pattern of ``source`` (all capitals, initial capital, or as is)."""
    if len(source) > 1 and source.isupper():
        return word.upper()
    if source[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    last = 0
    for start, end, new in edits:
        parts.append(text[last:start])
        parts.append(new)
        last = end
    parts.append(text[last:])
    return "".join(parts)


def replace_words(text: str, correct: Callable[[str], str]) -> str:
    """Replace every word token of ``text`` (:func:`word_spans`) by ``correct(word)``."""
    edits = []
    for start, end in word_spans(text):
        word = text[start:end]
        new = correct(word)
        if new != word:
            edits.append((start, end, new))
    return _splice(text, edits)


# ---------------------------------------------------------------------------
# SymSpell
# ---------------------------------------------------------------------------


def _data_file(package: str, name: str) -> str:
    return str(importlib.resources.files(package).joinpath(name))


@cache
def _symspell() -> Any:
    """One SymSpell index (max edit distance 2, unigrams + bigrams) per process."""
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    if not sym.load_dictionary(
        _data_file("symspellpy", _UNIGRAMS), term_index=0, count_index=1, encoding="utf-8"
    ):
        raise RuntimeError(f"symspellpy: cannot load {_UNIGRAMS}")
    if not sym.load_bigram_dictionary(
        _data_file("symspellpy", _BIGRAMS), term_index=0, count_index=2, encoding="utf-8"
    ):
        raise RuntimeError(f"symspellpy: cannot load {_BIGRAMS}")
    return sym


@cache
def symspell_vocabulary() -> frozenset[str]:
    """The words of symspellpy's bundled frequency dictionary (read directly: no index)."""
    path = _data_file("symspellpy", _UNIGRAMS)
    with open(path, encoding="utf-8") as fh:
        return frozenset(line.split()[0] for line in fh if line.strip())


def _symspell_word() -> Peer:
    from symspellpy import Verbosity

    sym = _symspell()
    cache: dict[str, str] = {}

    def correct(word: str) -> str:
        lower = word.lower()
        if lower not in cache:
            found = sym.lookup(lower, Verbosity.CLOSEST, max_edit_distance=2, include_unknown=True)
            cache[lower] = str(found[0].term) if found else lower
        term = cache[lower]
        return word if term == lower else match_case(word, term)

    return lambda text: replace_words(text, correct)


def _symspell_compound() -> Peer:
    sym = _symspell()
    cache: dict[str, str] = {}

    def correct(run: str) -> str:
        if run not in cache:
            found = sym.lookup_compound(
                run, max_edit_distance=2, ignore_non_words=True, transfer_casing=True
            )
            cache[run] = str(found[0].term) if found else run
        return cache[run]

    def peer(text: str) -> str:
        edits = []
        for m in _RUN.finditer(_masked(text)):
            run = text[m.start() : m.end()]
            if not any(_correctable(w) for w in run.split()):
                continue
            new = correct(run)
            if new != run and new.lower() != " ".join(run.lower().split()):
                edits.append((m.start(), m.end(), new))
        return _splice(text, edits)

    return peer


# ---------------------------------------------------------------------------
# pyspellchecker
# ---------------------------------------------------------------------------


class PySpell:
    """pyspellchecker as a peer, with a per-word cache.

    ``SpellChecker().correction`` takes up to seconds for a long unknown word (it generates
    every string within edit distance 2), so callers may compute the answers for the unknown
    words of a corpus up front (:meth:`unknown_words`, :meth:`correct_word`, possibly in
    several processes) and hand them over with :meth:`seed`.
    """

    def __init__(self) -> None:
        from spellchecker import SpellChecker

        self._checker = SpellChecker()
        self._cache: dict[str, str | None] = {}

    def known(self, lower: str) -> bool:
        return lower in self._checker

    def unknown_words(self, text: str) -> set[str]:
        """The lower-cased word tokens of ``text`` the checker does not know."""
        words = {text[s:e].lower() for s, e in word_spans(text)}
        return {w for w in words if not self.known(w)}

    def correct_word(self, lower: str) -> str | None:
        """The checker's correction of a lower-cased word (``None``: no candidate)."""
        if lower not in self._cache:
            if self.known(lower):
                self._cache[lower] = lower
            else:
                found = self._checker.correction(lower)
                self._cache[lower] = None if found is None else str(found)
        return self._cache[lower]

    def seed(self, answers: dict[str, str | None]) -> None:
        """Add precomputed :meth:`correct_word` answers to the cache."""
        self._cache.update(answers)

    def _correct(self, word: str) -> str:
        lower = word.lower()
        found = self.correct_word(lower)
        if found is None or found == lower:
            return word
        return match_case(word, found)

    def __call__(self, text: str) -> str:
        return replace_words(text, self._correct)


@cache
def pyspell() -> PySpell:
    """The per-process :class:`PySpell` instance."""
    return PySpell()


# ---------------------------------------------------------------------------
# wordninja
# ---------------------------------------------------------------------------


def _wordninja() -> Peer:
    import wordninja  # type: ignore[import-untyped]

    vocabulary = symspell_vocabulary()
    cache: dict[str, str] = {}

    def correct(word: str) -> str:
        if word.lower() in vocabulary:
            return word
        if word not in cache:
            parts = [str(p) for p in wordninja.split(word)]
            # wordninja drops characters outside [a-zA-Z0-9']: keep such words as they are
            if len(parts) < 2 or "".join(parts) != word:
                cache[word] = word
            else:
                cache[word] = match_case(word, " ".join(parts))
        return cache[word]

    return lambda text: replace_words(text, correct)


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------


def _identity(text: str) -> str:
    return text


def available(name: str) -> bool:
    """Whether the package ``name`` needs is installed."""
    if name not in PEER_NAMES:
        raise KeyError(f"unknown peer {name!r}; peers: {', '.join(PEER_NAMES)}")
    module = _REQUIRES.get(name)
    return module is None or importlib.util.find_spec(module) is not None


@cache
def get_peer(name: str) -> Peer:
    """The peer called ``name`` (built on first request, then reused in this process)."""
    if not available(name):
        raise ModuleNotFoundError(
            f"peer {name!r} needs the Python package {_REQUIRES[name]!r} "
            "(pip install pyspellchecker wordninja)"
        )
    if name == "symspell_word":
        return _symspell_word()
    if name == "symspell_compound":
        return _symspell_compound()
    if name == "pyspellchecker":
        return pyspell()
    if name == "wordninja":
        return _wordninja()
    return _identity
