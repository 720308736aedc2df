"""The GB/T 9704 frame around an outgoing document's body, from the office profile and the case: the 版头
(发文机关标志 and 发文字号), the 附件说明, the annex pages' heads and the 版记 (抄送, 印发机关, 印发日期).

Every document that leaves the office (the opinion now, the rectification notices later) builds its frame
here, so all of them carry the same organ, the same copy rules and the same layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reviewdesk.documents.blocks import AnnexHead, AnnexNote, Block, Colophon, DocNumber, Letterhead, cn_date
from reviewdesk.documents.profile import Profile


def head(profile: Profile, number: str | None) -> list[Block]:
    """版头: the letterhead (when the profile has one) and the document number (once issued)."""
    out: list[Block] = []
    if profile.letterhead:
        out.append(Letterhead(profile.letterhead))
    if number:
        out.append(DocNumber(number))
    return out


def copy_to(profile: Profile, unit_name: str, unit_kind: str, referral: bool) -> tuple[str, ...]:
    """抄送: the unit's superior (by its name, else by its kind), the discipline body when a referral is
    proposed, then those always copied; each once, in that order."""
    rules = profile.copy_to
    names: list[str] = []
    superior = rules.superior_by_unit.get(unit_name) or rules.superior_by_kind.get(unit_kind, "")
    if superior:
        names.append(superior)
    if referral:
        names.extend(rules.on_referral)
    names.extend(rules.always)
    return tuple(dict.fromkeys(n for n in names if n and n != unit_name))


def colophon(profile: Profile, issued: datetime, copies: Sequence[str]) -> Colophon:
    """版记: 抄送, the 印发机关 (the profile's issuer, else the office) and the 印发日期."""
    return Colophon(tuple(copies), profile.issuer or profile.office_name,
                    cn_date(issued.year, issued.month, issued.day))


def annex_note(titles: Sequence[str]) -> AnnexNote:
    """附件说明 naming the annexes by their own titles."""
    return AnnexNote(tuple(titles))


def annex_head(number: int, title: str, count: int) -> AnnexHead:
    """The head of annex `number` of `count`: "附件N" (just "附件" when there is one), the title."""
    return AnnexHead(number if count > 1 else 0, title)
