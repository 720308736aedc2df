"""Campaign statistics, the Excel ledger and the campaign summary report: reads, one session each.

Who may read them: the coordinator (admin) and observers. These tables name every selected case, its unit,
its panel, each member's submitted total and the findings, i.e. the same data admins and observers already
read through the selection, panel and sheet views (observers see submitted sheets only, and only submitted
sheets are counted here). Experts are left out because they see only the cases of their own panels and a
campaign-wide table would show them the others'; auditors read the audit log, not case data.
"""

from __future__ import annotations

from datetime import date

from reviewdesk.clock import now
from reviewdesk.documents.blocks import Document, cn_date
from reviewdesk.documents.campaign_report import campaign_report
from reviewdesk.documents.followup_ledger import followup_sheets, load_followup
from reviewdesk.documents.ledger import SHEETS, LedgerSheet, SheetBuilder, ledger_xlsx
from reviewdesk.documents.profile import Profile, load_profile
from reviewdesk.documents.statistics import CampaignStats, load_stats
from reviewdesk.services.base import query
from reviewdesk.store.models import Role
from reviewdesk.workspace import OpenWorkspace

REPORT_READERS = frozenset({Role.ADMIN, Role.OBSERVER})


def campaign_stats(ws: OpenWorkspace, campaign_id: str) -> CampaignStats:
    """Counts and shares by grade, outcome, unit, case type and problem category (with the rows behind them)."""
    with query(ws, "report.stats", REPORT_READERS) as session:
        return load_stats(session, campaign_id)


def ledger(ws: OpenWorkspace, campaign_id: str) -> bytes:
    """The campaign's .xlsx ledgers (案件台账, 问题清单, 评分明细, 统计, and the follow-up registers 整改台账,
    线索移送台账, 异议复核), built in memory; the caller saves them where the user chose."""
    with query(ws, "report.ledger", REPORT_READERS) as session:
        stats = load_stats(session, campaign_id)
        followup = followup_sheets(load_followup(session, campaign_id))
    return ledger_xlsx(stats, (*SHEETS, *(_ready(sheet) for sheet in followup)))


def _ready(sheet: LedgerSheet) -> SheetBuilder:
    """A sheet built already (from the follow-up registers), as ledger_xlsx's builders come."""
    return lambda _stats: sheet


def campaign_report_document(
    ws: OpenWorkspace, campaign_id: str, profile: Profile | None = None, *, on: date | None = None,
) -> Document:
    """The campaign summary report as printed blocks, signed off with the office's name and `on` (today)."""
    with query(ws, "report.campaign", REPORT_READERS) as session:
        stats = load_stats(session, campaign_id)
    office = (profile or load_profile()).office_name
    day = on or now().date()
    return campaign_report(stats, office, cn_date(day.year, day.month, day.day))
