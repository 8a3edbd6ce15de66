"""What every printed notice's footer says about whom to contact: installation settings.

Stored as one JSON object in the ``setting`` table under :data:`SETTING_KEY`, written through
``ServiceContext.write`` (audited like every other change). Everything is optional; an empty value
means "use the default" (see :mod:`models.printing.notices`):

* ``phones`` — 监督电话 lines, e.g. ``["全国监督电话 12317", "镇纪委 0379-67891234"]``; each prints as
  its own labelled line (``models.rules.footer.phone_print``); none printed when empty.
* ``accepting_unit`` — 受理单位; default by install mode (``models.rules.footer.default_accepting_unit``).
* ``issuer`` — 落款; default by install mode (``models.rules.footer.issuing_body``).
* ``objection_note`` — the sentence inviting objections; default :data:`DEFAULT_OBJECTION_NOTE`.
* ``address`` (通讯地址), ``email`` (邮箱) — printed when set.

A record's own ``footer`` (its content, the ``footer.*`` keys without the prefix) replaces any of these
for that notice: :meth:`PrintSettings.with_override`.

The rules (how many phones, a phone has a number, text lengths) are the settings registry's
(`models.services.settings`, keys ``footer.*``), so 打印设置 and `cunwu settings set` refuse the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import Problem, ValidationError
from ..rules.footer import FOOTER_FIELDS, FOOTER_STORE, phone_entry, phone_line, phones_problems
from ..rules.personal_numbers import public_numbers

if TYPE_CHECKING:  # the database layer loads when settings are read or written, not for PrintSettings
    from sqlalchemy.orm import Session

    from ..services.context import ServiceContext

SETTING_KEY = FOOTER_STORE
DEFAULT_OBJECTION_NOTE = "公示期间，如有异议，请向受理单位反映。"
# The registry key whose rule each text field follows.
_TEXT_KEYS = {field: key for key, field in FOOTER_FIELDS.items()}


@dataclass(frozen=True)
class PrintSettings:
    phones: tuple[str, ...] = ()
    accepting_unit: str = ""
    issuer: str = ""
    objection_note: str = ""
    address: str = ""
    email: str = ""

    @property
    def public_numbers(self) -> frozenset[str]:
        """The numbers in the 监督电话 lines (read with the footer's one phone parser): the office's,
        printed in full wherever they appear."""
        return public_numbers(phone_entry(p)["number"] for p in self.phones)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["phones"] = list(self.phones)
        return data

    def with_override(self, override: Any) -> PrintSettings:
        """These settings with a record's own ``footer`` (``{"phones":[{"label","number"}],"unit",
        "address","email","issuer","objection"}``) put over them: a non-empty value wins, an empty or
        missing one leaves the setting."""
        if not isinstance(override, dict) or not override:
            return self
        changes: dict[str, Any] = {}
        phones = override.get("phones")
        if isinstance(phones, list):
            lines = tuple(line for e in phones if isinstance(e, dict) and (line := phone_line(e)))
            if lines:
                changes["phones"] = lines
        for key, field in FOOTER_FIELDS.items():
            value = override.get(key.removeprefix("footer."))
            if isinstance(value, str) and value.strip():
                changes[field] = value.strip()
        return replace(self, **changes) if changes else self

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
                   objection_note=text("objection_note"), address=text("address"), email=text("email"))


def _read(session: Session) -> PrintSettings:
    from ..services.settings import read_setting

    data = read_setting(session, SETTING_KEY, None)
    return PrintSettings() if data is None else PrintSettings.from_json(data)


def office_numbers(session: Session) -> frozenset[str]:
    """The office's own phone numbers (the 监督电话 lines): public, never masked or reported as a
    villager's number."""
    return _read(session).public_numbers


def print_settings(ctx: ServiceContext) -> PrintSettings:
    """The footer settings (defaults when never set)."""
    with ctx.read() as session:
        return _read(session)


def footer_problems(*, phones: list[str] | tuple[str, ...] | None = None,
                    **texts: str | None) -> list[Problem]:
    """Every reason these footer values cannot be saved, by the settings registry's rules; phones are
    lines as typed (“镇纪委 0379-67891234”), read with the one phone parser."""
    from ..services.settings import SETTINGS

    out: list[Problem] = []
    if phones is not None:
        entries = [phone_entry(p) for p in phones if p and p.strip()]
        out += [Problem(m, field="监督电话", rule="footer.phones") for m in phones_problems(entries)]
    for name, value in texts.items():
        if value is not None:
            spec = SETTINGS[_TEXT_KEYS[name]]
            out += [Problem(m, field=spec.label, rule=spec.key) for m in spec.problems(value, date.today())]
    return out


def print_settings_version(ctx: ServiceContext) -> int:
    """The stored footer settings' version (0 when never set)."""
    from ..services.settings import setting_version

    with ctx.read() as session:
        return setting_version(session, SETTING_KEY)


def stored_print_settings(ctx: ServiceContext) -> tuple[PrintSettings, int]:
    """The footer settings and their version, read together (for a form that saves them back)."""
    from ..services.settings import setting_version

    with ctx.read() as session:
        return _read(session), setting_version(session, SETTING_KEY)


def set_print_settings(ctx: ServiceContext, *, phones: list[str] | tuple[str, ...] | None = None,
                       accepting_unit: str | None = None, issuer: str | None = None,
                       objection_note: str | None = None, address: str | None = None, email: str | None = None,
                       expected_version: int | None = None) -> PrintSettings:
    """Change the given footer settings (``None`` leaves one as it is, ``""`` / ``[]`` clears it).
    ``expected_version``: `print_settings_version` when the form was filled; changed since → refused."""
    clean_phones = tuple(p.strip() for p in phones if p and p.strip()) if phones is not None else None
    problems = footer_problems(phones=clean_phones, accepting_unit=accepting_unit, issuer=issuer,
                               objection_note=objection_note, address=address, email=email)
    if problems:
        raise ValidationError(problems, summary="打印设置有误，未保存")
    with ctx.write("settings.print", target_type="setting", target_id=SETTING_KEY,
                   permission="settings.edit") as w:
        current = _read(w.session)
        changes: dict[str, Any] = {}
        if clean_phones is not None:
            changes["phones"] = clean_phones
        for key, value in (("accepting_unit", accepting_unit), ("issuer", issuer),
                           ("objection_note", objection_note), ("address", address), ("email", email)):
            if value is not None:
                changes[key] = value.strip()
        updated = replace(current, **changes)
        from ..services.settings import write_setting

        write_setting(w.session, SETTING_KEY, updated.to_json(), expected_version=expected_version)
        w.detail = updated.to_json()
    return updated


__all__ = ["DEFAULT_OBJECTION_NOTE", "PrintSettings", "SETTING_KEY", "footer_problems", "office_numbers",
           "print_settings", "print_settings_version", "set_print_settings", "stored_print_settings"]
