"""Build the fonts that printed notices embed (resources/fonts/*.ttf).

Reads the Debian font packages from /usr/share/fonts and writes three TrueType (glyf) subsets:

* ``cunwu-hei.ttf``      main face, from WenQuanYi Micro Hei (fonts-wqy-microhei): GBK, Latin,
                         punctuation and the symbol blocks a notice uses. No Hangul (11k glyphs no
                         notice needs).
* ``cunwu-ming-ext.ttf`` first fallback, from HanaMinA (fonts-hanazono): every ideograph, radical and
                         symbol HanaMinA has that the main face lacks: all of CJK Ext-A, compatibility
                         ideographs, and the ≈5,300 Ext-B..F characters HanaMinA carries (𠮷, 𬌗, …).
* ``cunwu-ming-sip.ttf`` second fallback, from HanaMinB: the rest of Ext-B..F. It is a separate file
                         because a TrueType font holds at most 65,535 glyphs.

The faces are renamed (Hanazono's OFL option reserves the names "HanaMinA"/"HanaMinB"; the
rename and the description record also mark the WenQuanYi subset as modified, as Apache-2.0 asks).
Output is reproducible: same inputs and fontTools version give byte-identical files.

    python packaging/build_fonts.py            # build into resources/fonts
    python packaging/build_fonts.py --check    # build to a temp dir, compare with resources/fonts
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype")
WQY_MICROHEI = FONT_DIR / "wqy" / "wqy-microhei.ttc"  # index 0: proportional Micro Hei
HANAMIN_A = FONT_DIR / "hanazono" / "HanaMinA.ttf"
HANAMIN_B = FONT_DIR / "hanazono" / "HanaMinB.ttf"
OUT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"

# Licence texts shipped beside the fonts, copied verbatim from the Debian packages.
LICENCE_FILES: dict[str, Path] = {
    "COPYRIGHT-fonts-wqy-microhei.txt": Path("/usr/share/doc/fonts-wqy-microhei/copyright"),
    "LICENSE-Apache-2.0.txt": Path("/usr/share/common-licenses/Apache-2.0"),
    "COPYRIGHT-fonts-hanazono.txt": Path("/usr/share/doc/fonts-hanazono/copyright"),
}

# Blocks the main face keeps besides GBK (inclusive ranges). Latin Extended for pinyin with tones,
# symbol blocks for ①、№、㎡、■□√★ and the like; CJK blocks that GBK only samples.
MAIN_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (× ÷ ° ·)
    (0x0100, 0x024F),  # Latin Extended-A/B (pinyin ā ǎ ǚ)
    (0x0250, 0x02FF),  # IPA, spacing modifiers (ˇ ˉ ˊ ˋ)
    (0x0370, 0x04FF),  # Greek, Cyrillic
    (0x2000, 0x206F),  # General Punctuation (“ ” — … ‰)
    (0x2070, 0x20CF),  # super/subscripts, currency
    (0x2100, 0x27BF),  # letterlike, number forms, arrows, math, technical, enclosed, box, shapes, dingbats
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x312F),  # kana, bopomofo
    (0x3200, 0x33FF),  # enclosed CJK, CJK compatibility (㈠ ㎡)
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE10, 0xFE6F),  # vertical, compatibility and small forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms (（ ） ： ￥)
)

# Where the fallbacks may add characters the main face lacks.
IDEOGRAPH_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x2FF0, 0x2FFF),  # ideographic description characters
    (0x31C0, 0x31EF),  # CJK strokes
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # URO (characters added after GBK)
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2FFFF),  # Extensions B..F, compatibility supplement (SIP)
    (0x30000, 0x3FFFF),  # Extensions G.. (TIP), in case a newer source font has them
)

# Records renamed in the output (all platforms and languages).
RENAMED_NAME_IDS = (1, 2, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25)
DESCRIPTION_NAME_ID = 10
# Tables ReportLab never reads: OpenType layout (it does not shape CJK), vertical metrics, FontForge
# timestamps (FFTM changes with every upstream build and carries no glyph data).
DROPPED_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "prop", "FFTM", "DSIG"]


@dataclass(frozen=True)
class FontSpec:
    file_name: str
    family: str
    postscript_name: str
    source: Path
    source_index: int
    source_label: str  # Debian package and upstream face, for the description record


MAIN = FontSpec(
    "cunwu-hei.ttf",
    "Cunwu Hei",
    "CunwuHei-Regular",
    WQY_MICROHEI,
    0,
    "WenQuanYi Micro Hei 0.2.0-beta (Debian fonts-wqy-microhei)",
)
FALLBACK_EXT = FontSpec(
    "cunwu-ming-ext.ttf",
    "Cunwu Ming Ext",
    "CunwuMingExt-Regular",
    HANAMIN_A,
    0,
    "HanaMinA 2017-09-04 (Debian fonts-hanazono)",
)
FALLBACK_SIP = FontSpec(
    "cunwu-ming-sip.ttf",
    "Cunwu Ming SIP",
    "CunwuMingSIP-Regular",
    HANAMIN_B,
    0,
    "HanaMinB 2017-09-04 (Debian fonts-hanazono)",
)


def gbk_code_points() -> set[int]:
    """Every character GBK (CP936 double-byte plane) encodes: 21,791 code points."""
    decoder = codecs.getdecoder("gbk")
    points: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                text, _ = decoder(bytes((lead, trail)))
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                points.add(ord(text))
    return points


def in_blocks(code_point: int, blocks: Iterable[tuple[int, int]]) -> bool:
    return any(lo <= code_point <= hi for lo, hi in blocks)


def cmap_of(path: Path, index: int = 0) -> set[int]:
    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        return set(font.getBestCmap())
    finally:
        font.close()


def plan() -> dict[FontSpec, set[int]]:
    """Decide which code points go into which output font (disjoint sets, main first)."""
    wqy = cmap_of(WQY_MICROHEI)
    han_a = cmap_of(HANAMIN_A)
    han_b = cmap_of(HANAMIN_B)

    wanted_main = gbk_code_points() | {c for c in wqy if in_blocks(c, MAIN_BLOCKS)}
    main = wanted_main & wqy
    # Fallbacks fill ideographs and also the few main-block characters WenQuanYi lacks (ɑ ɡ ☉ of GBK).
    fallback_scope = {c for c in han_a | han_b if in_blocks(c, IDEOGRAPH_BLOCKS)} | wanted_main
    ext = (han_a & fallback_scope) - main
    sip = (han_b & fallback_scope) - main - ext
    return {MAIN: main, FALLBACK_EXT: ext, FALLBACK_SIP: sip}


def rename(font: TTFont, spec: FontSpec) -> None:
    name = font["name"]
    version = name.getDebugName(5) or ""
    for name_id in RENAMED_NAME_IDS + (5, DESCRIPTION_NAME_ID):
        name.removeNames(nameID=name_id)
    records = {
        1: spec.family,
        2: "Regular",
        3: f"{spec.postscript_name};{version}",
        4: spec.family,
        5: f"{version}; cunwu subset",
        6: spec.postscript_name,
        DESCRIPTION_NAME_ID: (
            f"Modified by the cunwu project: subset of {spec.source_label} made by "
            "packaging/build_fonts.py; renamed, layout tables removed."
        ),
    }
    for name_id, text in records.items():
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US
        name.setName(text, name_id, 1, 0, 0)  # Macintosh, Roman, English


def build_one(spec: FontSpec, code_points: set[int], out_path: Path) -> None:
    options = subset.Options()
    options.drop_tables = sorted(set(options.drop_tables) | set(DROPPED_TABLES))
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_glyph = True
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.glyph_names = False
    options.hinting = True  # keep: tiny next to the outlines, and screen viewers may use it
    options.prune_unicode_ranges = True
    options.recalc_timestamp = False  # keep head.modified from the source: reproducible output
    options.font_number = spec.source_index

    font = subset.load_font(str(spec.source), options, lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(font)
    rename(font, spec)
    if "glyf" not in font:
        raise SystemExit(f"{spec.source}: not TrueType outlines; ReportLab cannot embed it")
    font.recalcTimestamp = False
    out_path.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out_path), reorderTables=True)
    font.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(out_dir: Path) -> list[tuple[str, int, Path]]:
    """Write the fonts and licence texts; return (file name, code points or 0, path) per file."""
    for src in (WQY_MICROHEI, HANAMIN_A, HANAMIN_B, *LICENCE_FILES.values()):
        if not src.exists():
            raise SystemExit(f"missing {src}: apt-get install fonts-wqy-microhei fonts-hanazono")
    results: list[tuple[str, int, Path]] = []
    for spec, code_points in plan().items():
        out_path = out_dir / spec.file_name
        build_one(spec, code_points, out_path)
        results.append((spec.file_name, len(code_points), out_path))
    for file_name, src in LICENCE_FILES.items():
        out_path = out_dir / file_name
        out_path.write_bytes(src.read_bytes())
        results.append((file_name, 0, out_path))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: resources/fonts)")
    parser.add_argument("--check", action="store_true", help="rebuild in a temp dir and compare with --out")
    args = parser.parse_args(argv)

    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            results = build(Path(tmp))
            stale = [
                file_name
                for file_name, _, path in results
                if not (args.out / file_name).exists() or sha256(path) != sha256(args.out / file_name)
            ]
        if stale:
            print("differs from a fresh build:", ", ".join(stale))
            return 1
        print("fonts up to date")
        return 0

    for file_name, count, path in build(args.out):
        points = f"{count:6d} code points" if count else " " * 18
        print(f"{file_name:34} {points}  {path.stat().st_size:>10,d} bytes  sha256 {sha256(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
