"""Who is who around a trigger: the one place role rules live.

``assign_roles`` is given a sentence, the trigger tokens and the company spans of that
sentence and says which company is the agent (seller, acquirer, payer ...), which the patient
(target, the one bought) and which the counterpart (buyer in "verkauft an Y").
Foundation placeholder: agent = nearest company before the trigger, else after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span


@dataclass(frozen=True)
class Roles:
    """Companies by role around one trigger (each a span of ``doc.spans["companies"]``)."""

    agent: Span | None = None
    patient: Span | None = None
    counterpart: Span | None = None


def assign_roles(sent: Span, trigger: Span, companies: list[Span], lang: str) -> Roles:
    """Assign agent / patient / counterpart among ``companies`` for ``trigger`` in ``sent``."""
    before = [c for c in companies if c.end <= trigger.start]
    after = [c for c in companies if c.start >= trigger.end]
    agent = before[-1] if before else (after[0] if after else None)
    rest = [c for c in after if c is not agent]
    patient = rest[0] if rest else None
    return Roles(agent=agent, patient=patient)
