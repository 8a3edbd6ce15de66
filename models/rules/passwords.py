"""Password hashes: scrypt (memory-hard, in the standard library) with a random salt per password.

A stored hash names its own parameters — ``scrypt$n$r$p$salt$hash`` with base64 salt and hash — so
the cost can be raised later and old hashes still verify (and are re-hashed at the next login,
`needs_rehash`). The clear password is never stored, logged or returned.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "scrypt"
# 2**15 × 8 × 128 bytes = 32 MiB of memory per hash: ~0.1–0.3 s on a village office PC, which a
# login can afford and a password-guessing loop cannot.
N = 2 ** 15
R = 8
P = 1
SALT_BYTES = 16
KEY_BYTES = 32
_MAXMEM = 256 * 2 ** 20


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=length)


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    key = _derive(password, salt, N, R, P, KEY_BYTES)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != SCHEME:
            return None
        return int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(key)
    except (ValueError, TypeError, AttributeError):
        return None


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored``; a missing or unreadable hash matches nothing (the
    work is still done, so a wrong name costs as much time as a wrong password)."""
    parsed = _parse(stored or "")
    if parsed is None:
        _derive(password, b"\0" * SALT_BYTES, N, R, P, KEY_BYTES)
        return False
    n, r, p, salt, key = parsed
    return hmac.compare_digest(_derive(password, salt, n, r, p, len(key)), key)


def needs_rehash(stored: str) -> bool:
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != (N, R, P)
