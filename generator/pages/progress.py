"""The progress page of one edition: indicator and project tables, charts.

Numbers are formatted for the page's language (200万户 / 2 million households); the chart is
inline SVG with a text alternative, next to the same data as a table. The same data, typed, is
published on the Downloads page (generator/derive/opendata/).
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass


from ..model import plan as model
from ..derive import progress
from ..derive.localize import Localizer
from ..derive.numbers import fmt, plain_number, unit_name, with_year
from ..derive.projects import project_rows, quoted_lang
from .views import Heading, PageView

ORDER = progress.STATUSES
SYMBOL = {"achieved": "✔", "on_track": "↗", "behind": "↘", "no_data": "—",
          "planned": "○", "in_progress": "◐", "completed": "✔"}


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    theme: str
    name: str
    unit: str
    baseline: str
    target: str
    change: str
    growth: str
    latest: str
    status: str          # status id
    status_label: str
    target_href: str
    baseline_href: str
    note: str
    chart: str           # inline SVG, named by chart_text
    chart_label: str     # the caption
    points: list[dict]
    legend: list[tuple[str, str]]  # (LEGEND_MARKS key, label)
    chart_text: str = ""


def nice_ticks(top: float, most: int = 5) -> list[float]:
    """Round axis values from 0 up to at least `top`: steps of 1, 2, 2.5 or 5 × 10ⁿ, at most `most`+1 ticks."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / most
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [round(i * step, 10) for i in range(0, math.ceil(top / step - 1e-9) + 1)]


# The legend's marks: the same shapes and classes as the chart's (plan.css colours them).
LEGEND_MARKS = {
    "baseline": '<rect x="8" y="3" width="8" height="8" class="plan-chart__baseline" fill="#3f51b5"/>',
    "path": '<line x1="1" y1="7" x2="23" y2="7" class="plan-chart__path" stroke="#3f51b5" stroke-width="2" '
            'stroke-dasharray="4 3"/>',
    "observation": '<line x1="1" y1="7" x2="23" y2="7" class="plan-chart__line" stroke="#1b5e20" stroke-width="2"/>'
                   '<circle cx="12" cy="7" r="4.5" class="plan-chart__observed" fill="#1b5e20"/>',
    "target": '<path d="M12 1 L18 7 L12 13 L6 7 Z" class="plan-chart__target" fill="#b71c1c"/>',
}


def chart_legend(ind: model.Indicator, loc: Localizer) -> list[tuple[str, str]]:
    """The legend entries (mark key, label) for what this indicator's chart shows."""
    entries = []
    if ind.baseline:
        entries += [("baseline", loc.ui("kind_baseline")), ("path", loc.ui("chart_planned_path"))]
    if ind.observations:
        entries.append(("observation", loc.ui("kind_observation")))
    return entries + [("target", loc.ui("kind_target"))]


def chart_text(name: str, points: list[dict], status_label: str, loc: Localizer) -> str:
    """The chart's text alternative: every value it plots, and the status, in words."""
    if loc.lang.source == "en":
        listed = "; ".join(f"{p['kind'].lower()} {p['year']}: {p['value']}" for p in points)
    else:
        listed = "；".join(f"{p['year']}{loc.convert('年')}{p['kind']}{p['value']}" for p in points)
    return loc.ui("chart_alt").format(name=name, points=listed, status=status_label)


def _chart(ind: model.Indicator, loc: Localizer, units: dict, text: str) -> str:
    """A small line chart: baseline ■, observations ●, target ◆, planned path dashed.

    The y axis starts at 0 with round ticks in the edition's notation and the unit above it;
    `text` (chart_text) is its accessible name. Colours come from plan.css classes (light and
    dark schemes); the presentation attributes are a fallback.
    """
    points = ([("b", ind.baseline.year, ind.baseline.value)] if ind.baseline else []) + [
        ("o", o.year, o.value) for o in sorted(ind.observations, key=lambda o: o.year)] + [
        ("t", ind.target.year, ind.target.value)]
    years = [p[1] for p in points]
    lo_year, hi_year = min(years + [2010]), max(years + [2015])
    ticks = nice_ticks(max(p[2] for p in points) * 1.05)
    top = ticks[-1]
    labels = [plain_number(t, ind.unit, loc) for t in ticks]
    left = 10 + max(sum(10 if ord(c) > 0x2e80 else 6 for c in label) for label in labels)
    w, h, right, bottom, up = 340, 180, 12, 26, 24

    def x(year: float) -> float:
        return left + (year - lo_year) / max(1, hi_year - lo_year) * (w - left - right)

    def y(value: float) -> float:
        return h - bottom - value / top * (h - bottom - up)

    parts = [f'<svg class="plan-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{html.escape(text)}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    if ind.unit not in ("percent", "percent_per_year"):
        parts.append(f'<text x="{left - 4}" y="12" font-size="10" text-anchor="start" fill="#555">'
                     f'{html.escape(unit_name(ind.unit, loc, units))}</text>')
    for value, label in zip(ticks, labels):
        parts.append(f'<line x1="{left}" y1="{y(value):.1f}" x2="{w - right}" y2="{y(value):.1f}" '
                     f'class="plan-chart__grid" stroke="#e0e0e0"/>')
        parts.append(f'<text x="{left - 4}" y="{y(value) + 3.5:.1f}" font-size="10" text-anchor="end" fill="#555">'
                     f'{html.escape(label)}</text>')
    parts += [f'<line x1="{left}" y1="{h - bottom}" x2="{w - right}" y2="{h - bottom}" class="plan-chart__axis" stroke="#555"/>',
              f'<line x1="{left}" y1="{up}" x2="{left}" y2="{h - bottom}" class="plan-chart__axis" stroke="#555"/>']
    for year in range(lo_year, hi_year + 1):
        parts.append(f'<text x="{x(year):.1f}" y="{h - 8}" font-size="10" text-anchor="middle" fill="#555">{year}</text>')
    if ind.baseline:
        parts.append(f'<line x1="{x(ind.baseline.year):.1f}" y1="{y(ind.baseline.value):.1f}" '
                     f'x2="{x(ind.target.year):.1f}" y2="{y(ind.target.value):.1f}" class="plan-chart__path" '
                     f'stroke="#3f51b5" stroke-width="1.5" stroke-dasharray="4 3"/>')
    obs = [p for p in points if p[0] == "o"]
    if len(obs) > 1:
        parts.append('<polyline class="plan-chart__line" fill="none" stroke="#1b5e20" stroke-width="2" points="' +
                     " ".join(f"{x(p[1]):.1f},{y(p[2]):.1f}" for p in obs) + '"/>')
    for kind, year, value in points:
        cx, cy = x(year), y(value)
        if kind == "b":
            parts.append(f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" class="plan-chart__baseline" '
                         f'fill="#3f51b5"/>')
        elif kind == "t":
            parts.append(f'<path d="M{cx:.1f} {cy - 6:.1f} L{cx + 6:.1f} {cy:.1f} L{cx:.1f} {cy + 6:.1f} '
                         f'L{cx - 6:.1f} {cy:.1f} Z" class="plan-chart__target" fill="#b71c1c"/>')
        else:
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" class="plan-chart__observed" fill="#1b5e20"/>')
    parts.append("</svg>")
    return "".join(parts)


def _observed(o: model.Observation, unit: str, loc: Localizer, units: dict) -> dict:
    """An observation as a row of a points table: its value, and its source as cited (never converted)."""
    return {"kind": loc.ui("kind_observation"), "year": o.year, "value": fmt(o.value, unit, loc, units),
            "source": {"title": o.source, "publisher": o.publisher,
                       "lang": quoted_lang(o.source), "publisher_lang": quoted_lang(o.publisher),
                       "url": None if o.mirror else o.url, "mirror": o.mirror,
                       "accessed": o.accessed.isoformat() if o.accessed else loc.ui("accessed_unknown"),
                       "confidence": loc.ui(f"confidence_{o.confidence.replace('-', '_')}"),
                       "note": loc.bilingual(o.note)}}


def context_rows(plan: model.Plan, loc: Localizer) -> list[dict]:
    """The context series (no target, no status): the plan's 2010 figure and what sources report later."""
    assert plan.indicators
    units = plan.indicators.units
    href = {place.paragraph.id: place.href for place in plan.places()}
    return [{"id": s.id, "name": loc.bilingual(s.name), "note": loc.bilingual(s.note), "points": [
        {"kind": loc.ui("kind_baseline"), "year": s.baseline.year, "value": fmt(s.baseline.value, s.unit, loc, units),
         "source": None, "href": href[s.baseline.paragraph]},
        *(_observed(o, s.unit, loc, units) for o in sorted(s.observations, key=lambda o: o.year))]}
        for s in plan.indicators.context]


def indicator_rows(plan: model.Plan, loc: Localizer) -> list[IndicatorRow]:
    assert plan.indicators
    units = plan.indicators.units
    href = {place.paragraph.id: place.href for place in plan.places()}
    rows = []
    for ind in plan.indicators.indicators:
        name = loc.bilingual(ind.name)
        change = progress.change_required(ind)
        growth = progress.implied_growth(ind)
        last = progress.latest(ind)
        status = progress.status(ind)
        if change is None:
            change_text = ""
        elif ind.unit == "percent":
            change_text = f"{change:+g} {loc.ui('points')}" if loc.lang.source == "en" else f"{change:+g}{loc.ui('points')}"
        else:
            change_text = ("+" if change > 0 else "") + fmt(change, ind.unit, loc, units)
        points = []
        if ind.baseline:
            points.append({"kind": loc.ui("kind_baseline"), "year": ind.baseline.year,
                           "value": fmt(ind.baseline.value, ind.unit, loc, units), "source": None,
                           "href": href[ind.baseline.paragraph]})
        points += [_observed(o, ind.unit, loc, units) for o in sorted(ind.observations, key=lambda o: o.year)]
        points.append({"kind": loc.ui("kind_target"), "year": ind.target.year,
                       "value": fmt(ind.target.value, ind.unit, loc, units), "source": None,
                       "href": href[ind.target.paragraph]})
        label = loc.ui("chart_label").format(name=name)
        text = chart_text(name, points, loc.ui(f"status_{status}"), loc)
        rows.append(IndicatorRow(
            id=ind.id, theme=ind.theme, name=name, unit=unit_name(ind.unit, loc, units),
            baseline=with_year(fmt(ind.baseline.value, ind.unit, loc, units), ind.baseline.year, loc) if ind.baseline else "",
            target=with_year(fmt(ind.target.value, ind.unit, loc, units), ind.target.year, loc),
            change=change_text, growth=f"{growth * 100:.1f}%" if growth is not None else "",
            latest=with_year(fmt(last.value, ind.unit, loc, units), last.year, loc) if last else "",
            status=status, status_label=loc.ui(f"status_{status}"),
            target_href=href[ind.target.paragraph],
            baseline_href=href[ind.baseline.paragraph] if ind.baseline else "",
            note=loc.bilingual(ind.note), chart=_chart(ind, loc, units, text), chart_label=label, points=points,
            legend=chart_legend(ind, loc), chart_text=text))
    return rows


def progress_view(loc: Localizer, plan: model.Plan) -> PageView:
    assert plan.indicators
    indicators = indicator_rows(plan, loc)
    projects = project_rows(plan, loc)
    counts = [(s, SYMBOL[s], loc.ui(f"status_{s}"), sum(r.status == s for r in indicators))
              for s in ORDER]
    themes = [(theme, loc.bilingual(names),
               [r for r in indicators if r.theme == theme]) for theme, names in plan.indicators.themes.items()]
    title = loc.ui("progress_title")
    return PageView(id="progress", file="progress.md", source="indicators.yaml, projects.yaml", nav_title=title,
                    title=Heading(title), template="progress.md.j2",
                    extra={"counts": counts, "themes": themes, "indicators": indicators, "projects": projects,
                           "context": context_rows(plan, loc), "symbol": SYMBOL, "legend_marks": LEGEND_MARKS,
                           "rules": [loc.ui(f"progress_rule_{i}") for i in range(1, 5)]})
