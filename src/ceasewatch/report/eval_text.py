"""What `ceasewatch eval` prints: a table of figures per article and overall, or JSON."""

from __future__ import annotations

from typing import Any

from ..evaluate import ArticleScore, GoldIncident, SetScore, Tally
from ..model import Incident
from .extraction_text import interval_text

FIGURES = ("precision", "recall", "f1", "actor", "targets", "weapon", "time")
_COLUMNS = ("article", "pred", "gold", "match", *FIGURES)


def score_json(score: SetScore) -> dict[str, Any]:
    """Every figure and count, per article and overall, with each article's misses and extras."""
    return {
        "set": score.path,
        "overall": _tally_json(score.tally),
        "articles": [
            {
                "article": a.article,
                **_tally_json(a.tally),
                "misses": [_gold_json(g) for g in a.matching.misses],
                "extras": [_predicted_json(p) for p in a.matching.extras],
                "dropped": [_predicted_json(p) for p in a.matching.dropped],
                "problems": [str(p) for p in a.problems],
            }
            for a in score.articles
        ],
        "problems": [str(p) for p in score.problems],
    }


def score_table(score: SetScore, *, verbose: bool = False) -> str:
    """A fixed-width table, one row per article and one overall; `verbose` adds the misses and extras."""
    rows = [_row(a.article, a.tally) for a in score.articles] + [_row("overall", score.tally)]
    widths = [max(len(r[i]) for r in [_COLUMNS, *rows]) for i in range(len(_COLUMNS))]
    out = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [_COLUMNS, *rows[:-1]]]
    out.append("  ".join("-" * w for w in widths))
    out.append("  ".join(c.ljust(w) for c, w in zip(rows[-1], widths)).rstrip())
    if verbose:
        out += [line for a in score.articles for line in _details(a)]
    return "\n".join(out)


def _row(name: str, tally: Tally) -> tuple[str, ...]:
    counts = (str(tally.predicted), str(tally.gold), str(tally.matched))
    return (name, *counts, *(_figure(getattr(tally, f)) for f in FIGURES))


def _details(article: ArticleScore) -> list[str]:
    lines = []
    for problem in article.problems:
        lines.append(f"{article.article}: problem: {problem}")
    for gold in article.matching.misses:
        lines.append(f"{article.article}: miss  {_gold_line(gold)}")
    for predicted in article.matching.extras:
        lines.append(f"{article.article}: extra {_predicted_line(predicted)}")
    for pair in article.matching.pairs:
        wrong = [name for name, ok in (("actor", pair.actor_right), ("targets", pair.targets_right),
                                       ("weapon", pair.weapon_right), ("time", pair.time_right)) if ok is False]
        if wrong:
            lines.append(f"{article.article}: wrong {', '.join(wrong)}: gold {_gold_line(pair.gold)}")
            lines.append(f"{' ' * len(article.article)}        predicted {_predicted_line(pair.predicted)}")
    return lines


def _gold_line(gold: GoldIncident) -> str:
    dates = f"{gold.first_date}..{gold.last_date}" if gold.first_date else "no date"
    clock = f" {gold.clock:%H:%M} local" if gold.clock else ""
    return (
        f"{gold.id}: {gold.place or gold.admin1 or gold.country or '?'} ({gold.geo_precision}) {dates}{clock}"
        f" actor {gold.actor or '?'} targets {','.join(gold.targets) or '-'} weapon {gold.weapon or '-'}"
    )


def _predicted_line(incident: Incident) -> str:
    return (
        f"{incident.id}: {incident.place or incident.admin1 or incident.country or '?'} ({incident.geo_precision})"
        f" {interval_text(incident.time)} actor {incident.actor or '?'} targets {','.join(incident.targets) or '-'}"
        f" weapon {incident.weapon or '-'}"
    )


def _tally_json(tally: Tally) -> dict[str, Any]:
    figures = {name: getattr(tally, name) for name in FIGURES}
    counts = {name: getattr(tally, name) for name in tally.__dataclass_fields__}
    return {**figures, "counts": counts}


def _gold_json(gold: GoldIncident) -> dict[str, Any]:
    return {
        "id": gold.id, "place": gold.place, "admin1": gold.admin1, "country": gold.country,
        "geo_precision": gold.geo_precision,
        "date": [str(gold.first_date), str(gold.last_date)] if gold.first_date else None,
        "time": f"{gold.clock:%H:%M}" if gold.clock else None,
        "actor": gold.actor, "targets": list(gold.targets), "weapon": gold.weapon,
    }


def _predicted_json(incident: Incident) -> dict[str, Any]:
    record = incident.to_record()
    keep = ("id", "place", "admin1", "admin1_code", "country", "lat", "lon", "geo_precision", "start", "end",
            "actor", "targets", "weapon")
    return {k: record[k] for k in keep}


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
