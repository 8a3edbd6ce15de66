"""First-run setup: create the database, record what this installation is, load a template."""

from __future__ import annotations

import os
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
from ..storage import Database, create_database, open_database
from ..storage.database import inspect_file, place_database, refuse_unless_ours, remove_database_files
from ..storage.faults import StorageFault, fault_message
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
    """Create the database at `path` and set it up, whole or not at all; refuses an existing database
    (an empty file, or a set-up an older version left unfinished, is replaced), writes nothing on error.

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
    replacing = _refuse_existing(path)
    # Built whole in a temp file beside the target, then renamed into place: a kill at any point
    # leaves either no database or a complete one, never one that is half set up.
    _sweep_stale_builds(path)
    building = path.with_name(f".{path.name}.init-{os.getpid()}.tmp")
    try:
        db = create_database(building)
        try:
            ctx = ServiceContext(db, Actor(operator.strip(), "admin"))
            with ctx.write("setup.init", target_type="installation", permission="setup") as w:
                w.session.add(Installation(id=1, mode=mode, code=code.strip(), name=T.normalize_name(name),
                                           township=T.normalize_name(township or "") or None,
                                           operator=T.normalize_name(operator),
                                           template_id=template_id))
                store_settings(w.session, values)
                w.detail = {"mode": mode, "code": code, "name": name, "township": township,
                            "template": template_id,
                            **{key: setting_spec(key).to_json(v) for key, v in values.items()}}
            if items:
                CatalogService(ctx).merge(items, action="catalog.template.load", source=template_id or "",
                                          update_existing=False)
            if admin is not None:
                from .accounts import AccountService

                AccountService(ctx).add(admin, "admin", admin_password or "")
            db.checkpoint()
        finally:
            db.dispose()  # the last connection closed: the WAL is folded in and removed
        place_database(building, path, replace=replacing)
    except StorageFault as fault:
        remove_database_files(building)
        raise StorageFault(fault.kind, fault_message(fault.kind, path)) from None  # the user's path, not ours
    except BaseException:
        remove_database_files(building)
        raise
    return open_database(path)


def _refuse_existing(path: Path) -> bool:
    """Whether ``init`` replaces what is at ``path`` (nothing, an empty file or a set-up an older
    version left unfinished); a database in use, or another program's file, is refused."""
    state = inspect_file(path)
    if state.kind == "missing":
        return False
    if state.replaceable:
        return True
    if state.kind == "ours":
        raise DatabaseError(f"数据库已存在：{path}，不能重复初始化。")
    refuse_unless_ours(path, state)  # foreign or corrupt: named, and left as it is
    raise DatabaseError(f"数据库已存在：{path}，不能重复初始化。")


def _sweep_stale_builds(path: Path) -> None:
    """Temp databases of an ``init`` that was killed (a kill runs no cleanup)."""
    for stale in path.parent.glob(f".{path.name}.init-*.tmp"):
        remove_database_files(stale)


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
