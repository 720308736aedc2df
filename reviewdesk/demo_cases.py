"""Synthetic cases for the demo workspace: realistic shapes, invented content, generated in memory.

64 cases from courts, procuratorates and police in three Gansu prefectures (兰州 6201, 天水 6205,
白银 6204), each with a few PDF (text layer; one in eight is image-only, as a scan) and DOCX files. They go
through the same storing code as a real import (`imports.import_prepared`), never through a file on disk.
"""

from __future__ import annotations

import hashlib
import io
import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from reviewdesk.identity_number import check_digit
from reviewdesk.packages.builder import manifest_bytes
from reviewdesk.packages.manifest import FileRecord, parse
from reviewdesk.resources import resources_dir

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "建国"]
COMPANIES = ["兰州某商贸有限公司", "天水某建筑工程有限公司", "白银某矿业有限责任公司", "甘肃某农业开发有限公司", "某小额贷款有限公司"]
FIRMS = ["甘肃某律师事务所", "兰州某律师事务所", "天水某律师事务所"]
UNITS = [
    # code, name, kind, region, prefix letter for case numbers
    ("GS-CGQ-FY", "兰州市城关区人民法院", "court", "620102"),
    ("GS-QLH-FY", "兰州市七里河区人民法院", "court", "620103"),
    ("GS-CGQ-JCY", "兰州市城关区人民检察院", "procuratorate", "620102"),
    ("GS-CGQ-GAJ", "兰州市公安局城关分局", "police", "620102"),
    ("GS-QZQ-FY", "天水市秦州区人民法院", "court", "620502"),
    ("GS-MJQ-JCY", "天水市麦积区人民检察院", "procuratorate", "620503"),
    ("GS-BYQ-FY", "白银市白银区人民法院", "court", "620402"),
    ("GS-BYQ-GAJ", "白银市公安局白银分局", "police", "620402"),
]
CIVIL_CAUSES = ["买卖合同纠纷", "民间借贷纠纷", "劳动争议", "房屋租赁合同纠纷", "建设工程施工合同纠纷"]
CRIMINAL_CAUSES = ["故意伤害罪", "盗窃罪", "诈骗罪", "寻衅滋事罪"]
ADMIN_CAUSES = ["行政处罚", "行政强制", "土地行政登记"]


def _id_number(rng: random.Random, region: str) -> str:
    born = date(1955, 1, 1) + timedelta(days=rng.randrange(365 * 45))
    first17 = f"{region}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + check_digit(first17)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _case(rng: random.Random, n: int) -> dict[str, Any]:
    code, unit_name, kind, region = UNITS[n % len(UNITS)]
    year = rng.choice([2020, 2021, 2022, 2023])
    accepted = date(year, rng.randint(1, 12), rng.randint(1, 28))
    closed = accepted + timedelta(days=rng.randint(40, 400))
    plaintiff, defendant = _name(rng), _name(rng)
    county = region[2:]
    if kind == "court":
        case_type = rng.choice(["civil", "civil", "enforcement", "administrative", "criminal"])
        cause = {"civil": rng.choice(CIVIL_CAUSES), "enforcement": rng.choice(CIVIL_CAUSES), "criminal": rng.choice(CRIMINAL_CAUSES), "administrative": rng.choice(ADMIN_CAUSES)}[case_type]
        letter = {"civil": "民初", "enforcement": "执", "criminal": "刑初", "administrative": "行初"}[case_type]
        case_number = f"（{year}）甘{county}{letter}{rng.randint(100, 9999)}号"
        other = rng.choice(COMPANIES) if case_type != "criminal" else defendant
        title = f"{plaintiff}诉{other}{cause}" if case_type in ("civil", "enforcement", "administrative") else f"{defendant}{cause}案"
        handler_role = "承办法官"
    elif kind == "procuratorate":
        case_type, cause = "criminal", rng.choice(CRIMINAL_CAUSES)
        case_number = f"甘{county}检刑诉〔{year}〕{rng.randint(10, 999)}号"
        title, handler_role = f"{defendant}涉嫌{cause.rstrip('罪')}案", "承办检察官"
    else:
        case_type, cause = "public_security", rng.choice(["殴打他人", "盗窃", "寻衅滋事"])
        case_number = f"甘公（{county}）行罚决字〔{year}〕{rng.randint(100, 9999)}号"
        title, handler_role = f"{defendant}{cause}治安处罚案", "办案民警"
    petition_count = rng.choice([0, 0, 1, 3, 6, 12])
    flags = sorted(rng.sample(["unenforced", "unresolved", "repeated"], rng.randint(0, 2))) if petition_count else []
    if petition_count < 2:  # 反复信访 needs at least two petitions (the package contract refuses it otherwise)
        flags = [f for f in flags if f != "repeated"]
    if case_type == "enforcement" and petition_count and "unenforced" not in flags:
        flags = sorted([*flags, "unenforced"])
    handlers = [{"name": _name(rng), "id_number": _id_number(rng, region) if rng.random() < 0.6 else None, "unit_code": code, "role": handler_role}]
    if rng.random() < 0.5:
        handlers.append({"name": _name(rng), "id_number": None, "unit_code": code, "role": "书记员" if kind == "court" else "协办人"})
    parties = [
        {"name": plaintiff, "kind": "person", "id_number": _id_number(rng, region), "role": "原告" if kind == "court" else "被害人",
         "counsel": [{"name": _name(rng), "firm": rng.choice(FIRMS)}] if rng.random() < 0.6 else []},
        {"name": defendant, "kind": "person", "id_number": _id_number(rng, region) if rng.random() < 0.7 else None,
         "role": "被告" if kind == "court" else ("犯罪嫌疑人" if kind == "procuratorate" else "违法行为人"), "counsel": []},
    ]
    if case_type in ("civil", "enforcement", "administrative"):
        facts = f"{plaintiff}称与对方之间因{cause}发生争议，经调解未果，遂诉至法院。"
    elif case_type == "criminal":
        facts = f"经查，{defendant}涉嫌{cause.rstrip('罪')}，被害人{plaintiff}报案后依法立案。"
    else:
        facts = f"{defendant}因{cause}被{plaintiff}报警，经调查属实。"
    summary = (
        f"{accepted.year}年{accepted.month}月{accepted.day}日，{unit_name}受理{title}。{facts}"
        f"{closed.year}年{closed.month}月{closed.day}日办结。"
        + (f"此后当事人先后{petition_count}次信访，反映执行不到位、处理不公等问题。" if petition_count else "")
    )
    return {
        "id": f"GS-DEMO-{n + 1:04d}", "case_number": case_number, "title": title, "case_type": case_type, "cause": cause,
        "stage": "enforcement" if case_type == "enforcement" else "closed",
        "handling_unit": {"code": code, "name": unit_name, "kind": kind, "region_code": region},
        "accepted_on": accepted.isoformat(), "closed_on": closed.isoformat(), "handlers": handlers, "parties": parties,
        "petition": {"count": petition_count, "first_on": (closed + timedelta(days=60)).isoformat(),
                     "last_on": (closed + timedelta(days=60 + 90 * petition_count)).isoformat(), "flags": flags} if petition_count else None,
        "summary": summary,
    }


_FONT_NAME = "ReviewDeskDemoSans"


def _pdf(title: str, lines: list[str], *, scanned: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if _FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT_NAME, str(resources_dir() / "fonts" / "wqy-microhei.ttc"), subfontIndex=0))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    width, height = A4
    if scanned:
        # An image-only page, as a scanner makes: grey blocks where the text would be, no text layer.
        c.setFillGray(0.85)
        for i in range(18):
            c.rect(80, height - 120 - i * 32, width - 160 - (i % 3) * 40, 14, stroke=0, fill=1)
        c.showPage()
        c.save()
        return buf.getvalue()
    c.setFont(_FONT_NAME, 20)
    c.drawCentredString(width / 2, height - 90, title)
    c.setFont(_FONT_NAME, 13)
    y = height - 140
    for line in lines:
        for start in range(0, len(line), 34):
            c.drawString(72, y, line[start : start + 34])
            y -= 24
            if y < 80:
                c.showPage()
                c.setFont(_FONT_NAME, 13)
                y = height - 80
    c.showPage()
    c.save()
    return buf.getvalue()


def _docx(title: str, paragraphs: list[str]) -> bytes:
    from docx import Document as WordDocument

    doc = WordDocument()
    doc.add_heading(title, level=1)
    for text in paragraphs:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _files(rng: random.Random, case: dict[str, Any], n: int) -> list[tuple[dict[str, Any], bytes]]:
    cid, unit = case["id"], case["handling_unit"]["name"]
    p0, p1 = case["parties"][0]["name"], case["parties"][1]["name"]
    first = {"court": "起诉书", "procuratorate": "起诉意见书", "police": "受案登记表"}[case["handling_unit"]["kind"]]
    decision = {"court": "判决书", "procuratorate": "起诉书", "police": "行政处罚决定书"}[case["handling_unit"]["kind"]]
    docs = [
        (f"01-{first}.pdf", first, _pdf(first, [f"案号：{case['case_number']}", case["summary"], f"当事人：{p0}、{p1}。", f"承办单位：{unit}。"])),
        (f"02-{decision}.pdf", decision, _pdf(decision, [f"{unit}", f"{case['title']}一案，现已审查终结。", "经审理查明：" + case["summary"], "本院认为，上述事实清楚，证据确实充分，依照有关法律规定，决定如下。"], scanned=n % 8 == 5)),
        ("03-询问笔录.docx", "询问笔录", _docx("询问笔录", [f"时间：{case['accepted_on']}", f"地点：{unit}办案区", f"被询问人：{p0}", "问：你今天来反映什么问题？", f"答：我反映{case['title']}的处理问题，{rng.choice(['判决一直没有执行', '认为处理结果不公', '办案人员态度不好'])}。", "以上笔录我看过，和我说的一样。"])),
    ]
    result = []
    for name, title, data in docs:
        media = "application/pdf" if name.endswith(".pdf") else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        entry = {"path": f"cases/{cid}/{name}", "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "media_type": media, "case_id": cid, "title": title,
                 "volume": 1 if name.startswith("01") else 2}  # 卷1 the filing, 卷2 decision and record
        result.append((entry, data))
    return result


def demo_package(count: int = 64, seed: int = 2026) -> tuple[bytes, list[tuple[FileRecord, bytes]]]:
    """The manifest bytes and the files of a demo campaign, all in memory."""
    rng = random.Random(seed)
    cases = [_case(rng, n) for n in range(count)]
    files: list[tuple[dict[str, Any], bytes]] = []
    for n, case in enumerate(cases):
        files += _files(rng, case, n)
    manifest = {
        "format": "reviewdesk-package", "version": 1, "kind": "cases",
        "package_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "created_at": "2026-11-20T10:00:00+08:00",
        "issuer": {"name": "甘肃省委政法委执法监督处（演示）", "key_id": "DE3000000000D3E0"},
        "campaign": {"id": "2026-XF-01", "name": "2026年涉法涉诉信访案件集中评查"},
        "cases": cases, "experts": [], "files": [entry for entry, _data in files],
    }
    data = manifest_bytes(manifest)
    parsed = parse(data)
    by_path = {e["path"]: blob for e, blob in files}
    return data, [(record, by_path[record.path]) for record in parsed.files]


def members(files: list[tuple[FileRecord, bytes]]) -> Iterator[tuple[FileRecord, Iterator[bytes]]]:
    for record, data in files:
        yield record, iter([data])
