"""``argmap evaluate FILE``: which claims stand, under a semantics and support mode."""

from __future__ import annotations

import json

from argmap.cli._maps import read_one, shorten
from argmap._i18n import N_
from argmap.cli.common import UsageError, _, ngettext, print_diagnostics
from argmap.model import Argument, Claim, Contradiction, Rebuttal, Support, Undercut
from argmap.semantics import (
    SEMANTICS,
    SUPPORT_MODES,
    SolverTimeout,
    Status,
    TooManyAttacks,
    TooManyExtensions,
    evaluate,
)

HELP = "say which claims stand under an acceptability semantics (or how strong they are)"


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .argmap file; - reads standard input")
    parser.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default="grounded",
        help="grounded (default), complete, preferred, stable, admissible, conflict-free, naive,"
        " semi-stable, stage, ideal, eager, cf2 (docs/semantics.md), or dfquad for gradual strengths",
    )
    parser.add_argument(
        "--support",
        choices=SUPPORT_MODES,
        default=None,
        help="how supports add attacks: none (default), deductive or necessary",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--explain", action="store_true", help="also say why each claim stands, falls or stays open (not for dfquad)"
    )
    parser.add_argument(
        "--max-extensions",
        type=_positive,
        metavar="N",
        help="list at most N extensions, fail beyond (default: 10,000, fewer for very large maps)",
    )
    parser.add_argument(
        "--timeout", type=float, metavar="SECONDS", help="stop the search after SECONDS (default: no limit)"
    )


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {text}", text=repr(text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return value


def run(args, out, err) -> int:
    if args.semantics == "dfquad" and args.support not in (None, "none"):
        raise UsageError(_("--support does not apply to dfquad, which takes supports as they are"))
    if args.explain and args.semantics == "dfquad":
        raise UsageError(_("--explain follows extensions; dfquad has strengths instead"))
    support = args.support or "none"
    inp, argument_map = read_one(args.file, err, "not evaluated")
    if argument_map is None:
        return 1
    try:
        result = evaluate(
            argument_map, args.semantics, support, max_extensions=args.max_extensions, timeout=args.timeout
        )
    except TooManyExtensions as exc:
        print(
            _(
                "{file}: error: {reason}; raise --max-extensions, or use grounded semantics,"
                " which always has exactly one",
                file=inp.display_name,
                reason=exc.phrase,
            ),
            file=err,
        )
        return 1
    except TooManyAttacks as exc:
        print(_("{file}: error: {reason}; use --support none", file=inp.display_name, reason=exc.phrase), file=err)
        return 1
    except SolverTimeout as exc:
        print(_("{file}: error: {reason}; raise --timeout", file=inp.display_name, reason=exc), file=err)
        return 1
    except ValueError as exc:  # a semantics that refuses this map: one line, no traceback
        print(_("{file}: error: {reason}", file=inp.display_name, reason=exc), file=err)
        return 1
    print_diagnostics(list(result.diagnostics), inp.text, err)
    explanations = None
    if args.explain:
        from argmap.explanation import explain_all

        explanations = explain_all(argument_map, evaluation=result)
    if args.format == "json":
        data = result.to_dict()
        if explanations is not None:
            data["explanations"] = [e.to_dict() for e in explanations.values()]
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    texts = _texts(argument_map)
    if result.semantics == "dfquad":
        _print_strengths(result, argument_map, texts, inp.display_name, out)
    else:
        _print_extensions(result, texts, inp.display_name, out)
    for explanation in (explanations or {}).values():
        print(file=out)
        print(explanation.text(), file=out)
    return 0


def _texts(argument_map) -> dict[str, tuple[str, str]]:
    """Each argument's kind and what it says: a claim's text, an argument's
    title, a named relation as it is written."""
    texts: dict[str, tuple[str, str]] = {}
    for item in argument_map.items:
        kind = type(item)
        if kind is Claim:
            texts.setdefault(item.id, ("claim", item.text))
        elif kind is Argument:
            texts.setdefault(item.id, ("argument", item.title))
        elif kind in _RELATION_KINDS and item.name is not None:
            texts.setdefault(item.name, (_RELATION_KINDS[kind], _written(item)))
    return texts


_RELATION_KINDS = {Support: "support", Rebuttal: "rebuttal", Contradiction: "contradiction", Undercut: "undercut"}

# The words of the tables, said with _() where they are printed.
_WORDS = (
    N_("claim"),
    N_("argument"),
    N_("support"),
    N_("rebuttal"),
    N_("contradiction"),
    N_("undercut"),
    N_("accepted"),
    N_("rejected"),
    N_("undecided"),
)


def _word(word: str) -> str:
    """A kind or a status (``"claim"``, ``"accepted"``) in the interface language."""
    return _(word) if word else word


def _written(rel) -> str:
    """A relation as the map writes it, without its name."""
    if isinstance(rel, Support):
        return " + ".join(rel.premises) + f" supports {rel.conclusion}"
    if isinstance(rel, Contradiction):
        return f"{rel.first} contradicts {rel.second}"
    verb = "rebuts" if isinstance(rel, Rebuttal) else "undercuts"
    return " + ".join(rel.attackers) + f" {verb} {rel.target}"


def _table(rows: list[list[str]], out) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        cells = [c.ljust(w) for c, w in zip(r, widths)] + [r[-1]]
        print("  ".join(cells).rstrip(), file=out)


def _print_extensions(result, texts, name, out) -> None:
    if result.support != "none":
        what = _("{semantics} semantics, {support} support", semantics=result.semantics, support=result.support)
    else:
        what = _("{semantics} semantics", semantics=result.semantics)
    n = len(result.extensions)
    if n == 0:
        print(_("{file}: {what}: no {semantics} extension", file=name, what=what, semantics=result.semantics), file=out)
    else:
        print(ngettext("{file}: {what}: {n} extension", "{file}: {what}: {n} extensions", n, file=name, what=what),
              file=out)
        for i, ext in enumerate(result.extensions, 1):
            print(f"  {i}. {{{', '.join(ext)}}}", file=out)
    if not result.arguments:
        return
    print(file=out)
    rows = [[_("argument"), _("kind"), _("status"), _("text")]]
    for a in result.arguments:
        kind, text = texts.get(a, ("", ""))
        rows.append([a, _word(kind), _word(result.status[a].value), shorten(text, 70)])
    _table(rows, out)
    print(file=out)
    print(_legend(result.semantics, any(kind != "claim" for kind, _ in texts.values())), file=out)


def _legend(semantics: str, relations: bool) -> str:
    if semantics == "grounded":
        text = _(
            "accepted: every attacker is rejected; rejected: an accepted argument attacks it;"
            " undecided: neither"
        )
    else:
        text = _(
            "accepted: in every {semantics} extension; rejected: in none;"
            " undecided: in some but not all",
            semantics=semantics,
        )
    if relations:
        text += "\n" + _(
            "a support, rebuttal, contradiction, undercut or argument is accepted when it holds"
            " (no accepted undercut cancels it), whether or not the claims it connects stand"
        )
    return text


def _print_strengths(result, argument_map, texts, name, out) -> None:
    print(_("{file}: DF-QuAD strengths (base score 0.5 unless a claim has a weight)", file=name), file=out)
    if not result.arguments:
        return
    print(file=out)
    rows = [[_("argument"), _("kind"), _("base"), _("strength"), _("text")]]
    bases = {}
    for c in argument_map.claims:
        bases.setdefault(c.id, 0.5 if c.weight is None else c.weight)
    for a in result.arguments:
        kind, text = texts.get(a, ("", ""))
        rows.append([a, _word(kind), f"{bases.get(a, 1.0):.2f}", f"{result.strengths[a]:.3f}", shorten(text, 60)])
    _table(rows, out)
    stand = [a for a in result.arguments if result.status[a] is Status.ACCEPTED]
    print(file=out)
    print(_("above 0.5: {ids}", ids=", ".join(stand)) if stand else _("above 0.5: nothing"), file=out)
