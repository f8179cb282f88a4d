"""Waiting for saves in data/: inotify on Linux, polling elsewhere; never a thread.

A whole build forks a process per edition, and forking a process that runs other threads can
deadlock (a lock held by a thread that does not exist in the child); so the watcher is a file
descriptor the builder's own loop waits on (inotify, select()) rather than a library that
watches in a thread (watchdog).

A save is a data file closed after writing (IN_CLOSE_WRITE), renamed into data/ (IN_MOVED_TO:
editors that write a temporary file and rename it) or deleted. A file still being written has
not been closed yet, so half a file is never taken for a save; and the builder checks that the
bytes it read are those of the saved state (generator/incremental.py), in case a new save starts
while it reads. What was saved is decided by contents: `state()` is each file's SHA-256, and a
build runs only when it differs from the last state built. Where inotify is missing, the
folder is polled (every 50 ms) and a change counts once the files stay unchanged for one poll.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
import select
import struct
import time
from pathlib import Path
from typing import Optional

from ..base.datafiles import data_files, is_data_file

IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO = 0x8, 0x40, 0x80
IN_DELETE, IN_DELETE_SELF, IN_MOVE_SELF = 0x200, 0x400, 0x800
IN_Q_OVERFLOW, IN_IGNORED, IN_NONBLOCK, IN_CLOEXEC = 0x4000, 0x8000, 0o4000, 0o2000000
SAVED = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE
EVENT = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len; then len bytes of name
POLL = 0.05   # seconds between two looks at the files where there is no inotify
QUIET = 0.02  # seconds without a further save before a burst of saves (save all) counts as done


def state(data: Path) -> dict[str, bytes]:
    """Every data file (base/datafiles.py: *.yaml, *.yml) → the SHA-256 of its bytes (~1 ms for all of them)."""
    found = {}
    try:
        paths = data_files(data)
    except OSError:  # data/ itself is being replaced: the watcher watches the new one
        return found
    for path in paths:
        try:
            found[path.name] = hashlib.sha256(path.read_bytes()).digest()
        except OSError:  # an editor replacing the file in between: its close or rename comes next
            pass
    return found


class Watcher:
    """Saves in one folder of data files; `wait()` until there is one."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.fd: Optional[int] = _inotify(data)
        self._saved = False           # a save was read from the descriptor but not yet waited for
        self._polled = state(data) if self.fd is None else {}

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Block until a data file was saved (True) or `timeout` seconds passed (False); then let a
        burst of saves finish (QUIET seconds without one)."""
        if not self._next(timeout):
            return False
        self._saved = False
        while self._next(QUIET):
            pass
        return True

    def waiting(self) -> bool:
        """Whether a save happened since the last wait() returned (does not block)."""
        self._saved = self._saved or self._next(0)
        return self._saved

    def _next(self, timeout: Optional[float]) -> bool:
        if self._saved:
            return True
        if self.fd is None:
            return self._poll(timeout)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([self.fd], [], [], left)[0]:
                return False
            if self._read():
                return True

    def _read(self) -> bool:
        """Read the pending events; whether one is a save of a data file (or the watch itself was lost)."""
        try:
            buffer = os.read(self.fd, 65536)
        except BlockingIOError:
            return False
        saved, offset = False, 0
        while offset + EVENT.size <= len(buffer):
            _, mask, _, length = EVENT.unpack_from(buffer, offset)
            name = buffer[offset + EVENT.size: offset + EVENT.size + length].rstrip(b"\0").decode(errors="replace")
            offset += EVENT.size + length
            if mask & (IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF):
                self._rewatch()
                saved = True
            elif mask & SAVED and is_data_file(name):
                saved = True
        return saved

    def _rewatch(self) -> None:
        """data/ itself was replaced or removed (or events were lost): watch the folder now there, or poll."""
        self.close()
        self.fd = _inotify(self.data)
        self._polled = state(self.data) if self.fd is None else {}

    def _poll(self, timeout: Optional[float]) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            now = state(self.data)
            if now != self._polled:
                while (later := state(self.data)) != now:  # a change counts once it stays for one poll
                    time.sleep(POLL)
                    now = later
                self._polled = now
                return True
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(POLL if deadline is None else min(POLL, max(0.0, deadline - time.monotonic())))

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _inotify(folder: Path) -> Optional[int]:
    """A non-blocking inotify descriptor watching `folder` for saves; None where the system has none."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
    except (OSError, AttributeError):
        return None
    if fd < 0:
        return None
    mask = SAVED | IN_DELETE_SELF | IN_MOVE_SELF
    if libc.inotify_add_watch(fd, os.fsencode(folder), mask) < 0:
        os.close(fd)
        return None
    return fd
