"""The disclosure catalog: listing, searching, editing, retiring and merging templates.

Services take a `ServiceContext`, return plain dataclasses, and open one short session per call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..entities import CatalogGroup, CatalogItem
from ..errors import NotFound, Problem, ValidationError
from ..rules import catalog_terms as terms
from ..rules import text as T
from ..rules.limits import MAX_PARAGRAPH_CHARS, MAX_POSTING_DAYS, MAX_TITLE_CHARS, text_problem
from ..rules.search import matches
from ..rules.timing import TimingError, TimingRule, parse_timing_text
from .context import ServiceContext
from .versions import check_version, stamp

# Other aggregates register here a callable telling whether an item has records (disclosures, …),
# so the catalog can retire instead of delete without importing them.
_record_counters: list = []


def register_record_counter(fn) -> None:
    """fn(session, item_id) -> int: how many records reference the item."""
    _record_counters.append(fn)


@dataclass(frozen=True)
class GroupData:
    id: int | None
    category: str
    name: str
    position: int = 0


@dataclass(frozen=True)
class ItemData:
    """One catalog item with every standard column."""

    code: str
    group: str
    name: str
    category: str = "村务"
    content: str = ""
    basis: str = ""
    timing: TimingRule = field(default_factory=lambda: TimingRule("quarterly"))
    timing_text: str = ""
    publisher: str = "村民委员会"
    channels: tuple[str, ...] = ("社区/村公示栏(电子屏)",)
    audience: str = "全社会"
    mode: str = "主动"
    level: str = "村级"
    domain: str | None = None
    five_public: tuple[str, ...] = ()
    posting_days: int = 7
    posting_working_days: bool = False
    roster_preset: str | None = None
    default_kind: str = "notice"
    active: bool = True
    position: int = 0
    id: int | None = None
    version: int | None = None  # as read from the database (None: not read from it)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "group": self.group,
            "name": self.name,
            "content": self.content,
            "basis": self.basis,
            "timing": self.timing.to_dict(),
            "timing_text": self.timing_text,
            "publisher": self.publisher,
            "channels": list(self.channels),
            "audience": self.audience,
            "mode": self.mode,
            "level": self.level,
            "domain": self.domain,
            "five_public": list(self.five_public),
            "posting_days": self.posting_days,
            "posting_working_days": self.posting_working_days,
            "default_kind": self.default_kind,
            "roster_preset": self.roster_preset,
            "active": self.active,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ItemData:
        timing = d.get("timing")
        if isinstance(timing, dict):
            rule = TimingRule.from_dict(timing)
        elif str(d.get("timing_text") or "").strip():
            # Only the wording was given: read the rule from it rather than fall back to quarterly,
            # which would contradict the wording printed beside it.
            rule = parse_timing_text(str(d["timing_text"]))
        else:
            rule = TimingRule("quarterly")
        posting_days = d.get("posting_days")
        return cls(
            code=str(d.get("code", "")).strip(),
            category=d.get("category") or "村务",
            group=str(d.get("group", "")).strip(),
            name=str(d.get("name", "")).strip(),
            content=d.get("content") or "",
            basis=d.get("basis") or "",
            timing=rule,
            timing_text=d.get("timing_text") or rule.describe(),
            publisher=d.get("publisher") or "村民委员会",
            channels=tuple(d.get("channels") or ()),
            audience=d.get("audience") or "全社会",
            mode=d.get("mode") or "主动",
            level=d.get("level") or "村级",
            domain=d.get("domain") or None,
            five_public=tuple(d.get("five_public") or ()),
            # 0 is valid (an item answered to the applicant, not posted); only a missing value means 7.
            posting_days=7 if posting_days is None or posting_days == "" else int(posting_days),
            posting_working_days=bool(d.get("posting_working_days", False)),
            default_kind=d.get("default_kind") or "notice",
            roster_preset=d.get("roster_preset") or None,
            active=bool(d.get("active", True)),
        )

    def search_text(self) -> tuple[str, ...]:
        return (self.code, self.name, self.group, self.content, self.publisher, self.timing_text)


def normalized_item(item: ItemData) -> ItemData:
    """The item as stored: names NFC and trimmed, free text with one kind of line break and no
    zero-width characters (models.rules.text); what is still unfit is for ``item_problems``."""
    return replace(item, code=T.normalize_name(item.code), name=T.normalize_name(item.name),
                   group=T.normalize_name(item.group), publisher=T.normalize_name(item.publisher or ""),
                   content=T.normalize_free_text(item.content or ""), basis=T.normalize_free_text(item.basis or ""),
                   timing_text=T.normalize_free_text(item.timing_text or ""))


def item_problems(item: ItemData, *, row: int | None = None, file: str | None = None,
                  sheet: str | None = None) -> list[Problem]:
    """Every rule one item breaks (empty when valid)."""
    where = {"row": row, "file": file, "sheet": sheet}
    out: list[Problem] = []
    item = normalized_item(item)  # judged as it would be stored (a CR LF in a content is no fault)

    def bad(fld: str, msg: str, rule: str) -> None:
        out.append(Problem(msg, field=fld, rule=rule, **where))

    for fld, value in (("编号", item.code), ("二级事项", item.name), ("一级事项", item.group),
                       ("公开主体", item.publisher)):
        unfit = T.name_problem(value or "", fld)
        if unfit:
            bad(fld, unfit, "characters")
    for fld, value in (("公开内容（要素）", item.content), ("公开依据", item.basis), ("公开时限", item.timing_text)):
        unfit = T.free_text_problem(value or "", fld)
        if unfit:
            bad(fld, unfit, "characters")
    if not item.code:
        bad("编号", "事项编号不能为空", "required")
    elif len(item.code) > 30 or any(c.isspace() for c in item.code):
        bad("编号", f"事项编号“{item.code}”不能含空格且不超过 30 个字符", "code_format")
    if not item.name:
        bad("二级事项", "事项名称不能为空", "required")
    if not item.group:
        bad("一级事项", "一级事项不能为空", "required")
    if item.category not in terms.CATEGORIES:
        bad("类别", f"类别“{item.category}”应为 {'、'.join(terms.CATEGORIES)} 之一", "category")
    for p in item.timing.problems():
        bad("公开时限", p, "timing")
    for ch in item.channels:
        if ch not in terms.ALL_CHANNELS:
            bad("公开渠道和载体", f"未知的公开渠道“{ch}”", "channel")
    if not item.channels:
        bad("公开渠道和载体", "至少勾选一个公开渠道", "channel")
    if item.audience not in terms.AUDIENCES:
        bad("公开对象", f"公开对象“{item.audience}”应为 {'或'.join(terms.AUDIENCES)}", "audience")
    if item.mode not in terms.MODES:
        bad("公开方式", f"公开方式“{item.mode}”应为 {'或'.join(terms.MODES)}", "mode")
    if item.level not in terms.LEVELS:
        bad("公开层级", f"公开层级“{item.level}”应为 {'、'.join(terms.LEVELS)} 之一", "level")
    if item.domain and item.domain not in terms.DOMAINS:
        bad("领域", f"领域“{item.domain}”不在 26 个试点领域之中", "domain")
    for fp in item.five_public:
        if fp not in terms.FIVE_PUBLIC:
            bad("五公开", f"“{fp}”不是五公开之一（决策、执行、管理、服务、结果）", "five_public")
    if not 0 <= item.posting_days <= MAX_POSTING_DAYS:
        bad("公示天数", f"公示天数应在 0–{MAX_POSTING_DAYS} 之间，实为 {item.posting_days}", "posting_days")
    for fld, label, value, limit in (("二级事项", "事项名称", item.name, MAX_TITLE_CHARS),
                                     ("一级事项", "一级事项", item.group, MAX_TITLE_CHARS),
                                     ("公开内容（要素）", "公开内容", item.content, MAX_PARAGRAPH_CHARS),
                                     ("公开依据", "公开依据", item.basis, MAX_PARAGRAPH_CHARS),
                                     ("公开主体", "公开主体", item.publisher, MAX_TITLE_CHARS)):
        too_long = text_problem(value or "", label, limit)
        if too_long:
            bad(fld, too_long, "length")
    if item.default_kind not in terms.KINDS:
        bad("记录类型", f"未知的记录类型“{item.default_kind}”", "kind")
    return out


def _to_data(item: CatalogItem) -> ItemData:
    try:
        rule = TimingRule.from_dict(item.timing)
    except TimingError:
        rule = TimingRule("immediate")
    return ItemData(
        id=item.id,
        code=item.code,
        category=item.group.category,
        group=item.group.name,
        name=item.name,
        content=item.content,
        basis=item.basis,
        timing=rule,
        timing_text=item.timing_text,
        publisher=item.publisher,
        channels=tuple(item.channels or ()),
        audience=item.audience,
        mode=item.mode,
        level=item.level,
        domain=item.domain,
        five_public=tuple(item.five_public or ()),
        posting_days=item.posting_days,
        posting_working_days=item.posting_working_days,
        roster_preset=item.roster_preset,
        default_kind=item.default_kind,
        active=item.active,
        position=item.position,
        version=item.version,
    )


def _group_for(session: Session, category: str, name: str) -> CatalogGroup:
    with session.no_autoflush:  # a half-filled new item may be pending in the session
        group = session.execute(
            select(CatalogGroup).where(CatalogGroup.name == name, CatalogGroup.category == category)
        ).scalar_one_or_none()
        pos = session.execute(select(func.coalesce(func.max(CatalogGroup.position), 0))).scalar_one()
    if group is None:
        group = CatalogGroup(category=category, name=name, position=pos + 1)
        session.add(group)
        session.flush()
    return group


def _in_order(values, order: tuple[str, ...]) -> list[str]:
    """Ticks are a set: store them in the standard's order so exports and round trips are stable."""
    rank = {v: n for n, v in enumerate(order)}
    return sorted(dict.fromkeys(values), key=lambda v: rank.get(v, len(rank)))


def _apply(session: Session, row: CatalogItem, item: ItemData) -> list[str]:
    """Copy fields onto the ORM row; returns the names of fields that changed."""
    group = _group_for(session, item.category, item.group)
    values = {
        "group_id": group.id,
        "name": item.name,
        "content": item.content,
        "basis": item.basis,
        "timing": item.timing.to_dict(),
        "timing_text": item.timing_text or item.timing.describe(),
        "publisher": item.publisher,
        "channels": _in_order(item.channels, terms.ALL_CHANNELS),
        "audience": item.audience,
        "mode": item.mode,
        "level": item.level,
        "domain": item.domain,
        "five_public": _in_order(item.five_public, terms.FIVE_PUBLIC),
        "posting_days": item.posting_days,
        "posting_working_days": item.posting_working_days,
        "roster_preset": item.roster_preset,
        "default_kind": item.default_kind,
        "active": item.active,
    }
    changed = []
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed.append(key)
    return changed


def _rows_of(s: Session, codes: Sequence[str],
             versions: Mapping[str, int | None] | None = None) -> list[CatalogItem]:
    """The items with these codes, in the order given; NotFound names the first code not there.
    ``versions`` (code → the version the caller read) refuses an item changed since (`RecordChanged`)."""
    found = {r.code: r for r in s.execute(select(CatalogItem).where(CatalogItem.code.in_(codes))).scalars()}
    for code in codes:
        if code not in found:
            raise NotFound(f"目录中没有编号为“{code}”的事项")
        check_version(found[code], (versions or {}).get(code))
    return [found[c] for c in codes]


def insert_item(session: Session, item: ItemData, actor: str) -> CatalogItem:
    """Add one item inside the caller's write (its transaction and audit event): checked, its code
    unique, placed last. `CatalogService.add` and a survey's "add the requested topic" both use it."""
    item = normalized_item(item)
    probs = item_problems(item)
    if probs:
        raise ValidationError(probs, summary="事项有误，未保存")
    exists = session.execute(select(CatalogItem.id).where(CatalogItem.code == item.code)).scalar()
    if exists:
        raise ValidationError([Problem(f"编号“{item.code}”已被使用", field="编号", rule="unique")],
                              summary="事项有误，未保存")
    pos = session.execute(select(func.coalesce(func.max(CatalogItem.position), 0))).scalar_one()
    row = CatalogItem(code=item.code, position=pos + 1, timing={}, updated_by=actor)
    _apply(session, row, item)
    session.add(row)
    session.flush()
    return row


class CatalogService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- reading ----------------------------------------------------------------------------
    def list_items(self, *, include_retired: bool = False, query: str = "", category: str | None = None,
                   group: str | None = None, channel: str | None = None) -> list[ItemData]:
        with self.ctx.read() as s:
            stmt = select(CatalogItem).join(CatalogItem.group).order_by(
                CatalogGroup.position, CatalogItem.position, CatalogItem.id)
            if not include_retired:
                stmt = stmt.where(CatalogItem.active.is_(True))
            if category:
                stmt = stmt.where(CatalogGroup.category == category)
            if group:
                stmt = stmt.where(CatalogGroup.name == group)
            items = [_to_data(r) for r in s.execute(stmt).scalars()]
        if channel:
            items = [i for i in items if channel in i.channels]
        if query.strip():
            items = [i for i in items if matches(query, *i.search_text())]
        return items

    def groups(self) -> list[GroupData]:
        with self.ctx.read() as s:
            rows = s.execute(select(CatalogGroup).order_by(CatalogGroup.position, CatalogGroup.id)).scalars()
            return [GroupData(g.id, g.category, g.name, g.position) for g in rows]

    def get(self, code: str) -> ItemData:
        with self.ctx.read() as s:
            row = s.execute(select(CatalogItem).where(CatalogItem.code == code)).scalar_one_or_none()
            if row is None:
                raise NotFound(f"目录中没有编号为“{code}”的事项")
            return _to_data(row)

    def count(self) -> int:
        with self.ctx.read() as s:
            return s.execute(select(func.count(CatalogItem.id))).scalar_one()

    def next_code(self, prefix: str = "CW") -> str:
        with self.ctx.read() as s:
            codes = set(s.execute(select(CatalogItem.code)).scalars())
        n = 1
        while f"{prefix}-{n:02d}" in codes:
            n += 1
        return f"{prefix}-{n:02d}"

    # --- writing ----------------------------------------------------------------------------
    def add(self, item: ItemData) -> ItemData:
        item = normalized_item(item)
        probs = item_problems(item)
        if probs:
            raise ValidationError(probs, summary="事项有误，未保存")
        with self.ctx.write("catalog.item.add", target_type="catalog_item", target_id=item.code,
                            permission="catalog.edit") as w:
            row = insert_item(w.session, item, self.ctx.actor.name)
            w.detail = {"item": item.to_json()}
            return _to_data(row)

    def update(self, code: str, item: ItemData, expected_version: int | None = None) -> ItemData:
        """Replace an item's columns (its code stays: records refer to it). `expected_version`: the
        version the editor read; an item changed since is refused (`RecordChanged`)."""
        item = normalized_item(replace(item, code=code))
        probs = item_problems(item)
        if probs:
            raise ValidationError(probs, summary="事项有误，未保存")
        with self.ctx.write("catalog.item.update", target_type="catalog_item", target_id=code,
                            permission="catalog.edit") as w:
            row = _rows_of(w.session, [code], {code: expected_version})[0]
            changed = _apply(w.session, row, item)
            if changed:
                stamp(row, self.ctx.actor.name)
            w.detail = {"changed": changed}
            w.session.flush()
            return _to_data(row)

    def set_active(self, code: str, active: bool, expected_version: int | None = None) -> ItemData:
        return self.set_active_many([code], active, {code: expected_version})[0]

    def set_active_many(self, codes: Sequence[str], active: bool,
                        versions: Mapping[str, int | None] | None = None) -> list[ItemData]:
        """Retire (or restore) items: one transaction and one audit event however many are named;
        a code not in the catalog, or an item changed since its `versions` entry was read, refuses the lot."""
        codes = list(dict.fromkeys(codes))
        action = "catalog.item.restore" if active else "catalog.item.retire"
        with self.ctx.write(action, target_type="catalog_item", target_id=",".join(codes),
                            permission="catalog.edit") as w:
            rows = _rows_of(w.session, codes, versions)
            for row in rows:
                row.active = active
                stamp(row, self.ctx.actor.name)
            if len(codes) > 1:
                w.detail = {"codes": codes}
            w.session.flush()
            return [_to_data(r) for r in rows]

    def retire(self, code: str) -> ItemData:
        return self.set_active(code, False)

    def delete(self, code: str, expected_version: int | None = None) -> None:
        """Delete an item that has no records; one with records must be retired instead."""
        self.delete_many([code], {code: expected_version})

    def delete_many(self, codes: Sequence[str], versions: Mapping[str, int | None] | None = None) -> None:
        """Delete items that have no records, all or none: every item with records is named in the
        refusal (those are retired instead), and so is one changed since its `versions` entry was
        read. One transaction and one audit event."""
        codes = list(dict.fromkeys(codes))
        with self.ctx.write("catalog.item.delete", target_type="catalog_item", target_id=",".join(codes),
                            permission="catalog.edit") as w:
            rows = _rows_of(w.session, codes, versions)
            refusals = []
            for row in rows:
                used = sum(fn(w.session, row.id) for fn in _record_counters)
                if used:
                    refusals.append(f"事项“{row.name}”已有 {used} 条公开记录，不能删除，只能停用")
            if len(refusals) == 1:
                raise ValidationError.single(refusals[0])
            if refusals:
                raise ValidationError([Problem(r) for r in refusals],
                                      summary=f"其中 {len(refusals)} 个事项已有公开记录，不能删除，只能停用；未删除任何事项")
            w.detail = {"item": _to_data(rows[0]).to_json()} if len(rows) == 1 else \
                {"items": [_to_data(r).to_json() for r in rows]}
            for row in rows:
                w.session.delete(row)

    def merge(self, items: list[ItemData], *, action: str = "catalog.merge", source: str = "",
              update_existing: bool = True) -> MergeResult:
        """Add items whose code is new; update those whose code exists (or leave them be, for a
        template loaded over a catalog the village has already edited). Never duplicates; all or nothing."""
        problems: list[Problem] = []
        seen: set[str] = set()
        items = [normalized_item(item) for item in items]
        for item in items:
            problems += item_problems(item)
            if item.code in seen:
                problems.append(Problem(f"编号“{item.code}”重复", field="编号", rule="unique"))
            seen.add(item.code)
        if problems:
            raise ValidationError(problems, summary="目录有误，未导入任何事项")
        result = MergeResult()
        with self.ctx.write(action, target_type="catalog", permission="catalog.edit") as w:
            s = w.session
            existing = {r.code: r for r in s.execute(select(CatalogItem)).scalars()}
            pos = s.execute(select(func.coalesce(func.max(CatalogItem.position), 0))).scalar_one()
            for item in items:
                row = existing.get(item.code)
                if row is None:
                    pos += 1
                    row = CatalogItem(code=item.code, position=pos, timing={})
                    _apply(s, row, item)
                    s.add(row)
                    result.added.append(item.code)
                elif update_existing and _apply(s, row, item):
                    stamp(row, self.ctx.actor.name)
                    result.updated.append(item.code)
                else:
                    result.unchanged.append(item.code)
            w.detail = {"source": source, **asdict(result)}
        return result


@dataclass
class MergeResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
