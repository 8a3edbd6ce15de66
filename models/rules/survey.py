"""Opinion surveys (民意调查): the questionnaire, what a valid form is, skips and tallies — pure.

No database, no files, no Qt: the service (models.services.surveys), the import, the GUI's entry
screen and the printer all ask this module, so a rule lives here once.

A questionnaire (``Questionnaire``) is read from the survey file format of cli.md ("Surveys") by
:func:`parse_questionnaire`; options are lettered A, B, C … in order. Question types:

- ``single``   one letter;                     ``rating``  a scale, answered like ``single``;
- ``multiple`` several letters ("ACD"), at most ``max`` when given;
- ``number``   a number (Decimal, ≥ 0);        ``text``    free text.

An option may be "其他（请注明）" (``other``: its text goes in ``Qn_other``), "说不清" (``dont_know``)
and, in a 公开需求 question, linked to a catalog item (``item``: the item's code).

A form's answers are kept as the *cell texts* of the import format: ``{"1": "B", "2": "ACD",
"3": "12", "4": "…", "2_other": "…"}`` (keys are question numbers as strings, ``N_other`` for an
other-text; blank/missing = not answered). :func:`normalize_cell` makes a cell canonical (letters
upper-case, half-width, sorted and de-duplicated for multiple choice), so two entries of the same
paper compare field by field as text (double entry) and store as JSON unchanged.

Skip rules: ``skip: [{"if": ["B","C"], "to": 6}]`` — an answer holding any listed letter sends the
respondent to question 6, and the questions in between must stay blank; ``"if": "*"`` applies after
any answer ("问完跳问 Q7"); ``"to": "end"`` ends the form. The first matching rule of a question
wins. A question on the respondent's path that is ``required`` must be answered; a skipped one must
be blank (:func:`path_of`, :func:`validate_form`).

Tallies (:func:`tally`): for each question, ``answered`` = respondents who answered it (the base of
``percent``); for multiple choice also ``selections`` = letters chosen in all (the base of
``percent_of_selections``, what published sheets often use: 50 of 226 selections = 22.12%).
Percentages are strings with two decimals, rounded half-up; every option is listed, zero counts too;
"其他" texts are listed as typed (masking happens at printing, as for every notice).

Findings (:class:`FormFinding`) name the question (``field`` "Q3", "Q3_other", "respondent",
"group"), the rule and a Chinese message; the import adds the file row.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cached_property, lru_cache
from typing import Any

from .limits import MAX_NAME_CHARS, MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, number_size_problem
from .personal_numbers import find_personal_numbers
from .text import free_text_problem, name_problem, normalize_free_text, normalize_name

QUESTION_TYPES: dict[str, str] = {
    "single": "单选", "multiple": "多选", "rating": "评分", "number": "数字", "text": "文字",
}
CHOICE_TYPES = ("single", "multiple", "rating")
TARGETS = ("全体村民", "户代表", "特定群体")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
END = "end"  # a skip's "to" that ends the form
ANY = "*"  # a skip's "if" that applies after any answer
MAX_QUESTIONS = 200
MAX_RESPONDENT = 999_999
NO_GROUP = "（未填小组）"  # the cross-tab's column for forms without a 村民小组

# Rules a finding names (the key tests and the GUI use; the message is what people read).
RULES = {
    "required": "必答题未填", "unknown_option": "选项不存在", "over_max": "超过最多可选项数",
    "single_many": "单选题选了多项", "skip": "应跳过的题填了答案", "number": "不是有效数字",
    "other_text": "“其他”说明与选项不符", "text": "文字不能保存", "respondent": "问卷编号有误",
    "duplicate_respondent": "问卷编号重复", "group": "村民小组有误", "personal": "含姓名或证件号码",
    "unknown_question": "没有这一题",
}


# --- the questionnaire ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    letter: str
    label: str
    other: bool = False  # "其他（请注明）": the respondent writes a text
    dont_know: bool = False  # "说不清 / 不清楚"
    item: str | None = None  # a catalog item's code (公开需求)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label}
        if self.other:
            d["other"] = True
        if self.dont_know:
            d["dont_know"] = True
        if self.item:
            d["item"] = self.item
        return d


@dataclass(frozen=True)
class SkipRule:
    when: tuple[str, ...] | str  # letters, or ANY
    to: int | str  # a later question's number, or END

    def matches(self, cell: str) -> bool:
        if not cell:
            return False
        return self.when == ANY or any(letter in cell for letter in self.when)

    @property
    def to_text(self) -> str:
        return "结束" if self.to == END else f"第 {self.to} 题"

    def instruction(self) -> str:
        """How the paper form prints it: "选 B 或 C 跳到第 6 题" / "答完跳到第 7 题"."""
        target = "结束问卷" if self.to == END else f"跳到第 {self.to} 题"
        if self.when == ANY:
            return f"答完{target}"
        return f"选 {' 或 '.join(self.when)} {target}"

    def to_json(self) -> dict[str, Any]:
        return {"if": ANY if self.when == ANY else list(self.when), "to": self.to}


@dataclass(frozen=True)
class Question:
    no: int
    text: str
    type: str
    required: bool = True
    max: int | None = None  # multiple choice: at most this many letters
    options: tuple[Option, ...] = ()
    skip: tuple[SkipRule, ...] = ()

    @property
    def key(self) -> str:
        return str(self.no)

    @property
    def field(self) -> str:
        return f"Q{self.no}"

    @property
    def is_choice(self) -> bool:
        return self.type in CHOICE_TYPES

    @cached_property
    def letters(self) -> str:
        return "".join(o.letter for o in self.options)

    @cached_property
    def _canonical(self) -> frozenset[str]:
        """Cells already canonical for a single/rating question (its letters): the import's fast path."""
        return frozenset(self.letters) if self.type != "multiple" else frozenset()

    @property
    def other_option(self) -> Option | None:
        return next((o for o in self.options if o.other), None)

    def option(self, letter: str) -> Option | None:
        return next((o for o in self.options if o.letter == letter), None)

    @property
    def type_label(self) -> str:
        return QUESTION_TYPES[self.type]

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"no": self.no, "text": self.text, "type": self.type, "required": self.required,
                             "max": self.max}
        if self.options:
            d["options"] = [o.to_json() for o in self.options]
        if self.skip:
            d["skip"] = [s.to_json() for s in self.skip]
        return d


@dataclass(frozen=True)
class Questionnaire:
    title: str
    questions: tuple[Question, ...]
    purpose: str = ""
    target: str = "全体村民"
    period: str = ""

    def question(self, no: int) -> Question | None:
        if 1 <= no <= len(self.questions):
            return self.questions[no - 1]
        return None

    @cached_property
    def cell_keys(self) -> dict[str, tuple[Question, bool]]:
        """"3", "Q3", "q3" → (question 3, False); "3_other", "Q3_other" → (question 3, True)."""
        out: dict[str, tuple[Question, bool]] = {}
        for q in self.questions:
            for k in (q.key, q.field, f"q{q.no}"):
                out[k] = (q, False)
                out[f"{k}_other"] = (q, True)
        return out

    @cached_property
    def skippers(self) -> tuple[Question, ...]:
        """The questions that have skip rules, in order (path_of looks at these only)."""
        return tuple(q for q in self.questions if q.skip)

    def fields(self) -> list[str]:
        """Every field of a form in order, as the import's columns name them (double entry compares
        these): group, Q1, Q1_other (when Q1 has an 其他 option), Q2 …"""
        out = ["group"]
        for q in self.questions:
            out.append(q.field)
            if q.other_option is not None:
                out.append(f"{q.field}_other")
        return out

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "purpose": self.purpose, "target": self.target, "period": self.period,
                "questions": [q.to_json() for q in self.questions]}


@dataclass(frozen=True)
class DefinitionProblem:
    """Something wrong with a survey file: ``where`` is "第 3 题" / "第 3 题选项 B" / "标题"."""

    where: str
    message: str
    rule: str = "survey"


class DefinitionError(ValueError):
    def __init__(self, problems: list[DefinitionProblem]):
        self.problems = problems
        super().__init__("\n".join(f"{p.where}：{p.message}" for p in problems))


def _flag(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "1", "是"))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def parse_questionnaire(doc: Mapping[str, Any]) -> Questionnaire:
    """A questionnaire from the survey file format (cli.md); every problem found is raised at once
    (``DefinitionError``), each naming the question and option."""
    problems: list[DefinitionProblem] = []

    def bad(where: str, message: str) -> None:
        problems.append(DefinitionProblem(where, message))

    if not isinstance(doc, Mapping):
        raise DefinitionError([DefinitionProblem("问卷", "问卷文件应是一个 JSON 对象（{…}）")])
    title = normalize_name(_text(doc.get("title")))
    if not title:
        bad("标题", "问卷标题不能为空")
    elif len(title) > MAX_TITLE_CHARS:
        bad("标题", f"问卷标题超过 {MAX_TITLE_CHARS} 个字")
    elif (p := name_problem(title, "问卷标题")):
        bad("标题", p)
    purpose = normalize_free_text(_text(doc.get("purpose"))).strip()
    if len(purpose) > MAX_PARAGRAPH_CHARS:
        bad("调查目的", f"超过 {MAX_PARAGRAPH_CHARS} 个字")
    elif (p := free_text_problem(purpose, "调查目的")):
        bad("调查目的", p)
    target = normalize_name(_text(doc.get("target"))) or "全体村民"
    if len(target) > MAX_NAME_CHARS:
        bad("调查对象", f"超过 {MAX_NAME_CHARS} 个字")
    period = normalize_name(_text(doc.get("period")))
    if len(period) > MAX_NAME_CHARS:
        bad("调查时间", f"超过 {MAX_NAME_CHARS} 个字")

    raw_questions = doc.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        bad("题目", "问卷至少要有一道题（questions）")
        raw_questions = []
    if len(raw_questions) > MAX_QUESTIONS:
        bad("题目", f"题目超过 {MAX_QUESTIONS} 道")
        raw_questions = []
    count = len(raw_questions)
    questions: list[Question] = []
    for i, rq in enumerate(raw_questions, start=1):
        where = f"第 {i} 题"
        if not isinstance(rq, Mapping):
            bad(where, "应是一个 JSON 对象")
            continue
        no = rq.get("no", i)
        if no != i or isinstance(no, bool):
            bad(where, f"题号应为 {i}（题号从 1 起连续编排），文件中是 {no!r}")
        text = normalize_free_text(_text(rq.get("text"))).strip()
        if not text:
            bad(where, "题目文字不能为空")
        elif len(text) > MAX_PARAGRAPH_CHARS:
            bad(where, f"题目文字超过 {MAX_PARAGRAPH_CHARS} 个字")
        elif (p := free_text_problem(text, "题目文字")):
            bad(where, p)
        qtype = _text(rq.get("type")).strip()
        if qtype not in QUESTION_TYPES:
            bad(where, f"题型“{qtype}”不存在（应为 {' | '.join(QUESTION_TYPES)}）")
            qtype = "text"
        required = True if rq.get("required") is None else _flag(rq.get("required"))
        options: list[Option] = []
        raw_options = rq.get("options") or []
        if not isinstance(raw_options, list):
            bad(where, "选项（options）应是一个列表")
            raw_options = []
        if qtype in CHOICE_TYPES:
            if len(raw_options) < 2:
                bad(where, f"{QUESTION_TYPES[qtype]}题至少要有两个选项")
            if len(raw_options) > len(LETTERS):
                bad(where, f"选项超过 {len(LETTERS)} 个（A–Z）")
                raw_options = raw_options[: len(LETTERS)]
        elif raw_options:
            bad(where, f"{QUESTION_TYPES[qtype]}题不能有选项")
            raw_options = []
        for letter, ro in zip(LETTERS, raw_options, strict=False):
            owhere = f"{where}选项 {letter}"
            if isinstance(ro, str):
                ro = {"label": ro}
            if not isinstance(ro, Mapping):
                bad(owhere, "应是一个 JSON 对象（{\"label\": …}）")
                continue
            label = normalize_name(_text(ro.get("label")))
            if not label:
                bad(owhere, "选项文字不能为空")
            elif len(label) > MAX_TEXT_CHARS:
                bad(owhere, f"选项文字超过 {MAX_TEXT_CHARS} 个字")
            elif (p := name_problem(label, "选项文字")):
                bad(owhere, p)
            item = normalize_name(_text(ro.get("item"))) or None
            options.append(Option(letter, label, other=_flag(ro.get("other")),
                                  dont_know=_flag(ro.get("dont_know")), item=item))
        if sum(o.other for o in options) > 1:
            bad(where, "只能有一个“其他（请注明）”选项")
        maximum = rq.get("max")
        if maximum is not None:
            if qtype != "multiple":
                bad(where, "只有多选题可以规定最多选几项（max）")
                maximum = None
            elif isinstance(maximum, bool) or not isinstance(maximum, int) or not 1 <= maximum <= len(options):
                bad(where, f"最多可选项数（max）应为 1 到 {len(options)} 之间的整数")
                maximum = None
        skips: list[SkipRule] = []
        raw_skip = rq.get("skip") or []
        if not isinstance(raw_skip, list):
            bad(where, "跳问规则（skip）应是一个列表")
            raw_skip = []
        for rs in raw_skip:
            if not isinstance(rs, Mapping):
                bad(where, "跳问规则应是 {\"if\": [...], \"to\": 题号}")
                continue
            when_raw, to = rs.get("if"), rs.get("to")
            when: tuple[str, ...] | str
            if when_raw == ANY:
                when = ANY
            else:
                if isinstance(when_raw, str):
                    when_raw = list(when_raw)
                if not isinstance(when_raw, list) or not when_raw:
                    bad(where, "跳问规则的条件（if）应是选项字母的列表，或 \"*\"（答完即跳）")
                    continue
                if qtype not in CHOICE_TYPES:
                    bad(where, f"{QUESTION_TYPES[qtype]}题的跳问只能是答完即跳（\"if\": \"*\"）")
                    continue
                letters = [normalize_cell_letters(_text(x)) for x in when_raw]
                unknown = [x for x in letters if len(x) != 1 or x not in LETTERS[: len(options)]]
                if unknown:
                    bad(where, f"跳问条件中的选项 {'、'.join(map(str, when_raw))} 不存在"
                               f"（本题选项为 {LETTERS[: len(options)] or '无'}）")
                    continue
                when = tuple(dict.fromkeys(letters))
            if to == END:
                skips.append(SkipRule(when, END))
            elif isinstance(to, bool) or not isinstance(to, int) or not i < to <= count:
                bad(where, f"跳问目标（to）应是后面的题号（{i + 1}–{count}）或 \"end\"，文件中是 {to!r}")
            else:
                skips.append(SkipRule(when, to))
        questions.append(Question(i, text, qtype, required, maximum, tuple(options), tuple(skips)))
    if problems:
        raise DefinitionError(problems)
    return Questionnaire(title, tuple(questions), purpose, target, period)


@lru_cache(maxsize=64)
def _parse_stored(text: str) -> Questionnaire:
    return parse_questionnaire(json.loads(text))


def stored_questionnaire(definition: Mapping[str, Any]) -> Questionnaire:
    """The questionnaire of a stored definition, parsed once per distinct definition (every save
    and every count reads it; the parse is the cost of a few hundred dict lookups each time)."""
    return _parse_stored(json.dumps(definition, ensure_ascii=False, sort_keys=True))


def structure_changes(old: Questionnaire, new: Questionnaire) -> list[str]:
    """What differs between two versions of a questionnaire beyond its wording, each as a phrase
    ("第 3 题的题型（单选 → 多选）"). Forms already typed are cells keyed by question number and option
    letter: once there are forms, only the wording — title, purpose, target, period, question texts,
    option labels, catalog links — may change; anything here would change what the typed cells mean."""
    found: list[str] = []
    if len(old.questions) != len(new.questions):
        found.append(f"题目数（{len(old.questions)} → {len(new.questions)}）")
    for a, b in zip(old.questions, new.questions, strict=False):  # a count change is named above
        where = f"第 {a.no} 题"
        if a.type != b.type:
            found.append(f"{where}的题型（{a.type_label} → {b.type_label}）")
            continue
        if len(a.options) != len(b.options):
            found.append(f"{where}的选项个数（{len(a.options)} → {len(b.options)}）")
        else:
            for x, y in zip(a.options, b.options, strict=True):
                if (x.other, x.dont_know) != (y.other, y.dont_know):
                    found.append(f"{where}选项 {x.letter} 的性质（“其他”或“说不清”）")
        if a.required != b.required:
            found.append(f"{where}是否必答")
        if a.max != b.max:
            found.append(f"{where}最多可选几项（{a.max or '不限'} → {b.max or '不限'}）")
        if a.skip != b.skip:
            found.append(f"{where}的跳问规则")
    return found


# --- cells: what one answer looks like ---------------------------------------------------------------


_SPACES = re.compile(r"[\s,，、;；/|+]+")


def normalize_cell_letters(value: str) -> str:
    """Letters as typed ("a c", "Ａ、Ｃ") → "AC" (half-width, upper-case, separators dropped)."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", value)).upper()


@dataclass(frozen=True)
class FormFinding:
    """One problem with one form: ``field`` is "Q3", "Q3_other", "respondent" or "group"."""

    field: str
    rule: str
    message: str
    question: int | None = None

    def located(self) -> str:
        if self.question is not None:
            return f"第 {self.question} 题：{self.message}"
        return self.message


def cell_text(value: Any) -> str:
    """Any cell value (import, JSON, typed) as text: None → "", 3.0 → "3", Decimal kept exact."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return str(value)


def normalize_cell(question: Question, raw: Any) -> tuple[str, FormFinding | None]:
    """The canonical cell text of an answer to ``question`` and the finding that refuses it, if any.
    Choice letters are upper-cased, half-width; multiple choice sorted ("CA" → "AC"); a digit key
    is not a letter here (the entry screen maps digits through :func:`letter_for_key`)."""
    if raw.__class__ is str and raw in question._canonical:  # "B" for a single choice: already canonical
        return raw, None
    text = cell_text(raw).strip()
    f = question.field
    if not text:
        return "", None
    if question.is_choice:
        letters = normalize_cell_letters(text)
        valid = question.letters
        unknown = [c for c in dict.fromkeys(letters) if c not in valid]
        if unknown:
            return letters, FormFinding(f, "unknown_option",
                                        f"选项“{''.join(unknown)}”不存在（本题选项为 {valid}）", question.no)
        if question.type != "multiple":
            if len(letters) > 1:
                return letters, FormFinding(f, "single_many", f"{question.type_label}题只能选一项，填了“{letters}”",
                                            question.no)
            return letters, None
        chosen = letters if len(letters) == 1 else "".join(sorted(set(letters), key=valid.index))
        if question.max is not None and len(chosen) > question.max:
            return chosen, FormFinding(f, "over_max", f"最多选 {question.max} 项，选了 {len(chosen)} 项（{chosen}）",
                                       question.no)
        return chosen, None
    if question.type == "number":
        number = unicodedata.normalize("NFKC", text).replace(",", "")
        try:
            value = Decimal(number) if len(number) <= 40 else None
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or value < 0:
            return text, FormFinding(f, "number", f"“{text[:20]}”不是有效数字（应为 0 或正数）", question.no)
        if (p := number_size_problem(value, f"第 {question.no} 题")):
            return text, FormFinding(f, "number", p, question.no)
        return cell_text(value), None
    clean = normalize_free_text(text).strip()
    if len(clean) > MAX_TEXT_CHARS:
        return clean, FormFinding(f, "text", f"文字超过 {MAX_TEXT_CHARS} 个字", question.no)
    if (p := free_text_problem(clean, "回答")):
        return clean, FormFinding(f, "text", p, question.no)
    return clean, None


def letter_for_key(question: Question, key: str) -> str | None:
    """The option a key selects on the entry screen: a letter, or a digit 1–9 for the n-th option."""
    k = normalize_cell_letters(key)
    if len(k) != 1:
        return None
    if k.isdigit() and k != "0":
        n = int(k)
        return question.options[n - 1].letter if n <= len(question.options) else None
    return k if k in question.letters else None


def respondent_number(raw: Any) -> tuple[int | None, FormFinding | None]:
    """The form's number (1 … 999999; "001" is 1). A name or an ID number is refused: the survey is
    anonymous by design."""
    text = unicodedata.normalize("NFKC", cell_text(raw)).strip()
    if not text:
        return None, FormFinding("respondent", "respondent", "问卷编号不能为空")
    if find_personal_numbers(text) or (text.isdigit() and len(text) >= 15):
        return None, FormFinding("respondent", "personal", "问卷编号像是身份证号或银行卡号：问卷是匿名的，只填问卷编号")
    if not text.isdigit():
        return None, FormFinding("respondent", "respondent",
                                 f"问卷编号“{text[:20]}”应是 1 到 {MAX_RESPONDENT} 的数字（不填姓名）")
    n = int(text)
    if not 1 <= n <= MAX_RESPONDENT:
        return None, FormFinding("respondent", "respondent", f"问卷编号应在 1 到 {MAX_RESPONDENT} 之间，填了 {text}")
    return n, None


def group_name(raw: Any) -> tuple[str | None, FormFinding | None]:
    """The optional 村民小组 ("3组", "第三村民小组"); an ID number in it is refused."""
    text = normalize_name(cell_text(raw))
    if not text:
        return None, None
    if len(text) > MAX_NAME_CHARS:
        return None, FormFinding("group", "group", f"村民小组超过 {MAX_NAME_CHARS} 个字")
    if (p := name_problem(text, "村民小组")):
        return None, FormFinding("group", "group", p)
    if find_personal_numbers(text):
        return None, FormFinding("group", "personal", "村民小组一栏含有身份证号或电话号码：问卷是匿名的")
    return text, None


# --- the path through a form: skips --------------------------------------------------------------------


@dataclass(frozen=True)
class SkippedBy:
    question: int  # the question whose answer skipped
    rule: SkipRule


def path_of(questionnaire: Questionnaire, answers: Mapping[str, str]) -> dict[int, SkippedBy]:
    """The questions the answers skip, each with the answer and rule that skipped it. Answers are
    canonical cells keyed by question number as text. A skipped question's own skip rules do not
    apply (it must be blank)."""
    skipped: dict[int, SkippedBy] = {}
    n = len(questionnaire.questions)
    on_path_from = 1  # the first question not skipped by an earlier answer
    for q in questionnaire.skippers:
        if q.no < on_path_from:
            continue  # skipped itself: its rules do not apply
        cell = answers.get(q.key, "")
        if not cell:
            continue
        rule = next((r for r in q.skip if r.matches(cell)), None)
        if rule is None:
            continue
        stop = n + 1 if rule.to == END else int(rule.to)
        by = SkippedBy(q.no, rule)
        for k in range(q.no + 1, stop):
            skipped[k] = by
        on_path_from = stop
    return skipped


def next_question(questionnaire: Questionnaire, answers: Mapping[str, str], current: int) -> int | None:
    """Where Enter goes after ``current`` (the entry screen): the next question on the path, or None
    at the end of the form."""
    skipped = path_of(questionnaire, answers)
    for no in range(current + 1, len(questionnaire.questions) + 1):
        if no not in skipped:
            return no
    return None


def blanked(questionnaire: Questionnaire, answers: Mapping[str, str]) -> dict[str, str]:
    """``answers`` with every skipped question (and its 其他 text) removed: what the entry screen
    keeps when an answer sends the form past questions already typed."""
    skipped = path_of(questionnaire, answers)
    out = {}
    for k, v in answers.items():
        base = k.split("_", 1)[0]
        if base.isdigit() and int(base) in skipped:
            continue
        out[k] = v
    return out


# --- one form ----------------------------------------------------------------------------------------


@dataclass
class CheckedForm:
    """A form's canonical cells and what is wrong with it (empty ``findings`` = may be saved)."""

    answers: dict[str, str]
    findings: list[FormFinding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def check_form(questionnaire: Questionnaire, raw: Mapping[str, Any]) -> CheckedForm:
    """Normalise and validate one form's answers (``raw`` keyed "1", "1_other", … or "Q1",
    "Q1_other"). Every finding is collected: unknown option, single choice with several letters,
    over the maximum, a bad number, a skipped question answered, a required one missing, an "其他"
    text without the 其他 option, text that cannot be stored."""
    answers: dict[str, str] = {}
    findings: list[FormFinding] = []
    others: dict[int, str] = {}
    keys = questionnaire.cell_keys
    for key, value in raw.items():
        if value is None or value == "":
            continue  # blank: not answered (whatever the column; an unknown blank column says nothing)
        known = keys.get(key)
        if known is not None:  # the common case: "3", "Q3", "3_other" of a question that exists
            q, is_other = known
            if not is_other:
                cell, finding = normalize_cell(q, value)
                if finding is not None:
                    findings.append(finding)
                if cell:
                    answers[q.key] = cell
                continue
        k = str(key).strip()
        if k[:1] in ("Q", "q"):
            k = k[1:]
        base, _, suffix = k.partition("_")
        if not base.isdigit() or (suffix and suffix.lower() != "other"):
            findings.append(FormFinding(str(key), "unknown_question", f"没有“{key}”这一栏"))
            continue
        q = questionnaire.question(int(base))
        if q is None:
            if cell_text(value).strip():
                findings.append(FormFinding(f"Q{base}", "unknown_question",
                                            f"问卷只有 {len(questionnaire.questions)} 道题，没有第 {base} 题"))
            continue
        if suffix:
            text = normalize_free_text(cell_text(value)).strip()
            if text:
                if len(text) > MAX_TEXT_CHARS:
                    findings.append(FormFinding(f"{q.field}_other", "text", f"“其他”说明超过 {MAX_TEXT_CHARS} 个字", q.no))
                elif (p := free_text_problem(text, "“其他”说明")):
                    findings.append(FormFinding(f"{q.field}_other", "text", p, q.no))
                others[q.no] = text
            continue
        cell, finding = normalize_cell(q, value)
        if finding is not None:
            findings.append(finding)
        if cell:
            answers[q.key] = cell
    skipped = path_of(questionnaire, answers)
    for q in questionnaire.questions:
        cell = answers.get(q.key, "")
        if q.no in skipped:
            if cell or q.no in others:
                by = skipped[q.no]
                findings.append(FormFinding(q.field, "skip",
                                            f"应跳过（第 {by.question} 题{by.rule.instruction()}），但填了答案", q.no))
            continue
        if q.required and not cell:
            findings.append(FormFinding(q.field, "required", "必答题未填", q.no))
        other = q.other_option
        if q.no in others:
            if other is None:
                findings.append(FormFinding(f"{q.field}_other", "other_text", "本题没有“其他”选项，不能填“其他”说明", q.no))
            elif other.letter not in cell:
                findings.append(FormFinding(f"{q.field}_other", "other_text",
                                            f"填了“其他”说明，但没有选“其他”（{other.letter}）", q.no))
            else:
                answers[f"{q.key}_other"] = others[q.no]
    findings.sort(key=lambda f: (f.question or 0, f.field))
    return CheckedForm(answers, findings)


# --- double entry ------------------------------------------------------------------------------------


def form_fields(questionnaire: Questionnaire, group: str | None, answers: Mapping[str, str]) -> dict[str, str]:
    """A form as {field: text} over :meth:`Questionnaire.fields` (blank = ""), for comparing entries."""
    out = {"group": group or ""}
    for q in questionnaire.questions:
        out[q.field] = answers.get(q.key, "")
        if q.other_option is not None:
            out[f"{q.field}_other"] = answers.get(f"{q.key}_other", "")
    return out


def fields_to_form(fields: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
    """The inverse of :func:`form_fields`: (group, answers)."""
    answers = {}
    for k, v in fields.items():
        if k == "group" or not v:
            continue
        answers[k[1:]] = v
    return (fields.get("group") or None), answers


def differing_fields(questionnaire: Questionnaire, first: Mapping[str, str], second: Mapping[str, str]) -> list[str]:
    """Fields (in questionnaire order) where two entries' field dicts differ."""
    return [f for f in questionnaire.fields() if (first.get(f) or "") != (second.get(f) or "")]


# --- tallies ---------------------------------------------------------------------------------------


_HUNDREDTH = Decimal("0.01")


def percent_text(count: int, base: int) -> str:
    """count / base as a percentage with two decimals, rounded half-up ("88.33"); "0.00" when the
    base is zero."""
    if base <= 0:
        return "0.00"
    return str((Decimal(count) * 100 / Decimal(base)).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class OptionTally:
    letter: str
    label: str
    count: int
    percent: str  # of respondents who answered the question
    percent_of_selections: str | None  # multiple choice: of all selections
    other: bool = False
    dont_know: bool = False
    item: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"letter": self.letter, "label": self.label, "count": self.count, "percent": self.percent,
                "percent_of_selections": self.percent_of_selections}

    def published(self, *, of_selections: bool = False) -> str:
        """The result sheet's wording: "知道[53票] 88.33%"."""
        pct = self.percent_of_selections if of_selections and self.percent_of_selections is not None else self.percent
        return f"{self.label}[{self.count}票] {pct}%"


@dataclass(frozen=True)
class QuestionTally:
    no: int
    text: str
    type: str
    answered: int  # respondents who answered (the base of percent)
    selections: int  # letters chosen in all (multiple choice); = answered for single/rating
    options: tuple[OptionTally, ...] = ()
    other_texts: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()  # number and text questions: every answer, in respondent order
    total: str | None = None  # number questions: the sum
    mean: str | None = None  # number questions: the mean, 2 decimals
    skipped: int = 0  # respondents whose path skipped the question
    respondents: int = 0  # forms counted in the survey

    @property
    def base_text(self) -> str:
        """The base stated on the result sheet."""
        text = f"答题 {self.answered} 人"
        if self.type == "multiple":
            text += f"，共选 {self.selections} 项"
        if self.skipped:
            text += f"（{self.skipped} 人按跳问未答）"
        return text

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"no": self.no, "text": self.text, "type": self.type, "answered": self.answered,
                             "selections": self.selections, "options": [o.to_json() for o in self.options],
                             "other_texts": list(self.other_texts)}
        if self.type in ("number", "text"):
            d["answers"] = list(self.answers)
        if self.type == "number":
            d["total"], d["mean"] = self.total, self.mean
        return d


def tally(questionnaire: Questionnaire, forms: Iterable[Mapping[str, str]]) -> list[QuestionTally]:
    """Every question's tally over canonical forms (already valid). One pass over the forms."""
    qs = questionnaire.questions
    counts = [dict.fromkeys(q.letters, 0) for q in qs]
    answered = [0] * len(qs)
    selections = [0] * len(qs)
    skipped_n = [0] * len(qs)
    others: list[list[str]] = [[] for _ in qs]
    values: list[list[str]] = [[] for _ in qs]
    respondents = 0
    has_skips = any(q.skip for q in qs)
    for form in forms:
        respondents += 1
        skipped = path_of(questionnaire, form) if has_skips else {}
        for i, q in enumerate(qs):
            cell = form.get(q.key)
            if not cell:
                if q.no in skipped:
                    skipped_n[i] += 1
                continue
            answered[i] += 1
            if q.is_choice:
                c = counts[i]
                for letter in cell:
                    c[letter] += 1
                selections[i] += len(cell)
                other = form.get(f"{q.key}_other")
                if other:
                    others[i].append(other)
            else:
                values[i].append(cell)
    out = []
    for i, q in enumerate(qs):
        opts = tuple(
            OptionTally(o.letter, o.label, counts[i][o.letter], percent_text(counts[i][o.letter], answered[i]),
                        percent_text(counts[i][o.letter], selections[i]) if q.type == "multiple" else None,
                        o.other, o.dont_know, o.item)
            for o in q.options)
        total = mean = None
        if q.type == "number":
            s = sum((Decimal(v) for v in values[i]), Decimal(0))
            total = cell_text(s)
            mean = str((s / len(values[i])).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)) if values[i] else None
        out.append(QuestionTally(q.no, q.text, q.type, answered[i], selections[i] if q.is_choice else answered[i],
                                 opts, tuple(others[i]), tuple(values[i]), total, mean, skipped_n[i], respondents))
    return out


def crosstab(questionnaire: Questionnaire, forms: Iterable[tuple[str | None, Mapping[str, str]]]
             ) -> dict[str, list[QuestionTally]]:
    """Tallies per 村民小组 (forms without one under ``NO_GROUP``), groups in first-seen order."""
    by: dict[str, list[Mapping[str, str]]] = {}
    for group, form in forms:
        by.setdefault(group or NO_GROUP, []).append(form)
    return {g: tally(questionnaire, fs) for g, fs in by.items()}


def demand_items(questionnaire: Questionnaire) -> list[tuple[Question, Option]]:
    """Options linked to catalog items (公开需求), in order."""
    return [(q, o) for q in questionnaire.questions for o in q.options if o.item]

