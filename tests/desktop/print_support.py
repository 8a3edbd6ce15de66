"""Shared by the printing GUI tests: a posted roster notice, PDF text, waiting for a preview."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from models.rules.money import amount_of

from .records_support import TODAY

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
FULL_ID = re.compile(r"\d{17}[\dX]")
ROSTER_TITLE = "2026年耕地地力保护补贴发放名单公示"


def id_number(i: int) -> str:
    """A valid 18-digit ID number (GB 11643 check digit), different for every i < 1000."""
    body = f"410322{1950 + i % 50}{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 1000:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def roster_rows(n: int) -> list[dict]:
    names = ["张䶮", "王堃", "赵喆", "钱赟", "欧阳建国", "刘秀英"]
    rows = []
    for i in range(1, n + 1):
        quantity = Decimal(100 + i * 37 % 900) / 100
        rows.append({"group": f"{'一二三四五'[i % 5]}组", "name": names[i % len(names)], "id_number": id_number(i),
                     "quantity": str(quantity), "rate": "18.34", "amount": str(amount_of(quantity, Decimal("18.34"))),
                     "bank_card": f"62284800000{i:08d}"})
    return rows


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def pdf_pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def roster(records):
    """A posted 耕地地力保护补贴 roster of 60 households (several pages on A4)."""
    return records.make("posted", item="CW-13", period="2026-06-01", title=ROSTER_TITLE, rows=roster_rows(60),
                        posted_on=TODAY)


def wait_rendered(qtbot, preview, timeout: int = 20_000) -> None:
    """Until the preview shows a PDF and no render is running."""
    qtbot.waitUntil(lambda: preview.result is not None and not preview.busy, timeout=timeout)
