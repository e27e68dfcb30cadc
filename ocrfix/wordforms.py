"""Words the lexicon lacks that are still well-formed English words, not OCR damage.

No word list holds every word: ``formatters``, ``accessor``, ``neighborhood`` (the lexicon
spells the UN way, ``neighbourhood``), ``backend``, ``parameterization``. OCR damage rarely
makes such a form: a known word with a regular ending, the other national spelling of a known
word, or two known words joined. The word fixers leave these alone.
"""

from __future__ import annotations

from . import lazy_re
from .lexicon import RARE, Lexicon

#: How common a stem or a part must be (a corpus count), and how long.
COMMON = RARE * 30
MIN_STEM = 6
MIN_PART = 3
#: Longer tokens are no words (the longest in the lexicon has 30 letters); the tests slice a
#: token at each position, which a megabyte-long token would make quadratic.
MAX_FORM = 40

# Endings that make new words of a word (a consonant may double before them).
_SUFFIX = lazy_re.compile(
    r"(?:(?P<double>[bcdfglmnprstvz]))?(?:s|es|ed|er|ers|ing|ings|ly|ment|ments|able|ness|ise|"
    r"ize|ised|ized|ises|izes|ation|ations|isation|ization|isations|izations|ist|ists|ism|ity|"
    r"ities|ful|less|al|ally|or|ors)"
)
_AGENT = frozenset(["or", "ors"])
# Endings before which a final 'e' drops ('organize' -> 'organizing').
_DROPS_E = frozenset("ing ings ed able ation ations ity".split())
# British and American spellings of the same word: (one ending or part, the other).
_NATIONAL = (
    ("our", "or"),
    ("or", "our"),
    ("ise", "ize"),
    ("ize", "ise"),
    ("isation", "ization"),
    ("ization", "isation"),
    ("yse", "yze"),
    ("yze", "yse"),
    ("tre", "ter"),
    ("ter", "tre"),
    ("ence", "ense"),
    ("ense", "ence"),
    ("ogue", "og"),
    ("og", "ogue"),
)
# (Only at the end of a word or before an ending: 'labour', 'labourers', 'organisations';
# elsewhere 'or' and 'l' are just letters, and OCR drops a doubled 'l' often: 'smal'.)
_NATIONAL_PART = lazy_re.compile(
    "(?:" + "|".join(sorted({a for a, _ in _NATIONAL}, key=len, reverse=True)) + ")"
    r"(?=(?:s|d|ed|ing|ings|er|ers|hood|hoods|ful|ite|ites|able|ation|ations)?$)"
)
_OTHER = {a: [b for x, b in _NATIONAL if x == a] for a, _ in _NATIONAL}


def inflected(low: str, lex: Lexicon) -> bool:
    """Is ``low`` (lower case) a known word of at least four letters with a regular ending
    ('formatters', 'accessors', 'acidifies')?"""
    if len(low) > MAX_FORM:
        return False
    for i in range(len(low) - 1, MIN_STEM - 2, -1):
        m = _SUFFIX.fullmatch(low, i)
        if m is None:
            if (
                i == len(low) - 3
                and low.endswith(("ies", "ied", "ier"))
                and lex.known(low[:i] + "y", min_count=COMMON)
            ):
                return True  # 'acidifies': 'acidify'
            continue
        if i < MIN_STEM and m.group() not in _AGENT:
            continue  # short stems only with an agent ending: 'grantor'
        double = m.group("double")
        if double and low[i - 1] != double:
            continue  # only a doubled consonant may stand before the ending
        if lex.known(low[:i], min_count=COMMON):
            return True
        if m.group() in _DROPS_E and lex.known(low[:i] + "e", min_count=COMMON):
            return True  # 'parameterizing': 'parameterize'

    return False


def national_variant(low: str, lex: Lexicon) -> bool:
    """Is ``low`` the other national spelling of a known word ('neighborhood', 'scandalised',
    'serialisation', 'traveled')?"""
    if len(low) > MAX_FORM:
        return False
    for m in _NATIONAL_PART.finditer(low):
        for other in _OTHER[m.group()]:
            variant = low[: m.start()] + other + low[m.end() :]
            if variant != low and lex.known(variant, min_count=COMMON):
                return True
    return False


def compound(low: str, lex: Lexicon) -> bool:
    """Is ``low`` two common words of three letters or more joined, a pair English often has
    ('namespace', 'wordlist')?"""
    if len(low) > MAX_FORM:
        return False
    for i in range(MIN_PART, len(low) - MIN_PART + 1):
        first, second = low[:i], low[i:]
        if (
            lex.known(first, min_count=COMMON)
            and lex.known(second, min_count=COMMON)
            and lex.bigram(first, second)
        ):
            return True  # (a pair that stands together in English: 'name space')
    return False


def well_formed(token: str, lex: Lexicon) -> bool:
    """Is ``token``, unknown to the lexicon, still a well-formed English word (see above)?"""
    low = token.lower()
    if len(low) > MAX_FORM or not low.isalpha():
        return False
    return inflected(low, lex) or national_variant(low, lex) or compound(low, lex)
