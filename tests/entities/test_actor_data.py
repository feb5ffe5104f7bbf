"""Checks on the shipped actor and news-source dictionaries (src/marsad/data/ar/*.tsv).

These are data tests: the files parse, their columns hold what the header comment says, aliases
do not silently point at two different actors, and the actors of the Idlib sample article resolve
to the expected ACLED-style names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.resources import data_path
from marsad.text.normalize import normalize

ACTOR_COLUMNS = [
    "key",
    "canonical",
    "inter",
    "actor_type",
    "country",
    "category",
    "aliases_ar",
    "aliases_en",
    "relations",
    "source",
]
SOURCE_COLUMNS = ["key", "canonical", "kind", "aliases_ar", "country", "source"]

INTER_TYPES = {
    1: "state_forces",
    2: "rebel_group",
    3: "political_militia",
    4: "identity_militia",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external",
}
CATEGORIES = {
    "armed_group",
    "military",
    "police",
    "government",
    "coalition",
    "generic",
    "civilians",
    "protesters",
    "organisation",
    "state",
}
KINDS = {"agency", "outlet", "monitor", "official", "generic"}
RELATIONS = {
    "part_of",
    "formerly",
    "renamed_to",
    "merged_into",
    "split_from",
    "backed_by",
    "allied_with",
    "affiliate_of",
    "led_by",
    "operates_in",
    "only_in",
}

# Aliases deliberately shared by rows with different canonical names, with the reason.
# Keyed by the normalised alias; the value is (the exact set of keys allowed to share it, reason).
_IS_KEYS = frozenset({"is-syria", "is-iraq"})
_IS_REASON = (
    "country-neutral Islamic State names; ACLED codes IS per country, so the code picks the "
    "row whose country matches the article"
)
# the bare names are the provinces' too: "تبنى تنظيم الدولة الإسلامية الهجوم" in Aden is Islamic State (Yemen)
_IS_PROVINCES = frozenset({"is-yemen", "is-libya", "is-somalia", "is-sinai", "is-khorasan"})
_IS_BARE = ["داعش", "تنظيم داعش", "تنظيم الدولة", "تنظيم الدولة الإسلامية", "الدولة الإسلامية", "تنظيم داعش الإرهابي",
            "خلايا داعش", "عناصر داعش", "دواعش", "الدواعش"]
_IS_SHARED = [
    "داعش",
    "تنظيم داعش",
    "تنظيم الدولة",
    "تنظيم الدولة الإسلامية",
    "الدولة الإسلامية",
    "الدولة الإسلامية في العراق والشام",
    "تنظيم الدولة الاسلامية في العراق والشام",
    "تنظيم داعش الإرهابي",
    "خلايا داعش",
    "فلول داعش",
    "عناصر داعش",
    "خلايا تنظيم الدولة",
    "دواعش",
    "الدواعش",
    "داعشي",
    "داعشيا",
]
_SABA_KEYS = frozenset({"saba-houthi", "saba-gov"})
_SABA_REASON = (
    "two Yemeni agencies call themselves Saba (Houthi-run in Sanaa, government in Aden); "
    "the bare name cannot tell them apart"
)
_SABA_SHARED = ["سبأ", "وكالة سبأ", "وكالة الأنباء اليمنية سبأ"]
_COALITION_KEYS = frozenset({"global-coalition", "restoring-hope"})
_COALITION_REASON = (
    "'the coalition' is the US-led one in Syria and Iraq and the Saudi-led one in Yemen; the code "
    "picks the row that operates_in the article's country"
)
_COALITION_SHARED = ["التحالف", "قوات التحالف", "طائرات التحالف", "مقاتلات التحالف", "طيران التحالف"]
SHARED_ALIAS_ALLOWLIST: dict[str, tuple[frozenset[str], str]] = {
    **{normalize(a): (_COALITION_KEYS, _COALITION_REASON) for a in _COALITION_SHARED},
    **{normalize(a): (_IS_KEYS | _IS_PROVINCES if a in _IS_BARE else _IS_KEYS, _IS_REASON) for a in _IS_SHARED},
    **{normalize(a): (_SABA_KEYS, _SABA_REASON) for a in _SABA_SHARED},
}

SOURCE_RE = re.compile(r"^(https?://\S+|wikipedia:\S.*|acled:\S+)$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
ARABIC_LETTER_RE = re.compile(r"[\u0620-\u064A\u0671-\u06D3]")
LATIN_RE = re.compile(r"[A-Za-z]")
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "idlib-isis-hts-movements.ar.txt"


def _load(name: str) -> tuple[list[str], list[dict[str, str]]]:
    path = data_path("ar", name)
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            assert len(fields) == len(header), f"{name}:{number}: {len(fields)} fields, want {len(header)}"
            rows.append(dict(zip(header, fields, strict=True)))
    assert header is not None, f"{name} has no header line"
    return header, rows


@pytest.fixture(scope="module")
def actors() -> list[dict[str, str]]:
    return _load("actors.tsv")[1]


@pytest.fixture(scope="module")
def sources() -> list[dict[str, str]]:
    return _load("news_sources.tsv")[1]


@pytest.fixture(scope="module")
def by_key(actors) -> dict[str, dict[str, str]]:
    return {row["key"]: row for row in actors}


def _aliases(row: dict[str, str]) -> list[str]:
    return row["aliases_ar"].split("|") if row["aliases_ar"] else []


@pytest.fixture(scope="module")
def alias_index(actors) -> dict[str, list[dict[str, str]]]:
    index: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in actors:
        for alias in _aliases(row):
            index[normalize(alias)].append(row)
    return index


def _resolve(alias_index, alias: str) -> list[dict[str, str]]:
    rows = alias_index.get(normalize(alias), [])
    assert rows, f"no actor has the alias {alias!r}"
    return rows


# --------------------------------------------------------------------------- format


def test_headers_are_exact():
    assert _load("actors.tsv")[0] == ACTOR_COLUMNS
    assert _load("news_sources.tsv")[0] == SOURCE_COLUMNS


@pytest.mark.parametrize("name", ["actors.tsv", "news_sources.tsv"])
def test_file_starts_with_a_comment_block(name):
    first = data_path("ar", name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#")


def test_row_counts(actors, sources):
    assert len(actors) >= 320
    assert len(sources) >= 60


@pytest.mark.parametrize("name", ["actors.tsv", "news_sources.tsv"])
def test_keys_unique(name):
    keys = [row["key"] for row in _load(name)[1]]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", k) for k in keys)


@pytest.mark.parametrize("name", ["actors.tsv", "news_sources.tsv"])
def test_every_row_has_a_source(name):
    bad = [(r["key"], r["source"]) for r in _load(name)[1] if not SOURCE_RE.match(r["source"])]
    assert not bad


@pytest.mark.parametrize("name", ["actors.tsv", "news_sources.tsv"])
def test_no_stray_whitespace(name):
    for row in _load(name)[1]:
        for column, value in row.items():
            assert value == value.strip(), (row["key"], column)


# --------------------------------------------------------------------------- actor columns


def test_inter_and_actor_type_agree(actors):
    for row in actors:
        assert row["inter"].isdigit() and 1 <= int(row["inter"]) <= 8, row["key"]
        assert row["actor_type"] == INTER_TYPES[int(row["inter"])], row["key"]


def test_category_and_country(actors):
    for row in actors:
        assert row["category"] in CATEGORIES, row["key"]
        assert row["country"] == "" or COUNTRY_RE.match(row["country"]), row["key"]
        placeholders = re.findall(r"\{[^}]*\}", row["canonical"])
        assert placeholders in ([], ["{country}"]), row["key"]
        if placeholders:
            assert row["country"] == "", f"{row['key']}: a {{country}} row names no country"


def test_category_specific_codes(actors):
    for row in actors:
        if row["category"] == "state":
            assert row["inter"] == "8" and row["canonical"].startswith("Government of "), row["key"]
            assert "(" not in row["canonical"], row["key"]
        if row["category"] == "protesters":
            assert row["inter"] == "6", row["key"]
        if row["category"] == "civilians":
            assert row["inter"] == "7", row["key"]


def test_relations_point_to_existing_keys(actors, by_key):
    for row in actors:
        if not row["relations"]:
            continue
        for pair in row["relations"].split(";"):
            relation, _, target = pair.partition(":")
            assert relation in RELATIONS, (row["key"], pair)
            assert target in by_key, (row["key"], pair)
            assert target != row["key"], (row["key"], pair)


# --------------------------------------------------------------------------- aliases


@pytest.mark.parametrize("name", ["actors.tsv", "news_sources.tsv"])
def test_aliases_are_arabic_script(name):
    for row in _load(name)[1]:
        aliases = _aliases(row)
        assert aliases, f"{row['key']} has no Arabic alias"
        for alias in aliases:
            assert alias == alias.strip() and "  " not in alias, (row["key"], alias)
            assert ARABIC_LETTER_RE.search(alias), (row["key"], alias)
            assert not LATIN_RE.search(alias), (row["key"], alias)


def _shared_aliases(rows: list[dict[str, str]]) -> dict[str, set[tuple[str, str]]]:
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in rows:
        for alias in _aliases(row):
            owners[normalize(alias)].add((row["key"], row["canonical"]))
    return {a: o for a, o in owners.items() if len({c for _, c in o}) > 1}


@pytest.mark.parametrize("name", ["actors.tsv", "news_sources.tsv"])
def test_no_alias_points_at_two_canonical_names(name):
    problems = []
    for alias, owners in _shared_aliases(_load(name)[1]).items():
        allowed = SHARED_ALIAS_ALLOWLIST.get(alias)
        keys = {key for key, _ in owners}
        if allowed is None or keys != allowed[0]:
            problems.append((alias, sorted(owners)))
    assert not problems


def test_allowlist_has_no_stale_entries(actors, sources):
    shared = set(_shared_aliases(actors)) | set(_shared_aliases(sources))
    assert set(SHARED_ALIAS_ALLOWLIST) <= shared
    assert all(reason for _, reason in SHARED_ALIAS_ALLOWLIST.values())


# English aliases go into the same case-folding matcher, so they follow the same rules, and
# acronyms that are ordinary words once lower-cased would fire on running text.
_IS_SHARED_EN = ["ISIS", "ISIL", "Daesh", "Islamic State"]
COMMON_WORDS = {
    "is",
    "it",
    "us",
    "as",
    "an",
    "at",
    "in",
    "on",
    "or",
    "no",
    "am",
    "be",
    "do",
    "go",
    "so",
    "who",
    "tip",
    "fan",
    "mob",
    "sang",
    "may",
    "can",
    "will",
    "un",
    "eu",
    "au",
    "pa",
    "nfl",
}


def test_english_aliases(actors):
    owners: dict[str, set[str]] = defaultdict(set)
    for row in actors:
        for alias in filter(None, row["aliases_en"].split("|")):
            assert alias == alias.strip() and not ARABIC_LETTER_RE.search(alias), (row["key"], alias)
            assert normalize(alias) not in COMMON_WORDS, (row["key"], alias)
            owners[normalize(alias)].add(row["key"])
    shared = {alias: keys for alias, keys in owners.items() if len(keys) > 1}
    canonical = {row["key"]: row["canonical"] for row in actors}
    shared = {a: k for a, k in shared.items() if len({canonical[key] for key in k}) > 1}
    assert shared == {normalize(a): set(_IS_KEYS) for a in _IS_SHARED_EN}


def test_actor_and_source_aliases_do_not_overlap(actors, sources):
    actor_aliases = {normalize(a) for row in actors for a in _aliases(row)}
    source_aliases = {normalize(a) for row in sources for a in _aliases(row)}
    assert not actor_aliases & source_aliases


# --------------------------------------------------------------------------- news sources


def test_source_kinds_and_countries(sources):
    for row in sources:
        assert row["kind"] in KINDS, row["key"]
        assert row["country"] == "" or COUNTRY_RE.match(row["country"]), row["key"]


# --------------------------------------------------------------------------- the sample article


def test_islamic_state_resolves_to_syria(alias_index):
    for alias in ("داعش", "تنظيم الدولة", "تنظيم داعش"):
        rows = _resolve(alias_index, alias)
        syria = [r for r in rows if r["country"] == "SY"]
        assert [r["canonical"] for r in syria] == ["Islamic State (Syria)"], alias
        assert syria[0]["inter"] == "2"


def test_hts_and_nusra(alias_index, by_key):
    (hts,) = _resolve(alias_index, "هيئة تحرير الشام")
    assert hts["canonical"] == "Hayat Tahrir al-Sham"
    (nusra,) = _resolve(alias_index, "جبهة النصرة")
    assert _resolve(alias_index, "النصرة") == [nusra]
    hts_relations = set(hts["relations"].split(";"))
    nusra_relations = set(nusra["relations"].split(";"))
    assert f"formerly:{nusra['key']}" in hts_relations
    assert f"merged_into:{hts['key']}" in nusra_relations
    (fateh_sham,) = _resolve(alias_index, "جبهة فتح الشام")
    assert f"formerly:{fateh_sham['key']}" in hts_relations


def test_national_front_for_liberation_backed_by_turkey(alias_index):
    (nfl,) = _resolve(alias_index, "الجبهة الوطنية للتحرير")
    assert nfl["canonical"] == "National Front for Liberation"
    (turkey,) = _resolve(alias_index, "تركيا")
    assert f"backed_by:{turkey['key']}" in nfl["relations"].split(";")


def test_syrian_army(alias_index):
    for alias in ("الجيش السوري", "قوات النظام", "قوات الحكومة السورية", "الجيش العربي السوري"):
        (row,) = _resolve(alias_index, alias)
        assert row["canonical"] == "Military Forces of Syria (2000-)", alias
        assert row["inter"] == "1" and row["country"] == "SY"


@pytest.mark.parametrize(
    ("alias", "canonical", "country"),
    [
        ("تركيا", "Government of Turkey", "TR"),
        ("أنقرة", "Government of Turkey", "TR"),
        ("روسيا", "Government of Russia", "RU"),
    ],
)
def test_countries_as_actors(alias_index, alias, canonical, country):
    (row,) = _resolve(alias_index, alias)
    assert (row["canonical"], row["category"], row["inter"], row["country"]) == (
        canonical,
        "state",
        "8",
        country,
    )


def test_foreign_armies_are_external(alias_index):
    for alias in ("الجيش التركي", "القوات الروسية"):
        (row,) = _resolve(alias_index, alias)
        assert row["inter"] == "8" and row["category"] == "military", alias


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("مسلحون مجهولون", "Unidentified Armed Group ({country})"),
        ("مدنيين", "Civilians ({country})"),
        ("متظاهرين", "Protesters ({country})"),
        ("التحالف الدولي", "Global Coalition Against Daesh"),
        ("التحالف العربي", "Operation Restoring Hope"),
        ("تحالف دعم الشرعية", "Operation Restoring Hope"),
        ("الحوثيين", "Houthis / Ansar Allah"),
        ("أنصار الله", "Houthis / Ansar Allah"),
    ],
)
def test_generic_and_coalition_phrases(alias_index, alias, canonical):
    (row,) = _resolve(alias_index, alias)
    assert row["canonical"] == canonical


def test_sputnik_is_a_news_source(sources):
    index = {normalize(a): row for row in sources for a in _aliases(row)}
    assert index[normalize("سبوتنيك")]["canonical"] == "Sputnik"
    assert index[normalize("سبوتنيك")]["kind"] == "agency"
    assert index[normalize("مصادر محلية")]["kind"] == "generic"
    assert index[normalize("المرصد السوري لحقوق الإنسان")]["kind"] == "monitor"


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample article not in this checkout")
def test_sample_article_mentions_resolve():
    text = normalize(SAMPLE.read_text(encoding="utf-8"))
    for alias in (
        "داعش",
        "هيئة تحرير الشام",
        "جبهة النصرة",
        "الجبهة الوطنية للتحرير",
        "الجيش السوري",
        "تركيا",
        "روسيا",
        "سبوتنيك",
        "مصادر محلية",
    ):
        assert normalize(alias) in text, alias
