"""Generators of large argument maps for the benchmarks (deterministic for a seed)."""

from __future__ import annotations

import random

WORDS = (
    "Europa muss investieren Rechenzentren Strom Modelle Abhängigkeit Wettbewerb Förderung "
    "Effizienz Blase Cloud Souveränität Mittelstand Anwendung Daten Energie Größe Zukunft"
).split()


def generate(claims: int, relations: int, seed: int = 1) -> str:
    """An argmap text with ``claims`` claims and ``relations`` relations
    (supports, rebuttals, contradictions and undercuts mixed), a few positions,
    attributes and outline items, as a teacher's big file would have."""
    rng = random.Random(seed)
    out = ["title: Benchmark map", "lang: de", ""]
    out.append('source s0: "Eine Quelle"')
    out.append("  author: Jemand")
    for i in range(claims):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12)))
        out.append(f"claim c{i}: {text}.")
        if i % 10 == 0:
            out.append("  source: s0")
            out.append("  basis: statistic")
    named: list[str] = []
    for j in range(relations):
        a, b = rng.randrange(claims), rng.randrange(claims)
        if a == b:
            b = (b + 1) % claims
        kind = rng.random()
        if kind < 0.5:
            if j % 5 == 0:
                name = f"r{j}"
                named.append(name)
                out.append(f"{name}: c{a} supports c{b}")
            else:
                out.append(f"c{a} supports c{b}")
        elif kind < 0.8:
            out.append(f"c{a} rebuts c{b}")
        elif kind < 0.9 or not named:
            out.append(f"c{a} contradicts c{b}")
        else:
            out.append(f"c{a} undercuts {rng.choice(named)}")
    for p in range(5):
        acc = ", ".join(f"c{rng.randrange(claims)}" for _ in range(5))
        rej = ", ".join(f"c{rng.randrange(claims)}" for _ in range(3))
        out.append(f"position p{p}: accepts {acc}; rejects {rej}")
    return "\n".join(out) + "\n"
