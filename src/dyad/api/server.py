"""Serving the API: ``dyad serve`` in the foreground, or a server in a thread (benchmarks, tests)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import uvicorn


class _Server(uvicorn.Server):
    """uvicorn's server, telling ``on_started`` its address once the socket listens."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[str], None] | None = None) -> None:
        super().__init__(config)
        self.on_started = on_started

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets)
        if self.started and self.on_started:
            port = self.config.port  # the port the system gave when 0 was asked for
            for listening in getattr(self, "servers", []):
                for sock in listening.sockets:
                    port = sock.getsockname()[1]
            self.on_started(f"http://{self.config.host}:{port}")


def serve(app, host: str = "127.0.0.1", port: int = 8000, on_started: Callable[[str], None] | None = None) -> bool:
    """Serve ``app`` until interrupted; False when the socket could not be opened (uvicorn logs why)."""
    server = _Server(uvicorn.Config(app, host=host, port=port, log_level="warning"), on_started)
    try:
        server.run()
    except SystemExit:  # uvicorn exits when it cannot bind
        return False
    return server.started


@contextmanager
def running(app, host: str = "127.0.0.1", timeout: float = 30.0) -> Iterator[str]:
    """The real server with ``app`` in a thread, on a free port of ``host``; yields its base URL and
    stops it on leaving. The socket is bound before the server starts, so nothing else can take the
    port in between."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # accepted connections inherit it: without it, a response written in two parts (headers, body)
    # waits for the client's delayed ACK, about 40 ms a request on a kept-alive connection
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="dyad-api", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the API server stopped before it started")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the API server did not start within {timeout:g} s")
            time.sleep(0.01)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
