"""Work grows linearly with the input: counted, not timed (benchmarks/bench_hostile.py times it)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
import argmap.cli.common as common
import argmap.diagnostics as diagnostics
from argmap.render import labels
from argmap.cli import main
from argmap.diagnostics import MAX_SUGGEST_LENGTH, Suggester, format_diagnostic, suggest
from argmap.render import to_graphviz


class Counting:
    """Wraps a function or class and counts the calls."""

    def __init__(self, target):
        self.target = target
        self.calls = 0
        self.arguments = []

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self.arguments.append(args)
        return self.target(*args, **kwargs)


def counting(cls):
    """A subclass of ``cls`` that counts how many instances are made."""

    class Counted(cls):
        made = 0

        def __init__(self, *args, **kwargs):
            type(self).made += 1
            super().__init__(*args, **kwargs)

    return Counted


def unknown_positions(n: int) -> str:
    return "claim a: A.\n" + "".join(f"position p{i}: accepts x{i}\n" for i in range(n))


# Printing diagnostics


def test_printing_diagnostics_finds_the_lines_once(monkeypatch):
    """argmap check prints n diagnostics of one file finding its lines once, not once per diagnostic."""
    in_common = counting(common.SourceLines)
    per_diagnostic = Counting(diagnostics._lines_of)
    monkeypatch.setattr(common, "SourceLines", in_common)
    monkeypatch.setattr(diagnostics, "_lines_of", per_diagnostic)
    stdin = io.TextIOWrapper(io.BytesIO(unknown_positions(300).encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    out = io.StringIO()
    assert main(["check", "-"], out, io.StringIO()) == 1
    assert out.getvalue().count("error[E206]") == 300
    assert (in_common.made, per_diagnostic.calls) == (1, 0)


def test_format_diagnostic_on_the_same_text_finds_its_lines_once(monkeypatch):
    """Calling format_diagnostic for each diagnostic of one text (the public API) indexes the text once."""
    counted = counting(diagnostics.SourceLines)
    monkeypatch.setattr(diagnostics, "SourceLines", counted)
    diagnostics._lines_of.cache_clear()
    text = unknown_positions(200)
    found = argmap.check(argmap.parse(text))
    assert len(found) == 200
    for d in found:
        format_diagnostic(d, text)
    assert counted.made == 1


def test_a_long_line_is_cut_before_it_is_shown(monkeypatch):
    """A diagnostic on a line of 200,000 characters handles no more than the excerpt's width of it."""
    shown = Counting(diagnostics.visible)
    monkeypatch.setattr(diagnostics, "visible", shown)
    ids = [f"x{i}" for i in range(30_000)]
    text = f"claim a: A.\nposition p: accepts {', '.join(ids)}\n"
    found = argmap.check(argmap.parse(text))
    assert len(found) == 30_000
    lines = diagnostics.SourceLines(text)
    for d in found[:: len(found) // 50]:
        format_diagnostic(d, lines)
    assert max(len(args[0]) for args in shown.arguments) <= 2 * diagnostics.EXCERPT_WIDTH


def test_the_excerpt_of_a_long_line_keeps_the_caret_under_the_span():
    """In a cut excerpt the caret is still under the id the diagnostic names, at the start, middle and end."""
    ids = [f"x{i}" for i in range(20_000)]
    text = f"claim a: A.\nposition p: accepts {', '.join(ids)}\n"
    found = argmap.check(argmap.parse(text))
    for d in (found[0], found[len(found) // 2], found[-1]):
        _, line, caret = format_diagnostic(d, text).split("\n")[:3]
        start = caret.index("^")
        named = d.message.split("`")[3]
        assert line[start : start + len(named)] == named and caret.count("^") == len(named)


# Did-you-mean hints


def reference_distance(a: str, b: str) -> int:
    """The full edit distance with swaps (the definition the fast one must agree with)."""
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, before[j - 2] + 1)
            cur.append(d)
        before, prev = prev, cur
    return prev[-1]


def reference_suggest(word: str, candidates) -> str | None:
    limit = 0 if len(word) < 3 else min(3, max(1, len(word) // 3))
    best, best_d = None, limit + 1
    for c in candidates:
        d = reference_distance(word.lower(), c.lower())
        if d < best_d or (d == best_d and best is not None and c < best):
            best, best_d = c, d
    return best if best_d <= limit else None


words = st.text(alphabet="abcAB_", max_size=9)


@given(words, words, st.integers(0, 4))
@settings(max_examples=500, deadline=None)
def test_bounded_distance_agrees_with_the_full_one(a, b, limit):
    """The banded distance with early exit is exact up to its limit, and says "more" beyond it."""
    full = reference_distance(a, b)
    assert diagnostics._distance(a, b, limit) == (full if full <= limit else limit + 1)


@given(words, st.lists(words, max_size=30))
@settings(max_examples=300, deadline=None)
def test_suggest_finds_what_comparing_with_every_id_finds(word, candidates):
    """Grouping by length and stopping early change no suggestion (below the limits of work)."""
    assert suggest(word, candidates) == reference_suggest(word, candidates)
    assert suggest(word, set(candidates) | {f"pad{i}" for i in range(100)}) == reference_suggest(
        word, set(candidates) | {f"pad{i}" for i in range(100)}
    )


def test_only_ids_of_a_near_length_are_compared(monkeypatch):
    """A word is compared only with the ids whose length is within its edit limit."""
    counting = Counting(diagnostics._distance)
    monkeypatch.setattr(diagnostics, "_distance", counting)
    ids = [f"{start}{'x' * n}" for start in "abcde" for n in range(60)]
    assert suggest("cxxxxxxxxy", ids) == reference_suggest("cxxxxxxxxy", ids) == "cxxxxxxxx"
    assert counting.calls == 5 * 7  # lengths 7 to 13, five ids of each


def test_very_long_words_are_not_compared(monkeypatch):
    """A word longer than MAX_SUGGEST_LENGTH gets no suggestion and costs no comparison."""
    counting = Counting(diagnostics._distance)
    monkeypatch.setattr(diagnostics, "_distance", counting)
    long = "k" * (MAX_SUGGEST_LENGTH + 1)
    assert suggest(long + "x", [long + "y", long]) is None
    assert counting.calls == 0


def misspelt_ids(n: int) -> str:
    claims = "".join(f"claim claim_{i:05d}: Claim {i}.\n" for i in range(n))
    return claims + "".join(f"clam_{i:05d} supports claim_{(i + 1) % n:05d}\n" for i in range(n))


def test_a_map_full_of_unknown_ids_makes_a_bounded_number_of_comparisons(monkeypatch):
    """check on n claims and n misspelt ids indexes the ids once and stops comparing at the budget."""
    distances = Counting(diagnostics._distance)
    indexes = counting(diagnostics.Suggester)
    monkeypatch.setattr(diagnostics, "_distance", distances)
    monkeypatch.setattr(diagnostics, "Suggester", indexes)
    monkeypatch.setattr(diagnostics, "MAX_COMPARISONS_PER_COLLECTION", 3_000)
    found = argmap.check(argmap.parse(misspelt_ids(400)))
    unknown = [d for d in found if d.code == "E201"]
    assert len(unknown) == 400
    assert indexes.made == 1 and distances.calls <= 3_000
    assert unknown[0].hint == "did you mean `claim_00000`?"


def test_the_likeliest_ids_are_compared_first(monkeypatch):
    """Among 100,000 ids of one length, a typo at the start, middle or end finds its id within the comparisons allowed."""
    ids = [f"claim_{i:06d}" for i in range(100_000)]
    counting = Counting(diagnostics._distance)
    monkeypatch.setattr(diagnostics, "_distance", counting)
    index = Suggester(ids)
    typos = [("xlaim_004231", "claim_004231"), ("claim_04z231", "claim_040231"), ("claim_00423", "claim_000423")]
    for typo, meant in typos:
        counting.calls = 0
        assert index.suggest(typo) == meant
        assert counting.calls <= diagnostics.MAX_COMPARISONS_PER_WORD


def test_the_budget_is_per_collection():
    """A Suggester stops at its budget; a new collection (another map) starts afresh."""
    ids = [f"claim_{i:05d}" for i in range(500)]
    first = Suggester(ids, budget=1_000)
    assert first.suggest("clam_00001") == "claim_00001"
    for i in range(100):
        first.suggest(f"clam_{i:05d}")
    assert first.comparisons == 1_000 and first.suggest("clam_00002") is None
    assert Suggester(ids, budget=1_000).suggest("clam_00002") == "claim_00002"


def test_a_set_given_again_is_indexed_once(monkeypatch):
    """suggest() given the same large set again and again builds its index once."""
    indexes = counting(diagnostics.Suggester)
    monkeypatch.setattr(diagnostics, "Suggester", indexes)
    ids = {f"claim_{i:05d}" for i in range(500)}
    assert [suggest(f"clam_{i:05d}", ids) for i in range(20)] == [f"claim_{i:05d}" for i in range(20)]
    assert indexes.made == 1
    ids.add("extra")  # changed: indexed again
    assert suggest("extr", ids) == "extra" and indexes.made == 2


# Wrapping labels


def test_wrapping_a_long_word_measures_each_character_once(monkeypatch):
    """wrap() measures every character of a 100,000-character word a bounded number of times."""
    counting = Counting(labels._width)
    monkeypatch.setattr(labels, "_width", counting)
    lines = labels.wrap("w" * 100_000, 32)
    assert len(lines) == 3_125 and set(lines) == {"w" * 32}
    assert counting.calls <= 2 * 100_000


def test_drawing_a_claim_of_one_long_word_is_linear(monkeypatch):
    """to_graphviz on a claim of one 50,000-character word measures each character a bounded number of times."""
    counting = Counting(labels._width)
    monkeypatch.setattr(labels, "_width", counting)
    to_graphviz(argmap.parse(f"claim a: {'w' * 50_000}\n")).source
    assert counting.calls <= 10 * 50_000


@pytest.mark.parametrize(
    "text,width,lines",
    [
        ("a" * 70, 32, ["a" * 32, "a" * 32, "a" * 6]),
        ("x " + "a" * 40 + " y", 32, ["x", "a" * 32, "a" * 8 + " y"]),
        ("日" * 5, 4, ["日日", "日日", "日"]),
        ("日日", 1, ["日", "日"]),
        ("ab 日本語", 5, ["ab", "日本", "語"]),
        ("", 32, []),
    ],
)
def test_wrap_cuts_long_words_where_the_line_is_full(text, width, lines):
    """Long words are cut at the width (wide characters count two columns); short ones move to the next line."""
    assert labels.wrap(text, width) == lines


def test_groups_and_panels_do_not_copy_the_graph(monkeypatch):
    """Each group's subgraph costs its own lines only: the parent graph's body is never copied."""
    import graphviz

    copies = []
    original = graphviz.Digraph._copy_kwargs
    monkeypatch.setattr(graphviz.Digraph, "_copy_kwargs", lambda self, **kw: copies.append(1) or original(self, **kw))
    text = "".join(f"group g{i}: G{i}\nclaim c{i}: C{i}.\n  group: g{i}\n" for i in range(50))
    dot = to_graphviz(argmap.parse(text)).source
    assert copies == []
    assert dot.count("subgraph cluster_") == 50


def _support_tree(n: int) -> str:
    """A claim that n claims support (a chain), attacked by one claim: deductive support moves the attack to all."""
    lines = [f"claim c{i}: C{i}." for i in range(n)] + ["claim x: X.", "x rebuts c0"]
    lines += [f"c{i + 1} supports c{i}" for i in range(n - 1)]
    return "\n".join(lines) + "\n"


def test_derived_attacks_are_capped(monkeypatch):
    """A support mode that would derive more than MAX_DERIVED_ATTACKS attacks stops with TooManyAttacks."""
    import pickle

    from argmap.semantics import TooManyAttacks, acceptance_notes, framework
    from argmap.semantics import _framework

    m = argmap.parse(_support_tree(50))
    assert len(framework(m, "deductive").derived) == 49
    monkeypatch.setattr(_framework, "MAX_DERIVED_ATTACKS", 20)
    with pytest.raises(TooManyAttacks) as info:
        argmap.evaluate(m, "grounded", "deductive")
    assert isinstance(info.value, ValueError) and info.value.limit == 20 and info.value.support == "deductive"
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.support, again.limit, str(again)) == ("deductive", 20, str(info.value))
    assert [d.code for d in acceptance_notes(m, "grounded", "deductive")] == ["W504"]
    assert argmap.evaluate(m, "grounded", "none").status["c0"] is argmap.Status.REJECTED


@pytest.mark.parametrize("command", [["evaluate", "--support", "deductive"], ["export", "--to", "apx", "--support", "deductive"]])
def test_the_commands_say_when_derived_attacks_are_too_many(tmp_path, monkeypatch, command):
    """The commands end with one line naming the cap and the way out, exit code 1."""
    from argmap.semantics import _framework

    monkeypatch.setattr(_framework, "MAX_DERIVED_ATTACKS", 20)
    path = tmp_path / "m.argmap"
    path.write_text(_support_tree(50), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main([*command, str(path)], out, err) == 1
    assert "more than 20 attacks" in err.getvalue() and "--support none" in err.getvalue()
    assert "Traceback" not in err.getvalue()
