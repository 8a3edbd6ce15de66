"""统计用区划代码: 12 digits for a village (行政村/社区), 9 for a township (乡镇/街道)."""

from __future__ import annotations

# Province-level codes (GB/T 2260 first two digits).
PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82",
}


def region_code_problem(code: str, mode: str) -> str | None:
    """None when the code fits the mode, else a Chinese message saying what is wrong."""
    code = (code or "").strip()
    want = 12 if mode == "village" else 9
    what = "村（社区）" if mode == "village" else "乡镇（街道）"
    if not code.isdigit() or not code.isascii():
        return f"{what}统计用区划代码应全部为数字，实为“{code}”"
    if len(code) != want:
        return f"{what}统计用区划代码应为 {want} 位数字，实为 {len(code)} 位（“{code}”）"
    if code[:2] not in PROVINCES:
        return f"区划代码前两位“{code[:2]}”不是有效的省级代码"
    # The county part may be 00: cities without counties (东莞 4419, 中山 4420, 儋州 4604) number their
    # townships straight under the city, e.g. 东莞 东城街道 441900003.
    if code[2:4] == "00":
        return f"区划代码“{code}”的地市部分不能为 00"
    if code[6:9] == "000":
        return f"区划代码“{code}”的乡镇部分不能为 000"
    if mode == "village" and code[9:12] == "000":
        return f"区划代码“{code}”的村级部分不能为 000"
    return None


def township_code_of(village_code: str) -> str:
    return village_code[:9]
