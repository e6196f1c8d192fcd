"""``eventx_companies``: company mentions -> ``doc.spans["companies"]`` with ``Company`` values.

Works on ``spacy.blank``: no tagger, no parser. A mention is found by, strongest first:

1. a spelling of the register (``eventx.companies.register``), matched case-sensitively by a
   ``PhraseMatcher``, optionally followed by a legal form ("Siemens AG"); German inflected
   spellings are added ("der Deutschen Bank", "Metas Umsatz");
2. a legal form after capitalised words ("Beispiel Logistik GmbH & Co. KG", "Acme Corp."),
   or a weaker company ending after words that are not all generic ("Bramwell Bank",
   "Helvion Robotics"; not "Central Bank");
3. a company noun before a capitalised name ("der Autozulieferer Leoni", "chipmaker Wolfspeed",
   "Der Konzern Tönnies"), and the shapes "X-Konzern" and "the X group". After a bare noun
   ("dem Unternehmen Geld leihen") an unknown word must look like a name;
4. ORG entities of a statistical model that ran before this component (``doc.ents``), when
   the pipeline has one;
5. any further occurrence, in the same text, of a name found by 2-4 (and of the first word of
   a new multi-word name: "Bramwell Bank plc ... Bramwell said").

Guards (``companies/not_companies.toml`` and ``lang/<lang>/companies.toml``) keep out news
agencies and publications, indices, products, people ("Mark Zuckerberg"), places and the
capitalised nouns of German sentences. Register names that are also common words ("Target",
"Next") count only with a legal form, a company noun before them, or after an unambiguous
mention of the same company.

Definite noun phrases ("der Konzern", "des Unternehmens", "the Cupertino-based company") and
possessives ("seine", "its") become ``ANAPHOR`` spans whose value is the company they refer
to. A phrase right after "Company," is an apposition and names that company ("Microsoft, the
software giant"); a place in the phrase ("der Wolfsburger Autobauer", "the Munich-based
group") picks the company with that headquarters when the text names one; otherwise it is
the first company of the same sentence, else of the nearest preceding sentence that names
one (at most three back; earlier anaphora count, objects of prepositions only when nothing
else is there), else the text's main company. A possessive takes the first company of its
own sentence and is left out when there is none.

News agencies and publications ("Reuters", "Bloomberg", "Die Welt") are companies, but in
news they are the source, not the subject, so a bare mention is not a company mention; with
a legal form ("Bloomberg LP") or inside a longer register name ("Thomson Reuters") it is.

``doc._.main_company`` is the company the text is mostly about: most mentions, with extra
weight for the first sentence (the headline) and for leading a sentence.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import ORTH, SENT_START, SUFFIX
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from ..companies.names import strip_legal_form
from ..companies.register import CompanyRegister, Entry, guards, register
from ..doc_data import set_value
from ..lang import SUPPORTED, data
from ..normalize._text import plain_with_offsets, strip_soft
from ..schema import Company
from .extensions import doc_text

__all__ = ["CompanyFinder", "make_companies"]

# candidate priorities: lower wins an overlap
_KNOWN, _LEGAL, _CONTEXT, _MODEL, _REPEAT = range(5)

_SHADOW_KEY = "eventx.companies.shadow"
_ORTHS_KEY = "eventx.companies.orths"
_DESCRIPTOR_WORDS = 16_384
_ANAPHOR_VALUES = 4_096
_POSITIONS_KEY = "eventx.companies.positions"

#: "&" as written, and as crawled HTML leaves it
_AMPERSANDS = ("&", "&amp;")


@dataclass
class _Candidate:
    start: int
    end: int
    priority: int
    entry: Entry | None = None
    name: str | None = None  # canonical name of an unknown company
    extended: bool = False  # a legal form was added after the matched spelling

    def company(self, mention: str) -> Company:
        if self.entry is not None:
            return self.entry.company(mention)
        return Company(name=strip_soft(self.name or mention), mention=mention)


@dataclass(slots=True)
class _Mention:
    """A company mention (a name or an anaphor) while the main company is weighed and
    anaphora are resolved; read once here rather than again through its Span."""

    start: int
    end: int
    company: Company
    governed: bool  # the object of a preposition (``CompanyFinder._governed``)
    sent: int  # the index of its sentence (``_sent_of``)


def _complete_short_names(chosen: list[_Candidate]) -> None:
    """An unknown company named by its first word(s) and, elsewhere in the text, in full
    ("Autozulieferer Brenner ... Die Brenner Antriebstechnik AG") is one company: the short
    mention takes the full name, unless it begins more than one of them."""
    names = {c.name for c in chosen if c.entry is None and c.name}
    if len(names) < 2:
        return
    full: dict[str, str] = {}
    for short in names:
        words = short.split()
        longer = {n for n in names if n != short and n.split()[: len(words)] == words}
        if len(longer) == 1:
            full[short] = longer.pop()
    for cand in chosen:
        if cand.entry is None and cand.name in full:
            cand.name = full[cand.name]


def _union(lang: str, key: str) -> list[str]:
    """A word list of both languages (legal forms are written the same in either)."""
    seen: dict[str, None] = {}
    for other in [lang, *[x for x in SUPPORTED if x != lang]]:
        for word in data(other, "companies").get(key, ()):
            seen.setdefault(word, None)
    return list(seen)


def _longest_first(words: Iterable[str]) -> list[str]:
    """The distinct words, longest first (the order an alternation tries them in)."""
    return sorted(set(words), key=len, reverse=True)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in _longest_first(words))


#: the characters other than ``c`` and ``c.upper()`` that match an ASCII letter ``c`` under
#: re.IGNORECASE (the re documentation lists these four)
_CASE_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _ignore_case(words: Iterable[str]) -> str:
    """A pattern that matches as ``(?i:`` + ``_alternation(words)`` + ``)`` does, written so
    that re tries it faster: the words grouped by their first character, which is written as
    a set of the characters that match it ("[kK\u212a](?i:onzern|ette)").

    re tries each word of a case-insensitive alternation in turn; it skips a word at once
    only when the word begins with a case-sensitive character or set. Words whose first
    characters fall in different sets cannot match at the same place, so the grouping (which
    keeps the order of the words within a group) changes no match. Words that begin with
    other than ASCII are left as they are."""
    ordered = _longest_first(words)
    if not all(w and w[0].isascii() for w in ordered):
        return "(?i:" + _alternation(ordered) + ")"
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0].lower(), []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        first = "[" + re.escape(_cases(first)) + "]"
        parts.append(first + "(?i:" + "|".join(re.escape(r) for r in rests) + ")")
    return "(?:" + "|".join(parts) + ")"


def _cases(c: str) -> str:
    """The characters that match the ASCII character ``c`` under re.IGNORECASE."""
    if not c.isalpha():
        return c
    return c.lower() + c.upper() + _CASE_FOLDS.get(c.lower(), "")


def _by_first_character(words: Iterable[str], ignore_case: bool = False) -> list[str] | None:
    """Patterns that together match as the alternation of ``words`` does (with
    ``ignore_case``, as ``_ignore_case(words)`` does), one for each character that such a
    match can begin with, each beginning with that fixed character: re finds the fixed
    beginning of a pattern by a quick scan of the text, while it tests a set of characters
    ("[dD]", "[tT]") at every position. Words keep their order. None when ``ignore_case``
    and a word begins with other than ASCII."""
    ordered = _longest_first(words)
    if not ordered or not all(ordered) or (
        ignore_case and not all(w[0].isascii() for w in ordered)
    ):
        return None
    groups: dict[str, list[str]] = {}
    for word in ordered:
        for first in _cases(word[0]) if ignore_case else word[0]:
            groups.setdefault(first, []).append(word[1:])
    flags = "(?i:" if ignore_case else "(?:"
    return [
        re.escape(first) + flags + "|".join(re.escape(r) for r in rests) + ")"
        for first, rests in groups.items()
    ]


#: characters that may not precede a match of ``_standalone``
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_WORD = re.compile(r"\w")


def _standalone(
    pattern: re.Pattern[str], text: str, not_after: re.Pattern[str] = _WORD_OR_HYPHEN
) -> Iterator[re.Match[str]]:
    r"""The matches of ``(?<!X)`` + ``pattern`` in ``text`` (X: ``not_after``, by default
    ``[\w-]``), as ``finditer`` gives them.

    The condition on the preceding character is checked here, not in the pattern: a pattern
    that begins with a look-behind (or ``\b``) is tried at every position of the text, while
    one that begins with its words is searched quickly for their first characters.
    ``pattern`` must not match the empty string."""
    pos = 0
    while (m := _first_standalone(pattern, text, pos, not_after)) is not None:
        yield m
        pos = m.end()


def _standalone_any(
    patterns: list[re.Pattern[str]], text: str, not_after: re.Pattern[str] = _WORD_OR_HYPHEN
) -> Iterator[re.Match[str]]:
    """``_standalone`` of the alternation of ``patterns``, which begin with different
    characters (``_by_first_character``): no two match at one place, so the leftmost match
    from a position is the leftmost of their leftmost matches from there."""
    pending = [_first_standalone(p, text, 0, not_after) for p in patterns]
    pos = 0
    while True:
        best = None
        for k, m in enumerate(pending):
            if m is not None and m.start() < pos:  # inside the last match: search again
                m = pending[k] = _first_standalone(patterns[k], text, pos, not_after)
            if m is not None and (best is None or m.start() < pending[best].start()):
                best = k
        if best is None:
            return
        m = pending[best]
        yield m
        pos = m.end()
        pending[best] = _first_standalone(patterns[best], text, pos, not_after)


def _first_standalone(
    pattern: re.Pattern[str], text: str, pos: int, not_after: re.Pattern[str]
) -> re.Match[str] | None:
    """The first match that ``_standalone`` gives from ``pos`` on."""
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start > 0 and not_after.match(text, start - 1):
            pos = start + 1  # on to the next position, as the look-behind would fail here
            continue
        return m
    return None


def _det_patterns(
    det: str, parts: list[str] | None, rest: str, table: dict[str, Any]
) -> tuple[re.Pattern[str], dict[str, Any], list[re.Pattern[str]] | None]:
    """The anaphor pattern ``(?P<det>`` det ``)`` rest, its agreement ``table``, and the
    pattern for each of ``parts`` of the determiners (``_split``)."""
    return re.compile(f"(?P<det>{det}){rest}"), table, _split(parts, rest, "det")


def _split(
    parts: list[str] | None, rest: str, group: str | None = None
) -> list[re.Pattern[str]] | None:
    """A pattern for each of ``parts`` (``_by_first_character``), followed by ``rest``, for
    ``_standalone_any``; None when there are fewer than two (re finds the fixed beginning
    of a single one itself)."""
    if parts is None or len(parts) < 2:
        return None
    start = f"(?P<{group}>" if group else "(?:"
    return [re.compile(f"{start}{p}){rest}") for p in parts]


def _head_end_check(heads: list[str], endings: Iterable[str]) -> str:
    r"""A look-ahead for where a head word may start: the run of ``[\w-]`` there ends like
    one of ``heads`` (its last letters, in any case), alone or followed by one of
    ``endings`` ("Autokonzern", "Autokonzerns"); then, that it ends with a whole head.

    Every match of the head pattern passes it, so it changes no match; but Python's re tries
    a case-insensitive alternation of many heads slowly, at each letter of a word, while
    this look-ahead rules out most words after a determiner with one test at their end. The
    second test (one look-behind per length of heads) rules out the many words that end
    like a head but are none ("Entscheidung", "Mitarbeiter"), before that slow search."""
    if not heads:
        return ""
    endings = [e for e in endings if e]

    def ends(words: list[str]) -> str:
        """A look-behind for each of ``words`` (patterns of one width each), alone or
        followed by an ending; those with an ending only after a test of its last letter."""
        bare = "|".join(f"(?<={w})" for w in words)
        if not endings:
            return bare
        last = "[" + re.escape("".join(sorted({e[-1] for e in endings}))) + "]"
        ended = "|".join(rf"(?<={w}{re.escape(e)})" for e in endings for w in words)
        return f"{bare}|(?<={last})(?:{ended})"

    width = min(3, *(len(h) for h in heads))  # the alternatives of a look-behind: one width
    tails = _ignore_case(h[-width:] for h in heads)
    by_length: dict[int, list[str]] = {}
    for head in heads:
        by_length.setdefault(len(head), []).append(head)
    whole = [_ignore_case(same) for _, same in sorted(by_length.items())]
    return rf"(?=[\w-]*+(?:{ends([tails])}))(?=[\w-]*+(?:{ends(whole)}))"


class CompanyFinder:
    """Find company mentions, resolve anaphora, and pick the main company of a Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str = "eventx_companies",
        *,
        model_labels: Iterable[str] = ("ORG",),
        company_register: CompanyRegister | None = None,
    ) -> None:
        self.name = name
        self.lang = nlp.lang
        self.model_labels = frozenset(model_labels)
        self.register = company_register or register()
        words = data(self.lang, "companies")
        guard = guards()
        ambiguous = guard.get("ambiguous", {})
        self.ambiguous = frozenset(ambiguous.get("all", ())) | frozenset(
            ambiguous.get(self.lang, ())
        )
        self.never = frozenset(
            [*guard.get("media", ()), *guard.get("markets", ()), *guard.get("products", ())]
        )
        self.places = frozenset(guard.get("places", ()))
        self.first_names = frozenset(guard.get("first_names", ()))
        self.person_titles = frozenset(guard.get("person_titles", ()))
        self.stop_words = frozenset(_union(self.lang, "stop_words"))
        self.common_words = frozenset(words.get("common_words", ()))
        self.noun_endings = tuple(words.get("noun_endings", ()))
        self.weak_forms = frozenset(_union(self.lang, "weak_forms"))
        self.name_heads = frozenset(words.get("name_heads", ()))
        self.generic_name_words = frozenset(words.get("generic_name_words", ()))
        self.institutions = frozenset(guard.get("institutions", ()))
        nouns = words.get("common_nouns", {})
        self.common_nouns = frozenset(nouns.get("names", ()))
        self.indefinites = frozenset(nouns.get("indefinite_articles", ()))
        self.articles = frozenset(nouns.get("articles", ()))
        self.adjective_endings = tuple(nouns.get("adjective_endings", ()))
        self.possessives = frozenset(words.get("possessives", ()))
        # found by _standalone (no word character or hyphen before the match)
        self.possessive_re = (
            re.compile(r"(?:" + _alternation(self.possessives) + r")(?![\w-])")
            if self.possessives
            else None
        )
        self.possessive_parts = (
            _split(_by_first_character(self.possessives), r"(?![\w-])")
            if self.possessives
            else None
        )
        roles = words.get("roles", {})
        self.role_preps = frozenset(
            w
            for key in ("counterpart_preps", "agent_preps", "patient_preps", "passive_agent_preps")
            for w in roles.get(key, ())
        )
        self.relative_pronouns = frozenset(
            w for w in roles.get("relative_starts", ()) if w not in ("a", "an", "the", "ein",
                                                                      "eine", "einer", "einem")
        )
        self.articles_lower = frozenset(
            w.lower() for w in words.get("common_nouns", {}).get("articles", ())
        )
        self.demonyms: dict[str, str] = dict(words.get("demonyms", {}))
        self.generic = frozenset(words.get("generic_descriptors", ()))
        self.name_dets = frozenset(words.get("apposition_determiners", ()))
        self.descriptor_ends = tuple(words.get("descriptors", ()))
        self.descriptor_exceptions = frozenset(words.get("descriptor_exceptions", ()))
        # _is_descriptor of the words _descriptor_starts tests, by their ORTH hash (the same
        # for a word in any vocab): the same words come up in every text ("Konzern",
        # "gestern"); a plain dict keeps the component picklable
        self._descriptor_words: dict[int, bool] = {}
        # the values of anaphora (_anaphor_value): a text refers to its companies with the
        # same few phrases ("der Konzern"), and so do the texts of a stream
        self._anaphor_values: dict[tuple[Any, ...], Company] = {}

        # 1. register spellings, one matcher key per entry
        self.forms = self._forms(words)
        self.known = PhraseMatcher(nlp.vocab)
        by_entry: dict[int, list[str]] = {}
        for form, index in self.forms.items():
            by_entry.setdefault(index, []).append(form)
        self._entry_of_key: dict[int, int] = {}
        entries_of: dict[tuple[str, ...], set[int]] = {}  # the entries of a token sequence
        for index, forms in by_entry.items():
            key = f"eventx_company_{index}"
            docs = list(nlp.tokenizer.pipe(forms))
            self.known.add(key, docs)
            self._entry_of_key[nlp.vocab.strings[key]] = index
            for form_doc in docs:
                entries_of.setdefault(tuple(t.text for t in form_doc), set()).add(index)
        self.tokenizer = nlp.tokenizer  # for the text as the normalisers read it (_shadow)
        # 2. legal forms (both languages) and the blocked names
        written = _union(self.lang, "legal_forms") + list(self.weak_forms)
        variants = _legal_variants(written)
        legal_forms = [
            form
            for (form, added), tokens in zip(variants, nlp.tokenizer.pipe(v for v, _ in variants))
            # an added period only where the tokenizer keeps it on the word ("GmbH.")
            if not added or tokens[-1].text != "."
        ]
        added_periods = {form for form, added in variants if added}
        legal_docs = list(nlp.tokenizer.pipe(legal_forms))
        self.legal_key = nlp.vocab.strings.add("LEGAL")
        # The register's matcher also finds the legal forms, in the same pass over a Doc;
        # unless a legal form has the tokens of spellings of several entries: the matcher
        # keeps the keys of a spelling in one table, and one more key there could change
        # the order in which it gives those entries.
        self.legal: PhraseMatcher | None = None
        if any(len(entries_of.get(tuple(t.text for t in d), ())) > 1 for d in legal_docs):
            self.legal = PhraseMatcher(nlp.vocab)
            self.legal.add("LEGAL", legal_docs)
        else:
            self.known.add("LEGAL", legal_docs)
        self.legal_first = frozenset(t.text for d in legal_docs for t in d[:1])
        self.strong_first = self.legal_first - self.weak_forms
        # "GmbH." at the end of a sentence is one token: the period is not part of the name
        self.period_variants = frozenset(added_periods & set(legal_forms))
        self.written_forms = frozenset(v for v, added in variants if not added)
        # 3. company nouns; compounds "X-Konzern"; "the X group"
        # last three characters of company nouns, as lexeme SUFFIX hashes ("Chipkonzern" ->
        # "ern"), in lower case and capitalised ("Bank", "KONZERN" is not looked for)
        endings = {e[-3:] for e in self.descriptor_ends}
        endings |= {e.capitalize() for e in endings} | {e.upper() for e in endings}
        self.descriptor_suffixes = _hashes(nlp.vocab.strings, endings)
        heads = words.get("compound_heads", ())
        # found by the "-Konzern" ending; the token around it gives the name before it
        self.compound_re = re.compile(
            r"-(?:" + _alternation(heads) + r")(?![\w-])"
        ) if heads else None
        self.compound_name = re.compile(r"^([A-ZÄÖÜ0-9][\w&.]*(?:-[A-ZÄÖÜ0-9][\w&.]*)*)-[^-]+$")
        self.compound_exceptions = frozenset(words.get("compound_exceptions", ()))
        # found by _standalone after a non-word character (as \b would before "the")
        self.group_re = (
            re.compile(r"the ((?:[A-Z][\w&.'-]*\s){1,3})group\b") if self.lang == "en" else None
        )
        # anaphora
        self.anaphor_re, self.anaphor_genders, self.anaphor_parts = self._anaphora(
            words.get("anaphora", {})
        )
        # "Payvia, the London-based payments start-up,": a name before an apposition
        spec = words.get("anaphora", {})
        app = words.get("apposition", {})
        heads = [*spec.get("heads", ()), *spec.get("masculine", ()), *spec.get("neuter", ()),
                 *spec.get("feminine", ()), *app.get("heads", ())]
        self.app_articles = frozenset(app.get("articles", ()))
        self.comma = nlp.vocab.strings.add(",")
        self.app_article_hashes = _hashes(nlp.vocab.strings, self.app_articles)
        self.app_heads = tuple(sorted({h.lower() for h in heads}))
        self.app_compounds = bool(app.get("compound_heads", False))
        self.based_suffix = words.get("anaphora", {}).get("based_suffix")

    # -- construction helpers -------------------------------------------------------------
    def _forms(self, words: dict[str, Any]) -> dict[str, int]:
        forms = self.register.forms(self.lang)
        inflection = words.get("inflection", {})
        firsts: dict[str, str] = inflection.get("first_words", {})
        suffix: str = inflection.get("genitive_suffix", "")
        no_after = tuple(inflection.get("no_genitive_after", ()))
        extra: dict[str, int] = {}
        for form, index in forms.items():
            head, _, rest = form.partition(" ")
            if rest and head in firsts:
                extra.setdefault(f"{firsts[head]} {rest}", index)
            if suffix and form[-1:].isalpha() and not form.endswith(no_after) and (
                form not in self.ambiguous
            ):
                extra.setdefault(form + suffix, index)
        for form, index in extra.items():
            forms.setdefault(form, index)
        return forms

    def _anaphora(
        self, spec: dict[str, Any]
    ) -> tuple[re.Pattern[str] | None, dict[str, Any], list[re.Pattern[str]] | None]:
        """The pattern of a definite noun phrase about a company, to be searched with
        ``_standalone`` (it does not check what precedes the determiner), for a gendered
        language the agreement table of ``_agrees``, and the pattern split by the first
        character of the determiner, for ``_standalone_any`` (None if it cannot be)."""
        if not spec:
            return None, {}, None
        dets = spec.get("determiners", [])
        max_mod = int(spec.get("max_modifiers", 2))
        if isinstance(dets, dict):  # gendered (German)
            genders = {g: spec.get(g, []) for g in ("masculine", "neuter", "feminine")}
            heads = [h for hs in genders.values() for h in hs]
            endings = "|".join(re.escape(e) for e in spec.get("adjective_endings", ()))
            modifier = rf"(?:[a-zäöüß][\w-]*(?:{endings})|[A-ZÄÖÜ][\w-]*er)"
            gen_ends = spec.get("genitive_endings", ())
            gen_end = "|".join(re.escape(e) for e in gen_ends)
            det = _ignore_case(dets)
            rest = (
                rf"\s+"
                rf"(?P<mods>(?:{modifier}\s+){{0,{max_mod}}})"
                rf"{_head_end_check(heads, gen_ends)}"
                rf"(?P<head>[\w-]*?(?P<stem>{_ignore_case(heads)})(?P<end>{gen_end})?)"
                rf"(?![\w-])"
            )
            table = {
                "dets": {d: set(g) for d, g in dets.items()},
                "gender_of": {h: g for g, hs in genders.items() for h in hs},
                "genitive_dets": set(spec.get("genitive_determiners", ())),
            }
            return _det_patterns(det, _by_first_character(dets, ignore_case=True), rest, table)
        heads = spec.get("heads", [])
        adjectives = spec.get("adjectives", [])
        # "[\w']++": what follows a hyphenated word ("Munich-based") is a space or a hyphen,
        # so giving back letters cannot help; re would try that at every letter
        modifier = (
            rf"(?:[A-Z][\w.]*,\s+[A-Z][\w.]*\s*-\s*\w+"  # "Redmond, Washington-based"
            rf"|[A-Z][\w.&'-]*|i[A-Z]\w*|[\w']++(?:-[\w']++)+|{_ignore_case(adjectives)})"
        )
        det = _alternation(dets)
        rest = (
            rf"\s+"
            rf"(?P<mods>(?:{modifier}\s*?(?:-\s*)?\s+){{0,{max_mod}}})"
            rf"(?P<head>(?P<stem>{_alternation(heads)}))(?![\w-])"
        )
        return _det_patterns(det, _by_first_character(dets), rest, {})

    # -- the component --------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        candidates: list[_Candidate] = []
        if self.legal is None:  # one matcher finds both
            known = self._matches(self.known, doc, text)
            legal = [m for m in known if m[0] == self.legal_key]
            known = [m for m in known if m[0] != self.legal_key]
        else:
            legal = self._matches(self.legal, doc, text)
            known = self._matches(self.known, doc, text)
        legal_hits = _longest_from_each_start(legal)
        context_starts = self._descriptor_starts(doc, text)
        confirmed: set[int] = set()
        pending: list[_Candidate] = []
        for key, s, e in known:
            entry = self.register.entries[self._entry_of_key[key]]
            cand = _Candidate(s, e, _KNOWN, entry)
            if self._person_before(doc, s):
                continue
            if e in legal_hits:
                cand.end = legal_hits[e]
                cand.extended = True
            written = _text(doc, text, s, e)
            if self._common_noun_use(doc, s, written):
                continue
            if written in self.ambiguous and cand.end == e and s not in context_starts:
                pending.append(cand)
                continue
            confirmed.add(id(entry))
            candidates.append(cand)
        for cand in pending:  # ambiguous spellings of a company named plainly elsewhere
            if id(cand.entry) in confirmed:
                candidates.append(cand)
        candidates.extend(self._legal_names(doc, legal_hits))
        candidates.extend(self._context_names(doc, context_starts))
        candidates.extend(self._apposition_names(doc))
        candidates.extend(self._compounds(doc, text))
        candidates.extend(self._model_names(doc))
        chosen = _select(candidates)
        chosen.extend(self._repeats(doc, chosen))
        chosen = _select(chosen)
        _complete_short_names(chosen)
        sents = _sentence_starts(doc)
        named: list[tuple[Span, _Mention]] = []
        for cand in chosen:
            span = Span(doc, cand.start, cand.end, label="ORG")
            mention = text[span.start_char : span.end_char]
            last = doc[cand.end - 1].text
            if last in self.period_variants or (
                len(last) > 1 and last.endswith(".") and last not in self.written_forms
                and cand.entry is None and cand.priority != _LEGAL and last[:-1].isalnum()
            ):  # "GmbH." or "KfW." at the end of a sentence: the period is the sentence's
                mention = mention[:-1]
                if cand.name and cand.name.endswith("."):
                    cand.name = cand.name[:-1]
            company = cand.company(mention)
            set_value(span, company)  # span._.value, without a span._ object per span
            governed = self._governed(doc, cand.start)
            named.append(
                (span, _Mention(cand.start, cand.end, company, governed,
                                _sent_of(sents, cand.start)))
            )
        named.sort(key=lambda item: item[1].start)
        mentions = [m for _, m in named]
        weights, first_seen = _weights(mentions, sents)
        main = _main_company(weights, first_seen)
        anaphora = self._anaphora_spans(doc, text, mentions, main, sents)
        if anaphora:
            # each resolved noun phrase counts 1 for its company; possessives do not
            for span, m in anaphora:
                name = m.company.name
                if name in weights and (
                    len(span) > 1 or m.company.mention not in self.possessives
                ):
                    weights[name] += 1.0
            main = _main_company(weights, first_seen)
        doc._.main_company = main
        doc.spans["companies"] = _select_spans(
            [span for span, _ in named], [span for span, _ in anaphora]
        )
        doc.user_data.pop(_SHADOW_KEY, None)
        doc.user_data.pop(_ORTHS_KEY, None)
        doc.user_data.pop(_POSITIONS_KEY, None)
        return doc

    # -- finders --------------------------------------------------------------------------
    def _person_before(self, doc: Doc, start: int) -> bool:
        if start == 0:
            return False
        prev = doc[start - 1].text
        return prev in self.first_names or prev in self.person_titles

    def _common_noun_use(self, doc: Doc, start: int, written: str) -> bool:
        """A name (``written``, from token ``start`` on) that is also a noun of the language,
        used as the noun: after an indefinite article ("eine Allianz") or an article and an
        adjective ("die neue Allianz")."""
        if start == 0 or written not in self.common_nouns:
            return False
        prev = doc[start - 1].text
        if prev.lower() in self.indefinites:
            return True
        return (
            start > 1
            and prev.islower()
            and prev.endswith(self.adjective_endings)
            and doc[start - 2].lower_ in self.articles
        )

    def _name_token(self, tok: Any) -> bool:
        t = tok.text
        if not t or t in self.stop_words or t in self.person_titles:
            return False
        first = t[0]
        return (first.isupper() or first.isdigit()) and any(c.isalpha() for c in t)

    def _descriptor_word(self, orth: int, strings: StringStore) -> bool:
        """``_is_descriptor`` of the word with hash ``orth``, kept per hash (at most
        ``_DESCRIPTOR_WORDS`` of them)."""
        if len(self._descriptor_words) >= _DESCRIPTOR_WORDS:
            self._descriptor_words.clear()  # bounded memory for long-running services
        known = self._descriptor_words[orth] = self._is_descriptor(strings[orth])
        return known

    def _is_descriptor(self, word: str) -> bool:
        low = strip_soft(word).lower()
        if low in self.descriptor_exceptions:
            return False
        return low.endswith(self.descriptor_ends)

    def _legal_names(self, doc: Doc, legal_hits: dict[int, int]) -> list[_Candidate]:
        found = []
        for s, e in legal_hits.items():
            form = doc[s:e].text
            weak = form in self.weak_forms
            i = s
            while i > 0 and s - i < 4:
                tok = doc[i - 1]
                if tok.text in _AMPERSANDS and i - 1 > 0 and self._name_token(doc[i - 2]):
                    i -= 1
                    continue
                if tok.text in self.name_heads:  # "Volksbank Oberland eG"
                    i -= 1
                    break
                if not self._name_token(tok) or (
                    self._is_descriptor(tok.text) and tok.text not in self.weak_forms
                ):
                    break
                if tok.text in self.strong_first:
                    break
                i -= 1
            if i == s or self._person_before(doc, i):
                continue
            name_text = doc[i:s].text
            if weak and (
                name_text in self.never or name_text in self.places
                or name_text in self.stop_words or doc[i].text in self.common_words
                or all(t.text in self.generic_name_words or t.text in self.weak_forms
                       for t in doc[i:s])
            ):
                continue
            full = doc[i:e].text
            if full in self.institutions or name_text in self.institutions:
                continue
            if doc[e - 1].text in self.period_variants:
                full = full[:-1]
            entry = self.register.entry(full, self.lang) or self.register.entry(
                name_text, self.lang
            )
            if entry is not None:
                found.append(_Candidate(i, e, _LEGAL, entry))
            else:
                found.append(_Candidate(i, e, _LEGAL, None, strip_legal_form(html.unescape(full))))
        return found

    def _descriptor_starts(self, doc: Doc, text: str) -> dict[int, bool]:
        """Token indices right after a company noun -> whether the noun is generic."""
        starts: dict[int, bool] = {}
        if not self.descriptor_ends or len(doc) < 2:
            return starts
        # cheap filter on the lexeme's last three characters (in numpy: turning a Doc's
        # hashes into Python ints costs more than the whole test), then the exact test on
        # the words left, and on the next token (not lower case, not punctuation)
        hits = numpy.flatnonzero(_isin(doc.to_array(SUFFIX)[:-1], self.descriptor_suffixes))
        strings = doc.vocab.strings
        known = self._descriptor_words
        for i, orth in zip(hits.tolist(), self._orths(doc)[hits].tolist()):
            descriptor = known.get(orth)  # most hits are words seen before
            if descriptor is None:
                descriptor = self._descriptor_word(orth, strings)
            if not descriptor:
                continue
            after = doc[i + 1]
            if after.is_lower or after.is_punct:
                continue
            word = strings[orth]
            generic = word.lower() in self.generic
            if generic and i > 0 and doc[i - 1].lower_ in self.name_dets:
                generic = False  # "der Konzern Tönnies": an apposition names the company
            starts[i + 1] = generic
        return starts

    def _matches(
        self, matcher: PhraseMatcher, doc: Doc, text: str
    ) -> list[tuple[int, int, int]]:
        """``matcher``'s matches in ``doc``. Crawled text ("Volks\u00adwagen" with a soft
        hyphen, "Johnson &amp; Johnson") is also matched as the normalisers read it (soft
        characters out, character references decoded), and those matches mapped back."""
        matches = matcher(doc)
        shadow = self._shadow(doc, text)
        if shadow is None:
            return matches
        clean_doc, starts, ends = shadow
        seen = set(matches)
        for key, s, e in matcher(clean_doc):
            first, last = clean_doc[s], clean_doc[e - 1]
            span = doc.char_span(starts[first.idx], ends[last.idx + len(last.text) - 1],
                                 alignment_mode="expand")
            if span is not None and (key, span.start, span.end) not in seen:
                seen.add((key, span.start, span.end))
                matches.append((key, span.start, span.end))
        return sorted(matches, key=lambda m: (m[1], -m[2]))

    def _shadow(self, doc: Doc, text: str) -> tuple[Doc, list[int], list[int]] | None:
        """The Doc of ``text`` as the normalisers read it (``plain_with_offsets``) and the
        offset maps back, made once per Doc; None when ``text`` is already plain."""
        cached = doc.user_data.get(_SHADOW_KEY)
        if cached is None:
            clean, starts, ends = plain_with_offsets(text)
            plain_text = starts is None or ends is None or not clean
            cached = False if plain_text else (self.tokenizer(clean), starts, ends)
            doc.user_data[_SHADOW_KEY] = cached
        return cached or None

    def _is_app_head(self, word: str) -> bool:
        low = word.lower()
        if self.app_compounds:  # German heads end compounds: "Softwareanbieter"
            return low.endswith(self.app_heads)
        return low in self.app_heads

    def _apposition_names(self, doc: Doc) -> list[_Candidate]:
        """Capitalised names followed by an apposition that says what they are ("Payvia,
        the London-based payments start-up, ...", "Vantaro, ein Münchner Softwareanbieter,")."""
        found: list[_Candidate] = []
        if not self.app_articles or not self.app_heads:
            return found
        n = len(doc)
        if n < 4:
            return found
        # the commas (not the first token, at least two before the end) before an article,
        # found in numpy rather than by reading every token
        orths = self._orths(doc)
        commas = numpy.flatnonzero(orths[1 : n - 2] == self.comma) + 1
        commas = commas[_isin(orths[commas + 1], self.app_article_hashes)]  # at commas only
        for c in commas.tolist():
            k, head = c + 2, None
            while k < min(n, c + 8):
                tok = doc[k]
                if tok.is_punct and tok.text != "-":
                    break
                if k + 2 < n and doc[k + 1].text == "-":  # "start-up" is three tokens
                    joined = tok.text + "-" + doc[k + 2].text
                    if self._is_app_head(joined):
                        head = k + 2
                        break
                if self._is_app_head(tok.text) and not (
                    k + 1 < n and doc[k + 1].text in ("'s", "’s", "'", "’")
                ):
                    head = k
                    break
                k += 1
            if head is None:
                continue
            start = c
            while start > 0 and c - start < 4 and self._name_token(doc[start - 1]):
                start -= 1
            if start == c:
                continue
            words = [t.text for t in doc[start:c]]
            if any(
                w in self.stop_words or w in self.places or w in self.never
                or w in self.common_words for w in words
            ) or words[0] in self.first_names or (len(words) == 1 and words[0].endswith("ly")):
                continue
            if self._person_before(doc, start):
                continue
            name = doc[start:c].text
            entry = self.register.entry(name, self.lang)
            found.append(_Candidate(start, c, _CONTEXT, entry, name))
        return found

    def _context_names(self, doc: Doc, starts: dict[int, bool]) -> list[_Candidate]:
        found = []
        for start, generic in starts.items():
            end = start
            while end < len(doc) and end - start < 3 and self._name_token(doc[end]):
                if end > start and self._is_descriptor(doc[end].text):
                    break
                end += 1
            if end == start:
                continue
            first = doc[start].text
            if (
                first in self.first_names or first in self.places or first in self.never
                or first in self.common_words
            ):
                continue
            name_text = doc[start:end].text
            if name_text in self.never or name_text in self.places:
                continue
            entry = self.register.entry(name_text, self.lang)
            if entry is not None:
                found.append(_Candidate(start, end, _CONTEXT, entry))
                continue
            if generic and not self._looks_like_name(doc, start, end):
                continue
            if self.noun_endings and first.lower().endswith(self.noun_endings):
                continue  # "plant der Konzern Investitionen"
            end = self._trim_nouns(doc, start, end)
            name_text = doc[start:end].text
            if doc[start - 1].text in self.name_heads:  # "Volksbank Oberland"
                start -= 1
                name_text = doc[start:end].text
            found.append(_Candidate(start, end, _CONTEXT, None, name_text))
        return found

    def _trim_nouns(self, doc: Doc, start: int, end: int) -> int:
        """Drop trailing words of a name that are common nouns ("Tesla Aktien")."""
        while end - start > 1:
            word = doc[end - 1].text
            if word in self.weak_forms or word in self.legal_first:
                break
            if word in self.common_words or (
                self.noun_endings and word.lower().endswith(self.noun_endings)
            ):
                end -= 1
                continue
            break
        return end

    def _looks_like_name(self, doc: Doc, start: int, end: int) -> bool:
        """An unknown word after a bare company noun: inner capitals/digits, or used as a
        name mid-sentence elsewhere in the text."""
        word = doc[start].text
        if any(c.isupper() or c.isdigit() for c in word[1:]):
            return True
        if self.lang != "de":
            return True
        for i in self._positions(doc, doc[start].orth):
            if i != start and i > 0 and not doc[i].is_sent_start:
                if doc[i - 1].lower_ not in self.articles_lower:
                    return True
        return False

    @staticmethod
    def _orths(doc: Doc) -> numpy.ndarray:
        """The ORTH hashes of ``doc``'s tokens (``doc.to_array``), read once per Doc: token
        positions are found in it without a Token object per word."""
        orths = doc.user_data.get(_ORTHS_KEY)
        if orths is None:
            orths = doc.user_data[_ORTHS_KEY] = doc.to_array(ORTH)
        return orths

    @classmethod
    def _positions(cls, doc: Doc, orth: int) -> Iterator[int]:
        """The positions of the tokens with hash ``orth`` in ``doc``, in order. The hashes
        are sorted once per Doc, so each word is a binary search; positions come one at a
        time, as callers mostly stop at the first (a text repeating one word many times
        must not cost the square of its length)."""
        index = doc.user_data.get(_POSITIONS_KEY)
        if index is None:
            orths = cls._orths(doc)
            order = numpy.argsort(orths, kind="stable")  # positions of a hash stay in order
            index = doc.user_data[_POSITIONS_KEY] = (orths[order], order.tolist())
        hashes, order = index
        first = int(numpy.searchsorted(hashes, orth, side="left"))
        last = int(numpy.searchsorted(hashes, orth, side="right"))
        return (order[j] for j in range(first, last))

    def _compounds(self, doc: Doc, text: str) -> list[_Candidate]:
        found = []
        if self.compound_re is not None:
            for m in self.compound_re.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None or len(span) != 1:
                    continue
                name = self.compound_name.match(span.text)
                if name is None:
                    continue
                head = name.group(1)
                if head in self.compound_exceptions or head in self.never:
                    continue
                entry = self.register.entry(head, self.lang)
                if entry is None and span.end < len(doc) and self._name_token(doc[span.end]) \
                        and doc[span.end].text not in self.stop_words:
                    continue  # "die Lagertechnik-Gruppe Brandauer AG": a noun before the name
                found.append(_Candidate(span.start, span.end, _CONTEXT, entry, head))
        if self.group_re is not None:
            for m in _standalone(self.group_re, text, _WORD):
                name = m.group(1).strip()
                if name in self.stop_words or name in self.places or name in self.never:
                    continue
                if re.search(r"-[a-z]", name):
                    continue  # "the Munich-based group" is a phrase about a company
                span = doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
                if span is None:
                    continue
                entry = self.register.entry(name, self.lang) or self.register.entry(
                    f"{name} Group", self.lang
                )
                found.append(_Candidate(span.start, span.end, _CONTEXT, entry, name))
        return found

    def _model_names(self, doc: Doc) -> list[_Candidate]:
        found = []
        for ent in doc.ents:
            if ent.label_ not in self.model_labels:
                continue
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ in ("the", "der", "die", "das"):
                start += 1
            if start == end:
                continue
            text = doc[start:end].text
            if (
                text in self.never or text in self.places or text in self.stop_words
                or text in self.common_words
                or doc[start].text in self.first_names or not text[:1].isupper()
                or self._person_before(doc, start)
            ):
                continue
            entry = self.register.entry(text, self.lang)
            found.append(_Candidate(start, end, _MODEL, entry, strip_legal_form(text)))
        return found

    def _repeats(self, doc: Doc, chosen: list[_Candidate]) -> list[_Candidate]:
        """Further occurrences of unknown names found by patterns ("Leoni" again)."""
        names: dict[str, list[tuple[tuple[str, ...], _Candidate]]] = {}
        for cand in chosen:
            if cand.entry is not None or cand.priority == _KNOWN:
                continue
            words = tuple(t.text for t in doc[cand.start : cand.end])
            variants = [words]
            if cand.priority == _LEGAL:  # "Bramwell Bank plc" -> also "Bramwell Bank", "Bramwell"
                n = len(words)
                while n > 1 and (
                    words[n - 1] in self.legal_first or words[n - 1] in (*_AMPERSANDS, "Co.", "KG")
                ):
                    n -= 1
                variants = [words[:n]]
                head = words[0]
                if n > 1 and self._name_token(doc[cand.start]) and not (
                    head in self.generic_name_words or head in self.common_words
                    or head in self.first_names or head in self.places or head in self.never
                    or head in self.name_heads or self._is_descriptor(head)
                ):
                    variants.append((head,))
            for words in variants:
                if words and " ".join(words) not in self.stop_words:
                    names.setdefault(words[0], []).append((words, cand))
        if not names:
            return []
        found = []
        # one candidate per spelling, longest first (a text repeating one name would sort
        # a list as long as the text at every occurrence)
        ordered: dict[str, list[tuple[tuple[str, ...], _Candidate]]] = {}
        for first, items in names.items():
            unique = {words: cand for words, cand in reversed(items)}
            ordered[first] = sorted(unique.items(), key=lambda item: -len(item[0]))
        strings = doc.vocab.strings
        hashes = _hashes(strings, names)
        for i in numpy.flatnonzero(_isin(self._orths(doc), hashes)).tolist():
            for words, cand in ordered[doc[i].text]:
                end = i + len(words)
                if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words:
                    found.append(_Candidate(i, end, _REPEAT, cand.entry, cand.name))
                    break
        return found

    # -- anaphora --------------------------------------------------------------------------
    def _anaphora_spans(
        self, doc: Doc, text: str, named: list[_Mention], main: Company | None, sents: list[int]
    ) -> list[tuple[Span, _Mention]]:
        """The resolved anaphora of ``doc`` (``named``: its company names, in order)."""
        if not named:
            return []
        named_starts = {s.start for s in named}
        named_tokens = {i for s in named for i in range(s.start, s.end)}
        found: list[tuple[Span, str | None]] = []  # (span, modifiers); None: possessive
        if self.anaphor_re is not None:
            found_phrases = (
                _standalone(self.anaphor_re, text) if self.anaphor_parts is None
                else _standalone_any(self.anaphor_parts, text)
            )
            for m in found_phrases:
                if not self._agrees(m):
                    continue
                # labelled here: a resolved phrase is kept as this span
                span = doc.char_span(
                    m.start(), m.end(), label="ANAPHOR", alignment_mode="expand"
                )
                if span is None or span.end in named_starts:
                    continue  # "der Konzern Siemens": the noun introduces a name
                if any(i in named_tokens for i in range(span.start, span.end)):
                    continue  # "die Commerzbank" is a name, not a phrase about one
                if self.lang == "en" and span.end < len(doc) and self._name_token(doc[span.end]):
                    continue  # "the company Acme Corp."
                found.append((span, m.group("mods") or ""))
        if self.possessive_re is not None:
            found_words = (
                _standalone(self.possessive_re, text) if self.possessive_parts is None
                else _standalone_any(self.possessive_parts, text)
            )
            for m in found_words:
                span = doc.char_span(m.start(), m.end(), label="ANAPHOR")
                if span is not None:
                    found.append((span, None))
        found.sort(key=lambda item: item[0].start)
        known = list(named)
        out: list[tuple[Span, _Mention]] = []
        for span, mods in found:
            if mods is None:
                target = self._resolve_possessive(doc, span.start, known, sents)
            else:
                target = self._resolve(span, known, main, mods, sents)
            if target is None:
                continue
            written = text[span.start_char : span.end_char]
            company = self._anaphor_value(target, written)
            set_value(span, company)
            mention = _Mention(span.start, span.end, company, self._governed(doc, span.start),
                               _sent_of(sents, span.start))
            out.append((span, mention))
            if mods is not None:  # "der Konzern" later refers back through this one
                insort(known, mention, key=_start)  # known stays in order of start
        return out

    def _anaphor_value(self, target: Company, written: str) -> Company:
        """``target.model_copy(update={"mention": written})``, kept per distinct copy (at
        most ``_ANAPHOR_VALUES`` of them): values are frozen, and a copy costs several times
        the lookup."""
        key = (target.name, target.ticker, target.isin, frozenset(target.model_fields_set),
               written)
        value = self._anaphor_values.get(key)
        if value is None:
            if len(self._anaphor_values) >= _ANAPHOR_VALUES:
                self._anaphor_values.clear()  # bounded memory for long-running services
            value = self._anaphor_values[key] = target.model_copy(update={"mention": written})
        return value

    def _agrees(self, m: re.Match[str]) -> bool:
        """German: the determiner fits the head's gender, and only "des" takes the
        genitive ending ("des Konzerns"; not "die Unternehmen", a plural)."""
        table = self.anaphor_genders
        if not table:
            return True
        det = m.group("det").lower()
        stem = m.group("stem").lower()
        gender = table["gender_of"].get(stem)
        if gender is None or gender not in table["dets"].get(det, ()):
            return False
        ending = m.group("end")
        if ending and det not in table["genitive_dets"]:
            return False
        if det in table["genitive_dets"] and gender != "feminine" and not ending:
            return False
        return True

    def _hq_city(self, mods: str) -> str | None:
        for word in mods.split():
            word = word.strip()
            if word in self.demonyms:
                return self.demonyms[word]
        if self.based_suffix:
            m = re.search(rf"([A-Z][\w.]*)\s*-\s*{re.escape(self.based_suffix)}\b", mods)
            if m:
                return m.group(1)
        return None

    def _resolve(
        self, span: Span, named: list[_Mention], main: Company | None, mods: str,
        sents: list[int],
    ) -> Company | None:
        start = span.start
        before = [s for s in named if s.end <= start]
        city = self._hq_city(mods or "")
        if city:  # "the Munich-based group": the company with that headquarters
            for cand in reversed(before or named):
                entry = self.register.by_name(cand.company.name)
                if entry is not None and entry.headquarters and city in entry.headquarters:
                    return cand.company
        if before and before[-1].end == start - 1 and span.doc[start - 1].text in ",(–—":
            return before[-1].company  # apposition: "Microsoft, the software giant"
        if not before:
            return main
        here = _sent_of(sents, start)
        nearest = before[-1].sent
        if here - nearest > 3:
            return main
        # the first company of that sentence (in this one, or the nearest earlier one) that
        # is not the object of a preposition ("... an die Nordlicht GmbH")
        in_sent = [s for s in before if s.sent == nearest]
        subject = next((s for s in in_sent if not s.governed), in_sent[0])
        return subject.company

    def _governed(self, doc: Doc, start: int) -> bool:
        """Whether a preposition (skipping one article) stands right before token ``start``."""
        if start < 1:
            return False
        word = doc[start - 1].lower_  # one Token per word read
        if word in self.articles_lower:
            if start < 2:
                return False
            word = doc[start - 2].lower_
        return word in self.role_preps

    def _resolve_possessive(
        self, doc: Doc, i: int, spans: list[_Mention], sents: list[int]
    ) -> Company | None:
        here = _sent_of(sents, i)
        before = [s for s in spans if s.end <= i and s.sent == here]  # spans: in start order
        if not before:
            return None
        for j in range(before[0].end, i - 1):  # ", der die Sparte mit ihren ...": not ours
            if doc[j].text == "," and doc[j + 1].lower_ in self.relative_pronouns:
                return None
        return before[0].company


def _weights(
    named: list[_Mention], sents: list[int]
) -> tuple[dict[str, float], dict[str, _Mention]]:
    """The weight of each company a text names (``named``, in order) and its first mention,
    for ``_main_company``: a mention counts 1 (0.5 as the object of a preposition), +1 in the
    first sentence (the headline), +0.5 as the first company of its sentence. Each resolved
    noun-phrase anaphor adds 1 to its company later."""
    scores: dict[str, float] = {}
    first_seen: dict[str, _Mention] = {}
    if not named:
        return scores, first_seen
    first_sent_end = sents[1] if len(sents) > 1 else named[-1].end
    last_sent = -1
    for mention in named:
        name = mention.company.name
        first_seen.setdefault(name, mention)
        score = 0.5 if mention.governed else 1.0
        if mention.start < first_sent_end:
            score += 1.0
        sent = mention.sent
        if sent != last_sent and not mention.governed:  # the first company of its sentence
            last_sent = sent
            score += 0.5
        scores[name] = scores.get(name, 0.0) + score
    return scores, first_seen


def _main_company(scores: dict[str, float], first_seen: dict[str, _Mention]) -> Company | None:
    """The company with the most weight (``_weights``); ties go to the earlier company."""
    if not scores:
        return None
    best = max(scores, key=lambda n: (scores[n], -first_seen[n].start))
    return first_seen[best].company


def _text(doc: Doc, text: str, start: int, end: int) -> str:
    """``doc[start:end].text`` cut from the Doc's ``text``: a Span joins it from Token
    objects, which costs several times more."""
    if end <= start:
        return ""
    last = doc[end - 1]
    return text[doc[start].idx : last.idx + len(last)]


def _sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start (one sentence when none are set)."""
    if len(doc) == 0:
        return [0]
    starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    return starts if starts and starts[0] == 0 else [0, *starts]


def _sent_of(starts: list[int], i: int) -> int:
    return bisect_right(starts, i) - 1


def _start(mention: _Mention) -> int:
    return mention.start


def _legal_variants(forms: list[str]) -> list[tuple[str, bool]]:
    """Legal forms as written and in capitals ("INC."), each also with a sentence-final
    period that the tokenizer may keep on the word ("GmbH."); True marks an added period."""
    out: dict[str, bool] = {}
    for form in forms:
        for variant in (form, form.upper()):
            out.setdefault(variant, False)
            if not variant.endswith(".") and variant[-1:].isalpha():
                out.setdefault(variant + ".", True)
    return list(out.items())


def _hashes(strings: StringStore, words: Iterable[str]) -> numpy.ndarray:
    """The sorted hashes of ``words`` (added to ``strings``), for ``_isin``."""
    return numpy.array(sorted({strings.add(w) for w in words}), dtype="uint64")


def _isin(values: numpy.ndarray, hashes: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(values, hashes)`` for sorted ``hashes``: one binary search per value
    instead of the sort of both arrays that ``isin`` makes."""
    if not len(hashes):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(hashes, values), len(hashes) - 1)
    return hashes[at] == values


def _longest_from_each_start(matches: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    best: dict[int, int] = {}
    for _, s, e in matches:
        if e > best.get(s, -1):
            best[s] = e
    return best


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: stronger evidence first, then longer, then earlier."""
    taken: set[int] = set()
    chosen = []
    for cand in sorted(
        candidates, key=lambda c: (c.priority, c.start - c.end, c.extended, c.start)
    ):
        cells = range(cand.start, cand.end)
        if not taken.isdisjoint(cells):
            continue
        taken.update(cells)
        chosen.append(cand)
    return chosen


def _select_spans(named: list[Span], anaphora: list[Span]) -> list[Span]:
    """Named spans (which do not overlap) win over anaphora, longer anaphora over shorter
    ones; the result is sorted and non-overlapping."""
    taken = {i for span in named for i in range(span.start, span.end)}
    chosen = list(named)
    for span in sorted(anaphora, key=lambda s: (s.start - s.end, s.start)):
        cells = range(span.start, span.end)
        if not taken.isdisjoint(cells):
            continue
        taken.update(cells)
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


@Language.factory(
    "eventx_companies",
    default_config={"model_labels": ["ORG"]},
)
def make_companies(nlp: Language, name: str, model_labels: list[str]) -> CompanyFinder:
    """Factory of the company component. ``model_labels``: entity labels of a statistical
    model earlier in the pipeline that are taken as company candidates."""
    return CompanyFinder(nlp, name, model_labels=model_labels)
