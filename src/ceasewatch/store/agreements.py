"""Agreements: every revision of an agreement file and the site files it names."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any, Mapping

from sqlalchemy import and_, delete, insert, select, tuple_, update
from sqlalchemy.engine import Connection

from ..errors import NotFound
from .connection import Connected
from .rows import StoredAgreement
from .tables import agreement_files, agreement_revisions, agreements, now_text, time_from_text, verdicts


def agreement_hash(source_text: str, files: Mapping[str, bytes]) -> str:
    """SHA-256 over the agreement's text and its files, in path order.

    Every part is length-prefixed, so moving bytes from one part to the next changes it.
    """
    digest = hashlib.sha256()
    parts = [source_text.encode()]
    for path in sorted(files):
        parts += [path.encode(), bytes(files[path])]
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class AgreementStore(Connected):
    """Saving and reading agreements; part of Store."""

    def save_agreement(
        self, agreement_id: str, title: str | None, source_name: str, source_text: str, files: Mapping[str, bytes]
    ) -> tuple[str, int]:
        """Store an agreement: ("added" | "revised" | "unchanged", its current revision).

        A revision makes the agreement's verdicts stale, so they are deleted with it.
        """
        content_hash = agreement_hash(source_text, files)
        with self._write() as conn:
            current = conn.execute(
                select(agreements.c.revision, agreements.c.content_hash).where(agreements.c.id == agreement_id)
            ).first()
            if current is not None and current.content_hash == content_hash:
                return "unchanged", current.revision
            revision = 1 if current is None else current.revision + 1
            stored_at = now_text()
            head = {"revision": revision, "content_hash": content_hash, "title": title,
                    "source_name": source_name, "stored_at": stored_at}
            if current is None:
                conn.execute(insert(agreements).values(id=agreement_id, **head))
            else:
                conn.execute(update(agreements).where(agreements.c.id == agreement_id).values(**head))
                conn.execute(delete(verdicts).where(verdicts.c.agreement_id == agreement_id))
            conn.execute(insert(agreement_revisions).values(agreement_id=agreement_id, source_text=source_text, **head))
            if files:
                conn.execute(
                    insert(agreement_files),
                    [{"agreement_id": agreement_id, "revision": revision, "path": path, "content": bytes(content)}
                     for path, content in files.items()],
                )
        return ("added" if current is None else "revised"), revision

    def agreements(self) -> list[StoredAgreement]:
        """The current revision of every stored agreement, by id."""
        with self._read() as conn:
            return _load(conn, current_only=True)

    def agreement(self, agreement_id: str) -> StoredAgreement:
        """The current revision of one agreement; NotFound names the ids stored."""
        with self._read() as conn:
            found = _load(conn, current_only=True, agreement_id=agreement_id)
            if not found:
                raise NotFound(_missing_message(conn, agreement_id))
        return found[0]

    def agreement_revisions(self, agreement_id: str) -> list[StoredAgreement]:
        """Every stored revision of one agreement, oldest first; NotFound if it has none."""
        with self._read() as conn:
            found = _load(conn, current_only=False, agreement_id=agreement_id)
            if not found:
                raise NotFound(_missing_message(conn, agreement_id))
        return found


def _load(conn: Connection, *, current_only: bool, agreement_id: str | None = None) -> list[StoredAgreement]:
    """Revisions with their files, ordered by id then revision."""
    r = agreement_revisions.c
    query = select(r.agreement_id, r.revision, r.content_hash, r.title, r.source_name, r.source_text, r.stored_at)
    if current_only:
        query = query.join(agreements, and_(agreements.c.id == r.agreement_id, agreements.c.revision == r.revision))
    if agreement_id is not None:
        query = query.where(r.agreement_id == agreement_id)
    rows = conn.execute(query.order_by(r.agreement_id, r.revision)).all()
    # Files are read by the revisions just found, not by "current" again: a revision stored
    # in between must not pair one revision's text with another's files.
    f = agreement_files.c
    files: dict[tuple[str, int], dict[str, bytes]] = defaultdict(dict)
    if rows:
        found = tuple_(f.agreement_id, f.revision).in_([(row.agreement_id, row.revision) for row in rows])
        for file in conn.execute(select(f.agreement_id, f.revision, f.path, f.content).where(found).order_by(f.path)):
            files[file.agreement_id, file.revision][file.path] = bytes(file.content)
    return [_stored(row, files[row.agreement_id, row.revision]) for row in rows]


def _stored(row: Any, files: dict[str, bytes]) -> StoredAgreement:
    return StoredAgreement(
        id=row.agreement_id,
        revision=row.revision,
        content_hash=row.content_hash,
        title=row.title,
        source_name=row.source_name,
        source_text=row.source_text,
        files=files,
        stored_at=time_from_text(row.stored_at),
    )


def _missing_message(conn: Connection, agreement_id: str) -> str:
    ids = conn.execute(select(agreements.c.id).order_by(agreements.c.id)).scalars().all()
    stored = f"stored: {', '.join(ids)}" if ids else "the store holds no agreements"
    return f"no agreement {agreement_id!r} ({stored})"
