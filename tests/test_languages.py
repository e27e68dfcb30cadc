"""Other languages pass through untouched: French, Spanish, Russian, Arabic and Chinese
passages in the style of UN documents, names written with diacritics, and English documents
that hold a paragraph or a title in another language.

ocrfix decides per paragraph (``ocrfix/language.py``), and its word fixers also leave alone
words next to French or Spanish function words or accented words. The passages below were
written for these tests.
"""

from __future__ import annotations

import pytest

import ocrfix
from ocrfix import Pipeline
from ocrfix.language import is_english

FRENCH = """\
L’Assemblée générale,

Rappelant sa résolution 70/1 du 25 septembre 2015, intitulée « Transformer notre monde :
le Programme de développement durable à l’horizon 2030 »,

Consciente que les migrations internationales sont une réalité aux multiples facettes, qui
revêt une grande importance pour le développement des pays d’origine, de transit et de
destination,

Notant avec préoccupation que les envois de fonds des travailleurs migrants restent soumis
à des frais de transfert élevés,

1. Prie le Secrétaire général de lui présenter, à sa quatre-vingtième session, un rapport
sur l’application de la présente résolution ;

2. Invite les États Membres et les organismes des Nations Unies à renforcer leur
coopération en matière de collecte de données ;

3. Décide d’inscrire à l’ordre du jour provisoire de sa quatre-vingtième session la
question intitulée « Mondialisation et interdépendance ».
"""

SPANISH = """\
La Asamblea General,

Reafirmando su compromiso con la cooperación internacional para hacer frente a los
desafíos que plantea la migración,

Observando con preocupación que el número de personas desplazadas por los conflictos
armados sigue aumentando en todas las regiones del mundo,

1. Exhorta a los Estados Miembros a que intensifiquen sus esfuerzos para proteger los
derechos humanos de todos los migrantes, independientemente de su situación migratoria;

2. Alienta a las organizaciones regionales a que compartan sus mejores prácticas en
materia de integración;

3. Solicita al Secretario General que le presente, en su octogésimo período de sesiones,
un informe sobre la aplicación de la presente resolución.
"""

RUSSIAN = """\
Генеральная Ассамблея,

ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года, озаглавленную «Преобразование
нашего мира: Повестка дня в области устойчивого развития на период до 2030 года»,

с удовлетворением отмечая усилия государств-членов по улучшению сбора данных
о международной миграции,

1. просит Генерального секретаря представить ей на ее восьмидесятой сессии доклад
об осуществлении настоящей резолюции;

2. постановляет включить в предварительную повестку дня своей восьмидесятой сессии
пункт, озаглавленный «Глобализация и взаимозависимость».
"""

ARABIC = """\
إن الجمعية العامة،

إذ تشير إلى قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015، المعنون "تحويل عالمنا: خطة التنمية
المستدامة لعام 2030"،

وإذ تلاحظ مع القلق أن تكاليف تحويل الأموال التي يرسلها العمال المهاجرون لا تزال مرتفعة،

1. تطلب إلى الأمين العام أن يقدم إليها في دورتها الثمانين تقريرا عن تنفيذ هذا القرار؛

2. تقرر أن تدرج في جدول الأعمال المؤقت لدورتها الثمانين البند المعنون "العولمة والترابط".
"""

CHINESE = """\
大会，

回顾其2015年9月25日题为“变革我们的世界：2030年可持续发展议程”的第70/1号决议，

关切地注意到移徙工人汇款的转账费用仍然很高，

1. 请秘书长向大会第八十届会议提交一份关于本决议执行情况的报告；

2. 决定将题为“全球化与相互依存”的项目列入大会第八十届会议临时议程。
"""

PASSAGES = {
    "french": FRENCH,
    "spanish": SPANISH,
    "russian": RUSSIAN,
    "arabic": ARABIC,
    "chinese": CHINESE,
}

# Names and places as UN documents print them, in English sentences.
NAMES = """\
The Committee heard statements by Mr. Søren Ødegård (Norway), Ms. María José Núñez
(Spain), Mr. Nguyễn Văn Minh (Viet Nam), Ms. Ayşe Çelik (Türkiye), Mr. Zbigniew
Brzeziński (Poland), Ms. Jūratė Šimkutė (Lithuania), Mr. Đorđe Petrović (Serbia),
Ms. Þórdís Sigurðardóttir (Iceland) and Mr. François-Xavier Lefèvre (France).

The representatives of Côte d’Ivoire, São Tomé and Príncipe, Curaçao and Réunion
thanked the Chair, Mr. José Antônio Gonçalves, and the Rapporteur, Ms. Agnès Müller.
"""

# An English resolution holding a French paragraph, and English quoting a Spanish title.
MIXED_FRENCH = """\
The General Assembly,

Recalling its resolution 70/1 of 25 September 2015,

Les États Membres sont invités à présenter leurs observations sur le rapport du
Secrétaire général avant la fin de la session, conformément à la pratique établie,

1. Requests the Secretary-General to submit a report on the implementation of the
present resolution;
"""

MIXED_SPANISH = """\
Noting with interest the conclusions of the regional seminar entitled “Hacia una
migración segura, ordenada y regular en América Latina y el Caribe”, held in Santiago
on 12 and 13 May 2019, and of the report “Los derechos de las personas migrantes
en las fronteras del sur”,

Welcoming the study entitled “Transformer notre monde : les envois de fonds vers
l’Afrique de l’Ouest”, and the statement made by the Chair,
"""

CLEAN = [*PASSAGES.values(), NAMES, MIXED_FRENCH, MIXED_SPANISH]
IDS = [*PASSAGES, "names", "mixed-french", "mixed-spanish"]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("text", CLEAN, ids=IDS)
def test_whole_passages_are_unchanged(text: str) -> None:
    result = ocrfix.fix_and_explain(text)
    assert result.edits == ()
    assert result.text == text


@pytest.mark.parametrize("text", CLEAN, ids=IDS)
def test_each_paragraph_and_line_alone_is_unchanged(text: str) -> None:
    # Alone, a paragraph or a line has less context to show its language.
    pieces = _paragraphs(text) + text.splitlines(keepends=True)
    changed = {p: ocrfix.fix(p) for p in pieces if ocrfix.fix(p) != p}
    assert changed == {}


@pytest.mark.parametrize("name", Pipeline().names)
def test_every_fixer_alone_leaves_them_unchanged(name: str) -> None:
    pipeline = Pipeline(fixers=[name])
    for text in CLEAN:
        for piece in [text, *_paragraphs(text)]:
            assert pipeline.fix(piece) == piece, (name, piece)


@pytest.mark.parametrize("text", list(PASSAGES.values()), ids=list(PASSAGES))
def test_reading_mode_keeps_every_word(text: str) -> None:
    # Wrapped lines are joined, but no word is removed as furniture or debris (a short
    # opening line such as '大会，' is text, not a scanner's scrap).
    assert ocrfix.fix(text, mode="reading").split() == text.split()
    structure = ocrfix.Pipeline().fix_and_explain(text, "structured").structure
    assert structure is not None and structure["furniture"] == []


def test_english_damage_next_to_another_language_is_still_repaired() -> None:
    french = _paragraphs(MIXED_FRENCH)[2]
    damaged = MIXED_FRENCH.replace("Requests", "Reguests").replace(
        "implementation", "implementa tion"
    )
    fixed = ocrfix.fix(damaged)
    assert "Requests the Secretary-General" in fixed
    assert french in fixed  # the French paragraph, word for word


def test_a_function_word_of_a_quoted_title_is_not_corrected() -> None:
    # 'sobre' is one OCR confusion from 'sabre'; it is Spanish here.
    line = "Noting with interest the conclusions of the “Seminario regional sobre la\n"
    assert ocrfix.fix(line) == line


def test_the_emblem_read_as_letters_is_no_spanish() -> None:
    # The masthead of a session-78 first page as Tesseract read it (real-page corpus,
    # medium): the emblem beside it read as 'UeS~y' and 'KA y'; the line is English, and its
    # 'Distr:' is repaired.
    masthead = "UeS~y General Assembly Distr: General\nKA y 6 December 2023\nSEE"
    assert is_english(masthead)
    assert "Distr.: General" in Pipeline().fix(masthead + "\n\nThe General Assembly,\n")
