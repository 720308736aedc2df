"""Rule sets as data (resources/collision/*.json, or imported by an office): which registry roles and company
statuses make a hit, which exemptions apply, and the Chinese wording and basis of each.

A rule set is validated whole on load; `problems` lists every fault with its JSON path, so an office's own
file is refused with all its faults at once. `evaluate` is pure: one officer, one registry person row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reviewdesk.collision.vocab import ROLE_ZH, STATUSES
from reviewdesk.errors import ValidationError
from reviewdesk.resources import resources_dir

FORMAT = "reviewdesk-collision-rules/1"
DEFAULT = "default"
EXEMPTIONS = ("deregistered_before_service", "listed_market_shares")
MAX_BYTES = 256 * 1024
_PLACEHOLDERS = {"company": "某公司", "stake": "10%", "post": "董事", "status": "注销", "status_on": "2020-01-01",
                 "service_from": "2021-01-01", "role": "股东"}


@dataclass(frozen=True)
class Rule:
    id: str
    roles: frozenset[str]
    wording: str
    basis: str
    min_stake: float | None = None  # percent; a shareholding must exceed it


@dataclass(frozen=True)
class Exemption:
    id: str
    wording: str
    basis: str
    statuses: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RuleSet:
    name: str
    title: str
    counted_statuses: frozenset[str]
    rules: tuple[Rule, ...]
    exemptions: tuple[Exemption, ...]

    def exemption(self, key: str) -> Exemption | None:
        return next((e for e in self.exemptions if e.id == key), None)


@dataclass(frozen=True)
class Verdict:
    rule: Rule
    exemption: Exemption | None
    wording: str  # the rule's wording filled in, or the exemption's


class RuleSetInvalid(ValidationError):
    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(source, f"rule set {source} is invalid: " + "; ".join(problems),
                         message_zh=f"规则集 {source} 无效：" + "；".join(problems))
        self.problems = problems


def _texts(value: Any, path: str, allowed: tuple[str, ...], problems: list[str]) -> frozenset[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append(f"{path}: must be a non-empty list of strings")
        return frozenset()
    for v in value:
        if v not in allowed:
            problems.append(f"{path}: {v!r} is not one of {', '.join(allowed)}")
    return frozenset(v for v in value if v in allowed)


def _wording(item: dict[str, Any], path: str, problems: list[str]) -> tuple[str, str]:
    wording, basis = item.get("wording"), item.get("basis")
    for key, value in (("wording", wording), ("basis", basis)):
        if not isinstance(value, str) or not value.strip() or len(value) > 500:
            problems.append(f"{path}.{key}: must be a text of 1-500 characters")
    if isinstance(wording, str):
        try:
            wording.format(**_PLACEHOLDERS)
        except (KeyError, IndexError, ValueError) as err:
            problems.append(f"{path}.wording: unknown placeholder {err} (use {{{'}, {'.join(_PLACEHOLDERS)}}})")
    return str(wording or ""), str(basis or "")


def parse(data: bytes, source: str) -> RuleSet:
    """The rule set in `data`, or RuleSetInvalid listing every fault."""
    problems: list[str] = []
    if len(data) > MAX_BYTES:
        raise RuleSetInvalid(source, [f"larger than {MAX_BYTES // 1024} KiB"])
    try:
        body = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise RuleSetInvalid(source, [f"not UTF-8 JSON ({type(err).__name__})"]) from None
    if not isinstance(body, dict):
        raise RuleSetInvalid(source, ["must be a JSON object"])
    if body.get("format") != FORMAT:
        problems.append(f"format: must be {FORMAT!r}")
    name = body.get("name")
    if not isinstance(name, str) or not name.isascii() or not name.replace("-", "").replace("_", "").isalnum() or len(name) > 64:
        problems.append("name: must be 1-64 letters, digits, '-' or '_'")
    title = body.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("title: must be a text")
    statuses = _texts(body.get("counted_statuses"), "counted_statuses", STATUSES, problems)
    rules: list[Rule] = []
    raw_rules = body.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append("rules: must be a non-empty list")
        raw_rules = []
    seen: set[str] = set()
    for i, item in enumerate(raw_rules):
        path = f"rules[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: must be an object")
            continue
        rid = item.get("id")
        if not isinstance(rid, str) or not rid or rid in seen:
            problems.append(f"{path}.id: must be a text, unique in the rule set")
        seen.add(str(rid))
        roles = _texts(item.get("roles"), f"{path}.roles", tuple(ROLE_ZH), problems)
        min_stake = item.get("min_stake")
        if min_stake is not None and (isinstance(min_stake, bool) or not isinstance(min_stake, int | float)
                                      or not 0 <= min_stake < 100):
            problems.append(f"{path}.min_stake: must be null or a percentage from 0 to below 100")
            min_stake = None
        if min_stake is not None and roles != {"shareholder"}:
            problems.append(f"{path}.min_stake: only for a rule whose roles are [\"shareholder\"]")
        wording, basis = _wording(item, path, problems)
        rules.append(Rule(str(rid), roles, wording, basis, float(min_stake) if min_stake is not None else None))
    exemptions: list[Exemption] = []
    raw_ex = body.get("exemptions", [])
    if not isinstance(raw_ex, list):
        problems.append("exemptions: must be a list")
        raw_ex = []
    for i, item in enumerate(raw_ex):
        path = f"exemptions[{i}]"
        if not isinstance(item, dict) or item.get("id") not in EXEMPTIONS:
            problems.append(f"{path}.id: must be one of {', '.join(EXEMPTIONS)}")
            continue
        wording, basis = _wording(item, path, problems)
        ex_statuses = (_texts(item.get("statuses"), f"{path}.statuses", STATUSES, problems)
                       if item["id"] == "deregistered_before_service" else frozenset())
        ex_roles = (_texts(item.get("roles", ["shareholder"]), f"{path}.roles", tuple(ROLE_ZH), problems)
                    if item["id"] == "listed_market_shares" else frozenset())
        exemptions.append(Exemption(item["id"], wording, basis, ex_statuses, ex_roles))
    if problems:
        raise RuleSetInvalid(source, problems)
    return RuleSet(str(name), str(title).strip(), statuses, tuple(rules), tuple(exemptions))


def builtin_names() -> list[str]:
    return sorted(p.stem for p in (resources_dir() / "collision").glob("*.json"))


def builtin(name: str = DEFAULT) -> RuleSet | None:
    path = resources_dir() / "collision" / f"{name}.json"
    if not path.is_file():
        return None
    return parse(Path(path).read_bytes(), path.name)


@dataclass(frozen=True)
class Facts:
    """What a verdict depends on: the company, the person's role in it, and the officer's service."""

    company: str
    status: str
    status_on: date | None
    listed: bool
    role: str
    post: str
    stake: float | None
    service_from: date | None


def _stake_text(stake: float | None) -> str:
    return "比例不详" if stake is None else f"{stake:g}%"


def evaluate(rules: RuleSet, facts: Facts) -> Verdict | None:
    """The first rule that counts this registry row (with the exemption that lifts it, if any), else None."""
    if facts.status not in rules.counted_statuses:
        return None
    rule = next((r for r in rules.rules if facts.role in r.roles
                 and (r.min_stake is None or (facts.stake is not None and facts.stake > r.min_stake))), None)
    if rule is None:
        return None
    fill = {"company": facts.company, "stake": _stake_text(facts.stake), "post": facts.post, "status": facts.status,
            "status_on": facts.status_on.isoformat() if facts.status_on else "",
            "service_from": facts.service_from.isoformat() if facts.service_from else "", "role": ROLE_ZH[facts.role]}
    for ex in rules.exemptions:
        applies = (
            ex.id == "deregistered_before_service" and facts.status in ex.statuses and facts.status_on is not None
            and facts.service_from is not None and facts.status_on < facts.service_from
        ) or (ex.id == "listed_market_shares" and facts.listed and facts.role in ex.roles)
        if applies:
            return Verdict(rule, ex, ex.wording.format(**fill))
    return Verdict(rule, None, rule.wording.format(**fill))
