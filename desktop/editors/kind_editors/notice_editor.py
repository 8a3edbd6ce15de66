"""The notice editor (一般公告): a notice is its title and its body text, both in the disclosure
editor's header; this kind adds nothing but lets the body take the whole editing area."""

from __future__ import annotations

from .base import KindEditor


class NoticeEditor(KindEditor):
    uses_body_area = True
