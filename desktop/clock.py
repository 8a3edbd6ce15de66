"""Today's date as the GUI sees it, in one place so tests can move the whole GUI to another day.

Pages and dialogs call ``clock.today()`` (through the module, never ``from .clock import today``), and
hand ``clock.today`` to the services that take a clock, so ``monkeypatch.setattr(clock, "today", …)``
moves statuses, due dates and default dates together.
"""

from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()


def service_clock() -> date:
    """For services' ``clock=`` arguments: looks `today` up on each call, so a patch applies."""
    return today()
