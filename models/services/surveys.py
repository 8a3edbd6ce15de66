"""Opinion surveys (民意调查): questionnaires, forms typed from paper, double entry, results and the
link to the catalog. The rules (what a valid form is, skips, tallies) are models.rules.survey; this
module stores and counts. Every write names its permission and is one transaction with one audit
event (ServiceContext.write).

API (stable; the GUI and the CLI both use it — all methods on ``SurveyService(ctx)``):

- ``survey_templates() -> list[SurveyTemplate]`` (module function): the shipped questionnaires
  (resources/surveys/*.json: ``satisfaction`` 村务公开满意度, ``demand`` 公开需求).
- ``create(doc: Mapping) -> SurveyData`` · ``create_from_template(template_id)`` ·
  ``create_from_file(path)``: a new survey from the survey file format (cli.md). Refused with every
  problem of the definition named (ValidationError).
- ``update(survey_id, doc, *, expected_version=None) -> SurveyData``: the questionnaire rewritten;
  once forms are typed only its wording may change (models.rules.survey.structure_changes).
- ``list() -> list[SurveySummary]`` · ``get(survey_id) -> SurveyData`` (``.questionnaire`` is a
  models.rules.survey.Questionnaire).
- ``forms(survey_id, entry=1) -> list[FormData]`` · ``form(survey_id, respondent, entry=1) ->
  FormData | None``.
- ``save_form(survey_id, respondent, answers, *, group=None, entry=1, correct=False,
  expected_version=None) -> FormData``: one paper form, answers as cells ``{"1": "B", "2": "ACD",
  "2_other": "…"}`` (or keys "Q1", "Q2_other"; letters in any case). A new respondent number
  creates the form; an existing one is refused as a duplicate unless ``correct=True`` (the entry
  screen's correction), which replaces it (``expected_version``: the version read, or
  RecordChanged). Every rule of models.rules.survey.check_form is enforced (ValidationError, one
  Problem per finding, ``field`` "Q3"/"Q3_other"/"respondent"/"group", ``rule`` its key).
- ``delete_form(survey_id, respondent, entry=1)``.
- ``import_forms(survey_id, path, *, entry=1) -> ImportSummary``: csv/xlsx, one row per form
  (columns ``respondent``, optional ``group``, ``Q1`` … ``Qn``, ``Qn_other``). Any bad row refuses
  the whole file, every bad row named with its row and question; a respondent number already in
  the file or already entered in this pass is refused.
- ``double_entry(survey_id) -> DoubleEntryState``: discrepancies field by field, forms typed in one
  pass only, and how many forms count.
- ``adjudicate(survey_id, respondent, decisions: Mapping[field, value])``: the clerk's values for
  differing fields; the form they make must be valid.
- ``results(survey_id) -> SurveyResults`` (``.to_json()`` is cli.md's ``survey results --json``;
  ``.by_group`` the cross-tab by 村民小组) · ``export_results(survey_id, path)`` (xlsx).
- ``demand(survey_id) -> list[DemandRow]``: per catalog-linked option, the votes and what was done.
- ``add_catalog_item(survey_id, item: ItemData, *, question=None, letter=None, topic="")`` — a
  requested topic becomes a new catalog item; ``mark_in_demand(survey_id, code, *, question=None,
  letter=None, topic="")`` — an existing item is marked as asked for. Each records the survey.

What counts (double entry). A survey is *double-entered* once any form has been typed a second time.
Before that, every first-pass form counts. From then on a form counts only when both passes exist
and every field either agrees or has been adjudicated (an adjudication applies while the two values
it decided between are still the ones entered); the counted values are the agreed ones with the
adjudicated ones in place. A form typed once only (in either pass) or with an undecided
discrepancy does not count until it is typed again or decided; ``results`` says how many wait.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..entities import CatalogItem, Survey, SurveyAdjudication, SurveyDemand, SurveyForm
from ..entities.base import utcnow
from ..errors import NotFound, Problem, ValidationError
from ..paths import resources_dir
from ..rules import survey as R
from ..rules.limits import record_id_problem
from .context import ServiceContext
from .versions import check_version

ENTRY_LABELS = {1: "第一遍录入", 2: "第二遍录入"}


# --- templates ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyTemplate:
    id: str
    name: str
    questions: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "questions": self.questions}


def survey_templates_dir() -> Path:
    return resources_dir() / "surveys"


def _template_docs() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(survey_templates_dir().glob("*.json"))]


def survey_templates() -> list[SurveyTemplate]:
    return [SurveyTemplate(d["id"], d["name"], len(d.get("questions", []))) for d in _template_docs()]


def load_survey_template(template_id: str) -> dict[str, Any]:
    for doc in _template_docs():
        if doc.get("id") == template_id:
            return doc
    known = "、".join(f"{t.id}（{t.name}）" for t in survey_templates()) or "（无）"
    raise NotFound(f"没有名为“{template_id}”的问卷模板；可用的模板：{known}")


# --- plain objects the service returns -----------------------------------------------------------------


@dataclass(frozen=True)
class SurveySummary:
    id: int
    title: str
    target: str
    questions: int
    first_entries: int
    second_entries: int
    counted: int
    created_by: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "target": self.target, "questions": self.questions,
                "forms": self.first_entries, "second_entries": self.second_entries, "counted": self.counted,
                "created_by": self.created_by, "created_at": self.created_at.date().isoformat()}


@dataclass(frozen=True)
class SurveyData:
    id: int
    questionnaire: R.Questionnaire
    template: str | None
    created_by: str
    created_at: datetime
    version: int

    @property
    def title(self) -> str:
        return self.questionnaire.title

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "template": self.template, **self.questionnaire.to_json()}


@dataclass(frozen=True)
class FormData:
    survey_id: int
    respondent: int
    entry: int
    group: str | None
    answers: dict[str, str]
    entered_by: str
    entered_at: datetime
    version: int

    def fields(self, questionnaire: R.Questionnaire) -> dict[str, str]:
        return R.form_fields(questionnaire, self.group, self.answers)

    def to_json(self) -> dict[str, Any]:
        return {"respondent": self.respondent, "entry": self.entry, "group": self.group,
                "answers": dict(self.answers), "entered_by": self.entered_by,
                "entered_at": self.entered_at.isoformat(timespec="seconds"), "version": self.version}


@dataclass(frozen=True)
class ImportSummary:
    file: str
    entry: int
    forms: int

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "entry": self.entry, "forms": self.forms}


@dataclass(frozen=True)
class Discrepancy:
    respondent: int
    field: str  # group, Q3, Q3_other
    question: int | None
    first: str
    second: str
    decided: str | None  # the adjudicated value, when decided (and still applying)

    def to_json(self) -> dict[str, Any]:
        return {"respondent": self.respondent, "field": self.field, "question": self.question,
                "first": self.first, "second": self.second, "adjudicated": self.decided}


@dataclass(frozen=True)
class DoubleEntryState:
    double_entered: bool  # any second pass typed
    discrepancies: list[Discrepancy]  # every differing field, decided or not
    first_only: list[int]  # respondents typed in the first pass only
    second_only: list[int]
    counted: int  # forms that count

    @property
    def open(self) -> list[Discrepancy]:
        return [d for d in self.discrepancies if d.decided is None]

    def to_json(self) -> dict[str, Any]:
        return {"double_entered": self.double_entered, "counted": self.counted,
                "open": len(self.open), "first_only": self.first_only, "second_only": self.second_only,
                "discrepancies": [d.to_json() for d in self.discrepancies]}


@dataclass(frozen=True)
class SurveyResults:
    survey_id: int
    questionnaire: R.Questionnaire
    respondents: int  # forms counted
    questions: list[R.QuestionTally]
    by_group: dict[str, list[R.QuestionTally]]
    waiting: int  # forms entered that do not count yet (double entry)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.survey_id, "title": self.questionnaire.title, "respondents": self.respondents,
                "waiting": self.waiting, "questions": [q.to_json() for q in self.questions],
                "groups": {g: {"respondents": (qs[0].respondents if qs else 0),
                               "questions": [q.to_json() for q in qs]} for g, qs in self.by_group.items()}}


@dataclass(frozen=True)
class DemandRow:
    question: int
    letter: str
    label: str
    item: str  # catalog code the option is linked to
    item_name: str | None  # None: no such item in this catalog
    count: int
    percent: str
    percent_of_selections: str | None
    recorded: str | None  # "added" | "marked" when this survey already recorded it

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "letter": self.letter, "label": self.label, "item": self.item,
                "item_name": self.item_name, "count": self.count, "percent": self.percent,
                "percent_of_selections": self.percent_of_selections, "recorded": self.recorded}


# --- helpers -------------------------------------------------------------------------------------------


def _questionnaire(row: Survey) -> R.Questionnaire:
    return R.stored_questionnaire(row.definition)


def _survey_data(row: Survey) -> SurveyData:
    return SurveyData(row.id, _questionnaire(row), row.template, row.created_by, row.created_at, row.version)


def _form_data(row: SurveyForm) -> FormData:
    return FormData(row.survey_id, row.respondent, row.entry, row.group_name, dict(row.answers or {}),
                    row.entered_by, row.entered_at, row.version)


def _definition_refused(exc: R.DefinitionError, file: str | None = None) -> ValidationError:
    problems = [Problem(f"{p.where}：{p.message}", file=file, rule=p.rule) for p in exc.problems]
    return ValidationError(problems, summary="问卷定义有误，未保存")


def _form_problems(findings: list[R.FormFinding]) -> list[Problem]:
    """Findings as Problems: ``field`` is the question's column ("Q3"), which the message names."""
    return [Problem(f.message, field=f.field, rule=f.rule) for f in findings]


def _refused_form(respondent: int | None, findings: list[R.FormFinding], what: str = "问卷有误，未保存") -> ValidationError:
    lead = f"问卷编号 {respondent}：" if respondent is not None else ""
    return ValidationError(_form_problems(findings), summary=lead + what)


def _entry_problem(entry: int) -> None:
    if entry not in ENTRY_LABELS:
        raise ValidationError.single(f"录入遍数应为 1 或 2，收到 {entry}")


def _survey_row(session: Session, survey_id: int) -> Survey:
    if isinstance(survey_id, bool) or not isinstance(survey_id, int) or record_id_problem(survey_id):
        raise NotFound(f"没有编号为 {survey_id} 的问卷")
    row = session.get(Survey, survey_id)
    if row is None:
        raise NotFound(f"没有编号为 {survey_id} 的问卷")
    return row


@dataclass
class _Counted:
    forms: list[tuple[int, str | None, dict[str, str]]] = field(default_factory=list)  # respondent, group, answers
    state: DoubleEntryState | None = None


def _count(session: Session, survey_id: int, q: R.Questionnaire) -> _Counted:
    """The forms that count and the double-entry state (see the module's note on what counts)."""
    rows = session.execute(
        select(SurveyForm.respondent, SurveyForm.entry, SurveyForm.group_name, SurveyForm.answers)
        .where(SurveyForm.survey_id == survey_id).order_by(SurveyForm.respondent, SurveyForm.entry)).all()
    first: dict[int, tuple[str | None, dict]] = {}
    second: dict[int, tuple[str | None, dict]] = {}
    for respondent, entry, group, answers in rows:
        (first if entry == 1 else second)[respondent] = (group, answers or {})
    out = _Counted()
    if not second:
        out.forms = [(r, g, a) for r, (g, a) in first.items()]
        out.state = DoubleEntryState(False, [], [], [], len(out.forms))
        return out
    decisions: dict[tuple[int, str], SurveyAdjudication] = {
        (a.respondent, a.field): a for a in session.execute(
            select(SurveyAdjudication).where(SurveyAdjudication.survey_id == survey_id)).scalars()}
    discrepancies: list[Discrepancy] = []
    for respondent in sorted(set(first) & set(second)):
        f1 = R.form_fields(q, *first[respondent])
        f2 = R.form_fields(q, *second[respondent])
        merged = dict(f1)
        settled = True
        for name in R.differing_fields(q, f1, f2):
            d = decisions.get((respondent, name))
            applies = d is not None and d.first == f1.get(name, "") and d.second == f2.get(name, "")
            base = name.split("_", 1)[0]
            question = int(base[1:]) if base.startswith("Q") else None
            discrepancies.append(Discrepancy(respondent, name, question, f1.get(name, ""), f2.get(name, ""),
                                             d.value if applies else None))
            if applies:
                merged[name] = d.value
            else:
                settled = False
        if settled:
            group, answers = R.fields_to_form(merged)
            out.forms.append((respondent, group, answers))
    out.state = DoubleEntryState(True, discrepancies, sorted(set(first) - set(second)),
                                 sorted(set(second) - set(first)), len(out.forms))
    return out


class SurveyService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- surveys -----------------------------------------------------------------------------------
    def create(self, doc: Mapping[str, Any], *, template: str | None = None, file: str | None = None) -> SurveyData:
        try:
            q = R.parse_questionnaire(doc)
        except R.DefinitionError as exc:
            raise _definition_refused(exc, file) from None
        with self.ctx.write("survey.create", target_type="survey", permission="survey.edit") as w:
            row = Survey(title=q.title, template=template, definition=q.to_json(), created_by=self.ctx.actor.name,
                         updated_by=self.ctx.actor.name)
            w.session.add(row)
            w.session.flush()
            w.target_id = str(row.id)
            w.detail = {"title": q.title, "questions": len(q.questions), "template": template}
            return _survey_data(row)

    def update(self, survey_id: int, doc: Mapping[str, Any], *, expected_version: int | None = None,
               file: str | None = None) -> SurveyData:
        """The questionnaire replaced by ``doc`` (the survey file format). Before any form is typed
        anything may change; once forms exist only the wording may (``R.structure_changes``): a
        change of questions, types, options or skips is refused naming each change, nothing written.
        ``expected_version``: the version the editor read (RecordChanged otherwise)."""
        try:
            q = R.parse_questionnaire(doc)
        except R.DefinitionError as exc:
            raise _definition_refused(exc, file) from None
        with self.ctx.write("survey.update", target_type="survey", target_id=str(survey_id),
                            permission="survey.edit") as w:
            s = w.session
            row = _survey_row(s, survey_id)
            check_version(row, expected_version)
            old = _questionnaire(row)
            typed = s.execute(select(func.count()).where(SurveyForm.survey_id == survey_id)).scalar_one()
            changes = R.structure_changes(old, q)
            if typed and changes:
                raise ValidationError(
                    [Problem(f"不能改动{c}", file=file, rule="survey_structure") for c in changes],
                    summary=f"问卷“{old.title}”已录入 {typed} 份答卷，只能修改文字（标题、题目和选项的说法），未保存")
            row.title = q.title
            row.definition = q.to_json()
            row.updated_by = self.ctx.actor.name
            s.flush()
            w.detail = {"title": q.title, "questions": len(q.questions), "forms": typed, "changes": changes}
            return _survey_data(row)

    def create_from_template(self, template_id: str) -> SurveyData:
        return self.create(load_survey_template(template_id), template=template_id)

    def create_from_file(self, path: str | Path) -> SurveyData:
        from ..exchange.json_input import read_document

        doc = read_document(path, what="问卷文件")
        return self.create(doc, file=Path(path).name)

    def list(self) -> list[SurveySummary]:
        with self.ctx.read() as s:
            surveys = s.execute(select(Survey).order_by(Survey.id)).scalars().all()
            out = []
            for row in surveys:
                q = _questionnaire(row)
                n1, n2 = (s.execute(select(func.count()).where(SurveyForm.survey_id == row.id,
                                                               SurveyForm.entry == e)).scalar_one() for e in (1, 2))
                counted = n1 if not n2 else len(_count(s, row.id, q).forms)
                out.append(SurveySummary(row.id, q.title, q.target, len(q.questions), n1, n2, counted,
                                         row.created_by, row.created_at))
            return out

    def get(self, survey_id: int) -> SurveyData:
        with self.ctx.read() as s:
            return _survey_data(_survey_row(s, survey_id))

    # --- forms -------------------------------------------------------------------------------------
    def forms(self, survey_id: int, entry: int = 1) -> list[FormData]:
        _entry_problem(entry)
        with self.ctx.read() as s:
            _survey_row(s, survey_id)
            rows = s.execute(select(SurveyForm).where(SurveyForm.survey_id == survey_id, SurveyForm.entry == entry)
                             .order_by(SurveyForm.respondent)).scalars()
            return [_form_data(r) for r in rows]

    def form(self, survey_id: int, respondent: int, entry: int = 1) -> FormData | None:
        _entry_problem(entry)
        with self.ctx.read() as s:
            _survey_row(s, survey_id)
            row = s.execute(select(SurveyForm).where(SurveyForm.survey_id == survey_id,
                                                     SurveyForm.respondent == respondent,
                                                     SurveyForm.entry == entry)).scalar()
            return _form_data(row) if row else None

    def check_form(self, survey_id: int, answers: Mapping[str, Any]) -> R.CheckedForm:
        """The findings a form would be refused with, without saving (for the entry screen)."""
        return R.check_form(self.get(survey_id).questionnaire, answers)

    def save_form(self, survey_id: int, respondent: Any, answers: Mapping[str, Any], *, group: Any = None,
                  entry: int = 1, correct: bool = False, expected_version: int | None = None) -> FormData:
        _entry_problem(entry)
        number, finding = R.respondent_number(respondent)
        group_text, group_finding = R.group_name(group)
        with self.ctx.write("survey.form.correct" if correct else "survey.form.add", target_type="survey",
                            target_id=str(survey_id), permission="survey.edit") as w:
            s = w.session
            survey = _survey_row(s, survey_id)
            q = _questionnaire(survey)
            checked = R.check_form(q, answers)
            findings = [f for f in (finding, group_finding) if f] + checked.findings
            if findings:
                raise _refused_form(number, findings)
            row = s.execute(select(SurveyForm).where(SurveyForm.survey_id == survey_id,
                                                     SurveyForm.respondent == number,
                                                     SurveyForm.entry == entry)).scalar()
            if row is not None and not correct:
                raise ValidationError([Problem(f"问卷编号 {number} 已经录入过（{ENTRY_LABELS[entry]}）；要修改请打开该份问卷更正",
                                               field="respondent", rule="duplicate_respondent")],
                                      summary="问卷有误，未保存")
            if row is None:
                row = SurveyForm(survey_id=survey_id, respondent=number, entry=entry)
                s.add(row)
            else:
                check_version(row, expected_version)
            row.group_name = group_text
            row.answers = checked.answers
            row.entered_by = self.ctx.actor.name
            row.updated_by = self.ctx.actor.name
            row.entered_at = utcnow()
            s.flush()
            w.detail = {"respondent": number, "entry": entry, "fields": sorted(checked.answers)}
            return _form_data(row)

    def delete_form(self, survey_id: int, respondent: int, entry: int = 1) -> None:
        _entry_problem(entry)
        with self.ctx.write("survey.form.delete", target_type="survey", target_id=str(survey_id),
                            permission="survey.edit") as w:
            _survey_row(w.session, survey_id)
            row = w.session.execute(select(SurveyForm).where(SurveyForm.survey_id == survey_id,
                                                             SurveyForm.respondent == respondent,
                                                             SurveyForm.entry == entry)).scalar()
            if row is None:
                raise NotFound(f"问卷 {survey_id} 中没有编号为 {respondent} 的{ENTRY_LABELS[entry]}")
            w.session.delete(row)
            w.detail = {"respondent": respondent, "entry": entry}

    def import_forms(self, survey_id: int, path: str | Path, *, entry: int = 1) -> ImportSummary:
        from ..exchange.survey_import import read_forms

        _entry_problem(entry)
        survey = self.get(survey_id)
        limits = self._limits()
        parsed = read_forms(path, survey.questionnaire, limits)  # raises with every bad row
        file = Path(path).name
        with self.ctx.write("survey.import", target_type="survey", target_id=str(survey_id),
                            permission="survey.edit") as w:
            s = w.session
            _survey_row(s, survey_id)
            existing = set(s.execute(select(SurveyForm.respondent).where(SurveyForm.survey_id == survey_id,
                                                                         SurveyForm.entry == entry)).scalars())
            clashes = [Problem(f"问卷编号 {f.respondent} 已经录入过（{ENTRY_LABELS[entry]}），不能重复导入",
                               file=file, row=f.row, field="respondent", rule="duplicate_respondent")
                       for f in parsed if f.respondent in existing]
            if clashes:
                raise ValidationError(clashes, summary=f"{file} 有 {len(clashes)} 行有误，未导入任何内容")
            now, who = utcnow(), self.ctx.actor.name
            # one executemany (5,000 forms): the ORM's unit of work would build an object per form
            s.execute(insert(SurveyForm), [
                {"survey_id": survey_id, "respondent": f.respondent, "entry": entry, "group_name": f.group,
                 "answers": f.answers, "entered_by": who, "entered_at": now, "updated_by": who, "version": 1}
                for f in parsed])
            w.detail = {"file": file, "entry": entry, "forms": len(parsed)}
        return ImportSummary(file, entry, len(parsed))

    def _limits(self):
        from .settings import input_limits

        with self.ctx.read() as s:
            return input_limits(s)

    # --- double entry ------------------------------------------------------------------------------
    def double_entry(self, survey_id: int) -> DoubleEntryState:
        with self.ctx.read() as s:
            q = _questionnaire(_survey_row(s, survey_id))
            state = _count(s, survey_id, q).state
            assert state is not None
            return state

    def adjudicate(self, survey_id: int, respondent: int, decisions: Mapping[str, Any]) -> None:
        """Decide differing fields of one form (``{"Q3": "B", "group": "3组"}``); the form the
        decided values make with the agreed ones must be valid. Deciding a field that does not
        differ is refused."""
        with self.ctx.write("survey.adjudicate", target_type="survey", target_id=str(survey_id),
                            permission="survey.adjudicate") as w:
            s = w.session
            q = _questionnaire(_survey_row(s, survey_id))
            rows = {r.entry: r for r in s.execute(select(SurveyForm).where(
                SurveyForm.survey_id == survey_id, SurveyForm.respondent == respondent)).scalars()}
            if set(rows) != {1, 2}:
                raise ValidationError.single(f"问卷编号 {respondent} 还没有两遍录入，无需裁定")
            f1 = R.form_fields(q, rows[1].group_name, rows[1].answers or {})
            f2 = R.form_fields(q, rows[2].group_name, rows[2].answers or {})
            differing = set(R.differing_fields(q, f1, f2))
            problems = [Problem(f"“{k}”两遍录入一致，无需裁定", field=str(k), rule="not_differing")
                        for k in decisions if k not in differing]
            if problems:
                raise ValidationError(problems, summary="裁定有误，未保存")
            old = {a.field: a for a in s.execute(select(SurveyAdjudication).where(
                SurveyAdjudication.survey_id == survey_id, SurveyAdjudication.respondent == respondent)).scalars()}
            merged = dict(f1)
            for name in differing:
                a = old.get(name)
                if a is not None and a.first == f1[name] and a.second == f2[name]:
                    merged[name] = a.value
            chosen: dict[str, str] = {}
            for name, raw in decisions.items():
                if name == "group":
                    text, finding = R.group_name(raw)
                    if finding:
                        raise _refused_form(respondent, [finding], "裁定有误，未保存")
                    chosen[name] = text or ""
                else:
                    chosen[name] = R.cell_text(raw).strip()
            merged.update(chosen)
            group, answers = R.fields_to_form(merged)
            checked = R.check_form(q, answers)
            # only fields still undecided may be missing: the check applies to what is decided
            undecided = {n for n in differing if n not in chosen and not (
                n in old and old[n].first == f1[n] and old[n].second == f2[n])}
            findings = [f for f in checked.findings if f.field not in undecided]
            if findings:
                raise _refused_form(respondent, findings, "裁定后的问卷有误，未保存")
            for name, value in chosen.items():
                value = checked.answers.get(name[1:], value) if name != "group" else value
                a = old.get(name) or SurveyAdjudication(survey_id=survey_id, respondent=respondent, field=name)
                a.first, a.second, a.value = f1[name], f2[name], value
                a.decided_by, a.decided_at = self.ctx.actor.name, utcnow()
                s.add(a)
            w.detail = {"respondent": respondent, "fields": chosen}

    # --- results -----------------------------------------------------------------------------------
    def results(self, survey_id: int) -> SurveyResults:
        with self.ctx.read() as s:
            q = _questionnaire(_survey_row(s, survey_id))
            counted = _count(s, survey_id, q)
            entered = s.execute(select(func.count(func.distinct(SurveyForm.respondent)))
                                .where(SurveyForm.survey_id == survey_id)).scalar_one()
        forms = [a for _, _, a in counted.forms]
        questions = R.tally(q, forms)
        by_group = R.crosstab(q, [(g, a) for _, g, a in counted.forms])
        return SurveyResults(survey_id, q, len(forms), questions, by_group, entered - len(forms))

    def export_results(self, survey_id: int, path: str | Path) -> Path:
        from ..exchange.survey_results_xlsx import write_results_xlsx

        return write_results_xlsx(self.results(survey_id), path)

    # --- to the catalog ----------------------------------------------------------------------------
    def demand(self, survey_id: int) -> list[DemandRow]:
        results = self.results(survey_id)
        with self.ctx.read() as s:
            names = {c: n for c, n in s.execute(select(CatalogItem.code, CatalogItem.name))}
            recorded = {(d.question, d.letter, code): d.action for d, code in s.execute(
                select(SurveyDemand, CatalogItem.code).join(CatalogItem, CatalogItem.id == SurveyDemand.item_id)
                .where(SurveyDemand.survey_id == survey_id))}
        out = []
        for qt in results.questions:
            for o in qt.options:
                if o.item:
                    out.append(DemandRow(qt.no, o.letter, o.label, o.item, names.get(o.item), o.count, o.percent,
                                         o.percent_of_selections, recorded.get((qt.no, o.letter, o.item))))
        return out

    def add_catalog_item(self, survey_id: int, item: Any, *, question: int | None = None, letter: str | None = None,
                         topic: str = "") -> str:
        """A requested topic becomes a new catalog item (``item``: models.services.catalog.ItemData);
        the survey that asked is recorded with it. One transaction, one audit event. Returns the code."""
        from .catalog import insert_item

        with self.ctx.write("survey.demand.add", target_type="survey", target_id=str(survey_id),
                            permission="catalog.edit") as w:
            _survey_row(w.session, survey_id)
            count, percent = self._votes(w.session, survey_id, question, letter)
            row = insert_item(w.session, item, self.ctx.actor.name)
            w.session.add(SurveyDemand(survey_id=survey_id, item_id=row.id, action="added", question=question,
                                       letter=letter, topic=topic or row.name, count=count, percent=percent,
                                       recorded_by=self.ctx.actor.name))
            w.detail = {"item": row.code, "name": row.name, "question": question, "letter": letter,
                        "topic": topic, "count": count}
            return row.code

    def mark_in_demand(self, survey_id: int, code: str, *, question: int | None = None, letter: str | None = None,
                       topic: str = "") -> None:
        """Mark an existing catalog item as asked for by this survey (one audit event)."""
        with self.ctx.write("survey.demand.mark", target_type="survey", target_id=str(survey_id),
                            permission="catalog.edit") as w:
            _survey_row(w.session, survey_id)
            item = w.session.execute(select(CatalogItem).where(CatalogItem.code == code)).scalar()
            if item is None:
                raise NotFound(f"目录中没有编号为“{code}”的事项")
            count, percent = self._votes(w.session, survey_id, question, letter)
            w.session.add(SurveyDemand(survey_id=survey_id, item_id=item.id, action="marked", question=question,
                                       letter=letter, topic=topic or item.name, count=count, percent=percent,
                                       recorded_by=self.ctx.actor.name))
            w.detail = {"item": code, "question": question, "letter": letter, "count": count}

    def _votes(self, session: Session, survey_id: int, question: int | None, letter: str | None) -> tuple[int, str]:
        if question is None:
            return 0, ""
        q = _questionnaire(_survey_row(session, survey_id))
        qq = q.question(question)
        if qq is None or (letter is not None and qq.option(letter) is None):
            raise ValidationError.single(f"问卷中没有第 {question} 题{'选项 ' + letter if letter else ''}")
        forms = [a for _, _, a in _count(session, survey_id, q).forms]
        tallied = R.tally(R.Questionnaire(q.title, q.questions), forms)[question - 1]
        if letter is None:
            return tallied.answered, ""
        o = next(o for o in tallied.options if o.letter == letter)
        return o.count, o.percent


def demanded_items(ctx: ServiceContext) -> dict[str, list[str]]:
    """Catalog code → the titles of the surveys that asked for it (for the catalog page)."""
    with ctx.read() as s:
        out: dict[str, list[str]] = {}
        for code, title in s.execute(select(CatalogItem.code, Survey.title)
                                     .join(SurveyDemand, SurveyDemand.item_id == CatalogItem.id)
                                     .join(Survey, Survey.id == SurveyDemand.survey_id)):
            out.setdefault(code, []).append(title)
        return out
