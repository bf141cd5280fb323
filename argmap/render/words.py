"""The few words a drawing shows, in the map's language (English or German)."""

from __future__ import annotations

from argmap.model import Basis

__all__ = ["words_for", "BASIS_SYMBOLS"]

#: A symbol for each basis type, shown before its short name.
BASIS_SYMBOLS = {
    Basis.STATISTIC: "∑",
    Basis.EXPERT: "★",
    Basis.STUDY: "⚗",
    Basis.QUOTE: "❝",
    Basis.LAW: "⚖",
    Basis.EXAMPLE: "☞",
    Basis.COMMON_BELIEF: "☺",
    Basis.ASSUMPTION: "?",
}

_EN = {
    "legend": "Legend",
    "supports": "supports",
    "linked": "support only together (linked premises)",
    "named": "a named support (can be undercut)",
    "rebuts": "rebuts",
    "undercuts": "undercuts a support",
    "contradicts": "contradict each other",
    "implicit": "implicit premise (unstated)",
    "undefined": "not defined",
    "accepted": "accepted",
    "rejected": "rejected",
    "undecided": "undecided",
    "strength": "strength (DF-QuAD, 0 to 1)",
    "evaluation": "{semantics} semantics",
    "support_mode": "supports: {support}",
    "position_accepts": "accepted by {position}",
    "position_rejects": "rejected by {position}",
    "position": "position {position}",
    "focus": "focus: claims at most {steps} away",
    "step": "step",
    "steps": "steps",
    "hidden": "+{n} not shown",
    "hidden_legend": "neighbours outside the focus",
    "claim_sample": "claim",
    "source": "source",
    "worksheet": "write the missing claims into the numbered boxes",
    Basis.STATISTIC: "statistic",
    Basis.EXPERT: "expert",
    Basis.STUDY: "study",
    Basis.QUOTE: "quote",
    Basis.LAW: "law",
    Basis.EXAMPLE: "example",
    Basis.COMMON_BELIEF: "common belief",
    Basis.ASSUMPTION: "assumption",
}

_DE = {
    "legend": "Legende",
    "supports": "stützt",
    "linked": "stützen nur gemeinsam (verbundene Prämissen)",
    "named": "benannte Stützung (kann unterlaufen werden)",
    "rebuts": "widerlegt",
    "undercuts": "untergräbt eine Stützung",
    "contradicts": "widersprechen einander",
    "implicit": "unausgesprochene Prämisse",
    "undefined": "nicht definiert",
    "accepted": "akzeptiert",
    "rejected": "abgelehnt",
    "undecided": "unentschieden",
    "strength": "Stärke (DF-QuAD, 0 bis 1)",
    "evaluation": "Semantik: {semantics}",
    "support_mode": "Stützungen: {support}",
    "position_accepts": "von {position} akzeptiert",
    "position_rejects": "von {position} abgelehnt",
    "position": "Position {position}",
    "focus": "Ausschnitt: höchstens {steps} entfernt",
    "step": "Schritt",
    "steps": "Schritte",
    "hidden": "+{n} ausgeblendet",
    "hidden_legend": "Nachbarn außerhalb des Ausschnitts",
    "claim_sample": "Aussage",
    "source": "Quelle",
    "worksheet": "Trage die fehlenden Aussagen in die nummerierten Kästen ein",
    Basis.STATISTIC: "Statistik",
    Basis.EXPERT: "Experte",
    Basis.STUDY: "Studie",
    Basis.QUOTE: "Zitat",
    Basis.LAW: "Gesetz",
    Basis.EXAMPLE: "Beispiel",
    Basis.COMMON_BELIEF: "Allgemeinwissen",
    Basis.ASSUMPTION: "Annahme",
}


def words_for(lang: str | None) -> dict:
    """The words for a map whose ``lang`` is ``lang`` (German for ``de``, else English)."""
    if lang and lang.strip().lower().replace("_", "-").split("-")[0] == "de":
        return _DE
    return _EN
