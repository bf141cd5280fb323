"""Inputs for the fuzzer: grammar-aware maps, mutated examples, random bytes.

Every input is a pure function of ``(seed, index)``: :func:`make_input`
gives the same bytes in a worker, in the parent (to show a hang's input) and
in a later run, so a failure is reproduced by its seed and index alone.
"""

from __future__ import annotations

import random
from pathlib import Path

__all__ = ["GENERATORS", "make_input", "grammar_map", "mutate", "random_input", "api_code", "EXAMPLES", "SANDBOX_TEXT"]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.argmap"))

#: The generators and how often each is picked (out of the sum).
GENERATORS = {"grammar": 46, "mutate": 30, "random": 16, "api": 8}

#: The text of ``text.txt`` beside every fuzzed file; quotes are drawn from its phrases.
PHRASES = ("Europa muss investieren", "the quick brown fox", "größer als gedacht", "日本語のテキスト", "a \"quoted\" word")
SANDBOX_TEXT = "Intro.\n" + "\n".join(f"… {p} …" for p in PHRASES) + "\nEnd.\n"

# `file:` values: mostly harmless; rarely the hostile ones of issue 8 (a
# device that never ends, a FIFO nobody writes, a NUL byte, leaving the folder).
FILES = ("text.txt", "text.txt", "text.txt", "missing.txt", "sub/../text.txt", "")
HOSTILE_FILES = (
    "/dev/zero", "fifo", "/dev/stdin", "a\x00b.txt", "../text.txt", "/etc/hostname", ".", "zero.txt", "up.txt",
)

WORDS = (
    "Europa muss massiv investieren Rechenzentren Strom Modelle Wettbewerb Daten Energie Größe Zukunft "
    "the rain makes streets wet schools should ban phones Ωμέγα λόγος Москва данные 日本 中文 한국어 עברית "
    "العربية हिन्दी ǅemal ﬁne Straße İstanbul x y z 0 1 42 3.14 e-mail co-op"
).split()
PUNCT = (".", ",", ";", ":", "!", "?", "#", '"', "'", "|", "+", "-", "~", "(", ")", "\\", "/", "…", "„", "“", "»")
# Characters that are white space or line breaks to someone (str.splitlines, str.split, editors).
ODD_SPACE = ("\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\u00a0", "\u2003", "\u3000")
ODD_CHARS = (
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u0301", "\u0308", "🧠", "👩‍👩‍👧", "\ufffd", "\x00",
    "\x1b[31m", "\x7f", "＃", "：", "\U0001d400", "ﷺ", "\u0000",
)
ID_STEMS = ("a", "b", "c", "claim_", "r", "x_", "größe", "日本", "Ωμέγα", "ǅ", "١٢", "_", "n0", "Zeile", "ʼ", "ⅷ")
KEYWORDS = ("claim", "implicit", "source", "group", "position", "title", "lang", "question", "supports", "rebuts",
            "contradicts", "undercuts", "accepts", "rejects")
BASES = ("statistic", "expert", "study", "quote", "law", "example", "common belief", "assumption", "Statistik",
         "Studie", "Annahme", "Allgemeinwissen", "  study  ", "STUDY")
WEIGHTS = ("0", "1", "0.5", "0.25", "1.0", ".5", "0.125", "0.3333333333333333", "1e-1")


def make_input(seed: int, index: int) -> tuple[str, bytes]:
    """The generator's name and the bytes of input ``index`` of run ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    name = rng.choices(list(GENERATORS), weights=list(GENERATORS.values()))[0]
    if name == "grammar":
        return name, grammar_map(rng)
    if name == "mutate":
        return name, mutate(rng)
    if name == "api":
        return name, api_code(rng)
    return name, random_input(rng)


# -- grammar-aware generation -------------------------------------------------


class _Writer:
    """Writes one map, line by line, remembering the ids it declared so that
    most references resolve and most maps are free of errors."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lines: list[str] = []
        self.claims: list[str] = []
        self.named: list[str] = []
        self.sources: list[str] = []
        self.groups: list[str] = []
        self.used: set[str] = set()
        self.related: set[frozenset[str]] = set()  # pairs already related: one relation per pair
        self.attacks: set[tuple[str, str]] = set()
        self.n = 0
        self.indent = rng.choice(("  ", "  ", "  ", "    ", "\t", " ", " \t"))
        self.odd = rng.random() < 0.25  # odd characters in texts
        self.sloppy = rng.random() < 0.15  # deliberate mistakes
        self.hostile = rng.random() < 0.004
        # rarely one kind of very long piece: ids, words or texts of thousands of characters
        self.huge = rng.choice(("id", "word", "text")) if rng.random() < 0.015 else None

    # pieces

    def new_id(self) -> str:
        rng = self.rng
        self.n += 1
        if self.huge == "id" and rng.random() < 0.05:
            stem = rng.choice(ID_STEMS) * rng.randint(200, 3000)
        elif self.sloppy and rng.random() < 0.03:
            stem = rng.choice(KEYWORDS)
            if rng.random() < 0.5:
                return stem
        else:
            stem = rng.choice(ID_STEMS)
        ident = f"{stem}{self.n}"
        self.used.add(ident)
        return ident

    def sp(self) -> str:
        r = self.rng.random()
        return " " if r < 0.85 else self.rng.choice(("  ", "\t", " \t ", "   "))

    def text(self, words: int | None = None) -> str:
        rng = self.rng
        if self.huge == "word" and rng.random() < 0.05:
            return rng.choice(WORDS) * rng.randint(1000, 20000)  # one very long word
        if words is None:
            words = rng.randint(200, 3000) if self.huge == "text" and rng.random() < 0.1 else rng.randint(1, 12)
        out = []
        for _ in range(words):
            w = rng.choice(WORDS)
            if rng.random() < 0.1:
                w += rng.choice(PUNCT)
            if self.odd and rng.random() < 0.15:
                w += rng.choice(ODD_SPACE + ODD_CHARS)
            out.append(w)
        sep = " " if not self.odd else rng.choice((" ", " ", "  ", "\t", " \x0c "))
        return sep.join(out)

    def ref(self, pool: list[str] | None = None) -> str:
        pool = self.claims if pool is None else pool
        if not pool or (self.sloppy and self.rng.random() < 0.05):
            return self.new_id() if pool is not None else "nobody"
        return self.rng.choice(pool)

    def relate(self, a: str, b: str, verb: str) -> bool:
        """Record ``a verb b``; False when the pair is already related (or the same id)."""
        pair = frozenset((a, b))
        if a == b or (pair in self.related and not (self.sloppy and self.rng.random() < 0.1)):
            return False
        self.related.add(pair)
        if verb in ("rebuts", "undercuts", "contradicts"):
            self.attacks.add((a, b))
            if verb == "contradicts":
                self.attacks.add((b, a))
        return True

    def add(self, line: str) -> None:
        if self.rng.random() < 0.03:
            line += self.rng.choice((" ", "\t", "  ", " \x0c" if self.odd else " "))  # trailing white space
        self.lines.append(line)

    def comment(self, indent: str = "") -> None:
        rng = self.rng
        body = rng.choice(("", " ", " note", " " + self.text(), "#", "!", " # nested", " claim x: not a claim"))
        if self.odd and rng.random() < 0.3:
            body += rng.choice(ODD_SPACE + ODD_CHARS)
        self.add(f"{indent}#{body}")

    def maybe_comment(self, indent: str) -> None:
        if self.rng.random() < 0.08:
            self.comment(indent if self.rng.random() < 0.8 else "")

    # statements

    def meta(self) -> None:
        rng = self.rng
        for key in ("title", "lang", "question"):
            if rng.random() < 0.4:
                value = rng.choice(("de", "en", "fr", "")) if key == "lang" else self.text()
                self.add(f"{key}:{self.sp()}{value}".rstrip(" "))

    def attributes(self, indent: str, kind: str) -> None:
        rng = self.rng
        keys = (
            ("source", "basis", "quote", "tags", "group", "weight", "note", "author", "extra", "empty")
            if kind == "claim"
            else ("author", "date", "kind", "url", "file", "note", "empty")
        )
        given = set()
        for key in rng.sample(keys, rng.randint(0, 4)):
            value = self.attribute_value(key, kind)
            if key == "empty":
                key = rng.choice(("note", "author", "custom", "file" if kind == "source" else "x"))
            if key in given or (not value and key in ("source", "group") and not self.sloppy):
                continue
            given.add(key)
            self.maybe_comment(indent)
            self.add(f"{indent}{key}:{self.sp()}{value}".rstrip(" ") if value else f"{indent}{key}:")

    def attribute_value(self, key: str, kind: str) -> str:
        rng = self.rng
        if key == "source":
            return self.ref(self.sources) if self.sources else ""
        if key == "basis":
            return rng.choice(BASES)
        if key == "quote":
            phrase = rng.choice(PHRASES).replace('"', "'") if rng.random() < 0.9 else self.text(3).replace('"', "")
            return f'"{phrase}"'
        if key == "tags":
            return ", ".join(rng.choice(WORDS).strip(".,") for _ in range(rng.randint(1, 4)))
        if key == "group":
            return self.ref(self.groups) if self.groups else ""
        if key == "weight":
            return rng.choice(WEIGHTS) if not self.sloppy else rng.choice(WEIGHTS + ("2", "-1", "nan", "x"))
        if key == "date":
            return rng.choice(("2025-01-31", "2016", "31.1.2025", ""))
        if key == "url":
            return rng.choice(("https://example.org/a?b=c#d", "http://x", "not a url"))
        if key == "file":
            return rng.choice(HOSTILE_FILES if self.hostile else FILES)
        if key == "empty":
            return ""
        return self.text()

    def continuation(self, indent: str) -> None:
        for _ in range(self.rng.randint(1, 3)):
            self.maybe_comment(indent)
            self.add(f"{indent}|{self.sp()}{self.text()}".rstrip(" "))

    def claim(self, implicit: bool = False) -> str:
        ident = self.new_id()
        head = f"implicit{self.sp()}claim" if implicit else "claim"
        self.add(f"{head}{self.sp()}{ident}{self.sp() if self.rng.random() < 0.1 else ''}:{self.sp()}{self.text()}")
        if self.rng.random() < 0.1:
            self.continuation(self.indent)
        if self.rng.random() < 0.5:
            self.attributes(self.indent, "claim")
        self.claims.append(ident)
        if self.rng.random() < 0.25:
            self.outline(ident, 1, 1 if self.rng.random() < 0.7 else self.rng.randint(2, 6))
        return ident

    def outline(self, parent: str, depth: int, max_depth: int, label: str | None = None) -> None:
        rng = self.rng
        indent = self.indent * depth
        for _ in range(rng.randint(1, 4)):
            self.maybe_comment(indent)
            sign = rng.choice("++-~") if label else rng.choice("++-")
            item_label = None
            head = f"{indent}{sign}{self.sp()}"
            if rng.random() < (0.25 if sign == "+" else 0.3):
                item_label = self.new_id()
                head += f"({item_label}){self.sp()}"
            r = rng.random()
            child = None
            verb = {"+": "supports", "-": "rebuts", "~": "undercuts"}[sign]
            target = label if sign == "~" else parent
            if r < 0.55 or not self.claims:
                child = self.new_id()
                self.relate(child, target, verb)
                word = f"implicit{self.sp()}" if rng.random() < 0.1 else ""
                self.add(f"{head}{word}{child}:{self.sp()}{self.text()}")
                self.claims.append(child)
                if rng.random() < 0.3:
                    self.attributes(indent + self.indent, "claim")
                if rng.random() < 0.05:
                    self.continuation(indent + self.indent)
            elif r < 0.7 and len(self.claims) > 1:  # linked premises, a linked objection or undercut
                premises = [p for p in rng.sample(self.claims, min(len(self.claims), 3)) if p not in (parent, target)]
                if premises and all(self.relate(p, target, verb) for p in premises):
                    self.add(head + f"{self.sp()}+{self.sp()}".join(premises))
                else:
                    item_label = None
            else:
                child = self.ref()
                if not self.relate(child, target, verb):
                    child = self.new_id()
                    self.relate(child, target, verb)
                    self.add(f"{head}{child}:{self.sp()}{self.text()}")
                    self.claims.append(child)
                else:
                    self.add(f"{head}{child}")
            if item_label:
                self.named.append(item_label)
            if child and depth < max_depth and rng.random() < 0.5:
                self.outline(child, depth + 1, max_depth, item_label)
            if self.sloppy and rng.random() < 0.05:
                self.add(indent + " " + rng.choice(("+ x", "- y", "~ z")))  # off by one space

    def relation(self) -> None:
        rng = self.rng
        if len(self.claims) < 2:
            self.claim()
            return
        a, b = rng.sample(self.claims, 2)
        if frozenset((a, b)) in self.related:
            b = self.new_id()
            self.add(f"claim{self.sp()}{b}:{self.sp()}{self.text()}")
            self.claims.append(b)
        r = rng.random()
        verb = "supports"
        if r < 0.35:
            lhs = a
        elif r < 0.5:
            lhs = f"{self.sp()}+{self.sp()}".join(rng.sample(self.claims, min(len(self.claims), rng.randint(2, 4))))
            if b in lhs.split():
                b = self.new_id()
                self.add(f"claim {b}: {self.text()}")
                self.claims.append(b)
        elif r < 0.7:
            lhs, verb = a, "rebuts"
        elif r < 0.85:
            lhs, verb = a, "contradicts"
        elif self.named:
            lhs, verb, b = a, "undercuts", rng.choice(self.named)
        else:
            lhs = a
        if verb in ("rebuts", "undercuts") and rng.random() < 0.25:  # a linked objection or undercut
            others = [c for c in self.claims if c not in (a, b)]
            if others:
                lhs = f"{self.sp()}+{self.sp()}".join([a, *rng.sample(others, min(len(others), rng.randint(1, 3)))])
                if self.sloppy and rng.random() < 0.2:
                    lhs += f" + {self.new_id()}"  # an unknown id in a linked objection
        if not all(self.relate(p, b, verb) for p in lhs.split() if p != "+"):
            return
        if self.sloppy and rng.random() < 0.05:
            verb = rng.choice(("suports", "rebut", "attacks", "Supports"))
        line = f"{lhs}{self.sp()}{verb}{self.sp()}{b}"
        name = None
        if rng.random() < (0.3 if verb == "supports" else 0.45):
            name = self.new_id()
            self.named.append(name)
            line = f"{name}:{self.sp()}{line}"
        if self.sloppy and rng.random() < 0.05:
            line += rng.choice((" # why", " extra", " +"))
        self.add(line)
        if (name or (self.sloppy and rng.random() < 0.1)) and rng.random() < 0.3:
            self.relation_attributes(self.indent)

    def relation_attributes(self, indent: str) -> None:
        """``note:``, ``tags:`` and ``group:`` under a named relation or an argument."""
        rng = self.rng
        keys = ["note", "tags", "group"] + (["basis", "weight"] if self.sloppy else [])
        for key in rng.sample(keys, rng.randint(1, len(keys))):
            value = self.attribute_value(key, "claim")
            if not value:
                continue
            self.maybe_comment(indent)
            self.add(f"{indent}{key}:{self.sp()}{value}")

    def undercuts(self) -> None:
        """Undercuts of named relations and arguments: chains of undercuts of
        undercuts, and (hostile) cycles of them."""
        rng = self.rng
        if not self.named or not self.claims:
            self.relation()
            return
        target = rng.choice(self.named)
        if rng.random() < 0.1 and (self.sloppy or rng.random() < 0.3):  # a cycle: u1 undercuts u2 undercuts ... u1
            names = [self.new_id() for _ in range(rng.randint(1, 4))]
            for i, name in enumerate(names):
                attacker = self.claim_line()
                self.relate(attacker, names[(i + 1) % len(names)], "undercuts")
                self.add(f"{name}:{self.sp()}{attacker}{self.sp()}undercuts{self.sp()}{names[(i + 1) % len(names)]}")
            self.named.extend(names)
            return
        for _ in range(rng.randint(1, 6) if rng.random() < 0.3 else 1):  # undercuts of undercuts
            attacker = self.claim_line() if rng.random() < 0.5 else rng.choice(self.claims)
            if not self.relate(attacker, target, "undercuts"):
                return
            name = self.new_id()
            self.add(f"{name}:{self.sp()}{attacker}{self.sp()}undercuts{self.sp()}{target}")
            if rng.random() < 0.15:
                self.relation_attributes(self.indent)
            self.named.append(name)
            target = name

    def claim_line(self) -> str:
        """A bare new claim, one line."""
        ident = self.new_id()
        self.add(f"claim{self.sp()}{ident}:{self.sp()}{self.text()}")
        self.claims.append(ident)
        return ident

    def argument(self) -> None:
        """An argument block: title, gist, inference, attributes, then premise
        and conclusion lines; rarely very long, or (hostile) a conclusion
        that is one of its own premises."""
        rng = self.rng
        ident = self.new_id()
        self.add(f"argument{self.sp()}{ident}:{self.sp()}{self.text(rng.randint(1, 6))}")
        indent = self.indent
        if rng.random() < 0.05:
            self.continuation(indent)
        for key in ("gist", "inference"):
            if rng.random() < 0.5:
                self.add(f"{indent}{key}:{self.sp()}{self.text()}")
        if rng.random() < 0.3:
            self.relation_attributes(indent)
        long = rng.random() < 0.01
        steps = rng.randint(20, 200) if long else rng.randint(1, 3)
        previous = None  # the conclusion before, a premise of the next step
        seen: list[str] = []
        for _ in range(steps):
            premises = []
            for _ in range(rng.randint(1, 30) if long else rng.randint(1, 3)):
                premises.append(self.step_line("premise", indent, seen))
            conclusion = None
            if self.sloppy and rng.random() < 0.1 and seen:
                conclusion = rng.choice(seen)  # a conclusion that is a premise
                self.add(f"{indent}conclusion{self.sp()}{conclusion}")
            else:
                for _ in range(5):
                    candidate = self.step_line("conclusion", indent, seen, dry=True)
                    if all(self.relate(p, candidate, "supports") for p in premises + [previous] if p):
                        conclusion = candidate
                        break
                else:
                    candidate = self.new_id()
                    for p in premises + [previous]:
                        if p:
                            self.relate(p, candidate, "supports")
                    conclusion = candidate
                self.step_write("conclusion", indent, conclusion)
            seen.append(conclusion)
            previous = conclusion
        self.named.append(ident)

    def step_line(self, keyword: str, indent: str, seen: list[str], dry: bool = False) -> str:
        rng = self.rng
        taken = set(seen)  # (a set: a long argument has thousands of steps' ids)
        fresh = [c for c in self.claims if c not in taken]
        if fresh and rng.random() < 0.35:
            ident = rng.choice(fresh)
        else:
            ident = self.new_id()
        if not dry:
            self.step_write(keyword, indent, ident)
        seen.append(ident)
        return ident

    def step_write(self, keyword: str, indent: str, ident: str) -> None:
        rng = self.rng
        if ident in self.claims:
            self.add(f"{indent}{keyword}{self.sp()}{ident}")
            return
        word = f"implicit{self.sp()}" if keyword == "premise" and rng.random() < 0.15 else ""
        self.add(f"{indent}{keyword}{self.sp()}{word}{ident}:{self.sp()}{self.text()}")
        self.claims.append(ident)
        if rng.random() < 0.2:
            self.attributes(indent + self.indent, "claim")
        if rng.random() < 0.03:
            self.continuation(indent + self.indent)

    def source(self) -> None:
        ident = self.new_id()
        title = self.text(self.rng.randint(1, 6)).replace("\\", "\\\\").replace('"', '\\"')
        for c in "\r\n":
            title = title.replace(c, " ")
        self.add(f"source{self.sp()}{ident}:{self.sp()}\"{title}\"")
        self.sources.append(ident)
        if self.rng.random() < 0.8:
            self.attributes(self.indent, "source")

    def group(self) -> None:
        rng = self.rng
        ident = self.new_id()
        self.add(f"group{self.sp()}{ident}:{self.sp()}{self.text(rng.randint(1, 5))}")
        if self.groups and rng.random() < 0.4:  # a group inside another
            self.add(f"{self.indent}group:{self.sp()}{rng.choice(self.groups)}")
        elif self.sloppy and rng.random() < 0.3:  # a group that is part of itself, directly or through others
            names = [ident] + [self.new_id() for _ in range(rng.randint(0, 3))]
            self.add(f"{self.indent}group:{self.sp()}{names[-1]}")
            for i, name in enumerate(names[1:], 1):
                self.add(f"group{self.sp()}{name}:{self.sp()}{self.text(2)}")
                self.add(f"{self.indent}group:{self.sp()}{names[i - 1]}")
            self.groups.extend(names[1:])
        self.groups.append(ident)

    def position(self) -> None:
        rng = self.rng
        ident = self.new_id()
        pool = self.claims + self.named
        if not pool:
            self.claim()
            return
        picked = rng.sample(pool, min(len(pool), rng.randint(1, 6)))
        cut = rng.randint(0, len(picked))
        accepts: list[str] = []
        for x in picked[:cut]:  # a position does not accept both sides of an attack
            if self.sloppy or not any((x, y) in self.attacks or (y, x) in self.attacks for y in accepts):
                accepts.append(x)
        rejects = picked[cut:]
        parts = []
        if accepts:
            parts.append(f"accepts{self.sp()}" + f",{self.sp()}".join(accepts))
        if rejects:
            parts.append(f"rejects{self.sp()}" + f",{self.sp()}".join(rejects))
        if rng.random() < 0.7:
            self.add(f"position{self.sp()}{ident}:{self.sp()}" + f";{self.sp()}".join(parts))
        else:
            self.add(f"position{self.sp()}{ident}:")
            for part in parts:
                self.maybe_comment(self.indent)
                self.add(self.indent + part)

    def write(self) -> bytes:
        rng = self.rng
        if rng.random() < 0.3:
            self.comment()
        self.meta()
        size = rng.randint(1, 30) if rng.random() < 0.95 else rng.randint(30, 300)
        kinds = ("claim", "claim", "claim", "implicit", "source", "group", "relation", "relation", "relation",
                 "position", "comment", "blank", "argument", "undercuts")
        positions = 0
        for _ in range(size):
            kind = rng.choice(kinds)
            if kind == "claim":
                self.claim()
            elif kind == "implicit":
                self.claim(implicit=True)
            elif kind == "comment":
                self.comment(self.indent if rng.random() < 0.2 else "")
            elif kind == "blank":
                self.lines.append("" if rng.random() < 0.97 else rng.choice((" ", "\t", "  \t")))
            elif kind == "position":
                positions += 1
            else:
                getattr(self, kind)()
        for _ in range(positions):  # last, so that they know every attack
            self.position()
        eol = "\r\n" if rng.random() < 0.1 else "\n"
        text = eol.join(self.lines)
        if rng.random() < 0.9:
            text += eol
        if rng.random() < 0.02:
            text = "\ufeff" + text
        return text.encode("utf-8", errors="surrogatepass")


def grammar_map(rng: random.Random) -> bytes:
    """A map written by the rules of docs/language.md; most have no errors."""
    return _Writer(rng).write()


# -- mutation of the bundled examples ----------------------------------------

_EXAMPLE_BYTES: list[bytes] = []

FRAGMENTS = (
    "claim", "implicit", "source", "position", "group", "title", "lang", "question", "supports", "rebuts",
    "contradicts", "undercuts", "accepts", "rejects", ":", ";", ",", " + ", "+", "-", "~", "(", ")", "|", "#",
    '"', "\\", " ", "  ", "\t", "\n", "\r\n", "\r", "\ufeff", "\x00", "日本", "\u2028", "\x0c", "\x0b", "\x85",
    "claim z: Z.\n", "  + y: Y.\n", "  - w\n", "  ~ v\n", "    # c\n", "position q: accepts z\n", "z supports z\n",
    "  basis: study\n", "  weight: 2\n", "  file: text.txt\n", '  quote: "x"\n', "  | more\n", "group g: G\n",
)


def _examples() -> list[bytes]:
    if not _EXAMPLE_BYTES:
        _EXAMPLE_BYTES.extend(p.read_bytes() for p in EXAMPLES)
    return _EXAMPLE_BYTES


def mutate(rng: random.Random, data: bytes | None = None) -> bytes:
    """A bundled example (or ``data``) with one to five random edits."""
    if data is None:
        data = rng.choice(_examples())
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 5)):
        op = rng.randrange(9)
        n = len(lines)
        i = rng.randrange(n) if n else 0
        if op == 0 and n:  # flip a byte
            line = bytearray(lines[i])
            if line:
                j = rng.randrange(len(line))
                line[j] ^= 1 << rng.randrange(8)
            lines[i] = bytes(line)
        elif op == 1 and n > 1:
            del lines[i]
        elif op == 2 and n:
            lines.insert(i, lines[i])
        elif op == 3 and n > 1:
            j = rng.randrange(n)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 4 and n:  # insert a fragment
            line = lines[i]
            j = rng.randint(0, len(line))
            lines[i] = line[:j] + rng.choice(FRAGMENTS).encode() + line[j:]
        elif op == 5 and n:  # change the indentation
            stripped = lines[i].lstrip(b" \t")
            lines[i] = rng.choice((b"", b" ", b"  ", b"   ", b"    ", b"\t", b"  \t", b"      ")) + stripped
        elif op == 6 and n:  # move a line elsewhere
            lines.insert(rng.randint(0, n - 1), lines.pop(i))
        elif op == 7 and n:  # cut the line short
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif op == 8 and n:  # an odd character inside a line
            line = lines[i]
            j = rng.randint(0, len(line))
            lines[i] = line[:j] + rng.choice(ODD_SPACE + ODD_CHARS).encode() + line[j:]
    out = b"\n".join(lines)
    if rng.random() < 0.05:
        out = out[: rng.randint(0, len(out))]
    return out


# -- random bytes ---------------------------------------------------------------

_ALPHABET = FRAGMENTS + ODD_SPACE + ODD_CHARS + tuple(WORDS[:20]) + ("\n", "\n", "  ", "a", "b")


def random_input(rng: random.Random) -> bytes:
    """Random bytes, random pieces of the language, or random code points."""
    r = rng.random()
    size = rng.randint(0, 400) if rng.random() < 0.9 else rng.randint(400, 5000)
    if r < 0.35:
        return rng.randbytes(size)
    if r < 0.75:
        return "".join(rng.choice(_ALPHABET) for _ in range(size)).encode("utf-8")
    chars = []
    for _ in range(size):
        c = rng.choice((rng.randrange(0x80), rng.randrange(0x800), rng.randrange(0x10000), rng.randrange(0x110000)))
        chars.append(chr(c) if not 0xD800 <= c < 0xE000 else "\ufffd")
    return "".join(chars).encode("utf-8")


# -- maps built in Python -------------------------------------------------------

# Values a caller of the API might pass: fine ones, and what the text cannot say.
API_IDS = ("a", "b", "c", "größe", "日本", "r_1", "x" * 300, "claim", "title", "supports", "accepts", "a b", "",
           "a-b", "a:b", "1", "_", "ǅ", "a\n", "Ω")
API_TEXTS = ("Rain.", "Wet streets.", "", " ", "two\nlines", "a\u2028b", "# not a comment", "| bar", "ends with \\",
             "x: y", '"quoted"', "tab\there", "nul\x00", "  padded  ", "a\rb", "word " * 40, "ü" * 130, "\x0c")
API_VALUES = ("0", "1", "0.5", "2", "-1", "nan", "inf", "True", "None", "'0.5'", "'study'", "3", "1e-9",
              "Basis.STUDY", "'Studie'", "'nonsense'", "''", "'a\\nb'", "['a', 'b']", "['a\\nclaim x: y']", "['']",
              "['a,b']", "[' a ']", "{'author': 'x'}", "{'source': 'x'}", "{'x y': 'z'}", "{'k': ''}",
              "{'k': 'a\\nb'}", "{'note': 'n'}", "('a',)")


def _lit(rng: random.Random, pool: tuple[str, ...]) -> str:
    return repr(rng.choice(pool))


def api_code(rng: random.Random) -> bytes:
    """Python code that builds a map with :class:`argmap.MapBuilder`, one call
    a line, with odd values now and then; the fuzzer runs it line by line."""
    odd = rng.random() < 0.5
    pick_id = (lambda: _lit(rng, API_IDS)) if odd else (lambda: repr(rng.choice(API_IDS[:6])))

    def text() -> str:
        return _lit(rng, API_TEXTS) if odd and rng.random() < 0.3 else repr(" ".join(rng.sample(WORDS, 3)))

    meta = ", ".join(f"{k}={text()}" for k in ("title", "lang", "question") if rng.random() < 0.3)
    lines = [f"b = MapBuilder({meta})"]
    for _ in range(rng.randint(1, 15)):
        r = rng.random()
        if r < 0.35:
            kwargs = ""
            for key in rng.sample(("source", "basis", "quote", "tags", "weight", "group", "note", "implicit", "extra"),
                                  rng.randint(0, 3)):
                value = rng.choice(API_VALUES) if odd or key in ("basis", "weight", "tags", "extra") else text()
                if not odd and key == "weight":
                    value = rng.choice(("0", "1", "0.5", "0.25"))
                elif not odd and key == "basis":
                    value = rng.choice(("'study'", "Basis.STUDY", "'Studie'"))
                elif not odd and key in ("tags", "extra"):
                    value = rng.choice(("['a', 'b']", "{'author': 'x'}" if key == "extra" else "['x']"))
                elif key == "implicit":
                    value = rng.choice(("True", "False"))
                kwargs += f", {key}={value}"
            lines.append(f"b.claim({pick_id()}, {text()}{kwargs})")
        elif r < 0.55:
            name = f", name={pick_id()}" if rng.random() < 0.3 else ""
            premises = pick_id() if rng.random() < 0.8 else f"[{pick_id()}, {pick_id()}]"
            lines.append(f"b.supports({premises}, {pick_id()}{name})")
        elif r < 0.65:
            verb = rng.choice(("rebuts", "contradicts", "undercuts"))
            attackers = pick_id()
            if verb != "contradicts" or odd:
                if rng.random() < 0.3:  # linked, now and then with an id nobody declared
                    attackers = "[" + ", ".join(pick_id() for _ in range(rng.randint(2, 4))) + "]"
            lines.append(f"b.{verb}({attackers}, {pick_id()}{_relation_kwargs(rng, pick_id, text)})")
        elif r < 0.69:
            lines.extend(_api_undercut_chain(rng, pick_id))
        elif r < 0.72:
            lines.append(_api_argument(rng, odd, pick_id, text))
        elif r < 0.75:
            fields = ", ".join(f"{k}={text()}" for k in ("author", "date", "kind", "url", "file") if rng.random() < 0.3)
            lines.append(f"b.source({pick_id()}, {text()}{', ' + fields if fields else ''})")
        elif r < 0.85:
            lines.append(f"b.position({pick_id()}, accepts=[{pick_id()}], rejects=[{pick_id()}])")
        elif r < 0.92:
            parent = f", parent={pick_id()}" if rng.random() < 0.4 else ""
            lines.append(f"b.group({pick_id()}, {text()}{parent})")
        else:
            lines.append(f"b.comment({text()})")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _relation_kwargs(rng: random.Random, pick_id, text) -> str:
    """``name=`` and now and then the attributes only a named relation may have."""
    out = ""
    if rng.random() < 0.5:
        out += f", name={pick_id()}"
    if rng.random() < 0.2:
        out += f", note={text()}"
    if rng.random() < 0.15:
        out += f", tags={rng.choice(API_VALUES[-12:-5])}"
    if rng.random() < 0.15:
        out += f", group={pick_id()}"
    return out


def _api_undercut_chain(rng: random.Random, pick_id) -> list[str]:
    """Claims and a named support undercut by a chain of named undercuts,
    each of the one before; sometimes the chain closes into a cycle."""
    n = rng.randint(1, 8)
    lines = ["b.claim('uc_p', 'P.')", "b.claim('uc_c', 'C.')", "b.supports('uc_p', 'uc_c', name='uc_0')"]
    for i in range(1, n + 1):
        lines.append(f"b.claim('uc_x{i}', 'X {i}.')")
        closes = i == n and rng.random() < 0.3  # a cycle back to uc_1 (which undercuts itself when n is 1)
        target = "'uc_1'" if closes else f"'uc_{i - 1}'"
        lines.append(f"b.undercuts('uc_x{i}', {target}, name='uc_{i}')")
    if rng.random() < 0.3:
        lines.append(f"b.undercuts({pick_id()}, 'uc_{rng.randint(0, n)}')")
    return lines


def _api_argument(rng: random.Random, odd: bool, pick_id, text) -> str:
    """``b.argument(...)`` with premises and a conclusion, or steps (pairs or
    Step objects); odd ones: no steps, both forms, a conclusion among its own
    premises, a string for steps, hundreds of steps."""
    ident, title = pick_id(), text()
    extra = "".join(f", {k}={text()}" for k in ("gist", "inference", "note") if rng.random() < 0.3)
    if rng.random() < 0.2:
        extra += f", group={pick_id()}"
    r = rng.random()
    if r < 0.4:
        premises = "[" + ", ".join(pick_id() for _ in range(rng.randint(1, 3))) + "]"
        return f"b.argument({ident}, {title}, premises={premises}, conclusion={pick_id()}{extra})"
    if r < 0.8 or not odd:
        long = rng.random() < 0.05
        steps = []
        for _ in range(rng.randint(50, 400) if long else rng.randint(1, 4)):
            premises = "[" + ", ".join(pick_id() for _ in range(rng.randint(1, 3))) + "]"
            pair = f"({premises}, {pick_id()})"
            steps.append(f"Step{pair}" if rng.random() < 0.3 else pair)
        return f"b.argument({ident}, {title}, steps=[{', '.join(steps)}]{extra})"
    return rng.choice((
        f"b.argument({ident}, {title}{extra})",
        f"b.argument({ident}, {title}, steps=[], premises=['a'], conclusion='b')",
        f"b.argument({ident}, {title}, premises=['a', 'b'], conclusion='a')",
        f"b.argument({ident}, {title}, steps='ab')",
        f"b.argument({ident}, {title}, steps=[('a',)])",
        f"b.argument({ident}, {title}, steps=[(['a'], 'b'), (['b'], 'a')])",
        f"b.argument({ident}, {title}, steps=[([], 'b')])",
        f"b.argument({ident}, {title}, premises='a', conclusion={pick_id()}, tags=['x', 'y'])",
    ))
