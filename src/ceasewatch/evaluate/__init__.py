"""Evaluation: extraction scored against hand-made gold incidents (docs/eval.md).

    evaluate_set(set_dir, agreement=None) -> SetScore     every article of a set, scored
    match_article(predicted, gold) -> Matching             one article's one-to-one pairs
    read_gold(path) -> GoldArticle                         one gold file
"""

from .gold import GoldArticle, GoldIncident, read_gold
from .scoring import Matching, Pair, match_article
from .sets import ArticleScore, SetScore, Tally, evaluate_set, score_matching

__all__ = [
    "ArticleScore", "GoldArticle", "GoldIncident", "Matching", "Pair", "SetScore", "Tally",
    "evaluate_set", "match_article", "read_gold", "score_matching",
]
