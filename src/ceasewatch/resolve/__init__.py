"""Resolving what a report names: places (places.py) and times (times.py)."""

from .places import Gazetteer
from .sites import match_site, place_at_site
from .times import CANDIDATE_ZONES, Publication, TimeMention, default_interval, find_times

__all__ = ["Gazetteer", "match_site", "place_at_site", "CANDIDATE_ZONES", "Publication", "TimeMention", "default_interval", "find_times"]
