"""The panel line of an opinion names each member's unit and profession as people write it: 其他 (the roster's
"other") is not printed after the unit, and a unit that names the profession is not repeated."""

from __future__ import annotations

from reviewdesk.documents.opinion import affiliation


def test_affiliation_reads_as_written() -> None:
    assert affiliation("兰州大学法学院", "其他") == "兰州大学法学院"
    assert affiliation("甘肃省高级人民法院", "法官") == "甘肃省高级人民法院法官"
    assert affiliation("甘肃正天合律师事务所律师", "律师") == "甘肃正天合律师事务所律师"
    assert affiliation("兰州大学法学院", "") == "兰州大学法学院"
