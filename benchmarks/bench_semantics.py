"""Time the acceptability semantics on large and on hard frameworks.

    python benchmarks/bench_semantics.py

Prints, with the best of several runs:

* grounded semantics on a map of 100,000 claims and 150,000 rebuttals and
  contradictions (random, so most claims lie in one big circle of attacks),
  after parsing: computing the extension and the labelling
  (``argmap.evaluate``; its attack pairs and statuses are made when first
  read), and, for comparison, the framework with every attack named
  (``argmap.semantics.framework``, what the other semantics start from);
* the same map in deductive support mode and as DF-QuAD strengths;
* preferred and stable semantics on random sparse frameworks of 60
  arguments with about 2 attacks per argument (120 attacks), over many seeds
  (the median and the slowest), and on denser ones for comparison;
* preferred and stable on the map of 100,000 claims: its thousands of
  independent circles of attacks give astronomically many extensions, so
  this measures how fast argmap stops at its limit (TooManyExtensions).

With ``--million``, grounded semantics on 1,000,000 arguments and 1,500,000
attacks instead, after parsing, two ways: ``argmap.evaluate`` on a map of a
million claims (made with the model, as parsing would make it, not
counted), with the time of each step (the meaning check resolves every id
to its index once; the labelling works on those indices), and what reading
the statuses and the attack pairs costs afterwards (both are made when
first read); and as ``argmap solve -p SE-GR`` answers it from an i23 file
(reading the file is the parsing, not counted). Wall-clock and CPU seconds
are both printed, with the load average: on a shared machine the CPU time
is the steadier figure.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap  # noqa: E402
from processes import load as _load  # noqa: E402
from timing import best_of  # noqa: E402
from argmap._nogc import no_gc  # noqa: E402
from argmap.model import ArgumentMap, Claim, Contradiction, Rebuttal, Support  # noqa: E402


def attack_map_text(claims: int, attacks: int, seed: int = 1, supports: int = 0) -> str:
    """An argmap text: ``claims`` claims, ``attacks`` random rebuttals (one in
    ten a contradiction, counted as one attack), and ``supports`` supports."""
    rng = random.Random(seed)
    out = ["title: Semantics benchmark", ""]
    out += [f"claim c{i}: Claim number {i}." for i in range(claims)]
    for j in range(attacks):
        a, b = rng.randrange(claims), rng.randrange(claims)
        if a == b:
            b = (b + 1) % claims
        out.append(f"c{a} contradicts c{b}" if j % 10 == 0 else f"c{a} rebuts c{b}")
    for _ in range(supports):
        a, b = rng.randrange(claims), rng.randrange(claims)
        if a != b:
            out.append(f"c{a} supports c{b}")
    return "\n".join(out) + "\n"


def random_framework_map(arguments: int, attacks: int, seed: int) -> ArgumentMap:
    """A random framework as a map built in Python: ``attacks`` distinct
    random attacks among ``arguments`` claims (self-attacks allowed)."""
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < attacks:
        pairs.add((rng.randrange(arguments), rng.randrange(arguments)))
    items = [Claim(f"a{i}", f"Argument {i}.") for i in range(arguments)]
    items += [Rebuttal(f"a{a}", f"a{b}") for a, b in sorted(pairs)]
    return ArgumentMap(items)


def large(claims: int = 100_000, attacks: int = 150_000) -> None:
    text = attack_map_text(claims, attacks)
    parse_s, m = best_of(1, lambda: argmap.parse(text))
    af = argmap.semantics.framework(m)
    print(f"map: {claims:,} claims, {len(af.attacks):,} attacks; parsing took {parse_s:.2f} s (not counted below)")
    print(f"{'task':<44} {'seconds':>8}  result")
    s, result = best_of(3, lambda: argmap.evaluate(m, "grounded"))
    undecided = sum(1 for v in result.status.values() if v is argmap.Status.UNDECIDED)
    print(f"{'grounded (evaluate: extension, labelling)':<44} {s:>8.3f}  {len(result.extensions[0]):,} accepted, {undecided:,} undecided")
    def build_only():
        with no_gc():  # as evaluate runs it
            return argmap.semantics.framework(m)

    s, _ = best_of(3, build_only)
    print(f"{'framework(m), every attack named':<44} {s:>8.3f}")
    for semantics in ("preferred", "stable"):
        start = time.perf_counter()
        try:
            result = argmap.evaluate(m, semantics)
            outcome = f"{len(result.extensions)} extension(s)"
        except argmap.semantics.TooManyExtensions as exc:
            outcome = f"stopped: more than {exc.limit} extensions"
        s = time.perf_counter() - start
        print(f"{semantics + ' (same map)':<44} {s:>8.3f}  {outcome}")
    s, result = best_of(1, lambda: argmap.evaluate(m, "dfquad"))
    print(f"{'dfquad (same map, cycles iterated)':<44} {s:>8.3f}  {len(result.diagnostics)} circle(s) not settled")

    text = attack_map_text(claims, attacks, supports=claims // 2)
    m = argmap.parse(text)
    s, result = best_of(1, lambda: argmap.evaluate(m, "grounded", "deductive"))
    print(
        f"{'grounded, deductive, +50,000 supports':<44} {s:>8.3f}  {len(result.attacks):,} attacks after closing"
    )


def small(arguments: int, attacks: int, seeds: int = 100) -> None:
    for semantics in ("preferred", "stable"):
        times = []
        counts = []
        for seed in range(seeds):
            m = random_framework_map(arguments, attacks, seed)
            s, result = best_of(3, lambda: argmap.evaluate(m, semantics))
            times.append(s)
            counts.append(len(result.extensions))
        print(
            f"{semantics:<10} {arguments:>4} args {attacks:>4} attacks, {seeds} seeds:"
            f" median {statistics.median(times) * 1000:7.2f} ms, slowest {max(times) * 1000:7.2f} ms,"
            f" up to {max(counts)} extensions"
        )


def million(n: int = 1_000_000, attacks: int = 1_500_000) -> None:
    from argmap._meaning import require_meaning
    from argmap.formats.iccma import read_i23, write_i23
    from argmap.semantics import _dung
    from argmap.semantics._framework import build, plain_attacks

    rng = random.Random(1)
    pairs = []
    for j in range(attacks):
        a, b = rng.randrange(n), rng.randrange(n)
        if a == b:
            b = (b + 1) % n
        pairs.append((a, b))
    start = time.perf_counter()
    items = [Claim(f"c{i}", f"Claim number {i}.") for i in range(n)]
    items += [Rebuttal(f"c{a}", f"c{b}") for a, b in pairs]
    m = ArgumentMap(items)
    print(f"map: {n:,} claims, {attacks:,} rebuttals, made in {time.perf_counter() - start:.1f} s (not counted)")
    print(f"load average before: {_load()}")
    print(f"{'grounded on a million arguments':<52} {'wall s':>7} {'CPU s':>7}")

    def row(label, fn, runs=3, setup=None):
        best_wall = best_cpu = float("inf")
        result = None
        for _ in range(runs):
            given = setup() if setup else None
            result = None  # the previous run's result is freed here, not in the next timing
            wall, cpu = time.perf_counter(), time.process_time()
            result = fn(given) if setup else fn()
            best_wall = min(best_wall, time.perf_counter() - wall)
            best_cpu = min(best_cpu, time.process_time() - cpu)
        print(f"{label:<52} {best_wall:>7.2f} {best_cpu:>7.2f}")
        return result

    result = row("evaluate(m, 'grounded'), in all", lambda: argmap.evaluate(m, "grounded"))
    with no_gc():  # as evaluate runs them
        resolved = row("  resolving the ids, checking the references", lambda: require_meaning(m, "evaluate"))
        plain = plain_attacks(resolved, "none")
        row(
            "  the grounded labelling",
            lambda: _dung.grounded_labels(len(resolved.order), plain.attackers, plain.targets),
        )
    fresh = lambda: argmap.evaluate(m, "grounded")  # noqa: E731
    row("afterwards: every status, made when first read", lambda e: e.status["c0"], 2, fresh)
    row("afterwards: the attack pairs, named when first read", lambda e: e.attacks, 2, fresh)
    with no_gc():
        row("framework(m) with every attack named (other semantics)", lambda: build(m, "none", resolved), 2)
    print(f"  {len(result.extensions[0]):,} accepted")
    print(f"load average after: {_load()}")
    del m, items, result, resolved, plain

    names = [str(i) for i in range(1, n + 1)]
    text = write_i23(names, [(names[a], names[b]) for a, b in pairs], names=False)
    start = time.perf_counter()
    parsed, _ = read_i23(text)
    print(f"i23 file: {len(text) / 1e6:.1f} MB, read in {time.perf_counter() - start:.1f} s (not counted)")

    from argmap.cli.solve import grounded_members

    with no_gc():
        members = row("argmap solve -p SE-GR: attacks + labelling", lambda: grounded_members(n, parsed.attacks), 2)
    print(f"  {len(members):,} accepted")


def main() -> None:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print()
    if "--million" in sys.argv:
        million()
        return
    large()
    print()
    small(60, 120)
    small(60, 240)
    small(200, 400)


if __name__ == "__main__":
    main()
