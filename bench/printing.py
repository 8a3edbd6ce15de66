"""IN-PROCESS: printing a roster notice inside a warm process (fonts registered, modules imported, the
record already built) against LibreOffice's whole process converting the same table to PDF.

These figures are not what a user waits for — bench.print_process times whole `cunwu print` processes
(the README quotes those); this one isolates the renderer and its growth with the row count.

Same run, same table (序号, 村民小组, 姓名, masked 身份证号, 面积, 标准, 金额, 备注; Chinese names, a few
rare ones): cunwu builds the notice from the record (masking, formatting) and renders it; LibreOffice
headless converts an xlsx of the printed table (written beforehand with openpyxl, not timed) with a
warm profile. Goals: ≥ 8× faster than LibreOffice at 1,000 rows, ≥ 5× at 10,000, and time per row
about flat from 1,000 to 10,000 rows (linear growth). The ReportLab canvas floor (drawString per cell,
no layout, no fonts fallback) is printed for reference. Medians of 3 after a warm-up.

    python -m bench printing            (or: make bench)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from .common import OUT

SIZES = (1_000, 10_000)
RUNS = 3
GOALS = {1_000: 8.0, 10_000: 5.0}
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "建国秀英志强丽华明军平芳桂兰玉梅国庆海燕红霞文博"
_RARE = ["张䶮", "吉𠮷", "李𬌗", "王堃", "赵喆", "钱赟"]
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_number(i: int) -> str:
    return _with_check_digit(f"410322{1940 + i % 60}{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 1000:03d}")


def id_number_unique(i: int) -> str:
    """A valid ID number, different for every ``i`` below 420,000 (the birth date repeats every 420)."""
    return _with_check_digit(f"410322{1940 + i % 60}{i % 12 + 1:02d}{i % 28 + 1:02d}{(i // 420) % 1000:03d}")


def _with_check_digit(body: str) -> str:
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def roster_record(n: int) -> SimpleNamespace:
    """A posted 耕地地力保护补贴 roster of ``n`` rows, shaped like ``DisclosureData``."""
    from models.rules.money import amount_of

    rows = []
    rate = Decimal("18.34")
    for i in range(1, n + 1):
        name = _RARE[i % 6] if i % 97 == 0 else _SURNAMES[i % 20] + _GIVEN[(i * 7) % 24] + (
            _GIVEN[(i * 3) % 24] if i % 3 else "")
        quantity = Decimal(100 + (i * 37) % 3000) / 100
        rows.append({"group": f"第{i % 12 + 1}村民小组", "name": name, "id_number": _id_number(i),
                     "quantity": quantity, "rate": rate, "amount": amount_of(quantity, rate),
                     "bank_card": f"62284800000{i:08d}", "remark": "新增户" if i % 50 == 0 else None})
    totals = {"rows": n, "amount": sum((r["amount"] for r in rows), Decimal(0)),
              "quantity": sum((r["quantity"] for r in rows), Decimal(0))}
    return SimpleNamespace(
        id=1, kind="roster", title="2026年耕地地力保护补贴发放名单公示", body="", item_code="DL-01",
        item_name="耕地地力保护补贴", period_label="2026年第三季度", content={},
        columns=["group", "name", "id_number", "quantity", "rate", "amount", "remark", "bank_card"],
        rows=rows, totals=totals, posting_start=date(2026, 7, 18), posting_end=date(2026, 7, 24),
        posting_days=7, posting_working_days=False, is_correction=False, supersedes=None)


def _village() -> SimpleNamespace:
    return SimpleNamespace(name="测试村", township="城关镇")


def _item() -> SimpleNamespace:
    return SimpleNamespace(roster_preset="dili", posting_days=7, posting_working_days=False)


def cunwu_render(record: SimpleNamespace) -> bytes:
    from models.printing.notices import disclosure_notice
    from models.printing.render import render_pdf
    from models.printing.settings import PrintSettings

    doc = disclosure_notice(record, village=_village(), item=_item(),
                            settings=PrintSettings(phones=("村务监督委员会 李监委 13812341234",)))
    return render_pdf(doc)


def printed_table(record: SimpleNamespace) -> tuple[list[str], list[list[str]]]:
    """The table exactly as the notice prints it (masked), for LibreOffice and the floor."""
    from models.printing.notices import disclosure_notice

    doc = disclosure_notice(record, village=_village(), item=_item())
    table = doc.tables[0]
    return [c.label for c in table.columns], [list(r) for r in table.rows] + [list(table.totals_row or [])]


def canvas_floor(header: list[str], rows: list[list[str]]) -> bytes:
    """drawString per cell at fixed positions: no measuring, wrapping, fallback or grid."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from models.printing.fonts import FONT_MAIN, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=FONT_MAIN, pageCompression=1)
    xs = [40 + 62 * i for i in range(len(header))]
    y = 800.0
    for row in [header, *rows]:
        canvas.setFont(FONT_MAIN, 10.5)
        for x, text in zip(xs, row, strict=False):
            if text:
                canvas.drawString(x, y, text)
        y -= 18
        if y < 50:
            canvas.showPage()
            y = 800.0
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- LibreOffice --------------------------------------------------------------------------------


def find_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("LibreOffice not found; installing libreoffice-calc-nogui (root) …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for package in ("libreoffice-calc-nogui", "libreoffice-calc"):
            done = subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", package], env=env,
                                  capture_output=True, timeout=1800)
            if done.returncode == 0:
                return shutil.which("soffice") or shutil.which("libreoffice")
    return None


def write_xlsx(path: Path, title: str, header: list[str], rows: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.append([title])
    sheet["A1"].font = Font(name="WenQuanYi Micro Hei", size=16, bold=True)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.border = border
    for letter, width in zip("ABCDEFGH", (7, 14, 10, 22, 10, 12, 12, 10), strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.print_title_rows = "2:2"  # header on every page, as the notice does
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(path)


class LibreOffice:
    def __init__(self, soffice: str, work: Path):
        self.soffice = soffice
        self.work = work
        self.profile = (work / "lo-profile").as_uri()

    def convert(self, xlsx: Path) -> float:
        out = self.work / "lo-out"
        out.mkdir(exist_ok=True)
        start = time.perf_counter()
        done = subprocess.run([self.soffice, f"-env:UserInstallation={self.profile}", "--headless",
                               "--convert-to", "pdf", "--outdir", str(out), str(xlsx)],
                              capture_output=True, timeout=900)
        elapsed = time.perf_counter() - start
        pdf = out / (xlsx.stem + ".pdf")
        if done.returncode != 0 or not pdf.exists():
            raise RuntimeError(f"soffice failed: {done.stderr.decode(errors='replace')[-300:]}")
        pdf.unlink()
        return elapsed


# --- timing ---------------------------------------------------------------------------------------


def median_of(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(sizes: tuple[int, ...] = SIZES) -> None:
    from models.printing.fonts import register_fonts

    start = time.perf_counter()
    register_fonts()
    print(f"printing: font registration (once per process, not in the figures below) {time.perf_counter() - start:.3f} s")
    soffice = find_soffice()
    if soffice is None:
        print("printing: LibreOffice (soffice) is not available here and could not be installed: "
              "cunwu's figures alone, no ratio")
    work = Path(tempfile.mkdtemp(prefix="bench-printing-", dir=OUT if OUT.exists() else None))
    office = LibreOffice(soffice, work) if soffice else None
    results: dict[int, tuple[float, float | None, float, int]] = {}
    try:
        if office is not None:  # the first start creates the profile: not part of any figure
            header, rows = printed_table(roster_record(20))
            warm = work / "warm.xlsx"
            write_xlsx(warm, "warm-up", header, rows)
            office.convert(warm)
        for n in sizes:
            record = roster_record(n)
            ours = median_of(lambda record=record: cunwu_render(record))
            pages = cunwu_render(record).count(b"/Type /Page\n")
            header, rows = printed_table(record)
            floor = median_of(lambda header=header, rows=rows: canvas_floor(header, rows))
            theirs = None
            if office is not None:
                xlsx = work / f"roster-{n}.xlsx"
                write_xlsx(xlsx, record.title, header, rows)
                theirs = median_of(lambda xlsx=xlsx: office.convert(xlsx))
            results[n] = (ours, theirs, floor, pages)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for n, (ours, theirs, floor, pages) in results.items():
        line = (f"printing (in-process, warm): roster {n:,} rows → PDF ({pages} pages, median of {RUNS}): "
                f"cunwu {ours:.3f} s "
                f"({ours / n * 1e6:.0f} µs/row); canvas floor {floor:.3f} s")
        if theirs is not None:
            speedup = theirs / ours
            verdict = "met" if speedup >= GOALS.get(n, 1) else "NOT met"
            line += (f"; LibreOffice's whole process {theirs:.3f} s → {speedup:.1f}× (in-process against whole process) "
                     f"(goal ≥ {GOALS.get(n, 1):g}×, {verdict})")
        print(line)
    if len(results) >= 2:
        small, large = min(results), max(results)
        per_small = results[small][0] / small
        per_large = results[large][0] / large
        print(f"printing (in-process): time per row {per_small * 1e6:.0f} µs at {small:,} rows, {per_large * 1e6:.0f} µs at "
              f"{large:,} rows: ratio {per_large / per_small:.2f} (1.00 = linear growth)")


if __name__ == "__main__":
    run()
