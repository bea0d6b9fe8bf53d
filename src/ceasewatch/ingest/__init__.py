"""Reading inputs: agreement files with their site lists, and incident feeds."""

from .agreement_file import load_agreement, parse_agreement
from .durations import format_duration, parse_duration
from .feeds import Feed, FeedReader, FeedRow, hash_file, is_feed, read_feed
from .record_fields import canonical_json, derived_id, validate_record

__all__ = [
    "load_agreement", "parse_agreement", "parse_duration", "format_duration",
    "Feed", "FeedReader", "FeedRow", "hash_file", "is_feed", "read_feed",
    "canonical_json", "derived_id", "validate_record",
]
