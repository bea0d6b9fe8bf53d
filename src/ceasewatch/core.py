"""Ceasewatch: the one service every surface (CLI, API, tests) calls."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .adjudicate import explain as explain_incident
from .adjudicate import judge, perform_status
from .analyst import AnalystActions
from .browsing import Browsing
from .consolidating import Consolidating
from .config import Settings
from .consolidate import ConsolidationOutcome
from .export import ExportFilter, ExportSelection, select_records
from .errors import AgreementError, ConfigError, NotFound, Problem
from .ingest import FeedReader, hash_file, is_feed, load_agreement, parse_agreement
from .ingest.report_batch import extract_file
from .ingest.reports import is_report
from .model import UTC, Agreement, Fulfilment, Incident, PerformStatus, Verdict
from .model import Extraction
from .evaluate import SetScore, evaluate_set
from .sources import SourcesError, is_registry_text, load_registry
from .store import (
    Store, StoredAgreement, VerdictRow,
)
from .store.analyst import CONSOLIDATION_OWED, REGISTRY_KEY, REGISTRY_NAME_KEY

if TYPE_CHECKING:  # the report stage loads matplotlib and Jinja2: imported when a report is made
    from .report.compliance import ComplianceData
    from .consolidate.count_groups import CountGroup

AGREEMENT_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileOutcome:
    """What ingesting one file did."""

    path: str
    kind: str  # "agreement", "feed", "report" or "unknown"
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
    consolidation: ConsolidationOutcome | None = None

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]


@dataclass(frozen=True)
class VerdictLine:
    """One incident with its verdict under each version of one agreement."""

    record: dict
    verdicts: dict[str, VerdictRow]
    grade: str | None = None  # the incident's credibility grade (docs/sources.md)

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


class Ceasewatch(Browsing, Consolidating, AnalystActions):
    """Reads agreements and feeds into a store, judges incidents, answers questions."""

    def __init__(self, store: Store):
        self.store = store
        self._agreements: dict[tuple[str, int], Agreement] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> Ceasewatch:
        """Open the store the settings name (consolidating first if an upgrade asked for it)."""
        service = cls(Store.open(settings.db))
        if service.store.state(CONSOLIDATION_OWED) == "stale":
            service.judge_pending()
        return service

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
        defer: bool = False,
    ) -> IngestReport:
        """Store agreement files, incident feeds and report texts, then consolidate and judge what is new.

        Each file is one transaction: a bad row is reported and the good rows stored, unless
        `strict`, where a file with any bad row stores nothing. A file whose bytes were
        ingested before without problems is skipped. With `defer`, nothing is consolidated
        or judged now: the store asks for it, and the next `from_settings` (every command)
        or `judge_pending` does it.
        """
        outcomes = []
        for path in paths:
            if progress:
                progress(str(path))
            outcomes.append(self._ingest_file(Path(path), strict))
        if defer:
            self.store.set_state({CONSOLIDATION_OWED: "stale"})
            return IngestReport(tuple(outcomes))
        consolidation = self.consolidate()
        return IngestReport(tuple(outcomes), judged=self._judge_unjudged(), consolidation=consolidation)

    def _ingest_file(self, path: Path, strict: bool) -> FileOutcome:
        name = str(path)
        if path.is_dir():
            return FileOutcome(name, "unknown", problems=(Problem(name, None, "path", "is a folder; use `ceasewatch run DIR`"),))
        if path.suffix.lower() in AGREEMENT_SUFFIXES:
            if _is_registry_file(path):
                return self._ingest_sources(path)
            return self._ingest_agreement(path)
        if is_report(path):
            return self._ingest_report(path)
        if not is_feed(path):
            message = (
                "unknown file type; expected .yaml/.yml (agreement), .jsonl/.ndjson or .csv (feed),"
                " .txt, .html or .htm (report)"
            )
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

    def _ingest_sources(self, path: Path) -> FileOutcome:
        """Store a source registry file (it replaces the one stored before); grades follow it."""
        name = str(path)
        try:
            text = path.read_text(encoding="utf-8")
            load_registry(text, name)
        except SourcesError as e:
            return FileOutcome(name, "sources", problems=tuple(e.problems))
        except (OSError, UnicodeDecodeError) as e:
            return FileOutcome(name, "sources", problems=(Problem(name, None, "file", str(e)),))
        unchanged = self.store.state(REGISTRY_KEY) == text
        if not unchanged:
            self.store.set_state({REGISTRY_KEY: text, REGISTRY_NAME_KEY: name})
        return FileOutcome(name, "sources", added=int(not unchanged), unchanged=int(unchanged))

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
        """The main job on a monitoring folder: its agreement, then its feeds and reports, then judging."""
        folder = Path(folder)
        agreement_file = folder / "agreement.yaml"
        if not folder.is_dir():
            raise ConfigError(f"{folder}: no such folder")
        if not agreement_file.is_file():
            raise ConfigError(f"{agreement_file}: missing; a monitoring folder needs an agreement.yaml")
        feeds = sorted(p for p in (folder / "feeds").glob("*") if is_feed(p)) if (folder / "feeds").is_dir() else []
        reports = sorted(p for p in (folder / "reports").glob("*") if is_report(p)) if (folder / "reports").is_dir() else []
        sources = [folder / "sources.yaml"] if (folder / "sources.yaml").is_file() else []
        return self.ingest([agreement_file, *sources, *feeds, *reports], strict=strict, progress=progress)

    # --- judging --------------------------------------------------------------------------

    def judge_pending(self) -> int:
        """Consolidate the stored accounts, then judge every incident without a verdict yet."""
        self.consolidate()
        return self._judge_unjudged()

    def _judge_unjudged(self) -> int:
        """Judge every incident that has no verdict yet under each stored agreement.

        An analyst's override (`override_verdict`) replaces the engine's verdict it names.
        """
        judged = 0
        for stored in self.store.agreements():
            agreement = self._parse(stored)
            incidents = [Incident.from_record(r) for r in self.store.unjudged_records(stored.id)]
            if not incidents:
                continue
            overrides = self._overrides(stored.id, [i.id for i in incidents])
            rows = [
                overrides.get((v.incident_id, v.version))
                or VerdictRow(v.incident_id, v.version, v.verdict, v.reason, v.unknown, v.commitment)
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
        grades = self.store.incident_grades()
        lines = [VerdictLine(r, by_incident.get(r["id"], {}), grades.get(r["id"])) for r in records]
        if diff:
            lines = [line for line in lines if line.differs]
        versions = (version,) if version else tuple(agreement.versions)
        if version:
            lines = [
                VerdictLine(line.record, {version: line.verdicts[version]}, line.grade)
                for line in lines if version in line.verdicts
            ]
        statuses = [s for s in perform_status(agreement, fulfilments, as_of) if s.version in versions]
        return VerdictTable(agreement, versions, tuple(lines), tuple(statuses))

    def explain(self, incident_id: str, agreement_id: str | None = None, version: str | None = None) -> list[Verdict]:
        """The engine's verdicts of one incident (or of the incident an account is in) with their traces.

        An analyst's override is not applied here: `active_overrides` says which stand.
        """
        incident = Incident.from_record(self.store.record(self.resolve_id(incident_id)))
        if incident.kind != "strike":
            raise NotFound(f"{incident_id} is a {incident.kind} record, not a strike: it has no verdict")
        verdicts: list[Verdict] = []
        for agreement in self.agreements(agreement_id):
            if version is not None:
                agreement.version(version)
            verdicts.extend(explain_incident(agreement, incident, version))
        return verdicts

    def agreement(self, agreement_id: str | None = None) -> Agreement | None:
        """The agreement named (NotFound if absent), else the first stored by id, else None.

        Cheap when the agreement is parsed already: one query for the stored revisions.
        """
        heads = dict(self.store.agreement_heads())
        if agreement_id is None and not heads:
            return None
        agreement_id = agreement_id if agreement_id is not None else next(iter(heads))
        revision = heads.get(agreement_id)
        cached = self._agreements.get((agreement_id, revision)) if revision is not None else None
        return cached or self._parse(self.store.agreement(agreement_id))

    # --- reports: from text to incidents and claims (issue 3) -------------------------------

    @staticmethod
    def extract_paths(
        paths: Iterable[str | Path], agreement_path: str | Path | None = None
    ) -> Iterator[tuple[str, Extraction | list[Problem]]]:
        """Read and extract each report file, storing nothing: (path, extraction or its problems)."""
        agreement = load_agreement(agreement_path) if agreement_path is not None else None
        return ((str(path), extract_file(path, agreement)) for path in paths)

    @staticmethod
    def evaluate(set_dir: str | Path, agreement_path: str | Path | None = None) -> SetScore:
        """Score extraction on an evaluation set (articles/, gold/) by the rules of docs/eval.md."""
        agreement = load_agreement(agreement_path) if agreement_path is not None else None
        return evaluate_set(set_dir, agreement)

    def _ingest_report(self, path: Path) -> FileOutcome:
        """Read, extract (with the one stored agreement, if exactly one) and store a report file."""
        name = str(path)
        file_hash = hash_file(path) if path.is_file() else None
        if file_hash and self.store.file_seen(name, file_hash):
            return FileOutcome(name, "report", skipped=True)
        stored = self.store.agreements()
        found = extract_file(path, self._parse(stored[0]) if len(stored) == 1 else None)
        if not isinstance(found, Extraction):
            return FileOutcome(name, "report", problems=tuple(found))
        counts = self.store.save_extraction(found, source_file=name)
        if file_hash:
            self.store.mark_file_ingested(name, file_hash)
        return FileOutcome(name, "report", counts.added, counts.revised, counts.unchanged)

    # --- compliance reports and exports (issue 6) -------------------------------------------

    def compliance_data(
        self,
        agreement_id: str | None = None,
        *,
        time_from: datetime | None = None,
        time_to: datetime | None = None,
        version: str | None = None,
        as_of: datetime | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> ComplianceData:
        """Everything a compliance report on one agreement shows, read once (docs/compliance-report.md).

        `version` keeps one version (else all); `as_of` is the stated generation time (else now).
        """
        from .report.compliance import gather_compliance_data

        agreement = self._single_agreement(agreement_id)
        versions = (agreement.version(version).key,) if version else tuple(agreement.versions)
        return gather_compliance_data(
            self.store, agreement, versions=versions, time_from=time_from, time_to=time_to,
            as_of=as_of or datetime.now(UTC), progress=progress,
        )

    def export_selection(self, selection: ExportFilter, *, needs_agreement: bool = False) -> ExportSelection:
        """The records an export writes, with grades and verdicts (docs/exports.md).

        The agreement is the one named, else the only one stored, else none (exchange formats
        need none); `needs_agreement` (formats showing verdicts) makes several an error.
        """
        stored = [agreement_id for agreement_id, _ in self.store.agreement_heads()]
        agreement = None
        if selection.agreement is not None or len(stored) == 1 or (needs_agreement and stored):
            agreement = self._single_agreement(selection.agreement)
        if selection.verdicts:
            if agreement is None:
                raise ConfigError("--verdict needs a stored agreement to read verdicts from (name it with --agreement)")
            if selection.version is None and len(agreement.versions) > 1:
                raise ConfigError(f"--verdict needs --version (versions: {', '.join(agreement.versions)})")
            selection = replace(selection, version=selection.version or next(iter(agreement.versions)))
        return select_records(self.store, agreement, selection)

    def _single_agreement(self, agreement_id: str | None) -> Agreement:
        """The agreement named, else the only one stored; ConfigError naming them when several are."""
        found = self.agreements(agreement_id)
        if len(found) > 1:
            ids = ", ".join(a.id for a in found)
            raise ConfigError(f"several agreements are stored ({ids}): name one with --agreement")
        return found[0]

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

    # --- counts side by side (issue 4) ---

    def count_groups(
        self, *, time_from: datetime | None = None, time_to: datetime | None = None, actor: str | None = None,
    ) -> list[CountGroup]:
        """Tallies of weapons from every stored report, grouped side by side (docs/counts.md).

        The groups are made from every stored claim, then filtered, so a group and its id do not
        depend on the filters: `time_from`/`time_to` keep groups whose span meets the period (a
        group without a known window only when neither is given); `actor` is a party code, or
        'unknown' for groups whose actor is not stated.
        """
        # Imported here: the consolidation stage is not needed by commands that never group counts.
        from .consolidate.count_groups import COUNTED_KINDS, group_counts, select_groups

        groups = group_counts(self.store.claims_of_kinds(COUNTED_KINDS))
        return select_groups(groups, time_from=time_from, time_to=time_to, actor=actor)


def _is_registry_file(path: Path) -> bool:
    """A .yaml file that starts as a source registry does (not an agreement)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            return is_registry_text(f.read(4096))
    except OSError:
        return False


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
