"""Survey paper: the questionnaire handed to households, and the result notice for the board.

Both are ordinary ``NoticeDocument``s, laid out by the one renderer (fonts with rare-character
fallback, page x/y, footer, the audit chain's head on every page). The result notice passes through
``mask_document`` like every posted notice: a phone or ID number a villager wrote in an "其他" or
free-text answer is masked before paper.

- Questionnaire: title, purpose, a 问卷编号 / 村民小组 field (never a name: the survey is anonymous),
  each question with its type and maximum, a box per option (□ A. 知道), "其他" with a line to
  write on, and each skip instruction (选 C 跳到第 5 题) printed under the question.
- Result notice: every option in the published form "知道[53票] 88.33%", zero votes too, the base
  stated under each question; multiple-choice percentages over the base the clerk picks
  (``base="selections"``, the published default, or ``"respondents"``); "其他" texts and free-text
  answers listed.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from ..rules import survey as R
from .document import Block, Footer, NoticeDocument, Para, PrintOptions, date_cn
from .notices import _accepting_unit, _issuer, _village_line, mask_document
from .settings import PrintSettings

Base = Literal["selections", "respondents"]
BOX = "□"
BASES: dict[str, str] = {"selections": "占选择总数", "respondents": "占答题人数"}


def _type_note(q: R.Question) -> str:
    if "单选" in q.text or "多选" in q.text:  # the question says it already
        return ""
    if q.type == "multiple":
        return f"（可多选{f'，最多选 {q.max} 项' if q.max else ''}）"
    if q.type == "number":
        return "（请填数字）"
    if q.type == "text":
        return "（请填写）"
    return "（单选）"


def questionnaire_document(survey: Any, *, village: Any, settings: PrintSettings | None = None,
                           options: PrintOptions | None = None) -> NoticeDocument:
    """``survey``: models.services.surveys.SurveyData."""
    settings = settings or PrintSettings()
    q: R.Questionnaire = survey.questionnaire
    blocks: list[Block] = []
    if q.purpose:
        blocks.append(Para(q.purpose))
    blocks.append(Para(f"调查对象：{q.target}{'　　调查时间：' + q.period if q.period else ''}", "field"))
    blocks.append(Para("问卷编号：____________　　村民小组：____________（本问卷不记名，请勿填写姓名）", "field"))
    for question in q.questions:
        must = "" if question.required else "（可不答）"
        blocks.append(Para(f"{question.no}. {question.text}{_type_note(question)}{must}", "heading"))
        for o in question.options:
            extra = "：________________________" if o.other else ""
            blocks.append(Para(f"{BOX} {o.letter}. {o.label}{extra}", "plain"))
        if question.type == "number":
            blocks.append(Para("________", "plain"))
        if question.type == "text":
            blocks.append(Para("__________________________________________________", "plain"))
            blocks.append(Para("__________________________________________________", "plain"))
        for rule in question.skip:
            blocks.append(Para(f"→ {rule.instruction()}", "plain"))
    blocks.append(Para("感谢您的参与！", "center"))
    footer = Footer(issuer=_issuer(village, settings))
    return mask_document(NoticeDocument(
        title=q.title, subtitles=[_village_line(village)], blocks=blocks, footer=footer,
        options=options or PrintOptions(), source=f"问卷 {survey.id}《{q.title}》"), settings.public_numbers)


def _option_line(o: R.OptionTally, *, of_selections: bool) -> str:
    return o.published(of_selections=of_selections)


def results_document(results: Any, *, village: Any, settings: PrintSettings | None = None,
                     options: PrintOptions | None = None, base: Base = "selections",
                     today: date | None = None) -> NoticeDocument:
    """``results``: models.services.surveys.SurveyResults."""
    settings = settings or PrintSettings()
    q: R.Questionnaire = results.questionnaire
    of_selections = base == "selections"
    blocks: list[Block] = [Para(
        f"本村开展了“{q.title}”，共收回有效问卷 {results.respondents} 份（调查对象：{q.target}）。"
        f"现将调查结果公布如下。各选项后为票数和百分比；单选题的百分比以答题人数为基数，"
        f"多选题以{'选择总数' if of_selections else '答题人数'}为基数。")]
    for t in results.questions:
        blocks.append(Para(f"{t.no}. {t.text}", "heading"))
        # one line per option: "低保救助[43票] 18.94%" never breaks between its count and percent
        for o in t.options:
            blocks.append(Para(f"{o.letter}. {_option_line(o, of_selections=of_selections)}", "plain"))
        base_text = f"基数：答题 {t.answered} 人"
        if t.type == "multiple":
            base_text += f"，共选 {t.selections} 项；百分比为{BASES[base]}"
        if t.skipped:
            base_text += f"；{t.skipped} 人按跳问未答本题"
        blocks.append(Para(f"（{base_text}）", "plain"))
        if t.other_texts:
            blocks.append(Para("“其他”所填：" + "；".join(t.other_texts), "plain"))
        if t.type == "number" and t.answered:
            blocks.append(Para(f"合计 {t.total}，平均 {t.mean}", "plain"))
        if t.type == "text":
            for text in t.answers:
                blocks.append(Para(f"· {text}", "plain"))
    blocks.append(Para("特此公布。", "body"))
    footer = Footer(phones=tuple(settings.phones), accepting_unit=_accepting_unit(village, settings),
                    issuer=_issuer(village, settings), issue_date=today or date.today())
    return mask_document(NoticeDocument(
        title=f"{q.title}结果公布", subtitles=[_village_line(village), f"公布日期：{date_cn(today or date.today())}"],
        blocks=blocks, footer=footer, options=options or PrintOptions(),
        source=f"问卷 {results.survey_id}《{q.title}》结果"), settings.public_numbers)
