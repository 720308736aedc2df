"""Rule 8 (declared): self-declared recusal, a party's recusal request the coordinator granted, or a declared
relation of kind `other` or `former_colleague` naming a party, a handler or a party's counsel (soft: another
relationship that may affect impartiality is for the coordinator to confirm or clear)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reviewdesk.recusal.facts import CaseFacts
from reviewdesk.recusal.findings import Finding, evidence_key, finding, mask_id
from reviewdesk.recusal.pool import CampaignRules, Pool
from reviewdesk.recusal.rules.match import people, relations_like

RULE_ID = "declared"

RELATIONS = {"other": ("other relation", "其他关系"), "former_colleague": ("former colleague", "原同事关系")}
KINDS = {"self_declared": ("self-declared recusal", "自行回避"), "request_granted": ("recusal request granted", "申请回避已批准")}


def check(case: CaseFacts, pool: Pool, campaign: CampaignRules, today: date) -> Iterator[tuple[int, Finding]]:
    # A declaration without a case applies to every case.
    for d in [*pool.declared_by_case.get(case.id, ()), *pool.declared_by_case.get(None, ())]:
        e = pool.experts[d.expert_id]
        en, zh = KINDS.get(d.kind, (d.kind, d.kind))
        scope_en, scope_zh = ("for this case", "本案") if d.case_id is not None else ("for all cases", "所有案件")
        note = f"：{d.note}" if d.note else ""
        yield d.expert_id, finding(
            RULE_ID, True, evidence_key(RULE_ID, d.kind, d.id),
            f"{en} of expert {e.name} {scope_en} (declaration {d.id})",
            f"专家{e.name}{zh}（{scope_zh}，登记第{d.id}号{note}）",
        )
    yield from _relations(case, pool)


def _relations(case: CaseFacts, pool: Pool) -> Iterator[tuple[int, Finding]]:
    for who_en, who_zh, name, id_number in people(case):
        for kind, (kind_en, kind_zh) in RELATIONS.items():
            for eid, rel, how in relations_like(pool, kind, name, id_number):
                e = pool.experts[eid]
                key = evidence_key(RULE_ID, f"relation-{kind}-{how}", rel.name, rel.id_number or "", name, id_number or "")
                note_en = f" ({rel.note})" if rel.note else ""
                note_zh = f"（{rel.note}）" if rel.note else ""
                if how == "id":
                    match_en = f"identity numbers equal, {mask_id(id_number)}"
                    match_zh = f"身份证号一致（{mask_id(id_number)}）"
                else:
                    match_en = "same name, no identity number to confirm"
                    match_zh = "同名，缺少身份证号，无法确认是否同一人"
                yield eid, finding(
                    RULE_ID, False, key,
                    f"expert {e.name} declared a relation ({kind_en}{note_en}) with {rel.name}, who is {who_en} "
                    f"{name} ({match_en}); may affect impartiality: confirm or clear",
                    f"专家{e.name}申报与{rel.name}有{kind_zh}{note_zh}，其即{who_zh}{name}（{match_zh}），"
                    "可能影响公正评查，请确认或排除",
                )
