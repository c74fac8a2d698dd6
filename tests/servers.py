"""Real local servers for the push tests: an SMTP server (aiosmtpd) that accepts or refuses every
message, an HTTP server that records each POST, and a socket that accepts connections and never
answers. All on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Handler:
    def __init__(self, refuse: bool) -> None:
        self.refuse = refuse
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.refuse:
            return "554 5.0.0 Transaction failed (test server refuses everything)"
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


@contextmanager
def smtp_server(*, refuse: bool = False) -> Iterator[tuple[int, list[tuple[list[str], Message]]]]:
    """An SMTP server on 127.0.0.1: its port and the messages it accepted (recipients, message)."""
    from aiosmtpd.controller import Controller

    handler = _Handler(refuse)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, handler.messages
    finally:
        controller.stop()


@contextmanager
def webhook_server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """An HTTP server that answers 204 to every POST: its URL and the JSON bodies it received."""
    received: list[dict[str, Any]] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hook", received
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent_webhook() -> Iterator[str]:
    """A URL whose server accepts the connection and never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        yield f"http://127.0.0.1:{s.getsockname()[1]}/never"


@contextmanager
def silent_server() -> Iterator[tuple[int, list[socket.socket]]]:
    """A TCP server on 127.0.0.1 that accepts every connection and never answers: its port and the
    connections it accepted (closed when the block ends, which releases any client still waiting)."""
    accepted: list[socket.socket] = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            accepted.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        listener.close()


class HookLog:
    """What a test webhook server saw: every request as (method, path, JSON body or None)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, Any]] = []
        self.lock = threading.Lock()

    def add(self, method: str, path: str, body: Any) -> None:
        with self.lock:
            self.requests.append((method, path, body))

    def posts(self, path_prefix: str = "/") -> list[Any]:
        with self.lock:
            return [b for m, p, b in self.requests if m == "POST" and p.startswith(path_prefix)]


@contextmanager
def hook_server(
    *, answer: int = 204, hold: threading.Event | None = None, held: threading.Semaphore | None = None
) -> Iterator[tuple[str, HookLog]]:
    """An HTTP server on 127.0.0.1 for the delivery tests: its base URL and its log. Every POST (and GET)
    is logged; a POST to /hook... is answered `answer` (a 3xx with Location: /landing, where a redirect
    followed would arrive); with `hold`, each POST first signals `held` and waits until `hold` is set."""
    log = HookLog()

    class Hook(BaseHTTPRequestHandler):
        def _read(self) -> Any:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            return json.loads(raw) if raw else None

        def do_GET(self) -> None:  # noqa: N802 - a redirected POST turned into a GET lands here
            log.add("GET", self.path, None)
            self.send_response(200)
            self.end_headers()

        def do_POST(self) -> None:  # noqa: N802
            body = self._read()
            log.add("POST", self.path, body)
            if hold is not None and self.path.startswith("/hook"):
                if held is not None:
                    held.release()
                hold.wait(60)
            code = answer if self.path.startswith("/hook") else 204
            self.send_response(code)
            if 300 <= code < 400:
                self.send_header("Location", "/landing")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", log
    finally:
        if hold is not None:
            hold.set()
        server.shutdown()
        server.server_close()
