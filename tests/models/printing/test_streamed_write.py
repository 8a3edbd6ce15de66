"""`render(..., keep=False)` (what `cunwu print ID` uses): the PDF goes to the file as ReportLab
formats it, object by object, never whole in memory — and the bytes are ReportLab's own whole-file
output for the same document, for every kind of record and every paper option."""

from __future__ import annotations

import errno
import io

import pytest

import models.printing.render as render_module
from models.printing.direct import read_document
from models.printing.render import render

from .test_direct_print import OPTIONS, _records
from .test_notices import TODAY, env, roster_rows  # noqa: F401
from .test_render import ID_NUMBER, all_text, page_texts


class _Writes(io.RawIOBase):
    """An open binary file that remembers the size of each write."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_written_as_formatted_is_the_whole_file_byte_for_byte(env, db_path, tmp_path, option):  # noqa: F811
    _ctx, svc, post, _printer = env
    for name, record in _records(svc, post).items():
        doc = read_document(db_path, record, OPTIONS[option], today=TODAY)
        assert doc is not None, name
        whole = render([doc]).data  # ReportLab's save: the file formatted whole, joined, then written
        out = tmp_path / f"{name}.pdf"
        rendered = render([doc], out, keep=False)
        assert rendered.data is None, name
        assert out.read_bytes() == whole, name
        assert rendered.pages == (len(page_texts(whole)),), name
        handle = _Writes()
        assert render([doc], handle, keep=False).data is None
        assert b"".join(handle.parts) == whole, name
        # written as it went: what comes before the first page's content (header, font subsets) at the
        # first page stream, then one write per object (each page's content its own), xref, trailer
        assert len(handle.parts) >= rendered.pages[0] + 3, name
        assert handle.parts[-2].startswith(b"xref") and handle.parts[-1].startswith(b"trailer"), name


def test_a_long_roster_is_written_page_by_page(env, db_path, tmp_path):  # noqa: F811
    _ctx, svc, post, _printer = env
    record = post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(600))).id
    doc = read_document(db_path, record, OPTIONS["plain"], today=TODAY)
    whole = render([doc]).data
    handle = _Writes()
    rendered = render([doc], handle, keep=False)
    assert b"".join(handle.parts) == whole and rendered.pages[0] > 10
    assert max(len(p) for p in handle.parts[1:]) < len(whole) / 5  # pages one by one, none near the whole
    assert not ID_NUMBER.search(all_text(whole))  # masked as ever


def test_keep_false_needs_somewhere_to_write(env, db_path):  # noqa: F811
    _ctx, svc, post, _printer = env
    record = post(svc.create("DL-01", "2026-Q3", "名单", rows=roster_rows(3))).id
    doc = read_document(db_path, record, OPTIONS["plain"], today=TODAY)
    with pytest.raises(ValueError):
        render([doc], None, keep=False)


def test_a_write_failing_halfway_leaves_no_file_and_one_line(env, db_path, data_dir, tmp_path, monkeypatch,  # noqa: F811
                                                           capsys):
    """The disk fills while the file is being written (some pages already in it): `cunwu print`
    says so in one line, and neither the target nor a temp file is left."""
    from models.cli import main

    _ctx, svc, post, _printer = env
    record = post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(300))).id
    formatted = []
    real = render_module._PageStream.format

    def format_then_fill(self, document):
        formatted.append(1)
        if len(formatted) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, document)

    monkeypatch.setattr(render_module._PageStream, "format", format_then_fill)
    out = tmp_path / "名单.pdf"
    code = main(["--db", str(db_path), "--data-dir", str(data_dir), "print", str(record), "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(formatted) == 4
    assert len(err.splitlines()) == 1 and "Traceback" not in err and f"无法写入 {out}" in err
    assert not [p.name for p in tmp_path.iterdir() if "名单" in p.name]  # the target's temp is named after it


def test_page_contents_wait_on_disk_until_save(env, db_path, monkeypatch):  # noqa: F811
    """Written as formatted, each page's compressed content is parked in a temporary file when the
    page is done (not held until save) and read back into the same place in the file."""
    _ctx, svc, post, _printer = env
    record = post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(400))).id
    doc = read_document(db_path, record, OPTIONS["plain"], today=TODAY)
    whole = render([doc]).data
    parked, closed, held = [], [], []
    real_park, real_close = render_module._Spill.park, render_module._Spill.close

    def park(self, content):
        parked.append(len(content))
        return real_park(self, content)

    def close(self):
        closed.append(self.file.closed)
        return real_close(self)

    real_save = render_module.Canvas.save

    def save(canvas):
        held.extend(page.Contents.content for page in canvas._doc.Pages.pages)
        return real_save(canvas)

    monkeypatch.setattr(render_module._Spill, "park", park)
    monkeypatch.setattr(render_module._Spill, "close", close)
    monkeypatch.setattr(render_module.Canvas, "save", save)
    handle = _Writes()
    rendered = render([doc], handle, keep=False)
    assert b"".join(handle.parts) == whole
    assert len(parked) == rendered.pages[0] > 5 and closed == [False]
    assert held == [None] * rendered.pages[0]  # nothing in memory from the page's end to save
    parked.clear()
    assert render([doc]).data == whole and parked == []  # kept whole: no temporary file
