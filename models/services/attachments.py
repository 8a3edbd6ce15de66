"""Evidence files attached to a disclosure: the photo of the posted board, copies of receipts.

Files are copied into the data folder under ``attachments/<yyyy>/<sha256[:2]>/<sha256><ext>`` and
recorded with their SHA-256 and size, so ``verify`` (run by ``cunwu check``) can tell a missing or
altered file. Adding is allowed on posted records — a board photo is taken after posting and is
evidence, not an edit of the notice; removing is allowed only while the record is a draft or
returned, since afterwards the attachments are part of the record. Both are rows of the workflow
table (models.rules.workflow: ``attach``, ``detach``), asked before anything is written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import func, select

from ..entities import Attachment, Disclosure
from ..entities.base import utcnow
from ..errors import NotFound, ValidationError
from ..rules import workflow as W
from ..storage.private import private_dir
from .context import ServiceContext

KINDS: dict[str, str] = {"board_photo": "公示栏照片", "receipt": "票据凭证", "other": "其他"}

_CHUNK = 1 << 20


@dataclass(frozen=True)
class AttachmentData:
    id: int
    disclosure_id: int
    kind: str
    filename: str
    stored_path: str  # relative to the data folder, '/'-separated
    sha256: str
    size: int
    description: str | None
    added_by: str
    added_at: datetime

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _to_data(a: Attachment) -> AttachmentData:
    return AttachmentData(a.id, a.disclosure_id, a.kind, a.filename, a.stored_path, a.sha256, a.size,
                          a.description, a.added_by, a.added_at)


def file_sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _step(s, disclosure_id: int, action: str, today: date) -> None:
    """The workflow table's word on attaching to or detaching from the record (StateError if not)."""
    d = s.get(Disclosure, disclosure_id)
    if d is None:
        raise NotFound(f"没有编号为 {disclosure_id} 的公开记录")
    status = W.effective_status(d.status, d.posting_end, today)
    W.enforce(action, W.RecordFacts(d.id, status, posting_start=d.posting_start, posting_end=d.posting_end))


class AttachmentService:
    """Attachments of disclosures; files live under ``data_dir``."""

    def __init__(self, ctx: ServiceContext, data_dir: Path, *, clock: Callable[[], date] | None = None):
        self.ctx = ctx
        self.data_dir = Path(data_dir)
        self._clock = clock or date.today  # the day a posted record's window is judged on

    # --- writing -------------------------------------------------------------------------------
    def add(self, disclosure_id: int, path: str | os.PathLike, kind: str = "board_photo",
            description: str | None = None) -> AttachmentData:
        source = Path(path)
        if kind not in KINDS:
            raise ValidationError.single(f"附件类型“{kind}”无效，可用：{'、'.join(KINDS)}")
        if not source.is_file():
            raise ValidationError.single(f"附件文件不存在：{source}")
        with self.ctx.read() as s:
            _step(s, disclosure_id, "attach", self._clock())

        stored, digest, size, created = self._store(source)
        try:
            with self.ctx.write("attachment.add", target_type="disclosure", target_id=str(disclosure_id),
                                permission=W.action("attach").permission) as w:
                _step(w.session, disclosure_id, "attach", self._clock())
                row = Attachment(disclosure_id=disclosure_id, kind=kind, filename=source.name,
                                 stored_path=stored, sha256=digest, size=size,
                                 description=(description or None), added_by=self.ctx.actor.name,
                                 added_at=utcnow())
                w.session.add(row)
                w.session.flush()
                w.detail = {"attachment": row.id, "kind": kind, "filename": source.name,
                            "sha256": digest, "size": size}
                data = _to_data(row)
        except BaseException:
            if created:  # nothing recorded: do not leave an orphan file behind
                (self.data_dir / stored).unlink(missing_ok=True)
            raise
        return data

    def _store(self, source: Path) -> tuple[str, str, int, bool]:
        """Copy ``source`` into the store, hashing on the way; (relative path, sha256, size, new?)."""
        root = private_dir(self.data_dir / "attachments")  # evidence of payments to named people
        h = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    h.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            digest = h.hexdigest()
            ext = source.suffix.lower()[:16]
            rel = PurePosixPath("attachments", f"{utcnow().astimezone():%Y}", digest[:2], digest + ext)
            final = self.data_dir / rel
            if final.is_file() and file_sha256(final)[0] == digest:
                tmp.unlink()  # the same content is already stored (e.g. one receipt for two notices)
                return str(rel), digest, size, False
            private_dir(final.parent)
            os.replace(tmp, final)
            return str(rel), digest, size, True
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def remove(self, attachment_id: int) -> None:
        """Remove an attachment of a draft or returned record; refused afterwards."""
        with self.ctx.write("attachment.remove", target_type="attachment", target_id=str(attachment_id),
                            permission=W.action("detach").permission) as w:
            row = w.session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(f"没有编号为 {attachment_id} 的附件")
            _step(w.session, row.disclosure_id, "detach", self._clock())
            stored = row.stored_path
            w.detail = {"disclosure": row.disclosure_id, "filename": row.filename, "sha256": row.sha256}
            w.session.delete(row)
            w.session.flush()
            shared = w.session.execute(
                select(func.count(Attachment.id)).where(Attachment.stored_path == stored)).scalar_one()
        if not shared:
            (self.data_dir / stored).unlink(missing_ok=True)

    # --- reading -------------------------------------------------------------------------------
    def list(self, disclosure_id: int) -> list[AttachmentData]:
        with self.ctx.read() as s:
            rows = s.execute(select(Attachment).where(Attachment.disclosure_id == disclosure_id)
                             .order_by(Attachment.added_at, Attachment.id)).scalars()
            return [_to_data(a) for a in rows]

    def get(self, attachment_id: int) -> AttachmentData:
        with self.ctx.read() as s:
            row = s.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(f"没有编号为 {attachment_id} 的附件")
            return _to_data(row)

    def open_path(self, attachment_id: int) -> Path:
        """Where the stored copy is, to open it with the system viewer (do not write to it)."""
        return self.data_dir / self.get(attachment_id).stored_path

    def verify(self) -> list[str]:
        """Problems with stored files: missing, or content altered since it was added (empty when
        everything is intact)."""
        with self.ctx.read() as s:
            rows = [_to_data(a) for a in s.execute(select(Attachment).order_by(Attachment.id)).scalars()]
        problems: list[str] = []
        for a in rows:
            where = f"附件 {a.id}（公开记录 {a.disclosure_id}，{a.filename}）"
            path = self.data_dir / a.stored_path
            if not path.is_file():
                problems.append(f"{where}的文件不见了：{path}")
                continue
            try:
                digest, size = file_sha256(path)
            except OSError as exc:
                problems.append(f"{where}的文件无法读取：{exc.strerror or exc}")
                continue
            if digest != a.sha256 or size != a.size:
                problems.append(f"{where}的文件内容已被改动（SHA-256 与登记时不符）：{path}")
        return problems
