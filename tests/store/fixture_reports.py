"""Hand-written Arabic news articles with the `marsad/1` reports the full pipeline should give them.

The sentences are written for these tests in the style of the news; each report item points at the
characters that justify it (offsets are found in the text, never typed by hand), so the store, the
HTTP API and the web page are tested on reports shaped like the ones the finished pipeline gives.
"""

from __future__ import annotations

from typing import Any

MAARAT = {"name": "Maarat al-Numan", "name_ar": "معرة النعمان", "lat": 35.6484, "lon": 36.6746,
          "country_code": "SY", "admin1": "Idlib", "admin2": "Maarat al-Numan", "admin3": None,
          "geonameid": 169304, "feature": "PPL", "geo_precision": 1}
JISR = {"name": "Jisr al-Shughur", "name_ar": "جسر الشغور", "lat": 35.8126, "lon": 36.3186,
        "country_code": "SY", "admin1": "Idlib", "admin2": "Jisr al-Shughur", "admin3": None,
        "geonameid": 171451, "feature": "PPL", "geo_precision": 1}
HODEIDAH = {"name": "Al Hudaydah", "name_ar": "الحديدة", "lat": 14.7978, "lon": 42.9545,
            "country_code": "YE", "admin1": "Al Hudaydah", "admin2": None, "admin3": None,
            "geonameid": 79415, "feature": "PPLA", "geo_precision": 1}
BASRA = {"name": "Basra", "name_ar": "البصرة", "lat": 30.5085, "lon": 47.7804,
         "country_code": "IQ", "admin1": "Basra", "admin2": None, "admin3": None,
         "geonameid": 99532, "feature": "PPLA", "geo_precision": 1}
LATAKIA = {"name": "Latakia", "name_ar": "اللاذقية", "lat": 35.5317, "lon": 35.7918,
           "country_code": "SY", "admin1": "Latakia", "admin2": None, "admin3": None,
           "geonameid": 173579, "feature": "PPLA", "geo_precision": 2}

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "maarat-airstrike", "title": "غارة جوية على معرة النعمان", "source": "وكالة الأنباء المحلية",
        "published": "2018-08-15",
        "text": (
            "قتل ثلاثة مدنيين وأصيب خمسة آخرون يوم الثلاثاء جراء غارة جوية شنتها طائرات حربية روسية "
            "على مدينة معرة النعمان في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني.\n"
            "وقالت مصادر محلية إن الغارة استهدفت سوقا شعبية وسط المدينة."
        ),
        "entities": [("طائرات حربية روسية", "ORG", "Military Forces of Russia (2018-)", "state forces"),
                     ("الدفاع المدني", "ORG", "Syria Civil Defence", "civilians")],
        "places": [("معرة النعمان", MAARAT), ("إدلب", {**MAARAT, "name": "Idlib", "name_ar": "إدلب",
                                                     "lat": 35.9306, "lon": 36.6339, "geo_precision": 2})],
        "dates": [("يوم الثلاثاء", "2018-08-14")],
        "events": [{
            "evidence": "قتل ثلاثة مدنيين وأصيب خمسة آخرون يوم الثلاثاء جراء غارة جوية شنتها طائرات حربية روسية "
                        "على مدينة معرة النعمان",
            "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "actor1": "Military Forces of Russia (2018-)", "inter1": "External/Other forces",
            "actor2": "Civilians (Syria)", "inter2": "Civilians", "location": MAARAT,
            "event_date": "2018-08-14", "time_precision": 1, "fatalities": 3, "modality": "reported",
            "source": "الدفاع المدني",
        }],
    },
    {
        "id": "jisr-clashes", "title": "اشتباكات في محيط جسر الشغور", "source": "سبوتنيك",
        "published": "2018-08-14",
        "text": (
            "اندلعت اشتباكات عنيفة أمس بين قوات الجيش السوري ومسلحي هيئة تحرير الشام في محيط مدينة "
            "جسر الشغور بريف إدلب الغربي، أسفرت عن مقتل أربعة مسلحين.\n"
            "ويعتزم الجيش السوري شن عملية عسكرية واسعة في ريف اللاذقية الشمالي خلال الأيام المقبلة."
        ),
        "entities": [("الجيش السوري", "ORG", "Military Forces of Syria (2000-)", "state forces"),
                     ("هيئة تحرير الشام", "ORG", "Hayat Tahrir al-Sham", "rebel group")],
        "places": [("جسر الشغور", JISR), ("اللاذقية", LATAKIA)],
        "dates": [("أمس", "2018-08-13")],
        "events": [
            {
                "evidence": "اندلعت اشتباكات عنيفة أمس بين قوات الجيش السوري ومسلحي هيئة تحرير الشام في محيط مدينة "
                            "جسر الشغور",
                "event_type": "Battles", "sub_event_type": "Armed clash",
                "actor1": "Military Forces of Syria (2000-)", "inter1": "State forces",
                "actor2": "Hayat Tahrir al-Sham", "inter2": "Rebel group", "location": JISR,
                "event_date": "2018-08-13", "time_precision": 1, "fatalities": 4, "modality": "asserted",
            },
            {
                "evidence": "ويعتزم الجيش السوري شن عملية عسكرية واسعة في ريف اللاذقية الشمالي",
                "event_type": "Battles", "sub_event_type": "Armed clash",
                "actor1": "Military Forces of Syria (2000-)", "inter1": "State forces",
                "location": LATAKIA, "event_date": None, "time_precision": 3, "fatalities": 0,
                "modality": "planned",
            },
        ],
    },
    {
        "id": "hodeidah-strikes", "title": "غارات للتحالف على الحديدة", "source": "المسيرة",
        "published": "2018-08-11",
        "text": (
            "شن طيران التحالف بقيادة السعودية الجمعة غارات على مواقع لجماعة أنصار الله في مدينة الحديدة "
            "غربي اليمن، فيما لم ترد أنباء عن ضحايا."
        ),
        "entities": [("طيران التحالف بقيادة السعودية", "ORG", "Military Forces of Saudi Arabia (2015-)",
                      "state forces"),
                     ("أنصار الله", "ORG", "Ansar Allah", "rebel group")],
        "places": [("الحديدة", HODEIDAH)],
        "dates": [("الجمعة", "2018-08-10")],
        "events": [{
            "evidence": "شن طيران التحالف بقيادة السعودية الجمعة غارات على مواقع لجماعة أنصار الله في مدينة الحديدة",
            "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "actor1": "Military Forces of Saudi Arabia (2015-)", "inter1": "External/Other forces",
            "assoc_actor_1": "Military Forces of the United Arab Emirates (2004-)",
            "actor2": "Ansar Allah", "inter2": "Rebel group", "location": HODEIDAH,
            "event_date": "2018-08-10", "time_precision": 1, "fatalities": 0, "modality": "asserted",
        }],
    },
    {
        "id": "basra-protest", "title": "تظاهرة في البصرة", "source": "السومرية نيوز",
        "published": "2018-08-12",
        "text": (
            "تظاهر مئات المحتجين الأحد أمام مبنى مجلس محافظة البصرة للمطالبة بتحسين الخدمات وتوفير فرص العمل، "
            "وسط انتشار أمني مكثف."
        ),
        "entities": [("المحتجين", "MISC", "Protesters (Iraq)", "protesters")],
        "places": [("البصرة", BASRA)],
        "dates": [("الأحد", "2018-08-12")],
        "events": [{
            "evidence": "تظاهر مئات المحتجين الأحد أمام مبنى مجلس محافظة البصرة",
            "event_type": "Protests", "sub_event_type": "Peaceful protest",
            "actor1": "Protesters (Iraq)", "inter1": "Protesters", "location": BASRA,
            "event_date": "2018-08-12", "time_precision": 1, "fatalities": 0, "modality": "asserted",
        }],
    },
]


def _span(text: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def report_for(article: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(text, marsad/1 report) for one article of ARTICLES."""
    text = article["text"]
    entities = [
        {**_span(text, surface), "label": label, "type": None, "canonical": canonical, "actor_type": kind}
        for surface, label, canonical, kind in article["entities"]
    ]
    places = [{**_span(text, surface), **place} for surface, place in article["places"]]
    dates = [
        {**_span(text, surface), "date": date, "end_date": None, "time_precision": 1}
        for surface, date in article["dates"]
    ]
    events = []
    for spec in article["events"]:
        event = {k: v for k, v in spec.items() if k != "evidence"}
        location_surface = spec["location"]["name_ar"]
        location = {**_span(text, location_surface), **spec["location"]}
        events.append({
            "event_type": None, "sub_event_type": None, "plover": None, "actor1": None, "assoc_actor_1": None,
            "inter1": None, "actor2": None, "assoc_actor_2": None, "inter2": None, "interaction": None,
            "event_date": None, "time_precision": None, "fatalities": None, "modality": None, "source": None,
            "notes": None, **event, "location": location, "evidence": _span(text, spec["evidence"]),
        })
    report = {
        "schema": "marsad/1",
        "article": {"id": article["id"], "title": article["title"], "source": article["source"], "url": None,
                    "published": article["published"]},
        "entities": entities, "places": places, "dates": dates, "events": events, "warnings": [],
    }
    return text, report


def realistic_reports() -> list[tuple[str, dict[str, Any]]]:
    return [report_for(article) for article in ARTICLES]


def synthetic_report(number: int) -> tuple[str, dict[str, Any]]:
    """A distinct article (its number in the text) with one located event, for bulk and concurrency tests."""
    base_text, base = report_for(ARTICLES[number % len(ARTICLES)])
    text = f"{base_text}\nرقم التقرير {number}."
    report = {**base, "article": {**base["article"], "id": f"{base['article']['id']}-{number}"}}
    return text, report
