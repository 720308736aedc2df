"""The demo expert pool: 48 invented experts across Gansu, with the conflicts a real pool has.

Shaped as the experts of a roster package (docs/package-format.md), so the demo fills the pool through the
same import code as a real roster. Some experts collide with the demo cases on purpose: one handled a case (same
identity number), one shares a name with a handler (a soft finding), one is a party's near relative, lawyers of
firms that act as counsel, a former judge of a handling court; the panels of the demo campaign avoid all of them.
"""

from __future__ import annotations

import random
from typing import Any

from reviewdesk.identity_number import check_digit

# code, name, kind, region
EXPERT_UNITS = [
    ("GS-LZ-ZY", "兰州市中级人民法院", "court", "620100"),
    ("GS-CGQ-FY", "兰州市城关区人民法院", "court", "620102"),
    ("GS-TS-ZY", "天水市中级人民法院", "court", "620500"),
    ("GS-BY-ZY", "白银市中级人民法院", "court", "620400"),
    ("GS-JQ-ZY", "酒泉市中级人民法院", "court", "620900"),
    ("GS-ZY-ZY", "张掖市中级人民法院", "court", "620700"),
    ("GS-PL-ZY", "平凉市中级人民法院", "court", "620800"),
    ("GS-WW-JCY", "武威市人民检察院", "procuratorate", "620600"),
    ("GS-QY-JCY", "庆阳市人民检察院", "procuratorate", "621000"),
    ("GS-DX-JCY", "定西市人民检察院", "procuratorate", "621100"),
    ("GS-LZ-JCY", "兰州市人民检察院", "procuratorate", "620100"),
    ("GS-PL-GAJ", "平凉市公安局", "police", "620800"),
    ("GS-JQ-GAJ", "酒泉市公安局", "police", "620900"),
    ("GS-TS-GAJ", "天水市公安局", "police", "620500"),
    ("GS-LZU-FXY", "兰州大学法学院", "other", "620102"),
    ("GS-NWNU-FXY", "西北师范大学法学院", "other", "620105"),
    ("GS-GSUPL", "甘肃政法大学", "other", "620105"),
    ("LAW-GS-01", "甘肃某律师事务所", "other", "620102"),
    ("LAW-LZ-01", "兰州某律师事务所", "other", "620103"),
    ("LAW-JQ-01", "酒泉某律师事务所", "other", "620902"),
    ("LAW-ZY-01", "张掖某律师事务所", "other", "620702"),
]
_UNIT = {u[0]: u for u in EXPERT_UNITS}

# (profession, unit code, specialties) for the 48; the demo accounts' experts come first.
_PLAN: list[tuple[str, str, tuple[str, ...]]] = [
    ("judge", "GS-JQ-ZY", ("civil", "enforcement")),
    ("prosecutor", "GS-WW-JCY", ("criminal",)),
    ("lawyer", "LAW-JQ-01", ("civil", "criminal")),
    ("academic", "GS-NWNU-FXY", ("administrative", "civil")),
    *[("judge", u, s) for u, s in [
        ("GS-LZ-ZY", ("civil",)), ("GS-TS-ZY", ("civil", "enforcement")), ("GS-BY-ZY", ("criminal",)),
        ("GS-JQ-ZY", ("administrative",)), ("GS-ZY-ZY", ("civil", "enforcement")), ("GS-ZY-ZY", ("criminal",)),
        ("GS-PL-ZY", ("enforcement",)), ("GS-PL-ZY", ("administrative", "civil")), ("GS-TS-ZY", ("criminal",)),
        ("GS-BY-ZY", ("enforcement", "civil")), ("GS-LZ-ZY", ("administrative",)), ("GS-JQ-ZY", ("criminal", "civil")),
        ("GS-ZY-ZY", ("administrative",)),
    ]],
    *[("prosecutor", u, s) for u, s in [
        ("GS-QY-JCY", ("criminal",)), ("GS-DX-JCY", ("criminal", "public_security")), ("GS-LZ-JCY", ("criminal",)),
        ("GS-WW-JCY", ("criminal", "administrative")), ("GS-QY-JCY", ("criminal",)), ("GS-DX-JCY", ("criminal",)),
        ("GS-LZ-JCY", ("administrative",)),
    ]],
    *[("police", u, s) for u, s in [
        ("GS-PL-GAJ", ("public_security",)), ("GS-JQ-GAJ", ("public_security", "criminal")),
        ("GS-TS-GAJ", ("public_security",)), ("GS-PL-GAJ", ("public_security", "criminal")),
        ("GS-JQ-GAJ", ("public_security",)), ("GS-TS-GAJ", ("criminal",)),
    ]],
    *[("lawyer", u, s) for u, s in [
        ("LAW-GS-01", ("civil",)), ("LAW-LZ-01", ("criminal",)), ("LAW-ZY-01", ("civil", "enforcement")),
        ("LAW-JQ-01", ("administrative",)), ("LAW-ZY-01", ("criminal", "public_security")), ("LAW-GS-01", ("criminal",)),
        ("LAW-LZ-01", ("civil", "enforcement")), ("LAW-ZY-01", ("administrative", "civil")), ("LAW-JQ-01", ("civil",)),
    ]],
    *[("academic", u, s) for u, s in [
        ("GS-LZU-FXY", ("criminal",)), ("GS-LZU-FXY", ("administrative",)), ("GS-GSUPL", ("civil", "enforcement")),
        ("GS-GSUPL", ("criminal", "public_security")), ("GS-NWNU-FXY", ("civil",)), ("GS-LZU-FXY", ("civil", "administrative")),
        ("GS-GSUPL", ("administrative", "public_security")),
    ]],
    ("other", "GS-LZU-FXY", ("petition", "civil")),
    ("other", "GS-GSUPL", ("petition", "administrative")),
]
ACCOUNT_EXPERTS = {"zhanghua": "张华", "liming": "李明", "wangfang": "王芳", "zhaoqiang": "赵强"}
_FIRST = list(ACCOUNT_EXPERTS.values())
_SURNAMES = "郑冯蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛范彭鲁韦昌马苗凤花方俞任袁柳"
_GIVEN = ["文博", "晓燕", "志刚", "海燕", "国庆", "春梅", "立新", "红霞", "建平", "玉兰", "永强", "淑珍", "德明", "桂芳"]


def _id_number(rng: random.Random, region: str) -> str:
    first17 = f"{region}{rng.randint(1962, 1990)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randrange(1000):03d}"
    return first17 + check_digit(first17)


def _unit(code: str) -> dict[str, str]:
    _, name, kind, region = _UNIT[code]
    return {"code": code, "name": name, "kind": kind, "region_code": region}


def demo_roster(cases: list[dict[str, Any]], seed: int = 48) -> list[dict[str, Any]]:
    """48 experts as roster-package objects; `cases` are the demo cases (manifest objects) they may collide with."""
    rng = random.Random(seed)
    experts: list[dict[str, Any]] = []
    for n, (profession, unit_code, specialties) in enumerate(_PLAN):
        name = _FIRST[n] if n < len(_FIRST) else rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        experts.append({
            "id": f"EXP-{n + 1:04d}", "name": name, "id_number": _id_number(rng, _UNIT[unit_code][3]),
            "gender": rng.choice(["男", "女"]), "profession": profession, "unit": _unit(unit_code),
            "specialties": list(specialties), "phone": f"139{rng.randrange(10**8):08d}", "relations": [], "former_units": [],
        })
    _collide(experts, cases)
    return experts


def _collide(experts: list[dict[str, Any]], cases: list[dict[str, Any]]) -> None:
    """Plant the conflicts a real pool has, so the demo shows recusal at work."""
    handled = next(c for c in cases if c["handlers"][0]["id_number"])
    handler = handled["handlers"][0]
    # EXP-0005 handled a demo case himself (same identity number): a hard exclusion.
    experts[4].update(name=handler["name"], id_number=handler["id_number"])
    # EXP-0006 shares a name with a handler recorded without identity number: a soft finding to confirm or clear.
    nameless = next(c for c in cases if len(c["handlers"]) > 1 and c["handlers"][1]["id_number"] is None)
    experts[5]["name"] = nameless["handlers"][1]["name"]
    # EXP-0007's spouse is a party of a demo case.
    party = next(p for c in cases[10:] for p in c["parties"] if p["id_number"])
    experts[6]["relations"].append({"kind": "near_relative", "name": party["name"], "id_number": party["id_number"], "note": "配偶"})
    # EXP-0008 was a judge of a handling court until 2023 (within five years).
    experts[7]["former_units"].append({"code": "GS-CGQ-FY", "until": "2023-06-30"})
    experts[8]["former_units"].append({"code": "GS-QZQ-FY", "until": "2015-03-31"})  # long ago: no exclusion


# Not part of a roster package: set on the pool after the import, as a coordinator would.
DEMO_TAGS = {"EXP-0011": ["人大代表"], "EXP-0016": ["人大代表"], "EXP-0031": ["政协委员"], "EXP-0047": ["人大代表"], "EXP-0048": ["政协委员"]}
DEMO_UNAVAILABLE = {"EXP-0021": "2026年12月外出培训", "EXP-0040": "病假"}
