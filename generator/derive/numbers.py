"""Numbers, units and dates as each edition writes them: 200万户 / 200萬戶 / 2 million households.

Used wherever a value is shown (the progress page, its charts, the home page's targets) and
published (value_label in values.csv), so that a figure reads the same everywhere.
"""
from __future__ import annotations

from typing import Mapping

from .citation import MONTHS, fill
from .localize import Localizer

Units = Mapping[str, Mapping[str, str]]  # unit code → {"zh-Hans": …, "en": …} (data/indicators.yaml `units`)

# The English name of a unit counted in 亿 (亿元 "100 million yuan"): an amount in it is written out in English.
HUNDRED_MILLION = "100 million "


def _g(value: float) -> str:
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def unit_name(unit: str, loc: Localizer, units: Units) -> str:
    """The name of a unit code in the edition's language (户 / 戶 / households)."""
    return loc.bilingual(units[unit])


def fmt(value: float, unit: str, loc: Localizer, units: Units) -> str:
    """A value with its unit, written the way the page's language writes it."""
    english = loc.lang.source == "en"
    name = unit_name(unit, loc, units)
    if unit in ("percent", "percent_per_year"):
        return f"{value:g}{'%' if unit == 'percent' else ' ' + name if english else name}"
    if english:
        if name.startswith(HUNDRED_MILLION):  # 亿元: the amount written out, 2000亿元 = 200 billion yuan
            value, name = value * 1e8, name[len(HUNDRED_MILLION):]
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"{value / size:g} {word} {name}"
        return f"{_g(value)} {name}"
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size and (value / size) == round(value / size, 2):
            return f"{value / size:g}{loc.convert(word)}{name}"
    space = "" if not name.isascii() else " "
    return f"{value:g}{space}{name}"


def plain_number(value: float, unit: str, loc: Localizer) -> str:
    """An axis label: a plain number in the edition's notation, never 2e+06.

    English groups digits (2,000,000); Chinese counts in 万 and 亿 (200万, Hong Kong 200萬).
    Percentages carry their sign (80%).
    """
    def digits(v: float, group: bool) -> str:
        text = f"{v:,.2f}" if group else f"{v:.2f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    if unit in ("percent", "percent_per_year"):
        return digits(value, False) + "%"
    if loc.lang.source == "en":
        return digits(value, True)
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return digits(value / size, False) + loc.convert(word)
    return digits(value, False)


def with_year(value: str, year: int, loc: Localizer) -> str:
    """A value and its year in brackets, as the edition writes brackets: 90%（2015） in Chinese, 90% (2015)."""
    return f"{value} ({year})" if loc.lang.source == "en" else f"{value}（{year}）"


def written_date(dated: str, loc: Localizer) -> str:
    """A date (2012, 2012-08, 2012-07-20, or a span 2012-07/2015) as the edition writes a date in a
    sentence (date_year, date_month, date_day, date_span in data/site.yaml): 2012年8月, August 2012."""
    def one(part: str) -> str:
        year, month, day = (part.split("-") + ["", ""])[:3]
        key = "date_day" if day else "date_month" if month else "date_year"
        return fill(loc.ui(key), {"year": year, "month": str(int(month)) if month else "",
                                  "month_name": MONTHS[int(month) - 1] if month else "",
                                  "day": str(int(day)) if day else ""})
    start, _, end = dated.partition("/")
    return fill(loc.ui("date_span"), {"start": one(start), "end": one(end)}) if end else one(start)

