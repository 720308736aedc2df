"""Every service refuses the roles it is not for, changes nothing when it refuses, and logs the refusal."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from reviewdesk.errors import PermissionDenied
from reviewdesk.resources import resources_dir
from reviewdesk.services import (
    account,
    assignment,
    audit,
    campaign_progress,
    campaigns,
    collision,
    deliberation,
    documents,
    due,
    evidence,
    experts,
    followup_papers,
    followup_settings,
    interviews,
    maintenance,
    my_tasks,
    objections,
    ocr,
    panel_views,
    reading_marks,
    rectification,
    rectification_generate,
    recusal,
    referrals,
    registry,
    reports,
    results,
    rubrics,
    scoring,
    selection,
    settings,
    special,
    users,
)
from reviewdesk.store.models import Role
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import USER_PW
from tests.helpers import raw_connect

ADMIN_ONLY = {Role.ADMIN}
AUDIT_READERS = {Role.ADMIN, Role.AUDITOR}
POOL_READERS = {Role.ADMIN, Role.OBSERVER}
VERIFIERS = {Role.ADMIN, Role.OBSERVER, Role.AUDITOR}
EXPERTS_ONLY = {Role.EXPERT}
SHEET_READERS = {Role.ADMIN, Role.OBSERVER, Role.EXPERT}
PANEL = {Role.ADMIN, Role.EXPERT}
EVERYONE = set(Role)
# The follow-up registers (issue 16): the admin keeps them, observers read them, experts see nothing of them
# (referrals name persons) except the objections of their own panels' cases; the panel leader records the 复核.
KEEPERS = {Role.ADMIN}
FOLLOWUP_READERS = {Role.ADMIN, Role.OBSERVER}
OBJECTION_READERS = {Role.ADMIN, Role.OBSERVER, Role.EXPERT}
VERSION_READERS = {Role.ADMIN, Role.OBSERVER, Role.EXPERT}

def _interview() -> interviews.InterviewInput:
    start = datetime(2026, 3, 5, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    return interviews.InterviewInput(
        started_at=start, ended_at=start + timedelta(hours=1), place="谈话室", interviewers=["甲", "乙"], recorder="丙",
        interviewee_name="丁", relation="party",
        notice={"identity": True, "purpose": True, "recusal_right": True, "truth_duty": True},
        qa=[interviews.QA("问", "答")], confirmation="以上笔录我已看过，与我说的相符。",
    )


# qualified name: (allowed roles, audited action, call)
SERVICES: dict[str, tuple[set[Role], str, Callable[[OpenWorkspace, Path], Any] | None]] = {
    "account.whoami": (EVERYONE, "user.whoami", lambda ws, tmp: account.whoami(ws)),
    "users.list_users": (ADMIN_ONLY, "user.list", lambda ws, tmp: users.list_users(ws)),
    "users.add_user": (ADMIN_ONLY, "user.add", lambda ws, tmp: users.add_user(ws, "newcomer", "新人", "expert", USER_PW)),
    "users.change_own_password": (EVERYONE, "user.passwd", lambda ws, tmp: users.change_own_password(ws, USER_PW, "changed-pass-1")),
    "users.reset_password": (ADMIN_ONLY, "user.passwd", lambda ws, tmp: users.reset_password(ws, "target", "reset-pass-123")),
    "users.reset_password_with_recovery": (EVERYONE, "user.passwd", None),  # only reachable through Workspace.recover
    "users.disable_user": (ADMIN_ONLY, "user.disable", lambda ws, tmp: users.disable_user(ws, "target")),
    "users.enable_user": (ADMIN_ONLY, "user.enable", lambda ws, tmp: users.enable_user(ws, "target", "reset-pass-123")),
    "settings.get_settings": (EVERYONE, "settings.get", lambda ws, tmp: settings.get_settings(ws)),
    "settings.get_setting": (EVERYONE, "settings.get", lambda ws, tmp: settings.get_setting(ws, "idle_lock_minutes")),
    "settings.current_campaign": (EVERYONE, "settings.get", lambda ws, tmp: settings.current_campaign(ws)),
    "settings.set_current_campaign": (EVERYONE, "settings.current_campaign", None),  # any role; tests/ui/test_session_campaign.py
    "settings.set_setting": (ADMIN_ONLY, "settings.set", lambda ws, tmp: settings.set_setting(ws, "idle_lock_minutes", 3)),
    "campaigns.add_unit": (ADMIN_ONLY, "unit.add", lambda ws, tmp: campaigns.add_unit(ws, "U-9", "某法院", "court", "620102")),
    "campaigns.list_units": (EVERYONE, "unit.list", lambda ws, tmp: campaigns.list_units(ws)),
    "campaigns.create_campaign": (ADMIN_ONLY, "campaign.create", lambda ws, tmp: campaigns.create_campaign(ws, "C-9", "评查", 2026)),
    "campaigns.set_campaign_rules": (ADMIN_ONLY, "campaign.set_rules", lambda ws, tmp: campaigns.set_campaign_rules(ws, "C-9", kind="recheck")),
    "campaigns.list_campaigns": (EVERYONE, "campaign.list", lambda ws, tmp: campaigns.list_campaigns(ws)),
    "audit.entry_seqs": (AUDIT_READERS, "audit.show", lambda ws, tmp: audit.entry_seqs(ws)),
    "audit.entries": (AUDIT_READERS, "audit.show", lambda ws, tmp: audit.entries(ws, [1])),
    "audit.show": (AUDIT_READERS, "audit.show", lambda ws, tmp: audit.show(ws)),
    "audit.verify": (AUDIT_READERS, "audit.verify", lambda ws, tmp: audit.verify(ws)),
    "audit.checkpoint": (AUDIT_READERS, "audit.checkpoint", lambda ws, tmp: audit.checkpoint(ws)),
    "maintenance.backup": (ADMIN_ONLY, "workspace.backup", lambda ws, tmp: maintenance.backup(ws, tmp / "x.rdbak")),
    "maintenance.rekey": (ADMIN_ONLY, "workspace.rekey", lambda ws, tmp: maintenance.rekey(ws)),
    "maintenance.new_recovery_code": (ADMIN_ONLY, "workspace.recovery_code", lambda ws, tmp: maintenance.new_recovery_code(ws)),
    "maintenance.restore_workspace": (ADMIN_ONLY, "workspace.restore", None),
    "maintenance.describe_backup": (ADMIN_ONLY, "workspace.restore", lambda ws, tmp: maintenance.describe_backup(ws, tmp / "x.rdbak")),  # tested in test_backup_restore (admin of the backup)
    # The expert pool, recusal, selection and panels: the role check comes before any lookup, so the
    # references below need not exist.
    "experts.template": (EVERYONE, "", None),  # no store access
    "experts.validate_relations": (EVERYONE, "", None),  # pure
    "experts.import_experts": (ADMIN_ONLY, "expert.import", lambda ws, tmp: experts.import_experts(ws, experts.template(), "x.xlsx")),
    "experts.import_roster": (ADMIN_ONLY, "expert.import", lambda ws, tmp: experts.import_roster(ws, [], "x")),
    "experts.list_experts": (POOL_READERS, "expert.list", lambda ws, tmp: experts.list_experts(ws)),
    "experts.expert_detail": (POOL_READERS, "expert.show", lambda ws, tmp: experts.expert_detail(ws, "EXP-1")),
    "experts.set_availability": (ADMIN_ONLY, "expert.set_availability", lambda ws, tmp: experts.set_availability(ws, "EXP-1", False)),
    "experts.set_tags": (ADMIN_ONLY, "expert.set_tags", lambda ws, tmp: experts.set_tags(ws, "EXP-1", ["人大代表"])),
    "experts.set_relations": (ADMIN_ONLY, "expert.set_relations", lambda ws, tmp: experts.set_relations(ws, "EXP-1", [])),
    "experts.link_account": (ADMIN_ONLY, "expert.link_account", lambda ws, tmp: experts.link_account(ws, "EXP-1", None)),
    "registry.template": (EVERYONE, "", None),  # no store access
    "registry.import_registry": (ADMIN_ONLY, "registry.import", lambda ws, tmp: registry.import_registry(ws, registry.template(), "r.xlsx")),
    "registry.registry_summary": (POOL_READERS, "registry.list", lambda ws, tmp: registry.registry_summary(ws)),
    "recusal.check": (POOL_READERS, "recusal.check", lambda ws, tmp: recusal.check(ws, "1")),
    "recusal.pending_findings": (POOL_READERS, "recusal.check", lambda ws, tmp: recusal.pending_findings(ws, "C-9", [1])),
    "recusal.decide": (ADMIN_ONLY, "recusal.decide", lambda ws, tmp: recusal.decide(ws, "1", "1", "handler", "k", "cleared", "同名")),
    "recusal.declare": (ADMIN_ONLY, "recusal.declare", lambda ws, tmp: recusal.declare(ws, "1", "self_declared")),
    "recusal.list_declarations": (POOL_READERS, "recusal.declarations", lambda ws, tmp: recusal.list_declarations(ws)),
    "selection.draw": (ADMIN_ONLY, "selection.draw", lambda ws, tmp: selection.draw(ws, "C-9", count=1, seed="s")),
    "selection.verify": (VERIFIERS, "selection.verify", lambda ws, tmp: selection.verify(ws, "C-9")),
    "selection.add_key_case": (ADMIN_ONLY, "selection.key", lambda ws, tmp: selection.add_key_case(ws, "C-9", "1", "重点")),
    "selection.remove_case": (ADMIN_ONLY, "selection.remove", lambda ws, tmp: selection.remove_case(ws, "C-9", "1", "误选")),
    "selection.selected_cases": (POOL_READERS, "selection.list", lambda ws, tmp: selection.selected_cases(ws, "C-9")),
    "selection.chosen_counts": (POOL_READERS, "selection.list", lambda ws, tmp: selection.chosen_counts(ws)),
    "assignment.propose": (POOL_READERS, "assignment.propose", lambda ws, tmp: assignment.propose(ws, "C-9")),
    "assignment.apply": (ADMIN_ONLY, "assignment.apply", lambda ws, tmp: assignment.apply(ws, "C-9", seed="s")),
    "assignment.replace": (ADMIN_ONLY, "panel.replace", lambda ws, tmp: assignment.replace(ws, "C-9", "1", "1", "回避")),
    "assignment.change_member": (ADMIN_ONLY, "panel.change", lambda ws, tmp: assignment.change_member(ws, "C-9", "1", "1", "2", "调整")),
    "panel_views.panels": (POOL_READERS, "panel.list", lambda ws, tmp: panel_views.panels(ws, "C-9")),
    # Scoring. Panel membership and blindness (data-dependent) are tested in test_scoring_access and
    # test_deliberation; here only the roles.
    "rubrics.rubric_key": (EVERYONE, "", None),  # pure
    "rubrics.ensure_builtins": (EVERYONE, "", None),  # runs inside a caller's transaction
    "rubrics.rubric_for_case": (EVERYONE, "", None),  # runs inside a caller's transaction
    "rubrics.list_rubrics": (EVERYONE, "rubric.list", lambda ws, tmp: rubrics.list_rubrics(ws)),
    "rubrics.rubric_detail": (EVERYONE, "rubric.show", lambda ws, tmp: rubrics.rubric_detail(ws, "court")),
    "rubrics.export_rubric": (EVERYONE, "rubric.show", lambda ws, tmp: rubrics.export_rubric(ws, "court", None, tmp / "r.json")),
    "rubrics.grading": (EVERYONE, "grading.show", lambda ws, tmp: rubrics.grading(ws, "C-9")),
    "rubrics.import_rubric": (ADMIN_ONLY, "rubric.import", lambda ws, tmp: rubrics.import_rubric(ws, (resources_dir() / "rubrics" / "court.json").read_bytes(), "r.json")),
    "rubrics.set_campaign_rubric": (ADMIN_ONLY, "campaign.rubric", lambda ws, tmp: rubrics.set_campaign_rubric(ws, "C-9", "civil", "court")),
    "rubrics.set_grading": (ADMIN_ONLY, "grading.set", lambda ws, tmp: rubrics.set_grading(ws, "C-9", spread_threshold=8)),
    "scoring.recusal_statement": (EVERYONE, "", None),  # a shipped text
    "scoring.certify": (EXPERTS_ONLY, "score.certify", lambda ws, tmp: scoring.certify(ws, "1")),
    "scoring.save_draft": (EXPERTS_ONLY, "score.save_draft", lambda ws, tmp: scoring.save_draft(ws, "1", [])),
    "scoring.submit": (EXPERTS_ONLY, "score.submit", lambda ws, tmp: scoring.submit(ws, "1")),
    "scoring.amend": (EXPERTS_ONLY, "score.amend", lambda ws, tmp: scoring.amend(ws, "1", [], "更正")),
    "scoring.sheet": (SHEET_READERS, "score.show", lambda ws, tmp: scoring.sheet(ws, "1")),
    "scoring.sheets_for_case": (SHEET_READERS, "score.list", lambda ws, tmp: scoring.sheets_for_case(ws, "1")),
    "scoring.history": (SHEET_READERS, "score.history", lambda ws, tmp: scoring.history(ws, 1)),
    "scoring.my_cases": (EXPERTS_ONLY, "score.my_cases", lambda ws, tmp: scoring.my_cases(ws)),
    "my_tasks.my_tasks": (EXPERTS_ONLY, "score.my_tasks", lambda ws, tmp: my_tasks.my_tasks(ws)),
    "campaign_progress.campaign_progress": (EVERYONE, "campaign.progress", lambda ws, tmp: campaign_progress.campaign_progress(ws)),
    "deliberation.input_from_json": (EVERYONE, "", None),  # pure
    "documents.check_format": (EVERYONE, "", None),  # pure
    # Inside the caller's change or session, which checked the role (conclude, a 复核, follow-up generate):
    "deliberation.record_conclusion": (EVERYONE, "", None),
    "results.received_cases": (EVERYONE, "", None),
    "results.received_case": (EVERYONE, "", None),
    "deliberation.deliberation": (PANEL, "deliberation.show", lambda ws, tmp: deliberation.deliberation(ws, "1")),
    "deliberation.conclude": (PANEL, "deliberation.conclude", lambda ws, tmp: deliberation.conclude(ws, "1", deliberation.ConclusionInput("none"))),
    "interviews.validate": (EVERYONE, "", None),  # pure
    "interviews.input_from_json": (EVERYONE, "", None),  # pure
    "interviews.record_interview": (PANEL, "interview.record", lambda ws, tmp: interviews.record_interview(ws, "1", _interview())),
    "interviews.update_interview": (PANEL, "interview.update", lambda ws, tmp: interviews.update_interview(ws, 1, _interview())),
    "interviews.interviews": (PANEL, "interview.list", lambda ws, tmp: interviews.interviews(ws, "1")),
    "interviews.interview": (PANEL, "interview.show", lambda ws, tmp: interviews.interview(ws, 1)),
    # Printed documents (reviewdesk/services/documents.py): the leader or admin produces opinions; panel members
    # print their case's records; `render` and `filename` are pure helpers (no store, no role).
    "documents.render_opinion": (PANEL, "opinion.export", lambda ws, tmp: documents.render_opinion(ws, "1", "docx")),
    "documents.render_records": (PANEL, "document.print", lambda ws, tmp: documents.render_records(ws, "1", "recusal", "pdf")),
    "documents.opinion_files": (ADMIN_ONLY, "opinion.export_all", lambda ws, tmp: documents.opinion_files(ws, "C-9")),
    "documents.batch_opinions": (ADMIN_ONLY, "opinion.batch", lambda ws, tmp: documents.batch_opinions(ws, "C-9", tmp)),
    "documents.opinion_list": (SHEET_READERS, "opinion.list", lambda ws, tmp: documents.opinion_list(ws, "C-9")),
    "documents.opinion_number": (SHEET_READERS, "opinion.show", lambda ws, tmp: documents.opinion_number(ws, "1")),
    "documents.render": (EVERYONE, "", None),
    "documents.filename": (EVERYONE, "", None),
    # Campaign statistics, ledger and report: admins and observers (see reviewdesk/services/reports.py).
    "reports.campaign_stats": (POOL_READERS, "report.stats", lambda ws, tmp: reports.campaign_stats(ws, "C-9")),
    "reports.ledger": (POOL_READERS, "report.ledger", lambda ws, tmp: reports.ledger(ws, "C-9")),
    "reports.campaign_report_document": (POOL_READERS, "report.campaign", lambda ws, tmp: reports.campaign_report_document(ws, "C-9")),
    # Results packages: export on a review laptop; import and read on the office machine.
    "results.export_results": (ADMIN_ONLY, "results.export", lambda ws, tmp: results.export_results(ws, "C-9", ["age1x"], tmp / "x.rdpkg")),
    "results.import_results": (ADMIN_ONLY, "results.import", lambda ws, tmp: results.import_results(ws, tmp / "r.rdpkg")),
    "results.received": (POOL_READERS, "results.list", lambda ws, tmp: results.received(ws, "C-9")),
    "results.received_campaigns": (POOL_READERS, "results.list", lambda ws, tmp: results.received_campaigns(ws)),
    "results.conflicts": (POOL_READERS, "results.conflicts", lambda ws, tmp: results.conflicts(ws, "C-9")),
    "results.received_file": (POOL_READERS, "results.file", lambda ws, tmp: results.received_file(ws, "p", "x.docx")),
    # Follow-up registers (reviewdesk/services/rectification*.py, referrals, objections, special, due, papers).
    "rectification.list_items": (FOLLOWUP_READERS, "rectify.list", lambda ws, tmp: rectification.list_items(ws, "C-9")),
    "rectification.item_ids": (FOLLOWUP_READERS, "rectify.list", lambda ws, tmp: rectification.item_ids(ws, "C-9")),
    "rectification.items_by_id": (FOLLOWUP_READERS, "rectify.list", lambda ws, tmp: rectification.items_by_id(ws, [1])),
    "rectification.show_item": (FOLLOWUP_READERS, "rectify.show", lambda ws, tmp: rectification.show_item(ws, 1)),
    "rectification.evidence_file": (FOLLOWUP_READERS, "rectify.evidence", lambda ws, tmp: rectification.evidence_file(ws, 1)),
    "rectification.report": (KEEPERS, "rectify.report", lambda ws, tmp: rectification.report(ws, 1, "已整改")),
    "rectification.attach_evidence": (KEEPERS, "rectify.evidence.add", lambda ws, tmp: rectification.attach_evidence(ws, 1, [("a.pdf", b"%PDF")])),
    "rectification.verify": (KEEPERS, "rectify.verify", lambda ws, tmp: rectification.verify(ws, 1)),
    "rectification.close": (KEEPERS, "rectify.close", lambda ws, tmp: rectification.close(ws, 1)),
    "rectification.send_back": (KEEPERS, "rectify.send_back", lambda ws, tmp: rectification.send_back(ws, 1, "未整改", "2027-03-01")),
    "rectification.item_number": (EVERYONE, "", None),  # pure
    "rectification.due_of": (EVERYONE, "", None),  # pure
    "rectification.due_of_sql": (EVERYONE, "", None),  # pure (the SQL twin of due_of)
    "rectification_generate.generate": (KEEPERS, "rectify.generate", lambda ws, tmp: rectification_generate.generate(ws, "1")),
    "rectification_generate.generate_campaign": (KEEPERS, "rectify.generate", lambda ws, tmp: rectification_generate.generate_campaign(ws, "C-9")),
    "rectification_generate.flag_superseded": (EVERYONE, "", None),  # inside the 复核's change
    "referrals.list_referrals": (FOLLOWUP_READERS, "referral.list", lambda ws, tmp: referrals.list_referrals(ws)),
    "referrals.show_referral": (FOLLOWUP_READERS, "referral.show", lambda ws, tmp: referrals.show_referral(ws, 1)),
    "referrals.add_referral": (KEEPERS, "referral.add", lambda ws, tmp: referrals.add_referral(ws, "1", "线索", [{"name": "某"}], [])),
    "referrals.issue_letter": (KEEPERS, "referral.letter", lambda ws, tmp: referrals.issue_letter(ws, 1)),
    "referrals.record_feedback": (KEEPERS, "referral.feedback", lambda ws, tmp: referrals.record_feedback(ws, 1, "other")),
    "referrals.parse_person": (EVERYONE, "", None),  # pure
    "referrals.parse_evidence": (EVERYONE, "", None),  # pure
    "objections.list_objections": (OBJECTION_READERS, "objection.list", lambda ws, tmp: objections.list_objections(ws)),
    "objections.show_objection": (OBJECTION_READERS, "objection.show", lambda ws, tmp: objections.show_objection(ws, 1)),
    "objections.add_objection": (KEEPERS, "objection.add", lambda ws, tmp: objections.add_objection(ws, "1", "某法院", "理由")),
    # The panel's leader (an expert account; other members are refused by seat, test_followup_registers) or the admin.
    "objections.decide": (PANEL, "objection.decide", lambda ws, tmp: objections.decide(ws, 1, "upheld", "理由")),
    "objections.conclusion_versions": (VERSION_READERS, "conclusion.versions", lambda ws, tmp: objections.conclusion_versions(ws, "1")),
    "special.ranking": (FOLLOWUP_READERS, "special.ranking", lambda ws, tmp: special.ranking(ws, "C-9")),
    "special.list_specials": (FOLLOWUP_READERS, "special.list", lambda ws, tmp: special.list_specials(ws)),
    "special.show_special": (FOLLOWUP_READERS, "special.show", lambda ws, tmp: special.show_special(ws, 1)),
    "special.create_special": (KEEPERS, "special.create", lambda ws, tmp: special.create_special(ws, "C-9", "程序", "整治", "2027-03-31")),
    "special.link_open_special": (EVERYONE, "", None),  # inside generate's change
    "due.due": (FOLLOWUP_READERS, "followup.due", lambda ws, tmp: due.due(ws)),
    "due.due_counts": (FOLLOWUP_READERS, "followup.due", lambda ws, tmp: due.due_counts(ws)),
    "followup_settings.get_settings": (FOLLOWUP_READERS, "followup.settings", lambda ws, tmp: followup_settings.get_settings(ws, "C-9")),
    "followup_settings.set_setting": (KEEPERS, "followup.settings.set", lambda ws, tmp: followup_settings.set_setting(ws, "C-9", "objection_days", "10")),
    "followup_settings.campaign_of": (EVERYONE, "", None),  # inside a caller's session
    "followup_settings.settings_of": (EVERYONE, "", None),
    "followup_settings.campaign_window": (EVERYONE, "", None),
    "followup_settings.campaign_windows": (EVERYONE, "", None),
    "followup_papers.rectification_notice_file": (KEEPERS, "notice.export", lambda ws, tmp: followup_papers.rectification_notice_file(ws, "C-9", "U-9", "pdf")),
    "followup_papers.referral_letter_file": (KEEPERS, "notice.export", lambda ws, tmp: followup_papers.referral_letter_file(ws, 1, "pdf")),
    "followup_papers.recheck_decision_file": (KEEPERS, "notice.export", lambda ws, tmp: followup_papers.recheck_decision_file(ws, 1, "pdf")),
    "followup_papers.special_notice_file": (KEEPERS, "notice.export", lambda ws, tmp: followup_papers.special_notice_file(ws, 1, "pdf")),
    "followup_papers.followup_report_file": (KEEPERS, "notice.export", lambda ws, tmp: followup_papers.followup_report_file(ws, "C-9", "pdf")),
    "followup_papers.unit_feedback_file": (KEEPERS, "notice.export", lambda ws, tmp: followup_papers.unit_feedback_file(ws, "C-9", "U-9", "pdf")),
    # Data collision screening (reviewdesk/services/collision.py): admin only; observers read per-unit counts.
    "collision.officers_template": (EVERYONE, "", None),  # no store access
    "collision.registry_template": (EVERYONE, "", None),
    "collision.match_key": (EVERYONE, "", None),  # pure (an HMAC)
    "collision.rule_sets": (ADMIN_ONLY, "collision.rules", lambda ws, tmp: collision.rule_sets(ws)),
    "collision.import_rule_set": (ADMIN_ONLY, "collision.rules_import", lambda ws, tmp: collision.import_rule_set(ws, b"{}", "r.json")),
    "collision.set_rule_set": (ADMIN_ONLY, "collision.set_rules", lambda ws, tmp: collision.set_rule_set(ws, "C-9", "default")),
    "collision.import_officers": (ADMIN_ONLY, "collision.import_officers", lambda ws, tmp: collision.import_officers(ws, "C-9", b"", "o.xlsx")),
    "collision.import_registry": (ADMIN_ONLY, "collision.import_registry", lambda ws, tmp: collision.import_registry(ws, "C-9", b"", "r.xlsx")),
    "collision.run": (ADMIN_ONLY, "collision.run", lambda ws, tmp: collision.run(ws, "C-9")),
    "collision.decide": (ADMIN_ONLY, "collision.decide", lambda ws, tmp: collision.decide(ws, "C-9", 1, "clear", "同名")),
    "collision.matches": (ADMIN_ONLY, "collision.list", lambda ws, tmp: collision.matches(ws, "C-9")),
    "collision.match_ids": (ADMIN_ONLY, "collision.list", lambda ws, tmp: collision.match_ids(ws, "C-9")),
    "collision.matches_by_id": (ADMIN_ONLY, "collision.list", lambda ws, tmp: collision.matches_by_id(ws, "C-9", [1])),
    "collision.confirmed_hits_for_unit": (ADMIN_ONLY, "collision.list", lambda ws, tmp: collision.confirmed_hits_for_unit(ws, "C-9", "U-9")),
    "collision.counts": (POOL_READERS, "collision.counts", lambda ws, tmp: collision.counts(ws, "C-9")),
    "collision.status": (POOL_READERS, "collision.counts", lambda ws, tmp: collision.status(ws, "C-9")),
    "collision.ledger": (ADMIN_ONLY, "collision.export", lambda ws, tmp: collision.ledger(ws, "C-9")),
    # The reading room (issue 18): OCR for admins and (their cases) experts; marks are experts' own.
    "ocr.status": (SHEET_READERS, "ocr.status", lambda ws, tmp: ocr.status(ws)),
    "ocr.run": (PANEL, "ocr.run", lambda ws, tmp: ocr.run(ws)),
    "ocr.recognised_pages": (SHEET_READERS, "ocr.show", lambda ws, tmp: ocr.recognised_pages(ws, 1)),
    "evidence.check_references": (SHEET_READERS, "evidence.check", lambda ws, tmp: evidence.check_references(ws, "1", "卷1第1页")),
    "evidence.file_layout": (SHEET_READERS, "evidence.layout", lambda ws, tmp: evidence.file_layout(ws, "1")),
    "evidence.unresolved": (EVERYONE, "", None),  # pure
    "evidence.case_layout": (EVERYONE, "", None),  # inside the caller's read, which checked access
    "reading_marks.cited_marks": (SHEET_READERS, "mark.cited", lambda ws, tmp: reading_marks.cited_marks(ws, 1)),
    "reading_marks.add_mark": (EXPERTS_ONLY, "mark.add", lambda ws, tmp: reading_marks.add_mark(ws, 1, 1, "注")),
    "reading_marks.update_mark": (EXPERTS_ONLY, "mark.update", lambda ws, tmp: reading_marks.update_mark(ws, 1, "注")),
    "reading_marks.remove_mark": (EXPERTS_ONLY, "mark.remove", lambda ws, tmp: reading_marks.remove_mark(ws, 1)),
    "reading_marks.my_marks": (EXPERTS_ONLY, "mark.list", lambda ws, tmp: reading_marks.my_marks(ws)),
}


def test_every_public_service_is_in_the_table() -> None:
    found = set()
    for module in (
        account, assignment, audit, campaign_progress, campaigns, collision, deliberation, documents, experts, interviews,
        maintenance,
        my_tasks, panel_views, recusal, registry, rubrics, scoring, selection, settings, users, reports, results,
        rectification, rectification_generate, referrals, objections, special, due, followup_settings,
        followup_papers,
        ocr, evidence, reading_marks,
    ):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                found.add(f"{module.__name__.rsplit('.', 1)[1]}.{name}")
    assert found == set(SERVICES)


def _snapshot(ws: OpenWorkspace) -> tuple[object, ...]:
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    try:
        tables = ("users", "settings", "units", "campaigns", "audit_checkpoints")
        rows = tuple(tuple(conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables)
    finally:
        conn.close()
    return rows, ws.workspace.slots_path.read_bytes()


def _denials(ws: OpenWorkspace) -> list[tuple[str, str]]:
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    try:
        return conn.execute("SELECT actor, target FROM audit_entries WHERE action = 'permission.denied'").fetchall()
    finally:
        conn.close()


REFUSALS = [
    (name, role)
    for name, (allowed, _action, call) in SERVICES.items()
    if call is not None
    for role in Role
    if role not in allowed
]


@pytest.mark.parametrize(("name", "role"), REFUSALS, ids=[f"{n}-{r.value}" for n, r in REFUSALS])
def test_service_refuses_wrong_role(
    name: str, role: Role, admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace], tmp_path: Path
) -> None:
    users.add_user(admin_ws, "target", "目标", "expert", USER_PW)
    actor = login_as(role.value)
    before = _snapshot(admin_ws)
    _allowed, action, call = SERVICES[name]
    assert call is not None
    with pytest.raises(PermissionDenied):
        call(actor, tmp_path)
    assert _snapshot(admin_ws) == before
    assert not (tmp_path / "x.rdbak").exists()
    assert (actor.actor.username, action) in _denials(admin_ws)


def test_disabled_account_is_refused_even_with_an_open_session(
    admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]
) -> None:
    expert = login_as("expert")
    assert account.whoami(expert).username == "expert1"
    users.disable_user(admin_ws, "expert1")
    with pytest.raises(PermissionDenied):
        account.whoami(expert)


def test_allowed_roles_succeed(login_as: Callable[[str], OpenWorkspace], tmp_path: Path) -> None:
    auditor = login_as("auditor")
    assert audit.verify(auditor).ok
    assert audit.checkpoint(auditor).seq > 0
    observer = login_as("observer")
    assert settings.get_settings(observer)["idle_lock_minutes"] == 10
