"""ICCMA's framework formats: apx, i23 and tgf, read and written.

An abstract argumentation framework is a list of arguments and a list of
attacks. The three formats of the ICCMA competitions write one:

``apx`` (ASPARTIX)
    ASP facts: ``arg(a).`` and ``att(a,b).``; ``%`` starts a comment. A name
    is an ASP constant (``a``, ``arg_1``), an integer or a quoted string
    (``"ärger"``): the writer quotes every id that is not a plain ASCII
    constant or integer, so any argmap id is valid ASP.
``i23`` (ICCMA 2023)
    ``p af N``, then one attack ``i j`` per line between the arguments
    ``1 .. N``; ``#`` starts a comment. The writer adds the names as
    comments, ``# 1 ärger``, and the reader takes them back when present.
``tgf`` (Trivial Graph Format)
    one node per line (``1 a``: its number and a label), a line ``#``,
    then one attack per line (``1 2``).

Readers never raise for bad input: they return the framework they could
read and diagnostics with line and column (E101 for a line that is not of
the format, E201 for an attack on an argument the file does not have,
E202 for an argument given twice). :meth:`IccmaFramework.to_map` makes the
framework an argument map: a claim per argument (its name as text) and a
rebuttal per attack, so every command works on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from operator import add

from attrs import field, frozen

from argmap.diagnostics import Diagnostic, error
from argmap.errors import OptionError
from argmap.model import RESERVED_WORDS, ArgumentMap, Claim, Rebuttal, Span, is_id

__all__ = [
    "FORMATS",
    "MAX_ARGUMENTS",
    "IccmaFramework",
    "read",
    "read_apx",
    "read_i23",
    "read_tgf",
    "write",
    "write_apx",
    "write_i23",
    "write_tgf",
    "apx_term",
    "format_of",
]

#: The formats by their file suffix.
FORMATS = ("apx", "i23", "tgf")

#: The most arguments a file may declare (``p af N``, node numbers): beyond
#: it a number is taken for a mistake rather than a framework to allocate.
MAX_ARGUMENTS = 50_000_000


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _numbers(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


def _pairs(values: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple(values)


@frozen
class IccmaFramework:
    """A framework as read from an ICCMA file.

    ``names`` are the arguments as the file names them (for i23 the
    numbers ``"1" .. "N"``, or the names of its ``# 1 name`` comments);
    ``ids`` the argmap ids they become (the same name when it is a valid
    id, otherwise one made from it); ``attacks`` the pairs of argument
    indices (0-based), each once, in the order first written. ``lines``
    and ``attack_lines`` say where each argument and attack was written
    (0 when nowhere, as for i23's numbered arguments). ``labels`` are the
    names as an answer shows them: the numbers for i23 and tgf, the ASP
    terms for apx.
    """

    format: str
    names: tuple[str, ...] = field(converter=_strings)
    ids: tuple[str, ...] = field(converter=_strings)
    attacks: tuple[tuple[int, int], ...] = field(converter=_pairs)
    labels: tuple[str, ...] = field(converter=_strings)
    filename: str | None = field(default=None, eq=False)
    lines: tuple[int, ...] = field(default=(), converter=_numbers, eq=False, repr=False)
    attack_lines: tuple[int, ...] = field(default=(), converter=_numbers, eq=False, repr=False)
    _table: dict[str, int] | None = field(default=None, init=False, eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.names)

    def attackers(self) -> list[list[int]]:
        """``attackers()[i]``: the indices of the arguments that attack argument ``i``."""
        result: list[list[int]] = [[] for _ in self.names]
        for a, b in self.attacks:
            result[b].append(a)
        return result

    def index(self, label: str) -> int | None:
        """The index of the argument an answer or a command line calls
        ``label`` (its number for i23/tgf, its name for apx, quoted or not;
        its argmap id too), or None."""
        found = self._lookup().get(label)
        if found is None and self.format == "apx":
            term = _TERM.fullmatch(label.strip())
            if term:
                found = self._lookup().get(_unquote(term.group()))
        return found

    def _lookup(self) -> dict[str, int]:
        table = self._table
        if table is None:
            table = {}
            for seq in (self.labels, self.names, self.ids):
                for i, name in enumerate(seq):
                    table.setdefault(name, i)
            object.__setattr__(self, "_table", table)
        return table

    def to_map(self) -> ArgumentMap:
        """The framework as an argument map: a claim per argument (the id as
        made from its name, the name as its text) and a rebuttal per attack,
        each with the span of the line that wrote it."""
        filename = self.filename
        lines = self.lines or (0,) * len(self.names)
        attack_lines = self.attack_lines or (0,) * len(self.attacks)

        def span(line: int) -> Span | None:
            return Span(filename, line, 1, line, 1) if line else None

        ids = self.ids
        items: list = [
            Claim(ident, name if name.strip() else ident, span=span(line))
            for ident, name, line in zip(ids, self.names, lines)
        ]
        items.extend(Rebuttal(ids[a], ids[b], span=span(line)) for (a, b), line in zip(self.attacks, attack_lines))
        return ArgumentMap(items)


# -- names and ids ----------------------------------------------------------


def make_ids(names: Sequence[str]) -> list[str]:
    """An argmap id for each name: the name itself when it is a valid id
    (and no reserved word), otherwise the name with every run of other
    characters made ``_``; a number is added to keep ids apart."""
    ids: list[str | None] = [None] * len(names)
    used: set[str] = set()
    for i, name in enumerate(names):
        if is_id(name) and name not in RESERVED_WORDS and name not in used:
            ids[i] = name
            used.add(name)
    for i, name in enumerate(names):
        if ids[i] is None:
            base = re.sub(r"\W+", "_", name).strip("_") or "arg"
            candidate, k = base, 1
            while candidate in used or candidate in RESERVED_WORDS or not is_id(candidate):
                k += 1
                candidate = f"{base}_{k}"
            ids[i] = candidate
            used.add(candidate)
    return ids  # type: ignore[return-value]


_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*\Z")
_INTEGER = re.compile(r"(?:0|[1-9][0-9]*)\Z")


def apx_term(name: str) -> str:
    """``name`` as an ASP term: unchanged when it is a plain ASCII constant
    (``a``, ``arg_1``) or integer, otherwise a quoted string.

    >>> apx_term("a"), apx_term("ärger"), apx_term("1a"), apx_term("Bx"), apx_term("12")
    ('a', '"ärger"', '"1a"', '"Bx"', '12')
    """
    if name.isascii() and (_CONSTANT.match(name) or _INTEGER.match(name)) and name != "not":
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unquote(term: str) -> str:
    if term.startswith('"'):
        return re.sub(r'\\(.)', lambda m: "\n" if m.group(1) == "n" else m.group(1), term[1:-1])
    return term


# -- writers ----------------------------------------------------------------


def write_apx(arguments: Sequence[str], attacks: Iterable[tuple[str, str]]) -> str:
    """The framework in apx: ``arg(a).`` for each argument, ``att(a,b).``
    for each attack, names quoted where ASP needs it.

    >>> print(write_apx(["a", "ärger"], [("a", "ärger")]), end="")
    arg(a).
    arg("ärger").
    att(a,"ärger").
    """
    terms = {a: apx_term(a) for a in arguments}
    out = [f"arg({terms[a]}).\n" for a in arguments]
    out.extend(f"att({terms[a]},{terms[b]}).\n" for a, b in attacks)
    return "".join(out)


def write_i23(arguments: Sequence[str], attacks: Iterable[tuple[str, str]], names: bool = True) -> str:
    """The framework in i23: ``p af N``, the names as ``# i name`` comments
    (unless ``names`` is False), and an ``i j`` line per attack.

    >>> print(write_i23(["a", "ärger"], [("a", "ärger")]), end="")
    p af 2
    # 1 a
    # 2 ärger
    1 2
    """
    number = {a: i for i, a in enumerate(arguments, 1)}
    out = [f"p af {len(arguments)}\n"]
    if names:
        out.extend(f"# {i} {a}\n" for i, a in enumerate(arguments, 1))
    out.extend(f"{number[a]} {number[b]}\n" for a, b in attacks)
    return "".join(out)


def write_tgf(arguments: Sequence[str], attacks: Iterable[tuple[str, str]]) -> str:
    """The framework in tgf: ``i name`` per argument, ``#``, ``i j`` per attack.

    >>> print(write_tgf(["a", "b"], [("a", "b")]), end="")
    1 a
    2 b
    #
    1 2
    """
    number = {a: i for i, a in enumerate(arguments, 1)}
    out = [f"{i} {a}\n" for i, a in enumerate(arguments, 1)]
    out.append("#\n")
    out.extend(f"{number[a]} {number[b]}\n" for a, b in attacks)
    return "".join(out)


def write(fmt: str, arguments: Sequence[str], attacks: Iterable[tuple[str, str]]) -> str:
    """The framework in the format ``fmt`` (apx, i23 or tgf)."""
    writer = {"apx": write_apx, "i23": write_i23, "tgf": write_tgf}.get(fmt)
    if writer is None:
        raise OptionError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return writer(arguments, attacks)


# -- readers ----------------------------------------------------------------


class _Reader:
    """What the three readers share: the lines, the diagnostics, the attacks."""

    def __init__(self, text: str, filename: str | None):
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []
        self.attacks: list[tuple[int, int]] = []
        self.attack_lines: list[int] = []
        self.seen: set[tuple[int, int]] = set()

    def lines(self):
        for number, line in enumerate(self.text.split("\n"), 1):
            yield number, line[:-1] if line.endswith("\r") else line

    def span(self, line: int, column: int, end: int | None = None) -> Span:
        return Span(self.filename, line, column, line, end if end is not None and end > column else column + 1)

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def attack(self, a: int, b: int, line: int) -> None:
        pair = (a, b)
        if pair not in self.seen:  # a repeated attack says nothing new
            self.seen.add(pair)
            self.attacks.append(pair)
            self.attack_lines.append(line)

    def result(self, fmt: str, names: list[str], labels: list[str], lines: list[int], ids: list[str] | None = None):
        return (
            IccmaFramework(
                fmt, names, make_ids(names) if ids is None else ids, self.attacks, labels, self.filename, lines,
                self.attack_lines,
            ),
            self.diagnostics,
        )


def _number(token: str) -> int | None:
    """A positive decimal number in ASCII digits (None otherwise, or when too long to be an argument)."""
    if token.isascii() and token.isdigit() and len(token) <= 12:
        return int(token)
    return None


def _columns(line: str) -> list[tuple[int, int, str]]:
    """The white-space separated tokens of ``line`` with their 1-based start and end columns."""
    return [(m.start() + 1, m.end() + 1, m.group()) for m in re.finditer(r"\S+", line)]


def read_i23(text: str, filename: str | None = None) -> tuple[IccmaFramework, list[Diagnostic]]:
    """Read an i23 file: ``p af N``, then ``i j`` attack lines; ``#`` comments,
    ``# i name`` comments name argument ``i``.

    >>> af, diagnostics = read_i23("p af 3\\n# 3 ärger\\n1 2\\n2 3\\n")
    >>> af.names, af.attacks, diagnostics
    (('1', '2', 'ärger'), ((0, 1), (1, 2)), [])
    >>> af, diagnostics = read_i23("p af 2\\n1 3\\n")
    >>> [(d.code, d.span.line, d.span.column) for d in diagnostics]
    [('E201', 2, 3)]
    """
    r = _Reader(text, filename)
    fast = _read_i23_fast(r)
    if fast is not None:
        return fast
    n = -1
    naming: dict[int, tuple[str, int]] = {}
    for number, line in r.lines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[0] == "#":
            parts = stripped[1:].split(None, 1)
            if len(parts) == 2 and _number(parts[0]) is not None:
                naming.setdefault(int(parts[0]), (parts[1].strip(), number))
            continue
        parts = stripped.split()
        if len(parts) == 2 and n >= 0:
            a, b = _number(parts[0]), _number(parts[1])
            if a is not None and b is not None and 0 < a <= n and 0 < b <= n:
                r.attack(a - 1, b - 1, number)
                continue
        tokens = _columns(line)
        if parts[0] == "p":
            if n == -1:
                size = _i23_header(r, number, tokens)
                n = -2 if size is None else size  # after a bad header, the attacks are not read
            elif n >= 0:
                r.add(error(
                    "E101", "a second `p af` line", r.span(number, tokens[0][0], tokens[-1][1]),
                    "an i23 file has one `p af N` line, first",
                ))
            continue
        if n == -2:
            continue
        if n == -1:
            r.add(error(
                "E101", "an attack before the `p af N` line", r.span(number, tokens[0][0], tokens[-1][1]),
                "an i23 file starts with `p af N`, N the number of arguments",
            ))
            n = -2  # reported once
            continue
        _i23_attack_problem(r, number, tokens, n)
    if n == -1:
        r.diagnostics.append(
            error(
                "E101",
                "no `p af N` line: this is not an i23 file",
                r.span(1, 1),
                "an i23 file starts with `p af N`, N the number of arguments",
            )
        )
    return _i23_result(r, max(n, 0), naming)


def _i23_result(r: _Reader, n: int, naming: dict[int, tuple[str, int]]):
    labels = list(map(str, range(1, n + 1)))
    naming = {i: value for i, value in naming.items() if 0 < i <= n}
    if not naming:  # the numbers are the names and valid ids
        return r.result("i23", labels, labels, [0] * n, labels)
    names = list(labels)
    lines = [0] * n
    for i, (name, line) in naming.items():
        names[i - 1] = name
        lines[i - 1] = line
    return r.result("i23", names, labels, lines)


_I23_BODY = re.compile(r"(?:[ \t]*[0-9]+[ \t]+[0-9]+[ \t]*\r?\n)*(?:[ \t]*[0-9]+[ \t]+[0-9]+[ \t]*\r?)?[ \t\r\n]*")


def _read_i23_fast(r: _Reader):
    """The common i23 file read without a Python loop over its lines: the
    header, comments right after it, then nothing but well-formed attack
    lines between known arguments. None for anything else (the line-by-line
    reader then finds and reports the problems)."""
    text = r.text
    pos = 0
    number = 0
    naming: dict[int, tuple[str, int]] = {}
    n = -1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end].strip()
        number += 1
        if not line:
            pass
        elif line[0] == "#":
            parts = line[1:].split(None, 1)
            if len(parts) == 2 and _number(parts[0]) is not None:
                naming.setdefault(int(parts[0]), (parts[1].strip(), number))
        elif n < 0:
            parts = line.split()
            if len(parts) != 3 or parts[:2] != ["p", "af"] or not (parts[2].isascii() and parts[2].isdigit()):
                return None
            if len(parts[2]) > 12 or int(parts[2]) > MAX_ARGUMENTS:
                return None
            n = int(parts[2])
        else:
            break  # the attacks start here
        pos = end + 1
    if n < 0:
        return None
    body = text[pos:]
    if "#" in body or _I23_BODY.fullmatch(body) is None:
        return None
    numbers = list(map(int, body.split()))
    if numbers and (min(numbers) < 1 or max(numbers) > n):
        return None
    first = number  # the line of the first attack
    sources = list(map((-1).__add__, numbers[0::2]))
    targets = list(map((-1).__add__, numbers[1::2]))
    pairs = list(zip(sources, targets))
    if len(set(map(add, map(n.__mul__, sources), targets))) == len(pairs):  # no attack written twice
        r.attacks = pairs
        r.attack_lines = list(range(first, first + len(pairs)))
    else:
        for i, pair in enumerate(pairs):
            r.attack(pair[0], pair[1], first + i)
    return _i23_result(r, n, naming)


def _i23_header(r: _Reader, number: int, tokens) -> int | None:
    """The number of arguments the header line gives, or None (reported)."""
    if len(tokens) < 2 or tokens[1][2] != "af":
        where = tokens[1] if len(tokens) > 1 else tokens[0]
        r.add(error(
            "E101", "expected `p af N`", r.span(number, where[0], where[1]),
            "ICCMA's i23 files describe frameworks: `p af N`",
        ))
        return None
    if len(tokens) != 3:
        start = tokens[3][0] if len(tokens) > 3 else tokens[-1][1]
        r.add(error(
            "E101", "expected `p af N`, one number after `af`", r.span(number, start, tokens[-1][1]),
            "for example `p af 12`",
        ))
        return None
    start, end, token = tokens[2]
    if not (token.isascii() and token.isdigit()):
        r.add(error(
            "E101", "`{value}` is not a number of arguments", r.span(number, start, end),
            "for example `p af 12`", value=token,
        ))
        return None
    size = _number(token)
    if size is None or size > MAX_ARGUMENTS:
        r.add(error(
            "E101", "{value} arguments are more than argmap reads ({limit})", r.span(number, start, end),
            "is the number a mistake?", value=token, limit=format(MAX_ARGUMENTS, ","),
        ))
        return None
    return size


def _i23_attack_problem(r: _Reader, number: int, tokens, n: int) -> None:
    if len(tokens) != 2:
        where = tokens[2] if len(tokens) > 2 else tokens[0]
        end = tokens[-1][1] if len(tokens) > 2 else tokens[0][1]
        r.add(error(
            "E101", "expected an attack: two argument numbers", r.span(number, where[0], end),
            "for example `1 2`: 1 attacks 2",
        ))
        return
    for start, end, token in tokens:
        value = _number(token)
        if value is None and not (token.isascii() and token.isdigit()):
            r.add(error(
                "E101", "`{value}` is not an argument number", r.span(number, start, end),
                "arguments are numbered 1 to {n}", value=token, n=str(n),
            ))
            return
    for start, end, token in tokens:
        value = _number(token)
        if value is None or not 0 < value <= n:
            r.diagnostics.append(
                error("E201", "no argument {value}: the file has arguments 1 to {n}", r.span(number, start, end),
                      "raise N in `p af N`, or correct the number", value=token, n=str(n))
            )
            return


def read_tgf(text: str, filename: str | None = None) -> tuple[IccmaFramework, list[Diagnostic]]:
    """Read a tgf file: node lines ``id label``, a line ``#``, edge lines ``a b``.

    >>> af, diagnostics = read_tgf("1 a\\n2 b\\n#\\n1 2\\n")
    >>> af.names, af.attacks, diagnostics
    (('a', 'b'), ((0, 1),), [])
    """
    r = _Reader(text, filename)
    nodes: dict[str, int] = {}
    names: list[str] = []
    labels: list[str] = []
    lines: list[int] = []
    edges = False
    for number, line in r.lines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped == "#" and not edges:
            edges = True
            continue
        if not edges:
            parts = stripped.split(None, 1)
            node = parts[0]
            if node in nodes:
                tokens = _columns(line)
                r.diagnostics.append(
                    error("E202", "node `{node}` is given twice", r.span(number, tokens[0][0], tokens[0][1]),
                          "give each node its own id", node=node)
                )
                continue
            nodes[node] = len(names)
            names.append(parts[1].strip() if len(parts) > 1 else node)
            labels.append(node)
            lines.append(number)
            continue
        parts = stripped.split()
        if len(parts) >= 2 and parts[0] in nodes and parts[1] in nodes:
            r.attack(nodes[parts[0]], nodes[parts[1]], number)
            continue
        tokens = _columns(line)
        if len(tokens) < 2:
            r.add(error(
                "E101", "expected an edge: two node ids", r.span(number, tokens[0][0], tokens[0][1]),
                "for example `1 2`: 1 attacks 2",
            ))
            continue
        for start, end, token in tokens[:2]:
            if token not in nodes:
                r.diagnostics.append(
                    error("E201", "unknown node `{node}`", r.span(number, start, end),
                          "list every node before the `#` line", node=token)
                )
                break
    return r.result("tgf", names, labels, lines)


_TERM_SOURCE = r'"(?:[^"\\\n]|\\.)*"|-?[0-9]+|_*[a-z][A-Za-z0-9_\']*'
_TERM = re.compile(_TERM_SOURCE)
_SPACE = re.compile(r"(?:\s+|%\*.*?\*%|%[^\n]*)+", re.S)
_FACT = re.compile(
    rf"(arg)\(\s*({_TERM_SOURCE})\s*\)\s*\.|(att)\(\s*({_TERM_SOURCE})\s*,\s*({_TERM_SOURCE})\s*\)\s*\."
)
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|\w+|\S')


def read_apx(text: str, filename: str | None = None) -> tuple[IccmaFramework, list[Diagnostic]]:
    """Read an apx file: ``arg(a).`` and ``att(a,b).`` facts, ``%`` comments.

    >>> af, diagnostics = read_apx('arg(a). arg("ärger").\\natt(a,"ärger").\\n')
    >>> af.names, af.labels, af.attacks, diagnostics
    (('a', 'ärger'), ('a', '"ärger"'), ((0, 1),), [])
    >>> af, diagnostics = read_apx("arg(a).\\natt(a,b).\\n")
    >>> [(d.code, d.span.line, d.span.column) for d in diagnostics]
    [('E201', 2, 7)]
    """
    r = _Reader(text, filename)
    text = r.text
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))

    def where(offset: int) -> tuple[int, int]:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - starts[lo] + 1

    index: dict[str, int] = {}
    names: list[str] = []
    labels: list[str] = []
    lines: list[int] = []
    pending: list[tuple[str, int, str, int, int]] = []  # a, b, line, offsets of a and b
    pos = 0
    size = len(text)
    space = _SPACE.match
    fact = _FACT.match
    while True:
        m = space(text, pos)
        if m:
            pos = m.end()
        if pos >= size:
            break
        m = fact(text, pos)
        if m is None:
            token = _TOKEN.match(text, pos)
            end = token.end() if token else pos + 1
            line, column = where(pos)
            _apx_problem(r, text, pos, line, column, column + min(end - pos, len(text[pos:end].split("\n")[0])))
            # Go on after the next period, so that one mistake is reported once.
            stop = text.find(".", pos)
            pos = size if stop == -1 else stop + 1
            continue
        if m.group(1):
            term = m.group(2)
            name = _unquote(term)
            line, column = where(m.start(2))
            if name in index:
                r.diagnostics.append(
                    error("E202", "argument `{name}` is given twice", r.span(line, column, column + len(term)),
                          "give each argument once", name=name)
                )
            else:
                index[name] = len(names)
                names.append(name)
                labels.append(apx_term(name))
                lines.append(line)
        else:
            pending.append((m.group(4), m.start(4), m.group(5), m.start(5), where(m.start())[0]))
        pos = m.end()
    for a, at_a, b, at_b, line in pending:
        ia, ib = index.get(_unquote(a)), index.get(_unquote(b))
        if ia is not None and ib is not None:
            r.attack(ia, ib, line)
            continue
        term, at = (a, at_a) if ia is None else (b, at_b)
        line, column = where(at)
        r.diagnostics.append(
            error("E201", "unknown argument `{name}`", r.span(line, column, column + len(term)),
                  "declare it: `arg({term}).`", name=_unquote(term), term=term)
        )
    return r.result("apx", names, labels, lines)


def _apx_problem(r: _Reader, text: str, pos: int, line: int, column: int, end: int) -> None:
    m = re.match(r"(arg|att)\s*\(([^)\n]*)\)?", text[pos:])
    if m:
        inner = m.group(2)
        variable = re.search(r"(?<![\w\"])([A-Z]\w*)", inner)
        if variable:
            word = variable.group(1)
            col = column + m.start(2) + variable.start(1)
            r.add(error(
                "E101", "`{word}` is a variable in ASP, not a name", r.span(line, col, col + len(word)),
                'quote it: `"{word}"`, or start it with a small letter', word=word,
            ))
            return
        r.add(error(
            "E101", "expected `arg(name).` or `att(name,name).`",
            r.span(line, column, column + len(m.group(0).split("\n")[0])),
            'a name is a constant such as `a1`, a number, or a quoted string such as `"ärger"`;'
            " end each fact with `.`",
        ))
        return
    r.add(error(
        "E101", "`{text}` is not an apx fact", r.span(line, column, end),
        "apx files hold `arg(a).` and `att(a,b).` facts", text=text[pos:end - column + pos] or text[pos],
    ))


def format_of(filename: str) -> str | None:
    """The format a file name's suffix says (``apx``, ``i23``, ``tgf``), or None."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return suffix if suffix in FORMATS else None


def read(fmt: str, text: str, filename: str | None = None) -> tuple[IccmaFramework, list[Diagnostic]]:
    """Read ``text`` in the format ``fmt`` (apx, i23 or tgf)."""
    reader = {"apx": read_apx, "i23": read_i23, "tgf": read_tgf}.get(fmt)
    if reader is None:
        raise OptionError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return reader(text, filename)
