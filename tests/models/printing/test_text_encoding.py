"""The renderer's text writer (`render._FontEncoder`): texts of characters already met are encoded
from remembered subset codes instead of ReportLab's per-character loop — the file must be the very
bytes ReportLab's own encoding gives, over many subsets, mixed runs, no-break spaces and the rare
characters of the fallback fonts, and every cell must read back."""

from __future__ import annotations

import pytest

from models.printing import render as R
from models.printing.render import render_pdf

from .test_render import RARE_NAMES, all_text, roster_doc, squeezed

# 700 distinct hanzi: the main font's characters spread over three 256-code subsets, so most names
# mix subsets; repeated names, groups and masks take the kept-text path.
HANZI = [chr(0x4E00 + 7 * k) for k in range(700)]
NAMES = [HANZI[(3 * i) % 700] + HANZI[(3 * i + 350) % 700] + HANZI[(5 * i + 11) % 700] for i in range(400)]
NAMES += RARE_NAMES + ["欧阳\u00a0建国"]  # a no-break space prints as ReportLab's space


def _reportlab_only(monkeypatch) -> None:
    """Every text through ReportLab's splitString, as before the encoder remembered anything."""
    monkeypatch.setattr(R._FontEncoder, "quick", lambda self, text: None)
    monkeypatch.setattr(R._FontEncoder, "encode", lambda self, text: self._learn(text))


@pytest.mark.parametrize("rows", [30, 900])
def test_same_bytes_as_reportlabs_own_encoding(monkeypatch, rows):
    doc = roster_doc(rows, names=NAMES)
    fast = render_pdf(doc)
    with monkeypatch.context() as m:
        _reportlab_only(m)
        slow = render_pdf(doc)
    assert fast == slow


def test_every_name_reads_back_from_a_many_subset_table():
    data = render_pdf(roster_doc(len(NAMES), names=NAMES))
    text = squeezed(all_text(data))
    missing = [n for n in NAMES if squeezed(n.replace("\u00a0", " ")) not in text]
    assert not missing, missing[:10]
    assert all(name in text for name in ("张䶮", "吉𠮷", "李𬌗"))


def test_private_use_text_is_left_to_reportlab():
    encoder = R._FontEncoder.__new__(R._FontEncoder)
    encoder.marks, encoder.codes, encoder.names, encoder.known = {}, {}, {}, {}
    calls = []
    encoder._learn = lambda text: calls.append(text) or [("/F1+0", "() Tj")]
    encoder.marks[ord("甲")] = chr(R._SUBSET_MARK)
    encoder.codes[ord("甲")] = "A"
    encoder.names[0] = "/F1+0"
    assert encoder.encode("甲") == [("/F1+0", "(A) Tj")] and not calls
    # a private-use character equal to a subset mark must not pass for a known one
    assert encoder.encode("甲" + chr(R._SUBSET_MARK)) == [("/F1+0", "() Tj")]
    assert calls == ["甲" + chr(R._SUBSET_MARK)]
