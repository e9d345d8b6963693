"""SQLite with a queue for writers.

With WAL and immediate transactions every write waits for SQLite's one write lock. SQLite's own
wait (the busy handler) sleeps in growing steps of up to 100 ms and retries, so under load a writer
that has slept long keeps missing the moments the lock is free to the writer that just let it go
and comes straight back: with 8 writers, one waited 9.3 s while another committed 1,277 times.

Here a transaction first gets in line through two lock files beside the database: it takes the
door (`<db>-door`), then the queue (`<db>-queue`), then lets go of the door. The one holding the
door is next; the writer that just finished must get through the door like everyone else, so it
cannot take the queue again ahead of those waiting. Both are polled (the queue every millisecond),
and the whole wait stays bounded by the connection's timeout ("database is locked" after it, as
SQLite says). The files are per database, so gunicorn's workers, the background worker and every
thread (each with its own connection and open files) share one line.

Where fcntl is missing (Windows) or the database is in memory, nothing changes.
"""

from __future__ import annotations

import os
import time

from django.db.backends.sqlite3 import base

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

# The one at the door polls the queue often, to follow the writer before it at once; the others
# wait at the door at a gentler pace, so that waiting writers do not take the CPU from the writer
# that holds the lock (a school's server has two cores).
QUEUE_POLL = 0.001
DOOR_POLL = 0.005


def _take(fd: int, deadline: float, poll: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise base.Database.OperationalError("database is locked (writers' queue)") from None
            time.sleep(poll)


class DatabaseWrapper(base.DatabaseWrapper):
    _queue_fds: tuple[int, int] | None = None
    _in_queue = False

    def _enter_queue(self) -> None:
        if fcntl is None or self._in_queue or self.is_in_memory_db():
            return
        if self._queue_fds is None:
            name = self.settings_dict["NAME"]
            self._queue_fds = tuple(  # type: ignore[assignment]
                os.open(f"{name}-{part}", os.O_RDWR | os.O_CREAT, 0o600) for part in ("door", "queue")
            )
        door, queue = self._queue_fds
        deadline = time.monotonic() + float(self.settings_dict["OPTIONS"].get("timeout", 5))
        _take(door, deadline, DOOR_POLL)
        try:
            _take(queue, deadline, QUEUE_POLL)
        finally:
            fcntl.flock(door, fcntl.LOCK_UN)
        self._in_queue = True

    def _leave_queue(self) -> None:
        if self._in_queue:
            fcntl.flock(self._queue_fds[1], fcntl.LOCK_UN)
            self._in_queue = False

    def _start_transaction_under_autocommit(self):
        self._enter_queue()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._leave_queue()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._leave_queue()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._leave_queue()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._leave_queue()
            for fd in self._queue_fds or ():
                os.close(fd)
            self._queue_fds = None
