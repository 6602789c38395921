"""Modality and attribution of an event, read from the words that govern its trigger.

Walking up the dependency tree from the trigger to the root of its sentence:

- a **reporting verb** whose complement holds the trigger ("the Russian MoD *claimed* that
  ...", "Ukrainian officials *denied* ...", "geolocated footage *shows* ...", "ISW
  *assesses* ...") or an "according to X" / "citing X" phrase adds a claimant to the chain
  and decides between ``claimed``, ``denied``, ``confirmed`` and ``assessed``; the article's
  own analysts ("ISW", "we") make it ``assessed``;
- on the trigger's own verb chain (the trigger, and the verbs it is the ``xcomp`` or object
  of): an ``if`` clause or "would" makes it ``hypothetical``; negation ("did not",
  "have not taken"), failure ("failed to", "unsuccessful", "repelled") or a past attempt
  ("attempted to advance") make it ``negated``; future modals, intentions and "on track"
  make it ``forecast``; hedges ("likely", "reportedly", "seems") make it ``assessed``.

Precedence: hypothetical > negated > denied > forecast > confirmed > claimed > assessed >
reported. A trigger inside the subject of a clause ("Ukraine's gains put them on track")
does not take that clause's modals. Combat keeps ``reported`` for "unsuccessful assaults":
the fighting happened even though the attack failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontwatch.model import ActorMention, Claimant, Modality, Side
from frontwatch.pipeline.events.ontology import Cues, Ontology

__all__ = ["ModalityReader", "Reading"]

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_OUTCOME_TYPES = frozenset(
    {"control.capture", "control.withdrawal", "control.advance", "annexation", "mobilization"}
)
_ATTEMPT_FAILED = frozenset({"unsuccessful", "unsuccessfully"})
"""Words anywhere in the sentence that end an attempt in failure."""


@dataclass(frozen=True)
class Reading:
    """The modality of one trigger and its claimant chain (outermost first)."""

    modality: Modality
    claimants: tuple[Claimant, ...] = ()


class ModalityReader:
    """Reads modality and attribution with the cue lexicons of ``data/events/modality.json``."""

    def __init__(self, cues: Cues | None = None, side_words: dict[str, Side] | None = None) -> None:
        self.cues = cues or Cues.load()
        self.side_words = side_words if side_words is not None else Ontology.load().side_words

    def read(
        self,
        doc: Any,
        head: int,
        trigger_tokens: frozenset[int],
        event_type: str,
        sentence: Any,
        actor_of: dict[int, ActorMention] | None = None,
    ) -> Reading:
        cues = self.cues
        actor_of = actor_of or {}
        hypothetical = negated = forecast = hedged = attempt = False
        claims: list[tuple[str, Claimant]] = []
        token = doc[head]
        own_chain = True  # modals of this verb apply to the trigger
        steps = 0
        outcome = event_type in _OUTCOME_TYPES
        chain = [token]
        timed = False  # inside a temporal clause that takes its governor's prospect
        while steps < 15:
            steps += 1
            if timed and not own_chain and _prospective(token, cues):
                forecast = True  # "will attack Y once they secure X": X is not secured yet
            if own_chain:
                for child in token.children:
                    word = child.lower_
                    if token.i != head and child.dep_ == "advmod" and word in cues.pending_words:
                        negated = negated or outcome  # "have yet to take X"
                    if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
                        negated = True
                    elif child.dep_ == "aux" and word in cues.forecast_modals:
                        if _perfect(token):
                            hedged = True  # "may have recaptured": a possibility, not a forecast
                        else:
                            forecast = True
                    elif (child.dep_ == "aux" and word in cues.hypothetical_modals) or (
                        child.dep_ == "mark" and word in cues.conditional_marks
                    ):
                        hypothetical = True
                    elif child.dep_ in {"advmod", "amod", "acomp"} and _hedge(word, cues):
                        hedged = True
                    if child.dep_ in {"advmod", "amod", "npadvmod"} and (
                        word in cues.failure_modifiers
                    ):
                        negated = negated or outcome
                lemma = token.lemma_.lower()
                if token.i != head:
                    if lemma in cues.failure_verbs:
                        negated = True
                    elif lemma in cues.repelling_verbs and token.pos_ == "VERB":
                        negated = negated or outcome  # "halted a Russian attack toward X"
                    elif lemma in cues.attempt_words:
                        attempt = True
                    elif lemma in cues.forecast_verbs or lemma in cues.forecast_nouns:
                        forecast = True
                    elif lemma in {"seem", "appear"}:
                        hedged = True
                for child in token.children:
                    # "put them on track for": the forecast sits on a sibling phrase
                    if child.dep_ == "prep" and any(
                        g.lemma_.lower() == "track" for g in child.children if g.dep_ == "pobj"
                    ):
                        forecast = True
            for child in token.children:
                # "Russian forces captured X, the MoD claimed" / "..., ISW assessed"
                if (
                    child.dep_ == "parataxis"
                    and child.lemma_.lower() in cues.reporting
                    and child.i not in trigger_tokens
                    and any(c.dep_ == "nsubj" for c in child.children)
                ):
                    kind = cues.reporting[child.lemma_.lower()]
                    claims.append((kind, self._subject_claimant(child, actor_of)))
            dep = token.dep_
            parent = token.head
            if parent.i == token.i:
                break
            parent_lemma = parent.lemma_.lower()
            # A reporting verb over the trigger's clause adds a claimant.
            if dep in {"ccomp", "parataxis", "xcomp", "advcl"} and parent_lemma in cues.reporting:
                claimant = self._subject_claimant(parent, actor_of)
                kind = cues.reporting[parent_lemma]
                if kind == "confirmed" and not self._confirming(parent):
                    kind = "claimed"
                retraction = _retraction(parent, cues)
                if retraction == "self" or (retraction == "other" and self._self_source(claimant)):
                    negated = True  # "ISW mistakenly reported", "a previous version stated"
                elif retraction == "other":
                    kind = "denied"  # "the MoD falsely claimed that ...": the article denies it
                timed = False
                level = [(kind, claimant)]
                level += [("claimed", extra) for extra in self._citing(parent, actor_of)]
                claims[:0] = level  # outer reporting verbs come first in the chain
                own_chain = False
            if (
                dep in {"acl", "ccomp"}
                and parent.pos_ == "NOUN"
                and parent_lemma in cues.reporting_nouns
            ):
                # "Russian claims that they captured X", "the LNR's claim to have taken X"
                kind = cues.reporting_nouns[parent_lemma]
                claims.insert(0, (kind, self._noun_claimant(parent, actor_of)))
                own_chain = False
            elif (
                dep in {"dobj", "nsubjpass"}
                and token.pos_ == "NOUN"
                and token.lemma_.lower() in cues.reporting_nouns
                and cues.reporting.get(parent_lemma) == "denied"
            ):
                # "Ukrainian sources refuted Russian claims that ...": the claim is denied
                claims.insert(0, ("denied", self._subject_claimant(parent, actor_of)))
            if (
                own_chain
                and dep == "xcomp"
                and parent.pos_ == "ADJ"
                and all(t.pos_ in {"VERB", "AUX", "ADJ"} for t in chain[1:])
            ):
                if parent_lemma in cues.forecast_adjectives:
                    forecast = True  # "are unlikely to be able to take X"
                elif parent_lemma in cues.failure_adjectives:
                    negated = True  # "were unable to secure X"
            if own_chain and _purpose(token, parent):
                attempt = True  # "attacks to seize X", "fought in order to advance toward X"
            if (
                dep == "nsubj"
                and outcome
                and own_chain
                and (parent_lemma in cues.repelling_verbs or parent_lemma in cues.failure_verbs)
            ):
                negated = True  # "Russian attacks toward X stalled"
            if dep in {"pcomp", "pobj"} and parent.lower_ in _TEMPORAL_PREPS:
                own_chain = False  # "have not advanced since securing X": X was secured
                timed = timed or (parent.lower_ != "since" and _undated_present(token))
            elif dep == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in cues.temporal_marks for c in token.children
            ):
                timed = timed or _undated_present(token)
            if dep in {"nsubj", "nsubjpass", "csubj"}:
                own_chain = False
            elif dep == "advcl" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
                own_chain = False  # "failed to seize X after Ukrainian forces reclaimed it"
            elif dep in {"relcl", "acl"} and token.pos_ in {"VERB", "AUX"}:
                # "Russia's ambition to take Odesa": the clause says what was intended
                if dep == "acl" and parent_lemma in cues.forecast_nouns and own_chain:
                    attempt = attempt or parent_lemma in cues.attempt_words
                    forecast = forecast or parent_lemma not in cues.attempt_words
                    if outcome and any(
                        c.dep_ == "amod" and c.lower_ in cues.failure_modifiers
                        for c in parent.children
                    ):
                        negated = True  # "the failed attempt to take X"
                own_chain = False
            elif dep in {"ccomp"}:
                own_chain = parent_lemma not in cues.reporting
            for child in parent.children:
                if child.dep_ == "prep" and child.lower_ == "according" and child.i != token.i:
                    for claimant in self._according(child, actor_of):
                        claims.append(("claimed", claimant))
            token = parent
            chain.append(token)
        # "according to" attached to the trigger itself
        for child in doc[head].children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for claimant in self._according(child, actor_of):
                    claims.append(("claimed", claimant))
        for token in sentence:
            # "(Russian objective: capture Mariupol)": a stated aim, not an event
            if token.i >= head:
                break
            if token.lemma_.lower() in cues.forecast_nouns and token.nbor(1).text == ":":
                forecast = True
        if not claims and _main_clause(doc[head]):
            claims.extend(self._sentence_according(sentence, actor_of))
        if attempt and outcome and not negated and not _gains_beside(chain, cues):
            # an attempt whose outcome the text does not give has not happened (yet)
            forecast = True
        if outcome and not negated and _gains_beside(chain, cues) is False:
            negated = True  # "attacked toward X but did not take any new territory"
        failed = any(t.lower_ in _ATTEMPT_FAILED for t in sentence) or any(
            child.dep_ == "conj" and child.lemma_.lower() in cues.repelling_verbs
            for link in chain
            for child in link.children
        )  # "attempted to advance on X but were repelled"
        if outcome and failed and attempt:
            negated, forecast = True, False
        claimants = tuple(claimant for _, claimant in _dedupe(claims))
        kinds = [kind for kind, _ in claims]
        assessed_by_self = any(
            kind in {"claimed", "assessed"} and self._self_source(claimant)
            for kind, claimant in claims
        )
        if hypothetical:
            modality: Modality = "hypothetical"
        elif negated:
            modality = "negated"
        elif "denied" in kinds:
            modality = "denied"
        elif forecast:
            modality = "forecast"
        elif "confirmed" in kinds:
            modality = "confirmed"
        elif any(k == "claimed" for k, c in claims if not self._self_source(c)):
            modality = "claimed"
        elif assessed_by_self or "assessed" in kinds or hedged:
            modality = "assessed"
        else:
            modality = "reported"
        return Reading(modality=modality, claimants=claimants)

    # -- claimants ---------------------------------------------------------------------------

    def _subject_claimant(self, verb: Any, actor_of: dict[int, ActorMention]) -> Claimant:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            return Claimant(name="unnamed source")
        return self._claimant(list(subjects[0].subtree), actor_of)

    def _noun_claimant(self, noun: Any, actor_of: dict[int, ActorMention]) -> Claimant:
        """Who makes a claim named by a noun: "Russian claims", "the LNR's claim", "claims
        by Russian milbloggers"."""
        tokens = [t for c in noun.children if c.dep_ in {"poss", "amod", "compound"}
                  for t in c.subtree]  # fmt: skip
        tokens += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                   for g in c.subtree if g.i != c.i]  # fmt: skip
        if not tokens:
            return Claimant(name="unnamed source")
        return self._claimant(tokens, actor_of)

    def _citing(self, verb: Any, actor_of: dict[int, ActorMention]) -> list[Claimant]:
        found = []
        for child in verb.subtree:
            if child.lower_ in {"citing", "cited", "cite"} and child.i != verb.i:
                objects = [c for c in child.children if c.dep_ in {"dobj", "pobj"}]
                for obj in objects:
                    found.append(self._claimant(list(obj.subtree), actor_of))
        return found

    def _according(self, prep: Any, actor_of: dict[int, ActorMention]) -> list[Claimant]:
        found = []
        for to in prep.children:
            for obj in to.children if to.lower_ == "to" else [to]:
                if obj.dep_ == "pobj":
                    found.append(self._claimant(list(obj.subtree), actor_of))
        return found

    def _sentence_according(
        self, sentence: Any, actor_of: dict[int, ActorMention]
    ) -> list[tuple[str, Claimant]]:
        """A sentence-level "according to X" that the parser attached elsewhere."""
        found = []
        for token in sentence:
            if token.lower_ == "according" and token.i + 1 < sentence.end:
                nxt = token.doc[token.i + 1]
                if nxt.lower_ == "to":
                    for obj in nxt.children:
                        if obj.dep_ == "pobj":
                            found.append(("claimed", self._claimant(list(obj.subtree), actor_of)))
        return found

    def _claimant(self, tokens: list[Any], actor_of: dict[int, ActorMention]) -> Claimant:
        tokens = sorted(_core(tokens), key=lambda t: t.i)
        for token in tokens:
            mention = actor_of.get(token.i)
            if mention is not None and mention.actor.kind in {"organization", "person", "unit"}:
                actor = mention.actor
                return Claimant(name=actor.name, actor_id=actor.id, side=actor.side)
        words = [t for t in tokens if t.dep_ not in {"punct"}]
        while words and words[0].dep_ == "det":
            words = words[1:]
        if len(words) == 1 and words[0].lower_ in {"which", "that"}:
            return Claimant(name="ISW")  # "..., which suggests": the report's own inference
        if len(words) == 1 and words[0].lower_ in _PRONOUNS:
            return Claimant(name=f"unresolved pronoun '{words[0].text}'")
        text = " ".join(t.text for t in words[:10]).replace(" 's", "'s")
        side: Side | None = None
        for token in tokens:
            mention = actor_of.get(token.i)
            if mention is not None and mention.actor.side is not None:
                side = mention.actor.side
                break
            side = self.side_words.get(token.lower_)
            if side is not None:
                break
        if any(t.lower_ in {"isw", "institute"} for t in tokens):
            return Claimant(name="ISW", actor_id=None, side="other")
        return Claimant(name=text or "unnamed source", side=side)

    def _confirming(self, verb: Any) -> bool:
        subjects = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
        words = {t.lower_ for t in subjects}
        if words & self.cues.confirming_sources or "geolocated" in words:
            return True
        return verb.lemma_.lower() in {"geolocate"}

    def _self_source(self, claimant: Claimant) -> bool:
        name = claimant.name.lower()
        return name in self.cues.self_sources or name == "isw" or "study of war" in name


_TEMPORAL_PREPS = frozenset({"since", "after", "following", "before", "upon"})


def _gains_beside(chain: list[Any], cues: Cues) -> bool | None:
    """Whether a clause coordinated with the trigger's chain reports a result (True: "... and
    made incremental gains"), denies one (False: "... but did not take any territory"), or
    says nothing of it (None)."""
    for link in chain:
        if link.pos_ not in {"VERB", "AUX"}:
            continue
        for child in link.children:
            if child.dep_ != "conj" or child.pos_ not in {"VERB", "AUX"}:
                continue
            negative = any(c.dep_ == "neg" for c in child.children)
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if not objects:
                continue
            nothing = any(c.dep_ == "det" and c.lower_ == "no" for o in objects for c in o.children)
            if not any(o.lemma_.lower() in cues.gain_nouns for o in objects):
                continue
            return not (negative or nothing)
    return None


def _purpose(token: Any, parent: Any) -> bool:
    """An infinitive of purpose: "conducted attacks *to seize* X" (``advcl`` or ``acl`` of a
    noun that is not itself a trigger's object), "in order to advance"."""
    if token.dep_ not in {"advcl", "acl", "xcomp", "relcl"} or token.pos_ not in {"VERB", "AUX"}:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if token.dep_ == "acl" and parent.lower_ == "order":
        return True
    if token.dep_ == "xcomp":
        # "continued operations to seize X": the parser hangs the purpose on the verb
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < token.i for c in parent.children)
    return bool(token.dep_ == "advcl" or parent.pos_ == "NOUN")  # "an operation to seize X"


def _prospective(verb: Any, cues: Cues) -> bool:
    """The clause of ``verb`` looks ahead: a future modal ("*will* launch") or an intention
    ("*intended* to pivot")."""
    if verb.lemma_.lower() in cues.forecast_verbs and verb.pos_ in {"VERB", "AUX"}:
        return True
    return not _perfect(verb) and any(
        c.dep_ == "aux" and c.lower_ in cues.forecast_modals for c in verb.children
    )


def _undated_present(clause: Any) -> bool:
    """A temporal clause that is not set in the past: not a past tense and no date of its own
    ("once they secure X", "after completing the capture of X", not "after capturing X on
    April 1")."""
    if clause.tag_ in {"VBD", "VBN"}:
        return False
    return not any(t.ent_type_ == "DATE" for t in clause.subtree)


def _retraction(verb: Any, cues: Cues) -> str | None:
    """Whether a reporting verb withdraws what it reports: ``"self"`` for the report's own
    correction ("a *previous version* of this report stated"), ``"other"`` for a report
    called wrong ("*mistakenly* reported", "*falsely* claimed"; the caller tells whether its
    subject is the report itself), None otherwise."""
    for subject in verb.children:
        if subject.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        words = [t.lower_ for t in subject.subtree]
        for sequence in cues.correction_subjects:
            size = len(sequence)
            if any(tuple(words[i : i + size]) == sequence for i in range(len(words) - size + 1)):
                return "self"
    if any(c.dep_ == "advmod" and c.lower_ in cues.retraction_modifiers for c in verb.children):
        return "other"
    return None


def _perfect(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"have", "'ve"} for c in verb.children)


def _main_clause(token: Any) -> bool:
    """The trigger belongs to the sentence's main clause (not a relative or adverbial one)."""
    for _ in range(12):
        if token.head.i == token.i:
            return True
        if token.dep_ in {"relcl", "acl", "advcl", "ccomp", "csubj"}:
            return False
        token = token.head
    return True


def _core(tokens: list[Any]) -> list[Any]:
    """The words that name a claimant: its noun phrase without relative clauses, times,
    appositions and most prepositional phrases ("the Pentagon, which ..." → "Pentagon")."""
    if not tokens:
        return tokens
    ids = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
    keep = {root.i}
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj", "advmod"}:
                continue
            if child.dep_ == "prep" and child.lower_ not in {"of", "from", "for"}:
                continue
            if child.dep_ == "prep" and any(g.ent_type_ in {"DATE", "TIME"} for g in child.subtree):
                continue
            keep.add(child.i)
            stack.append(child)
    return [t for t in tokens if t.i in keep]


def _hedge(word: str, cues: Cues) -> bool:
    return any(word == hedge for hedge in cues.hedges_assessed if " " not in hedge)


def _dedupe(claims: list[tuple[str, Claimant]]) -> list[tuple[str, Claimant]]:
    seen: set[str] = set()
    result = []
    for kind, claimant in claims:
        if claimant.name in seen:
            continue
        seen.add(claimant.name)
        result.append((kind, claimant))
    return result
