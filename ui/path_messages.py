"""What to tell the user about a path the core's checks (reviewdesk/file_paths.py) refused: what is wrong with
it and what to do next, in the language the app shows. One table for every file and folder field."""

from __future__ import annotations

from reviewdesk.file_paths import PathCheck, PathProblem
from ui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("PathMessages", text)


def path_message(check: PathCheck) -> str:
    """The sentence for a refused path ("" when the path is fine)."""
    problem = check.problem
    if problem is None:
        return ""
    suffixes = " ".join(check.suffixes)
    texts = {
        PathProblem.EMPTY: _t("No file or folder chosen yet. Press Browse… to choose one."),
        PathProblem.NO_NAME: _t("“{path}” has no file name. Type a name such as results{suffix}, or press "
                                "Browse…."),
        PathProblem.IS_FOLDER: _t("“{path}” is a folder. Choose a file in it, or type a file name after the "
                                  "folder."),
        PathProblem.NOT_A_FOLDER: _t("“{path}” is a file, not a folder. Choose a folder."),
        PathProblem.NO_PARENT: _t("The folder “{path}” does not exist. Choose an existing folder with "
                                  "Browse…."),
        PathProblem.NOT_WRITABLE: _t("ReviewDesk may not write in the folder “{path}”. Choose another folder, "
                                     "for example your Documents folder or the USB stick."),
        PathProblem.MISSING: _t("“{path}” was not found. Check the name, or choose it with Browse…."),
        PathProblem.NOT_READABLE: _t("“{path}” cannot be read (it may be open in another program or "
                                     "protected). Close the other program, or copy the file and try again."),
        PathProblem.WRONG_SUFFIX: _t("“{path}” is not the right kind of file: the name should end with "
                                     "{suffix}. Choose the right file."),
        PathProblem.EXISTS: _t("“{path}” already exists. Type a new file name."),
    }
    return texts[problem].format(path=check.about, suffix=suffixes or "")
