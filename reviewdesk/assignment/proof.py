"""Words for the solver's proof: which requirement cannot be met, for which cases, and why.

A core from exact.py is a set of requirements that no draw meets together. Where a counting argument holds it
is stated ("7 administrative cases need a specialist; the 2 eligible administrative specialists can sit on at
most 6 of them"): the seats the qualifying experts can give those cases, each expert at most its maximum load
and at most once per case, each unit at most once per case, are fewer than the cases need. Otherwise the
core is named as the solver proved it: these requirements, under the conflicts, maximum loads and the unit rule.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from reviewdesk.assignment.exact import Inputs, Requirement
from reviewdesk.assignment.problem import CompositionRule, Shortfall

_CODES = {"staffed": "max_load", "specialist": "specialist", "composition": "composition"}


def capacity(inp: Inputs, cases: Sequence[int], qualifies: NDArray[np.bool_]) -> tuple[int, NDArray[np.intp]]:
    """Upper bound on the seats qualifying experts can give `cases`, and those experts (columns). `qualifies`:
    one row for all cases, or one row per case."""
    sub = inp.elig[list(cases)] & (qualifies if qualifies.ndim == 2 else qualifies[None, :])
    experts = np.flatnonzero(sub.any(axis=0))
    per_expert = np.minimum(inp.caps[experts], sub[:, experts].sum(axis=0))
    total = 0
    for u in np.unique(inp.unit_of[experts]):
        in_unit = inp.unit_of[experts] == u
        cases_reached = int(sub[:, experts[in_unit]].any(axis=1).sum())
        total += min(int(per_expert[in_unit].sum()), cases_reached)
    return total, experts


def _caps_text(inp: Inputs, experts: NDArray[np.intp]) -> str:
    caps = sorted({int(inp.caps[e]) for e in experts})
    return "/".join(str(c) for c in caps)


def explain(
    inp: Inputs,
    core: Sequence[Requirement],
    case_keys: Sequence[str],
    case_types: Sequence[str],
    expert_keys: Sequence[str],
    rules: Sequence[CompositionRule],
) -> Shortfall:
    """One Shortfall for a core (its `details` list the cases and experts concerned)."""
    cases = sorted({q.case for q in core}, key=lambda c: case_keys[c])
    kinds = sorted({(q.kind, q.rule) for q in core if q.kind != "staffed"}) or [("staffed", -1)]
    listed = [case_keys[c] for c in cases]
    shown = ", ".join(listed[:12]) + (f" … (+{len(listed) - 12})" if len(listed) > 12 else "")
    base: dict[str, object] = {"proven": True, "cases": listed}
    if len(kinds) == 1:
        kind, r = kinds[0]
        types = sorted({case_types[c] for c in cases})
        if kind == "specialist":
            qualifies = inp.spec[cases]
            need = len(cases)
        elif kind == "composition":
            qualifies = inp.rule_mask[r]
            need = len(cases) * inp.rule_min[r]
        elif kind == "staffed":
            qualifies = np.ones(inp.elig.shape[1], dtype=bool)
            need = len(cases) * inp.k
        else:
            qualifies = None
            need = 0
        if qualifies is not None:
            cap, experts = capacity(inp, cases, qualifies)
            if cap < need:
                details = {
                    **base, "requirement": kind, "needed": need, "capacity": cap,
                    "experts": [expert_keys[e] for e in experts],
                }
                n, q, loads = len(cases), len(experts), _caps_text(inp, experts)
                if kind == "specialist":
                    t = "/".join(types)
                    details["case_type"] = t
                    return Shortfall(
                        "specialist",
                        f"{n} '{t}' cases need a specialist ({shown}); the {q} eligible '{t}' specialists can sit "
                        f"on at most {cap} of them (maximum load {loads or 0}, one per panel)",
                        f"{n} 件“{t}”案件需要具备该专长的专家（{shown}），但符合条件的 {q} 名“{t}”专长专家"
                        f"最多只能参加其中 {cap} 件（最大分案数 {loads or 0}）",
                        details,
                    )
                if kind == "composition":
                    rule = rules[r]
                    names = "/".join(sorted(rule.professions))
                    details["rule"] = rule.label()
                    return Shortfall(
                        "composition",
                        f"{n} cases need at least {rule.min} {names} member(s) each, {need} seats in all ({shown}); "
                        f"the {q} eligible {names} experts can fill at most {cap} of them (maximum load "
                        f"{loads or 0}, one member per unit)",
                        f"{n} 件案件每件至少需要 {rule.min} 名{names}成员，共 {need} 个席位（{shown}），"
                        f"符合条件的 {q} 名{names}专家最多只能承担 {cap} 个（最大分案数 {loads or 0}，同单位限一人）",
                        details,
                    )
                return Shortfall(
                    "max_load",
                    f"{n} cases need {inp.k} members each, {need} seats in all ({shown}); their {q} eligible experts "
                    f"can fill at most {cap} of them (maximum load {loads or 0}, one member per unit)",
                    f"{n} 件案件每件需要 {inp.k} 名成员，共 {need} 个席位（{shown}），可选的 {q} 名专家"
                    f"最多只能承担 {cap} 个（最大分案数 {loads or 0}，同单位限一人）",
                    details,
                )
    names_en = sorted({_label_en(q, case_types[q.case], rules) for q in core})
    names_zh = sorted({_label_zh(q, case_types[q.case], rules) for q in core})
    code = _CODES[kinds[0][0]] if len(kinds) == 1 else "requirements"
    return Shortfall(
        code,
        f"no draw meets all of these requirements together ({'; '.join(names_en)}) for cases {shown}: the "
        "conflicts, maximum loads and the one-member-per-unit rule leave no way (proven by the solver)",
        f"案件 {shown} 的以下要求无法同时满足（{'；'.join(names_zh)}）：受回避、最大分案数和同单位限一人的限制，"
        "不存在满足全部要求的分案方案（求解器已证明）",
        {**base, "requirement": "+".join(k for k, _ in kinds), "requirements": names_en},
    )


def _label_en(q: Requirement, case_type: str, rules: Sequence[CompositionRule]) -> str:
    if q.kind == "staffed":
        return "a full panel"
    if q.kind == "specialist":
        return f"a '{case_type}' specialist"
    return f"composition {rules[q.rule].label()}"


def _label_zh(q: Requirement, case_type: str, rules: Sequence[CompositionRule]) -> str:
    if q.kind == "staffed":
        return "组成完整评查组"
    if q.kind == "specialist":
        return f"“{case_type}”专长专家"
    return f"组成规则 {rules[q.rule].label()}"


def not_met(q: Requirement, case_type: str, rules: Sequence[CompositionRule], proven: bool, limit: float) -> Shortfall:
    """A requirement the best partial draw misses although it is in no core."""
    code = _CODES[q.kind]
    what_en = _label_en(q, case_type, rules)
    what_zh = _label_zh(q, case_type, rules)
    if proven:
        return Shortfall(
            code,
            f"{what_en} is not met: no draw meets more requirements in all than this one (proven by the solver); "
            "meeting it would leave another case short",
            f"未满足{what_zh}：求解器已证明没有能满足更多要求的分案方案，满足此项将使其他案件缺项",
            {"proven": True, "requirement": q.kind},
        )
    return Shortfall(
        code,
        f"{what_en} is not met: the exact search ran out of its time limit ({limit:.0f} work units) before it "
        "found a draw meeting it or proved that none exists; this is not proven impossible",
        f"未满足{what_zh}：精确求解在时限（{limit:.0f} 个计算单位）内既未找到满足此项的方案，也未证明其不可能；"
        "不能断定无法满足",
        {"proven": False, "requirement": q.kind, "limit": limit},
    )
