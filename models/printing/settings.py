"""What every printed notice's footer says about whom to contact: installation settings.

Stored as one JSON object in the ``setting`` table under :data:`SETTING_KEY`, written through
``ServiceContext.write`` (audited like every other change). Everything is optional; an empty value
means "use the default" (see :mod:`models.printing.notices`):

* ``phones`` — 监督电话 lines, e.g. ``["村务监督委员会 张三 13812341234", "镇纪委 0379-67891234"]``;
  none printed when empty.
* ``accepting_unit`` — 受理单位; default ``<village>村务监督委员会``.
* ``issuer`` — 落款; default ``<village>村民委员会``.
* ``objection_note`` — the sentence inviting objections; default :data:`DEFAULT_OBJECTION_NOTE`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..services.context import ServiceContext
from ..services.settings import read_setting, write_setting

SETTING_KEY = "print_footer"
DEFAULT_OBJECTION_NOTE = "公示期间，如有异议，请向受理单位反映。"
_MAX_PHONES = 10
_MAX_TEXT = 100


@dataclass(frozen=True)
class PrintSettings:
    phones: tuple[str, ...] = ()
    accepting_unit: str = ""
    issuer: str = ""
    objection_note: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["phones"] = list(self.phones)
        return data

    @classmethod
    def from_json(cls, data: Any) -> PrintSettings:
        """Tolerant: unknown keys and values of the wrong type are ignored (defaults apply)."""
        if not isinstance(data, dict):
            return cls()
        phones = data.get("phones")
        phones = tuple(str(p).strip() for p in phones if str(p).strip()) if isinstance(phones, list) else ()

        def text(key: str) -> str:
            value = data.get(key)
            return value.strip() if isinstance(value, str) else ""

        return cls(phones=phones, accepting_unit=text("accepting_unit"), issuer=text("issuer"),
                   objection_note=text("objection_note"))


def _read(session: Session) -> PrintSettings:
    data = read_setting(session, SETTING_KEY, None)
    return PrintSettings() if data is None else PrintSettings.from_json(data)


def print_settings(ctx: ServiceContext) -> PrintSettings:
    """The footer settings (defaults when never set)."""
    with ctx.read() as session:
        return _read(session)


def set_print_settings(ctx: ServiceContext, *, phones: list[str] | tuple[str, ...] | None = None,
                       accepting_unit: str | None = None, issuer: str | None = None,
                       objection_note: str | None = None) -> PrintSettings:
    """Change the given footer settings (``None`` leaves one as it is, ``""`` / ``[]`` clears it)."""
    problems: list[str] = []
    clean_phones: tuple[str, ...] | None = None
    if phones is not None:
        clean_phones = tuple(p.strip() for p in phones if p and p.strip())
        if len(clean_phones) > _MAX_PHONES:
            problems.append(f"监督电话最多 {_MAX_PHONES} 条")
        problems += [f"监督电话“{p[:20]}…”超过 {_MAX_TEXT} 个字" for p in clean_phones if len(p) > _MAX_TEXT]
    for label, value in (("受理单位", accepting_unit), ("落款", issuer), ("异议说明", objection_note)):
        if value is not None and len(value.strip()) > _MAX_TEXT * 2:
            problems.append(f"{label}超过 {_MAX_TEXT * 2} 个字")
    if problems:
        raise ValidationError.single("；".join(problems))
    with ctx.write("settings.print", target_type="setting", target_id=SETTING_KEY,
                   permission="settings.edit") as w:
        current = _read(w.session)
        changes: dict[str, Any] = {}
        if clean_phones is not None:
            changes["phones"] = clean_phones
        for key, value in (("accepting_unit", accepting_unit), ("issuer", issuer),
                           ("objection_note", objection_note)):
            if value is not None:
                changes[key] = value.strip()
        updated = replace(current, **changes)
        write_setting(w.session, SETTING_KEY, updated.to_json())
        w.detail = updated.to_json()
    return updated


__all__ = ["DEFAULT_OBJECTION_NOTE", "PrintSettings", "SETTING_KEY", "print_settings", "set_print_settings"]
