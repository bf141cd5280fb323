"""Worker processes that run tasks under a time limit each.

A task that exceeds its limit is a hang: the worker is killed (after
faulthandler wrote where it was), the hang is reported with the task, and a
new worker takes over the rest of the chunk. A worker that dies (a crash in C
code, the memory limit) is reported the same way.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import re
import resource
import shutil
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait
from pathlib import Path

__all__ = ["Pool", "Hang", "scratch_root"]

#: Address space per worker: a runaway allocation becomes a MemoryError, not a dead machine.
MEMORY_LIMIT = 3 * 1024**3
_FRAME = re.compile(r'File "([^"]+)", line (\d+) in (\S+)')


class Hang:
    """A task that did not finish: ``where`` is the innermost argmap frame, if known."""

    def __init__(self, reason: str, where: str | None):
        self.reason = reason
        self.where = where

    def __repr__(self) -> str:
        return f"Hang({self.reason!r}, {self.where!r})"


def scratch_root() -> str:
    """Where workers keep their files: memory, when /dev/shm exists."""
    return "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else tempfile.gettempdir()


def _worker(conn, folder: str, handle: Callable, setup: Callable | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > MEMORY_LIMIT:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, hard))
    except (ValueError, OSError):
        pass
    state = setup(Path(folder)) if setup else None
    log = open(os.path.join(folder, "hang.txt"), "w")
    conn.send("ready")
    while True:
        msg = conn.recv()
        if msg is None:
            return
        tasks, dump_after = msg
        for task in tasks:
            log.seek(0)
            log.truncate()
            faulthandler.dump_traceback_later(dump_after, file=log)
            result = handle(task, state)
            faulthandler.cancel_dump_traceback_later()
            conn.send(result)


class _Slot:
    def __init__(self, pool: Pool, n: int):
        self.folder = os.path.join(pool.root, f"w{n}")
        os.makedirs(self.folder, exist_ok=True)
        parent, child = pool.ctx.Pipe()
        self.conn = parent
        self.proc = pool.ctx.Process(target=_worker, args=(child, self.folder, pool.handle, pool.setup), daemon=True)
        self.proc.start()
        child.close()
        self.chunk: list = []
        self.pos = 0
        self.since = 0.0
        self.limit = 0.0
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            raise RuntimeError("a fuzzing worker did not start")

    @property
    def busy(self) -> bool:
        return self.pos < len(self.chunk)

    def send(self, chunk: list, limit: float) -> None:
        self.chunk, self.pos, self.limit = chunk, 0, limit
        self.since = time.monotonic()
        self.conn.send((chunk, max(0.5, limit * 0.9)))

    def where(self) -> str | None:
        """The innermost argmap frame that faulthandler wrote before the kill."""
        try:
            dump = Path(self.folder, "hang.txt").read_text(errors="replace")
        except OSError:
            return None
        for path, line, func in _FRAME.findall(dump):
            if f"{os.sep}argmap{os.sep}" in path and f"{os.sep}benchmarks{os.sep}" not in path:
                tail = path.rsplit(f"{os.sep}argmap{os.sep}", 1)[1]
                return f"argmap/{tail}:{line} ({func})"
        return None

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class Pool:
    """``jobs`` worker processes; ``handle(task, state)`` runs a task in a worker,
    ``setup(folder)`` makes the worker's state once."""

    def __init__(self, jobs: int, handle: Callable, setup: Callable | None = None):
        self.ctx = multiprocessing.get_context("fork")
        self.root = tempfile.mkdtemp(prefix="argmap-fuzz-", dir=scratch_root())
        self.handle, self.setup = handle, setup
        self.jobs = max(1, jobs)
        self.slots = [_Slot(self, n) for n in range(self.jobs)]
        self.restarts = 0

    def run(self, tasks: Iterable, limit: Callable[[object], float], chunk: int = 25) -> Iterator[tuple]:
        """Yield ``(task, result)`` for every task, in any order; the result is
        a :class:`Hang` for a task that exceeded ``limit(task)`` seconds."""
        tasks = list(tasks)
        queue = deque(tasks[i : i + chunk] for i in range(0, len(tasks), chunk))
        while True:
            for slot in self.slots:
                if not slot.busy and queue:
                    part = queue.popleft()
                    slot.send(part, max(limit(t) for t in part))
            busy = [s for s in self.slots if s.busy]
            if not busy:
                return
            now = time.monotonic()
            timeout = max(0.0, min(s.since + s.limit - now for s in busy))
            ready = wait([s.conn for s in busy], timeout)
            for n, slot in enumerate(self.slots):
                if not slot.busy:
                    continue
                task = slot.chunk[slot.pos]
                if slot.conn in ready:
                    try:
                        result = slot.conn.recv()
                    except (EOFError, OSError):
                        slot.proc.join(2)  # the pipe closes a moment before the process is reaped
                        code = slot.proc.exitcode
                        yield task, Hang(f"the worker died (exit code {code})", slot.where())
                        self._replace(n, queue)
                        continue
                    slot.pos += 1
                    slot.since = time.monotonic()
                    yield task, result
                elif time.monotonic() - slot.since > slot.limit:
                    time.sleep(0.05)  # let faulthandler finish writing
                    yield task, Hang(f"no result within {slot.limit:g} s", slot.where())
                    self._replace(n, queue)

    def _replace(self, n: int, queue: deque) -> None:
        old = self.slots[n]
        rest = old.chunk[old.pos + 1 :]
        old.stop()
        self.restarts += 1
        if rest:
            queue.appendleft(rest)
        self.slots[n] = _Slot(self, n)

    def close(self) -> None:
        for slot in self.slots:
            try:
                slot.conn.send(None)
            except OSError:
                pass
        for slot in self.slots:
            slot.proc.join(2)
            slot.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
