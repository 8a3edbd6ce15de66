"""Installation-wide settings kept with the data, and the one registry that declares them.

Storage: one JSON value per row of the `setting` table, read and written inside a caller's session
(`read_setting` / `write_setting`), so a change is part of the service call that makes it and of its
audit event.

The registry (`SETTINGS`) declares each setting a clerk may change — its key, Chinese label, type,
default and rule — once. `cunwu settings list/get/set`, the GUI's 关于与设置 and the first-run wizard
all go through `SettingsService`; the services that own a setting (feedback answer days, the print
footer, the schedule's start month) read and check it through the same entry.

Keys (shared/docs/cli.md):

- ``schedule.since`` — YYYY-MM, the first month this program keeps the village's disclosures; nothing
  due before it is ever due or overdue. Written at set-up (default: that month); a database set up
  before this setting existed reads the month it was set up.
- ``feedback.answer_days`` — days to answer a villager's question (1–366).
- ``import.max_rows`` — the most rows one sheet of an imported roster may have (100–1,000,000, default
  100,000); a larger file is refused before it is parsed (models.exchange.sheet_guard).
- ``footer.phones`` — 监督电话 as ``[{"label","number"}]``; stored as the lines the footer prints
  (`models.rules.footer` converts).
- ``backup.keep`` — how many automatic backups are kept (1–100); ``backup.extra_dir`` — a folder (a
  removable drive) that receives a copy of each automatic backup; empty: none.
- ``footer.unit`` (受理单位), ``footer.address`` (通讯地址), ``footer.email``, ``footer.issuer`` (落款),
  ``footer.objection`` (the objection sentence) — text; empty means the printed default.
- ``print.unmasked_roles`` — the roles that may print unmasked internal copies (comma-separated:
  ``clerk,admin``, the default of models.rules.permissions); changing it, like every setting, needs
  ``settings.edit`` (admins).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..entities import Installation, Setting
from ..entities.base import utcnow
from ..errors import CunwuError, Problem, RecordChanged, ValidationError
from ..rules.accounts import ROLES, role_label
from ..rules.footer import (
    FOOTER_FIELDS,
    FOOTER_KEY,
    FOOTER_STORE,
    MAX_FOOTER_TEXT,
    OVERRIDE_KEYS,
    phone_entry,
    phone_line,
    phones_problems,
)
from ..rules.limits import DEFAULT_MAX_ROWS, MAX_MAX_ROWS, MIN_MAX_ROWS, InputLimits
from ..rules.periods import PeriodError, month_period, month_text, parse_month
from ..rules.permissions import UNMASKED_SETTING, roles_for, unmasked_roles_problem
from .versions import check_version


def read_setting(session: Session, key: str, default: Any) -> Any:
    """A stored value, or ``default`` when unset or unreadable."""
    raw = session.get(Setting, key)
    if raw is None:
        return default
    try:
        return json.loads(raw.value)
    except (TypeError, ValueError):
        return default


def setting_version(session: Session, key: str) -> int:
    """The version of a stored value (0 when never set), for a form to pass back on save."""
    row = session.get(Setting, key)
    return 0 if row is None else row.version


def write_setting(session: Session, key: str, value: Any, *, expected_version: int | None = None) -> None:
    """Store ``value`` under ``key``, noting who (the write's actor) and when. ``expected_version``
    (`setting_version` when the form was filled; 0: never set) refuses a value someone changed since
    (`RecordChanged`); the row's UPDATE checks its version in any case (models.services.versions)."""
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if expected_version is not None and (row.version if row is not None else 0) != expected_version:
        if row is None:
            raise RecordChanged()
        check_version(row, expected_version)
    if row is None:
        row = Setting(key=key, value=text)
        session.add(row)
    elif row.value == text:
        return
    row.value = text
    row.updated_by = session.info.get("actor")
    row.updated_at = utcnow()


# Where the owners keep their values (rows of the `setting` table).
SINCE_STORE = "schedule.since"
FEEDBACK_DAYS_STORE = "feedback_answer_days"
MAX_ROWS_STORE = "import.max_rows"  # models.exchange.sheet_guard names this key in its refusals

BACKUP_KEEP_STORE = "backup.keep"
BACKUP_EXTRA_STORE = "backup.extra_dir"

MIN_ANSWER_DAYS, MAX_ANSWER_DAYS = 1, 366
MIN_BACKUPS, MAX_BACKUPS, DEFAULT_BACKUPS = 1, 100, 10
MAX_PATH_TEXT = 500
DEFAULT_ANSWER_DAYS = 10
EARLIEST_SINCE = date(2000, 1, 1)


class SettingValueError(ValueError):
    """A value given as text that does not read as the setting's type (message in Chinese)."""


@dataclass(frozen=True)
class SettingSpec:
    """One setting: how it reads from text, what it must satisfy, where it is stored, its default."""

    key: str
    label: str
    kind: str  # month | int | text | phones | roles
    help: str
    parse: Callable[[str], Any]  # text (CLI, a form field) → value; SettingValueError
    problems: Callable[[Any, date], list[str]]  # why a value may not be saved, as of a day
    load: Callable[[Session], Any]  # the stored value, default filled in
    store: Callable[[Session, Any], None]
    default: Callable[[Session], Any]

    def to_json(self, value: Any) -> Any:
        if self.kind == "roles":
            return list(value)
        return month_text(value) if self.kind == "month" else value

    def to_text(self, value: Any) -> str:
        """What `cunwu settings get` prints, and what `parse` reads back."""
        if self.kind == "month":
            return month_text(value)
        if self.kind == "phones":
            return json.dumps(value, ensure_ascii=False)
        if self.kind == "roles":
            return ",".join(value)
        return str(value)

    def display(self, value: Any) -> str:
        """How a person reads the value: 2026年12月, 10 天, one phone per line."""
        if self.kind == "month":
            return month_period(value.year, value.month).label
        if self.kind == "phones":
            return "；".join(phone_line(e) for e in value) or "（无）"
        if self.kind == "roles":
            return "、".join(role_label(r) for r in value) or "（无人）"
        if self.kind == "int":
            return f"{value} 天" if self.key.endswith("_days") else str(value)
        return value or "（默认）"


# --- types ----------------------------------------------------------------------------------------

def _parse_month(text: str) -> date:
    try:
        return parse_month(text)
    except PeriodError as exc:
        raise SettingValueError(str(exc)) from None


def _parse_int(text: str) -> int:
    t = (text or "").strip()
    if not re.fullmatch(r"[+-]?\d+", t):
        raise SettingValueError(f"应为整数，而不是“{text[:40]}”")
    if len(t.lstrip("+-").lstrip("0")) > 18:  # Python's int() itself refuses 4,300 digits with a traceback
        raise SettingValueError(f"整数“{t[:20]}…”位数过多（不能超过 18 位）")
    return int(t)


def _parse_text(text: str) -> str:
    return (text or "").strip()


def _parse_phones(text: str) -> list[dict[str, str]]:
    t = (text or "").strip()
    if not t:
        return []
    try:
        value = json.loads(t)
    except ValueError:
        raise SettingValueError(
            '应为 JSON 列表，例如 [{"label":"全国监督电话","number":"12317"}]（在命令行中请用单引号括起来）') from None
    if not isinstance(value, list):
        raise SettingValueError('应为 JSON 列表 […]，每条 {"label":"名称","number":"号码"}')
    return [{k: (v.strip() if isinstance(v, str) else v) for k, v in e.items()} if isinstance(e, dict) else e
            for e in value]


# --- rules ----------------------------------------------------------------------------------------

def _next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def since_problems(value: Any, today: date) -> list[str]:
    if not isinstance(value, date):
        return ["应为月份（YYYY-MM）"]
    if value < EARLIEST_SINCE:
        return [f"不能早于 {month_text(EARLIEST_SINCE)}"]
    latest = _next_month(today)
    if value > latest:
        return [f"不能晚于下个月（{month_text(latest)}）：从哪个月起记录，就从哪个月起统计是否按时公开"]
    return []


def answer_days_problems(value: Any, today: date) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_ANSWER_DAYS <= value <= MAX_ANSWER_DAYS:
        return [f"答复期限应在 {MIN_ANSWER_DAYS}–{MAX_ANSWER_DAYS} 天之间，实为 {value}"]
    return []


def backup_keep_problems(value: Any, today: date) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_BACKUPS <= value <= MAX_BACKUPS:
        return [f"保留备份份数应在 {MIN_BACKUPS}–{MAX_BACKUPS} 份之间，实为 {value}"]
    return []


def backup_extra_problems(value: Any, today: date) -> list[str]:
    if not isinstance(value, str):
        return ["备份另存文件夹应为文件夹路径"]
    if len(value.strip()) > MAX_PATH_TEXT:
        return [f"备份另存文件夹的路径超过 {MAX_PATH_TEXT} 个字"]
    return []  # a removable drive may be unplugged now: checked when a backup is copied there


def max_rows_problems(value: Any, today: date) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_MAX_ROWS <= value <= MAX_MAX_ROWS:
        return [f"导入行数上限应在 {MIN_MAX_ROWS}–{MAX_MAX_ROWS} 行之间，实为 {value}"]
    return []


def _text_rule(label: str, *, email: bool = False) -> Callable[[Any, date], list[str]]:
    def problems(value: Any, today: date) -> list[str]:
        if not isinstance(value, str):
            return [f"{label}应为文字"]
        if len(value.strip()) > MAX_FOOTER_TEXT:
            return [f"{label}超过 {MAX_FOOTER_TEXT} 个字"]
        if email and value.strip() and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value.strip()):
            return [f"{label}“{value.strip()[:40]}”不是电子邮箱地址（如 cwjd@example.cn）"]
        return []
    return problems


def _phones_rule(value: Any, today: date) -> list[str]:
    if not isinstance(value, list):
        return ['监督电话应为列表 [{"label":"名称","number":"号码"}, …]']
    return phones_problems(value)


# --- storage --------------------------------------------------------------------------------------

def setup_month(session: Session) -> date:
    """The month this database was set up (local time); today's month before set-up."""
    created = session.execute(select(Installation.created_at)).scalar()
    day = created.astimezone().date() if created is not None else date.today()
    return day.replace(day=1)


def _load_since(session: Session) -> date:
    raw = read_setting(session, SINCE_STORE, None)
    try:
        return parse_month(raw) if isinstance(raw, str) else setup_month(session)
    except PeriodError:
        return setup_month(session)


def _store_since(session: Session, value: date) -> None:
    write_setting(session, SINCE_STORE, month_text(value))


def _load_answer_days(session: Session) -> int:
    days = read_setting(session, FEEDBACK_DAYS_STORE, DEFAULT_ANSWER_DAYS)
    return DEFAULT_ANSWER_DAYS if answer_days_problems(days, date.today()) else days


def _store_answer_days(session: Session, value: int) -> None:
    write_setting(session, FEEDBACK_DAYS_STORE, int(value))


def _load_backup_keep(session: Session) -> int:
    keep = read_setting(session, BACKUP_KEEP_STORE, DEFAULT_BACKUPS)
    return DEFAULT_BACKUPS if backup_keep_problems(keep, date.today()) else keep


def _store_backup_keep(session: Session, value: int) -> None:
    write_setting(session, BACKUP_KEEP_STORE, int(value))


def _load_backup_extra(session: Session) -> str:
    value = read_setting(session, BACKUP_EXTRA_STORE, "")
    return value.strip() if isinstance(value, str) else ""


def _store_backup_extra(session: Session, value: str) -> None:
    write_setting(session, BACKUP_EXTRA_STORE, value.strip())


def _load_max_rows(session: Session) -> int:
    rows = read_setting(session, MAX_ROWS_STORE, DEFAULT_MAX_ROWS)
    return DEFAULT_MAX_ROWS if max_rows_problems(rows, date.today()) else rows


def _store_max_rows(session: Session, value: int) -> None:
    write_setting(session, MAX_ROWS_STORE, int(value))


def footer_object(session: Session) -> dict[str, Any]:
    data = read_setting(session, FOOTER_STORE, None)
    return dict(data) if isinstance(data, dict) else {}


def _footer_text(field: str) -> tuple[Callable[[Session], str], Callable[[Session, str], None]]:
    def load(session: Session) -> str:
        value = footer_object(session).get(field)
        return value.strip() if isinstance(value, str) else ""

    def store(session: Session, value: str) -> None:
        data = footer_object(session)
        data[field] = value.strip()
        write_setting(session, FOOTER_STORE, data)

    return load, store


def _load_phones(session: Session) -> list[dict[str, str]]:
    lines = footer_object(session).get("phones")
    if not isinstance(lines, list):
        return []
    return [phone_entry(str(line)) for line in lines if str(line).strip()]


def _store_phones(session: Session, value: list[dict[str, str]]) -> None:
    data = footer_object(session)
    data["phones"] = [phone_line(e) for e in value]
    write_setting(session, FOOTER_STORE, data)


def _parse_roles(text: str) -> tuple[str, ...]:
    return tuple(r.strip() for r in re.split(r"[,，、\s]+", text or "") if r.strip())


def _roles_rule(value: Any, today: date) -> list[str]:
    problem = unmasked_roles_problem(value)
    return [problem] if problem else []


def _load_unmasked_roles(session: Session) -> tuple[str, ...]:
    stored = read_setting(session, UNMASKED_SETTING, None)
    return roles_for("print.unmasked", {"print.unmasked": stored} if isinstance(stored, list) else None)


def _store_unmasked_roles(session: Session, value: Any) -> None:
    write_setting(session, UNMASKED_SETTING, [r for r in ROLES if r in set(value)])


#: ``footer.*`` text settings → the field of the stored footer object (models.printing.settings).

def _spec_text(key: str, label: str, field: str, help_text: str, *, email: bool = False) -> SettingSpec:
    assert FOOTER_FIELDS.get(key, field) == field
    load, store = _footer_text(field)
    return SettingSpec(key, label, "text", help_text, _parse_text, _text_rule(label, email=email), load, store,
                       lambda _s: "")


_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("schedule.since", "开始记录的月份", "month",
                "本程序从哪个月起记录本村的公开；此前的公开不统计是否按时，也不算逾期（YYYY-MM）",
                _parse_month, since_problems, _load_since, _store_since, setup_month),
    SettingSpec("feedback.answer_days", "群众意见答复期限", "int",
                f"收到群众意见后几天内答复（{MIN_ANSWER_DAYS}–{MAX_ANSWER_DAYS}）",
                _parse_int, answer_days_problems, _load_answer_days, _store_answer_days,
                lambda _s: DEFAULT_ANSWER_DAYS),
    SettingSpec("backup.keep", "自动备份保留份数", "int",
                f"数据文件夹中保留最近几份自动备份（{MIN_BACKUPS}–{MAX_BACKUPS}）",
                _parse_int, backup_keep_problems, _load_backup_keep, _store_backup_keep,
                lambda _s: DEFAULT_BACKUPS),
    SettingSpec("backup.extra_dir", "备份另存文件夹", "text",
                "每次自动备份另存一份到这个文件夹，如 U 盘上的文件夹（留空：不另存）",
                _parse_text, backup_extra_problems, _load_backup_extra, _store_backup_extra, lambda _s: ""),
    SettingSpec(MAX_ROWS_STORE, "导入行数上限", "int",
                f"导入名单时一个工作表最多几行（{MIN_MAX_ROWS}–{MAX_MAX_ROWS}，默认 {DEFAULT_MAX_ROWS}）；"
                "超过的文件在读取前即被拒绝",
                _parse_int, max_rows_problems, _load_max_rows, _store_max_rows, lambda _s: DEFAULT_MAX_ROWS),
    SettingSpec("footer.phones", "监督电话", "phones",
                '公告末尾的监督电话，每条一行印出：[{"label":"全国监督电话","number":"12317"}, …]',
                _parse_phones, _phones_rule, _load_phones, _store_phones, lambda _s: []),
    _spec_text("footer.unit", "受理单位", "accepting_unit",
               "受理异议的单位（留空：村为本村村务监督委员会，乡镇为本乡镇纪委）"),
    _spec_text("footer.address", "通讯地址", "address", "受理单位的通讯地址（留空：不印）"),
    _spec_text("footer.email", "电子邮箱", "email", "受理单位的电子邮箱（留空：不印）", email=True),
    _spec_text("footer.issuer", "落款", "issuer", "公告落款（留空：村为本村村民委员会，乡镇为本乡镇人民政府）"),
    _spec_text("footer.objection", "异议说明", "objection_note", "邀请群众提出异议的一句话（留空：默认说明）"),
    SettingSpec(UNMASKED_SETTING, "可打印完整信息的角色", "roles",
                "谁可以打印含完整身份证号、银行卡号的内部核对件，角色用逗号分隔："
                + "、".join(f"{r}（{role_label(r)}）" for r in ROLES),
                _parse_roles, _roles_rule, _load_unmasked_roles, _store_unmasked_roles,
                lambda _s: roles_for("print.unmasked")),
)
SETTINGS: dict[str, SettingSpec] = {s.key: s for s in _SPECS}


def setting_spec(key: str) -> SettingSpec:
    """The registry entry of ``key``; an unknown key is refused naming the closest one."""
    spec = SETTINGS.get((key or "").strip())
    if spec is None:
        close = difflib.get_close_matches((key or "").strip(), list(SETTINGS), n=1, cutoff=0.5)
        hint = f"您是不是要输入 {close[0]}？" if close else f"可用的设置：{'、'.join(SETTINGS)}"
        raise CunwuError(f"没有名为“{key}”的设置。{hint}")
    return spec


def check_setting(key: str, value: Any, today: date | None = None) -> list[str]:
    """Why ``value`` cannot be saved as ``key`` (empty: it can) — for forms that check as you type."""
    return setting_spec(key).problems(value, today or date.today())


def parse_setting(key: str, text: str) -> Any:
    """``text`` read as ``key``'s type; a ValidationError naming the key and its rule when it does not."""
    spec = setting_spec(key)
    try:
        return spec.parse(text)
    except SettingValueError as exc:
        raise _refusal(spec, [str(exc)]) from None


def _refusal(spec: SettingSpec, messages: list[str]) -> ValidationError:
    return ValidationError([Problem(m, field=spec.label, rule=spec.key) for m in messages],
                           summary=f"设置 {spec.key}（{spec.label}）有误，未保存")


def validate_settings(values: dict[str, Any], today: date | None = None) -> None:
    """Refuse (ValidationError, every problem listed) unless every value may be saved."""
    problems: list[Problem] = []
    for key, value in values.items():
        spec = setting_spec(key)
        problems += [Problem(m, field=spec.label, rule=spec.key) for m in spec.problems(value, today or date.today())]
    if problems:
        if len(values) == 1:
            raise _refusal(setting_spec(next(iter(values))), [p.message for p in problems])
        raise ValidationError(problems, summary="设置有误，未保存")


def store_settings(session: Session, values: dict[str, Any], today: date | None = None) -> None:
    """Check and write several settings inside the caller's write (e.g. set-up's)."""
    validate_settings(values, today)
    for key, value in values.items():
        setting_spec(key).store(session, value)


@dataclass(frozen=True)
class SettingValue:
    key: str
    label: str
    kind: str
    help: str
    value: Any
    default: Any

    @property
    def is_default(self) -> bool:
        return self.value == self.default

    def to_json(self) -> dict[str, Any]:
        spec = SETTINGS[self.key]
        return {"key": self.key, "label": self.label, "type": self.kind, "value": spec.to_json(self.value),
                "default": spec.to_json(self.default)}


class SettingsService:
    """List, read and change the registry's settings; one audited write per change."""

    def __init__(self, ctx):
        self.ctx = ctx

    def list(self) -> list[SettingValue]:
        with self.ctx.read() as s:
            return [SettingValue(spec.key, spec.label, spec.kind, spec.help, spec.load(s), spec.default(s))
                    for spec in SETTINGS.values()]

    def get(self, key: str) -> Any:
        spec = setting_spec(key)
        with self.ctx.read() as s:
            return spec.load(s)

    def input_limits(self) -> InputLimits:
        """The bounds an imported file must fit (the row limit is ``import.max_rows``)."""
        with self.ctx.read() as s:
            return input_limits(s)

    def set(self, key: str, value: Any) -> Any:
        return self.set_many({key: value})[key]

    def set_text(self, key: str, text: str) -> Any:
        """Set from text as the CLI gives it (`cunwu settings set KEY VALUE`)."""
        return self.set(key, parse_setting(key, text))

    def set_many(self, values: dict[str, Any]) -> dict[str, Any]:
        """Change several settings in one transaction and one audit event; nothing is written if any
        value is refused."""
        validate_settings(values)
        keys = ",".join(values)
        with self.ctx.write("settings.set", target_type="setting", target_id=keys,
                            permission="settings.edit") as w:
            for key, value in values.items():
                SETTINGS[key].store(w.session, value)
            w.session.flush()
            saved = {key: SETTINGS[key].load(w.session) for key in values}
            w.detail = {key: SETTINGS[key].to_json(v) for key, v in saved.items()}
        return saved


def footer_override_problems(override: Any) -> list[Problem]:
    """Why a record's own ``footer`` (the content file's ``"footer":{…}``: the ``footer.*`` keys
    without the prefix) cannot be stored — each value by its setting's rule, an unknown key named
    with the closest one."""
    if override is None:
        return []
    if not isinstance(override, dict):
        return [Problem('公告末尾应写作 {"phones":[…],"unit":"…",…}', field="footer", rule=FOOTER_KEY)]
    out: list[Problem] = []
    for key, value in override.items():
        if key not in OVERRIDE_KEYS:
            close = difflib.get_close_matches(str(key), OVERRIDE_KEYS, n=1, cutoff=0.5)
            hint = f"您是不是要写 {close[0]}？" if close else f"可用：{'、'.join(OVERRIDE_KEYS)}"
            out.append(Problem(f"公告末尾没有名为“{key}”的项目。{hint}", field=f"footer.{key}", rule=FOOTER_KEY))
            continue
        spec = SETTINGS[f"footer.{key}"]
        if spec.kind == "phones" and isinstance(value, list):
            value = [{k: (v.strip() if isinstance(v, str) else v) for k, v in e.items()} if isinstance(e, dict)
                     else e for e in value]
        out += [Problem(m, field=f"footer.{key}（{spec.label}）", rule=spec.key)
                for m in spec.problems(value, date.today())]
    return out


def schedule_since(session: Session) -> date:
    """First day of the start month (`schedule.since`): nothing due before it counts."""
    return SETTINGS["schedule.since"].load(session)


def input_limits(session: Session) -> InputLimits:
    """The bounds an imported file must fit, with this installation's row limit."""
    return InputLimits(max_rows=_load_max_rows(session))
