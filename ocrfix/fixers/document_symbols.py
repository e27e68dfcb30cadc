"""UN document symbols, old-style resolution numbers and job-number footers.

``A/C.2/61/L .12`` -> ``A/C.2/61/L.12``: OCR puts spaces inside symbols at the joints.
``217 A (111)`` -> ``217 A (III)``: resolutions of the first thirty sessions are cited with
the session in roman numerals, which OCR reads as digits or letters.
``06-58187 hM 231006`` -> ``06-58187 (E) 231006``: the language tag of a job-number footer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from .. import lazy_re
from ..edits import Edit
from ._words import AtStarts
from .base import Context

# Symbol series that start UN document symbols.
_SERIES = "A S E ST CCPR CERD CEDAW CRC CAT CMW CRPD UNEP TD DP ICEF HRC JIU".split()
# A series at the start of a word: each name, then a lookbehind that no letter, digit or '_'
# stands before it (as '\b' before it would say). (Each alternative begins with its letter:
# re then skips in C to the positions holding one, instead of trying a match at every one.)
_SERIES_AT_WORD_START = "|".join(rf"{s}(?<!\w{s})" for s in _SERIES)
# A symbol: series, then /-separated elements of capitals, digits and dots. Spaces may sit
# around the joints (before or after '/' or '.'), one at a time.
_SYMBOL = lazy_re.compile(
    rf"(?:{_SERIES_AT_WORD_START})(?: ?/ ?[A-Z0-9]+(?![a-z])(?: ?\.[A-Z0-9]+(?![a-z]))*)+"
)
_JOINT_SPACE = lazy_re.compile(r" (?=[/.])|(?<=[/.]) ")

# Old-style resolution: 'resolution(s) ... 217 A (III)' -- number, optional letter, session.
# (The number, one to four digits at the start of a word, begins with its first digit, the
# lookbehind after it: re then skips in C to the digits.)
_OLD_STYLE = lazy_re.compile(
    r"(?P<number>\d(?<!\w\d)\d{0,3})(?: (?P<letter>[A-F]))? \((?P<session>[0-9IlVXxTLH|!]{1,6})\)"
)
_ROMAN_VALUE = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
}
_ROMAN_READS = str.maketrans(
    {"1": "I", "l": "I", "|": "I", "!": "I", "T": "I", "L": "I", "x": "X", "H": "II"}
)
_CITATION_CUE = lazy_re.compile(r"resolutions?\b|decisions?\b|\b(?:and|,)\s*$", re.IGNORECASE)

# Roman numbers that open headings ('Il. Trends' for 'II. Trends') and sub-items ('(il)').
# (Line starts found by their line breaks: see ``AtStarts``.)
_ROMAN_HEADING = AtStarts(r"(?P<r>[IVXl1]{2,5})\.(?=[ \t]+[A-Z])")
_ROMAN_ITEM = AtStarts(r"[ \t]*\((?P<r>[ivxl1]{2,5})\)(?=[ \t]+\S)")
# (The middle is an optional tag, then any spaces and dashes: written so that a line of many
# dashes or spaces cannot be split in many ways, which took exponential time.)
_JOB_FOOTER = AtStarts(
    r"(?P<job>(?P<yy>\d{2})-?(?P<num>\d{5}))"
    r"(?P<middle>(?:[ \t]*[(\[{]?[A-Za-z]{1,2}[)\]}]?)?[ \t\-—–~]*)(?P<date>\d{6})[ \t]*$",
    flags=re.M,
)
# A job number that lost its hyphen, alone at the foot of a page or beside the page number:
# '2420433 2' for '24-20433' and page 2.
_BARE_JOB = AtStarts(
    r"(?:\d{1,2}(?:/\d{1,2})?[ \t]+)?(?P<yy>[0-3]\d)(?P<num>\d{5})"
    r"(?:[ \t]+\d{1,2}(?:/\d{1,2})?)?[ \t]*$",
    flags=re.M,
)
# (What follows a line: a page ends where the next character that is not a space or a line
# break is a form feed, or where there is none.)
_NEXT_MARK = lazy_re.compile(r"[^ \t\r\n]")
# A slash read as I, l or 1 after the series letter at the start of a word: 'AIC.2/79/L.27',
# 'AI79/312'. (Begins with the letter, the lookbehind after it: re then skips in C to the
# candidates.)
_SLASH_AS_I = lazy_re.compile(
    r"(?P<series>[AES])(?<!\w[AES])(?P<read>[Il1|])"
    r"(?=C\.\d{1,2}/|\d{2,3}/\d|RES/|AC\.\d|CN\.\d|CONF\.\d)"
)
# A whole symbol, as the UN writes it: committee drafts, reports, resolutions, Council
# documents. A damaged token is repaired only when the repair is one of these.
_VALID_SYMBOL = lazy_re.compile(
    r"""(?x)
      A/(?:C\.[1-6]/)?\d{2}/L\.\d{1,3}(?:/Rev\.\d)?(?:/Add\.\d{1,2})?(?:/Corr\.\d)?
    | A/\d{2}/\d{1,4}(?:/Add\.\d{1,2})?(?:/Rev\.\d)?(?:/Corr\.\d)?
    | A/\d{2}/\d{1,4}-S/\d{4}/\d{1,4}
    | A/RES/\d{2}/\d{1,3}
    | A/(?:AC|CONF)\.\d{1,3}/\d{4}/(?:L\.)?\d{1,2}(?:/Rev\.\d)?(?:/Add\.\d{1,2})?
    | A/CONF\.\d{1,3}/\d{1,3}
    | A/HRC/\d{2}/(?:L\.)?\d{1,3}
    | E/\d{4}/(?:L\.)?\d{1,3}
    | E/CN\.\d{1,2}/\d{4}/(?:L\.)?\d{1,2}
    | S/\d{4}/\d{1,4}
    """
)
# A token that may be a damaged symbol: a series letter, then a mark or letter that may be a
# slash, and at least one more slash or dot (no spaces: those are the joints fixed above);
# not after a letter, digit or slash. (Begins with the letter, the lookbehind after it: re
# then skips in C to the candidates.)
_SYMBOL_LIKE = lazy_re.compile(r"[AES](?<![\w/][AES])[^\s/]{0,7}[/.,:°'‘’(][^\s]{2,30}")
# The misreadings inside a symbol, each tied to its place: the slash after 'A' read as a
# letter or a mark ('AIC.', 'AVC.', 'A/IC.', 'AV79/'); a comma or a doubled stop after 'C'
# ('A/C,2/'); 'L.' read as '1..' or 'L..' or 'L,' ('/1..27'); the 7 of a session read 'T'.
_SYMBOL_READS = (
    # A resolution's symbol, the running head of its pages: its slashes read as letters or
    # marks ('AJRES/', 'APRES/', 'AMRES/', 'AiRES!', 'AJRESI79/', 'ARES/'), the 8 of its
    # session as 'B' ('7B/'). (Real pages of sessions 78 and 79, heavy and medium damage.)
    (lazy_re.compile(r"^A(?:[IiJlL1|!VMNPS]/?|/[IiJl1|])?RES(?=[/!IiJl1|]?[\dTB]{2}/\d)"), "A/RES"),
    (lazy_re.compile(r"(?<=^A/RES)[!IiJl1|](?=[\dTB]{2}/\d)"), "/"),
    (lazy_re.compile(r"(?<=^A/RES/[\dT])B(?=/\d)"), "8"),
    (
        lazy_re.compile(
            r"^A(?:/?[IVJN\\|l1(‘’']|/)(?=C[.,]{1,2}\d|AC[.,]\d|CONF[.,]\d|\d{2}/|T\d/)"
        ),
        "A/",
    ),
    (lazy_re.compile(r"(?<=^A/)(C|AC|CONF)[.,]{1,2}(?=\d)"), r"\1."),
    (lazy_re.compile(r"(?<=/)T(?=\d/)"), "7"),
    (lazy_re.compile(r"(?<=/)[1LlI](?:\.\.|,\.|\.,|,)(?=\d)"), "L."),
)
_SYMBOL_END = ".,;:)"


#: What OCR reads for a slash between the parts of a symbol ('A:34°45', "A'65/", 'A(CONF.').
_SLASH_READS = frozenset(":°'‘’(")
#: At most this many spellings of one token are tried (see ``_spellings``).
MAX_SPELLINGS = 256


def repair_symbol(token: str) -> str | None:
    """The valid symbol ``token`` is a misreading of, or None (also when it is valid, and
    when two symbols could have been read so)."""
    if _VALID_SYMBOL.fullmatch(token) or sum(c.isdigit() for c in token) < 2:
        return None
    fixed = token
    for pattern, replacement in _SYMBOL_READS:
        fixed = pattern.sub(replacement, fixed)
    if fixed != token and _VALID_SYMBOL.fullmatch(fixed):
        return fixed
    # Each character OCR may have misread in its place, read each way it may be; the repair
    # is the one valid symbol among them.
    valid = {v for v in _spellings(fixed) if _VALID_SYMBOL.fullmatch(v)}
    return valid.pop() if len(valid) == 1 else None


def _spellings(token: str) -> list[str]:
    """``token`` with each character that may be a misread part of a symbol read each way:
    a mark for a slash, '-' or '.' for a slash between digits, 'S' for a 5 among digits or for
    the slash after 'A', the slash after 'A' lost, '8' for the 'S' of a joint Council symbol
    ('-8/2010/'), a comma for the stop of 'Rev.1' ([] past :data:`MAX_SPELLINGS`)."""
    options: list[tuple[str, ...]] = []
    count = 1
    for i, c in enumerate(token):
        before = token[i - 1] if i else ""
        after = token[i + 1] if i + 1 < len(token) else ""
        if i and c in _SLASH_READS:
            choice: tuple[str, ...] = ("/",)
        elif c == "-" and before.isdigit() and after.isdigit():
            choice = ("-", "/")
        elif c == "." and before.isdigit() and after.isupper():
            choice = (".", "/")
        elif c == "S" and (before.isdigit() or before == "/") and after.isdigit():
            choice = ("S", "5")
        elif c == "S" and i == 1 and before == "A":
            choice = ("S", "/")
        elif c.isdigit() and i == 1 and before == "A":
            choice = (c, "/" + c)  # the slash lost ('A78:279')
        elif c == "8" and before == "-" and after in "/:":
            choice = ("8", "S")
        elif c == "," and before.isalpha() and after.isdigit():
            choice = (",", ".")
        else:
            choice = (c,)
        count *= len(choice)
        if count > MAX_SPELLINGS:
            return []
        options.append(choice)
    return ["".join(p) for p in itertools.product(*options)]


# '[on the report of the Sixth Committee (A/78/433, para. 13)]', its symbol as read.
# (A Main Committee's, its name perhaps misread ('Sixih Commitive'), and the bracket closing
# the heading after the paragraph: not a report cited in the text, which may be of another
# session.) The bracket first, the committee looked for before it: re then skips in C to the
# brackets.
_REPORT = lazy_re.compile(
    r"\((?P<symbol>[^\s,;()][^,;()\n]{2,16}?)(?=[,;][ \t\n]*paras?\.?[ \t]*\S{1,8}?[)\]}]{2})"
)
_COMMITTEE = lazy_re.compile(
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|[A-Z][a-z]{3,5})[ \t]+C[a-z]{6,9}\)?[ \t\n]+$"
)
# The resolution's own session: its symbol at the head of the page, the number heading its
# title ('78/117. Observer status'), or the session line of the masthead.
_OWN_NUMBER = lazy_re.compile(
    r"A/RES/(?P<s>[1-9]\d)/\d|^(?P<t>[1-9]\d)/\d{1,3}\.(?:[ \t]|$)"
    r"|^(?P<tens>Sixty|Seventy|Eighty)-(?P<unit>first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth) session|^(?P<round>Sixtieth|Seventieth|Eightieth) session",
    re.M,
)
_TENS = {
    "Sixty": 60,
    "Seventy": 70,
    "Eighty": 80,
    "Sixtieth": 60,
    "Seventieth": 70,
    "Eightieth": 80,
}
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_DIGIT_RUN = lazy_re.compile(r"\d+")


def _own_session(text: str) -> str | None:
    m = _OWN_NUMBER.search(text)
    if m is None:
        return None
    if m["tens"]:
        return str(_TENS[m["tens"]] + _UNITS.index(m["unit"]) + 1)
    return str(_TENS[m["round"]]) if m["round"] else m["s"] or m["t"]


def _report_symbol(read: str, session: str) -> str | None:
    """'A/<session>/<number>' from the digits of ``read``: the last run is the number, the
    run before it the session (read right or with one digit wrong)."""
    if any(c.isalpha() and c not in "AeC" for c in read):
        return None  # ('AC8 465 td. 1': an addendum, too damaged to say)
    runs = _DIGIT_RUN.findall(read)
    if len(runs) >= 2 and len(runs[-2]) == 2 and 1 <= len(runs[-1]) <= 4:
        if sum(a != b for a, b in zip(runs[-2], session)) > 1:
            return None
        number = runs[-1]
    else:
        return None  # (not '78464': the slash may be lost, or a digit misread, or both)
    if number.startswith("0"):
        return None
    fixed = f"A/{session}/{number}"
    return fixed if _VALID_SYMBOL.fullmatch(fixed) and fixed != read else None


# A roman number after the word citing it ('annex Il,', 'article 1V', 'annex [.'): UN text
# numbers annexes, chapters, sections, parts, volumes and appendices in roman, and writes no
# mark, 'l' or bracket there; a number in digits ('annex 1') may be right, and stays.
# (The first letter first, the lookbehind after it: re then skips in C to those letters.)
_CITED_ROMAN = lazy_re.compile(
    r"[AaEeCcSsPpVv](?<!\w[AaEeCcSsPpVv])"
    r"(?:(?<=[Aa])(?:nnex(?:es)?|ppendix|rticle)|(?<=[Ee])nclosure|(?<=[Cc])hap(?:\.|ter)"
    r"|(?<=[Ss])ect(?:\.|ion)|(?<=[Pp])art|(?<=[Vv])ol\.)"
    r"[ \t]+(?P<r>[IVXl1|\[]{1,5})(?=[.,;:)\s]|$)"
)
_ROMAN_MISREAD = str.maketrans({"l": "I", "1": "I", "|": "I", "[": "I"})

# (The word first, then the lookbehind that no character but a line break stands before it.)
_DISTR = lazy_re.compile(
    r"Distr(?<![^\n]Distr)[.,:;]{0,3}(?=[ \t]+(?:General|Limited|Restricted)\b)"
)


def _roman(value: str) -> int | None:
    """Value of a roman numeral up to XXXIX, or None."""
    tens = len(value) - len(value.lstrip("X"))
    rest = value[tens:]
    if tens > 3:
        return None
    if rest == "":
        return 10 * tens if tens else None
    unit = _ROMAN_VALUE.get(rest)
    return None if unit is None or unit == 10 else 10 * tens + unit


@dataclass(frozen=True)
class DocumentSymbolsFixer:
    """Close spaces inside document symbols; restore roman session numbers; footer tags."""

    name: ClassVar[str] = "document_symbols"
    language_independent: ClassVar[bool] = True
    footer_tag: str = "(E)"

    def propose(self, text: str, ctx: Context) -> Iterator[Edit]:
        yield from self._symbols(text)
        yield from self._damaged_symbols(text)
        yield from self._sessions(text)
        yield from self._footers(text)
        yield from self._headings(text)
        yield from self._cited_romans(text)
        yield from self._report_symbols(text)

    def _report_symbols(self, text: str) -> Iterator[Edit]:
        """The symbol of the Main Committee's report under a resolution's title, '[on the
        report of the Sixth Committee (A/78/433, para. 13)]', read as '(4. 78.433,' or
        '(Ae78'457,': a report of the resolution's own session, its number as read."""
        for m in _REPORT.finditer(text):
            if not _COMMITTEE.search(text, max(0, m.start() - 40), m.start()):
                continue
            read = m["symbol"]
            if _VALID_SYMBOL.fullmatch(read):
                continue
            session = _own_session(text)
            fixed = None if session is None else _report_symbol(read, session)
            if fixed is None:
                continue
            yield Edit(
                m.start("symbol"),
                m.end("symbol"),
                read,
                fixed,
                self.name,
                f"the symbol of the committee's report, of session {session}",
                0.8,
            )

    def _cited_romans(self, text: str) -> Iterator[Edit]:
        for m in _CITED_ROMAN.finditer(text):
            read = m.group("r")
            if read.isdigit() or not any(c in "l1|[" for c in read):
                continue  # right as read, or a number in digits
            fixed = read.translate(_ROMAN_MISREAD)
            if _roman(fixed) is None:
                continue
            yield self._roman_edit(m, fixed, f"roman number '{fixed}' of a citation", 0.8)

    def _headings(self, text: str) -> Iterator[Edit]:
        for pattern, upper in ((_ROMAN_HEADING, True), (_ROMAN_ITEM, False)):
            for m in pattern.finditer(text):
                read = m.group("r")
                if not any(c in "l1" for c in read) or not any(c in "IVXivx" for c in read):
                    continue
                fixed = read.replace("l", "I").replace("1", "I")
                if _roman(fixed.upper()) is None:
                    continue
                fixed = fixed if upper else fixed.lower()
                yield self._roman_edit(m, fixed, f"roman number '{fixed}'", 0.85)

    def _roman_edit(self, m: re.Match[str], fixed: str, what: str, confidence: float) -> Edit:
        """The edit writing ``fixed`` over the roman number (group 'r') that ``m`` read."""
        read = m.group("r")
        return Edit(
            m.start("r"), m.end("r"), read, fixed, self.name, f"{what} read as '{read}'", confidence
        )

    def _symbols(self, text: str) -> Iterator[Edit]:
        for m in _SYMBOL.finditer(text):
            symbol = m.group()
            if " " not in symbol:
                continue
            # A space before a capitalised word is a sentence going on, not a joint:
            # keep only symbols whose every element after a spaced joint is symbol-like.
            fixed = _JOINT_SPACE.sub("", symbol)
            if fixed.count("/") < 2:
                continue
            yield Edit(
                m.start(),
                m.end(),
                symbol,
                fixed,
                self.name,
                "closed a space inside a document symbol",
                0.9,
            )

    def _damaged_symbols(self, text: str) -> Iterator[Edit]:
        for m in _SYMBOL_LIKE.finditer(text):
            token = m.group().rstrip(_SYMBOL_END)
            fixed = repair_symbol(token)
            if fixed is None:
                continue
            yield Edit(
                m.start(),
                m.start() + len(token),
                token,
                fixed,
                self.name,
                "a document symbol with its slashes and stops misread",
                0.85,
            )

    def _sessions(self, text: str) -> Iterator[Edit]:
        for m in _OLD_STYLE.finditer(text):
            session = m.group("session")
            roman = session.translate(_ROMAN_READS)
            value = _roman(roman)
            if value is None or roman == session:
                continue
            number = int(m.group("number"))
            # Old-style numbering ran to 3,500 resolutions in thirty sessions.
            if number > 3600 or not _CITATION_CUE.search(text[max(0, m.start() - 60) : m.start()]):
                continue
            start = m.start("session")
            yield Edit(
                start,
                m.end("session"),
                session,
                roman,
                self.name,
                f"session number of an old-style resolution read as '{session}'",
                0.9,
            )

    def _footers(self, text: str) -> Iterator[Edit]:
        for m in _JOB_FOOTER.finditer(text):
            fixed = f"{m.group('yy')}-{m.group('num')} {self.footer_tag} {m.group('date')}"
            read = text[m.start("job") : m.end()]  # (the line, without the break before it)
            if read != fixed:
                yield Edit(
                    m.start("job"),
                    m.end(),
                    read,
                    fixed,
                    self.name,
                    "the job-number footer: number, language tag, date",
                    0.8,
                )
        for m in _BARE_JOB.finditer(text):
            after = _NEXT_MARK.search(text, m.end())
            if after is None or after.group() == "\f":
                yield Edit(
                    m.start("num"),
                    m.start("num"),
                    "",
                    "-",
                    self.name,
                    "the hyphen of a job number at the foot of a page",
                    0.75,
                )
        for m in _DISTR.finditer(text):
            if m.group() != "Distr.:":
                yield Edit(
                    m.start(),
                    m.end(),
                    m.group(),
                    "Distr.:",
                    self.name,
                    "the distribution line of a document header",
                    0.8,
                )
        for m in _SLASH_AS_I.finditer(text):
            yield Edit(
                m.start("read"),
                m.end("read"),
                m.group("read"),
                "/",
                self.name,
                "a slash read as a letter in a document symbol",
                0.8,
            )
