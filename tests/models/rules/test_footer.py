"""The one parser between a 监督电话 line and its {label, number} pair."""

from __future__ import annotations

import pytest

from models.rules.footer import phone_entry, phone_line, phone_problem, phones_problems


@pytest.mark.parametrize(("line", "entry"), [
    ("全国监督电话 12317", {"label": "全国监督电话", "number": "12317"}),
    ("镇纪委 0379-67891234", {"label": "镇纪委", "number": "0379-67891234"}),
    ("村务监督委员会 张三 13812341234", {"label": "村务监督委员会 张三", "number": "13812341234"}),
    ("镇纪委：0379-6789123转8001", {"label": "镇纪委", "number": "0379-6789123转8001"}),
    ("12317", {"label": "", "number": "12317"}),
    ("村务监督委员会 张三", {"label": "村务监督委员会 张三", "number": ""}),
])
def test_line_to_entry_and_back(line, entry):
    assert phone_entry(line) == entry
    assert phone_entry(phone_line(entry)) == entry


def test_problems():
    assert phone_problem({"label": "镇纪委", "number": "0379-67891234"}, 1) is None
    assert "缺少号码" in phone_problem({"label": "张三", "number": ""}, 2)
    assert "第 2 条" in phone_problem({"label": "张三", "number": ""}, 2)
    assert "不是电话号码" in phone_problem({"label": "x", "number": "十二三一七"}, 1)
    assert "应写作" in phone_problem("12317", 1)
    assert "最多 10 条" in phones_problems([{"label": "", "number": "12317"}] * 11)[0]
