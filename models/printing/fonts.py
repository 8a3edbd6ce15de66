"""Fonts for printed notices: registration with ReportLab, glyph coverage, fallback runs.

The app ships its own fonts (resources/fonts, built by packaging/build_fonts.py) so a notice prints
the same on every machine:

* ``FONT_MAIN`` (Cunwu Hei, from WenQuanYi Micro Hei): GBK, Latin, punctuation, symbols.
* ``FONT_FALLBACK`` (Cunwu Ming Ext, from HanaMinA): CJK Ext-A, compatibility ideographs and the
  commoner Ext-B..F characters (䶮 𠮷 𬌗 …).
* ``FONT_FALLBACK_SIP`` (Cunwu Ming SIP, from HanaMinB): the rest of Ext-B..F.

ReportLab draws a character its font lacks as the font's empty-box glyph, so every piece of text goes
through :func:`split_runs` (canvas drawing) or :func:`markup_with_fallback` (Paragraph markup), which
hand each character to the first font that has it, and :func:`check_printable` refuses text that no
shipped font can draw.

There is no bold face. ``FONT_MAIN_BOLD`` is the same file registered under a second name (so
``<b>`` in a Paragraph works, but looks regular); :func:`draw_string` draws it with a synthetic bold
(fill + stroke of the outline).

Registering a font makes ReportLab parse its tables (≈ 0.1 s for the main font, more for the 29 MB
Ext-B..F one), on every run of `cunwu print`. So the fallbacks are registered only when a text needs
one of their characters (their coverage comes from the cache below), and what ReportLab's parse
extracts is kept in a cache file per font (the user cache folder, ``$CUNWU_CACHE_DIR`` to move it),
keyed by the font file's path, size and time and by ReportLab's version. The raw font data is still
read from the .ttf, so embedded subsets are byte-identical with or without the cache.

No Qt here: this module is used by the renderers and the CLI alike.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import re
import threading
import time
import unicodedata
from collections.abc import Iterable, KeysView
from pathlib import Path
from typing import Literal

from . import rl_imports  # noqa: F401 - first: ReportLab without what notices never use

# isort: split
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "FALLBACK_FONTS",
    "FONT_FALLBACK",
    "FONT_FALLBACK_SIP",
    "FONT_MAIN",
    "FONT_MAIN_BOLD",
    "MissingGlyphError",
    "check_printable",
    "draw_string",
    "font_has_char",
    "fonts_dir",
    "format_code_point",
    "markup_with_fallback",
    "missing_chars",
    "register_fonts",
    "split_runs",
    "string_width",
]

FONT_MAIN = "CunwuHei"
FONT_MAIN_BOLD = "CunwuHei-Bold"
FONT_FALLBACK = "CunwuMingExt"
FONT_FALLBACK_SIP = "CunwuMingSIP"
#: Tried in this order after the run's own font.
FALLBACK_FONTS: tuple[str, ...] = (FONT_FALLBACK, FONT_FALLBACK_SIP)

_FONT_FILES: dict[str, str] = {
    FONT_MAIN: "cunwu-hei.ttf",
    FONT_MAIN_BOLD: "cunwu-hei.ttf",
    FONT_FALLBACK: "cunwu-ming-ext.ttf",
    FONT_FALLBACK_SIP: "cunwu-ming-sip.ttf",
}
# PDF BaseFont names must differ between the two objects made from cunwu-hei.ttf: ReportLab tags
# subsets by index only (AAAAAA+, AAAAAB+, …), and a reader may reuse one embedded font for another
# with the same BaseFont.
_BOLD_FACE_NAME = b"CunwuHei-Bold"

# Stroke width of the synthetic bold, as a fraction of the font size.
SYNTHETIC_BOLD_STROKE = 0.03

RESOURCES_ENV = "CUNWU_RESOURCES"

_lock = threading.RLock()
_registered = False
_coverage: dict[str, KeysView[int]] = {}


# --- ToUnicode for characters beyond the BMP ---------------------------------------------------

# ReportLab 5.1 (reportlab.pdfbase.ttfonts.makeToUnicodeCMap) writes each destination as "%04X",
# so U+20BB7 becomes <20BB7>. A ToUnicode CMap holds UTF-16BE, so it must be the surrogate pair
# <D842DFB7>; otherwise copy, search and text extraction turn 𠮷 into "₻". Only our font objects
# are touched, and only lines with a destination longer than four hex digits, so a ReportLab that
# gets this right leaves nothing for the fix to change.
_LONG_BFCHAR = re.compile(r"^(<[0-9A-Fa-f]+>) <([0-9A-Fa-f]{5,6})>$", re.MULTILINE)


def _utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be").hex().upper()


def _fix_to_unicode_cmap(cmap: str) -> str:
    return _LONG_BFCHAR.sub(lambda m: f"{m.group(1)} <{_utf16_hex(int(m.group(2), 16))}>", cmap)


# --- parsed font tables, cached -----------------------------------------------------------------

CACHE_ENV = "CUNWU_CACHE_DIR"
# Bumped when what is stored changes shape.
_CACHE_FORMAT = 1


def font_cache_dir() -> Path:
    """Where parsed font tables are kept (``$CUNWU_CACHE_DIR`` or the user cache folder)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override) / "fonts"
    import platformdirs

    return Path(platformdirs.user_cache_dir("cunwu", appauthor=False)) / "fonts"


def _cache_file(font_path: str) -> Path | None:
    try:
        st = os.stat(font_path)
    except OSError:
        return None
    # The file as shipped (its size and time) and the ReportLab that parsed it, not where it is: every
    # install (a new folder per update, a portable copy) of the same font shares one cache file.
    key = f"{_CACHE_FORMAT}|{reportlab.Version}|{st.st_size}|{st.st_mtime_ns}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return font_cache_dir() / f"{Path(font_path).stem}-{digest}.marshal"


# ReportLab keeps the font's names as bytes carrying their decoded text, and its design-unit scale as
# a function of unitsPerEm; marshal stores plain types only, so those two are stored as what makes them.
_NAME_TAG = "\0TTFNameBytes"
_SCALE_TAG = "\0unitsPerEm"


def _pdf_scale(units_per_em: int):
    """ReportLab's scale from design units to 1/1000 em (``TTFontFile.extractInfo``)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _to_plain(values: dict) -> dict:
    out = {}
    for k, v in values.items():
        if isinstance(v, TTFNameBytes):
            v = (_NAME_TAG, bytes(v), v.ustr)
        elif k == "_pdfScale":
            v = (_SCALE_TAG,)
        out[k] = v
    return out


def _from_plain(values: dict) -> dict:
    out = {}
    for k, v in values.items():
        if isinstance(v, tuple) and len(v) == 3 and v[0] == _NAME_TAG:
            name = bytes.__new__(TTFNameBytes, v[1])
            name.ustr = v[2]
            v = name
        elif v == (_SCALE_TAG,):
            v = _pdf_scale(values["unitsPerEm"])
        out[k] = v
    return out


def _load_cached_info(font_path: str) -> dict | None:
    path = _cache_file(font_path)
    if path is None:
        return None
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # absent, unreadable or damaged: parse the font again
    return _from_plain(data) if isinstance(data, dict) else None


def _store_cached_info(font_path: str, info: dict) -> None:
    """Keep ``info`` for the next run; a cache that cannot be written is only slower, never an error."""
    path = _cache_file(font_path)
    if path is None:
        return
    try:
        data = marshal.dumps(_to_plain(info))
    except ValueError:  # a value marshal cannot hold (a newer ReportLab): no cache for this font
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError:
        return
    _drop_stale(path)


# A cache file of the same font not rewritten for this long is dropped when a new one is written (an
# older font or ReportLab): the folder does not grow by a font's tables with every update.
_STALE_SECONDS = 30 * 24 * 3600


def _drop_stale(fresh: Path) -> None:
    stem = fresh.name.rsplit("-", 1)[0]
    now = time.time()
    try:
        for other in fresh.parent.glob(f"{stem}-*.marshal"):
            if other != fresh and other.name.rsplit("-", 1)[0] == stem:
                try:
                    if now - other.stat().st_mtime > _STALE_SECONDS:
                        other.unlink()
                except OSError:
                    pass
    except OSError:
        pass


def _font_bytes(path: str) -> mmap.mmap | bytes:
    """The font file's bytes as ReportLab's face reads them, mapped rather than read: only the parts
    a PDF's subsets take (a few hundred glyphs) are ever loaded, not the whole file (5 MB for the
    Ext-A/B fallback, met on a large roster by one rare name). One mapping a file, shared by its faces
    (the main font's regular and bold names). A file that cannot be mapped is read."""
    mapping = _mappings.get(path)
    if mapping is None:
        with open(path, "rb") as f:
            try:
                mapping = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # empty, or a file system that cannot map: read it
                mapping = f.read()
        _mappings[path] = mapping
    return mapping


#: font file → its bytes (see :func:`_font_bytes`).
_mappings: dict[str, mmap.mmap | bytes] = {}


class _CachedFace(TTFontFace):
    """ReportLab's TrueType face whose table extraction (``extractInfo``) is read from the cache when
    the font file and ReportLab are the ones it was made from, and whose bytes are mapped
    (:func:`_font_bytes`; ReportLab reads the file only when its face has no ``_ttf_data``)."""

    def __init__(self, filename: str) -> None:
        self._ttf_data = _font_bytes(filename)
        self.filename = filename
        super().__init__(filename)

    def get_table(self, tag):  # ReportLab's name
        """A table's bytes; the glyph table as :class:`_TableSlices`: a PDF's subset takes its few
        glyphs from it by slicing, and ReportLab copied the whole table (5 MB) for each subset."""
        if tag != "glyf":
            return super().get_table(tag)
        pos, length = self.get_table_pos(tag)
        return _TableSlices(self._ttf_data, pos, length)

    def makeSubset(self, subset):  # noqa: N802 - ReportLab's name
        """ReportLab's subset, after which the font file's pages it read are let go: the file's
        mapping does not keep in memory every glyph a large roster's subsets took (they are read
        again from the page cache if ever needed)."""
        try:
            return super().makeSubset(subset)
        finally:
            data = self._ttf_data
            if isinstance(data, mmap.mmap) and hasattr(data, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
                data.madvise(mmap.MADV_DONTNEED)

    def extractInfo(self, charInfo=1) -> None:  # noqa: N802, N803 - ReportLab's names
        if charInfo:
            # the regular and bold names are one file: its tables are read (or parsed) once a process
            # and shared — ReportLab only reads them
            shared = _extracted.get(self.filename)
            if shared is None:
                shared = _load_cached_info(self.filename)
            if shared is not None:
                _extracted[self.filename] = shared
                self.__dict__.update(shared)
                return
        before = dict(self.__dict__)
        super().extractInfo(charInfo)
        if charInfo:
            info = {k: v for k, v in self.__dict__.items() if k not in before or before[k] is not v}
            _store_cached_info(self.filename, info)
            _extracted[self.filename] = info


class _TableSlices:
    """A table of a font file that gives its slices as bytes, read from the file's bytes only when
    asked for (ReportLab's subsetting slices the glyph table glyph by glyph)."""

    __slots__ = ("data", "start", "length")

    def __init__(self, data: mmap.mmap | bytes, start: int, length: int) -> None:
        self.data, self.start, self.length = data, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, k: slice) -> bytes:
        if not isinstance(k, slice) or k.step not in (None, 1):
            raise TypeError("a font table is read by slices")
        first, last, _ = k.indices(self.length)
        return bytes(self.data[self.start + first:self.start + max(first, last)])


#: font file → the attributes :meth:`_CachedFace.extractInfo` set, for the other faces of that file.
_extracted: dict[str, dict] = {}


class _NoticeTTFont(TTFont):
    """A ReportLab TTFont whose ToUnicode CMaps are valid for code points above U+FFFF, and whose face
    comes from :class:`_CachedFace`."""

    def __init__(self, name: str, filename: str) -> None:
        # TTFont.__init__'s steps, with the caching face in place of TTFontFace (a test compares the
        # attributes with a plain TTFont's, so a ReportLab that changes them is noticed).
        from fnmatch import fnmatch
        from weakref import WeakKeyDictionary

        from reportlab import rl_config

        self.fontName = name
        self.face = _CachedFace(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)

    def addObjects(self, doc) -> None:
        state = self.state.get(doc)
        internal_name = state.internalName if state is not None else None
        subset_count = len(state.subsets) if state is not None else 0
        super().addObjects(doc)
        if internal_name is None:
            return
        font_dict = doc.idToObject["BasicFonts"].dict
        for n in range(subset_count):
            pdf_font = font_dict.get(f"{internal_name}+{n}")
            reference = getattr(pdf_font, "ToUnicode", None)
            stream = doc.idToObject.get(getattr(reference, "name", None))
            if stream is None:
                # ReportLab changed how it stores the map: fail loudly, the text layer would be wrong.
                raise RuntimeError(f"ToUnicode map of {self.fontName} subset {n} not found")
            stream.content = _fix_to_unicode_cmap(stream.content)


# --- registration ------------------------------------------------------------------------------


def fonts_dir() -> Path:
    """The folder holding the shipped .ttf files (``$CUNWU_RESOURCES/fonts`` if that is set)."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override) / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _load_font(name: str) -> _NoticeTTFont:
    path = fonts_dir() / _FONT_FILES[name]
    if not path.is_file():
        raise FileNotFoundError(f"font file for {name} missing: {path}")
    font = _NoticeTTFont(name, str(path))
    if name == FONT_MAIN_BOLD:
        font.face.name = _BOLD_FACE_NAME
    return font


def register_fonts() -> None:
    """Register the main font (regular and bold names) and its family with ReportLab. Safe to call
    repeatedly; the fallbacks are registered when a text first needs them (:func:`_code_points`).

    The folder is looked up on the first call; later calls change nothing.
    Raises FileNotFoundError naming the file if the installation lacks one.
    """
    global _registered
    if _registered:  # fast path: coverage lookups call this for every character
        return
    with _lock:
        if _registered:
            return
        fonts = [_load_font(FONT_MAIN), _load_font(FONT_MAIN_BOLD)]
        for name in FALLBACK_FONTS:  # an incomplete installation is named now, not at the first rare name
            if not (fonts_dir() / _FONT_FILES[name]).is_file():
                raise FileNotFoundError(f"font file for {name} missing: {fonts_dir() / _FONT_FILES[name]}")
        for font in fonts:  # (one table: the bold name shares the regular's)
            pdfmetrics.registerFont(font)
            _coverage[font.fontName] = font.face.charToGlyph.keys()
        # <b> and <i> in Paragraph markup resolve through the family; there are no italics.
        pdfmetrics.registerFontFamily(
            FONT_MAIN, normal=FONT_MAIN, bold=FONT_MAIN_BOLD, italic=FONT_MAIN, boldItalic=FONT_MAIN_BOLD
        )
        _registered = True


def _register_fallback(name: str) -> KeysView[int]:
    """Register one fallback font (it has no bold or italic: its family maps onto itself)."""
    with _lock:
        if name not in _coverage:
            font = _load_font(name)
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
            _coverage[name] = font.face.charToGlyph.keys()
        return _coverage[name]


# --- coverage ----------------------------------------------------------------------------------


def _code_points(font_name: str) -> KeysView[int]:
    register_fonts()
    try:
        return _coverage[font_name]
    except KeyError:
        pass
    if font_name in FALLBACK_FONTS:
        return _register_fallback(font_name)
    font = pdfmetrics.getFont(font_name)  # raises KeyError for an unknown name
    face = getattr(font, "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    if char_to_glyph is None:
        raise ValueError(f"{font_name} is not a TrueType font; its coverage is unknown")
    with _lock:
        return _coverage.setdefault(font_name, char_to_glyph.keys())


def font_has_char(font_name: str, ch: str) -> bool:
    """Whether the registered TrueType font ``font_name`` maps the character ``ch`` to a glyph."""
    if len(ch) != 1:
        raise ValueError(f"expected one character, got {ch!r}")
    return ord(ch) in _code_points(font_name)


def _is_invisible(ch: str) -> bool:
    """Characters with nothing to draw: controls, format characters, variation selectors.

    They are left out of drawing and of the coverage check (a variation selector after a name
    character picks a glyph variant the fonts do not have; the base character is printed).
    """
    if ch.isspace():
        return False
    if unicodedata.category(ch) in ("Cc", "Cf"):
        return True
    code_point = ord(ch)
    return (
        0xFE00 <= code_point <= 0xFE0F or 0xE0100 <= code_point <= 0xE01EF or 0x180B <= code_point <= 0x180D
    )


def _font_for(ch: str, primary: str) -> str | None:
    for name in (primary, *FALLBACK_FONTS):
        if ord(ch) in _code_points(name):
            return name
    return None


def missing_chars(text: str) -> list[str]:
    """Characters of ``text`` that no shipped font can draw, each once, in order of appearance.

    Whitespace and invisible characters (controls, format characters, variation selectors) are
    ignored.
    """
    found: dict[str, None] = {}
    for ch in text:
        if ch in found or ch.isspace() or _is_invisible(ch):
            continue
        if _font_for(ch, FONT_MAIN) is None:
            found[ch] = None
    return list(found)


# --- runs for drawing --------------------------------------------------------------------------


def split_runs(text: str, font: str = FONT_MAIN) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font_name, run)`` pairs, each run drawable in its font.

    Each character goes to ``font`` if that has it, else to the first fallback that has it.
    Whitespace stays in the current run when that font has it (the Ming fallbacks have no space
    glyph), line breaks and tabs become spaces, invisible characters are dropped. A character
    no font has stays with ``font`` and prints as an empty box: call :func:`check_printable`
    first.
    """
    runs: list[tuple[str, list[str]]] = []
    for ch in text:
        if _is_invisible(ch):
            continue
        if ch.isspace():
            if ord(ch) not in _code_points(font):
                ch = " "
            current = runs[-1][0] if runs else font
            target = current if ord(ch) in _code_points(current) else font
        else:
            target = _font_for(ch, font) or font
        if runs and runs[-1][0] == target:
            runs[-1][1].append(ch)
        else:
            runs.append((target, [ch]))
    return [(name, "".join(chars)) for name, chars in runs]


def _escape(text: str) -> str:
    """``xml.sax.saxutils.escape``, written out: importing that module pulls in urllib.request and ssl
    (≈30 ms of every print process)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def markup_with_fallback(text: str, font: str = FONT_MAIN) -> str:
    """ReportLab Paragraph markup for plain ``text`` set in ``font`` (the style's fontName).

    The text is XML-escaped (& < >) and runs that ``font`` lacks are wrapped in
    ``<font name="…">`` naming the fallback that has them. Line breaks stay plain whitespace
    (Paragraph folds them); use ``<br/>`` in the surrounding markup for forced breaks.
    """
    parts: list[str] = []
    for name, run in split_runs(text, font):
        escaped = _escape(run)
        parts.append(escaped if name == font else f'<font name="{name}">{escaped}</font>')
    return "".join(parts)


def string_width(text: str, size: float, font: str = FONT_MAIN) -> float:
    """Width in points of ``text`` drawn by :func:`draw_string` at ``size``."""
    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in split_runs(text, font))


def draw_string(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    font: str = FONT_MAIN,
    *,
    align: Literal["left", "center", "right"] = "left",
) -> float:
    """Draw one line of ``text`` with per-character font fallback; return its width.

    ``x`` is the left edge, the centre or the right edge by ``align``. ``FONT_MAIN_BOLD`` is
    drawn with a synthetic bold stroke. The canvas's font and graphics state are left unchanged.
    """
    runs = split_runs(text, font)
    width = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    elif align != "left":
        raise ValueError(f"align must be left, center or right, not {align!r}")
    if not runs:
        return width
    canvas.saveState()
    try:
        text_object = canvas.beginText(x, y)
        if font == FONT_MAIN_BOLD:
            # Stroke in the fill colour; ReportLab keeps it only in this attribute.
            canvas.setStrokeColor(canvas._fillColorObj)
            canvas.setLineWidth(size * SYNTHETIC_BOLD_STROKE)
            text_object.setTextRenderMode(2)  # fill, then stroke the outline
        for name, run in runs:
            text_object.setFont(name, size)
            text_object.textOut(run)
        canvas.drawText(text_object)
    finally:
        canvas.restoreState()
    return width


# --- refusing what cannot be printed -----------------------------------------------------------


def format_code_point(ch: str) -> str:
    """``U+4DAE``, ``U+20BB7``: the form clerks read to technical support."""
    return f"U+{ord(ch):04X}"


class MissingGlyphError(Exception):
    """Text holds a character none of the shipped fonts can draw.

    ``where`` names the record and field (given by the caller), ``char`` the first such character,
    ``codepoint`` its code point, ``chars`` all of them. The message is Chinese, the users' language.
    """

    MESSAGE_TEMPLATE = "无法打印：{where} 中的字符“{char}”（{codepoint}）字体中没有，请核对或联系技术支持"

    def __init__(self, char: str, *, where: str, chars: Iterable[str] = ()) -> None:
        self.char = char
        self.codepoint = ord(char)
        self.where = where
        self.chars: tuple[str, ...] = tuple(chars) or (char,)
        super().__init__(
            self.MESSAGE_TEMPLATE.format(where=where, char=char, codepoint=format_code_point(char))
        )

    @property
    def message(self) -> str:
        return str(self)


def check_printable(text: str, *, where: str) -> None:
    """Raise :class:`MissingGlyphError` if ``text`` holds a character no shipped font has.

    ``where`` names the record and field for the message, e.g. ``"第3户 户主姓名"``.
    """
    missing = missing_chars(text)
    if missing:
        raise MissingGlyphError(missing[0], where=where, chars=missing)
