"""What every page of the main window has: the open workspace, refresh, and teardown on lock.

Pages are cheap to show: the main window builds a page only when it is first needed (`LazyPages`), and a page
reads its data on the worker (`load_in_background`) while it says "Loading…", so log-in shows the window as
soon as the key is unwrapped and no page holds the window up while the store answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ui.qt import QEvent, QLabel, Qt, QWidget

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace
    from ui.worker import Job

T = TypeVar("T")


class Page(QWidget):
    """A page is built for one open workspace and thrown away when the app locks (`teardown`, then
    `deleteLater`). It must not keep data anywhere but in its own widgets and models."""

    key = ""
    help_anchor = "contents"  # the topic of resources/help/manual.html that F1 opens on this page

    def __init__(self, ws: OpenWorkspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._loads: list[Job] = []
        self._latest: dict[str, Job] = {}  # per kind of read: the one whose result still counts
        self._loading: QLabel | None = None

    def activate(self) -> None:
        """Called each time the page is shown; the first call loads its data."""

    def follow_campaign(self, campaign_id: str | None) -> None:
        """The session's campaign (the main window's header) changed or was set after login: a page with a
        campaign box binds it (hidden, always this campaign); a page with a list across campaigns filters it."""
        from ui.widgets.campaign_combo import CampaignCombo

        combo = getattr(self, "campaign", None)
        if isinstance(combo, CampaignCombo) and not combo.follow(campaign_id):
            reload = getattr(self, "_load_campaigns", None)
            if reload is not None:
                reload()  # a campaign created since the page loaded its list

    def teardown(self) -> None:
        """Drop the workspace and every row of data (models, labels). Subclasses extend and call this."""
        self.ws = None
        self._loads.clear()
        self._latest.clear()
        self._show_loading(False)

    def holds_data(self) -> bool:
        """For tests: does this page still hold the workspace or rows of data?"""
        return self.ws is not None

    # -- reading off the UI thread -----------------------------------------------------------------------
    def load_in_background(
        self,
        fetch: Callable[[OpenWorkspace], T],
        show: Callable[[T], None],
        failed: Callable[[BaseException], None],
        kind: str = "",
    ) -> None:
        """Run `fetch(ws)` (service reads returning plain rows) on the worker; then `show(rows)` or
        `failed(error)` on the UI thread. "Loading…" is shown meanwhile. Nothing is called once the page was
        torn down (the lock waits for the worker, so `fetch` never sees a closed workspace). With a `kind`, a
        later read of the same kind (or `forget_load(kind)`) makes an earlier one's result be dropped: the
        user chose another campaign meanwhile."""
        from ui.worker import run_job

        ws = self.ws
        if ws is None:
            return

        def current() -> bool:
            return self.ws is not None and (not kind or self._latest.get(kind) is job)

        def done(result: Any) -> None:
            counts = current()
            self._load_ended(job)
            if counts:
                show(result)

        def error(err: BaseException) -> None:
            counts = current()
            self._load_ended(job)
            if counts:
                failed(err)

        self._show_loading(True)
        job = run_job(lambda: fetch(ws), self, done, error)
        self._loads.append(job)
        if kind:
            self._latest[kind] = job

    def forget_load(self, kind: str) -> None:
        """The running read of this kind no longer counts (what it would show was replaced)."""
        self._latest.pop(kind, None)

    def is_loading(self) -> bool:
        """For tests and callers: is a background read of this page still running?"""
        return bool(self._loads)

    def _load_ended(self, job: Job) -> None:
        if job in self._loads:
            self._loads.remove(job)
        for kind, latest in list(self._latest.items()):
            if latest is job:
                del self._latest[kind]
        if not self._loads:
            self._show_loading(False)

    def _show_loading(self, shown: bool) -> None:
        if not shown:
            if self._loading is not None:
                self._loading.hide()
            return
        if self._loading is None:
            label = QLabel(self.tr("Loading…"), self)
            label.setObjectName("page-loading")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(
                "QLabel#page-loading { background: palette(tool-tip-base); border: 1px solid palette(mid);"
                " border-radius: 4px; padding: 6px 14px; }"
            )
            self._loading = label
        self._place_loading()
        self._loading.show()
        self._loading.raise_()

    def _place_loading(self) -> None:
        if self._loading is not None:
            self._loading.adjustSize()
            self._loading.move(max(0, (self.width() - self._loading.width()) // 2), 12)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place_loading()
        return super().event(event)


class LazyPages(Mapping[str, Page]):
    """The main window's pages by area key, in navigation order. A page is built the first time it is looked
    up (shown, or reached by code), so log-in builds only the page it shows; `built()` lists the others that
    exist, for teardown."""

    def __init__(self, keys: list[str], make: Callable[[str], Page]) -> None:
        self._keys = list(keys)
        self._make = make
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys:
                raise KeyError(key)
            page = self._built[key] = self._make(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def built(self) -> list[Page]:
        return list(self._built.values())

    def is_built(self, key: str) -> bool:
        return key in self._built

