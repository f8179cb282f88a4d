"""What the plan's indicators say: change required, implied growth, and status by fixed rules.

The rules are shown on the progress page (data/site.yaml, progress_rule_*), and are the only
judgement the site makes. Without a cited observation the status is "no data".
"""
from __future__ import annotations

from typing import Optional

from ..model import plan as model

STATUSES = model.INDICATOR_STATUSES
# Units for which a compound annual growth rate means something (counts and amounts).
GROWTH_UNITS = {"households", "hundred_million_yuan", "enterprises"}


def meets(value: float, target: float, direction: str) -> bool:
    if direction == "above":
        return value > target
    if direction == "at_most":
        return value <= target
    return value >= target  # at_least, reach


def change_required(ind: model.Indicator) -> Optional[float]:
    """Target minus baseline, in the indicator's unit (percentage points for %)."""
    if not ind.baseline:
        return None
    return ind.target.value - ind.baseline.value


def implied_growth(ind: model.Indicator) -> Optional[float]:
    """Compound annual growth from baseline to target, as a fraction (0.786 = 78.6% a year)."""
    if not ind.baseline or ind.unit not in GROWTH_UNITS or ind.baseline.value <= 0:
        return None
    years = ind.target.year - ind.baseline.year
    if years <= 0:
        return None
    return (ind.target.value / ind.baseline.value) ** (1 / years) - 1


def latest(ind: model.Indicator) -> Optional[model.Observation]:
    return max(ind.observations, key=lambda o: o.year) if ind.observations else None


def status(ind: model.Indicator) -> str:
    """achieved / on_track / behind / no_data, by the rules shown on the progress page:

    1. no observation → no data;
    2. the latest observation meets the target → achieved;
    3. the latest observation is from the target year or later → behind;
    4. otherwise the line through the previous point (the observation before, else the
       baseline) and the latest observation, extended to the target year, meets the target →
       on track, else behind; with no previous point → no data (not enough to judge).
    """
    last = latest(ind)
    if not last:
        return "no_data"
    if meets(last.value, ind.target.value, ind.direction):
        return "achieved"
    if last.year >= ind.target.year:
        return "behind"
    earlier = sorted((o for o in ind.observations if o.year < last.year), key=lambda o: o.year)
    previous = (earlier[-1].year, earlier[-1].value) if earlier else (
        (ind.baseline.year, ind.baseline.value) if ind.baseline else None)
    if not previous:
        return "no_data"
    slope = (last.value - previous[1]) / (last.year - previous[0])
    projected = last.value + slope * (ind.target.year - last.year)
    return "on_track" if meets(projected, ind.target.value, ind.direction) else "behind"
