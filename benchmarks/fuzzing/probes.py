"""Scaling probes: inputs that grow by doubling, one per way argmap's work
could grow faster than its input (many claims, many unknown ids, one long id,
one long word, many positions, comments inside an outline, line breaks that
only ``str.splitlines`` sees, deep outlines, many diagnostics, a long chain
of undercuts, one long argument)."""

from __future__ import annotations

__all__ = ["PROBES"]


def _claims(n: int) -> str:
    out = ["title: Probe", 'source s: "S"', "  author: A"]
    for i in range(n):
        out.append(f"claim c{i}: Claim number {i} says something with several words.")
        if i % 7 == 0:
            out.append("  source: s\n  basis: study\n  tags: x, y")
        if i:
            j = (i * 7919) % i
            out.append(f"r{i}: c{i} supports c{j}" if i % 3 else f"c{i} rebuts c{j}")
        if i % 5 == 4:
            out.append(f"c{i - 1} undercuts r{i - 2}" if (i - 2) % 3 else f"c{i - 1} contradicts c{i - 4}")
    for p in range(5):
        out.append(f"position p{p}: accepts " + ", ".join(f"c{(p * 31 + k * 17) % n}" for k in range(3)))
    return "\n".join(out) + "\n"


def _unknown_ids(n: int) -> str:
    lines = [f"claim argument_{i}: A{i}." for i in range(n)]
    lines += [f"argumnt_{i} supports argument_{(i + 1) % n}" for i in range(n)]
    return "\n".join(lines) + "\n"


def _long_id(n: int) -> str:
    ident = "a" * n
    return f"claim {ident}: A.\nclaim b: B.\n{ident[:-1]}b supports b\n{ident} supports b\n"


def _long_word(n: int) -> str:
    return f"claim a: {'w' * n}\nclaim b: B.\na supports b\n"


def _positions(n: int) -> str:
    out = ["claim a: A.", "claim b: B.", "claim c: C.", "a rebuts b"]
    out += [f"position p{i}: accepts a, c; rejects b" for i in range(n)]
    return "\n".join(out) + "\n"


def _outline_comments(n: int) -> str:
    out = ["claim a: A."]
    for i in range(n):
        out.append(f"  + c{i}: Reason {i}.")
        out.append(f"  # note {i}")
    return "\n".join(out) + "\n"


def _line_breaks(n: int) -> str:
    return "".join(f"claim c{i}: one\u2028two\x0cthree\nc{i} suports c{i}\n" for i in range(n))


def _deep_outline(n: int) -> str:
    out = ["claim c0: Root."]
    for i in range(1, n):
        out.append("  " * i + f"{'+' if i % 2 else '-'} c{i}: Level {i}.")
    return "\n".join(out) + "\n"


def _diagnostics(n: int) -> str:
    return "".join(f"claim c{i}: Text {i}.\n  weight: 2\n  basis: nonsense\n" for i in range(n))


def _undercut_chain(n: int) -> str:
    """A named support undercut by u1, u1 by u2, ... un: each undercut is
    itself undercut, so every label flips along the chain."""
    out = ["claim p: P.", "claim c: C.", "u0: p supports c"]
    for i in range(1, n):
        out.append(f"claim x{i}: Objection {i} to the one before.")
        out.append(f"u{i}: x{i} undercuts u{i - 1}")
        if i % 10 == 0:
            out.append("  note: every tenth has a note")
    out.append("position q: accepts " + ", ".join(f"u{i}" for i in range(0, n, max(1, n // 5))))
    return "\n".join(out) + "\n"


def _long_argument(n: int) -> str:
    """One argument of n/4 steps, each with three premises defined in it and
    the conclusion before; undercut and rebutted from outside."""
    out = ["argument big: A long argument", "  gist: Many steps.", "  inference: Modus ponens"]
    for i in range(n // 4):
        out.append(f"  premise p{i}a: Premise {i} a.")
        out.append(f"  premise implicit p{i}b: Premise {i} b.")
        out.append(f"  premise p{i}c: Premise {i} c." if i % 5 else f"  premise p{i}c: Premise {i} c.\n    basis: study")
        out.append(f"  conclusion k{i}: Conclusion {i}.")
    out += ["claim x: X.", "claim y: Y.", "x undercuts big", "y rebuts p0a", "position q: accepts big"]
    return "\n".join(out) + "\n"


#: name → (make the text for size n, the first n). Steps double n.
PROBES = {
    "claims": (_claims, 250),
    "unknown_ids": (_unknown_ids, 250),
    "long_id": (_long_id, 500),
    "long_word": (_long_word, 25_000),
    "positions": (_positions, 500),
    "outline_comments": (_outline_comments, 500),
    "line_breaks": (_line_breaks, 250),
    "deep_outline": (_deep_outline, 60),
    "diagnostics": (_diagnostics, 250),
    "undercut_chain": (_undercut_chain, 250),
    "long_argument": (_long_argument, 500),
}
