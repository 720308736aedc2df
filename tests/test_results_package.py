"""Results packages: a review laptop (the demo workspace) exports its campaign's results; the office machine
imports them whole, verifies the audit chain, keeps every version it receives and reports conflicts."""

from __future__ import annotations

import json
import random
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reviewdesk import demo_scoring
from reviewdesk.demo import DEMO_ADMIN, DEMO_CAMPAIGN, DEMO_PASSWORD, create_demo
from reviewdesk.errors import ValidationError
from reviewdesk.packages import age, builder, minisign
from reviewdesk.packages.manifest import ManifestError, parse
from reviewdesk.packages.reader import PackageReader
from reviewdesk.services import assignment, audit, deliberation, imports, keys, results, scoring
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.helpers import raw_connect, run_cli
from tests.packaging import new_office_key

OFFICE_PW = "office-pass-2026"
TABLES = ("result_packages", "received_results", "received_files")


@dataclass
class World:
    base: Path
    laptop: OpenWorkspace
    office_template: Path
    office_identity: bytes
    office_recipient: str
    laptop_key: minisign.SigningKey
    expected: dict[str, dict[str, Any]]  # the laptop's results per case, from its own services, at export 1
    draft_case: str  # a case with one submitted sheet and one draft
    draft_expert: str
    first: results.ExportResult
    amended_case: str
    amended_grade: str
    second: results.ExportResult


# -- building the laptop and its exports ---------------------------------------------------------------------
def _expected(ws: OpenWorkspace) -> dict[str, dict[str, Any]]:
    out = {}
    for view in assignment.panels(ws, DEMO_CAMPAIGN):
        case = view.case.external_id
        sheets = [s for s in scoring.sheets_for_case(ws, case, DEMO_CAMPAIGN) if s.status == "submitted"]
        if not sheets:
            continue
        c = deliberation.deliberation(ws, case, DEMO_CAMPAIGN).conclusion
        out[case] = {
            "panel": sorted(({"expert_id": m.external_id, "name": m.name, "role": m.role} for m in view.members),
                            key=lambda m: m["expert_id"]),
            "sheets": sorted((
                {"expert_id": s.expert_external_id, "rubric": {"code": s.rubric_code, "version": s.rubric_version},
                 "version": s.version, "total": s.total, "grade": s.grade, "veto": s.veto, "comment": s.comment,
                 "items": sorted(({"code": i.code, "points": i.points, "reason": i.reason, "evidence": i.evidence,
                                   "veto": i.veto} for i in s.items), key=lambda i: i["code"]),
                 "submitted_at": s.submitted_at}
                for s in sheets), key=lambda s: s["expert_id"]),
            "conclusion": None if c is None else {
                "score": c.score, "consolidation": c.consolidation, "computed_grade": c.computed_grade,
                "grade": c.grade, "grade_reason": c.grade_reason, "outcome": c.outcome, "veto_kept": c.veto_kept,
                # With the finding ↔ deduction links (optional fields of format 1, which this writer includes).
                "findings": [{**{k: asdict(f)[k] for k in ("category", "description", "evidence_ref", "item_code",
                                                           "basis_reason")},
                              "basis": sorted(({"expert_id": b.expert_id, "item_code": b.item_code} for b in f.basis),
                                              key=lambda b: (b["expert_id"], b["item_code"]))}
                             for f in c.findings], "majority_view": c.majority_view,
                "minority_view": c.minority_view, "version": c.version,
                "actions": {"correction": c.actions["correction"],
                            "referral": {**{k: c.actions["referral"][k] for k in ("suggested", "reason")},
                                         "findings": c.actions["referral"].get("findings") or []}},
                "concluded_by": c.concluded_by, "concluded_at": c.concluded_at, "outcome_reason": c.outcome_reason,
            },
        }
    return out


def _draft_next_panel(laptop: OpenWorkspace) -> tuple[str, str]:
    """On a 7th panel one member submits and another only saves a draft."""
    view = assignment.panels(laptop, DEMO_CAMPAIGN)[6]
    first, second = view.members[0], view.members[1]
    user = demo_scoring._account(laptop, first.external_id, first.name, DEMO_PASSWORD)
    demo_scoring._submit(laptop, user, view.case.id, DEMO_CAMPAIGN, random.Random(7))
    user = demo_scoring._account(laptop, second.external_id, second.name, DEMO_PASSWORD)
    with laptop.workspace.open(user, DEMO_PASSWORD) as ws:
        scoring.certify(ws, str(view.case.id), DEMO_CAMPAIGN)
        scoring.save_draft(ws, str(view.case.id), [], "草稿", DEMO_CAMPAIGN)
    return view.case.external_id, second.external_id


def _amend_a_conclusion(laptop: OpenWorkspace, expected: dict[str, dict[str, Any]]) -> tuple[str, str]:
    """The admin re-records one conclusion with another grade (and the reason): a later, different result."""
    case = next(c for c, e in expected.items() if e["conclusion"] is not None)
    c = deliberation.deliberation(laptop, case, DEMO_CAMPAIGN).conclusion
    assert c is not None
    grade = next(g for g in ("优秀", "合格", "瑕疵", "不合格") if g != c.grade)
    corr, ref = c.actions["correction"], c.actions["referral"]
    deliberation.conclude(laptop, case, deliberation.ConclusionInput(
        outcome=c.outcome, grade=grade, grade_reason="复核后调整等次", veto_kept=c.veto_kept,
        findings=[deliberation.FindingInput(f.category, f.description, f.evidence_ref, f.item_code, tuple(f.basis),
                                            f.basis_reason) for f in c.findings],
        majority_view=c.majority_view, minority_view=c.minority_view, correction_required=corr["required"],
        correction_deadline=corr["deadline"], referral_suggested=ref["suggested"], referral_reason=ref["reason"],
        referral_findings=tuple(ref.get("findings") or ()), outcome_reason=c.outcome_reason,
    ), DEMO_CAMPAIGN)
    return case, grade


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    base = tmp_path_factory.mktemp("results")
    create_demo(base / "laptop")
    laptop = Workspace(base / "laptop").open(DEMO_ADMIN, DEMO_PASSWORD)
    office, _code = Workspace(base / "office").create("admin", "办公室", OFFICE_PW)
    keys.trust_issuer(office, keys.signing_public_key(laptop), "评查组笔记本 A")
    recipient = keys.recipient(office)
    with office.read_session() as s:
        identity = keys.age_identity(s).to_bytes()
    office.close()
    with laptop.read_session() as s:
        laptop_key = keys.minisign_key(s)
    draft_case, draft_expert = _draft_next_panel(laptop)
    expected = _expected(laptop)
    first = results.export_results(laptop, DEMO_CAMPAIGN, [recipient], base / "first.rdpkg")
    amended_case, grade = _amend_a_conclusion(laptop, expected)
    second = results.export_results(laptop, DEMO_CAMPAIGN, [recipient], base / "second.rdpkg")
    yield World(base, laptop, base / "office", identity, recipient, laptop_key, expected, draft_case, draft_expert,
                first, amended_case, grade, second)
    laptop.close()


@pytest.fixture
def office(world: World, tmp_path: Path) -> Iterator[OpenWorkspace]:
    """A fresh copy of the office machine (same keys, trusting the laptop) for each test."""
    shutil.copytree(world.office_template, tmp_path / "office")
    ws = Workspace(tmp_path / "office").open("admin", OFFICE_PW)
    yield ws
    ws.close()


# -- helpers -----------------------------------------------------------------------------------------------
def _state(ws: OpenWorkspace) -> dict[str, list[tuple[Any, ...]]]:
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def _unpack(world: World, path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    return _unpack_with(world.office_identity, path)


def _unpack_with(identity: bytes, path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    with open(path, "rb") as fh:
        reader = PackageReader(fh, identities=[age.Identity.from_bytes(identity)], passphrase=None,
                               trusted={}, allow_unsigned=True)
        verified = reader.open()
        members = {record.path: b"".join(chunks) for record, chunks in reader.files()}
        reader.finish()
    return json.loads(verified.manifest_bytes), members


def _repack(manifest: dict[str, Any], members: dict[str, bytes], out: Path, signer: minisign.SigningKey | None,
            recipient: str) -> Path:
    """A package from edited contents; file entries get the members' real sizes and hashes."""
    import hashlib

    files = []
    for entry in manifest["files"]:
        data = members[entry["path"]]
        entry.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
        files.append((data, entry))
    builder.build(manifest, files, out, signer=signer, recipients=[age.Recipient.from_str(recipient)])
    return out


def _resign_checkpoint(members: dict[str, bytes], key: minisign.SigningKey) -> None:
    doc = json.loads(members["audit-checkpoint.json"])
    payload = json.loads(doc["payload"])
    payload["key_id"] = key.key_id_hex()
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signature = Ed25519PrivateKey.from_private_bytes(key.seed).sign(text.encode("utf-8")).hex()
    members["audit-checkpoint.json"] = json.dumps({"payload": text, "signature": signature}).encode("utf-8")


# -- export ------------------------------------------------------------------------------------------------
def test_export_carries_submitted_sheets_conclusions_and_opinions(world: World) -> None:
    manifest, members = _unpack(world, Path(world.first.files[0]))
    assert manifest["kind"] == "results" and manifest["issuer"]["key_id"] == world.laptop_key.key_id_hex()
    cases = {c["id"]: c for c in manifest["cases"]}
    assert set(cases) == set(world.expected) and len(cases) == 7
    assert world.first.conclusions == 4 and world.first.sheets == 6 * 3 + 1
    # Drafts never leave: the half-scored case carries only the submitted sheet.
    half = cases[world.draft_case]
    assert [s["expert_id"] for s in half["sheets"]] != [] and world.draft_expert not in {s["expert_id"] for s in half["sheets"]}
    assert half["conclusion"] is None and half["opinion"] is None
    assert "草稿" not in json.dumps(manifest, ensure_ascii=False)
    # Each concluded case has its opinion (docx and pdf) with its document number.
    for case in (c for c in cases.values() if c["conclusion"] is not None):
        paths = [f["path"] for f in case["opinion"]["files"]]
        assert sorted(p.rsplit(".", 1)[1] for p in paths) == ["docx", "pdf"]
        assert members[paths[0]].startswith(b"PK") or members[paths[0]].startswith(b"%PDF")
    assert world.first.opinion_files == 8
    # The audit log is the whole chain up to the signed checkpoint; the export's own entry comes after it.
    lines = members["audit.jsonl"].decode("utf-8").splitlines()
    assert [json.loads(x)["seq"] for x in lines] == list(range(1, len(lines) + 1)) == list(range(1, world.first.audit_entries + 1))
    assert json.loads(json.loads(members["audit-checkpoint.json"])["payload"])["size"] == len(lines)
    entry = audit.show(world.laptop, audit.AuditFilter(action="results.export"))[0]
    assert entry.details["package_id"] == world.first.package_id and entry.seq > len(lines)
    assert audit.verify(world.laptop).ok


def test_export_refuses_bad_recipient_and_existing_file(world: World) -> None:
    with pytest.raises(ValidationError, match="recipient"):
        results.export_results(world.laptop, DEMO_CAMPAIGN, ["age1notakey"], world.base / "bad.rdpkg")
    with pytest.raises(ValidationError, match="already exists"):
        results.export_results(world.laptop, DEMO_CAMPAIGN, [world.office_recipient], Path(world.first.files[0]))
    assert not (world.base / "bad.rdpkg").exists()


# -- import ------------------------------------------------------------------------------------------------
def test_import_stores_what_the_laptop_had(world: World, office: OpenWorkspace) -> None:
    done = results.import_results(office, Path(world.first.files[0]))
    assert (done.status, done.cases, done.files, done.conflicts) == ("imported", 7, 8, [])
    assert done.signed_by == world.laptop_key.key_id_hex() and done.audit_verified
    assert done.audit_entries == world.first.audit_entries
    assert DEMO_CAMPAIGN in results.received_campaigns(office)
    got = {c.case_id: c for c in results.received(office, DEMO_CAMPAIGN)}
    assert set(got) == set(world.expected)
    for case_id, expected in world.expected.items():
        received = got[case_id]
        assert received.status == "consistent" and [s.package_id for s in received.sources] == [done.package_id]
        result = received.result
        assert result is not None
        assert sorted(result["panel"], key=lambda m: m["expert_id"]) == expected["panel"]
        assert result["sheets"] == expected["sheets"]
        assert result["conclusion"] == expected["conclusion"]
    # Opinion bytes are exactly what the laptop's documents service produced.
    manifest, members = _unpack(world, Path(world.first.files[0]))
    for case in manifest["cases"]:
        for f in (case["opinion"] or {"files": []})["files"]:
            assert results.received_file(office, done.package_id, f["path"]) == members[f["path"]]
    # The same package again changes nothing.
    before = _state(office)
    again = results.import_results(office, Path(world.first.files[0]))
    assert again.status == "already_imported" and _state(office) == before
    assert audit.verify(office).ok


def resend_from_another_laptop(office: OpenWorkspace, source: Path, out_dir: Path) -> Path:
    """The same contents as `source`, sent by another workstation ("laptop C") that `office` trusts."""
    with office.read_session() as s:
        identity = keys.age_identity(s).to_bytes()
    other = new_office_key()
    keys.trust_issuer(office, other.public_key_text("laptop C"), "评查组笔记本 C")
    manifest, members = _unpack_with(identity, source)
    manifest["package_id"] = str(uuid.uuid4())
    _resign_checkpoint(members, other)
    return _repack(manifest, members, out_dir / f"c-{manifest['package_id']}.rdpkg", other, keys.recipient(office))


def _from_laptop_c(world: World, office: OpenWorkspace, source: Path) -> Path:
    return resend_from_another_laptop(office, source, world.base)


def test_a_later_package_from_the_same_laptop_supersedes_its_result_and_both_are_kept(
        world: World, office: OpenWorkspace) -> None:
    first = results.import_results(office, Path(world.first.files[0]))
    second = results.import_results(office, Path(world.second.files[0]))
    assert second.conflicts == [] and second.updated == [world.amended_case]
    assert len(second.identical) == 6  # the other cases are the same in both packages
    assert results.conflicts(office, DEMO_CAMPAIGN) == []
    case = next(c for c in results.received(office, DEMO_CAMPAIGN) if c.case_id == world.amended_case)
    assert case.status == "consistent" and case.result is not None
    assert case.result["conclusion"]["grade"] == world.amended_grade
    assert [s.package_id for s in case.sources] == [second.package_id]
    assert [s.package_id for s in case.earlier] == [first.package_id]  # kept, not overwritten
    earlier = next(v for v in results.received(office, DEMO_CAMPAIGN) if v.case_id == world.amended_case)
    assert earlier.earlier[0].digest != case.sources[0].digest  # both results stay in the store


def test_two_laptops_that_disagree_are_a_conflict_and_both_are_kept(world: World, office: OpenWorkspace) -> None:
    first = results.import_results(office, Path(world.first.files[0]))
    from_c = results.import_results(office, _from_laptop_c(world, office, Path(world.second.files[0])))
    assert from_c.conflicts == [world.amended_case] and len(from_c.identical) == 6
    found = results.conflicts(office, DEMO_CAMPAIGN)
    assert [c.case_id for c in found] == [world.amended_case]
    fields = {f.field: f for f in found[0].fields}
    assert "conclusion.grade" in fields and "conclusion.version" in fields
    grades = {v.package_id: v.value for v in fields["conclusion.grade"].values}
    assert grades == {first.package_id: world.expected[world.amended_case]["conclusion"]["grade"],
                      from_c.package_id: world.amended_grade}
    case = next(c for c in results.received(office, DEMO_CAMPAIGN) if c.case_id == world.amended_case)
    assert case.status == "conflict" and case.result is None and len(case.results) == 2
    assert {v.result["conclusion"]["grade"] for v in case.results} == {grades[first.package_id], world.amended_grade}


def test_an_unsigned_package_never_supersedes_a_signed_one(world: World, office: OpenWorkspace) -> None:
    results.import_results(office, Path(world.first.files[0]))
    manifest, members = _unpack(world, Path(world.second.files[0]))
    manifest["package_id"] = str(uuid.uuid4())
    path = _repack(manifest, members, world.base / f"u-{manifest['package_id']}.rdpkg", None, world.office_recipient)
    unsigned = results.import_results(office, path, allow_unsigned=True)
    assert unsigned.signed_by is None and unsigned.conflicts == [world.amended_case]


def test_identical_results_from_another_laptop_are_not_a_conflict(world: World, office: OpenWorkspace) -> None:
    results.import_results(office, Path(world.first.files[0]))
    from_c = results.import_results(office, _from_laptop_c(world, office, Path(world.first.files[0])))
    assert from_c.conflicts == [] and len(from_c.identical) == 7
    assert results.conflicts(office, DEMO_CAMPAIGN) == []
    assert all(len(c.sources) == 2 and c.status == "consistent" for c in results.received(office, DEMO_CAMPAIGN))


# -- refusals ----------------------------------------------------------------------------------------------
def _refused(office: OpenWorkspace, path: Path, code: str, **kw: Any) -> imports.PackageRejected:
    before = _state(office)
    with pytest.raises(imports.PackageRejected) as err:
        results.import_results(office, path, **kw)
    assert err.value.reason_code == code, err.value
    assert _state(office) == before
    assert audit.show(office, audit.AuditFilter(action="results.rejected"))[-1].details["reason"] == code
    return err.value


def test_tampered_audit_log_is_refused(world: World, office: OpenWorkspace) -> None:
    manifest, members = _unpack(world, Path(world.first.files[0]))
    lines = members["audit.jsonl"].decode("utf-8").splitlines(keepends=True)
    entry = json.loads(lines[4])
    entry["actor"] = "someone-else"
    lines[4] = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    members["audit.jsonl"] = "".join(lines).encode("utf-8")
    path = _repack(manifest, members, world.base / "tampered.rdpkg", world.laptop_key, world.office_recipient)
    err = _refused(office, path, "audit")
    assert "line 5" in str(err) and "hash" in str(err)
    # Dropping an entry breaks the links; the checkpoint no longer matches either.
    del lines[2]
    members["audit.jsonl"] = "".join(lines).encode("utf-8")
    path = _repack(manifest, members, world.base / "cut.rdpkg", world.laptop_key, world.office_recipient)
    assert "line 3" in str(_refused(office, path, "audit"))


def test_a_damaged_copy_of_an_imported_results_package_is_refused(world: World, office: OpenWorkspace) -> None:
    good = Path(world.first.files[0])
    assert results.import_results(office, good).status == "imported"
    data = good.read_bytes()
    cut = world.base / "cut-copy.rdpkg"
    cut.write_bytes(data[:-300])
    assert _refused(office, cut, "age").exit_code == 10
    flipped = world.base / "flipped-copy.rdpkg"
    flipped.write_bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    _refused(office, flipped, "age")
    assert results.import_results(office, good).status == "already_imported"


def test_unsigned_package_is_refused_unless_allowed(world: World, office: OpenWorkspace) -> None:
    manifest, members = _unpack(world, Path(world.first.files[0]))
    path = _repack(manifest, members, world.base / "unsigned.rdpkg", None, world.office_recipient)
    _refused(office, path, "unsigned")
    allowed = results.import_results(office, path, allow_unsigned=True)
    assert allowed.status == "imported" and allowed.signed_by is None and not allowed.audit_verified


def test_package_for_another_recipient_is_refused(world: World, office: OpenWorkspace, tmp_path: Path) -> None:
    stranger = age.Identity.generate()
    manifest, members = _unpack(world, Path(world.first.files[0]))
    path = _repack(manifest, members, tmp_path / "other.rdpkg", world.laptop_key, str(stranger.recipient()))
    _refused(office, path, "age")


def test_cases_package_is_not_a_results_package(world: World, office: OpenWorkspace, tmp_path: Path) -> None:
    manifest, members = _unpack(world, Path(world.first.files[0]))
    with pytest.raises(imports.PackageRejected) as err:
        imports.import_package(office, Path(world.first.files[0]))  # `reviewdesk import` still refuses results
    assert err.value.reason_code == "kind"
    missing = {**manifest, "files": [f for f in manifest["files"] if f["path"] != "audit-checkpoint.json"]}
    path = _repack(missing, members, tmp_path / "nocheckpoint.rdpkg", world.laptop_key, world.office_recipient)
    assert "audit-checkpoint.json" in str(_refused(office, path, "manifest"))


# -- the manifest's results entries ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (lambda c: c.update(extra=1), "cases[0].extra"),
        (lambda c: c["panel"][0].update(role="chair"), "cases[0].panel[0].role"),
        (lambda c: c["sheets"][0].update(total="90"), "cases[0].sheets[0].total"),
        (lambda c: c["sheets"][0]["items"][0].update(points=True), "cases[0].sheets[0].items[0].points"),
        (lambda c: c["sheets"][0].pop("submitted_at"), "cases[0].sheets[0].submitted_at"),
        (lambda c: c["conclusion"].update(outcome="maybe"), "cases[0].conclusion.outcome"),
        (lambda c: c["conclusion"]["actions"]["correction"].update(deadline="2026-13-01"),
         "cases[0].conclusion.actions.correction.deadline"),
        (lambda c: c["opinion"]["files"][0].update(path="opinions/x.docx"), "cases[0].opinion.files[0].path"),
        (lambda c: c.update(campaign="2026-ZX-01"), "cases[0].campaign"),
        (lambda c: c["sheets"][0].update(total=10**400), "cases[0].sheets[0].total"),
        (lambda c: c["sheets"][0].update(grade="优秀\n"), "cases[0].sheets[0].grade"),
        (lambda c: c["sheets"][0].update(comment="一\x85二"), "cases[0].sheets[0].comment"),
        (lambda c: c["sheets"][0]["rubric"].update(version=True), "cases[0].sheets[0].rubric.version"),
        (lambda c: c["sheets"][0].update(items=None), "cases[0].sheets[0].items"),
        (lambda c: c["conclusion"].update(findings=None), "cases[0].conclusion.findings"),
        (lambda c: c["conclusion"].update(version=1.0), "cases[0].conclusion.version"),
        (lambda c: c["conclusion"]["findings"][0].update(basis=None), "cases[0].conclusion.findings[0].basis"),
        (lambda c: c["conclusion"]["findings"][0].update(basis=[{"expert_id": "EXP-9999", "item_code": "A1"}]),
         "cases[0].conclusion.findings[0].basis[0].expert_id"),
        (lambda c: c["conclusion"]["findings"][0].update(basis=[
            {"expert_id": c["sheets"][0]["expert_id"], "item_code": "NO-SUCH-ITEM"}]),
         "cases[0].conclusion.findings[0].basis[0].item_code"),
        (lambda c: c["conclusion"]["findings"][0].update(basis=[], basis_reason=""),
         "cases[0].conclusion.findings[0].basis_reason"),
        (lambda c: c["conclusion"]["findings"][0].update(basis=[c["conclusion"]["findings"][0]["basis"][0]] * 2),
         "cases[0].conclusion.findings[0].basis[1]"),
        (lambda c: c["conclusion"]["actions"]["referral"].update(findings=[99]),
         "cases[0].conclusion.actions.referral.findings[0]"),
        (lambda c: c["conclusion"].update(outcome_reason=7), "cases[0].conclusion.outcome_reason"),
    ],
)
def test_results_entries_are_validated_strictly(world: World, edit: Any, where: str) -> None:
    manifest, _members = _unpack(world, Path(world.first.files[0]))
    concluded = next(c for c in manifest["cases"] if c["conclusion"] is not None and c["conclusion"]["findings"])
    manifest["cases"] = [concluded]
    manifest["files"] = [f for f in manifest["files"] if f.get("case_id") in (None, concluded["id"])]
    parse(builder.manifest_bytes(manifest))  # the trimmed manifest is valid
    edit(concluded)
    with pytest.raises(ManifestError) as err:
        parse(builder.manifest_bytes(manifest))
    assert err.value.where == where


def test_results_without_the_optional_links_are_still_read(world: World) -> None:
    """A writer that does not record the finding ↔ deduction links (an earlier version) leaves them out."""
    manifest, _members = _unpack(world, Path(world.first.files[0]))
    for case in (c for c in manifest["cases"] if c["conclusion"] is not None):
        case["conclusion"].pop("outcome_reason")
        case["conclusion"]["actions"]["referral"].pop("findings")
        for finding in case["conclusion"]["findings"]:
            finding.pop("basis")
            finding.pop("basis_reason")
    assert len(parse(builder.manifest_bytes(manifest)).results) == len(manifest["cases"])


def test_received_findings_rest_on_the_received_deductions(world: World, office: OpenWorkspace) -> None:
    """What section 五 and 附件1 print from: every received finding names deductions on the received sheets,
    and cites the evidence of one of them, as the local opinion does."""
    results.import_results(office, Path(world.first.files[0]))
    checked = 0
    for received in results.received(office, DEMO_CAMPAIGN):
        result = received.result
        if result is None or result["conclusion"] is None:
            continue
        items = {(s["expert_id"], i["code"]): i for s in result["sheets"] for i in s["items"]}
        for finding in result["conclusion"]["findings"]:
            assert finding["basis"] or finding["basis_reason"]
            cited = {items[(b["expert_id"], b["item_code"])]["evidence"] for b in finding["basis"]}
            assert not cited or finding["evidence_ref"] in cited
            checked += len(finding["basis"])
    assert checked > 0


def test_an_unclaimed_file_is_refused(world: World) -> None:
    manifest, _members = _unpack(world, Path(world.first.files[0]))
    manifest["cases"] = [c for c in manifest["cases"] if c["opinion"] is None]
    with pytest.raises(ManifestError, match="not an opinion named by a case"):
        parse(builder.manifest_bytes(manifest))


# -- CLI ---------------------------------------------------------------------------------------------------
def test_cli_import_list_conflicts(world: World, office: OpenWorkspace) -> None:
    folder = str(office.workspace.folder)
    office.close()
    env = {"OFFICE_PW": OFFICE_PW}
    auth = ["--user", "admin", "--password-env", "OFFICE_PW"]
    first = run_cli("--workspace", folder, "results", "import", world.first.files[0], *auth, "--json", env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["status"] == "imported"
    none = run_cli("--workspace", folder, "results", "conflicts", "--campaign", DEMO_CAMPAIGN, *auth, "--json", env=env)
    assert none.returncode == 0 and json.loads(none.stdout) == []
    with Workspace(Path(folder)).open("admin", OFFICE_PW) as ws:
        from_c = _from_laptop_c(world, ws, Path(world.second.files[0]))
    run_cli("--workspace", folder, "results", "import", str(from_c), *auth, env=env)
    listed = run_cli("--workspace", folder, "results", "list", "--campaign", DEMO_CAMPAIGN, *auth, "--json", env=env)
    statuses = {c["case_id"]: c["status"] for c in json.loads(listed.stdout)}
    assert statuses[world.amended_case] == "conflict" and list(statuses.values()).count("consistent") == 6
    found = run_cli("--workspace", folder, "results", "conflicts", "--campaign", DEMO_CAMPAIGN, *auth, "--json", env=env)
    assert found.returncode == 12
    assert "conclusion.grade" in {f["field"] for f in json.loads(found.stdout)[0]["fields"]}
    bad = run_cli("--workspace", folder, "results", "import", str(world.base / "missing.rdpkg"), *auth, env=env)
    assert bad.returncode == 10 and "not found" in bad.stderr


def test_cli_export(world: World, tmp_path: Path) -> None:
    out = tmp_path / "cli.rdpkg"
    folder = str(world.laptop.workspace.folder)
    done = run_cli("--workspace", folder, "export", "results", "--campaign", DEMO_CAMPAIGN, "--recipient",
                   world.office_recipient, "--out", str(out), "--user", DEMO_ADMIN, "--password-env", "PW", "--json",
                   env={"PW": DEMO_PASSWORD})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"] == [str(out)] and out.exists()
    again = run_cli("--workspace", folder, "export", "results", "--campaign", DEMO_CAMPAIGN, "--recipient",
                    world.office_recipient, "--out", str(out), "--user", DEMO_ADMIN, "--password-env", "PW",
                    env={"PW": DEMO_PASSWORD})
    assert again.returncode == 6 and "already exists" in again.stderr

