"""dateparser's own Arabic test cases, run against marsad's date resolver: a compatibility table.

Get dateparser's source distribution (PyPI only) and point this script at the unpacked folder:

    .venv/bin/pip download --no-deps --no-binary :all: dateparser -d /tmp/dp
    tar xzf /tmp/dp/dateparser-*.tar.gz -C /tmp/dp
    .venv/bin/python eval/dateparser_compat.py /tmp/dp/dateparser-1.5.0 [--verbose]

The cases are read at run time from the sdist's tests/*.py with `ast` (no dateparser code is copied
or run): every `param(...)` of a `parameterized.expand` list whose text is Arabic, in these shapes:

- translation tables (test_languages.py): locale "ar*", Arabic text, English rendering
  ("6 june 2020", "2 day ago", "4 year") -> an expected date, a date relative to a base, or a duration;
- freshness tables (test_freshness_date_parser.py): Arabic text, ago={...} -> base minus that amount,
  the base being the suite's fixed `self.now`;
- parser and Hijri tables (test_date_parser.py, test_hijri.py): text and a datetime -> that day;
  Hijri month names dateparser must reject -> no date;
- search tables (test_search.py): text and (substring, datetime) pairs -> that day on that substring,
  resolved against the test's RELATIVE_BASE.

A case passes when a span we find (over the expected substring, for search cases) has the expected
day. Times of day are below our precision and are ignored. Cases that differ are grouped by why.
"""

from __future__ import annotations

import argparse
import ast
import collections
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import regex

from marsad.document import Document
from marsad.pipeline import Pipeline
from marsad.time.calendar import shift_months, shift_years

ARABIC = regex.compile(r"\p{Arabic}")
# Letters used in Persian but not in Arabic: a Persian string in a freshness table is not ours to test.
PERSIAN_ONLY = regex.compile(r"[\u067e\u0686\u0698\u06af\u06a9]")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
UNITS = "second|minute|hour|day|week|month|year"
DEFAULT_BASE = dt.datetime(2018, 8, 15, 12, 0)
LOCALE_CODE = regex.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?")


@dataclass
class Case:
    source: str  # file:line
    text: str
    base: dt.datetime
    expected: dt.date | None = None
    substring: str | None = None
    duration: bool = False  # dateparser reads it as an amount of time, not a point
    reject: bool = False  # dateparser must find no date


def literal(node: ast.AST):
    """The value of a literal node, a datetime(...) call, or None when it is neither."""
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        values = [literal(arg) for arg in node.args]
        if name == "datetime" and values and all(isinstance(v, int) for v in values):
            return dt.datetime(*values)
        return None
    if isinstance(node, (ast.List, ast.Tuple)):
        return [literal(item) for item in node.elts]
    if isinstance(node, ast.Dict):
        return {literal(k): literal(v) for k, v in zip(node.keys, node.values, strict=True)}
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def relative_base(function: ast.FunctionDef) -> dt.datetime | None:
    for node in ast.walk(function):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "RELATIVE_BASE":
                    return literal(value) if isinstance(literal(value), dt.datetime) else None
        if isinstance(node, ast.keyword) and node.arg == "RELATIVE_BASE":
            return literal(node.value) if isinstance(literal(node.value), dt.datetime) else None
    return None


def suite_now(tree: ast.Module) -> dt.datetime | None:
    """The fixed `self.now = datetime(...)` of a test class's setUp."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Attribute) and node.targets[0].attr == "now"):
            value = literal(node.value)
            if isinstance(value, dt.datetime):
                return value
    return None


def ago(base: dt.datetime, amounts: dict[str, int]) -> dt.date:
    point = base - dt.timedelta(weeks=amounts.get("weeks", 0), days=amounts.get("days", 0),
                                hours=amounts.get("hours", 0), minutes=amounts.get("minutes", 0),
                                seconds=amounts.get("seconds", 0))
    day = shift_months(point.date(), -amounts.get("months", 0))
    return shift_years(day, -amounts.get("years", 0))


def from_english(text: str, base: dt.datetime) -> tuple[dt.date | None, bool]:
    """(expected day, is a duration) from dateparser's English rendering of an Arabic string."""
    match = regex.search(rf"(\d+) ({'|'.join(MONTHS)}) (\d{{4}})", text)
    if match:
        return dt.date(int(match[3]), MONTHS.index(match[2]) + 1, int(match[1])), False
    match = regex.fullmatch(rf"(?:ago )?(\d+) ({UNITS})(?: ago)?", text)
    if match and "ago" in text:
        return ago(base, {match[2] + "s": int(match[1])}), False
    if match:
        return None, True
    return None, False


def param_calls(function: ast.FunctionDef):
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "attr", "") == "expand":
            for node in ast.walk(decorator):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "param":
                    yield node


def cases_of(path: Path) -> list[Case]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    now = suite_now(tree) or DEFAULT_BASE
    found: list[Case] = []
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        base = relative_base(function) or (now if path.name == "test_freshness_date_parser.py" else DEFAULT_BASE)
        for call in param_calls(function):
            args = [literal(arg) for arg in call.args]
            kwargs = {kw.arg: literal(kw.value) for kw in call.keywords}
            where = f"{path.name}:{call.lineno}"
            found.extend(_shape(where, function.name, args, kwargs, base))
    return found


def _shape(where: str, test: str, args: list, kwargs: dict, base: dt.datetime) -> list[Case]:
    strings = [a for a in [*args, *kwargs.values()] if isinstance(a, str)]
    arabic = [s for s in strings if ARABIC.search(s)]
    hijri_suite = where.startswith("test_hijri.py")
    if not arabic and not hijri_suite:
        return []
    codes = [a for a in args if isinstance(a, str) and LOCALE_CODE.fullmatch(a)]
    locale = codes[0] if codes else kwargs.get("language", kwargs.get("locale"))
    if isinstance(locale, str) and not locale.startswith("ar"):
        return []
    if locale is None and any(PERSIAN_ONLY.search(s) for s in arabic):
        return []
    text = arabic[0] if arabic else kwargs.get("dt_string", "")
    settings = kwargs.get("settings") or {}
    base = settings.get("RELATIVE_BASE", base) if isinstance(settings, dict) else base
    if "ago" in kwargs:
        return [Case(where, text, base, expected=ago(base, kwargs["ago"]))]
    if "dt_obj" in kwargs:
        return [Case(where, kwargs["dt_string"], base, expected=kwargs["dt_obj"].date())]
    if test == "test_incomplete_month_name":
        return [Case(where, kwargs["dt_string"], base, reject=True)]
    pairs = kwargs.get("expected") or next((a for a in args if isinstance(a, list) and a
                                           and isinstance(a[0], (list, tuple))), None)
    if pairs:
        return [Case(where, text, base, expected=when.date(), substring=part) for part, when in pairs]
    when = next((a for a in args if isinstance(a, dt.datetime)), None)
    if when is not None:
        return [Case(where, text, base, expected=when.date())]
    english = [s for s in strings if not ARABIC.search(s) and s != locale]
    if test in ("test_translation", "test_freshness_translation") and english:
        expected, duration = from_english(english[0], base)
        if expected is not None or duration:
            return [Case(where, text, base, expected=expected, duration=duration)]
    return []


def judge(case: Case, pipeline: Pipeline) -> tuple[bool, str]:
    """(same as dateparser, why not)."""
    doc = pipeline(Document(text=case.text, published=case.base.date()))
    spans = doc.get("dates")
    if case.substring is not None:
        start = case.text.find(case.substring)
        end = start + len(case.substring)
        spans = [s for s in spans if s.start < end and start < s.end]
    if case.reject:
        dated = [s for s in spans if s.attrs["date"] is not None]
        return (not dated, "we read a date dateparser rejects" if dated else "")
    if case.duration:
        if any(s.attrs["kind"] == "duration" for s in spans):
            return True, ""
        return False, "bare amount of time with no preposition (يومين، 4 عام): not a date expression in news"
    if any(s.attrs["date"] == case.expected for s in spans):
        return True, ""
    if not spans:
        return False, _why_missed(case.text)
    span = spans[0]
    kind = span.attrs["kind"]
    if span.attrs.get("span_kind") == "since" and kind == "range":
        return False, "ACLED/ANT-gold rule: 'منذ N أيام' is an ongoing span coded to its middle, not N days ago"
    if kind == "duration":
        return False, "'خلال 4 ساعات' (within four hours) is a duration for us, a point 4 h after the base for dateparser"
    if span.attrs["date"] is None:
        return False, f"found as {kind} with no date"
    if regex.fullmatch(r"\s*\d{1,2}-\d{1,2}-\d{2}\s*", case.text):
        return False, "two-digit year that the Hijri suite means as Hijri (no هـ mark): we read it as Gregorian"
    return False, f"found as {kind}, a different day"


def _why_missed(text: str) -> str:
    if regex.fullmatch(r"\s*30-\d{1,2}-1\d{3}\s*", text):
        return "day 30 of a 29-day month in the Umm al-Qura calendar (hijridate); dateparser's Hijri calendar differs"
    if regex.fullmatch(r"\s*\d{1,2}-\d{1,2}-\d{2}\s*", text):
        return "two-digit year that the Hijri suite means as Hijri (no هـ mark): we read it as Gregorian"
    if "اليوم السابق" in text:
        return "'اليوم السابق' (the day before) counts from an event in news, not from publication: left out"
    if regex.search(r"(عام|السنه|السنة|شهر|أسبوع|يوم)\s*,", text) or text.count(",") >= 3:
        return "list of amounts ('1 عام, 1 شهر, ...'): not news style"
    if regex.search(r"\bكانون \d|\bتشرين \d", text):
        return "numbered Levantine month (كانون 2): not in our lexicon's patterns"
    return "not found"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="the unpacked dateparser source distribution")
    parser.add_argument("--verbose", action="store_true", help="list every case")
    args = parser.parse_args()
    tests = args.sdist / "tests"
    if not tests.is_dir():
        print(f"dateparser_compat: {tests}: not found (unpack the sdist and pass its folder)", file=sys.stderr)
        return 2
    cases = [case for path in sorted(tests.glob("test_*.py")) for case in cases_of(path)]
    pipeline = Pipeline(["sentences", "dates"])
    reasons: dict[str, list[Case]] = collections.defaultdict(list)
    same = 0
    for case in cases:
        ok, why = judge(case, pipeline)
        same += ok
        if not ok:
            reasons[why].append(case)
        if args.verbose:
            wanted = "duration" if case.duration else "no date" if case.reject else case.expected
            print(f"{'same' if ok else 'DIFF'}  {case.source:36} {case.text!r} -> {wanted}")
    files = collections.Counter(case.source.split(":")[0] for case in cases)
    print(f"dateparser Arabic test cases: {len(cases)} ({', '.join(f'{f} {n}' for f, n in files.items())})")
    print(f"same as dateparser expects: {same} ({100 * same / max(len(cases), 1):.0f}%)")
    print(f"different: {len(cases) - same}")
    for why, group in sorted(reasons.items(), key=lambda item: -len(item[1])):
        examples = "; ".join(repr(case.text[:40]) for case in group[:3])
        print(f"  {len(group):3}  {why}  e.g. {examples}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
