"""The CLI's and the GUI's log file handler (set up by ``models.cli.common.setup_logging``)."""

from __future__ import annotations

import logging
import logging.handlers


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log, created owner-only (0600) — also each new file after a rollover — which never
    raises into the user's terminal: a record that cannot be written (a full disk, a read-only or
    vanished folder) is dropped, not printed with a traceback."""

    def _open(self):
        from ..storage.private import touch_private

        touch_private(self.baseFilename)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        try:
            if self.stream is not None:
                self.stream.close()
        except Exception:  # noqa: BLE001 - the stream is broken already
            pass
        self.stream = None  # reopened on the next record, when the disk may have room again
