"""``eventx_events``: triggers -> frames -> validated events in ``doc._.events``.

Per sentence: find trigger words (``lang/<lang>/events/*.toml``), decide the status from cue
words, attach the company by role and the values by proximity. A trigger whose sentence names
no company continues an event of the same type from the sentences just before, or belongs
to the company the previous sentences are about; otherwise it yields nothing. Frames of one
real-world event are merged into one event.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..companies.roles import is_possessive
from ..frames.arguments import Frame, attach, candidate_companies, nearest, spans_in
from .extensions import forget_text, value_of
from ..frames.build import explain, to_event
from ..frames.lexicon import Lexicon, TypeRules, lexicon
from ..frames.merge import cluster
from ..frames.patterns import forget_lowers, remember, sentence_text, span_text
from ..frames.status import factuality

# How many sentences back an event continues, or a company stays in focus.
CONTEXT_SENTENCES = 2


class EventExtractor:
    """Find events in a Doc and store them in ``doc._.events``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._lex: Lexicon | None = None

    @property
    def lex(self) -> Lexicon:
        if self._lex is None:
            self._lex = lexicon(self.lang)
        return self._lex

    def _frames(self, doc: Doc) -> list[Frame]:
        lex = self.lex
        frames: list[Frame] = []
        focus: list[tuple[int, Span]] = []  # (sentence index, last company span of it)
        all_companies = sorted(doc.spans.get("companies", []), key=lambda s: s.start)
        ci = 0
        sents: list[Span] = []
        for si, sent in enumerate(doc.sents):
            sents.append(sent)
            in_sent: list[Span] = []
            while ci < len(all_companies) and all_companies[ci].start < sent.end:
                if all_companies[ci].start >= sent.start and all_companies[ci].end <= sent.end:
                    in_sent.append(all_companies[ci])
                ci += 1
            companies = candidate_companies(lex, doc, sent, in_sent)
            hits = lex.triggers.find(sent)
            if hits and lex.skip_sentence.find(sent):
                continue
            if hits:
                blocked = {
                    (h.key, t) for h in lex.not_triggers.find(sent) for t in h.tokens
                }
                seen: set[tuple[str, int]] = set()
                for hit in hits:
                    key = (hit.key, hit.start)
                    if key in seen or any((hit.key, t) in blocked for t in hit.tokens):
                        continue
                    seen.add(key)
                    rules = lex.rules[hit.key]
                    if rules.not_contexts is not None and rules.not_contexts.find(sent):
                        continue
                    fact = factuality(lex, rules, sent, hit)
                    frame = attach(lex, rules, doc, sent, si, hit, fact, in_sent)
                    if frame.company is None and not self._resolve(frame, frames, focus):
                        continue
                    self._inherit(frame, rules, sents)
                    frames.append(frame)
            elif lex.price_types:
                self._price(frames, si, sent, doc)
            named = [c for c in companies if not is_possessive(c, self.lang)]
            if named:
                focus.append((si, named[-1]))
        return frames

    def _price(self, frames: list[Frame], si: int, sent: Span, doc: Doc) -> None:
        """A sentence without a trigger that states a price ("Der Kaufpreis belaufe sich auf
        410 Millionen Euro") gives the amount to the deal of the sentences just before that
        has none."""
        cues = self.lex.price_cues.find(sent)
        if not cues:
            return
        amounts = [s for s in spans_in(doc, "money", sent) if s.label_ == "MONEY"]
        if not amounts:
            return
        for prev in reversed(frames):
            if si - prev.sent_index > CONTEXT_SENTENCES:
                return
            if prev.type in self.lex.price_types and prev.fields.get("amount") is None:
                cue = cues[0]
                best = nearest(amounts, cue)
                prev.fields["amount"] = value_of(best)
                prev.reasons["amount"] = (
                    f"price {span_text(best)!r} in a later sentence (cue {cue.source!r})"
                )
                return

    @staticmethod
    def _inherit(frame: Frame, rules: TypeRules, sents: list[Span]) -> None:
        """Fill fields the type may take from the sentences just before ("Im dritten Quartal
        ... . Der Umsatz stieg ...")."""
        for fld in rules.inherit:
            if frame.fields.get(fld):
                continue
            for back in range(1, CONTEXT_SENTENCES + 1):
                if frame.sent_index - back < 0:
                    break
                prev = sents[frame.sent_index - back]
                cues = rules.keywords.get(fld)
                hits = cues.find(prev) if cues is not None else []
                if hits:
                    frame.fields[fld] = hits[-1].key
                    frame.reasons[fld] = f"cue {hits[-1].source!r} in sentence {prev.start}"
                    break
                text = sentence_text(prev)
                found = [m for rx in rules.regex.get(fld, []) if (m := rx.search(text))]
                if found:
                    frame.fields[fld] = found[0].group("x").strip()
                    frame.reasons[fld] = f"expression {found[0].group(0)!r} in an earlier sentence"
                    break

    def _resolve(self, frame: Frame, frames: list[Frame], focus: list[tuple[int, Span]]) -> bool:
        """Give a frame without a company in its sentence the company of its context."""
        si = frame.sent_index
        for prev in reversed(frames):
            if si - prev.sent_index > CONTEXT_SENTENCES:
                break
            if prev.type == frame.type and prev.company is not None:
                frame.company = prev.company
                frame.notes.append("continues the event of an earlier sentence")
                frame.reasons["company"] = f"continues the {prev.type} of sentence {prev.sent_index}"
                return True
        for idx, span in reversed(focus):
            if si - idx > CONTEXT_SENTENCES:
                break
            frame.company = span
            frame.notes.append("company from context")
            frame.reasons["company"] = f"company in focus: {span_text(span)!r} (sentence {idx})"
            return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        remember(doc)
        try:
            frames = self._frames(doc)
            lex = self.lex
            distinct = {t: r.distinct for t, r in lex.rules.items()}
            found = []
            for c in cluster(frames, distinct):
                event = to_event(c, lex.rules[c[0].type], self.lang)
                if event is not None:
                    found.append((event, explain(c, event)))
        finally:
            forget_lowers(doc)
            forget_text(doc)
        found.sort(key=lambda pair: pair[0].evidence.start)
        doc._.events = [e for e, _ in found]
        doc._.explanations = [x for _, x in found]
        return doc


@Language.factory("eventx_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    """Factory of the event component."""
    return EventExtractor(nlp.lang)
