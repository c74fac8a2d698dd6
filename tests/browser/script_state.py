"""Waiting on the Streamlit script in the browser instead of sleeping.

The app's root element carries the script's state (`data-test-script-state`: initial, running,
notRunning, ...), so `settle` waits until no run is underway. But a widget's click does not change that
state in the browser at once: it stays `notRunning` until the server says the run has started, and a
quick run's `running` may never reach the page at all (a busy browser draws the run's messages at once).
So `rerun` counts the runs the server reports finished on the page's websocket (`script_finished`
messages): `watch_runs(page)` before the page is opened, then `with rerun(page): <action>` waits until
a run has finished after the action, and the page has drawn it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SCRIPT_DONE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return app && app.dataset.testScriptState === 'notRunning'; }"
)


def _finishes_a_run(payload: str | bytes) -> bool:
    """A websocket frame from the server saying a script run has finished."""
    if not isinstance(payload, bytes):
        return False
    message = ForwardMsg()
    try:
        message.ParseFromString(payload)
    except Exception:  # noqa: BLE001 (not a ForwardMsg)
        return False
    return message.WhichOneof("type") == "script_finished"


class _Socket:
    """The page's current Streamlit websocket (a reload or a new address opens another)."""

    def __init__(self) -> None:
        self.current: Any = None

    def opened(self, websocket: Any) -> None:
        if websocket.url.endswith("/_stcore/stream"):
            self.current = websocket


_SOCKETS: weakref.WeakKeyDictionary[Any, _Socket] = weakref.WeakKeyDictionary()  # by page


def watch_runs(page) -> None:
    """Follow the page's Streamlit websocket; call before the page opens the app (goto)."""
    if page not in _SOCKETS:
        _SOCKETS[page] = socket = _Socket()
        page.on("websocket", socket.opened)


def settle(page) -> None:
    """Wait until the page's script is not running (after a page load: until its first run is over)."""
    page.wait_for_function(SCRIPT_DONE, polling="raf")


@contextmanager
def rerun(page) -> Iterator[None]:
    """Around an action that makes the script run again (a widget changed, a button pressed): first wait
    for any run underway to end, then, after the action, until the server has finished a run and the
    page shows its script as not running. Only for actions that do run the script (choosing the option
    already chosen does not). The page must be watched (watch_runs) since before it was opened."""
    settle(page)
    socket = _SOCKETS[page].current
    assert socket is not None, "watch_runs(page) before opening the page"
    with socket.expect_event("framereceived", predicate=_finishes_a_run):
        yield
    settle(page)
