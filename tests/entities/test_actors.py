"""Actor linking on real sentences: aliases in any clitic form become canonical ACLED actors."""

from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def link():
    pipeline = Pipeline(["sentences", "tokens", "actors"])

    def run(text: str) -> Document:
        return pipeline(Document(text=text))

    return run


def actors(doc: Document) -> dict[str, str]:
    return {e.text: e.attrs.get("canonical") for e in doc.get("entities") if e.attrs.get("canonical")}


def test_sample_article_actors(link, sample_text: str) -> None:
    doc = link(sample_text)
    entities = doc.get("entities")
    by_canonical: dict[str, list] = {}
    for entity in entities:
        assert sample_text[entity.start:entity.end] == entity.text
        by_canonical.setdefault(entity.attrs.get("canonical"), []).append(entity)
    isis = by_canonical["Islamic State (Syria)"]
    assert len(isis) >= 8 and all("داعش" in e.text for e in isis)
    assert isis[0].attrs["actor_type"] == "rebel_group" and isis[0].attrs["inter"] == 2
    hts = by_canonical["Hayat Tahrir al-Sham"]
    assert len(hts) >= 3 and {e.text for e in hts} >= {"هيئة تحرير الشام"}
    nusra = [e for e in entities if "النصرة" in e.text]
    assert nusra and all(
        any(link["canonical"] == "Hayat Tahrir al-Sham" for link in e.attrs["linked_to"]) for e in nusra
    )
    assert by_canonical["National Front for Liberation"][0].text == "الجبهة الوطنية للتحرير"
    army = by_canonical["Military Forces of Syria (2000-)"]
    assert [e.text for e in army] == ["لجيش السوري", "الجيش السوري"]
    assert army[0].attrs["inter"] == 1
    texts = {e.text: e for e in entities}
    assert "تركيا" in texts and texts["تركيا"].attrs["country"] == "TR"
    assert "روسيا" in texts and texts["روسيا"].attrs["country"] == "RU"
    sources = {s.text: s.attrs["canonical"] for s in doc.get("sources")}
    assert "Sputnik" in sources.get("سبوتنيك", "")


@pytest.mark.parametrize(
    ("text", "alias", "canonical"),
    [
        ("شن تنظيم الدولة الإسلامية هجوما على مواقع الجيش", "تنظيم الدولة الإسلامية", "Islamic State (Syria)"),
        ("قال مسؤول إن الدولة الإسلامية في العراق والشام تبنت الهجوم في دير الزور", "الدولة الإسلامية في العراق والشام", "Islamic State (Syria)"),
        ("اشتبكت قوات سوريا الديمقراطية مع مسلحي التنظيم", "قوات سوريا الديمقراطية", "Syrian Democratic Forces"),
        ("أطلقت جماعة الحوثي صاروخا باليستيا على جازان", "جماعة الحوثي", "Houthis"),
        ("هاجمت حركة الشباب قاعدة عسكرية في الصومال", "حركة الشباب", "Al Shabaab"),
        # the nisba forms without the article: a Houthi, Houthis, IS members
        ("وقتل 30 حوثيا في المعارك على جبهة نهم", "حوثيا", "Houthis"),
        ("وقال قيادي حوثي إن الجماعة لن تنسحب من المدينة", "حوثي", "Houthis"),
        ("اعتقلت القوات العراقية خمسة دواعش في الموصل", "دواعش", "Islamic State"),
        # a hashtag's underscores join the words of the alias
        ("قصفت #ميليشيات_الحوثي أحياء سكنية في تعز", "ميليشيات_الحوثي", "Houthis"),
        ("أعلن #الأمن_العام_اللبناني اعتقال شخص", "الأمن_العام_اللبناني", "Police Forces of Lebanon"),
    ],
)
def test_aliases_map_to_canonical_names(link, text: str, alias: str, canonical: str) -> None:
    found = actors(link(text))
    assert alias in found, found
    assert found[alias].startswith(canonical)


def test_generic_actor_takes_the_article_country(link) -> None:
    doc = link("قتل ثلاثة مدنيين برصاص مسلحين مجهولين في ريف درعا، وقالت قوات النظام السوري إنها تلاحق الفاعلين")
    found = actors(doc)
    assert found.get("مدنيين") == "Civilians (Syria)"
    assert found.get("مسلحين مجهولين") == "Unidentified Armed Group (Syria)"


def test_unknown_organisation_gets_no_canonical_name(link) -> None:
    doc = link("أعلنت جمعية أصدقاء البيئة في المدينة عن حملة تشجير")
    assert all(e.attrs.get("canonical") is None for e in doc.get("entities"))


@pytest.mark.parametrize(("text", "coalition"), [
    ("وأعلن التحالف اعتراض صاروخ فوق مدينة الرياض.", "Operation Restoring Hope"),
    ("وقصفت طائرات التحالف مواقع في مدينة الموصل.", "Global Coalition Against Daesh"),
])
def test_a_bare_coalition_is_the_one_operating_in_the_articles_country(text: str, coalition: str) -> None:
    doc = Pipeline(["sentences", "tokens", "ner", "places", "actors"])(Document(text=text))
    assert coalition in actors(doc).values()


def test_the_bare_resistance_is_an_actor_only_in_the_news_of_its_country() -> None:
    stages = Pipeline(["sentences", "tokens", "ner", "places", "actors"])
    yemen = actors(stages(Document(text="وسيطرت قوات المقاومة على جبال مطلة على مفرق البرح غرب مدينة تعز.")))
    assert yemen.get("قوات المقاومة", "").startswith("Military Forces of Yemen (2012-)")
    gaza = actors(stages(Document(text="وقالت فصائل المقاومة في قطاع غزة إنها أطلقت صواريخ على مدينة عسقلان.")))
    assert "المقاومة" not in gaza and not any(v.startswith("Military Forces of Yemen") for v in gaza.values())
