"""Agreement files (spec: agreements.md): YAML in, a checked `Agreement` in UTC out, or every problem.

`parse_agreement` is the whole reader; `load_agreement` feeds it from disk. The store keeps the
text and the bytes of every file read (`Agreement.source_files`) and re-parses through
`parse_agreement` with a `read_file` backed by those bytes, so both give the same result.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..errors import AgreementError, Problem
from ..model.agreement import Agreement
from ..model.interval import zone
from .agreement_categories import read_categories
from .agreement_commitments import read_versions
from .agreement_context import AgreementContext
from .agreement_events import read_events
from .agreement_sites import read_site_lists
from .yaml_fields import FieldReader
from .yaml_lines import YamlMap, describe, load_yaml

FORMAT_VERSION = "1"
TOP_KEYS = ("ceasewatch", "id", "title", "parties", "timezone", "events", "categories", "site_lists", "versions")
REQUIRED_TOP_KEYS = ("ceasewatch", "id", "parties", "versions")
NO_TIMEZONE = "UTC"  # recorded when the file sets none; its times then all carry offsets
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_agreement(path: str | Path) -> Agreement:
    """Read an agreement file and the site and area files it names (relative to its folder)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise AgreementError([Problem(str(path), None, "file", f"file not found: {path}")]) from None
    except UnicodeDecodeError as e:
        raise AgreementError([Problem(str(path), None, "file", f"not UTF-8 text (byte {e.start})")]) from None
    except OSError as e:
        raise AgreementError([Problem(str(path), None, "file", f"cannot read {path}: {e.strerror or e}")]) from None
    folder = path.parent
    return parse_agreement(text, str(path), lambda relative: (folder / relative).read_bytes())


def parse_agreement(text: str, name: str, read_file: Callable[[str], bytes]) -> Agreement:
    """The agreement in `text` (called `name` in messages); AgreementError listing every problem.

    `read_file` gets each site or area path as written in the file and returns its bytes;
    FileNotFoundError (or any OSError) becomes a problem naming the path.
    """
    reader = FieldReader(name)
    doc, problems = load_yaml(text, name)
    reader.problems.extend(problems)
    if problems and doc is None:
        raise AgreementError(problems)
    if not isinstance(doc, YamlMap):
        reader.problem(getattr(doc, "line", 1), "ceasewatch",
                       f"an agreement file is a mapping (ceasewatch: 1, id: …, versions: …), got {describe(doc)}")
        raise AgreementError(reader.problems)
    ctx = AgreementContext(reader, read_file)
    reader.check_keys(doc, "", TOP_KEYS, required=REQUIRED_TOP_KEYS)
    _check_format_version(reader, doc)
    agreement_id = reader.text(doc, "id", "")
    if agreement_id is not None and not _SLUG.match(agreement_id):
        reader.problem(doc.key_line("id"), "id",
                       f"{agreement_id!r} is not a slug: use lower-case letters, digits and hyphens")
    title = reader.text(doc, "title", "")
    _read_parties(ctx, doc)
    timezone = reader.text(doc, "timezone", "")
    if timezone is not None:
        try:
            ctx.tz = zone(timezone.strip())
        except ValueError as e:
            reader.problem(doc.key_line("timezone"), "timezone", str(e))
            ctx.tz = zone("UTC")  # a stand-in, so local times are not each reported as lacking a zone
    read_events(ctx, doc.get("events"), doc.key_line("events"))
    read_categories(ctx, doc.get("categories"), doc.key_line("categories"))
    read_site_lists(ctx, doc.get("site_lists"), doc.key_line("site_lists"))
    versions = read_versions(ctx, doc["versions"], doc.key_line("versions")) if "versions" in doc else {}
    if reader.problems:
        raise AgreementError(_in_reading_order(reader.problems, name))
    return Agreement(
        id=agreement_id,
        title=title,
        parties=ctx.parties,
        timezone=timezone.strip() if timezone else NO_TIMEZONE,
        events=ctx.events,
        categories=ctx.categories,
        site_lists=ctx.site_lists,
        versions=versions,
        source_name=name,
        source_text=text,
        source_files=ctx.files,
    )


def _check_format_version(reader: FieldReader, doc: YamlMap) -> None:
    version = reader.text(doc, "ceasewatch", "")
    if version is not None and version.strip() != FORMAT_VERSION:
        reader.problem(doc.key_line("ceasewatch"), "ceasewatch",
                       f"unsupported format version {version!r}: this ceasewatch reads version {FORMAT_VERSION}")


def _read_parties(ctx: AgreementContext, doc: YamlMap) -> None:
    if "parties" not in doc:
        return
    parties = ctx.reader.mapping(doc["parties"], doc.key_line("parties"), "parties",
                                 "a mapping of party codes to names")
    if parties is None:
        return
    if not parties:
        ctx.reader.problem(doc.key_line("parties"), "parties", "an agreement needs at least one party")
    for code in parties:
        name = ctx.reader.text(parties, code, "parties", required=True)
        ctx.reader.name(code, parties.key_line(code), f"parties.{code}")
        ctx.parties[code] = name.strip() if name else ""  # kept even when wrong: no "unknown party" echoes


def _in_reading_order(problems: list[Problem], name: str) -> list[Problem]:
    """The agreement's own problems by line, then each other file's, in the order first met."""
    files = list(dict.fromkeys([name] + [p.file for p in problems]))
    return sorted(problems, key=lambda p: (files.index(p.file), p.line is None, p.line or 0))
