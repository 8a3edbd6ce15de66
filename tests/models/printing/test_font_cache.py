"""Parsed font tables come from a cache file, fallbacks load only when a text needs them, and the
PDF is byte-for-byte the same either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from models.printing import fonts

ROOT = Path(__file__).resolve().parents[3]
MAIN_TTF = str(fonts.fonts_dir() / "cunwu-hei.ttf")


@pytest.fixture(autouse=True)
def _no_shared_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test meets the cache file itself, not the tables an earlier test left in this process."""
    monkeypatch.setattr(fonts, "_extracted", {})

# Draws a short notice with the given names and reports the PDF's hash and the fonts registered.
_SCRIPT = r"""
import hashlib, io, json, sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from models.printing.fonts import FONT_MAIN, draw_string, register_fonts
register_fonts()
buffer = io.BytesIO()
canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=FONT_MAIN)
for i, name in enumerate(sys.argv[1:]):
    draw_string(canvas, 72, 700 - 20 * i, f"{i + 1}. {name} 耕地地力保护补贴 1,234.50 元", 12)
canvas.showPage()
canvas.save()
print(json.dumps({"sha": hashlib.sha256(buffer.getvalue()).hexdigest(),
                  "fonts": sorted(pdfmetrics.getRegisteredFontNames())}))
"""


def _draw(cache: Path, *names: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), fonts.CACHE_ENV: str(cache)}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, *names], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout)


def test_same_pdf_cold_warm_and_damaged_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    names = ("王建国", "张䶮", "吉𠮷", "孙𪛖")
    cold = _draw(cache, *names)
    files = sorted(p.name for p in (cache / "fonts").iterdir())
    assert len(files) == 3, files  # main (regular and bold share a file), and both fallbacks
    warm = _draw(cache, *names)
    for f in (cache / "fonts").iterdir():  # a damaged cache is parsed again, never trusted
        f.write_bytes(f.read_bytes()[:100])
    damaged = _draw(cache, *names)
    assert cold["sha"] == warm["sha"] == damaged["sha"]


def test_fallbacks_load_only_when_a_text_needs_them(tmp_path: Path) -> None:
    common = _draw(tmp_path, "王建国", "李秀英")
    assert fonts.FONT_MAIN in common["fonts"]
    assert not set(fonts.FALLBACK_FONTS) & set(common["fonts"])
    ext_a = _draw(tmp_path, "张䶮")
    assert fonts.FONT_FALLBACK in ext_a["fonts"] and fonts.FONT_FALLBACK_SIP not in ext_a["fonts"]
    assert fonts.FONT_FALLBACK_SIP in _draw(tmp_path, "孙𪛖")["fonts"]


def test_cached_face_equals_parsed_face(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.CACHE_ENV, str(tmp_path))
    parsed = TTFontFace(MAIN_TTF)
    first = fonts._CachedFace(MAIN_TTF)  # parses and stores
    assert fonts._load_cached_info(MAIN_TTF) is not None
    second = fonts._CachedFace(MAIN_TTF)  # from the cache
    for face in (first, second):
        assert vars(face).keys() == vars(parsed).keys()
        for key, value in vars(parsed).items():
            if key == "_pdfScale":  # a function of unitsPerEm: compare what it does
                assert [face._pdfScale(x) for x in (0, 1, 2048, -37)] == [value(x) for x in (0, 1, 2048, -37)]
            elif key == "_ttf_data":  # the file mapped, not read (see the next test)
                assert face._ttf_data[:] == value
            else:
                assert vars(face)[key] == value, key
    assert second.name.ustr == parsed.name.ustr


def test_font_files_are_mapped_once_and_subset_as_reportlab_does(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The font's bytes are the file mapped (one mapping a file: the bold name shares the regular's),
    and a subset taken through the glyph table's slices is ReportLab's own, byte for byte — twice
    (the mapping's pages are let go after each subset and read again)."""
    import mmap

    monkeypatch.setenv(fonts.CACHE_ENV, str(tmp_path))
    ours, again = fonts._CachedFace(MAIN_TTF), fonts._CachedFace(MAIN_TTF)
    assert isinstance(ours._ttf_data, mmap.mmap) and again._ttf_data is ours._ttf_data
    theirs = TTFontFace(MAIN_TTF)
    subset = [0, *(ord(c) for c in "王建国耕地地力保护补贴合计（元）0123456789,.")]
    assert ours.makeSubset(subset) == theirs.makeSubset(subset)
    assert ours.makeSubset(subset[::-1]) == theirs.makeSubset(subset[::-1])
    glyphs = ours.get_table("glyf")
    pos, length = ours.get_table_pos("glyf")
    assert len(glyphs) == length and glyphs[10:30] == Path(MAIN_TTF).read_bytes()[pos + 10:pos + 30]
    with pytest.raises(TypeError):
        glyphs[3]


def test_notice_font_has_the_attributes_of_a_reportlab_font(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.CACHE_ENV, str(tmp_path))
    ours = fonts._NoticeTTFont("CacheProbe", MAIN_TTF)
    theirs = TTFont("CacheProbe", MAIN_TTF)
    assert vars(ours).keys() == vars(theirs).keys()
    assert (ours.shapable, ours._asciiReadable) == (theirs.shapable, theirs._asciiReadable)


def test_cache_key_follows_the_font_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.CACHE_ENV, str(tmp_path / "cache"))
    copy = tmp_path / "copy.ttf"
    copy.write_bytes(Path(MAIN_TTF).read_bytes())
    before = fonts._cache_file(str(copy))
    os.utime(copy, ns=(1_000_000_000, 1_000_000_000))
    assert fonts._cache_file(str(copy)) != before


def test_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(fonts.CACHE_ENV, str(blocker))
    face = fonts._CachedFace(MAIN_TTF)
    assert face.charToGlyph and not (blocker / "fonts").exists()


def test_regular_and_bold_names_share_one_reading_of_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real = fonts._load_cached_info
    monkeypatch.setattr(fonts, "_load_cached_info", lambda path: reads.append(path) or real(path))
    regular, bold = fonts._load_font(fonts.FONT_MAIN), fonts._load_font(fonts.FONT_MAIN_BOLD)
    assert regular.face.charToGlyph is bold.face.charToGlyph and reads == [MAIN_TTF]
    assert bold.face.name != regular.face.name  # the bold name is the bold face's own


def test_installs_of_the_same_font_share_one_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key is the font file as shipped (size, time) and ReportLab, not its folder: a new install
    folder per update used to leave one more 1.5 MB cache file each time."""
    import shutil

    monkeypatch.setenv(fonts.CACHE_ENV, str(tmp_path / "cache"))
    first, second = tmp_path / "v1" / "cunwu-hei.ttf", tmp_path / "v2" / "cunwu-hei.ttf"
    for copy in (first, second):
        copy.parent.mkdir()
        shutil.copy2(MAIN_TTF, copy)  # the installer keeps the file's time
    assert fonts._cache_file(str(first)) == fonts._cache_file(str(second))
    fonts._CachedFace(str(first))
    monkeypatch.setattr(fonts, "_extracted", {})  # the next run
    face = fonts._CachedFace(str(second))
    assert len(list((tmp_path / "cache" / "fonts").glob("*.marshal"))) == 1
    assert face.charToGlyph == TTFontFace(MAIN_TTF).charToGlyph


def test_writing_a_cache_file_drops_the_same_fonts_stale_ones(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.CACHE_ENV, str(tmp_path))
    folder = tmp_path / "fonts"
    folder.mkdir()
    old = time.time() - 40 * 24 * 3600
    stale, recent = folder / "cunwu-hei-0123456789abcdef01234567.marshal", folder / "cunwu-hei-aaaa.marshal"
    other = folder / "other-font-0123456789abcdef01234567.marshal"
    for path in (stale, recent, other):
        path.write_bytes(b"x")
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    fonts._CachedFace(MAIN_TTF)  # no cache file of this font's own: parsed, written
    fresh = fonts._cache_file(MAIN_TTF)
    assert fresh is not None and fresh.exists()
    assert not stale.exists(), "a month-old cache file of the same font goes"
    assert recent.exists(), "another install's recent one stays (it may still be in use)"
    assert other.exists(), "another font's file is not this font's to drop"
