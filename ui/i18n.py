"""Language choice, translators, and turning core errors into words for the user.

Source strings are English; Chinese (zh_CN) is the default and comes from
`resources/translations/reviewdesk_zh_CN.qm` plus Qt's own `qtbase_zh_CN.qm` (standard buttons, dialogs).
English means no translator at all. The choice is kept in QSettings and applies at the next start.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from reviewdesk.errors import PermissionDenied, ReviewDeskError, ValidationError
from reviewdesk.resources import resources_dir
from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger("reviewdesk.ui")

ORGANISATION = "ReviewDesk"
APPLICATION = "ReviewDesk"
LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "zh_CN"
# Code → name shown in the language box (each in its own language, as is usual).
LANGUAGES: dict[str, str] = {"zh_CN": "中文（简体）", "en": "English"}

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def qt_translation_dirs(package: Path | None = None) -> list[Path]:
    """Where Qt's own catalogues (qtbase_zh_CN.qm) may be: where Qt says, then the wheel's layouts under the
    PySide6 package (PySide6/Qt/translations on Linux and macOS, PySide6/translations on Windows), which are
    also where a PyInstaller build puts them (installer/reviewdesk.spec keeps qtbase_zh_CN.qm)."""
    if package is None:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
             package / "Qt" / "translations", package / "translations"]
    return list(dict.fromkeys(folder for folder in found if folder.is_dir()))


def saved_language() -> str:
    value = settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(code)
    store = settings()
    store.setValue(LANGUAGE_KEY, code)
    store.sync()


def current_language() -> str:
    """The language the running app shows (may differ from `saved_language()` until the next start)."""
    return _current


def install(language: str) -> str:
    """Load the translators for `language` into the running application. Returns the language in effect
    (falls back to English if the Chinese catalogue cannot be loaded)."""
    global _current
    app = QCoreApplication.instance()
    remove()
    _current = "en"
    if app is None or language == "en":
        QLocale.setDefault(QLocale("en_US"))  # (QLocale.Territory is missing from PySide6 6.11)
        return _current
    ours = QTranslator(app)
    if not ours.load(f"reviewdesk_{language}", str(translations_dir())):
        log.warning("translation catalogue for %s not found; using English", language)
        return _current
    app.installTranslator(ours)
    _installed.append(ours)
    base = QTranslator(app)
    if any(base.load(f"qtbase_{language}", str(folder)) for folder in qt_translation_dirs()):
        app.installTranslator(base)  # installed last, so asked first; ours answers what it lacks
        _installed.append(base)
    else:
        log.warning("Qt's own catalogue qtbase_%s not found; Qt's dialogs stay in English", language)
    QLocale.setDefault(QLocale(language))
    _current = language
    return _current


def remove() -> None:
    global _current
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    _current = "en"


def bilingual(english: str, chinese: str) -> str:
    """Pick the core's English or Chinese text (findings, shortfalls) for the language the app shows."""
    return chinese if _current.startswith("zh") else english


# -- errors -----------------------------------------------------------------------------------------------


def error_detail(err: BaseException) -> str | None:
    """The technical side of a refusal (the parser's English reason, where in the package), for a "details"
    button: never part of the sentence the user reads."""
    parts = [getattr(err, "detail", None) or ""]
    where = getattr(err, "where", None)
    if where:
        parts.append(QCoreApplication.translate("Errors", "Where: {where}").format(where=where))
    text = "\n".join(p for p in parts if p)
    return text or None


def _field_label(field: str) -> str | None:
    """The form label for a core field name; None for a field the user never sees by that name (the message
    is then shown alone: an English identifier such as "count" must not lead a Chinese sentence)."""
    labels = {
        "username": QCoreApplication.translate("Errors", "User name"),
        "password": QCoreApplication.translate("Errors", "Password"),
        "display_name": QCoreApplication.translate("Errors", "Full name"),
        "role": QCoreApplication.translate("Errors", "Role"),
        "idle_lock_minutes": QCoreApplication.translate("Errors", "Auto-lock after"),
        "count": QCoreApplication.translate("Errors", "Number of cases"),
        "ratio": QCoreApplication.translate("Errors", "Share of cases"),
        "seed": QCoreApplication.translate("Errors", "Random seed"),
        "name": QCoreApplication.translate("Errors", "Name"),
        "reason": QCoreApplication.translate("Errors", "Reason"),
        "panel_size": QCoreApplication.translate("Errors", "Panel size"),
        "max_load": QCoreApplication.translate("Errors", "Cases per expert at most"),
        "year": QCoreApplication.translate("Errors", "Year"),
    }
    return labels.get(field)


def error_text(err: BaseException) -> str:
    """What to show for an error: the core's own message in the chosen language, never a trace."""
    zh = _current.startswith("zh")
    if isinstance(err, PermissionDenied):
        return QCoreApplication.translate(
            "Errors",
            "Your role may not do this. If you need it, ask the administrator to change your role.",
        )
    if isinstance(err, ValidationError):
        text = err.message_zh if zh else err.message
        for sep in ("：", ": "):
            prefix = f"{err.field}{sep}"
            if text.startswith(prefix):
                text = text[len(prefix) :]
                break
        label = _field_label(err.field)
        if label is None or text.casefold().startswith(label.casefold()):  # "密码至少需要 8 位" names it already
            return text
        return f"{label}{'：' if zh else ': '}{text}"
    if isinstance(err, ReviewDeskError):
        return err.message_zh if zh else err.message
    # Unexpected: log where it happened (file and line only: messages may hold case data), say what to do.
    frames = traceback.extract_tb(err.__traceback__)
    where = " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames[-4:]))
    log.error("unexpected %s at %s", type(err).__name__, where or "?")
    return QCoreApplication.translate(
        "Errors",
        "Something unexpected went wrong ({kind}); the step did not finish. "
        "Try again; if it happens again, note the time and tell your system administrator.",
    ).format(kind=type(err).__name__)
