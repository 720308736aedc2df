"""Regenerate the translation catalogue and compile it.

    python -m ui.i18n_build            # lupdate ui/ → resources/translations/reviewdesk_zh_CN.ts, then lrelease → .qm
    python -m ui.i18n_build --check    # exit 1 if the .ts misses strings or has unfinished ones, or the .qm is stale
    python -m ui.i18n_build --merge zh.json   # fill translations from {"Context": {"source": "译文"}} (e.g. from a translator's sheet)

lupdate keeps existing translations and marks new strings "unfinished"; translate them in the .ts (by hand or
with pyside6-linguist) and run this again. `-no-obsolete` drops strings the code no longer has.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from reviewdesk.resources import resources_dir

UI_DIR = Path(__file__).resolve().parent
LANGUAGES = ("zh_CN",)


def ts_path(language: str) -> Path:
    return resources_dir() / "translations" / f"reviewdesk_{language}.ts"


def qm_path(language: str) -> Path:
    return ts_path(language).with_suffix(".qm")


def tool(name: str) -> str | None:
    """pyside6-lupdate / pyside6-lrelease, next to this Python first, then on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def sources() -> list[Path]:
    return sorted(
        p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts and p.name != "i18n_build.py"
    )


def lupdate(ts: Path, *, no_obsolete: bool = True) -> None:
    exe = tool("lupdate")
    if exe is None:
        raise SystemExit("pyside6-lupdate not found (install PySide6-Essentials)")
    args = [exe, *map(str, sources()), "-locations", "none", "-ts", str(ts)]
    if no_obsolete:
        args.insert(1, "-no-obsolete")
    subprocess.run(args, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    exe = tool("lrelease")
    if exe is None:
        raise SystemExit("pyside6-lrelease not found (install PySide6-Essentials)")
    subprocess.run([exe, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, type) for every non-obsolete message."""
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = ""
            if translation is not None:
                # %n messages keep their text in <numerusform> children.
                text = translation.findtext("numerusform") or "" if message.get("numerus") == "yes" else translation.text or ""
            out[(name, message.findtext("source") or "")] = (text, kind)
    return out


def merge(ts: Path, translations: dict[str, dict[str, str]]) -> int:
    """Fill unfinished messages of `ts` from {context: {source: translation}}; returns how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        table = translations.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            translation = message.find("translation")
            text = table.get(message.findtext("source") or "")
            if translation is None or not text or translation.get("type") not in ("unfinished", None):
                continue
            numerus = message.get("numerus") == "yes"
            done = translation.find("numerusform") is not None if numerus else bool((translation.text or "").strip())
            if translation.get("type") is None and done:
                continue
            translation.attrib.pop("type", None)
            if numerus:  # %n messages: Chinese has a single plural form
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            filled += 1
    with open(ts, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return filled


def problems(language: str) -> list[str]:
    """What is wrong with the committed catalogue: strings lupdate finds in ui/ but the .ts lacks or has
    unfinished, and a .qm that differs from compiling the .ts."""
    found: list[str] = []
    ts, qm = ts_path(language), qm_path(language)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        lupdate(fresh)
        wanted = messages(fresh)
        have = messages(ts) if ts.exists() else {}
        for key in sorted(wanted):
            translation, kind = have.get(key, ("", "unfinished"))
            if key not in have:
                found.append(f"missing in {ts.name}: [{key[0]}] {key[1]!r}")
            elif kind == "unfinished" or not translation.strip():
                found.append(f"unfinished in {ts.name}: [{key[0]}] {key[1]!r}")
        compiled = Path(tmp) / qm.name
        if ts.exists():
            lrelease(ts, compiled)
            if not qm.exists() or qm.read_bytes() != compiled.read_bytes():
                found.append(f"{qm.name} is not up to date with {ts.name}: run python -m ui.i18n_build")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only report problems")
    parser.add_argument("--merge", metavar="JSON", help="fill unfinished translations from this file first")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if args.check:
            issues = problems(language)
            for line in issues:
                print(line)
            status |= bool(issues)
            continue
        ts = ts_path(language)
        ts.parent.mkdir(parents=True, exist_ok=True)
        lupdate(ts)
        if args.merge:
            import json

            print(f"{merge(ts, json.loads(Path(args.merge).read_text(encoding='utf-8')))} translations merged")
            lupdate(ts)  # back to lupdate's own layout
        lrelease(ts, qm_path(language))
        unfinished = sum(1 for _t, kind in messages(ts).values() if kind == "unfinished")
        print(
            f"{ts.name}: {len(messages(ts))} messages, {unfinished} unfinished; {qm_path(language).name} compiled"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
