"""The 移送整改 forms: report a fix, send an item back, issue a referral letter, record the feedback, record an
objection and its 复核, open a special rectification. Each saves through its service on a worker and stays
open with the service's message when it is refused (SavingForm); the page refreshes on `accepted`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui import file_dialogs
from ui.dialogs.form_saving import SavingForm, quiet_button
from ui.qt import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from ui.widgets.common import confirm, note
from ui.widgets.file_places import remember_folder, start_folder
from ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace

MAX_TEXT_HEIGHT = 90


def _box(placeholder: str = "", text: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(MAX_TEXT_HEIGHT)
    return box


def _line(text: str = "", placeholder: str = "") -> QLineEdit:
    line = QLineEdit(text)
    line.setPlaceholderText(placeholder)
    return line


def _choices(pairs: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    for code, label in pairs:
        combo.addItem(label, code)
    return combo


class FollowupForm(SavingForm):
    """A form of one step: `fields` maps the service's field names to the widgets that hold them."""

    def __init__(self, ws: OpenWorkspace, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fit_to_screen(self, 620, 480)

    def finish(self, title: str, intro: str, save_text: str) -> None:
        self.form.insertRow(0, note(intro))
        self.lay_out(title, self.form, save_text, self.tr("Cancel"))

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    def text(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def calendar_note(self, _result: Any) -> str:
        """For a deadline the service counted in working days into a year the statutory calendar does not know
        (counted Monday to Friday): the sentence that says so, shown with the saved message; else ""."""
        return ""

    def _focus(self, field: str) -> None:
        widget = self.fields.get(field.split(".")[0])
        if widget is not None:
            widget.setFocus()


def _counted_from(deadline: str | None, start: str | None) -> date | None:
    """The day a deadline given as N working days counts from (`start`, default today); None for a date."""
    from reviewdesk import clock
    from reviewdesk.followup.dates import counts_workdays

    if not counts_workdays(deadline):
        return None
    try:
        return date.fromisoformat(start) if start else clock.now().date()
    except ValueError:
        return None  # the service refuses the date and says why


def _note(counted_from: date | None, deadline: str | None) -> str:
    from reviewdesk.followup.workdays import calendar_note

    if counted_from is None or not deadline:
        return ""
    return calendar_note(counted_from, date.fromisoformat(deadline))


def deadline_hint() -> str:
    from ui.qt import QCoreApplication

    return QCoreApplication.translate("FollowupForms", "a date (2027-01-15) or working days (15个工作日)")


class ReportForm(FollowupForm):
    """登记整改完成: the unit's measures and progress, and its evidence files (stored encrypted)."""

    def __init__(
        self, ws: OpenWorkspace, item_id: int, number: str, person: str, parent: QWidget | None = None
    ):
        super().__init__(ws, self.tr("Record the unit's report"), parent)
        self.item_id = item_id
        self.add("measures", self.tr("Measures taken"), _box(self.tr("what the unit did to fix the problem")))
        self.add("progress", self.tr("Progress"), _box(self.tr("optional")))
        self.add("responsible_person", self.tr("Person responsible"), _line(person))
        self.files = QListWidget()
        self.files.setMaximumHeight(MAX_TEXT_HEIGHT)
        self.fields["evidence"] = self.files
        self.add_files_button = quiet_button(self.tr("Add evidence files…"))
        self.add_files_button.clicked.connect(self.choose_files)
        self.form.addRow(self.tr("Evidence files"), self.files)
        self.form.addRow("", self.add_files_button)
        self.paths: list[Path] = []
        self.finish(
            self.tr("Report of item {number}").format(number=number),
            self.tr(
                "The unit reports the problem fixed. Its evidence (scans, photos, PDFs) is stored encrypted in the "
                "workspace; the original files are not changed."
            ),
            self.tr("Record the report"),
        )

    def choose_files(self) -> None:
        names, _ = file_dialogs.open_files(
            self, self.tr("Evidence files"), str(start_folder("incoming"))
        )
        self.add_paths([Path(n) for n in names])

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
                self.files.addItem(path.name)
        if paths:
            remember_folder("incoming", paths[0])

    def save(self) -> None:
        from reviewdesk.services import rectification

        ws, item_id, paths = self.ws, self.item_id, list(self.paths)
        measures, progress, person = (
            self.text("measures"),
            self.text("progress"),
            self.text("responsible_person"),
        )
        self.save_in_background(
            lambda: rectification.report(ws, item_id, measures, progress, person, evidence=read_files(paths)),
            self.tr("Saving…"),
        )


def read_files(paths: list[Path]) -> list[tuple[str, bytes]]:
    """The evidence files' names and bytes (read on the worker; they go into the encrypted store only)."""
    return [(p.name, p.read_bytes()) for p in paths]


class VerifyForm(FollowupForm):
    def __init__(self, ws: OpenWorkspace, item_id: int, number: str, parent: QWidget | None = None):
        super().__init__(ws, self.tr("Re-check: found fixed"), parent)
        self.item_id = item_id
        self.add("note", self.tr("What the re-check found"), _box(self.tr("optional")))
        self.finish(
            self.tr("Re-check of item {number}").format(number=number),
            self.tr(
                "The re-check (回头看) found the problem fixed. The item can then be closed off; if it later turns out "
                "not fixed, it can still be sent back."
            ),
            self.tr("Record: fixed"),
        )

    def save(self) -> None:
        from reviewdesk.services import rectification

        ws, item_id, text = self.ws, self.item_id, self.text("note")
        self.save_in_background(lambda: rectification.verify(ws, item_id, text), self.tr("Saving…"))


class SendBackForm(FollowupForm):
    """退回整改: the re-check's finding, the reason, and a new deadline."""

    def __init__(self, ws: OpenWorkspace, item_id: int, number: str, parent: QWidget | None = None):
        super().__init__(ws, self.tr("Send back for rectification"), parent)
        self.item_id = item_id
        self.add(
            "finding",
            self.tr("Re-check found"),
            _choices([("not_fixed", self.tr("Not fixed")), ("partly", self.tr("Partly fixed"))]),
        )
        self.add("reason", self.tr("Reason"), _box(self.tr("why the fix is not accepted (required)")))
        self.add("deadline", self.tr("New deadline"), _line("10个工作日", deadline_hint()))
        self.finish(
            self.tr("Send item {number} back").format(number=number),
            self.tr(
                "The unit must fix the problem again by the new deadline; the reason goes into the item's history."
            ),
            self.tr("Send back"),
        )

    def save(self) -> None:
        from reviewdesk.services import rectification

        ws, item_id = self.ws, self.item_id
        reason, deadline, finding = self.text("reason"), self.text("deadline"), self.text("finding")
        self.counted_from = _counted_from(deadline, None)
        self.save_in_background(
            lambda: rectification.send_back(ws, item_id, reason, deadline, finding), self.tr("Saving…")
        )

    def calendar_note(self, result: Any) -> str:
        return _note(self.counted_from, result.deadline)


class LetterForm(FollowupForm):
    """登记移送: issue the 线索移送函's number and record the sending (asked first: the number is permanent)."""

    def __init__(self, ws: OpenWorkspace, referral_id: int, body: str, parent: QWidget | None = None):
        super().__init__(ws, self.tr("Send the referral"), parent)
        self.referral_id = referral_id
        self.add("receiving_body", self.tr("Receiving body"), _line(body))
        self.add("sent_on", self.tr("Date sent"), _line("", self.tr("today when empty (YYYY-MM-DD)")))
        self.add(
            "feedback_deadline",
            self.tr("Feedback deadline"),
            _line("", self.tr("the campaign's default when empty; ") + deadline_hint()),
        )
        self.add("officer", self.tr("Officer in charge"), _line())
        self.finish(
            self.tr("Send referral {id}").format(id=referral_id),
            self.tr(
                "Issues the referral letter's number (once; it cannot be taken back) and starts the feedback "
                "deadline. Print the letter afterwards from the register."
            ),
            self.tr("Issue the number and send"),
        )

    def save(self) -> None:
        confirm(
            self,
            self.tr("Issue the letter number?"),
            self.tr(
                "The referral letter gets its permanent number now and counts as sent. This cannot be undone."
            ),
            self.tr("Issue the number"),
            self._save,
        )

    def _save(self) -> None:
        from reviewdesk.services import referrals

        ws, rid = self.ws, self.referral_id
        body, sent, deadline, officer = (
            self.text(n) or None for n in ("receiving_body", "sent_on", "feedback_deadline", "officer")
        )
        # No deadline given: the campaign's feedback_days, counted from the day sent.
        self.counted_from = _counted_from(deadline or "1 workdays", sent)
        self.save_in_background(
            lambda: referrals.issue_letter(ws, rid, body, sent, deadline, officer), self.tr("Saving…")
        )

    def calendar_note(self, result: Any) -> str:
        return _note(self.counted_from, result.feedback_deadline)


class FeedbackForm(FollowupForm):
    def __init__(self, ws: OpenWorkspace, referral_id: int, parent: QWidget | None = None):
        from ui.models.followup import outcome_label

        super().__init__(ws, self.tr("Record the feedback"), parent)
        self.referral_id = referral_id
        codes = ("investigated", "punished", "not_filed", "other")
        self.add("outcome", self.tr("Outcome"), _choices([(c, outcome_label(c)) for c in codes]))
        self.add(
            "detail", self.tr("Details"), _box(self.tr("which sanction, or what else (required for these)"))
        )
        self.add("feedback_on", self.tr("Feedback date"), _line("", self.tr("today when empty (YYYY-MM-DD)")))
        self.finish(
            self.tr("Feedback on referral {id}").format(id=referral_id),
            self.tr("What the discipline inspection body reported back about the clue."),
            self.tr("Record the feedback"),
        )

    def save(self) -> None:
        from reviewdesk.services import referrals

        ws, rid = self.ws, self.referral_id
        outcome, day, detail = self.text("outcome"), self.text("feedback_on") or None, self.text("detail")
        self.save_in_background(
            lambda: referrals.record_feedback(ws, rid, outcome, day, detail), self.tr("Saving…")
        )


class ObjectionForm(FollowupForm):
    """异议: the unit's objection to a concluded case; late ones need the admission reason."""

    def __init__(
        self, ws: OpenWorkspace, campaign_id: str, cases: list[tuple[int, str]], parent: QWidget | None = None
    ):
        super().__init__(ws, self.tr("Record an objection"), parent)
        self.campaign_id = campaign_id
        self.add("case", self.tr("Case"), _choices([(str(i), text) for i, text in cases]))
        self.add("objector", self.tr("Objector"), _line("", self.tr("the unit or person who objects")))
        self.add("grounds", self.tr("Grounds"), _box(self.tr("the grounds of the objection (required)")))
        self.add("received_on", self.tr("Received on"), _line("", self.tr("today when empty (YYYY-MM-DD)")))
        self.add(
            "delivered_on",
            self.tr("Opinion delivered on"),
            _line("", self.tr("the opinion's date when empty (YYYY-MM-DD)")),
        )
        self.add(
            "admit_reason", self.tr("Why admitted though late"), _box(self.tr("only for a late objection"))
        )
        self.finish(
            self.tr("Objection"),
            self.tr(
                "An objection received after the campaign's objection period is refused unless you say why it is "
                "admitted. The panel's leader then records the re-check."
            ),
            self.tr("Record the objection"),
        )

    def save(self) -> None:
        from reviewdesk.services import objections

        ws, campaign = self.ws, self.campaign_id
        case, objector, grounds = self.text("case"), self.text("objector"), self.text("grounds")
        received, delivered = self.text("received_on") or None, self.text("delivered_on") or None
        admit = self.text("admit_reason") or None
        self.save_in_background(
            lambda: objections.add_objection(
                ws, case, objector, grounds, received, delivered, admit, campaign
            ),
            self.tr("Saving…"),
        )

    def calendar_note(self, result: Any) -> str:
        # The objection period is always counted, from the day the unit received the opinion.
        return _note(_counted_from("1 workdays", result.delivered_on), result.deadline)


class DecideForm(FollowupForm):
    """复核: upheld, or changed with a new outcome and grade (the findings stay those of the conclusion)."""

    def __init__(
        self,
        ws: OpenWorkspace,
        objection_id: int,
        case: str,
        current: tuple[str, str],
        grades: list[str],
        parent: QWidget | None = None,
    ):
        from ui.models.opinions import outcome_label

        super().__init__(ws, self.tr("Record the re-check"), parent)
        self.objection_id = objection_id
        self.current = current
        decision = self.add(
            "decision",
            self.tr("Decision"),
            _choices(
                [("upheld", self.tr("Uphold the conclusion")), ("changed", self.tr("Change the conclusion"))]
            ),
        )
        self.add("reason", self.tr("Reasons"), _box(self.tr("the reasons of the decision (required)")))
        self.add("checked", self.tr("What was checked"), _box(self.tr("optional")))
        outcome = self.add(
            "outcome",
            self.tr("New conclusion"),
            _choices([(c, outcome_label(c)) for c in ("wrong", "flawed", "none")]),
        )
        grade = self.add("grade", self.tr("New grade"), _choices([(g, g) for g in grades]))
        assert (
            isinstance(outcome, QComboBox)
            and isinstance(grade, QComboBox)
            and isinstance(decision, QComboBox)
        )
        outcome.setCurrentIndex(max(0, outcome.findData(current[0])))
        grade.setCurrentIndex(max(0, grade.findData(current[1])))
        decision.currentIndexChanged.connect(lambda _i: self._decision_changed())
        self.finish(
            self.tr("Re-check of the objection to {case}").format(case=case),
            self.tr(
                "The current conclusion is {outcome}, grade {grade}. Changing it records a new conclusion version (the "
                "earlier one is kept) and re-issues the opinion under a new number that replaces the earlier one; the "
                "rectification items of the earlier version are flagged for review."
            ).format(outcome=outcome_label(current[0]), grade=current[1] or "—"),
            self.tr("Record the decision"),
        )
        self._decision_changed()

    def _decision_changed(self) -> None:
        changed = self.text("decision") == "changed"
        for name in ("outcome", "grade"):
            self.fields[name].setEnabled(changed)

    def save(self) -> None:
        confirm(
            self,
            self.tr("Record the re-check decision?"),
            self.tr("The decision is final: the objection cannot be decided again."),
            self.tr("Record the decision"),
            self._save,
        )

    def _save(self) -> None:
        ws, oid = self.ws, self.objection_id
        decision, reason, checked = self.text("decision"), self.text("reason"), self.text("checked")
        outcome, grade = self.text("outcome"), self.text("grade")
        self.save_in_background(
            lambda: decide_objection(ws, oid, decision, reason, checked, outcome, grade), self.tr("Saving…")
        )


def decide_objection(
    ws: OpenWorkspace, objection_id: int, decision: str, reason: str, checked: str, outcome: str, grade: str
) -> Any:
    """The service call of the 复核; a change carries the current conclusion with the new outcome and grade."""
    from reviewdesk.services import deliberation, objections

    if decision != "changed":
        return objections.decide(ws, objection_id, decision, reason, checked)
    view = objections.show_objection(ws, objection_id)
    current = deliberation.deliberation(ws, view.case_id, view.campaign_id).conclusion
    assert current is not None, "an objection is recorded against a concluded case"
    data = deliberation.ConclusionInput(
        outcome=outcome,
        grade=grade or None,
        grade_reason=reason if grade != current.computed_grade else "",
        veto_kept=current.veto_kept,
        findings=[
            deliberation.FindingInput(
                f.category,
                f.description,
                f.evidence_ref,
                f.item_code,
                tuple(f.basis),
                f.basis_reason or ("" if f.basis else reason),
            )
            for f in current.findings
        ],
        majority_view=current.majority_view,
        minority_view=current.minority_view,
        correction_required=bool((current.actions.get("correction") or {}).get("required"))
        and outcome != "none",
        correction_deadline=(current.actions.get("correction") or {}).get("deadline"),
        referral_suggested=bool((current.actions.get("referral") or {}).get("suggested")),
        referral_reason=(current.actions.get("referral") or {}).get("reason") or "",
        referral_findings=tuple((current.actions.get("referral") or {}).get("findings") or ()),
        outcome_reason=reason if outcome == "none" else "",
    )
    return objections.decide(ws, objection_id, decision, reason, checked, data)


class SpecialForm(FollowupForm):
    """专项整治 from the problem ranking: a category found in enough cases or units."""

    def __init__(
        self, ws: OpenWorkspace, campaign_id: str, ranking: list[Any], parent: QWidget | None = None
    ):
        super().__init__(ws, self.tr("Open a special rectification"), parent)
        self.campaign_id = campaign_id
        choices = [
            (
                r.category,
                self.tr("{category} — {cases} cases, {units} units").format(
                    category=r.category, cases=len(r.case_ids), units=len(r.units)
                ),
            )
            for r in ranking
            if r.qualifies
        ]
        self.add("category", self.tr("Problem category"), _choices(choices))
        self.add("title", self.tr("Title"), _line("", self.tr("“<category>问题专项整治” when empty")))
        self.add("requirement", self.tr("Requirement"), _box(self.tr("what the units must do (required)")))
        self.add("deadline", self.tr("Deadline"), _line("30个工作日", deadline_hint()))
        self.finish(
            self.tr("Special rectification"),
            self.tr(
                "The problem categories listed are those the ranking found in enough cases or units (the campaign's "
                "settings). The category's rectification items, present and future, belong to it."
            ),
            self.tr("Open the special rectification"),
        )
        self.save_button.setEnabled(bool(choices))

    def save(self) -> None:
        from reviewdesk.services import special

        ws, campaign = self.ws, self.campaign_id
        category, requirement, deadline, title = (
            self.text(n) for n in ("category", "requirement", "deadline", "title")
        )
        self.counted_from = _counted_from(deadline, None)
        self.save_in_background(
            lambda: special.create_special(ws, campaign, category, requirement, deadline, title),
            self.tr("Saving…"),
        )

    def calendar_note(self, result: Any) -> str:
        return _note(self.counted_from, result.deadline)


def open_form(form: SavingForm, on_saved: Callable[[Any], None]) -> SavingForm:
    """Open the form window-modal; `on_saved(result)` once it saved."""
    from ui.qt import Qt

    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.accepted.connect(lambda: on_saved(form.result_view))
    form.open()
    return form
