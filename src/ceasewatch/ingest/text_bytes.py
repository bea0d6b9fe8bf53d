"""Bytes of a report file to text: which encoding, and whether it is text at all.

Tried in order: a byte-order mark; UTF-8; the charset an HTML page declares in its first
few kilobytes; then Windows-1251 (Cyrillic) or Latin-1, whichever reads more like words,
with a note saying so. Latin-1 decodes any bytes, so binary data is recognised first (NUL
bytes or too many control characters) and refused with a clear problem.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError, Problem

# Share of control characters (other than tab, newlines, form feed) above which a decoded
# file is taken for binary data: real text has almost none.
MAX_CONTROL_SHARE = 0.02
_SNIFF_BYTES = 4096
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class DecodedText:
    """A file's text and how it was decoded."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def decode_report_bytes(data: bytes, name: str) -> DecodedText:
    """The text of a report file; InputError for an empty file or binary data."""
    if not data.strip():
        raise InputError([Problem(name, None, "text", "empty report")])
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(DecodedText(data.decode(encoding, errors="replace"), encoding), name)
    if b"\x00" in data[:_SNIFF_BYTES * 16]:
        raise InputError([Problem(name, None, "file", "not a text file (binary data)")])
    text = _utf8(data)
    if text is not None:
        return _checked(DecodedText(text, "utf-8"), name)
    declared = _declared_charset(data)
    if declared:
        try:
            return _checked(DecodedText(data.decode(declared), declared), name)
        except UnicodeDecodeError:
            pass
    return _checked(_single_byte(data), name)


def _utf8(data: bytes) -> str | None:
    """UTF-8 text, tolerating a character cut in half at the very end (a capped read)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return data[: e.start].decode("utf-8", errors="replace")
        return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares near its top, if Python knows it and it is not UTF-8."""
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    try:
        encoding = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if encoding == "utf-8" else encoding


def _single_byte(data: bytes) -> DecodedText:
    """Windows-1251 or Latin-1, whichever gives more whole words in one script."""
    latin = data.decode("latin-1")
    try:
        cyrillic = data.decode("cp1251")
    except UnicodeDecodeError:
        cyrillic = None
    if cyrillic is not None and _script_consistency(cyrillic) >= _script_consistency(latin):
        return DecodedText(cyrillic, "cp1251", ("not UTF-8: read as Windows-1251 (Cyrillic)",))
    return DecodedText(latin, "latin-1", ("not UTF-8: read as Latin-1",))


def _script_consistency(text: str) -> int:
    """Words that read naturally, less words no language writes.

    Latin-1 text read as Windows-1251 gives words such as 'cafй' (ASCII letters beside
    Cyrillic ones); Cyrillic text read as Latin-1 gives words such as 'Ïðèâ³ò' (accented
    Latin letters only). Both count against the reading; plain ASCII words count for neither.
    """
    score = 0
    for word in _WORD.findall(text[:100_000]):
        has_ascii = any(c.isascii() for c in word)
        has_cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
        has_accented = any("\u00c0" <= c <= "\u00ff" for c in word)
        if has_ascii and has_cyrillic or has_accented and not has_ascii and len(word) >= 3:
            score -= 1
        elif has_cyrillic or has_accented:
            score += 1
    return score


def _checked(decoded: DecodedText, name: str) -> DecodedText:
    sample = decoded.text[:_SNIFF_BYTES * 16]
    if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError([Problem(name, None, "file", "not a text file (binary data)")])
    return decoded
