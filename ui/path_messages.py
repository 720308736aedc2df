"""What to tell the user about a path the core's checks (reviewdesk/file_paths.py) refused: what is wrong with
it and what to do next, in the language the app shows. One table for every file and folder field."""

from __future__ import annotations

from reviewdesk.file_paths import PathCheck, PathProblem
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

_TEXTS = {
    PathProblem.EMPTY: QT_TRANSLATE_NOOP("PathMessages", "No file or folder chosen yet. Press Browse… to choose one."),
    PathProblem.NO_NAME: QT_TRANSLATE_NOOP(
        "PathMessages", "“{path}” has no file name. Type a name such as results{suffix}, or press Browse…."
    ),
    PathProblem.IS_FOLDER: QT_TRANSLATE_NOOP(
        "PathMessages", "“{path}” is a folder. Choose a file in it, or type a file name after the folder."
    ),
    PathProblem.NOT_A_FOLDER: QT_TRANSLATE_NOOP("PathMessages", "“{path}” is a file, not a folder. Choose a folder."),
    PathProblem.NO_PARENT: QT_TRANSLATE_NOOP(
        "PathMessages", "The folder “{path}” does not exist. Choose an existing folder with Browse…."
    ),
    PathProblem.NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "PathMessages",
        "ReviewDesk may not write in the folder “{path}”. Choose another folder, for example your Documents "
        "folder or the USB stick.",
    ),
    PathProblem.MISSING: QT_TRANSLATE_NOOP(
        "PathMessages", "“{path}” was not found. Check the name, or choose it with Browse…."
    ),
    PathProblem.NOT_READABLE: QT_TRANSLATE_NOOP(
        "PathMessages",
        "“{path}” cannot be read (it may be open in another program or protected). Close the other program, "
        "or copy the file and try again.",
    ),
    PathProblem.WRONG_SUFFIX: QT_TRANSLATE_NOOP(
        "PathMessages",
        "“{path}” is not the right kind of file: the name should end with {suffix}. Choose the right file.",
    ),
    PathProblem.EXISTS: QT_TRANSLATE_NOOP("PathMessages", "“{path}” already exists. Type a new file name."),
}


def path_message(check: PathCheck) -> str:
    """The sentence for a refused path ("" when the path is fine)."""
    if check.problem is None:
        return ""
    text = QCoreApplication.translate("PathMessages", _TEXTS[check.problem])
    return text.format(path=check.about, suffix=" ".join(check.suffixes))
