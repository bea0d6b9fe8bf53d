"""How much of a report's text the rules read, and when a text is not prose at all.

The text is never changed (evidence offsets point into it); only a prefix may be read.
"""

from __future__ import annotations

MAX_CHARS = 200_000  # about 100 news articles: longer texts are read up to here, and a note says so
_SAMPLE = 4_096
_MAX_CONTROL_SHARE = 0.05  # more control or replacement characters than this: binary, not text


def usable_text(text: str) -> tuple[str, list[str]]:
    """The prefix of `text` to read, and notes on anything left out."""
    if not text or not text.strip():
        return "", []
    sample = text[:_SAMPLE]
    control = sum(1 for c in sample if (c < " " and c not in "\n\r\t") or c == "\ufffd")
    if control > _MAX_CONTROL_SHARE * len(sample):
        return "", [f"text looks binary ({control} control characters in the first {len(sample)}): not read"]
    if len(text) > MAX_CHARS:
        return text[:MAX_CHARS], [f"text has {len(text):,} characters: only the first {MAX_CHARS:,} were read"]
    return text, []
