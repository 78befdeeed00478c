"""Documents of an agreement (signed copies, scans): in a folder beside a database file, in the row on a server."""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
import uuid
from pathlib import Path

from sqlalchemy import select

from jarjestokeskus.db.base import utcnow
from jarjestokeskus.db.engine import Database, data_dir
from jarjestokeskus.db.errors import RecordNotFound
from jarjestokeskus.db.models import Agreement, AgreementDocument
from jarjestokeskus.services.agreements.rows import DocumentRow

FOLDER = "documents"


class NoDocumentFolder(Exception):
    """The database is not a file (a server), so there is no folder beside it to keep documents in."""


def document_folder(db: Database) -> Path:
    path = db.path
    if path is None:
        raise NoDocumentFolder()
    return path.parent / FOLDER


def _row(d: AgreementDocument) -> DocumentRow:
    return DocumentRow(
        d.id, d.agreement_id, d.file_name, d.content_type, d.size_bytes, d.sha256, d.created_at
    )


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_into_folder(db: Database, source: Path) -> Path:
    """A copy of `source` in the documents folder under a new unique name (never over an existing file)."""
    folder = document_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = source.suffix.lower()[:20]
    while True:
        target = folder / f"{uuid.uuid4().hex}{suffix}"
        try:
            with source.open("rb") as reader, target.open("xb") as writer:  # "x": fails if it exists
                shutil.copyfileobj(reader, writer)
            return target
        except FileExistsError:
            continue


def attach_document(db: Database, agreement_id: uuid.UUID, source: Path) -> DocumentRow:
    """Copy `source` under a new unique name (never over an existing file) and record it.

    On a database server the content goes into the record, so every user of the server has it.
    """
    if db.path is None:
        return _attach_to_row(db, agreement_id, Path(source))
    source = Path(source)
    target = copy_into_folder(db, source)
    try:
        with db.transaction() as session:
            if session.get(Agreement, agreement_id) is None:
                raise RecordNotFound()
            document = AgreementDocument(
                id=uuid.uuid4(),
                agreement_id=agreement_id,
                file_name=source.name[:255],
                stored_name=target.name,
                content_type=mimetypes.guess_type(source.name)[0] or "",
                size_bytes=target.stat().st_size,
                sha256=file_hash(target),
            )
            session.add(document)
            session.flush()
            return _row(document)
    except Exception:
        target.unlink(missing_ok=True)  # nothing recorded: leave no stray copy
        raise


def _attach_to_row(db: Database, agreement_id: uuid.UUID, source: Path) -> DocumentRow:
    content = source.read_bytes()
    with db.transaction() as session:
        if session.get(Agreement, agreement_id) is None:
            raise RecordNotFound()
        document = AgreementDocument(
            id=uuid.uuid4(),
            agreement_id=agreement_id,
            file_name=source.name[:255],
            stored_name=f"{uuid.uuid4().hex}{source.suffix.lower()[:20]}",
            content_type=mimetypes.guess_type(source.name)[0] or "",
            size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )
        session.add(document)
        session.flush()
        return _row(document)


def list_documents(db: Database, agreement_id: uuid.UUID) -> list[DocumentRow]:
    with db.reading() as session:
        stmt = (
            select(AgreementDocument)
            .where(AgreementDocument.agreement_id == agreement_id, AgreementDocument.archived_at.is_(None))
            .order_by(AgreementDocument.created_at)
        )
        return [_row(d) for d in session.scalars(stmt)]


def document_path(db: Database, document_id: uuid.UUID) -> Path:
    """Where the stored copy is, to open it in the system's viewer.

    A document kept in the database (on a server) is written out to the user's own data folder
    first, under its stored name, and written again when that copy is not the recorded one.
    """
    with db.reading() as session:
        document = session.get(AgreementDocument, document_id)
        if document is None:
            raise RecordNotFound()
        return stored_copy(db, document.stored_name, document.content, document.sha256)


def stored_copy(db: Database, stored_name: str, content: bytes | None, sha256: str) -> Path:
    """Where a stored file is: beside the database file, or written out from its row (see document_path)."""
    name = Path(stored_name).name
    if db.path is not None and content is None:
        return document_folder(db) / name
    target = data_dir() / "server-documents" / name
    if content is not None and not (target.is_file() and file_hash(target) == sha256):
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(content)
        partial.replace(target)
    return target


def remove_document(db: Database, document_id: uuid.UUID) -> None:
    """The record is archived and the file kept, so the audit trail and a restore stay whole."""
    with db.transaction() as session:
        document = session.get(AgreementDocument, document_id)
        if document is None:
            raise RecordNotFound()
        document.archived_at = utcnow()
