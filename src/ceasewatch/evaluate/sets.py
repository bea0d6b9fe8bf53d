"""An evaluation set (articles/ and gold/) through extraction and scoring, article by article."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from ..errors import InputError, Problem
from ..model import Agreement, Extraction
from .gold import GoldArticle, read_gold
from .lookups import gazetteer_admin1_codes, shipped_region_contains
from .scoring import Admin1Codes, Matching, RegionContains, match_article


@dataclass(frozen=True)
class Tally:
    """Counts that add up across articles; every figure of a score comes from them."""

    predicted: int = 0  # predictions, less those matched to unscored gold
    gold: int = 0  # scored gold incidents
    matched: int = 0  # matched pairs of a prediction and a scored gold incident
    actor_right: int = 0
    targets_right: int = 0
    weapon_scored: int = 0  # matched pairs whose gold gives a weapon
    weapon_right: int = 0
    time_scored: int = 0  # matched pairs whose gold gives a clock time
    time_right: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def precision(self) -> float | None:
        return _share(self.matched, self.predicted)

    @property
    def recall(self) -> float | None:
        return _share(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def actor(self) -> float | None:
        return _share(self.actor_right, self.matched)

    @property
    def targets(self) -> float | None:
        return _share(self.targets_right, self.matched)

    @property
    def weapon(self) -> float | None:
        return _share(self.weapon_right, self.weapon_scored)

    @property
    def time(self) -> float | None:
        return _share(self.time_right, self.time_scored)


@dataclass(frozen=True)
class ArticleScore:
    """One article: its matching and its tally; `problems` when it could not be read or extracted."""

    article: str
    matching: Matching
    tally: Tally
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class SetScore:
    """Every article's score, the overall tally, and the files that could not be used."""

    path: str
    articles: tuple[ArticleScore, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def tally(self) -> Tally:
        total = Tally()
        for article in self.articles:
            total += article.tally
        return total


def score_matching(matching: Matching) -> Tally:
    """The counts of one article's matching."""
    pairs = matching.pairs
    return Tally(
        predicted=len(pairs) + len(matching.extras),
        gold=len(pairs) + len(matching.misses),
        matched=len(pairs),
        actor_right=sum(p.actor_right for p in pairs),
        targets_right=sum(p.targets_right for p in pairs),
        weapon_scored=sum(p.weapon_right is not None for p in pairs),
        weapon_right=sum(p.weapon_right is True for p in pairs),
        time_scored=sum(p.time_right is not None for p in pairs),
        time_right=sum(p.time_right is True for p in pairs),
    )


def evaluate_set(
    set_dir: str | Path,
    agreement: Agreement | None = None,
    *,
    extract=None,
    admin1_codes: Admin1Codes | None = None,
    region_contains: RegionContains | None = None,
) -> SetScore:
    """Extract every article of a set that has a gold file and score it.

    `extract` is the extractor (default: the built-in one); `admin1_codes` maps a gold
    admin1 name to its ISO 3166-2 code (default: the gazetteer's lookup); `region_contains`
    tells whether a point lies in a region (default: the shipped region shapes).
    """
    from ..ingest.report_batch import extract_file  # the extractor loads only when a set is scored

    folder = Path(set_dir)
    gold_files = sorted((folder / "gold").glob("*.json"))
    if not (folder / "articles").is_dir() or not gold_files:
        raise InputError([Problem(str(folder), None, "set", "expected articles/*.txt and gold/*.json inside")])
    codes = admin1_codes if admin1_codes is not None else gazetteer_admin1_codes
    contains = region_contains if region_contains is not None else shipped_region_contains
    articles, problems = [], []
    for gold_file in gold_files:
        try:
            gold = read_gold(gold_file)
        except InputError as e:
            problems.extend(e.problems)
            continue
        found = extract_file(folder / "articles" / gold.article, agreement, extract)
        articles.append(_article_score(gold, found, codes, contains))
    return SetScore(str(folder), tuple(articles), tuple(problems))


def _article_score(
    gold: GoldArticle, found: Extraction | list[Problem], codes: Admin1Codes, contains: RegionContains
) -> ArticleScore:
    problems: tuple[Problem, ...] = ()
    predicted: tuple = ()
    if isinstance(found, Extraction):
        predicted = found.incidents
    else:
        problems = tuple(found)
    matching = match_article(predicted, gold.incidents, codes, contains)
    return ArticleScore(gold.article, matching, score_matching(matching), problems)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
