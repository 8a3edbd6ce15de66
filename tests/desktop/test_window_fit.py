"""Every window and dialog fits a 1366×768 laptop screen at 100 % and at 125 % display scaling.

The screen is simulated in a subprocess (``window_fit_probe``): the offscreen platform's screen is
1366 × 728 pixels — 768 less a 40-pixel taskbar, which a real system leaves out of the available
area — and ``QT_SCALE_FACTOR=1.25`` makes it 1093 × 582 logical pixels, as Windows does at 125 %.
The offscreen frame is 2 pixels wide; a real title bar is about 31, so each window's frame must leave
that much room above it.

A new QDialog, QMainWindow or QWizard class under ``desktop/`` fails ``test_every_window_is_listed``
until it has an entry in the probe's registry.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow

from . import window_fit_probe as probe

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1366, 768)
TASKBAR = 40
TITLE_BAR = 31  # a Windows title bar at 100 %, in logical pixels
SCALES = (1.0, 1.25)


def _desktop_window_classes() -> set[str]:
    import desktop

    found: set[str] = set()
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name and issubclass(cls, QDialog | QMainWindow):
                found.add(f"{info.name}.{name}")
    return found


def test_every_window_is_listed():
    listed = {path for path, _build in probe.WINDOWS.values()} | probe.BASES
    missing = _desktop_window_classes() - listed
    assert not missing, f"add these windows to tests/desktop/window_fit_probe.WINDOWS: {sorted(missing)}"
    stale = listed - _desktop_window_classes()
    assert not stale, f"no longer under desktop/: {sorted(stale)}"


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict[float, dict]:
    folder = tmp_path_factory.mktemp("screens")
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1] - TASKBAR,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}], "windowFrameMargins": True}), encoding="utf-8")
    results: dict[float, dict] = {}
    for scale in SCALES:
        out = folder / f"measured-{scale}.json"
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(scale),
               "PYTHONPATH": str(ROOT), "HOME": str(folder / "home"), "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_DATA_HOME": str(folder / "data")}
        done = subprocess.run([sys.executable, "-m", "tests.desktop.window_fit_probe", str(out)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        results[scale] = json.loads(out.read_text(encoding="utf-8"))
    return results


@pytest.mark.timeout(600)
@pytest.mark.parametrize("scale", SCALES, ids=["100%", "125%"])
@pytest.mark.parametrize("name", list(probe.WINDOWS))
def test_window_fits_the_screen(measured, name, scale):
    result = measured[scale]
    ax, ay, aw, ah = result["available"]
    assert (aw, ah) == (round(SCREEN[0] / scale), round((SCREEN[1] - TASKBAR) / scale))
    x, y, w, h = result["windows"][name]["frame"]
    assert ax <= x and x + w <= ax + aw, f"{name}: {w} px wide at x={x} on a screen {aw} px wide"
    assert ay <= y and y + h <= ay + ah, f"{name}: {h} px tall at y={y} on a screen {ah} px tall"
    # a real title bar is taller than the offscreen frame: it must not go above the screen either
    top = result["windows"][name]["geometry"][1] - TITLE_BAR
    assert ay <= top, f"{name}: its title bar starts at y={top}, above the screen"
    mw, mh = result["windows"][name]["minimum"]
    assert mw <= aw and mh + TITLE_BAR <= ah, f"{name}: cannot shrink below {mw}×{mh}"
