"""Whole processes for the benchmarks: the wall-clock time, CPU time and
peak memory of one child process, and the machine they ran on."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """One finished process."""

    wall: float  # seconds
    cpu: float  # seconds, user + system, of the process and the children it waited for
    peak_mb: float  # the largest resident set, MB
    returncode: int
    output: str  # the end of what it wrote to standard output and standard error

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def measure(argv: list[str], *, cwd: str | None = None, env: dict | None = None) -> Run:
    """Run ``argv`` to its end, keeping the end of its output. The CPU time and
    peak memory are the child's own, from ``os.wait4`` (the figures that
    ``getrusage(RUSAGE_CHILDREN)`` adds up), so other processes do not count."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT, cwd=cwd, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(max(0, output.seek(0, os.SEEK_END) - 4000))
        tail = output.read().decode("utf-8", "replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, tail)


def median(runs: list[Run], what: str) -> float:
    return statistics.median(getattr(r, what) for r in runs)


def best(runs: list[Run], what: str) -> float:
    return min(getattr(r, what) for r in runs)


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def machine() -> str:
    """The processor, its cores, the operating system and Python, in one line."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {sys.version.split()[0]}"
