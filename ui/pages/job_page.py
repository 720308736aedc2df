"""A page that runs one piece of work at a time on a worker, with its busy bar and message line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.i18n import error_text
from ui.pages.base import Page
from ui.qt import QWidget
from ui.worker import run_job

if TYPE_CHECKING:
    from reviewdesk.workspace import OpenWorkspace
    from ui.widgets.campaign_combo import CampaignCombo
    from ui.widgets.common import BusyBar, MessageLine


class JobPage(Page):
    """Subclasses set `self.busy` (BusyBar) and `self.message` (MessageLine) and define `_update_buttons`."""

    busy: BusyBar
    message: MessageLine

    def __init__(self, ws: OpenWorkspace | None, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self._job: Any = None

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def _run(self, fn: Callable[[], Any], caption: str, on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None) -> bool:
        """Run `fn` on a worker; `on_done(result)` only while the page still has its workspace (a lock in
        between tears it down). Errors go to `on_error`, else the message line. False if busy or locked."""
        if self._job is not None or self.ws is None:
            return False
        self.message.clear_message()
        self.busy.start(caption)

        def done(value: Any) -> None:
            self._finish()
            if self.ws is not None:
                on_done(value)

        def failed(err: BaseException) -> None:
            self._finish()
            if on_error is not None:
                on_error(err)
            else:
                self.message.show_error(error_text(err))

        self._job = run_job(fn, self, done, failed)
        self._update_buttons()
        return True

    def _finish(self) -> None:
        self._job = None
        self.busy.stop()
        self._update_buttons()

    def busy_now(self) -> bool:
        return self._job is not None


class CampaignJobPage(JobPage):
    """A JobPage about one campaign at a time: subclasses set `self.campaign` (CampaignCombo) and `refresh`.
    The campaigns load when the page is first shown."""

    campaign: CampaignCombo

    def __init__(self, ws: OpenWorkspace | None, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self._loaded = False

    def refresh(self) -> None:
        raise NotImplementedError

    def activate(self) -> None:
        if not self._loaded:
            self._load_campaigns()

    def _load_campaigns(self) -> None:
        if self.ws is None:
            return
        try:
            self.campaign.load_campaigns(self.ws)
        except Exception as err:
            self.message.show_error(error_text(err))
            return
        self._loaded = True
        self.refresh()

    def campaign_id(self) -> str | None:
        return self.campaign.campaign_id()
