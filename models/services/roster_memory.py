"""What this process last read or wrote of a roster, so that saving a 10,000-row roster in which the
clerk changed a few cells parses and writes only the rows that changed (issue 13: a save of 10,000
rows spent ≈ 200 ms parsing rows that had not changed and ≈ 150 ms deleting and re-inserting them).

Two facts make this safe:

- The one table parser (`models.rules.roster.parse_row`) is a pure function of a row's cells and the
  table's columns. A row whose cells are *exactly* those of a row parsed before — compared by their
  ``repr``: same keys in the same order, same types, same digits (``Decimal('1.0')`` is not
  ``Decimal('1.00')``, ``'3'`` is not ``3``) — under the same columns parses the same, so its parse
  is taken from the last read or save of that record instead of being made again. Only the finding
  row numbers differ when the row moved; they are renumbered.
- A record's version steps with every change of it, by anyone (`versions.stamp`, checked under the
  row lock). When the version a save locks is the version this process last read or wrote, the
  stored rows are the ones remembered here, so a row equal to the one stored at its position is not
  written again (`unchanged_positions`); the others are updated, added or removed in place.

Nothing here decides what is valid: every rule still runs on every row (checks, totals, the refusal
of unstorable values); only repeated work is skipped. Memory is bounded: the last few rosters.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..rules import roster as R

#: How many rosters are remembered (the one being edited, the one selected, one more).
KEEP = 3

Parse = tuple[dict[str, Any], list[R.RosterFinding]]
#: A row as a save prepared it: (the row to store, the row as stored — as read back —, its cells key).
Prepared = tuple[dict[str, Any], dict[str, Any], str]


def cells_key(row: Mapping[str, Any]) -> str:
    """A row's cells exactly (types and digits included): equal keys mean equal cells."""
    return repr(row)


@dataclass
class RememberedRoster:
    """One roster as this process last read or wrote it: `version` of record `record` in database
    `database`; its rows' cells (`keys`, as given to the parser) and their parses under `columns`;
    `stored`: each row's cells as stored at its position (position = index + 1); `prepared`: after
    a save, each row as that save prepared and stored it (a read leaves it out)."""

    database: int
    record: int
    version: int | None
    columns: list[R.RosterColumn]
    keys: list[str]
    parses: list[Parse]
    stored: list[str]
    prepared: list[Prepared] | None = None
    _index: dict[str, int] | None = None

    def index(self) -> dict[str, int]:
        if self._index is None:
            self._index = {k: n for n, k in enumerate(self.keys)}
        return self._index


_memory: OrderedDict[tuple[int, int], RememberedRoster] = OrderedDict()
_lock = threading.Lock()


_tokens = itertools.count(1)


def database_key(db: Any) -> int:
    """Which open database: a token given to the `Database` object once (not its ``id()``, which a
    database opened later — a restore, the next test — may reuse)."""
    token = getattr(db, "_roster_memory_token", None)
    if token is None:
        with _lock:
            token = getattr(db, "_roster_memory_token", None)
            if token is None:
                token = next(_tokens)
                db._roster_memory_token = token
    return token


def remember(database: int, record: int, version: int | None, columns: Sequence[R.RosterColumn],
             keys: Sequence[str], parses: Sequence[Parse], prepared: Sequence[Prepared] | None = None) -> None:
    """Remember a roster as read (``prepared`` None: what was read is what is stored) or as just
    written (after its transaction committed; ``prepared``: each row as the save stored it). Each
    row's cells key as given to the parser and its parse. A read of the version last written here
    keeps what the save remembered (the same rows, and more known of them)."""
    keys = list(keys)
    prepared = list(prepared) if prepared is not None else None
    entry = RememberedRoster(database, record, version, list(columns), keys, list(parses),
                             keys if prepared is None else [p[2] for p in prepared], prepared)
    with _lock:
        old = _memory.get((database, record))
        if prepared is None and old is not None and old.version == version and old.prepared is not None \
                and old.columns == entry.columns:
            entry = old
        _memory[(database, record)] = entry
        _memory.move_to_end((database, record))
        while len(_memory) > KEEP:
            _memory.popitem(last=False)


def recall(database: int, record: int) -> RememberedRoster | None:
    with _lock:
        return _memory.get((database, record))


def forget(database: int | None = None, record: int | None = None) -> None:
    """Forget one record's roster, or everything (tests, a database closed)."""
    with _lock:
        if database is None:
            _memory.clear()
        else:
            _memory.pop((database, record), None)


def parses_for(entry: RememberedRoster | None, columns: Sequence[R.RosterColumn], keys: Sequence[str]
               ) -> list[tuple[dict[str, Any], list[R.RosterFinding], Prepared | None] | None]:
    """For each row (by its cells' key, in order): its parse when the same cells were parsed under
    the same columns before (findings renumbered to the row's place, typed values copied) and, when a
    save prepared them, the row as it prepared and stored it; else None."""
    if entry is None or list(columns) != entry.columns:
        return [None] * len(keys)
    index = entry.index()
    prepared = entry.prepared
    out: list[tuple[dict[str, Any], list[R.RosterFinding], Prepared | None] | None] = []
    for n, key in enumerate(keys, start=1):
        j = index.get(key)
        if j is None:
            out.append(None)
            continue
        typed, found = entry.parses[j]
        if found and j + 1 != n:
            found = [replace(f, row=n) for f in found]
        out.append((dict(typed), list(found), prepared[j] if prepared is not None else None))
    return out


def unchanged_positions(entry: RememberedRoster | None, version: int | None, stored: Sequence[str]
                        ) -> list[bool] | None:
    """For each new row (its cells as stored, by key): True when the row stored at its position now
    is the same. None when what is stored is not known here (another version, or never read)."""
    if entry is None or version is None or entry.version != version:
        return None
    old = entry.stored
    return [i < len(old) and old[i] == key for i, key in enumerate(stored)]
