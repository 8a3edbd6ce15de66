"""Remembered roster column mappings, one per catalog item: the mapping a clerk confirmed for last
year's 地力补贴 file is offered again for this year's."""

from __future__ import annotations

from sqlalchemy import select

from ..entities import CatalogItem, ImportMapping
from ..errors import NotFound, Problem, ValidationError
from .context import ServiceContext


def _item_id(session, item_code: str) -> int:
    item_id = session.execute(select(CatalogItem.id).where(CatalogItem.code == item_code)).scalar()
    if item_id is None:
        raise NotFound(f"目录中没有编号为“{item_code}”的事项")
    return item_id


def _clean(mapping: dict[str, str]) -> dict[str, str]:
    problems = []
    clean: dict[str, str] = {}
    for key, header in (mapping or {}).items():
        if not isinstance(key, str) or not key.strip() or not isinstance(header, str) or not header.strip():
            problems.append(Problem(f"列对应“{key}={header}”不完整", field="列对应", rule="mapping"))
            continue
        clean[key.strip()] = header.strip()
    if problems:
        raise ValidationError(problems, summary="列对应有误，未保存")
    if not clean:
        raise ValidationError.single("列对应为空，未保存")
    return clean


def remember_mapping(ctx: ServiceContext, item_code: str, mapping: dict[str, str], *,
                     keep_absent: bool = False) -> dict[str, str]:
    """Store ``mapping`` ({roster key: file header}) for the catalog item, replacing an older one
    (with ``keep_absent``: keeping the older one's columns this mapping does not name, see
    ``store_mapping``). Returns what is now remembered."""
    clean = _clean(mapping)
    with ctx.write("import_mapping.remember", target_type="catalog_item", target_id=item_code,
                   permission="import_mapping.edit") as w:
        stored = store_mapping(w.session, _item_id(w.session, item_code), clean, keep_absent=keep_absent)
        w.detail = {"mapping": stored}
    return stored


def store_mapping(session, item_id: int, mapping: dict[str, str], *, keep_absent: bool = True) -> dict[str, str]:
    """Remember ``mapping`` inside a write that is already open: an action that imports a file
    and remembers how its columns were read (`DisclosureService.create(mapping=…)`) is one
    transaction, so a failure keeps neither.

    With ``keep_absent`` (an import remembering how its file was read), a column the earlier mapping
    named and this file did not have (this year's file without 银行卡号) stays remembered, unless its
    header now belongs to another column: a file that lacks an optional column does not make the next
    one with it lose its mapping."""
    clean = _clean(mapping)
    row = session.get(ImportMapping, item_id)
    if row is None or not keep_absent:
        if row is None:
            session.add(ImportMapping(item_id=item_id, mapping=clean))
        else:
            row.mapping = clean
        return clean
    used = set(clean.values())
    kept = {k: h for k, h in dict(row.mapping or {}).items() if k not in clean and h not in used}
    merged = {**kept, **clean}
    row.mapping = merged
    return merged


def mapping_for(ctx: ServiceContext, item_code: str) -> dict[str, str] | None:
    """The mapping remembered for the item, or ``None`` (also for an unknown item code)."""
    with ctx.read() as s:
        row = s.execute(
            select(ImportMapping.mapping).join(CatalogItem, CatalogItem.id == ImportMapping.item_id)
            .where(CatalogItem.code == item_code)
        ).scalar()
    return dict(row) if row else None
