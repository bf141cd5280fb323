"""One fuzzing run: the inputs through the worker pool, the time outliers
measured again, the scaling probes, each distinct failure minimized."""

from __future__ import annotations

import math
import signal
import statistics
import time
from collections import Counter
from pathlib import Path

from attrs import define, field

from .checks import CHECKS, Failure, check_input, prepare_folder, run_checks
from .generate import GENERATORS, make_input
from .minimize import minimize
from .pool import Hang, Pool
from .probes import PROBES

__all__ = ["Options", "Report", "Finding", "run"]


@define
class Options:
    inputs: int = 1000
    seed: int = 1
    jobs: int = 2
    time_limit: float = 5.0  # seconds per input
    deep: bool = True  # the checks after reading (formatting, evaluating, drawing)
    timing: bool = True  # time outliers and scaling probes are failures
    probe_steps: int = 5  # sizes per probe (each double the one before)
    probe_limit: float = 30.0  # wall-clock seconds per probe step (a busy machine stretches them)
    probe_stop: float = 2.0  # CPU seconds of a step after which a probe grows no further
    outlier_factor: float = 50.0  # time per KB this many times the median ...
    outlier_seconds: float = 0.5  # ... and at least this long is an outlier
    minimize_seconds: float = 10.0
    progress: object = None  # a callable taking a line of text, or None


@define
class Finding:
    """One distinct failure: its key, how often it happened, the first input."""

    key: str
    check: str
    message: str
    detail: str
    source: str  # generator:seed:index, or probe:name:n
    data: bytes
    count: int = 1
    minimized: bytes | None = None


@define
class Report:
    options: Options
    seconds: float = 0.0
    generated: Counter = field(factory=Counter)  # generator → inputs
    ran: Counter = field(factory=Counter)  # check → inputs it ran on
    failed: Counter = field(factory=Counter)  # check → inputs it failed on
    bytes: int = 0
    findings: dict = field(factory=dict)  # key → Finding
    probes: dict = field(factory=dict)  # name → [(bytes, seconds)]
    probe_times: dict = field(factory=dict)  # name → [{check: seconds}]
    outliers: list = field(factory=list)  # (seconds, bytes, source) of confirmed slow inputs
    per_kb: tuple = (0.0, 0.0, 0.0)  # ms per KB: median, 99th percentile, maximum
    restarts: int = 0

    @property
    def inputs(self) -> int:
        return sum(self.generated.values())

    @property
    def failures(self) -> int:
        return len(self.findings)

    def add(self, failure: Failure, source: str, data: bytes) -> None:
        found = self.findings.get(failure.key)
        if found is None:
            f = failure
            self.findings[f.key] = Finding(f.key, f.check, f.message, f.detail, source, data)
        else:
            found.count += 1


# -- what a worker does ---------------------------------------------------------------


class _Alarm(BaseException):
    pass


def _on_alarm(signum, frame):
    raise _Alarm()


def _setup(folder: Path) -> Path:
    prepare_folder(folder)
    signal.signal(signal.SIGALRM, _on_alarm)
    return folder / "fuzz.argmap"


def _hangs(generator: str, data: bytes, path: Path, seconds: float) -> bool:
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        check_input(generator, data, path)
    except _Alarm:
        return True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return False


def _handle(task, path: Path):
    kind = task[0]
    if kind == "input":
        _, seed, index, deep = task
        generator, data = make_input(seed, index)
        return generator, len(data), check_input(generator, data, path, deep)
    if kind == "time":  # the best of a few runs (one when it is slow), and the failures of the first
        _, data, runs, sampled = task
        best = first = run_checks(data, path, sampled=sampled)
        for _ in range(runs - 1 if first.seconds < 0.5 else 0):
            again = run_checks(data, path, sampled=sampled)
            best = min(best, again, key=lambda o: o.seconds)
        return best.seconds, first.failures, dict(best.times)
    if kind == "minimize":
        _, generator, data, key, seconds, hang = task
        if hang:
            return minimize(data, lambda d: _hangs(generator, d, path, hang), 3 * seconds)
        return minimize(data, lambda d: any(f.key == key for f in check_input(generator, d, path).failures), seconds)
    raise ValueError(f"unknown task {kind!r}")


# -- the run ----------------------------------------------------------------------------


def run(options: Options) -> Report:
    """Fuzz with ``options``; the report holds the counts and every distinct failure."""
    report = Report(options)
    say = options.progress or (lambda line: None)
    start = time.perf_counter()
    with Pool(options.jobs, _handle, _setup) as pool:
        timings = _inputs(pool, report, say)
        report.per_kb = _per_kb(timings)
        if options.timing:
            _outliers(pool, report, timings, say)
            _probes(pool, report, say)
        _minimize(pool, report, say)
        report.restarts = pool.restarts
    report.seconds = time.perf_counter() - start
    return report


def _input_limit(options: Options):
    return lambda task: options.time_limit


def _per_kb(timings) -> tuple[float, float, float]:
    """Median, 99th percentile and maximum of the time per KB (inputs under
    1 KB count as 1 KB), in milliseconds."""
    if not timings:
        return (0.0, 0.0, 0.0)
    costs = sorted(s / max(size / 1024, 1) * 1000 for s, size, _ in timings)
    return costs[len(costs) // 2], costs[min(len(costs) - 1, len(costs) * 99 // 100)], costs[-1]


def _inputs(pool: Pool, report: Report, say) -> list[tuple[float, int, int]]:
    """Run every input; returns (seconds, bytes, index) of those that finished."""
    o = report.options
    tasks = [("input", o.seed, i, o.deep) for i in range(o.inputs)]
    timings = []
    step = max(1, o.inputs // 10)
    done = 0
    for task, result in pool.run(tasks, _input_limit(o), chunk=25):
        index = task[2]
        done += 1
        if done % step == 0:
            say(f"  {done:,} inputs, {len(report.findings)} distinct failures")
        if isinstance(result, Hang):
            generator, data = make_input(o.seed, index)
            report.generated[generator] += 1
            report.bytes += len(data)
            where = f" in {result.where.split(':')[0]}" if result.where else ""
            failure = Failure("time", f"time: hang{where}", f"{result.reason}; last seen at {result.where or '?'}")
            report.failed["time"] += 1
            report.add(failure, f"{generator}:{o.seed}:{index}", data)
            continue
        generator, size, outcome = result
        report.generated[generator] += 1
        report.bytes += size
        report.ran.update(outcome.ran)
        timings.append((outcome.seconds, size, index))
        if outcome.failures:
            data = make_input(o.seed, index)[1]
            for check in {f.check for f in outcome.failures}:
                report.failed[check] += 1
            for failure in {f.key: f for f in outcome.failures}.values():  # count inputs, not diagnostics
                report.add(failure, f"{generator}:{o.seed}:{index}", data)
    return timings


def _outliers(pool: Pool, report: Report, timings, say) -> None:
    """Inputs whose time per KB is far above the median, measured again to be sure."""
    o = report.options
    if not timings:
        return
    per_kb = [s / max(size / 1024, 1) for s, size, _ in timings]
    median = statistics.median(per_kb)
    suspects = [
        (s, size, index)
        for (s, size, index), cost in zip(timings, per_kb)
        if s >= o.outlier_seconds and cost > o.outlier_factor * median
    ]
    suspects = sorted(suspects, reverse=True)[:20]
    if not suspects:
        return
    say(f"  measuring {len(suspects)} slow inputs again (median {median * 1000:.2f} ms per KB)")
    tasks = [("time", make_input(o.seed, index)[1], 2, True) for _, _, index in suspects]
    sources = {id(t): index for t, (_, _, index) in zip(tasks, suspects)}
    for task, result in pool.run(tasks, lambda t: 3 * o.time_limit, chunk=1):
        index = sources[id(task)]
        generator, data = make_input(o.seed, index)
        seconds = 3 * o.time_limit if isinstance(result, Hang) else result[0]
        cost = seconds / max(len(data) / 1024, 1)
        if seconds >= o.outlier_seconds and cost > o.outlier_factor * median:
            report.outliers.append((seconds, len(data), f"{generator}:{o.seed}:{index}"))
            failure = Failure(
                "time",
                f"time: slow input ({generator})",
                f"{seconds:.2f} s for {len(data):,} bytes: {cost * 1000:.1f} ms per KB, "
                f"{cost / median:.0f} times the median",
            )
            report.failed["time"] += 1
            report.add(failure, f"{generator}:{o.seed}:{index}", data)


def _probes(pool: Pool, report: Report, say) -> None:
    """Each probe's input doubled ``probe_steps - 1`` times; the time must grow
    about as fast as the input (an exponent near 1), not as its square."""
    o = report.options
    alive = {name: make(n) for name, (make, n) in PROBES.items()}
    sizes = {name: n for name, (_, n) in PROBES.items()}
    for step in range(o.probe_steps):
        runs = 3 if step < o.probe_steps - 1 else 2
        tasks = [("time", alive[name].encode("utf-8"), runs, False) for name in alive]
        names = {id(t): name for t, name in zip(tasks, alive)}
        stop = []
        for task, result in pool.run(tasks, lambda t: o.probe_limit, chunk=1):
            name = names[id(task)]
            data = task[1]
            series = report.probes.setdefault(name, [])
            source = f"probe:{name}:{sizes[name]}"
            if isinstance(result, Hang):
                where = f" in {result.where.split(':')[0]}" if result.where else ""
                report.add(Failure("time", f"time: probe {name} hangs{where}", f"no result within {o.probe_limit:g} s "
                                   f"for {len(data):,} bytes; last seen at {result.where or '?'}"), source, data)
                stop.append(name)
                continue
            seconds, failures, times = result
            series.append((len(data), seconds))
            report.probe_times.setdefault(name, []).append(times)
            for failure in {f.key: f for f in failures}.values():
                report.add(failure, source, data)
            if seconds > o.probe_stop and len(series) >= 2:
                stop.append(name)
        for name in alive:
            sizes[name] *= 2
        alive = {name: PROBES[name][0](sizes[name]) for name in alive if name not in stop}
        say(f"  probe step {step + 1}/{o.probe_steps} done")
    for name, series in report.probes.items():
        exponent = growth(series)
        culprits = _culprits(series, report.probe_times[name])
        if (exponent is not None and exponent > SUPERLINEAR) or culprits:
            n = PROBES[name][1] * 2 ** (len(series) - 1)
            steps = ", ".join(f"{b:,} B: {s:.3f} s" for b, s in series)
            report.add(
                Failure("time", f"time: probe {name} grows as size^{exponent or 0:.1f} in {culprits or 'all'}", steps),
                f"probe:{name}:{n}",
                PROBES[name][0](PROBES[name][1]).encode("utf-8"),
            )


#: A probe whose time grows faster than size^SUPERLINEAR fails (linear is 1, quadratic 2).
SUPERLINEAR = 1.5


def _culprits(series, times) -> str:
    """The checks whose own time grows faster than linear and is a tenth of
    the whole at the largest size (so that a quadratic stage is caught while
    linear ones still hide it in the total)."""
    sizes = [b for b, _ in series]
    total = series[-1][1]
    found = []
    for check, last in times[-1].items():
        own = [(b, t.get(check, 0.0)) for b, t in zip(sizes, times)]
        k = growth(own, floor=0.02)
        if k is not None and k > SUPERLINEAR and last >= max(0.1, total / 10):
            found.append(f"{check} (^{k:.1f})")
    return ", ".join(found)


def growth(series: list[tuple[int, float]], floor: float = 0.05) -> float | None:
    """The exponent k in time ~ size^k over the last two doublings (the
    average), or None when the times are too short to tell."""
    if len(series) < 2 or series[-1][1] < floor:
        return None
    exps = []
    for (b1, t1), (b2, t2) in list(zip(series, series[1:]))[-2:]:
        if t1 > 0 and b2 > b1:
            exps.append(math.log(t2 / t1) / math.log(b2 / b1))
    return sum(exps) / len(exps) if exps else None


def _minimize(pool: Pool, report: Report, say) -> None:
    o = report.options
    todo = [f for f in report.findings.values() if not f.source.startswith("probe:") and "slow input" not in f.key]
    if not todo or o.minimize_seconds <= 0:
        return
    say(f"  minimizing {len(todo)} distinct failures")
    hang = min(0.5, o.time_limit / 2)  # a hang's reproducer is minimized to an input that takes this long
    tasks = [
        ("minimize", f.source.split(":")[0], f.data, f.key, o.minimize_seconds, hang * f.key.startswith("time: hang"))
        for f in todo
    ]
    by_task = {id(t): f for t, f in zip(tasks, todo)}
    limit = lambda t: 3 * o.minimize_seconds + 4 * o.time_limit + 5  # noqa: E731
    for task, result in pool.run(tasks, limit, chunk=1):
        finding = by_task[id(task)]
        finding.minimized = finding.data if isinstance(result, Hang) else result


# -- printing -----------------------------------------------------------------------------


def show(data: bytes, limit: int = 1500) -> str:
    """Bytes as readable text: UTF-8 where possible, escapes for the rest and
    for every invisible or line-breaking character but the newline."""
    text = data.decode("utf-8", errors="backslashreplace")
    out = []
    for ch in text:
        if ch == "\n" or (ch.isprintable() and ch not in "\u00a0\u3000\u2003") or ch == " ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    text = "".join(out)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text) - limit:,} more characters)"


def format_report(report: Report) -> str:
    o = report.options
    lines = [
        f"argmap fuzz: {report.inputs:,} inputs ({report.bytes / 1e6:.1f} MB) in {report.seconds:.1f} s"
        f" = {report.inputs / max(report.seconds, 1e-9):.0f} inputs/s; seed {o.seed}, {o.jobs} jobs,"
        f" {o.time_limit:g} s per input" + (f", {report.restarts} worker restarts" if report.restarts else ""),
        "inputs by generator: " + ", ".join(f"{g} {report.generated[g]:,}" for g in GENERATORS),
        "CPU time per KB of input (inputs under 1 KB count as 1 KB): median {:.2f} ms, 99th percentile {:.2f} ms,"
        " maximum {:.2f} ms".format(*report.per_kb),
        f"{'check':<12} {'ran on':>9} {'failed on':>9}",
    ]
    for check in CHECKS + ("time",):
        ran = report.inputs if check == "time" else report.ran[check]
        lines.append(f"{check:<12} {ran:>9,} {report.failed[check]:>9,}")
    if report.probes:
        lines.append("scaling probes (bytes → best CPU seconds; exponent of the last two doublings):")
        for name, series in report.probes.items():
            exponent = growth(series)
            shown = " ".join(f"{b / 1000:.0f}k:{s:.3f}" for b, s in series)
            lines.append(f"  {name:<17} {'n/a' if exponent is None else f'{exponent:.2f}':>5}  {shown}")
    if not report.findings:
        lines.append("no failures")
        return "\n".join(lines)
    lines.append(f"{len(report.findings)} distinct failures:")
    for n, f in enumerate(sorted(report.findings.values(), key=lambda f: f.key), 1):
        lines.append("")
        lines.append(f"[{n}] {f.key}  ({f.count:,} inputs; first {f.source})")
        lines.append(f"    {f.message.splitlines()[0] if f.message else ''}"[:500])
        data = f.minimized if f.minimized is not None else f.data
        what = "minimized reproducer" if f.minimized is not None else "reproducer"
        lines.append(f"    {what} ({len(data):,} bytes; Python: {data[:300]!r}{'…' if len(data) > 300 else ''}):")
        lines.extend("    | " + line for line in show(data).split("\n"))
    return "\n".join(lines)


def save(report: Report, folder: Path) -> None:
    """Each finding's first input and minimized reproducer as files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, f in enumerate(sorted(report.findings.values(), key=lambda f: f.key), 1):
        (folder / f"{n:02d}-input.argmap").write_bytes(f.data)
        if f.minimized is not None:
            (folder / f"{n:02d}-minimized.argmap").write_bytes(f.minimized)
        (folder / f"{n:02d}-what.txt").write_text(f"{f.key}\n{f.source}\n{f.message}\n\n{f.detail}\n", "utf-8")
