"""Words for the codes the core stores (roles, audit actions, levels), translated in the UI."""

from __future__ import annotations

from datetime import datetime

from ui.qt import QCoreApplication


def role_label(role: str) -> str:
    labels = {
        "admin": QCoreApplication.translate("Labels", "Administrator (organiser)"),
        "expert": QCoreApplication.translate("Labels", "Review expert"),
        "observer": QCoreApplication.translate("Labels", "Observer (read only)"),
        "auditor": QCoreApplication.translate("Labels", "Auditor"),
    }
    return labels.get(role, role)


def action_label(action: str) -> str:
    labels = {
        "session.login": QCoreApplication.translate("Labels", "Logged in"),
        "session.lock": QCoreApplication.translate("Labels", "Locked"),
        "user.add": QCoreApplication.translate("Labels", "Account added"),
        "user.passwd": QCoreApplication.translate("Labels", "Password changed"),
        "user.disable": QCoreApplication.translate("Labels", "Account disabled"),
        "user.enable": QCoreApplication.translate("Labels", "Account enabled"),
        "settings.set": QCoreApplication.translate("Labels", "Setting changed"),
        "settings.current_campaign": QCoreApplication.translate("Labels", "Current campaign chosen"),
        "audit.checkpoint": QCoreApplication.translate("Labels", "Audit checkpoint"),
        "permission.denied": QCoreApplication.translate("Labels", "Refused (no permission)"),
        "workspace.init": QCoreApplication.translate("Labels", "Workspace created"),
        "workspace.backup": QCoreApplication.translate("Labels", "Backup made"),
        "workspace.rekey": QCoreApplication.translate("Labels", "Data key rotated"),
        "workspace.recovery_code": QCoreApplication.translate("Labels", "Recovery code replaced"),
        "workspace.restore": QCoreApplication.translate("Labels", "Workspace restored"),
        "campaign.create": QCoreApplication.translate("Labels", "Campaign created"),
        "unit.add": QCoreApplication.translate("Labels", "Unit added"),
        "package.import": QCoreApplication.translate("Labels", "Case package imported"),
        "package.import_folder": QCoreApplication.translate("Labels", "Case folder imported"),
        "package.rejected": QCoreApplication.translate("Labels", "Case package refused"),
        "case.show": QCoreApplication.translate("Labels", "Case opened"),
        "case.search": QCoreApplication.translate("Labels", "Cases searched"),
        "document.view": QCoreApplication.translate("Labels", "Case document viewed"),
        "document.export": QCoreApplication.translate("Labels", "Case document exported"),
        "keys.trust_issuer": QCoreApplication.translate("Labels", "Sender key trusted"),
        "keys.show": QCoreApplication.translate("Labels", "Workstation key shown"),
        "campaign.set_rules": QCoreApplication.translate("Labels", "Campaign rules changed"),
        "expert.import": QCoreApplication.translate("Labels", "Expert pool imported"),
        "expert.set_availability": QCoreApplication.translate("Labels", "Expert availability changed"),
        "expert.set_tags": QCoreApplication.translate("Labels", "Expert tags changed"),
        "expert.set_relations": QCoreApplication.translate("Labels", "Expert relations changed"),
        "expert.link_account": QCoreApplication.translate("Labels", "Expert linked to an account"),
        "registry.import": QCoreApplication.translate("Labels", "Interest registry imported"),
        "recusal.decide": QCoreApplication.translate("Labels", "Recusal decided"),
        "recusal.declare": QCoreApplication.translate("Labels", "Recusal declaration recorded"),
        "selection.draw": QCoreApplication.translate("Labels", "Cases drawn at random"),
        "selection.key": QCoreApplication.translate("Labels", "Key case added"),
        "selection.remove": QCoreApplication.translate("Labels", "Case taken out of the selection"),
        "assignment.apply": QCoreApplication.translate("Labels", "Panels saved"),
        "panel.replace": QCoreApplication.translate("Labels", "Panel member replaced"),
        "panel.change": QCoreApplication.translate("Labels", "Panel member changed"),
        "rubric.import": QCoreApplication.translate("Labels", "Score sheet rubric imported"),
        "campaign.rubric": QCoreApplication.translate("Labels", "Campaign rubric chosen"),
        "grading.set": QCoreApplication.translate("Labels", "Grade bands changed"),
        "score.certify": QCoreApplication.translate("Labels", "Recusal statement confirmed"),
        "score.save_draft": QCoreApplication.translate("Labels", "Score sheet draft saved"),
        "score.submit": QCoreApplication.translate("Labels", "Score sheet submitted"),
        "score.amend": QCoreApplication.translate("Labels", "Score sheet amended"),
        "deliberation.conclude": QCoreApplication.translate("Labels", "Panel conclusion recorded"),
        "interview.record": QCoreApplication.translate("Labels", "Interview record made"),
        "interview.update": QCoreApplication.translate("Labels", "Interview record changed"),
        "opinion.export": QCoreApplication.translate("Labels", "Review opinion issued"),
        "opinion.export_all": QCoreApplication.translate("Labels", "Opinions issued for a results package"),
        "opinion.batch": QCoreApplication.translate("Labels", "Opinions exported in a batch"),
        "document.print": QCoreApplication.translate("Labels", "Score sheets or review records produced"),
        "results.export": QCoreApplication.translate("Labels", "Results package exported"),
        "results.import": QCoreApplication.translate("Labels", "Results package imported"),
        "results.rejected": QCoreApplication.translate("Labels", "Results package refused"),
    }
    return labels.get(action, action)


# Prefixes offered in the audit filter's action box: (prefix, label).
def action_groups() -> list[tuple[str, str]]:
    return [
        ("", QCoreApplication.translate("Labels", "All actions")),
        ("session.", QCoreApplication.translate("Labels", "Log-in and lock")),
        ("user.", QCoreApplication.translate("Labels", "Accounts")),
        ("settings.", QCoreApplication.translate("Labels", "Settings")),
        ("audit.", QCoreApplication.translate("Labels", "Audit log")),
        ("permission.", QCoreApplication.translate("Labels", "Refusals")),
        ("workspace.", QCoreApplication.translate("Labels", "Workspace maintenance")),
        ("campaign.", QCoreApplication.translate("Labels", "Campaigns")),
        ("unit.", QCoreApplication.translate("Labels", "Units")),
        ("package.", QCoreApplication.translate("Labels", "Case packages")),
        ("case.", QCoreApplication.translate("Labels", "Cases")),
        ("document.", QCoreApplication.translate("Labels", "Case documents")),
        ("keys.", QCoreApplication.translate("Labels", "Keys")),
        ("expert.", QCoreApplication.translate("Labels", "Expert pool")),
        ("registry.", QCoreApplication.translate("Labels", "Interest registry")),
        ("recusal.", QCoreApplication.translate("Labels", "Recusal")),
        ("selection.", QCoreApplication.translate("Labels", "Case selection")),
        ("assignment.", QCoreApplication.translate("Labels", "Panel drawing")),
        ("panel.", QCoreApplication.translate("Labels", "Panel changes")),
        ("score.", QCoreApplication.translate("Labels", "Score sheets")),
        ("deliberation.", QCoreApplication.translate("Labels", "Deliberation")),
        ("interview.", QCoreApplication.translate("Labels", "Interview records")),
        ("opinion.", QCoreApplication.translate("Labels", "Review opinions")),
        ("results.", QCoreApplication.translate("Labels", "Results packages")),
    ]


def level_label(level: str) -> str:
    labels = {
        "none": QCoreApplication.translate("Labels", "No regional exclusion"),
        "county": QCoreApplication.translate("Labels", "Exclude same county"),
        "prefecture": QCoreApplication.translate("Labels", "Exclude same prefecture"),
    }
    return labels.get(level, level)


def status_label(status: str) -> str:
    labels = {"planning": QCoreApplication.translate("Labels", "Planning")}
    return labels.get(status, status)


def when(value: datetime | str | None) -> str:
    """A moment as office staff write it, in this computer's time zone: 2026-03-05 14:03."""
    if value is None:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def profession_label(code: str) -> str:
    labels = {
        "judge": QCoreApplication.translate("Labels", "Judge"),
        "prosecutor": QCoreApplication.translate("Labels", "Prosecutor"),
        "police": QCoreApplication.translate("Labels", "Police officer"),
        "lawyer": QCoreApplication.translate("Labels", "Lawyer"),
        "academic": QCoreApplication.translate("Labels", "Academic"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return labels.get(code, code)


def rule_label(rule_id: str) -> str:
    """The recusal grounds of domain.md, by the engine's rule ids."""
    labels = {
        "handler": QCoreApplication.translate("Labels", "Original handler"),
        "party_relative": QCoreApplication.translate("Labels", "Party or near relative"),
        "interest": QCoreApplication.translate("Labels", "Interest in the case"),
        "earlier_role": QCoreApplication.translate("Labels", "Earlier role in the case"),
        "same_unit": QCoreApplication.translate("Labels", "Same unit"),
        "same_region": QCoreApplication.translate("Labels", "Same region"),
        "conduct": QCoreApplication.translate("Labels", "Conduct"),
        "declared": QCoreApplication.translate("Labels", "Declared or granted recusal"),
        "prior_review": QCoreApplication.translate("Labels", "Reviewed before"),
    }
    return labels.get(rule_id, rule_id)


def finding_status_label(status: str) -> str:
    labels = {
        "hard": QCoreApplication.translate("Labels", "Excluded"),
        "pending": QCoreApplication.translate("Labels", "To decide"),
        "confirmed": QCoreApplication.translate("Labels", "Excluded (confirmed)"),
        "cleared": QCoreApplication.translate("Labels", "Cleared"),
    }
    return labels.get(status, status)


def relation_kinds() -> list[tuple[str, str]]:
    """(key, label) of the relation kinds an expert declares, in the order the editor offers them."""
    return [
        ("near_relative", QCoreApplication.translate("Labels", "Near relative")),
        ("former_colleague", QCoreApplication.translate("Labels", "Former colleague")),
        ("business_interest", QCoreApplication.translate("Labels", "Business interest")),
        ("counsel_for", QCoreApplication.translate("Labels", "Counsel for")),
        ("other", QCoreApplication.translate("Labels", "Other relation")),
    ]


def relation_label(key: str) -> str:
    return dict(relation_kinds()).get(key, key)
