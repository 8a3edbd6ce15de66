"""ReportLab imported for what notices use (models.printing.rl_imports): what is deferred still
works when someone uses it, and a print process does not load it."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import paragraph

import models.printing.render  # noqa: F401 - imports ReportLab through rl_imports
from models.printing.rl_imports import _URI_PATTERN_START, _LazyPattern

ROOT = Path(__file__).resolve().parents[3]


def test_the_deferred_url_pattern_matches_as_reportlab_compiles_it() -> None:
    # (this test process may have imported ReportLab before rl_imports: the stand-in is made here)
    pattern, flags = (paragraph.uri_pat._source if isinstance(paragraph.uri_pat, _LazyPattern)
                      else (paragraph.uri_pat.pattern, paragraph.uri_pat.flags))
    assert pattern.startswith(_URI_PATTERN_START)
    lazy, real = _LazyPattern(pattern, flags), re.compile(pattern, flags)
    for uri in ("https://example.com/a/b?c=1", "HTTP://村务.中国/公开", "ftp://10.0.0.1:21/x", "not a url",
                "www.example.com/path"):
        mine, theirs = lazy.match(uri), real.match(uri)
        assert (mine and mine.groups()) == (theirs and theirs.groups())
    assert lazy.pattern == pattern and lazy.flags == real.flags
    # ReportLab's own use of it: splitting a URL into hyphenation points
    assert paragraph._uri_split_pairs("https://example.com/a/b")[0] == ("https://example.com/a/", "b")


def test_pillow_images_still_load_for_whoever_draws_one(tmp_path: Path) -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (3, 2), (200, 10, 10)).save(buffer, format="PNG")
    buffer.seek(0)
    reader = ImageReader(buffer)
    assert reader.getSize() == (3, 2)
    assert reader.getRGBData()[:3] == b"\xc8\n\n"


def _last_json_line(script: str, tmp_path: Path) -> dict:
    """Run `script` in a fresh interpreter over the project and give the JSON it printed last."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_print_process_loads_neither(tmp_path: Path) -> None:
    script = (
        "import json, sys, re\n"
        "from models.printing.render import render\n"
        "from models.printing.document import NoticeDocument\n"
        "from reportlab.platypus import paragraph\n"
        "image = sys.modules.get('PIL.Image')\n"
        "print(json.dumps({'image_loaded': image is not None and type(image) is type(sys),\n"
        "                  'uri_compiled': paragraph.uri_pat._compiled is not None}))\n"
    )
    assert _last_json_line(script, tmp_path) == {"image_loaded": False, "uri_compiled": False}


def test_an_importer_that_cannot_load_lazily_gets_the_ordinary_import(tmp_path: Path) -> None:
    """A loader without exec_module (some frozen builds' importers): ReportLab imports Pillow as usual."""
    script = (
        "import importlib.util, json, sys\n"
        "def refuse(loader):\n"
        "    raise TypeError('loader must define exec_module()')\n"
        "importlib.util.LazyLoader = refuse\n"
        "from models.printing.render import render\n"
        "from models.printing.document import NoticeDocument, Para\n"
        "data = render(NoticeDocument(title='通知', blocks=[Para('定于本月十日开会。')])).data\n"
        "image = sys.modules.get('PIL.Image')\n"
        "print(json.dumps({'pdf': data[:5].decode(), 'eager': type(image) is type(sys)}))\n"
    )
    assert _last_json_line(script, tmp_path) == {"pdf": "%PDF-", "eager": True}
