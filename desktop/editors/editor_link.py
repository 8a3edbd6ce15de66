"""Opening the per-kind disclosure editor from the lists and the start page.

The editor module (grids, kind editors, import dialog) is imported on first use, so the pages that
only link to it don't load it at start-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def open_editor(workspace, disclosure_id: int, parent: QWidget | None = None, data=None, on_saved=None) -> bool:
    """Edit a record; True when the editor saved something. ``data``: the whole record as the caller
    has just read it (`DisclosureData`), so the editor need not read and check it again;
    ``on_saved``: called with the record as the last save wrote it."""
    from .disclosure_editor import open_disclosure_editor

    return bool(open_disclosure_editor(workspace, disclosure_id, parent, data=data, on_saved=on_saved))
