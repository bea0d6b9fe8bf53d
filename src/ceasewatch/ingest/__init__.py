"""Reading inputs: agreement files with their site lists, and incident feeds."""

from .feeds import Feed, FeedRow, is_feed, read_feed
from .record_fields import canonical_json, derived_id, validate_record

__all__ = ["Feed", "FeedRow", "is_feed", "read_feed", "canonical_json", "derived_id", "validate_record"]
