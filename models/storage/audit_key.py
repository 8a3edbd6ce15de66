"""The audit chain's key and its head witness, kept beside the database file, outside it.

Every audit event's hash is an HMAC over the event and the previous hash, keyed with 32 random
bytes in ``<database>.auditkey`` (0600). Someone who edits the database file — a copy taken away
on a USB stick, a backup, a file another program can write — cannot recompute the chain without
that file. ``<database>.auditkey-head`` holds the newest event's id and hash, signed with the same
key, so deleting events at the end of the chain is visible too. (Whoever can read the key — the
same OS account — could rewrite both; against that, the chain head printed on every notice on
the board and in the month's bundle is the witness.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .private import private_file, write_private

KEY_SUFFIX = ".auditkey"
HEAD_SUFFIX = ".auditkey-head"


def key_id(key: bytes) -> str:
    """A short public name of a key (which key signed an event), not the key."""
    return hashlib.sha256(b"cunwu-audit-key-id:" + key).hexdigest()[:16]


@dataclass(frozen=True)
class AuditKey:
    key: bytes
    path: Path

    @property
    def id(self) -> str:
        return key_id(self.key)

    def mac(self, payload: bytes) -> str:
        return hmac.new(self.key, payload, hashlib.sha256).hexdigest()


def key_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + KEY_SUFFIX)


def head_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + HEAD_SUFFIX)


def load_key(path: Path) -> AuditKey | None:
    try:
        raw = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(raw)
    except (OSError, ValueError):
        return None
    return AuditKey(key, path) if len(key) >= 32 else None


def load_or_create_key(path: Path) -> AuditKey:
    existing = load_key(path)
    if existing is not None:
        private_file(path)
        return existing
    key = secrets.token_bytes(32)
    # O_EXCL: when two processes race to create it, one wins and the other reads the winner's key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        found = load_key(path)
        if found is None:
            raise
        return found
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return AuditKey(key, path)


@dataclass(frozen=True)
class HeadWitness:
    event_id: int
    hash: str
    valid: bool  # signature matches the current key


def _head_payload(event_id: int, digest: str) -> bytes:
    return f"cunwu-audit-head:{event_id}:{digest}".encode("ascii")


def write_head(path: Path, key: AuditKey, event_id: int, digest: str) -> None:
    """Record the newest event; never moves the witness backwards (another process may have
    written a later event already)."""
    current = read_head(path, key)
    if current is not None and current.valid and current.event_id > event_id:
        return
    doc = {"id": event_id, "hash": digest, "mac": key.mac(_head_payload(event_id, digest))}
    write_private(path, json.dumps(doc).encode("ascii"), sync=False)


def reset_head(path: Path, key: AuditKey | None, event_id: int | None, digest: str | None) -> None:
    """Set the witness to this head unconditionally (after a restore moved the database back)."""
    if key is None or event_id is None or digest is None:
        path.unlink(missing_ok=True)
        return
    doc = {"id": event_id, "hash": digest, "mac": key.mac(_head_payload(event_id, digest))}
    write_private(path, json.dumps(doc).encode("ascii"), sync=False)


def read_head(path: Path, key: AuditKey | None) -> HeadWitness | None:
    try:
        doc = json.loads(path.read_text(encoding="ascii"))
        event_id, digest, mac = int(doc["id"]), str(doc["hash"]), str(doc["mac"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    valid = key is not None and hmac.compare_digest(mac, key.mac(_head_payload(event_id, digest)))
    return HeadWitness(event_id, digest, valid)


@dataclass(frozen=True)
class ChainHead:
    """The newest audit event: its number and hash, printed on paper as a witness."""

    event_id: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:12]

    @property
    def text(self) -> str:
        return f"审计链 第 {self.event_id} 条 {self.short}"


__all__ = ["AuditKey", "ChainHead", "HeadWitness", "key_id", "key_path_for", "head_path_for", "load_key",
           "load_or_create_key", "write_head", "reset_head", "read_head"]
