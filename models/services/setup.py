"""First-run setup: create the database, record what this installation is, load a template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..entities import Installation
from ..errors import DatabaseError, Problem, ValidationError
from ..rules import text as T
from ..rules.accounts import user_name_problem
from ..rules.region import region_code_problem
from ..storage import Database, create_database
from .catalog import CatalogService
from .context import Actor, ServiceContext
from .settings import setting_spec, store_settings
from .templates import load_template


@dataclass(frozen=True)
class InstallationData:
    mode: str
    code: str
    name: str
    township: str | None
    operator: str
    template_id: str | None = None
    consulted_on: date | None = None
    adopted_on: date | None = None
    adopted_by: str | None = None

    @property
    def mode_label(self) -> str:
        return "村（社区）" if self.mode == "village" else "乡镇（街道）"


def setup_problems(mode: str, code: str, name: str, township: str | None, operator: str) -> list[Problem]:
    out: list[Problem] = []
    if mode not in ("village", "township"):
        out.append(Problem("模式应为 village（村）或 township（乡镇）", field="模式", rule="mode"))
        return out
    msg = region_code_problem(code, mode)
    if msg:
        out.append(Problem(msg, field="区划代码", rule="region_code"))
    for label, value in (("名称", name), ("所属乡镇", township), ("操作员", operator)):
        unfit = T.name_problem(T.normalize_name(value or ""), label)
        if unfit:
            out.append(Problem(unfit, field=label, rule="characters"))
    if not (name or "").strip():
        out.append(Problem("名称不能为空", field="名称", rule="required"))
    if mode == "village" and not (township or "").strip():
        out.append(Problem("请填写所属乡镇（街道）", field="所属乡镇", rule="required"))
    if not (operator or "").strip():
        out.append(Problem("请填写操作员姓名", field="操作员", rule="required"))
    elif not any(p.field == "操作员" for p in out):
        named = user_name_problem(operator, "操作员")  # the legacy actor's name: the account-name rule
        if named is not None:
            out.append(named)
    return out


def initialize(path: Path, *, mode: str, code: str, name: str, township: str | None,
               operator: str, template_id: str | None, since: date | None = None,
               settings: dict[str, Any] | None = None, admin: str | None = None,
               admin_password: str | None = None) -> Database:
    """Create the database at `path` and set it up; refuses an existing database, writes nothing on error.

    ``since`` is the start month (`schedule.since`; default: this month); ``settings`` more registry
    settings to store with the set-up (the wizard's print footer), checked by their rules first.
    With ``admin`` the first account (role admin) is created too, and from then on everyone signs in;
    without it the database works as before accounts (the operator acts) until `cunwu user add`.
    """
    values = {"schedule.since": (since or date.today()).replace(day=1), **(settings or {})}
    problems = setup_problems(mode, code, name, township, operator)
    for key, value in values.items():
        spec = setting_spec(key)
        problems += [Problem(m, field=spec.label, rule=key) for m in spec.problems(value, date.today())]
    if admin is not None:
        from .accounts import new_account_problems

        problems += new_account_problems(admin, "admin", admin_password)
    if problems:
        raise ValidationError(problems, summary="初始设置有误，未创建数据库")
    items = load_template(template_id) if template_id else []
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise DatabaseError(f"数据库已存在：{path}，不能重复初始化。")
    try:
        db = create_database(path)
    except DatabaseError:
        raise  # the file appeared meanwhile: it is not ours to remove
    except Exception:
        _remove_database_files(path)  # a migration failing half way leaves a file too
        raise
    try:
        ctx = ServiceContext(db, Actor(operator.strip(), "admin"))
        with ctx.write("setup.init", target_type="installation", permission="setup") as w:
            w.session.add(Installation(id=1, mode=mode, code=code.strip(), name=T.normalize_name(name),
                                       township=T.normalize_name(township or "") or None,
                                       operator=T.normalize_name(operator),
                                       template_id=template_id))
            store_settings(w.session, values)
            w.detail = {"mode": mode, "code": code, "name": name, "township": township, "template": template_id,
                        **{key: setting_spec(key).to_json(v) for key, v in values.items()}}
        if items:
            CatalogService(ctx).merge(items, action="catalog.template.load", source=template_id or "",
                                      update_existing=False)
        if admin is not None:
            from .accounts import AccountService

            AccountService(ctx).add(admin, "admin", admin_password or "")
    except Exception:
        db.dispose()
        _remove_database_files(path)
        raise
    return db


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".auditkey", ".auditkey-head"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def installation(db: Database) -> InstallationData:
    with db.read_session() as s:
        row = s.execute(select(Installation)).scalar_one_or_none()
        if row is None:
            raise DatabaseError("数据库尚未初始化，请先完成初始设置（cunwu init）。")
        return InstallationData(mode=row.mode, code=row.code, name=row.name, township=row.township,
                                operator=row.operator, template_id=row.template_id,
                                consulted_on=row.consulted_on, adopted_on=row.adopted_on,
                                adopted_by=row.adopted_by)


def record_adoption(ctx: ServiceContext, *, consulted_on: date | None, adopted_on: date | None,
                    adopted_by: str | None, note: str | None = None) -> InstallationData:
    """Record 乡镇会商 and 村级认可 of the catalog."""
    if adopted_on and consulted_on and adopted_on < consulted_on:
        raise ValidationError.single("村级认可日期不能早于乡镇会商日期")
    with ctx.write("catalog.adopt", target_type="installation", permission="catalog.edit") as w:
        row = w.session.execute(select(Installation)).scalar_one()
        row.consulted_on, row.adopted_on, row.adopted_by, row.adoption_note = consulted_on, adopted_on, adopted_by, note
        w.detail = {"consulted_on": consulted_on, "adopted_on": adopted_on, "adopted_by": adopted_by}
    return installation(ctx.db)
