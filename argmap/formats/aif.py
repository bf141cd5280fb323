"""AIF JSON, the Argument Interchange Format of AIFdb, OVA and the argument corpora.

An AIF graph is ``nodes`` (``nodeID``, ``text``, ``type``) and ``edges``
(``fromID`` → ``toID``), with ``locutions`` and ``participants`` for who
said what. argmap writes and reads it so:

=====================  ===================================================
argmap                 AIF
=====================  ===================================================
claim                  I-node (its id is the nodeID, its text the text)
support                RA-node ("Default Inference"): premise → RA → conclusion;
                       linked premises share one RA-node
rebuttal               CA-node ("Default Conflict"): attacker → CA → target
contradiction          two CA-nodes, one each way
undercut               CA-node aimed at the RA- or CA-node of its target
argument               an RA-node per step (the last one's nodeID is its id)
source, quote          an L-node (the quote, else the claim's text) with a
                       YA-node ("Asserting") to the I-node; a locution naming
                       the source as the participant who said it
source                 a participant (``firstname``: the author, else the title)
=====================  ===================================================

What AIF has no field for (a claim's basis, tags, weight, notes, positions,
groups, comments, an argument's title, the order of the items) goes into
an ``argmap`` object on the node, and into an ``argmap`` object at the top
for items that are no node; other AIF tools ignore both, and argmap reads
them back, so argmap → AIF → argmap gives an equal map.

A file from another tool is read by its structure: I-nodes become claims,
RA-nodes supports, CA-nodes rebuttals (undercuts when aimed at an RA- or
CA-node), an L-node asserting an I-node its quote, the participant who
said it its source. Nodes argmap has no counterpart for (MA rephrases, PA
preferences, TA transitions, YA illocutions besides asserting, unknown
types) and edges to nodes the file lacks are left out with a W604 warning
that says what was lost; a value of the wrong type is E602 with its JSON
path, bad JSON E601 with line and column.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any, cast

from argmap._dicts import FORMAT_NAME, FORMAT_VERSION, _Reader, item_to_dict
from argmap._i18n import N_, phrase, plural_phrase
from argmap.diagnostics import Diagnostic, warning
from argmap.formats._jsontext import JsonText, Path, load_json
from argmap.formats.iccma import make_ids
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    Contradiction,
    Position,
    Rebuttal,
    Source,
    Support,
    Undercut,
)

__all__ = ["read", "write", "to_aif"]

_INFERENCE, _CONFLICT, _ASSERTING, _DISAGREEING = "Default Inference", "Default Conflict", "Asserting", "Disagreeing"
#: The illocution by which a position's participant holds or rejects a node.
_STANCES = {_ASSERTING: "accepts", _DISAGREEING: "rejects"}
_NODE_KEYS = ("nodeID", "text", "type", "timestamp", "scheme", "schemeID", "argmap")
_EDGE_KEYS = ("edgeID", "fromID", "toID", "formEdgeID")
_TOP_KEYS = frozenset(
    {"nodes", "edges", "locutions", "participants", "argmap", "AIF", "OVA", "text", "schemefulfillments",
     "descriptorfulfillments", "cqdescriptorfulfillments", "edgedescriptorfulfillments"}
)
#: Structural fields of a relation: AIF edges hold them.
_STRUCTURE = ("premises", "conclusion", "attackers", "target", "first", "second")
_SPEAKER = re.compile(r"[^:\n]{1,40}?\s:\s+")


# -- writing ------------------------------------------------------------------


class _Writer:
    def __init__(self, argument_map: ArgumentMap):
        self.map = argument_map
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.used = {c.id for c in argument_map.claims} | {r.name for r in argument_map.relations if r.name}
        self.used |= {a.id for a in argument_map.arguments} | {s.id for s in argument_map.sources}
        self.counters: dict[str, int] = defaultdict(int)

    def fresh(self, prefix: str) -> str:
        while True:
            self.counters[prefix] += 1
            candidate = f"{prefix}{self.counters[prefix]}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def node(self, node_id: str, text: str, kind: str, extra: dict[str, Any] | None = None) -> None:
        node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": kind}
        if kind in ("RA", "CA", "YA"):
            node["scheme"] = text
        if extra:
            node["argmap"] = extra
        self.nodes.append(node)

    def edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": f"e{len(self.edges) + 1}", "fromID": source, "toID": target})

    def claim(self, claim: Claim, at: int) -> None:
        extra = {k: v for k, v in item_to_dict(claim).items() if k not in ("type", "id", "text")}
        self.node(claim.id, claim.text, "I", {"at": at, **extra})
        if claim.source is None and claim.quote is None:
            return
        said, asserting = self.fresh("L"), self.fresh("YA")
        self.node(said, claim.quote or claim.text, "L")
        self.node(asserting, _ASSERTING, "YA")
        self.edge(said, asserting)
        self.edge(asserting, claim.id)
        if claim.source is not None:
            locution: dict[str, Any] = {"nodeID": said, "personID": claim.source}
            try:
                source = self.map.source(claim.source)
            except KeyError:
                source = None
            if source is not None and (source.url or source.title):
                locution["source"] = source.url or source.title
            self.locutions.append(locution)

    def relation(self, item: Any, at: int | None, extra: dict[str, Any]) -> str:
        kind = type(item)
        data = {k: v for k, v in item_to_dict(item).items() if k not in _STRUCTURE}
        node_id = item.name or self.fresh("RA" if kind is Support else "CA")
        if kind is Support:
            self.node(node_id, _INFERENCE, "RA", {**data, **extra, **({"at": at} if at is not None else {})})
            for premise in item.premises:
                self.edge(premise, node_id)
            self.edge(node_id, item.conclusion)
            return node_id
        if kind is Contradiction:
            first, second = item.first, item.second
        else:
            first, second = item.attackers, item.target
        self.node(node_id, _CONFLICT, "CA", {**data, **({"at": at} if at is not None else {})})
        for attacker in (first,) if isinstance(first, str) else first:
            self.edge(attacker, node_id)
        self.edge(node_id, second)
        if kind is Contradiction:
            mirror = self.fresh("CA")
            self.node(mirror, _CONFLICT, "CA", {"mirror_of": node_id})
            self.edge(second, mirror)
            self.edge(mirror, first)
        return node_id

    def holdable(self) -> dict[str, str]:
        """The nodes a position's participant can hold: each id of the map
        that names exactly one I-, RA- or CA-node, with the text to quote."""
        count: dict[str, int] = defaultdict(int)
        for node in self.nodes:
            if node["type"] in ("I", "RA", "CA"):
                count[node["nodeID"]] += 1
        texts = {r.name: r.name for r in self.map.relations if r.name}
        texts.update((a.id, a.title or a.id) for a in self.map.arguments)
        texts.update((c.id, c.text) for c in self.map.claims)
        return {i: text for i, text in texts.items() if count.get(i) == 1}

    def positions(self, positions: list[tuple[int, Position]], participants: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Each position as a participant whose locutions assert (accepts) or
        disagree with (rejects) the nodes it names; the items of those that
        cannot be (a position naming an id that is no node, a second
        position with the same id) for the ``argmap`` object."""
        holdable = self.holdable()
        by_id = {p["participantID"]: p for p in participants}
        others = []
        for at, position in positions:
            known = all(i in holdable for i in position.accepts + position.rejects)
            participant = by_id.get(position.id)
            if not known or (participant is not None and "argmap" in participant):
                others.append({"at": at, **item_to_dict(position)})
                continue
            if participant is None:
                participant = {"participantID": position.id, "firstname": position.id, "surname": ""}
                participants.append(participant)
                by_id[position.id] = participant
            extra = {k: v for k, v in item_to_dict(position).items() if k not in ("type", "id", "accepts", "rejects")}
            participant["argmap"] = {"position": at, **extra}
            stances = [(i, _ASSERTING) for i in position.accepts] + [(i, _DISAGREEING) for i in position.rejects]
            for ident, illocution in stances:
                said, anchor = self.fresh("L"), self.fresh("YA")
                self.node(said, f"{position.id} : {holdable[ident]}", "L", {"position": position.id})
                self.node(anchor, illocution, "YA")
                self.edge(said, anchor)
                self.edge(anchor, ident)
                self.locutions.append({"nodeID": said, "personID": position.id})
        return others

    def run(self) -> dict[str, Any]:
        others = []
        positions: list[tuple[int, Position]] = []
        for at, item in enumerate(self.map.items):
            if isinstance(item, Claim):
                self.claim(item, at)
            elif isinstance(item, (Support, Rebuttal, Contradiction, Undercut)):
                self.relation(item, at, {})
            elif isinstance(item, Position):
                positions.append((at, item))
            else:
                others.append({"at": at, **item_to_dict(item)})
                if isinstance(item, Argument):
                    for step, support in enumerate(item.supports()):
                        self.relation(_plain_support(support), None, {"step_of": item.id, "step": step})
        participants = [
            {"participantID": s.id, "firstname": s.author or s.title, "surname": ""} for s in self.map.sources
        ]
        others.extend(self.positions(positions, participants))
        others.sort(key=lambda item: item["at"])
        meta: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
        for key in ("title", "lang", "question"):
            if getattr(self.map, key) is not None:
                meta[key] = getattr(self.map, key)
        meta["items"] = others
        return {
            "nodes": self.nodes,
            "edges": self.edges,
            "locutions": self.locutions,
            "participants": participants,
            "argmap": meta,
        }


def _plain_support(support: Support) -> Support:
    # An argument's step as a support of its own (an item of a map may not carry `argument`).
    return Support(support.premises, support.conclusion, name=support.name)


def to_aif(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map as AIF data (see the module's table)."""
    return _Writer(argument_map).run()


def write(argument_map: ArgumentMap) -> str:
    """The map as AIF JSON text."""
    return json.dumps(to_aif(argument_map), ensure_ascii=False, indent=2) + "\n"


# -- reading ------------------------------------------------------------------


class _AifReader:
    def __init__(self, doc: JsonText, root: Path):
        self.doc = doc
        self.root = root
        self.items = _Reader(doc.span)
        self.diagnostics = self.items.diagnostics
        self.reported: set[tuple[Any, str]] = set()

    def lost(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def read(self, data: dict[str, Any]) -> ArgumentMap:
        root = self.root
        for key in data:
            if key not in _TOP_KEYS:
                self.items.unknown(root + (key,), tuple(sorted(_TOP_KEYS)))
        nodes = self.list_of(data, "nodes")
        edges = self.list_of(data, "edges")
        by_id: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, node in enumerate(nodes):
            here = root + ("nodes", i)
            if not isinstance(node, dict):
                self.items.wrong(here, "an object")
                continue
            node_id, kind = node.get("nodeID"), node.get("type")
            if not self.string_at(node, here, "nodeID", True) or not self.string_at(node, here, "type"):
                continue
            if not isinstance(node.get("text", ""), str):
                self.items.wrong(here + ("text",), "a string")
                continue
            if str(node_id) in by_id:
                self.lost(warning("W604", "AIF node `{node}` is given twice; the second is left out",
                                   self.doc.span(here + ("nodeID",)), node=str(node_id)))
                continue
            by_id[str(node_id)] = (i, node)
            self.unknown_keys(node, here, _NODE_KEYS)
        incoming: dict[str, list[str]] = defaultdict(list)
        outgoing: dict[str, list[str]] = defaultdict(list)
        for i, edge in enumerate(edges):
            here = root + ("edges", i)
            if not isinstance(edge, dict):
                self.items.wrong(here, "an object")
                continue
            self.unknown_keys(edge, here, _EDGE_KEYS)
            source, target = edge.get("fromID"), edge.get("toID")
            source, target = (None if x is None else str(x) for x in (source, target))
            missing = next((n for n in (source, target) if n not in by_id), "")
            if source is None or target is None or missing != "":
                self.lost(warning(
                    "W604",
                    "AIF edge {edge} leads from `{source}` to `{target}`, and the file has no node `{node}`; left out",
                    self.doc.span(here),
                    edge=str(edge.get("edgeID", i)), source=str(source), target=str(target), node=str(missing),
                ))
                continue
            if by_id[source][1]["type"] == "I" and by_id[target][1]["type"] == "I":
                self.lost(warning(
                    "W604",
                    "AIF edge {edge} leads from I-node `{source}` straight to I-node `{target}`, with no RA- or"
                    " CA-node between them: argmap cannot tell support from conflict; left out",
                    self.doc.span(here), edge=str(edge.get("edgeID", i)), source=source, target=target,
                ))
                continue
            outgoing[source].append(target)
            incoming[target].append(source)
        return self.build(data, by_id, incoming, outgoing)

    def unknown_keys(self, data: dict[str, Any], here: Path, known: tuple[str, ...]) -> None:
        """W603 for a key AIF nodes or edges do not have, the first time it is seen."""
        for key in data:
            if key not in known and (here[-2], key) not in self.reported:
                self.reported.add((here[-2], key))
                self.items.unknown(here + (key,), known)

    def string_at(self, node: dict[str, Any], here: Path, key: str, number: bool = False) -> bool:
        """True when ``node[key]`` is a string (or, with ``number``, an integer);
        otherwise E602 for a missing or wrong value."""
        value = node.get(key)
        if isinstance(value, str) or (number and isinstance(value, int) and not isinstance(value, bool)):
            return True
        if value is None:
            self.items.missing(here, key)
        else:
            self.items.wrong(here + (key,), "a string")
        return False

    def list_of(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            self.items.missing(self.root, key)
            return []
        if not isinstance(value, list):
            self.items.wrong(self.root + (key,), "a list of items")
            return []
        return value

    def build(self, data, by_id, incoming, outgoing) -> ArgumentMap:
        root = self.root
        kinds = {n: node["type"] for n, (_, node) in by_id.items()}
        ext_of = {n: node.get("argmap") if isinstance(node.get("argmap"), dict) else {} for n, (_, node) in by_id.items()}
        # ids: the nodeID itself where it is a valid id; I-nodes and the relations an undercut names need one
        named = [n for n in by_id if kinds[n] == "I" or kinds[n] in ("RA", "CA")]
        ids = dict(zip(named, make_ids(named)))
        placed: list[tuple[float, int, Any]] = []
        lost_kinds: dict[str, list[int]] = defaultdict(list)
        held = self.held(data, by_id, kinds, ext_of, outgoing, ids)
        quotes = self.quotes(data, by_id, kinds, outgoing, incoming)
        quotes["_used"] |= self.holding
        for n, (i, node) in by_id.items():
            kind, ext, here = kinds[n], ext_of[n], root + ("nodes", i)
            at = ext.get("at", len(by_id) + i)
            at = at if isinstance(at, int) and not isinstance(at, bool) else len(by_id) + i
            if kind == "I":
                fields = {k: v for k, v in ext.items() if k != "at"}
                quote = quotes.get(n)
                if quote is not None and "argmap" not in data:
                    fields.setdefault("quote", quote[0])
                    if quote[1] is not None:
                        fields.setdefault("source", quote[1])
                text = node.get("text", "") or ids[n]
                item = self.items.item({"type": "claim", **fields, "id": ids[n], "text": text}, here)
            elif kind in ("RA", "CA"):
                if "mirror_of" in ext or "step_of" in ext:
                    continue
                item = self.relation(n, kind, ext, here, ids, kinds, incoming, outgoing)
            elif kind in ("L", "YA") and n in quotes.get("_used", ()):
                continue
            else:
                lost_kinds[kind].append(i)
                continue
            if item is not None:
                placed.append((at, i, item))
        for kind, where in lost_kinds.items():
            self.lost(warning(
                "W604",
                "{count} left out: argmap has no counterpart for AIF {kind}-nodes ({meaning})",
                self.doc.span(root + ("nodes", where[0])),
                count=plural_phrase("{n} node", "{n} nodes", len(where)),
                kind=kind,
                meaning=phrase(_MEANINGS.get(kind, _UNKNOWN_TYPE)),
            ))
        meta = data.get("argmap") if isinstance(data.get("argmap"), dict) else {}
        for j, raw in enumerate(meta.get("items", []) if isinstance(meta.get("items", []), list) else []):
            here = root + ("argmap", "items", j)
            if not isinstance(raw, dict):
                self.items.wrong(here, "an object")
                continue
            at = raw.get("at")
            item = self.items.item({k: v for k, v in raw.items() if k != "at"}, here)
            if item is not None:
                placed.append((at if isinstance(at, int) else 10**9 + j, -1, item))
        placed.extend(held)
        if "argmap" not in data:
            placed.extend((10**9 + k, 0, s) for k, s in enumerate(self.participant_sources(data, quotes)))
        placed.sort(key=lambda t: (t[0], t[1]))
        info = {k: meta[k] for k in ("title", "lang", "question") if isinstance(meta.get(k), str)}
        return ArgumentMap([item for _, _, item in placed], **info)

    def relation(self, n, kind, ext, here, ids, kinds, incoming, outgoing):
        sources = [s for s in incoming.get(n, []) if kinds[s] == "I"]
        targets = [t for t in outgoing.get(n, []) if kinds[t] in ("I", "RA", "CA")]
        if not sources or len(targets) != 1:
            self.lost(warning(
                "W604",
                "AIF {kind}-node `{node}` left out: it needs one or more premises and one conclusion",
                self.doc.span(here),
                kind=kind, node=n,
            ))
            return None
        target = targets[0]
        fields = {k: v for k, v in ext.items() if k not in ("at",)}
        item_type = fields.pop("type", None)
        if kind == "RA":
            data = {"type": "support", "premises": [ids[s] for s in sources], "conclusion": ids.get(target, target)}
        elif item_type == "contradiction":
            data = {"type": "contradiction", "first": ids[sources[0]], "second": ids.get(target, target)}
        elif kinds[target] == "I":
            data = {"type": "rebuttal", "attackers": [ids[s] for s in sources], "target": ids[target]}
        else:
            data = {"type": "undercut", "attackers": [ids[s] for s in sources], "target": ids[target]}
        if n in self.undercut_targets and not fields.get("name"):
            fields["name"] = ids[n]
        return self.items.item({**fields, **data}, here)

    def held(self, data, by_id, kinds, ext_of, outgoing, ids) -> list[tuple[Any, int, Any]]:
        """The positions argmap wrote as participants (``argmap.position`` on
        the participant: where the position stands among the items): what
        each holds are the nodes its L-nodes (``argmap.position``) assert
        (accepts) or disagree with (rejects), in the order of the nodes.
        ``self.holding`` gets the L- and YA-nodes read so."""
        self.holding: set[str] = set()
        participants = data.get("participants") if isinstance(data.get("participants"), list) else []
        marked: dict[str, tuple[int, dict[str, Any]]] = {}
        for j, p in enumerate(participants):
            ext = p.get("argmap") if isinstance(p, dict) else None
            if isinstance(ext, dict) and "position" in ext and isinstance(p.get("participantID"), (str, int)):
                marked.setdefault(str(p["participantID"]), (j, ext))
        stances: dict[str, dict[str, list[str]]] = {pid: {"accepts": [], "rejects": []} for pid in marked}
        for n, kind in kinds.items():
            pid = ext_of[n].get("position")
            if kind != "L" or not isinstance(pid, str) or pid not in marked:
                continue
            for anchor in outgoing.get(n, []):
                stance = _STANCES.get(by_id[anchor][1].get("text", "")) if kinds[anchor] == "YA" else None
                targets = [t for t in outgoing.get(anchor, []) if kinds[t] in ("I", "RA", "CA")]
                if stance is not None and len(targets) == 1:
                    stances[pid][stance].append(ids[targets[0]])
                    self.holding.update((n, anchor))
                    break
        out = []
        for pid, (j, ext) in marked.items():
            at = ext["position"] if isinstance(ext["position"], int) and not isinstance(ext["position"], bool) else None
            fields = {k: v for k, v in ext.items() if k != "position"}
            here = self.root + ("participants", j)
            item = self.items.item({**fields, "type": "position", "id": pid, **stances[pid]}, here)
            if item is not None:
                out.append((10**9 + j if at is None else at, -1, item))
        return out

    def quotes(self, data, by_id, kinds, outgoing, incoming) -> dict[str, Any]:
        """I-node → (quote, source id) from L-nodes asserting it; also the
        undercut targets (RA/CA nodes a CA-node aims at)."""
        self.undercut_targets = {
            t for n, k in kinds.items() if k == "CA" for t in outgoing.get(n, []) if kinds[t] in ("RA", "CA")
        }
        speaker: dict[str, str] = {}
        for locution in data.get("locutions", []) if isinstance(data.get("locutions"), list) else []:
            if isinstance(locution, dict) and locution.get("nodeID") is not None and locution.get("personID") is not None:
                speaker[str(locution["nodeID"])] = str(locution["personID"])
        self.speakers = speaker
        out: dict[str, Any] = {}
        used: set[str] = set()
        for n, kind in kinds.items():
            if kind != "L" or n in self.holding:
                continue
            for ya in outgoing.get(n, []):
                if kinds[ya] != "YA":
                    continue
                text = by_id[ya][1].get("text", "")
                claims = [t for t in outgoing.get(ya, []) if kinds[t] == "I"]
                if text != _ASSERTING or len(claims) != 1 or claims[0] in out:
                    continue
                said = _SPEAKER.sub("", by_id[n][1].get("text", ""), count=1).strip()
                person = speaker.get(n)
                out[claims[0]] = (said or None, self.source_id(person) if person is not None else None)
                used.update((n, ya))
        out["_used"] = used
        return out

    def source_id(self, person: str) -> str:
        return make_ids(["p" + person if person[:1].isdigit() else person])[0]

    def participant_sources(self, data, quotes) -> list[Source]:
        cited = {v[1] for k, v in quotes.items() if k != "_used" and v[1] is not None}
        names: dict[str, str] = {}
        for p in data.get("participants", []) if isinstance(data.get("participants"), list) else []:
            if isinstance(p, dict) and p.get("participantID") is not None:
                name = " ".join(str(p.get(k) or "") for k in ("firstname", "surname")).strip()
                names[self.source_id(str(p["participantID"]))] = name
        out = []
        for person in sorted(set(self.speakers.values())):
            sid = self.source_id(person)
            if sid in cited:
                title = names.get(sid) or person
                out.append(Source(sid, title, author=names.get(sid) or None))
        return out


_UNKNOWN_TYPE = N_("a node type argmap does not know")
_MEANINGS = {
    "MA": N_("rephrases"),
    "PA": N_("preferences"),
    "TA": N_("transitions between locutions"),
    "YA": N_("illocutions other than asserting a claim"),
    "L": N_("locutions that assert no claim"),
}


def read(text: str, filename: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map in AIF JSON ``text`` and the diagnostics (see the module)."""
    doc, diagnostics = load_json(text, filename)
    if doc.value is None and diagnostics:
        return ArgumentMap(), diagnostics
    data, root = doc.value, cast(Path, ())
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict) and "nodes" not in data:
        data, root = data["AIF"], ("AIF",)
    reader = _AifReader(doc, root)
    if not isinstance(data, dict):
        reader.items.wrong((), "an object")
        return ArgumentMap(), diagnostics + reader.diagnostics
    argument_map = reader.read(data)
    return argument_map, diagnostics + reader.diagnostics

