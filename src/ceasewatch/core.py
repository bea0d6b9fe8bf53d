"""Ceasewatch: the one service every surface (CLI, API, tests) calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .adjudicate import explain as explain_incident
from .adjudicate import judge, perform_status
from .config import Settings
from .errors import AgreementError, ConfigError, NotFound, Problem
from .ingest import FeedReader, hash_file, is_feed
from .ingest.agreement_file import load_agreement, parse_agreement
from .model import UTC, Agreement, Fulfilment, Incident, PerformStatus, Verdict
from .store import Store, StoredAgreement, VerdictRow

AGREEMENT_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileOutcome:
    """What ingesting one file did."""

    path: str
    kind: str  # "agreement", "feed" or "unknown"
    added: int = 0
    revised: int = 0
    unchanged: int = 0
    skipped: bool = False  # the same bytes were ingested before
    problems: tuple[Problem, ...] = ()

    @property
    def stored(self) -> int:
        return self.added + self.revised


@dataclass(frozen=True)
class IngestReport:
    """What an ingest (or the ingest half of a run) did, file by file."""

    files: tuple[FileOutcome, ...]
    judged: int = 0  # incident-agreement pairs (re)judged afterwards

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]


@dataclass(frozen=True)
class VerdictLine:
    """One incident with its verdict under each version of one agreement."""

    record: dict
    verdicts: dict[str, VerdictRow]

    @property
    def differs(self) -> bool:
        return len({(v.verdict, v.reason) for v in self.verdicts.values()}) > 1


@dataclass(frozen=True)
class VerdictTable:
    """Every stored incident judged under every version of one agreement."""

    agreement: Agreement
    versions: tuple[str, ...]
    lines: tuple[VerdictLine, ...]
    commitments: tuple[PerformStatus, ...] = field(default=())


class Ceasewatch:
    """Reads agreements and feeds into a store, judges incidents, answers questions."""

    def __init__(self, store: Store):
        self.store = store
        self._agreements: dict[tuple[str, int], Agreement] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> Ceasewatch:
        """Open the store the settings name."""
        return cls(Store.open(settings.db))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ceasewatch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading inputs -------------------------------------------------------------------

    @staticmethod
    def check_agreement(path: str | Path) -> Agreement:
        """Read and check an agreement file without storing it (AgreementError lists every mistake)."""
        return load_agreement(path)

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        strict: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Store agreement files and incident feeds, then judge what is new.

        Each file is one transaction: a bad row is reported and the good rows stored, unless
        `strict`, where a file with any bad row stores nothing. A file whose bytes were
        ingested before without problems is skipped.
        """
        outcomes = []
        for path in paths:
            if progress:
                progress(str(path))
            outcomes.append(self._ingest_file(Path(path), strict))
        return IngestReport(tuple(outcomes), judged=self.judge_pending())

    def _ingest_file(self, path: Path, strict: bool) -> FileOutcome:
        name = str(path)
        if path.is_dir():
            return FileOutcome(name, "unknown", problems=(Problem(name, None, "path", "is a folder; use `ceasewatch run DIR`"),))
        if path.suffix.lower() in AGREEMENT_SUFFIXES:
            return self._ingest_agreement(path)
        if not is_feed(path):
            message = "unknown file type; expected .yaml/.yml (agreement), .jsonl/.ndjson or .csv (feed)"
            return FileOutcome(name, "unknown", problems=(Problem(name, None, "path", message),))
        file_hash = hash_file(path) if path.is_file() else None
        if file_hash and self.store.file_seen(name, file_hash):
            return FileOutcome(name, "feed", skipped=True)
        reader = FeedReader(path)
        try:
            counts = self.store.save_numbered_records(_checked_rows(reader, strict), source_file=name)
        except _StrictAbort:
            return FileOutcome(name, "feed", problems=tuple(reader.problems))
        if file_hash and not reader.problems:
            self.store.mark_file_ingested(name, file_hash)
        return FileOutcome(name, "feed", counts.added, counts.revised, counts.unchanged, problems=tuple(reader.problems))

    def _ingest_agreement(self, path: Path) -> FileOutcome:
        try:
            agreement = load_agreement(path)
        except AgreementError as e:
            return FileOutcome(str(path), "agreement", problems=tuple(e.problems))
        status, _ = self.store.save_agreement(
            agreement.id, agreement.title, agreement.source_name, agreement.source_text, dict(agreement.source_files)
        )
        return FileOutcome(
            str(path), "agreement",
            added=int(status == "added"), revised=int(status == "revised"), unchanged=int(status == "unchanged"),
        )

    def run(self, folder: str | Path, *, strict: bool = False, progress: Callable[[str], None] | None = None) -> IngestReport:
        """The main job on a monitoring folder: its agreement, then its feeds, then judging."""
        folder = Path(folder)
        agreement_file = folder / "agreement.yaml"
        if not folder.is_dir():
            raise ConfigError(f"{folder}: no such folder")
        if not agreement_file.is_file():
            raise ConfigError(f"{agreement_file}: missing; a monitoring folder needs an agreement.yaml")
        feeds = sorted(p for p in (folder / "feeds").glob("*") if is_feed(p)) if (folder / "feeds").is_dir() else []
        return self.ingest([agreement_file, *feeds], strict=strict, progress=progress)

    # --- judging --------------------------------------------------------------------------

    def judge_pending(self) -> int:
        """Judge every stored incident that has no verdict yet under each stored agreement."""
        judged = 0
        for stored in self.store.agreements():
            agreement = self._parse(stored)
            incidents = [Incident.from_record(r) for r in self.store.unjudged_records(stored.id)]
            if not incidents:
                continue
            rows = [
                VerdictRow(v.incident_id, v.version, v.verdict, v.reason, v.unknown, v.commitment)
                for v in judge(agreement, incidents)
            ]
            self.store.save_verdicts(stored.id, stored.revision, rows)
            judged += len(incidents)
        return judged

    # --- questions ------------------------------------------------------------------------

    def agreements(self, agreement_id: str | None = None) -> list[Agreement]:
        """The stored agreement named, or every stored agreement (NotFound when there is none)."""
        if agreement_id is not None:
            return [self._parse(self.store.agreement(agreement_id))]
        stored = self.store.agreements()
        if not stored:
            raise NotFound("no agreement is stored; ingest an agreement file first (ceasewatch ingest agreement.yaml)")
        return [self._parse(s) for s in stored]

    def verdict_tables(
        self,
        agreement_id: str | None = None,
        *,
        version: str | None = None,
        diff: bool = False,
        as_of: datetime | None = None,
    ) -> list[VerdictTable]:
        """Each agreement's verdict table; `diff` keeps the incidents whose verdicts differ."""
        as_of = as_of or datetime.now(UTC)
        records = list(self.store.records("strike"))
        fulfilments = [Fulfilment.from_record(r) for r in self.store.records(None) if r["kind"] != "strike"]
        return [self._table(a, records, fulfilments, version, diff, as_of) for a in self.agreements(agreement_id)]

    def _table(self, agreement, records, fulfilments, version, diff, as_of) -> VerdictTable:
        if version is not None:
            agreement.version(version)  # KeyError naming the versions when absent
        by_incident: dict[str, dict[str, VerdictRow]] = {}
        for row in self.store.verdicts(agreement.id):
            by_incident.setdefault(row.incident_id, {})[row.version] = row
        lines = [VerdictLine(r, by_incident.get(r["id"], {})) for r in records]
        if diff:
            lines = [line for line in lines if line.differs]
        versions = (version,) if version else tuple(agreement.versions)
        if version:
            lines = [VerdictLine(line.record, {version: line.verdicts[version]}) for line in lines if version in line.verdicts]
        statuses = [s for s in perform_status(agreement, fulfilments, as_of) if s.version in versions]
        return VerdictTable(agreement, versions, tuple(lines), tuple(statuses))

    def explain(self, incident_id: str, agreement_id: str | None = None, version: str | None = None) -> list[Verdict]:
        """The verdicts of one stored incident with their full traces, under each agreement."""
        incident = Incident.from_record(self.store.record(incident_id))
        if incident.kind != "strike":
            raise NotFound(f"{incident_id} is a {incident.kind} record, not a strike: it has no verdict")
        verdicts: list[Verdict] = []
        for agreement in self.agreements(agreement_id):
            if version is not None:
                agreement.version(version)
            verdicts.extend(explain_incident(agreement, incident, version))
        return verdicts

    def _parse(self, stored: StoredAgreement) -> Agreement:
        key = (stored.id, stored.revision)
        if key not in self._agreements:
            files = stored.files

            def read_file(path: str) -> bytes:
                try:
                    return files[path]
                except KeyError:
                    raise FileNotFoundError(path) from None

            self._agreements[key] = parse_agreement(stored.source_text, stored.source_name, read_file)
        return self._agreements[key]


class _StrictAbort(Exception):
    """Raised inside the store's transaction to roll a --strict file back."""


def _checked_rows(reader: FeedReader, strict: bool) -> Iterator[tuple[dict, int]]:
    """The reader's rows as (record, line); with `strict`, abort at the first problem."""
    for row in reader.rows():
        if strict and reader.problems:
            raise _StrictAbort
        yield row.record, row.line
    if strict and reader.problems:
        raise _StrictAbort
