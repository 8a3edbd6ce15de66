"""Catalog templates shipped in resources/templates (one JSON file each)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import NotFound
from ..paths import resources_dir
from .catalog import ItemData


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    mode: str
    items: int
    description: str = ""

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "mode": self.mode, "items": self.items,
                "description": self.description}


def templates_dir() -> Path:
    return resources_dir() / "templates"


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _items_of(doc: dict) -> list[ItemData]:
    out: list[ItemData] = []
    for group in doc.get("groups", []):
        for item in group.get("items", []):
            data = dict(item)
            data.setdefault("group", group["name"])
            data.setdefault("category", group.get("category", "村务"))
            out.append(ItemData.from_json(data))
    return out


def list_templates() -> list[TemplateInfo]:
    out = []
    for path in sorted(templates_dir().glob("*.json")):
        doc = _read(path)
        out.append(TemplateInfo(id=doc["id"], name=doc["name"], mode=doc.get("mode", "village"),
                                items=len(_items_of(doc)), description=doc.get("description", "")))
    return out


def load_template(template_id: str) -> list[ItemData]:
    for path in sorted(templates_dir().glob("*.json")):
        doc = _read(path)
        if doc.get("id") == template_id:
            return _items_of(doc)
    known = "、".join(t.id for t in list_templates()) or "（无）"
    raise NotFound(f"没有名为“{template_id}”的目录模板；可用的模板：{known}")


def default_template_id(mode: str) -> str | None:
    for t in list_templates():
        if t.mode == mode:
            return t.id
    return None


def template_name(template_id: str | None) -> str | None:
    """The shipped template's name (“村级标准目录…”) for an id; None when no template has that id."""
    if not template_id:
        return None
    return next((t.name for t in list_templates() if t.id == template_id), None)
