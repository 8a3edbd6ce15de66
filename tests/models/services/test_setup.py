"""First-run setup: region codes, initialize (all or nothing), the installation record, adoption."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from models.entities import AuditEvent
from models.errors import DatabaseError, NotFound, ValidationError
from models.rules.region import region_code_problem, township_code_of
from models.services.catalog import CatalogService
from models.services.context import Actor, ServiceContext, verify_audit_chain
from models.services.setup import initialize, installation, record_adoption, setup_problems
from models.storage import create_database, open_database


def _leftovers(path):
    return [p for p in path.parent.glob(path.name + "*")]


# --- region codes -------------------------------------------------------------------------------

@pytest.mark.parametrize("code,mode", [
    ("410322100201", "village"),
    ("410322100", "township"),
    (" 410322100201 ", "village"),
    ("110105001001", "village"),
    # Cities without counties number their townships straight under the city (county part 00).
    ("441900003", "township"),
    ("442000001001", "village"),
    ("460400100", "township"),
])
def test_good_region_codes(code, mode):
    assert region_code_problem(code, mode) is None


@pytest.mark.parametrize("code,mode,fragment", [
    ("410", "village", "应为 12 位数字，实为 3 位"),
    ("410", "township", "应为 9 位数字，实为 3 位"),
    ("410322100", "village", "应为 12 位数字，实为 9 位"),
    ("410322100201", "township", "应为 9 位数字，实为 12 位"),
    ("41032210020A", "village", "应全部为数字"),
    ("abcdefghijkl", "village", "应全部为数字"),
    ("４１０３２２１００２０１", "village", "应全部为数字"),  # full-width digits
    ("", "village", "应全部为数字"),
    ("990322100201", "village", "前两位“99”不是有效的省级代码"),
    ("000322100", "township", "不是有效的省级代码"),
    ("410022100201", "village", "地市部分不能为 00"),
    ("410322000", "township", "乡镇部分不能为 000"),
    ("410322000201", "village", "乡镇部分不能为 000"),
    ("410322100000", "village", "村级部分不能为 000"),
])
def test_bad_region_codes_are_refused_in_chinese(code, mode, fragment):
    problem = region_code_problem(code, mode)
    assert problem is not None and fragment in problem


def test_township_code_of():
    assert township_code_of("410322100201") == "410322100"


def test_setup_problems():
    assert setup_problems("village", "410322100201", "测试村", "城关镇", "王文书") == []
    assert setup_problems("township", "410322100", "城关镇", None, "王文书") == []
    fields = {p.field for p in setup_problems("village", "410322100", " ", "", "")}
    assert fields == {"区划代码", "名称", "所属乡镇", "操作员"}
    (mode,) = setup_problems("city", "410322100201", "测试村", "城关镇", "王文书")
    assert mode.field == "模式"


# --- initialize ---------------------------------------------------------------------------------

def test_initialize_records_the_installation(db_path):
    db = initialize(db_path, mode="village", code=" 410322100201 ", name=" 测试村 ", township="城关镇",
                    operator=" 王文书 ", template_id=None)
    try:
        data = installation(db)
        assert (data.mode, data.code, data.name, data.township, data.operator) == (
            "village", "410322100201", "测试村", "城关镇", "王文书")
        assert data.template_id is None and data.adopted_on is None and data.consulted_on is None
        assert data.mode_label == "村（社区）"
        assert CatalogService(ServiceContext(db, Actor("王文书"))).count() == 0
        with db.read_session() as s:
            (event,) = s.execute(select(AuditEvent)).scalars()
        assert event.action == "setup.init" and event.actor == "王文书" and event.role == "admin"
    finally:
        db.dispose()


def test_initialize_township(db_path):
    db = initialize(db_path, mode="township", code="410322100", name="城关镇", township=None,
                    operator="李监管", template_id="township-standard")
    try:
        data = installation(db)
        assert data.mode == "township" and data.township is None and data.template_id == "township-standard"
        assert data.mode_label == "乡镇（街道）"
        with db.read_session() as s:
            actions = list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())
        assert actions == ["setup.init", "catalog.template.load"]
        assert verify_audit_chain(db) == []
    finally:
        db.dispose()


def test_installation_survives_reopening(db_path):
    initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
               operator="王文书", template_id="village-standard").dispose()
    db = open_database(db_path)
    try:
        data = installation(db)
        assert data.name == "测试村" and data.template_id == "village-standard"
    finally:
        db.dispose()


def test_initialize_refuses_an_existing_database(empty_village, db_path):
    db, ctx = empty_village
    CatalogService(ctx)  # the fixture's database is in use
    with pytest.raises(DatabaseError) as exc:
        initialize(db_path, mode="village", code="410322100202", name="另一个村", township="城关镇",
                   operator="王文书", template_id="village-standard")
    assert "已存在" in str(exc.value)
    # The existing database is untouched.
    assert installation(db).name == "测试村"
    assert CatalogService(ctx).count() == 0


def test_bad_input_creates_nothing(db_path):
    with pytest.raises(ValidationError) as exc:
        initialize(db_path, mode="village", code="4103", name="测试村", township="城关镇",
                   operator="王文书", template_id=None)
    assert "未创建数据库" in str(exc.value) and "区划代码" in str(exc.value)
    assert _leftovers(db_path) == []


def test_unknown_template_creates_nothing(db_path):
    with pytest.raises(NotFound) as exc:
        initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                   operator="王文书", template_id="no-such-template")
    assert "no-such-template" in str(exc.value) and "village-standard" in str(exc.value)
    assert _leftovers(db_path) == []


def test_failed_template_load_leaves_no_file_behind(db_path, tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    (resources / "templates").mkdir(parents=True)
    bad = {"id": "bad", "name": "有误的模板", "mode": "village", "groups": [
        {"category": "村务", "name": "测试", "items": [
            {"code": "CW-01", "name": "好事项", "timing": {"kind": "monthly", "day": 10},
             "channels": ["社区/村公示栏(电子屏)"]},
            {"code": "CW-02", "name": "坏事项", "timing": {"kind": "monthly", "day": 10},
             "channels": ["村口大喇叭"]},
        ]}]}
    (resources / "templates" / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("CUNWU_RESOURCES", str(resources))
    with pytest.raises(ValidationError) as exc:
        initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                   operator="王文书", template_id="bad")
    assert "村口大喇叭" in str(exc.value)
    assert _leftovers(db_path) == []


def test_failed_schema_creation_leaves_no_file_behind(db_path, monkeypatch):
    from models.storage import migrations

    real = migrations.upgrade_to_head

    def half_way(engine):
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(migrations, "upgrade_to_head", half_way)
    with pytest.raises(RuntimeError):
        initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                   operator="王文书", template_id=None)
    assert _leftovers(db_path) == []
    monkeypatch.setattr(migrations, "upgrade_to_head", real)
    initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
               operator="王文书", template_id=None).dispose()  # and a retry then works


def test_installation_of_an_uninitialised_database(db_path):
    db = create_database(db_path)
    try:
        with pytest.raises(DatabaseError) as exc:
            installation(db)
        assert "尚未初始化" in str(exc.value)
    finally:
        db.dispose()


# --- adoption (乡镇会商、村级认可) ------------------------------------------------------------------

def test_record_adoption(empty_village):
    db, ctx = empty_village
    data = record_adoption(ctx, consulted_on=date(2026, 3, 2), adopted_on=date(2026, 3, 20),
                           adopted_by="村民代表会议", note="经村民代表会议表决通过")
    assert data.consulted_on == date(2026, 3, 2) and data.adopted_on == date(2026, 3, 20)
    assert data.adopted_by == "村民代表会议"
    assert installation(db) == data
    with db.read_session() as s:
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert event.action == "catalog.adopt"
    assert event.detail == {"consulted_on": "2026-03-02", "adopted_on": "2026-03-20", "adopted_by": "村民代表会议"}
    assert verify_audit_chain(db) == []


def test_adoption_before_consultation_is_refused(empty_village):
    db, ctx = empty_village
    with db.read_session() as s:
        before = len(s.execute(select(AuditEvent)).scalars().all())
    with pytest.raises(ValidationError) as exc:
        record_adoption(ctx, consulted_on=date(2026, 3, 20), adopted_on=date(2026, 3, 2), adopted_by="村民会议")
    assert "不能早于" in str(exc.value)
    assert installation(db).adopted_on is None
    with db.read_session() as s:
        assert len(s.execute(select(AuditEvent)).scalars().all()) == before


def test_adoption_dates_may_be_recorded_one_at_a_time(empty_village):
    _db, ctx = empty_village
    data = record_adoption(ctx, consulted_on=date(2026, 3, 2), adopted_on=None, adopted_by=None)
    assert data.consulted_on == date(2026, 3, 2) and data.adopted_on is None
    data = record_adoption(ctx, consulted_on=date(2026, 3, 2), adopted_on=date(2026, 3, 2), adopted_by="村民会议")
    assert data.adopted_on == date(2026, 3, 2)
