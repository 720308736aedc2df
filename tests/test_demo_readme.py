"""The README's demo section is true of the demo workspace: every account it lists logs in with the demo
password and the list is complete, its search term finds something, and the panel it names can conclude.

The README is read here, so the text and the demo cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path

from reviewdesk import demo_scoring
from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD, demo_accounts
from reviewdesk.services import cases, deliberation, rubrics, scoring, users
from reviewdesk.workspace import OpenWorkspace, Workspace

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def _demo_section() -> str:
    """From the demo workspace's paragraph to the next heading."""
    text = _readme()
    start = text.index("The demo workspace goes to")
    return text[start : text.index("\n## ", start)]


def _listed_accounts() -> list[str]:
    section = _demo_section()
    accounts = section[section.index("Its accounts") : section.index("Four panels")]
    return [name for name in re.findall(r"`([a-z][a-z0-9-]*)`", accounts) if name != DEMO_PASSWORD]


def test_every_account_in_the_readme_logs_in_and_the_list_is_complete(demo_folder: Path) -> None:
    listed = _listed_accounts()
    assert len(listed) == len(set(listed)) > 7
    for name in listed:
        with Workspace(demo_folder).open(name, DEMO_PASSWORD) as opened:
            assert opened.actor.username == name
    with Workspace(demo_folder).open("admin", DEMO_PASSWORD) as opened:
        existing = {u.username for u in users.list_users(opened)}
    assert set(listed) == existing
    assert set(demo_accounts(demo_folder)) == existing  # what `reviewdesk demo` prints


def test_the_readme_search_term_finds_the_demo_data(demo_ws: OpenWorkspace) -> None:
    terms = re.findall(r"reviewdesk search (\S+)", _readme())
    assert terms
    for term in terms:
        assert cases.search(demo_ws, term, limit=50), term
    hinted = re.search(r"Search works on the demo data too, e\.g\. (\S+?)\.", _demo_section())
    assert hinted and cases.search(demo_ws, hinted.group(1), limit=50)


def test_the_panel_the_readme_names_can_conclude(demo_folder: Path) -> None:
    section = _demo_section()
    found = re.search(r"The panel of case (GS-DEMO-\d{4}) \(leader `([a-z0-9-]+)`", section)
    assert found, "the README names a panel to conclude"
    case_ref, leader = found.groups()
    with Workspace(demo_folder).open(leader, DEMO_PASSWORD) as ws:
        case_id = case_ref  # services take the external id as a case reference
        board = deliberation.deliberation(ws, case_id, DEMO_CAMPAIGN)
        assert board.conclusion is None and all(m.status == "submitted" for m in board.members)
        own = scoring.sheet(ws, case_id, campaign_id=DEMO_CAMPAIGN)
        categories = rubrics.rubric_detail(ws, own.rubric_code, own.rubric_version).rubric.categories
        conclusion = demo_scoring._conclusion(True, False, board.deductions, categories, referral=False, high=False,
                                              rng=demo_scoring.random.Random(1))
        deliberation.conclude(ws, case_id, conclusion, DEMO_CAMPAIGN)
        assert deliberation.deliberation(ws, case_id, DEMO_CAMPAIGN).conclusion is not None


def test_the_readme_points_into_the_project() -> None:
    text = _readme()
    assert "../shared" not in text and "/work/shared" not in text
    for target in re.findall(r"\]\((docs/[^)]+)\)", text):
        assert (README.parent / target).is_file(), target
    assert "docs/package-format.md" in text


def test_the_demo_derives_ahead_exactly_the_accounts_it_makes(demo_folder: Path) -> None:
    """demo.DEMO_ACCOUNT_COUNT keys are derived in the background; more would waste the work, fewer slow it."""
    from reviewdesk.demo import DEMO_ACCOUNT_COUNT

    assert len(demo_accounts(demo_folder)) == DEMO_ACCOUNT_COUNT
