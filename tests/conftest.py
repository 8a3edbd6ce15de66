"""Every test gets a fresh data folder and settings; Qt runs offscreen."""

from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests import db_templates  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "real_migrations: a new empty database is migrated by Alembic itself, "
                            "not copied from the session's migrated schema (tests/db_templates.py)")


def pytest_unconfigure(config):
    db_templates.cleanup()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch, request):
    if request.node.get_closest_marker("real_migrations") is None:
        db_templates.install(monkeypatch)
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("CUNWU_DATA_DIR_FOR_TESTS", str(data))
    monkeypatch.delenv("CUNWU_DB", raising=False)
    monkeypatch.delenv("CUNWU_USER", raising=False)
    monkeypatch.delenv("CUNWU_PASSWORD", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "cunwu.sqlite3"


# The test villages keep their disclosures in this program since January 2025 (`schedule.since`), so
# scenarios dated in 2025–2026 count whatever day the suite runs.
TEST_SINCE = date(2025, 1, 1)
# The set-up of `empty_village` (initialize's arguments).
EMPTY_VILLAGE = dict(mode="village", code="410322100201", name="测试村", township="城关镇", operator="王文书",
                     template_id=None, since=TEST_SINCE)


@pytest.fixture
def empty_village(db_path):
    """A village database with an empty catalog; yields (db, ctx)."""
    from models.services.context import Actor, ServiceContext

    db = db_templates.initialized(db_path, **EMPTY_VILLAGE)
    yield db, ServiceContext(db, Actor("王文书"))
    db.dispose()


@pytest.fixture
def village(db_path):
    """A village database with the standard village catalog template loaded; yields (db, ctx)."""
    from models.services.context import Actor, ServiceContext
    from models.services.templates import default_template_id

    db = db_templates.initialized(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                                  operator="王文书", template_id=default_template_id("village"), since=TEST_SINCE)
    yield db, ServiceContext(db, Actor("王文书"))
    db.dispose()


@pytest.fixture
def fast_scrypt(monkeypatch):
    """Cheaper password hashes for tests that make many accounts (the stored hash names its own
    parameters, so signing in still verifies exactly)."""
    from models.rules import passwords

    monkeypatch.setattr(passwords, "N", 2 ** 8)


STAFF = {"clerk": "王文书", "reviewer": "李监委", "admin": "张主任", "supervisor": "刘乡镇"}
STAFF_PASSWORD = "村务-测试-2026"


STAFFED_VILLAGE = dict(mode="village", code="410322100201", name="测试村", township="城关镇",
                       operator=STAFF["admin"], template_id=None, admin=STAFF["admin"], admin_password=STAFF_PASSWORD)


def add_staff(db) -> None:
    from models.services.accounts import AccountService, sign_in
    from models.services.context import ServiceContext

    admin = ServiceContext(db, sign_in(db, STAFF["admin"], STAFF_PASSWORD))
    for role, name in STAFF.items():
        if role != "admin":
            AccountService(admin).add(name, role, STAFF_PASSWORD)


def staff_contexts(db) -> dict:
    """Each of STAFF signed in: {role: ServiceContext}."""
    from models.services.accounts import sign_in
    from models.services.context import ServiceContext

    return {role: ServiceContext(db, sign_in(db, name, STAFF_PASSWORD)) for role, name in STAFF.items()}


@pytest.fixture
def staffed_village(db_path, fast_scrypt):
    """A village with accounts: 张主任 (admin, created at init), 王文书 (clerk), 李监委 (reviewer),
    刘乡镇 (supervisor), all with STAFF_PASSWORD. Yields {"db", "ctx": {role: ServiceContext}}."""
    db = db_templates.initialized(db_path, **STAFFED_VILLAGE, then=add_staff)
    ctx = staff_contexts(db)
    yield {"db": db, "ctx": ctx}
    db.dispose()
