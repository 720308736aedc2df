"""Naming the constraint that kept a case from a full or complete panel."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from reviewdesk.assignment.problem import CompositionRule, Shortfall


def unstaffed(
    panel_size: int,
    eligible_row: NDArray[np.bool_],
    unit_of: NDArray[np.intp],
    loads: NDArray[np.int64],
    caps: NDArray[np.int64],
    excluded_by: Mapping[str, int],
) -> Shortfall:
    idx = np.flatnonzero(eligible_row)
    if len(idx) < panel_size:
        counts = {rule: n for rule, n in sorted(excluded_by.items()) if n}
        listed = ", ".join(f"{rule}: {n}" for rule, n in counts.items()) or "none"
        return Shortfall(
            "too_few_eligible",
            f"only {len(idx)} experts are free of conflicts, {panel_size} needed (excluded by rule: {listed})",
            f"无回避情形的专家仅 {len(idx)} 名，需要 {panel_size} 名（按规则排除：{listed}）",
            {"eligible": len(idx), "needed": panel_size, "excluded_by_rule": counts},
        )
    n_units = len(np.unique(unit_of[idx]))
    if n_units < panel_size:
        return Shortfall(
            "too_few_units",
            f"the {len(idx)} eligible experts come from only {n_units} units; a panel needs {panel_size} "
            "members from different units",
            f"{len(idx)} 名可选专家仅来自 {n_units} 个单位，评查组需 {panel_size} 名不同单位的成员",
            {"eligible": len(idx), "units": n_units, "needed": panel_size},
        )
    at_cap = int((loads[idx] >= caps[idx]).sum())
    if at_cap == len(idx):
        msg = f"every one of the {len(idx)} eligible experts has reached the maximum load"
        msg_zh = f"全部 {len(idx)} 名可选专家均已达到最大分案数"
    else:
        msg = (
            f"{at_cap} of the {len(idx)} eligible experts have reached the maximum load; the others cannot form "
            "a panel from different units"
        )
        msg_zh = f"{len(idx)} 名可选专家中 {at_cap} 名已达最大分案数，其余无法组成不同单位的评查组"
    return Shortfall("max_load", msg, msg_zh, {"eligible": len(idx), "at_max_load": at_cap, "needed": panel_size})


def missing_specialist(case_type: str, eligible_specialists: int) -> Shortfall:
    if eligible_specialists == 0:
        return Shortfall(
            "no_specialist",
            f"no eligible expert has the specialty '{case_type}'",
            f"没有具备“{case_type}”专长且无回避情形的专家",
            {"case_type": case_type, "eligible_specialists": 0},
        )
    return Shortfall(
        "specialist",
        f"none of the {eligible_specialists} eligible '{case_type}' specialists is on the panel",
        f"{eligible_specialists} 名具备“{case_type}”专长的可选专家均未入选评查组",
        {"case_type": case_type, "eligible_specialists": eligible_specialists},
    )


def composition(rule: CompositionRule, have: int, eligible_in_group: int) -> Shortfall:
    names = "/".join(sorted(rule.professions))
    return Shortfall(
        "composition",
        f"the panel has {have} of the required {rule.min} members who are {names} "
        f"({eligible_in_group} such experts are eligible)",
        f"评查组中{names}成员 {have} 名，要求至少 {rule.min} 名（符合条件的可选专家 {eligible_in_group} 名）",
        {"rule": rule.label(), "have": have, "min": rule.min, "eligible_in_group": eligible_in_group},
    )
