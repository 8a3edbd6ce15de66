"""Console entry point: `cunwu` with a command runs the CLI; without one it opens the GUI.

Lives in desktop/ because it may start Qt; the CLI path never imports PySide6.
"""

from __future__ import annotations

import sys


def _launch_gui(env) -> int:
    from .app import run_gui

    return run_gui(env)


def main(argv: list[str] | None = None) -> int:
    from models.cli import main as cli_main

    return cli_main(argv, gui_launcher=_launch_gui)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
