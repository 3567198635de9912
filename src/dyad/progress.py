"""A one-line progress report on a terminal: documents, events, rate, and ETA when the total is known."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool, total: int | None = None, stream=None) -> None:
        self.enabled = enabled
        self.total = total
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self.shown = False

    def update(self, documents: int, events: int) -> None:
        if not self.enabled:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        rate = documents / elapsed
        line = f"ingest: {documents}{f' of {self.total}' if self.total else ''} documents, {events} events, {rate:.1f} documents/s"
        if self.total and rate > 0:
            line += f", ETA {max(self.total - documents, 0) / rate:.0f} s"
        self.stream.write("\r" + line.ljust(72))
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\n")
            self.stream.flush()
