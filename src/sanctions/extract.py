"""Rule-based extraction of sanctions measures from news text.

The pipeline is a chain of small pure functions over frozen tables:

1. ``scan``: one pass over the lower-cased text finds anchor words ("sanction", "freez",
   "swift", ...); a text without any costs little more than that pass.
2. ``triggers``: in sentences holding an anchor, the rules enabled by those anchors run and
   overlapping matches are settled by weight, then length.
3. ``status``: cue words before and after a trigger decide imposed / announced / threatened /
   lifted, or rule it out (negation, commentary on effects, questions).
4. ``roles``: actor mentions in the sentence become issuers (subjects, possessors of the measure,
   by-agents, speakers) or targets (objects of "on/against/to", demonyms before banks or goods);
   what a sentence leaves out comes from the document's context.
5. ``measures``: one `Measure` per distinct (issuer, target, type, status), in document order.

>>> from sanctions import extract
>>> [(m.issuer.code, m.target.code, m.type.value, m.status.value)
...  for m in extract("Canada froze the assets of nine Belarusian officials on Monday.")]
[('CAN', 'BLR', 'asset_freeze', 'imposed')]
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ._literals import WORD_START, folds_to_ascii, required, starts
from ._parallel import check_processes, chunked, ordered_map, worker_extractor
from .actors import ActorTable, AliasKind
from .codes import actor_kind
from .errors import DocumentTooLargeError
from .model import Evidence, Issuer, Measure, MeasureRef, Sanction, Target
from .rules import Cues, Rule, RuleSet
from .scan import Scanner, make_scanner
from .text import resolve_date, sentences
from .vocabulary import MeasureType, Status, TargetKind, status_class

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Extractor",
    "Record",
    "extract",
    "extract_many",
    "extract_sanctions",
]

#: Texts longer than this raise `DocumentTooLargeError` unless the extractor is told otherwise.
DEFAULT_MAX_CHARS = 20_000_000

#: A record for `extract_many`: a text, or a mapping with ``text`` and optional ``published``,
#: ``source`` and ``id``.
Record = str | Mapping[str, object]

_STATUS_ORDER = ("negation", "imposed", "lifted", "threatened", "announced")
_WORD = re.compile(r"[\w'’.-]+")
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[—–]\s|\s-\s|\((?=[^)]*$)|,\s+(?:while|whereas|but|although|though|however|"
    r"meanwhile|which|who|and\s+(?=it|they|he|she|the\s+\w+\s+(?:said|says)))\s|"
    r"\s(?:but|while|whereas|before|until|unless|once|because)\s"
)
_COORD = re.compile(
    r"^(?:\s*,\s*|\s*,?\s*(?:and|or|as\s+well\s+as|plus|&)\s+)(?:the\s+)?"
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:(?:\w+\s+){0,2}(?:countries|members|member\s+states|states|nations)\s+of\s+(?:the\s+)?)?$"
)
# A verb right before a mention makes it an object, not the subject: "stripped Russia of".
_OBJECT_OF_VERB = re.compile(
    r"\b(?:\w+ed|hit|hits|cut|cuts|put|puts|urge[sd]?|told|tells|asked|asks|left|let|bars|"
    r"suspend|suspends|expel|expels|isolate|isolates|punish|punishes|penali[sz]es?|"
    r"blacklists?|designates?|lists|bar|ban|warn|warns|"
    r"bans|targets|punish\w*|pressur\w*|sanction\w*|accus\w*|join|joins|follow|follows)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FOLLOWED = re.compile(
    r"(?:'s|’s)?\s+(?:\w+\s+){0,2}?(?:has\s+|have\s+|had\s+)?(?:follow\w*|join\w*)\s+(?:the\s+)?(?:lead\s+of\s+)?",
    re.IGNORECASE,
)
_JOINING = re.compile(
    r"\b(?:join\w*|along\s+with|together\s+with|in\s+step\s+with|alongside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"\b(?:follow\w*|join\w*|along\s+with|like|as\s+did|together\s+with|in\s+step\s+with|with)\s+$"
)
# A trigger that starts with a measure noun is lifted like a noun-form one ("scrapped the curbs").
_BAN_NOUN = re.compile(
    r"(?:bans?|restrictions?|curbs?|embargo\w*|prohibitions?|sanctions?|tariffs?|duties|freezes?|"
    r"controls|limits?|caps?|ceilings?|frozen)\b",
    re.IGNORECASE,
)
# An object right after a verb-form trigger ("sanctioned Turkey", "expelled two Russian").
_CLOSE_OBJECT = re.compile(r"\s+(?:(?:the|its|their|a|an|\w+)\s+){0,2}$")
_PREP_PHRASE = re.compile(
    r"\b(?:on|against|to|targeting|from|with|at|bound\s+for|destined\s+for)\s+"
    r"(?:(?!what\b|which\b|who\b|whom\b|whose\b)"
    r"(?:the|its|their|all|some|certain|major|more|several|\d[\d,]*|[a-z]+)\s+){1,3}$"
)
# "hit Russia with sanctions", "subjected Iran to an embargo"; not "urged Canada to take steps",
# where the one urged is to act
_WITH_MEASURE = re.compile(
    r"(?:'s|’s)?\s+(?:with|under|to(?!\s+(?:take|impose|adopt|slap|levy|place|put|introduce|"
    r"consider|approve|apply|announce|agree|join|follow|step\s+up|tighten|expand)\b))"
    r"\s+(?:[\w-]+\s+){0,4}$"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_HEAD_COORD = re.compile(
    r"^\s+[\w-]+(?:\s+[\w-]+)?(?:,[^,;]{1,40},)?\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|\d+)\s+)?$"
)
_SUBORDINATE = re.compile(r"\s(?:before|until|unless|once|because)\s$", re.IGNORECASE)
_MEETING_PLACE = re.compile(
    r"\b(?:meet\w*|met|gather\w*|summit|talks|conference|held|hosted|speaking|convened|assembled)"
    r"\s+(?:on\s+\w+\s+)?in\s+$",
    re.IGNORECASE,
)
_PARTNER = re.compile(
    r"\b(?:coordinated|in\s+coordination|together|jointly|alongside|in\s+concert|in\s+step|"
    r"in\s+lockstep|in\s+tandem|agreed)\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ELLIPSIS = re.compile(
    r"\b(?:done|do|doing|does|did)\s+(?:so|the\s+same|likewise)\b|\bfollow\w*\s+suit\b|"
    r"\b(?:a|the)\s+(?:similar|same)\s+(?:step|move|measure)\b",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(r"\b(?:and|or|plus|as\s+well\s+as)\b|&")
_GOVERNS = re.compile(
    r"\b(?:demand\w*|urg\w*|call\w*\s+(?:on|for)|ask\w*|want\w*|press\w*|push\w*(?:\s+for)?|"
    r"told|tell\w*|threaten\w*|expect\w*|hop\w*|consider\w*|weigh\w*|insist\w*|propos\w*|"
    r"suggest\w*|recommend\w*|appeal\w*\s+to|(?:would|could|may|might)\s+(?:let|allow|enable|permit))"
    r"\s+(?:that\s+)?(?:(?:the|every|all|any|its|their|new|more|further|tougher)\s+)?"
    r"(?:(?-i:[A-Z][\w.]*)\s+){0,2}$",
    re.IGNORECASE,
)
_FROM_ISSUER = re.compile(r"^\s+from\s+(?:the\s+)?$")
# A mention followed by its "face" verb: "Damascus could face", "Tehran would pay".
_FACER = re.compile(
    r"(?:'s|’s)?\s+(?:that\s+it\s+|it\s+)?(?:(?:could|would|will|may|might|must|now|also|still|then|"
    r"therefore|soon|risks?|stands?|is|are)\s+){0,3}(?:to\s+)?(?:fac(?:e|es|ed|ing)|suffer\w*|pay)\b",
    re.IGNORECASE,
)
_FACE_VERB = re.compile(r"\b(?:fac(?:e|es|ed|ing)|risk(?:s|ed|ing)?)\b", re.IGNORECASE)
_MEMBER_HEAD = re.compile(
    r"(?:'s|’s)?\s+(?:ally|allies|member|members|member\s+states|partner|partners|countries|"
    r"states|nations|capitals|governments)\b",
    re.IGNORECASE,
)
_DETERMINER_ONLY = re.compile(r"\s*(?:the|its|their|a|an|this|that|those|these)?\s*$")
_ADJACENT = re.compile(
    r"(?:'s|’s|')?\s*(?:(?:own|new|fresh|latest|existing|\w+(?:-\w+)+|"
    r"[$€£]?\d[\w.,]*(?:-\w+)*)\s+)?$"
)
_BARRED_FROM = re.compile(
    r"(?:-\w+)?(?:\s+\w+)?(?:\s+and\s+[\w.-]+(?:\s+\w+)?)?\s+from\s+(?:doing|dealing|providing|offering|investing|"
    r"covering|trading|working|buying|selling|financing|insuring)\b",
    re.IGNORECASE,
)
_OWNER_BEFORE = re.compile(r"(?:\b(?:its|their|his|her|our)|'s|’s)\s+$", re.IGNORECASE)
_AVERTED = re.compile(
    r"\b(?:avoid\w*|avert\w*|prevent\w*|stav\w*\s+off|head\w*\s+off)\s+(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
_SUCH_AS = re.compile(r",?\s+(?:such\s+as|including|like)\s+", re.IGNORECASE)
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
_PLAN_OF = re.compile(
    r"(?:'s|’s)?\s+(?:(?:administration|government)(?:'s|’s)?\s+)?(?:[\w-]+\s+){0,1}?"
    r"(?:plans?|proposals?|decision|bid|push|threats?|move|efforts?|drive|campaign)\s+to\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(r"\w+ed\b")
# "seventeen officials are now under a travel ban": a report of a measure in force
_BEING_UNDER = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|stays?|stayed|been|came|come|comes|fell|falls?)\s+"
    r"(?:now\s+|already\s+|still\s+)?under\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_WARNED = re.compile(r"\b(?:warn\w*|told|tells?|caution\w*)\s+$", re.IGNORECASE)
_THAT_AFTER = re.compile(r"\s+that\b", re.IGNORECASE)
_HAVE_THEIR = re.compile(
    r"\b(?:have|has|had|having)\s+(?:all\s+)?(?:their|its|his|her)\s+$", re.IGNORECASE
)
_PASSIVE_CLAUSE = re.compile(
    # "talks are frozen", but not "is prepared to impose": that subject acts
    r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+\s+){0,2}?\w+(?:ed|en)\b(?!\s+to\b)",
    re.IGNORECASE,
)
_PLACE_TYPES = frozenset(
    {MeasureType.TRAVEL_BAN, MeasureType.AIRSPACE_CLOSURE, MeasureType.PORT_BAN}
)
_ENTRY_PLACE = re.compile(
    r"\b(?:entry\s+(?:to|into)|entering|enter|travel\w*\s+to|into|landing\s+in|visiting)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# Evidence stops where another item or clause begins: "expelled four diplomats, and Beijing".
_LIST_BREAK = re.compile(r"[,;]|\s(?:and|but|while)\s")
# A name used as a modifier of a lower-case noun: "U.S. defence firms", "Iran oil".
_ATTRIBUTIVE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:firms|companies|banks|lenders|oil|gas|"
    r"goods|products|exports|imports|entities|individuals|vessels|ships|airlines|"
    r"carriers|oligarchs|businessmen|tankers)\b"
)
_ADOPTS = re.compile(
    r"\b(?:adopt\w*|join\w*|align\w*\s+(?:itself\s+)?with|mirror\w*|match\w*|cop(?:y|ied|ies)|"
    r"implement\w*|appl(?:y|ied|ies)|transpos\w*)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where a sentence goes on to another statement: "..., and said they were ready to ...".
_NEXT_STATEMENT = re.compile(
    r";|,\s+(?:and|but)\s+(?:[\w.]+\s+){0,2}(?:said|says|added|warned|told)\b|"
    r",\s+(?:adding|saying|noting|stressing|insisting|though|although)\b|,\s+and\s+that\b|"
    r"\band\s+(?:said|says|added|warned)\b",
    re.IGNORECASE,
)
# A lift verb whose object is described by a relative clause: "end the restrictions that cut
# its banks off from SWIFT and froze the central bank's assets" lifts what the clause lists.
_LIFT_RELATIVE = re.compile(
    r"\b(?:lift\w*|eas(?:e|ed|es|ing)|relax\w*|loosen\w*|remov\w*|scrap\w*|drop\w*|end(?:s|ed|ing)?|"
    r"rescind\w*|repeal\w*|revok\w*|roll\w*\s+back|unwind\w*|waiv\w*)\s+"
    r"(?:(?:the|its|their|all|some|most|those|several|many)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:sanctions|restrictions|measures|curbs|bans|prohibitions|penalties|rules|controls|limits)\s+"
    r"(?:that|which)\b",
    re.IGNORECASE,
)
# Between two measures of a sentence, words that start a new statement about the same parties.
_NEW_STATEMENT = re.compile(
    r",\s+(?:warning|adding|saying|threatening|and\s+(?:warned|threatened|said))\b", re.IGNORECASE
)
_CONDITION = re.compile(r"\b(?:if|unless|until|as\s+long\s+as)\b", re.IGNORECASE)
_PLACE_HEAD = re.compile(
    r"(?:'s|’s)?\s+(?:airspace|skies|airports|ports|territory|territorial\s+waters|waters|soil)\b",
    re.IGNORECASE,
)
_HELD_IN = re.compile(
    r"\b(?:assets|reserves|funds|property|properties|holdings|accounts|money|wealth)\s+"
    r"(?:(?:held|frozen|parked|kept|located|stored|sitting)\s+)?in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ANSWERED = re.compile(
    r"\b(?:respond\w*|retaliat\w*|react\w*|repl(?:y|ied|ies)|answer\w*|hit\w*\s+back)\s+"
    r"(?:to|against|for)\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+\s+){0,2}$",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\bpart\s+of\s+(?:(?:the|its|their|a|an)\s+)?$", re.IGNORECASE)
# "urged Washington to end ...": the object of the demand is the subject of what follows.
_TO_VERB = re.compile(r"\s+to\s")
_OVER = re.compile(r"\bover\s+(?:the\s+)?$", re.IGNORECASE)
_REASON_ZONE_BEFORE = re.compile(r"\b(?:over|amid|since)\s+(?:the\s+)?$", re.IGNORECASE)
_HYPHEN_MODIFIER = re.compile(r"-[a-z]")
_REASON_ZONE = re.compile(
    r"\b(?:over|after|because\s+of|due\s+to|in\s+response\s+to|in\s+retaliation\s+for|following|"
    r"amid|for\s+(?=\w+ing\b|its\b|their\b|his\b|her\b|the\s+(?:war|invasion|attack|crackdown))|"
    r"since|as(?!\s+(?:well|part|a\s+result|of))|because|if|unless|until|whether)\b",
    re.IGNORECASE,
)
_POSSESSIVE_HEAD = re.compile(r"^(?:’s|'s|')\s+((?:[\w-]+\s+){0,3})")
_INDIVIDUAL = re.compile(
    r"\b(?:individuals?|persons?|people|officials?|oligarchs?|businessm[ae]n|businesspeople|"
    r"president|prime\s+minister|minister|leaders?|generals?|commanders?|officers|elites?|"
    r"politicians|lawmakers|wife|husband|relatives|family|families|chief|executives?|judges|"
    r"sons?|daughters?|members|figures|advisers|nationals?\s+(?=close)|head)\b",
    re.IGNORECASE,
)
_ENTITY = re.compile(
    r"\b(?:banks?|lenders?|compan(?:y|ies)|firms?|entities|organi[sz]ations?|groups?|"
    r"broadcasters?|outlets?|channels?|producers?|affiliates?|vessels?|tankers?|ships|"
    r"carriers?|enterprises|corporations?|funds?|institutions|agenc(?:y|ies)|"
    r"subsidiaries|conglomerates?|exchanges?|refiners?|refineries|end\s+users|giant|Corps)\b",
    re.IGNORECASE,
)
_SECTOR = re.compile(
    r"\b(?:sectors?|industry|industries|(?:energy|banking|financial|defen[cs]e|oil\s+and\s+gas|"
    r"mining|shipping|technology)\s+(?:sector|industry|companies))\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"\b(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|dozens?|hundreds?)\s+(?:(?:more|other|new|additional|"
    r"current|former|senior|top|and|of)\s+){0,3}(?:[A-Z][\w-]*\s+){0,2}(?:\w+\s+)?"
    r"(?:individuals|persons|people|officials|oligarchs|entities|companies|firms|banks|lenders|"
    r"organi[sz]ations|businessmen|vessels|tankers|affiliates|generals|members)\b"
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Actor:
    """An actor mention in a sentence, with offsets relative to the document."""

    start: int
    end: int
    code: str
    kind: AliasKind | None  # None for anaphors ("the bloc")
    possessive: bool
    text: str


@dataclass(frozen=True, slots=True)
class _Trigger:
    rule: Rule
    start: int
    end: int


@dataclass(slots=True)
class _Context:
    """What the document says around a sentence: its latest issuers and targets, its focus.

    Every lookup costs time bounded by the number of distinct actors, not by the length of
    the document, so a long text stays linear.
    """

    #: Every mention in the document: its most named state is the article's focus.
    mentions: list[_Actor] = field(default_factory=list)
    #: Mentions that name a cause ("over the invasion of Ukraine"), by identity.
    causes: set[int] = field(default_factory=set)
    #: Mentions that stand as a subject of a verb, in document order.
    subjects: list[_Actor] = field(default_factory=list)
    #: Targets seen so far, each once, the latest last.
    targets: dict[str, None] = field(default_factory=dict)
    #: How often each issuer was named explicitly, in order of first naming.
    issuer_counts: dict[str, int] = field(default_factory=dict)
    #: States by how often the document names them (causes aside), then by first mention.
    ranking: list[str] = field(default_factory=list)
    #: Subject codes in order of first appearance, each once.
    actors_first: list[str] = field(default_factory=list)
    #: For each party hit by a measure so far, the latest issuer that hit it.
    hit_by: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        counts: dict[str, int] = {}
        for mention in self.mentions:
            if id(mention) in self.causes:
                continue  # "over Ukraine": a cause, not the article's focus
            if actor_kind(mention.code).value == "state":
                counts[mention.code] = counts.get(mention.code, 0) + 1
        order = {code: position for position, code in enumerate(counts)}
        self.ranking = sorted(counts, key=lambda code: (-counts[code], order[code]))
        self.actors_first = list(dict.fromkeys(m.code for m in self.subjects))

    def note(self, issuers: Iterable[str], targets: Iterable[str | None]) -> None:
        """Record the parties of a measure just found."""
        for code in issuers:
            self.issuer_counts[code] = self.issuer_counts.get(code, 0) + 1
        issuers = list(issuers)
        for target in targets:
            if target is not None:
                self.targets.pop(target, None)
                self.targets[target] = None
                for code in issuers:
                    if code != target:
                        self.hit_by[target] = code

    def focus_target(self, issuers: Iterable[str]) -> str | None:
        """The latest target of another measure, else the state the document names most."""
        exclude = set(issuers)
        for code in reversed(self.targets):
            if code not in exclude:
                return code
        return next((code for code in self.ranking if code not in exclude), None)

    def focus_issuer(self, targets: Iterable[str]) -> str | None:
        """The issuer named most often so far (of equals, the first), else the first actor."""
        exclude = set(targets)
        # the issuer named most often so far; of equals, the one named first (the lead's)
        seen = [code for code in self.issuer_counts if code not in exclude]
        if seen:
            first = {code: position for position, code in enumerate(self.issuer_counts)}
            return max(seen, key=lambda code: (self.issuer_counts[code], -first[code]))
        # Nothing issued yet: the first party the article shows acting ("The Arab League is
        # piling pressure on ...").
        return next((code for code in self.actors_first if code not in exclude), None)


@dataclass(frozen=True, slots=True)
class _Found:
    """A measure before it becomes a `Measure`: the data, plus where it came from."""

    type: MeasureType
    status: Status
    issuer: str
    target: str | None
    kind: TargetKind
    count: int | None
    start: int
    end: int
    sentence: int
    date: dt.date | None
    response: bool


class Extractor:
    """The configurable object behind `extract`: rules, actor table and limits.

    Arguments:
        rules: the trigger rules and cues (default: the package tables).
        actors: the actor table (default: the package tables).
        extra_patterns: user pattern tables (YAML, the format of ``data/patterns.yaml``).
        extra_actors: user actor tables (YAML, the format of ``data/actors/*.yaml``).
        max_chars: texts longer than this raise `DocumentTooLargeError`.

    Usage::

        extractor = Extractor(extra_actors=[Path("my_aliases.yaml")])
        measures = extractor.extract(text, published="2022-03-22")

    """

    def __init__(
        self,
        rules: RuleSet | None = None,
        actors: ActorTable | None = None,
        *,
        extra_patterns: Iterable[Path] = (),
        extra_actors: Iterable[Path] = (),
        max_chars: int = DEFAULT_MAX_CHARS,
        compiled_scanner: bool = True,
    ) -> None:
        extra_patterns = tuple(extra_patterns)
        extra_actors = tuple(extra_actors)
        # How to build this extractor again in another process (see `__reduce__`): only an
        # extractor made from files can be, since the table objects do not pickle.
        self._recipe = (
            (extra_patterns, extra_actors, max_chars, compiled_scanner)
            if rules is None and actors is None
            else None
        )
        if rules is None:
            rules = RuleSet.load(extra_patterns=extra_patterns) if extra_patterns else _rules()
        elif extra_patterns:
            raise TypeError("pass either rules or extra_patterns, not both")
        if actors is None:
            actors = ActorTable.default()
        if extra_actors:
            actors = ActorTable.from_files(*extra_actors, base=actors)
        if not isinstance(max_chars, int) or max_chars <= 0:
            raise TypeError(f"max_chars must be a positive int, got {max_chars!r}")
        self.rules = rules
        self.actors = actors
        self.max_chars = max_chars
        # A rule also needs other words than its anchor ("froze" and "assets"): for each rule,
        # clauses of lower-case strings every match holds one of (see `sanctions._literals`).
        # They are scanned for in the same pass as the anchors, so a sentence where a rule's
        # anchor wakes it but its other words are missing costs no regex search.
        # Clauses with a word found in most sentences ("from", "new") would only cost scan hits.
        self._needs = tuple(
            tuple(c for c in required(rule.regex, min_length=3) if not _common(c))
            if rule.regex.flags & re.IGNORECASE
            else ()
            for rule in rules.rules
        )
        # And where every match starts with one of a few words, the regex is only tried there.
        self._starts = tuple(
            first
            if rule.regex.flags & re.IGNORECASE
            and (first := starts(rule.regex, min_length=3)) is not None
            and not _common(first)
            else None
            for rule in rules.rules
        )
        self._anchors = frozenset(rules.anchors)
        words = {w.lstrip(WORD_START) for clauses in self._needs for c in clauses for w in c}
        words.update(w.lstrip(WORD_START) for first in self._starts if first for w in first)
        self._scanner: Scanner = make_scanner(
            self._anchors | words, prefer_compiled=compiled_scanner
        )
        # The anaphor regexes are case-sensitive: their clauses are looked up in the text.
        self._anaphor_needs = tuple(
            tuple(
                frozenset(word.lstrip(WORD_START) for word in clause)
                for clause in required(anaphor.regex, min_length=2)
            )
            for anaphor in rules.cues.anaphors
        )

    # -- public API ---------------------------------------------------------------------------
    def extract(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> list[Measure]:
        """Every measure ``text`` states, in document order (see `sanctions.extract`)."""
        text = _check_text(text)
        day = _check_published(published)
        if source is not None and not isinstance(source, str):
            raise TypeError(f"source must be a str or None, not {type(source).__name__}")
        if len(text) > self.max_chars:
            raise DocumentTooLargeError(
                f"text has {len(text):,} characters, more than max_chars={self.max_chars:,}; "
                "split it or raise the limit with Extractor(max_chars=...)"
            )
        plain, positions = _squeeze_spaces(text)
        found = self._find(plain, day)
        if positions is not None:
            found = [_map_back(item, positions) for item in found]
        return _to_measures(text, found, day, source)

    def extract_sanctions(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
    ) -> list[Sanction]:
        """The measures of ``text`` grouped per issuer and target (see `Sanction.group`)."""
        return Sanction.group(self.extract(text, published=published, source=source))

    def extract_many(
        self, records: Iterable[Record], *, processes: int | None = 1
    ) -> Iterator[Measure]:
        """Lazily extract from many records; see `sanctions.extract_many`."""
        if isinstance(records, (str, bytes, Mapping)):
            raise TypeError(
                "extract_many takes an iterable of texts or records; "
                "for a single text use extract()"
            )
        count = check_processes(processes)
        if count == 1:
            return self._extract_records(enumerate(records))
        self.__reduce__()  # an extractor that cannot go to the workers fails here, not later
        return self._extract_in_workers(records, count)

    def __reduce__(self) -> tuple[Callable[..., Extractor], tuple[object, ...]]:
        """Pickle as the recipe the extractor was built from; loading compiles it again.

        This is how `extract_many` hands the extractor to its worker processes. An extractor
        built from ``rules=`` or ``actors=`` objects raises ``TypeError``: build it from files
        (``extra_patterns=``, ``extra_actors=``) to use it in other processes.
        """
        if self._recipe is None:
            raise TypeError(
                "an Extractor built from rules= or actors= objects cannot be sent to other "
                "processes; build it with extra_patterns= and extra_actors= files instead"
            )
        return _rebuild, self._recipe

    def _extract_records(self, numbered: Iterable[tuple[int, Record]]) -> Iterator[Measure]:
        """The measures of records numbered by their place in the input (for error messages)."""
        for number, record in numbered:
            text, published, source = _unpack(record, number)
            yield from self.extract(text, published=published, source=source)

    def _extract_in_workers(self, records: Iterable[Record], processes: int) -> Iterator[Measure]:
        for found, error in ordered_map(
            _extract_chunk, chunked(enumerate(records)), processes, self
        ):
            yield from found
            if error is not None:
                raise error

    # -- pipeline -----------------------------------------------------------------------------
    def _find(self, text: str, day: dt.date | None) -> list[_Found]:
        lower = _lower(text)
        scanned = self._scanner.find(lower)
        anchors = self._anchors
        # Anchors start words: "port" in "report" or "sale" in "wholesale" enables nothing.
        hits = [
            (position, key)
            for position, key in scanned
            if key in anchors and (position == 0 or not lower[position - 1].isalnum())
        ]
        if not hits:
            return []
        needs: tuple[tuple[frozenset[str], ...], ...] | None = self._needs
        words: list[tuple[int, str]] = []
        if folds_to_ascii(lower):
            needs = None  # the long s matches (?i)s but stays itself: run every woken rule
        else:
            words = _words(text, scanned)
            # The whole text first: a rule whose other words the text lacks runs nowhere.
            present = {word for _, word in words}
            by_anchor = self.rules.anchors
            woken = {index for _, anchor in hits for index in by_anchor[anchor]}
            runnable = {index for index in woken if _satisfied(self._needs[index], present)}
            if not runnable:
                return []
            # An anchor whose rules can run nowhere in the text need not mark its sentence.
            hits = [hit for hit in hits if not runnable.isdisjoint(by_anchor[hit[1]])]
        spans = sentences(text)
        rules_by_sentence = _rules_by_sentence(hits, spans, self.rules, words, needs)
        if not rules_by_sentence:
            return []
        if needs is None:
            triggers = {
                index: found
                for index, rule_ids in rules_by_sentence.items()
                if (found := _triggers(text, spans[index], rule_ids, self.rules))
            }
        else:
            positions = [position for position, _ in words]
            triggers = {}
            for index, rule_ids in rules_by_sentence.items():
                start, end = spans[index]
                inside = words[bisect_left(positions, start) : bisect_left(positions, end)]
                matched = _triggers(text, (start, end), rule_ids, self.rules, inside, self._starts)
                if matched:
                    triggers[index] = matched
        if not triggers:
            return []
        mentions = self._mentions(text, day)
        cues = self.rules.cues
        causes = {
            id(m)
            for m in mentions
            if _is_reason(text, m, max(0, m.start - 30), cues)
            or _REASON_ZONE_BEFORE.search(text, max(0, m.start - 12), m.start)
            or _MEETING_PLACE.search(text, max(0, m.start - 30), m.start)  # "gathered in Rome"
        }
        subjects = [
            m
            for m in mentions
            if id(m) not in causes
            and m.kind not in (AliasKind.DEMONYM, AliasKind.ENTITY)
            and _SUBJECT.match(text, m.end)
            and not _OBJECT_OF_VERB.search(text, max(0, m.start - 30), m.start)
        ]
        context = _Context(mentions=mentions, causes=causes, subjects=subjects)
        results: list[_Found] = []
        cursor = 0
        for index, (start, end) in enumerate(spans):
            sentence_mentions = []
            while cursor < len(mentions) and mentions[cursor].start < end:
                if mentions[cursor].start >= start:
                    sentence_mentions.append(mentions[cursor])
                cursor += 1
            if index in triggers and not text[start:end].rstrip("\"'”’ )").endswith("?"):
                results += _sentence_measures(
                    text, index, (start, end), triggers[index], sentence_mentions, context,
                    self.rules.cues, day,
                )  # fmt: skip
        return _ellipses(text, spans, mentions, causes, results, cues) if results else results

    def _mentions(self, text: str, day: dt.date | None) -> list[_Actor]:
        actors = [
            _Actor(m.start, m.end, m.code, m.kind, m.possessive, m.text)
            for m in self.actors.find(text, on=day)
        ]
        found = sorted(
            (
                (match.start(), index, match)
                for index, anaphor in enumerate(self.rules.cues.anaphors)
                # "the bloc" cannot occur in a text without "bloc": skip the regex there.
                if all(
                    any(word in text for word in clause) for clause in self._anaphor_needs[index]
                )
                for match in anaphor.regex.finditer(text)
            ),
            key=lambda item: (item[0], item[1]),
        )
        # One sweep in text order: the latest bloc or state mentioned so far, overall and by
        # the last word of its name ("the Council" is the latest "... Council ..." bloc).
        anaphors: list[_Actor] = []
        latest: dict[str, _Actor] = {}
        latest_named: dict[tuple[str, str], _Actor] = {}
        cursor = 0
        for start, index, match in found:
            while cursor < len(actors) and actors[cursor].end <= start:
                actor = actors[cursor]
                kind = actor_kind(actor.code).value
                latest[kind] = actor
                for word in actor.text.lower().split():
                    latest_named[(kind, word)] = actor
                cursor += 1
            if cursor < len(actors) and actors[cursor].start <= start:
                continue  # inside an actor's own name
            anaphor = self.rules.cues.anaphors[index]
            head = match.group().split()[-1].lower()
            chosen = latest_named.get((anaphor.kind, head)) or latest.get(anaphor.kind)
            code = chosen.code if chosen is not None else anaphor.default
            if code is not None:
                possessive = text.startswith(("'s", "’s"), match.end())
                anaphors.append(
                    _Actor(match.start(), match.end(), code, None, possessive, match.group())
                )
        merged = sorted(actors + anaphors, key=lambda a: (a.start, -a.end))
        out: list[_Actor] = []
        for actor in merged:
            if out and actor.start < out[-1].end:
                continue
            out.append(actor)
        return out


# -- module-level API -------------------------------------------------------------------------
@cache
def _rules() -> RuleSet:
    return RuleSet.load()


@cache
def _default() -> Extractor:
    return Extractor()


def _rebuild(
    extra_patterns: tuple[Path, ...],
    extra_actors: tuple[Path, ...],
    max_chars: int,
    compiled_scanner: bool,
) -> Extractor:
    """An extractor from its recipe (see `Extractor.__reduce__`).

    A new object each time, so that a copy is never the shared default; the compiled tables
    behind it are cached per process, so only the first one in a process costs time.
    """
    return Extractor(
        extra_patterns=extra_patterns,
        extra_actors=extra_actors,
        max_chars=max_chars,
        compiled_scanner=compiled_scanner,
    )


def _extract_chunk(
    chunk: list[tuple[int, Record]],
) -> tuple[list[Measure], Exception | None]:
    """In a worker process: the measures of numbered records, up to the first that fails."""
    found: list[Measure] = []
    try:
        for measure in worker_extractor()._extract_records(chunk):
            found.append(measure)
    except Exception as exc:  # raised again by the parent, in its place in the order
        return found, exc
    return found, None


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
) -> list[Measure]:
    """Every sanctions measure that ``text`` states, in document order.

    One `Measure` per distinct (issuer, target, type, status), carrying the evidence of its
    first mention; ``evidence.text == text[evidence.start:evidence.end]`` always holds.
    ``published`` (a date or ISO string) anchors weekday and month references and dated leader
    names ("Kishida" in 2022); ``source`` is copied onto every measure.

    Raises ``TypeError`` for a text that is not a str (decode bytes first) and
    `DocumentTooLargeError` past the extractor's ``max_chars``. An empty text gives ``[]``.

    >>> [m.type.value for m in extract("Britain banned imports of Russian vodka.")]
    ['import_ban']
    """
    return _default().extract(text, published=published, source=source)


def extract_sanctions(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
) -> list[Sanction]:
    """The measures of ``text`` grouped into one `Sanction` per issuer and target."""
    return _default().extract_sanctions(text, published=published, source=source)


def extract_many(
    records: Iterable[Record],
    *,
    extractor: Extractor | None = None,
    processes: int | None = 1,
) -> Iterator[Measure]:
    """Lazily extract measures from an iterable of texts or records.

    A record is a str, or a mapping with ``text`` and optional ``published``, ``source`` and
    ``id`` (``source`` defaults to ``id``). Records are read one at a time, so a generator over
    a huge file never sits in memory whole. A record that is not a str or a mapping with a str
    ``text`` raises ``TypeError`` naming its position.

    ``processes`` spreads the work over that many worker processes (None: one per usable
    core); the measures come out in the same order as with one. Records are sent to the
    workers in chunks of 32, at most two chunks per worker ahead of the reader, so memory
    stays flat; they must pickle (texts, dicts of str and dates do). Workers are started with
    ``spawn``, so a script using them keeps its top-level code under
    ``if __name__ == "__main__":``. An ``extractor`` is sent to each worker once, as the files
    it was built from (see `Extractor.__reduce__`).
    """
    return (extractor or _default()).extract_many(records, processes=processes)


# -- helpers ----------------------------------------------------------------------------------
_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def _squeeze_spaces(text: str) -> tuple[str, list[int] | None]:
    """``text`` with each run of spaces, tabs and no-break spaces read as one space.

    The rules measure their windows in characters, so "asset  freeze" or a tab must read as
    "asset freeze". Returns the squeezed text and, when it differs, the offset in ``text`` of
    each of its characters (plus one past the end); line breaks are kept as they are.
    """
    # Substring tests run at memchr speed; the regex only runs on a text that needs it.
    if "  " not in text and "\t" not in text and "\u00a0" not in text:
        return text, None
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for match in _SPACE_RUN.finditer(text):
        pieces.append(text[last : match.start()])
        positions.extend(range(last, match.start()))
        pieces.append(" ")
        positions.append(match.start())
        last = match.end()
    pieces.append(text[last:])
    positions.extend(range(last, len(text)))
    positions.append(len(text))
    return "".join(pieces), positions


def _map_back(item: _Found, positions: list[int]) -> _Found:
    """A measure found in squeezed text, with its evidence span in the original text."""
    start = positions[item.start]
    end = positions[item.end - 1] + 1 if item.end > item.start else start
    return dataclasses.replace(item, start=start, end=end)


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one, so its offsets are those of ``text``.

    "İ" lower-cases to two characters; such a character is kept as it is.
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "extract() takes a str, not bytes; decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"extract() takes a str, not {type(text).__name__}")


def _check_published(published: object) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            raise ValueError(
                f"published must be an ISO date (YYYY-MM-DD), got {published!r}"
            ) from None
    raise TypeError(
        f"published must be a date, an ISO date string or None, not {type(published).__name__}"
    )


def _unpack(record: object, number: int) -> tuple[str, dt.date | str | None, str | None]:
    if isinstance(record, str):
        return record, None, None
    if isinstance(record, Mapping):
        text = record.get("text")
        if not isinstance(text, str):
            raise TypeError(f"record {number}: 'text' must be a str, not {type(text).__name__}")
        published = record.get("published")
        try:
            _check_published(published)
        except TypeError:
            raise TypeError(
                f"record {number}: 'published' must be a date, an ISO date string or None, "
                f"not {type(published).__name__}"
            ) from None
        except ValueError:
            raise ValueError(
                f"record {number}: 'published' must be an ISO date (YYYY-MM-DD), got {published!r}"
            ) from None
        source = record.get("source") or record.get("id")
        if source is not None and not isinstance(source, str):
            source = str(source)
        return text, published, source
    raise TypeError(f"record {number}: expected a str or a mapping, not {type(record).__name__}")


def _rules_by_sentence(
    hits: list[tuple[int, str]],
    spans: list[tuple[int, int]],
    rules: RuleSet,
    words: list[tuple[int, str]] | None = None,
    needs: tuple[tuple[frozenset[str], ...], ...] | None = None,
) -> dict[int, set[int]]:
    """For each sentence that holds an anchor, the indexes of the rules its anchors enable.

    With ``words`` (every scanned string by start, see `_words`) and ``needs`` (each rule's
    clauses, see `sanctions._literals.required`), a rule is kept only where the sentence also
    holds a string of each of its clauses: elsewhere its regex cannot match.
    """
    out: dict[int, set[int]] = {}
    index = 0
    for position, anchor in hits:
        while index < len(spans) and spans[index][1] <= position:
            index += 1
        if index == len(spans):
            break
        if position >= spans[index][0]:
            out.setdefault(index, set()).update(rules.anchors[anchor])
    if words is None or needs is None or not out:
        return out
    starts = [position for position, _ in words]
    kept: dict[int, set[int]] = {}
    for index, rule_ids in out.items():
        start, end = spans[index]
        present = {word for _, word in words[bisect_left(starts, start) : bisect_left(starts, end)]}
        runnable = {i for i in rule_ids if _satisfied(needs[i], present)}
        if runnable:
            kept[index] = runnable
    return kept


# Words too common to be worth a scan hit each: a clause or start set with one is not used.
_COMMON_WORDS = frozenset([
    "all", "and", "any", "are", "but", "for", "from", "had", "has", "have", "her", "him", "his",
    "its", "new", "not", "off", "one", "out", "the", "them", "they", "this", "was", "were",
    "will", "with",
])  # fmt: skip


def _common(strings: Iterable[str]) -> bool:
    return any(s.lstrip(WORD_START) in _COMMON_WORDS for s in strings)


def _words(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    r"""Each scanned string by start, and again marked with `WORD_START` where it starts a word.

    A string starts a word where ``\b`` before it would match: the character before it is
    not a word character (the string itself starts with one, or it would not be marked).
    """
    words = []
    for position, key in found:
        words.append((position, key))
        if position == 0 or not ((before := text[position - 1]).isalnum() or before == "_"):
            words.append((position, WORD_START + key))
    return words


def _satisfied(clauses: tuple[frozenset[str], ...], present: set[str]) -> bool:
    """Whether ``present`` holds a string of each clause."""
    return all(not clause.isdisjoint(present) for clause in clauses)


def _triggers(
    text: str,
    span: tuple[int, int],
    rule_ids: set[int],
    rules: RuleSet,
    words: list[tuple[int, str]] | None = None,
    firsts: tuple[frozenset[str] | None, ...] | None = None,
) -> list[_Trigger]:
    """The matches of the rules in ``span``, overlaps settled.

    With ``words`` (the scanned strings that start in the sentence, see `_words`) and
    ``firsts`` (each rule's `sanctions._literals.starts`, or None), a rule whose matches all
    start with one of a few strings is tried only where one of them starts, which finds what
    ``finditer`` finds: the leftmost match, then the leftmost from its end on.
    """
    start, end = span
    found = []
    for i in sorted(rule_ids):
        rule = rules.rules[i]
        first = firsts[i] if firsts is not None else None
        if words is None or first is None:
            found += [
                _Trigger(rule, m.start(), m.end()) for m in rule.regex.finditer(text, start, end)
            ]
            continue
        resume = start
        for position, word in words:
            if position >= end:
                break
            if position < resume or word not in first:
                continue
            match = rule.regex.match(text, position, end)
            if match is not None:
                found.append(_Trigger(rule, match.start(), match.end()))
                resume = match.end()
    # Overlaps: the higher weight wins, then the longer match; never rule order.
    found.sort(key=lambda t: (-t.rule.weight, -(t.end - t.start), t.start, t.rule.name))
    kept: list[_Trigger] = []
    for trigger in found:
        clash = any(
            trigger.start < k.end and k.start < trigger.end
            and (k.rule.type != trigger.rule.type or k.rule.weight >= trigger.rule.weight)
            for k in kept
        )  # fmt: skip
        if not clash:
            kept.append(trigger)
    kept.sort(key=lambda t: t.start)
    return kept


def _clause_start(text: str, sent_start: int, position: int) -> int:
    last = sent_start
    for match in _CLAUSE_BREAK.finditer(text, sent_start, position):
        last = match.end()
    return last


def _clause_end(text: str, position: int, sent_end: int) -> int:
    match = _CLAUSE_BREAK.search(text, position, sent_end)
    return match.start() if match else sent_end


def _last_words(fragment: str, count: int) -> str:
    words = list(_WORD.finditer(fragment))
    if len(words) <= count:
        return fragment
    return fragment[words[-count].start() :]


def _first_words(fragment: str, count: int) -> str:
    words = list(_WORD.finditer(fragment))
    if len(words) <= count:
        return fragment
    return fragment[: words[count - 1].end()]


def _start(match: re.Match[str]) -> int:
    return match.start()


def _status(
    text: str,
    sentence: tuple[int, int],
    trigger: _Trigger,
    cues: Cues,
    subject_start: int | None = None,
    actors: Sequence[_Actor] = (),
) -> Status | None:
    """The trigger's status from the cues around it; None when negated or only commentary.

    Cues count between the start of the trigger's clause (or its issuer, when the issuer is
    named before it: a fronted "Demanding a ceasefire, the Council banned ..." does not make
    the ban a demand) and the trigger, plus a few words after it ("were lifted", "if ...").
    The nearest cue wins; negation anywhere in that stretch rules the trigger out.
    """
    clause = _clause_start(text, sentence[0], trigger.start)
    clause_left = _last_words(text[clause : trigger.start], cues.left_words + 4)
    governed = False
    whole_clause = clause
    if subject_start is not None and clause <= subject_start < trigger.start:
        # "demanded that Russia drop ...", "urged Washington to end ...": the subject's own
        # clause is governed by a demand.
        governed = bool(_GOVERNS.search(text, clause, subject_start))
        clause = subject_start
    left = _last_words(text[clause : trigger.start], cues.left_words)
    example = _SUCH_AS.search(text, whole_clause, trigger.start)
    if example is not None:
        # "the toughest steps sought by Washington, such as a ban on oil imports": the items
        # of a list share the status of the noun they exemplify
        head = _last_words(text[whole_clause : example.start()], cues.left_words)
        left = head + " " + text[example.end() : trigger.start]
    first_word = _WORD.match(text, trigger.start)
    modal_left = left + (first_word.group() if first_word else "")
    right = _first_words(
        text[trigger.end : _clause_end(text, trigger.end, sentence[1])], cues.right_words
    )
    if _ANSWERED.search(left):
        # "said it would respond to the seizure of its assets": the modal is the response's;
        # the measure answered is one in force
        return Status.IMPOSED
    if trigger.rule.form == "noun":
        near_left = _last_words(text[sentence[0] : trigger.start], 4)
        # "evading sanctions" is talk; "breaching the G7 price cap on Russian oil" still
        # reports a measure, named with its owner and its target
        if cues.commentary_right.search(right) and not cues.status["lifted"].left.search(near_left):
            return None  # but "scrapping the sanctions programme" ends it
        if cues.commentary_left.search(near_left) and not _BEING_UNDER.search(
            _last_words(text[sentence[0] : trigger.start], 7)
        ):
            if not _owned_and_aimed(text, trigger, actors, cues):
                return None
            return Status.IMPOSED  # the status words around it belong to the talk
    negation = cues.status["negation"]
    right_long = _first_words(
        text[trigger.end : _clause_end(text, trigger.end, sentence[1])], cues.right_words * 2
    )
    condition = _CONDITION.search(right_long)
    if condition:  # "... if the president was not released": those words are the condition's
        right_long = right_long[: condition.start()]
        right = right[: condition.start()]
    if negation.left.search(clause_left) or negation.right.search(right_long):
        return None  # a negation scopes over the rest of its clause: "failed to agree on sanctions"
    noun_like = trigger.rule.form == "noun" or bool(_BAN_NOUN.match(text, trigger.start))
    found: dict[str, tuple[int, int]] = {}  # name -> (distance to the trigger, start of the cue)
    for name in _STATUS_ORDER[1:]:
        status_cues = cues.status[name]
        # conditions ("..., unless Ankara changes course") may come a long way after a trigger,
        # past the clause that holds it
        after = text[trigger.end : min(sentence[1], trigger.end + 200)]
        other = _NEXT_STATEMENT.search(after)
        after = after[: other.start()] if other else after
        if status_cues.right.search(after if name == "threatened" else right):
            found[name] = (0, len(left))
            continue
        if name == "lifted" and not noun_like:
            # "lifting the ban on trading": a lift verb right before a verb-form trigger.
            direct = status_cues.left.search(left[-30:])
            if direct and _DETERMINER_ONLY.match(left[-30:], direct.end()):
                found[name] = (0, len(left))
            continue
        window = modal_left if name in ("announced", "threatened") else left
        if name == "lifted":
            # a cue may run on into the trigger ("end its arms embargo", "coming off the
            # list"), but must start before it
            window = left + text[trigger.start : trigger.end]
        for match in status_cues.left.finditer(window):
            if name == "lifted" and match.start() >= len(left):
                break
            distance = max(0, len(left) - match.end())
            if name not in found or distance < found[name][0]:
                found[name] = (distance, match.start())
    lift = max(_LIFT_RELATIVE.finditer(text, clause, trigger.start), key=_start, default=None)
    if lift is not None:
        between = text[lift.end() : trigger.start]
        if not any(cues.status[n].left.search(between) for n in ("threatened", "announced")):
            found["lifted"] = (0, len(left))
    if "lifted" in found and _AVERTED.search(clause_left):
        del found["lifted"]  # "only just avoided letting its sanctions lapse": still in force
    if governed:
        found["threatened"] = (0, 0)
    if not found:
        name = "imposed"
    else:
        name = min(found, key=lambda n: (found[n][0], _STATUS_ORDER.index(n)))
    # A demand before a plan scopes over it ("urged ... to drop any plans to"); a cue inside
    # the same phrase does not ("getting ready to").
    if (
        name == "announced"
        and "threatened" in found
        and found["threatened"][1] < found["announced"][1]
        and found["threatened"][0] > found["announced"][0] + 4
    ):
        name = "threatened"
    if trigger.rule.status is not None and name in ("imposed", "announced"):
        return trigger.rule.status
    return Status(name)


def _after(text: str, actor: _Actor, size: int = 40) -> str:
    return text[actor.end : actor.end + size]


def _before(text: str, actor: _Actor, floor: int, size: int = 30) -> str:
    return text[max(floor, actor.start - size) : actor.start]


def _head_after(text: str, actor: _Actor) -> str:
    """The words right after a mention, skipping a possessive suffix."""
    rest = _after(text, actor, 60)
    match = _POSSESSIVE_HEAD.match(rest)
    return rest[match.end(0) - len(match.group(1)) :] if match else rest


def _is_reason(text: str, actor: _Actor, floor: int, cues: Cues) -> bool:
    before = _before(text, actor, floor)
    if cues.reason_preps.search(before) or cues.reason_objects.search(before):
        return True
    return bool(actor.possessive and cues.reason_heads.match(_head_after(text, actor)))


def _coordinated(text: str, actors: list[_Actor], first: int, step: int) -> list[_Actor]:
    """The mention at ``first`` and those coordinated with it ("Russia and Belarus")."""
    group = [actors[first]]
    conjunction = False
    index = first + step
    while 0 <= index < len(actors):
        if actors[index].kind is AliasKind.ENTITY and 0 <= index + step < len(actors):
            # "Three Russian banks, Sberbank among them, and one Belarusian bank": an entity
            # named in an aside between two coordinated demonyms is passed over
            ends = (group[-1], actors[index + step])
            prev, cur = ends if step > 0 else ends[::-1]
            if prev.kind is cur.kind is AliasKind.DEMONYM and _HEAD_COORD.match(
                text[prev.end : cur.start]
            ):
                index += step
                continue
        prev, cur = (group[-1], actors[index]) if step > 0 else (actors[index], group[-1])
        between = text[prev.end : cur.start]
        if prev.possessive:
            between = re.sub(r"^(?:'s|’s|')", "", between)
        if not _COORD.match(between) and not (
            # "three Russian banks and one Belarusian bank": two demonyms, each with its head
            prev.kind is AliasKind.DEMONYM
            and cur.kind is AliasKind.DEMONYM
            and _HEAD_COORD.match(between)
        ):
            break
        conjunction = conjunction or "," not in between or bool(_CONJUNCTION.search(between))
        group.append(actors[index])
        index += step
    # Commas alone do not make a list: "Citing the invasion of Ukraine, the EU ...".
    return group if conjunction else group[:1]


def _roles(
    text: str,
    sentence: tuple[int, int],
    trigger: _Trigger,
    actors: list[_Actor],
    cues: Cues,
) -> tuple[list[str], list[str], int | None]:
    """Issuer and target codes for a trigger, and where its issuer is named before it."""
    clause_start = _clause_start(text, sentence[0], trigger.start)
    clause_end = _clause_end(text, trigger.end, sentence[1])
    targets: list[_Actor] = []
    issuers: list[_Actor] = []
    used: set[int] = set()

    # Targets after the trigger (or inside it): objects of on/against/to, demonyms, possessors.
    after = [
        (i, a) for i, a in enumerate(actors)
        if a.start >= trigger.start and a.start < clause_end
    ]  # fmt: skip
    zone = _REASON_ZONE.search(text, trigger.end, clause_end)
    if zone and trigger.rule.type is MeasureType.AIRSPACE_CLOSURE and zone.group() == "over":
        zone = None  # "flights over Libya": the place flown over is the target
    reason_from = zone.start() if zone else clause_end
    for i, actor in after:
        if actor.start >= trigger.end + 160 or actor.start >= reason_from:
            break
        head = _head_after(text, actor)
        before = _before(text, actor, sentence[0])
        if cues.issuer_heads.match(head) or (
            cues.issuer_preps.search(before) and not _names_target(text, actor, cues)
        ):
            continue
        if _from_issuer(text, trigger, actor):
            continue  # "sanctions from Ottawa": the issuer, not the target
        if _PARTNER.search(before):
            continue  # "sanctions coordinated with Europe": a partner, not the target
        if _speaker(text, actor, cues, sentence[0]):
            continue
        if _BARRED_FROM.match(text, actor.end):
            continue  # "bars Americans from doing business with ...": the issuer's own people
        flown_over = trigger.rule.type is MeasureType.AIRSPACE_CLOSURE and _OVER.search(before)
        if _is_reason(text, actor, sentence[0], cues) and not flown_over:
            continue
        if actor.kind is AliasKind.LEADER and not cues.target_preps.search(before):
            continue
        related = (
            actor.start < trigger.end
            or cues.target_preps.search(before)
            or _PREP_PHRASE.search(before)
            or _names_target(text, actor, cues)
            or _CLOSE_OBJECT.match(text, trigger.end, actor.start)
        )
        if not related:
            continue  # "a statement issued in Brussels": not what the measure is aimed at
        if _MEMBER_HEAD.match(text, actor.end):
            continue  # "the NATO ally", "EU states": a description, not the target
        targets = _coordinated(text, actors, i, +1)
        break

    # Targets before the trigger: "Russian aircraft will be barred", "Iran's assets were frozen".
    before_trigger = [
        (i, a) for i, a in enumerate(actors) if a.end <= trigger.start and a.start >= clause_start
    ]
    if not targets and trigger.rule.form == "noun":
        # "its Russia sanctions", "Washington's Iran sanctions": a state named between an
        # owner and the measure is what the measure is aimed at
        aimed = [
            i
            for i, a in before_trigger
            if a.kind in (AliasKind.NAME, AliasKind.CAPITAL)
            and not a.possessive
            and _ADJACENT.match(text, a.end, trigger.start)
            and _OWNER_BEFORE.search(text, max(sentence[0], a.start - 40), a.start)
        ]
        if aimed:
            targets = [actors[aimed[-1]]]
    if not targets and trigger.rule.form == "noun":
        # "warned Moscow that ... it is prepared to impose further costs": the one warned
        warned = [
            i
            for i, a in enumerate(actors)
            if sentence[0] <= a.start
            and a.end <= clause_start
            and _WARNED.search(text, max(sentence[0], a.start - 25), a.start)
            and _THAT_AFTER.match(text, a.end)
        ]
        if warned:
            targets = [actors[warned[-1]]]
    have_their = not targets and bool(_HAVE_THEIR.search(text, clause_start, trigger.start))
    if have_their:
        # "six of them, including Qadafi himself, will have their assets frozen": those who
        # have their assets frozen are the target, named anywhere before in the sentence.
        owners = [
            i
            for i, a in enumerate(actors)
            if sentence[0] <= a.start and a.end <= trigger.start and not a.possessive
        ]
        if owners:
            targets = _coordinated(text, actors, owners[-1], -1)
    face = (
        _FACE_VERB.search(text, clause_start, trigger.start)
        if trigger.rule.form == "noun"
        else None
    )
    if not targets and face is not None:
        # "Iran must halt enrichment or face sanctions": the nearest party before the verb.
        facing = [
            i
            for i, a in before_trigger
            if a.end <= face.start()
            and not a.possessive
            and not _THAT.search(text, a.end, face.start())  # "X added that anyone could face"
            and not _is_reason(text, a, sentence[0], cues)
            and not cues.target_preps.search(_before(text, a, sentence[0]))
            and not cues.issuer_heads.match(_head_after(text, a))
        ]
        if facing:
            targets = _coordinated(text, actors, facing[-1], -1)
    if not targets:
        for i, actor in reversed(before_trigger):
            if _is_reason(text, actor, sentence[0], cues):
                continue
            # "Russian banks were cut off", or the object of "hit Russia with sanctions".
            object_of_verb = (
                trigger.rule.form == "noun"
                and actor.kind is not AliasKind.LEADER
                and _OBJECT_OF_VERB.search(_before(text, actor, sentence[0]))
                and _WITH_MEASURE.match(text, actor.end, trigger.start)
            )
            faces = trigger.rule.form == "noun" and _FACER.match(text, actor.end)
            if _names_target(text, actor, cues) or object_of_verb or faces:
                targets = _coordinated(text, actors, i, -1)
                break
    used = {id(a) for a in targets}
    if have_their:
        used |= {id(a) for a in actors if a.code in {t.code for t in targets}}

    # Issuers: a mention right before the trigger names its owner ("the UN blacklist",
    # "U.S. sanctions"); else the nearest mention before it that is not a target or a reason.
    adjacent = [
        (i, a) for i, a in before_trigger
        if id(a) not in used and _ADJACENT.match(text, a.end, trigger.start)
        and not _names_target(text, a, cues)
        and (_owner_form(a) or not _is_reason(text, a, sentence[0], cues))
    ]  # fmt: skip
    if adjacent:
        issuers = _coordinated(text, actors, adjacent[-1][0], -1)
        owner = min(issuers, key=lambda a: a.start)
        if _ADOPTS.search(text, clause_start, owner.start):
            # "Switzerland adopted the EU's latest sanctions": both impose them.
            adopters = [
                i
                for i, a in before_trigger
                if a.end <= owner.start
                and _may_issue(text, a, used, sentence[0], owner.start, cues)
            ]
            if adopters:
                issuers += _coordinated(text, actors, adopters[-1], -1)
    source = next(((i, a) for i, a in after if _from_issuer(text, trigger, a)), None)
    if source is not None and not issuers:
        # "Caracas could face sanctions from Ottawa": Ottawa issues, Caracas is the target.
        issuers = _coordinated(text, actors, source[0], +1)
        if not targets:
            faced = [i for i, a in before_trigger if not _is_reason(text, a, sentence[0], cues)]
            if faced:
                targets = _coordinated(text, actors, faced[-1], -1)
    if not issuers:
        # "restrictions ... could form part of the EU response": the owner of the package.
        part = next(
            (
                (i, a) for i, a in after
                if id(a) not in used and _PART_OF.search(_before(text, a, sentence[0]))
                and cues.issuer_heads.match(_head_after(text, a))
            ),
            None,
        )  # fmt: skip
        if part is not None:
            issuers = [part[1]]
    if not issuers and trigger.rule.type in _PLACE_TYPES:
        # "refused entry to the United States", "barred from U.S. airspace": the place is the
        # issuer's, whoever else the sentence names first.
        place = next(
            (
                (i, a) for i, a in after
                if id(a) not in used and a.start - trigger.end <= 50
                and (_ENTRY_PLACE.search(_before(text, a, sentence[0]))
                     or _PLACE_HEAD.match(text, a.end))
            ),
            None,
        )  # fmt: skip
        if place is not None:
            issuers = [place[1]]
    if not issuers and trigger.rule.type is MeasureType.ASSET_FREEZE:
        # "the seizure of Russian assets in Europe": where the assets are held freezes them
        holder = next(
            (
                a for i, a in after
                if id(a) not in used and a.start - trigger.end <= 40
                and _HELD_IN.search(text, max(trigger.start, a.start - 40), a.start)
            ),
            None,
        )  # fmt: skip
        if holder is not None:
            issuers = [holder]
    if not issuers:
        # an owner inside the measure's own words: "a freeze of the EU accession process",
        # "a halt to U.S. aid"
        inside = [
            a
            for _, a in after
            if a.start < trigger.end and id(a) not in used
            and cues.issuer_heads.match(_head_after(text, a))
        ]  # fmt: skip
        listed = [
            a
            for a in inside
            if _OWNER_BEFORE.search(text, max(trigger.start, a.start - 8), a.start)
        ]
        if listed and not targets:
            # "added 28 people to its Belarus sanctions list": the state between the owner's
            # "its" and the measure is what the list is aimed at
            targets = listed[:1]
            used.add(id(listed[0]))
        issuers = [a for a in inside if a not in listed][:1]
    if not issuers:
        # the owner of a plan or decision to act: "the G7 plan to cap the price of Russian oil",
        # "against the Trump administration's plan to put tariffs on ..."
        planners = [
            i for i, a in before_trigger
            if id(a) not in used and _PLAN_OF.match(text, a.end, trigger.start)
        ]  # fmt: skip
        if planners:
            issuers = _coordinated(text, actors, planners[-1], -1)
    candidates = [
        (i, a) for i, a in reversed(before_trigger if not issuers else [])
        if _may_issue(text, a, used, sentence[0], trigger.start, cues)
    ]  # fmt: skip
    # Prefer the nearest mention that stands as a subject ("OFAC put ..."), else the nearest;
    # an owner of a decision ("Trump's decision to hike duties") is nearer than any subject.
    chosen = next(
        (
            (i, a) for i, a in candidates
            if _SUBJECT.match(text, a.end)
            or (a.possessive and cues.issuer_heads.match(_head_after(text, a)))
        ),
        None,
    )  # fmt: skip
    if chosen is None and candidates:
        chosen = candidates[0]
    if chosen is not None:
        issuers = _coordinated(text, actors, chosen[0], -1)
        first = min(issuers, key=lambda a: a.start)
        if first.possessive and _ADOPTS.search(text, clause_start, first.start):
            # "Switzerland adopted the European Union's latest package, adding ...": both.
            adopters = [
                i
                for i, a in before_trigger
                if a.end <= first.start
                and _may_issue(text, a, used, sentence[0], first.start, cues)
            ]
            if adopters:
                issuers += _coordinated(text, actors, adopters[-1], -1)
        if _FOLLOW.search(text, clause_start, first.start):
            leaders = [
                j
                for j, a in before_trigger
                if a.end <= first.start
                and _may_issue(text, a, used, sentence[0], first.start, cues)
            ]
            if leaders:
                issuers += _coordinated(text, actors, leaders[-1], -1)
        joined = [
            j
            for j, a in before_trigger
            if a.start > max(i.end for i in issuers)
            and id(a) not in used
            and _JOINING.search(text, max(clause_start, a.start - 20), a.start)
        ]
        if joined:
            # "Canada banned Iranian oil, joining Washington in a round of measures": both
            issuers += _coordinated(text, actors, joined[0], +1)
        last = max(issuers, key=lambda a: a.start)
        if _FOLLOWED.match(text, last.end):
            # "Japan has followed the US and Europe and levied sanctions": all three.
            followed = [j for j, a in before_trigger if a.start > last.end and id(a) not in used]
            if followed:
                issuers += _coordinated(text, actors, followed[0], +1)
    if not issuers:
        # A by-agent ("were frozen by Tokyo") or a place or speaker after the trigger.
        for i, actor in after:
            if id(actor) in used:
                continue
            head = _head_after(text, actor)
            before = _before(text, actor, sentence[0])
            near = actor.start - trigger.end <= 50
            if (
                (near and cues.issuer_preps.search(before))
                or cues.issuer_heads.match(head)
                or _from_issuer(text, trigger, actor)
            ):
                # "cut off from SWIFT under U.S. and EU sanctions": every owner in the list
                issuers = [a for a in _coordinated(text, actors, i, +1) if id(a) not in used]
                break
    if not issuers:
        for actor in actors:
            if id(actor) in used or actor.start < trigger.end:
                continue
            if _speaker(text, actor, cues, sentence[0]):
                issuers = _coordinated(text, actors, actors.index(actor), +1)
                break
    if not issuers:
        # The sentence's subject before the clause: "Tokyo has ... and frozen the assets".
        for index in reversed([i for i, a in enumerate(actors) if a.end <= clause_start]):
            if _PASSIVE_CLAUSE.search(text, clause_start, trigger.end):
                break  # "..., but its accession talks are frozen": the subject is the patient
            if (
                _SUBORDINATE.search(text, max(sentence[0], clause_start - 10), clause_start)
                and "," not in text[clause_start : trigger.start]
            ):
                break  # "demands Tehran must meet before the sanctions can be removed"
            if _may_issue(text, actors[index], used, sentence[0], clause_start, cues):
                issuers = _coordinated(text, actors, index, -1)
                break
    issuers = [a for a in issuers if a.kind is not AliasKind.ENTITY]  # companies do not issue
    issuer_codes = _unique(a.code for a in issuers)
    target_codes = _unique(a.code for a in targets if a.code not in issuer_codes)
    named_before = [
        a.start
        for a in issuers
        if clause_start <= a.start
        and a.end <= trigger.start
        # an owner inside the measure's noun phrase is no subject: "the lifting of U.S. sanctions"
        and not (
            (trigger.rule.form == "noun" or a.possessive)
            and _ADJACENT.match(text, a.end, trigger.start)
            and not _PAST_VERB.match(text, trigger.start)  # "the Treasury blacklisted"
        )
    ]
    return issuer_codes, target_codes, min(named_before) if named_before else None


def _from_issuer(text: str, trigger: _Trigger, actor: _Actor) -> bool:
    """After a general measure, "from" names its issuer: "sanctions from Ottawa"."""
    return trigger.rule.type is MeasureType.UNSPECIFIED and bool(
        _FROM_ISSUER.match(text[trigger.end : actor.start])
    )


def _owner_form(actor: _Actor) -> bool:
    """Whether a mention reads as the owner of the measure it stands before.

    It does even inside a cause ("in response to U.S. sanctions", "after Tokyo's sanctions");
    a plain country name there names the topic instead ("after Ukraine sanctions").
    """
    return (
        actor.possessive
        or actor.kind in (AliasKind.DEMONYM, AliasKind.BLOC, AliasKind.AGENCY, AliasKind.CAPITAL)
        or (actor.kind is AliasKind.NAME and not any(c.islower() for c in actor.text))
    )


def _may_issue(
    text: str, actor: _Actor, used: set[int], floor: int, trigger_start: int, cues: Cues
) -> bool:
    """Whether a mention before a trigger can be its issuer (not a target, object or cause)."""
    if id(actor) in used or actor.kind is AliasKind.ENTITY:
        return False  # an entity is only ever a target
    subject = _SUBJECT.match(text, actor.end, trigger_start)
    if _is_reason(text, actor, floor, cues) and not subject:
        return False  # "over Russia's invasion"; but "after Washington announced tariffs" issues
    before = _before(text, actor, floor)
    if not actor.possessive and (
        cues.target_preps.search(before)
        or (_OBJECT_OF_VERB.search(before) and not _TO_VERB.match(text, actor.end))
    ):
        return False
    if _names_target(text, actor, cues):
        return False
    if _MEETING_PLACE.search(before):
        return False  # "ministers meeting in Prague agreed ...": where, not who
    if _OPPOSES.search(text, actor.end, trigger_start):
        return False
    if _FACER.match(text, actor.end):
        return False  # "Damascus could face sanctions": the one who faces them is the target
    if _HYPHEN_MODIFIER.match(text, actor.end):
        return False  # "U.S.-drafted", "Kremlin-backed": a modifier, not the measure's issuer
    if actor.kind is AliasKind.DEMONYM:
        # "Saudis", "Russian oil": people and things; "U.S. officials", "EU ministers" issue.
        head = _head_after(text, actor)
        return bool(
            _LEADER_HEAD.match(head)
            or _ISSUING_BODY.match(head)
            or cues.issuer_heads.match(head)
            or _speaker(text, actor, cues, floor)
        )
    return True


_ISSUING_BODY = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:officials|authorities|ministry|ministries|department|treasury|"
    r"lawmakers|parliament|legislators|diplomats|envoys?|ambassadors?|regulators?|spokes\w+|"
    r"foreign\s+ministers|ministers|leaders|cabinet|commission|council|state\s+department|"
    r"navy|customs|sanctions|side|rules|laws?|regulations|decree|order|programme|regime|"
    r"measures|junta|rulers)\b",
    re.IGNORECASE,
)
# After a subject mention comes its verb: "OFAC put", "Japan has followed", "the EU agreed".
_SUBJECT = re.compile(
    r"(?:'s|’s)?(?:\s+(?:[A-Z][\w.-]*|government|administration|authorities|officials|ministers?|"
    r"leaders|president|treasury|department|ministry|council|commission|parliament|lawmakers|junta|"
    r"diplomats|spokes\w+)){0,4},?\s+(?:(?:on|last|this|next|in)\s+\w+\s+|also\s+|has\s+|have\s+|"
    r"had\s+|is\s+|are\s+|was\s+|were\s+|will\s+|would\s+|could\s+|may\s+|might\s+|must\s+|"
    r"should\s+|already\s+|later\s+|then\s+|now\s+|formally\s+|officially\s+|jointly\s+|"
    r"itself\s+|too\s+|\w+ly\s+)*(?:\w+ed|said|says|put|puts|set|sets|cut|cuts|hit|hits|"
    r"slap\w*|froze|freezes|took|takes|gave|made|began|sought|brought|shut|shuts|bars|bans|"
    r"stood|stands|kept|held|holds|went|told|"
    r"impos\w*|agre\w*|decid\w*|announc\w*|unveil\w*|plans?|mov\w*|vot\w*|approv\w*|adopt\w*|"
    r"expel\w*|halt\w*|suspend\w*|recall\w*|threaten\w*|warn\w*|want\w*|seeks|wants|tells|"
    r"outlaws|orders|adds|blocks|extends|lifts|eases|ends|keeps|stops|forbids|prohibits|closes|"
    r"to\s+\w+|backs|joins|follows|levies|issues|signs|lists|targets|sanctions|"
    r"(?<=\s)(?:will|would|could|may|might|must|should|shall|has|have|had|is|are|was|were|did|"
    r"does|do)\s+(?:\w+\s+)?\w+)\b"
)
# Verbs of opposing a measure: their subject is not its issuer ("Budapest keeps blocking it").
_OPPOSES = re.compile(
    r"\b(?:block\w*|veto\w*|oppos(?:e|es|ed|ing)|resist\w*|object\w*\s+to|reject\w*|"
    r"condemn\w*|criticis\w*|criticiz\w*|slam\w*|denounc\w*|protest\w*|hold\w*\s+up|held\s+up)\b",
    re.IGNORECASE,
)


_LEADER_HEAD = re.compile(
    r"^\W{0,3}(?:governments?|authorities|administration|presidents?|prime\s+ministers?|"
    r"foreign\s+ministers?|ministers?|leaders?|officials\s+(?:said|say))\b",
    re.IGNORECASE,
)


def _names_target(text: str, actor: _Actor, cues: Cues) -> bool:
    """A demonym or possessive that modifies a targeted thing: "Russian banks", "Iran's oil"."""
    attributive = actor.kind is AliasKind.NAME and bool(_ATTRIBUTIVE.match(text, actor.end))
    if actor.kind is AliasKind.ENTITY:
        return True  # "affiliates of Huawei", "PDVSA's bonds": what a measure hits
    if actor.kind is AliasKind.LEADER and not actor.possessive:
        # "seventeen Qadafi loyalists", "the Assad regime": the leader's people
        return bool(cues.target_heads.match(_head_after(text, actor)))
    if not (actor.kind in (AliasKind.DEMONYM, None) or actor.possessive or attributive):
        return False
    if actor.kind is AliasKind.AGENCY:
        return False  # "OFAC's list", "the Treasury's order": an agency owns measures
    head = _head_after(text, actor)
    if _LEADER_HEAD.match(head) or cues.issuer_heads.match(head):
        return False
    if _ISSUING_BODY.match(head) and _SUBJECT.match(text, actor.end):
        return False  # "the Azerbaijani parliament threatened ...": a body that acts
    if cues.target_heads.match(head):
        return True
    # "Russia's most-favoured-nation status": a possessor of something that is not a measure,
    # a cause or a speaker is what the measure hits.
    return (
        actor.possessive and not cues.reason_heads.match(head) and not cues.speech_after.match(head)
    )


def _speaker(text: str, actor: _Actor, cues: Cues, floor: int) -> bool:
    """Whether a mention is the subject of a speech verb ("..., the US pledged")."""
    head = text[actor.end : actor.end + 60]
    stop = _SENTENCE_END.search(head)
    head = head[: stop.start()] if stop else head
    if cues.speech_after.match(head):
        return True
    return bool(cues.speech_before.search(_before(text, actor, floor)))


def _unique(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def _target_kind(text: str, trigger: _Trigger, end: int) -> tuple[TargetKind, int | None]:
    window = text[trigger.start : min(end, trigger.end + 120)]
    count_match = _COUNT.search(window)
    count = None
    if count_match:
        raw = count_match.group("n").replace(",", "").lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    if _INDIVIDUAL.search(window):
        return TargetKind.INDIVIDUAL, count
    if _ENTITY.search(window):
        return TargetKind.ENTITY, count
    if trigger.rule.sector is not None:
        return trigger.rule.sector, count
    if _SECTOR.search(window):
        return TargetKind.SECTOR, count
    return TargetKind.STATE, count


_FROM_ORIGIN = re.compile(r"^\s+(?:\w+\s+){0,4}from\s+(?:the\s+)?$")
_EXPORT_WORD = re.compile(r"\bexports?\b", re.IGNORECASE)


def _origin_flip(
    text: str, trigger: _Trigger, actors: list[_Actor], target: str | None
) -> MeasureType:
    """A ban on the target's own exports is an import ban by the issuer."""
    if trigger.rule.type is not MeasureType.EXPORT_BAN or target is None:
        return trigger.rule.type
    word = _EXPORT_WORD.search(text, trigger.start, trigger.end)
    if word is None:
        return trigger.rule.type
    for actor in actors:
        if actor.code != target:
            continue
        if 0 <= word.start() - actor.end <= 4 and (
            actor.kind is AliasKind.DEMONYM
            or actor.possessive
            or text[actor.end : word.start()].isspace()  # "DPRK exports of coal"
        ):
            return MeasureType.IMPORT_BAN
        gap = text[word.end() : actor.start]
        if 0 < actor.start - word.end() <= 40 and _FROM_ORIGIN.match(gap):
            return MeasureType.IMPORT_BAN
    return trigger.rule.type


def _sentence_measures(
    text: str,
    index: int,
    sentence: tuple[int, int],
    triggers: list[_Trigger],
    actors: list[_Actor],
    context: _Context,
    cues: Cues,
    day: dt.date | None,
) -> list[_Found]:
    found: list[_Found] = []
    date = resolve_date(text[sentence[0] : sentence[1]], day)
    response = bool(cues.response_cues.search(text, sentence[0], sentence[1]))
    for trigger in triggers:
        issuers, targets, subject_start = _roles(text, sentence, trigger, actors, cues)
        status = _status(text, sentence, trigger, cues, subject_start, actors)
        if status is None:
            continue
        explicit_issuer = bool(issuers)
        if not issuers:
            focus = context.focus_issuer(targets)
            if focus is None:
                continue
            issuers = [focus]
        if trigger.rule.type is MeasureType.UNSPECIFIED and not explicit_issuer and not targets:
            continue
        if not targets and response and len(issuers) == 1 and issuers[0] in context.hit_by:
            # "the EU reserved the right to respond": to whoever hit the EU before
            targets = [context.hit_by[issuers[0]]]
        if not targets:
            focus_target = context.focus_target(issuers)
            targets = [focus_target] if focus_target else []
        clause_end = _clause_end(text, trigger.end, sentence[1])
        kind, count = _target_kind(text, trigger, clause_end)
        if kind is TargetKind.STATE and any(
            a.kind is AliasKind.ENTITY and a.code in targets for a in actors
        ):
            kind = TargetKind.ENTITY  # "the Treasury blacklisted Sovcomflot"
        evidence_end = trigger.end
        for actor in actors:
            if (
                actor.code in targets
                and trigger.end <= actor.start <= trigger.end + 60
                and actor.end <= clause_end
                and not _LIST_BREAK.search(text, trigger.end, actor.start)
            ):
                evidence_end = max(evidence_end, actor.end)
                break
        target_options: list[str | None] = list(targets) or [None]
        for issuer in issuers:
            for option in target_options:
                target = None if option == issuer else option
                found.append(
                    _Found(
                        type=_origin_flip(text, trigger, actors, target),
                        status=status,
                        issuer=issuer,
                        target=target,
                        kind=kind,
                        count=count,
                        start=trigger.start,
                        end=evidence_end,
                        sentence=index,
                        date=date,
                        response=response,
                    )
                )
        context.note(issuers, targets)
    return _drop_general(text, found)


def _owned_and_aimed(text: str, trigger: _Trigger, actors: Sequence[_Actor], cues: Cues) -> bool:
    """Whether a noun-form measure names its owner right before it and its target right after.

    "the G7 price cap on Russian oil", "United Nations sanctions against Pyongyang".
    """
    owner = any(
        a.end <= trigger.start
        and a.kind is not AliasKind.DEMONYM
        and _ADJACENT.match(text, a.end, trigger.start)
        for a in actors
    )
    return owner and any(
        0 <= a.start - trigger.end <= 25 and cues.target_preps.search(text[trigger.end : a.start])
        for a in actors
    )


def _ellipses(
    text: str,
    spans: list[tuple[int, int]],
    mentions: list[_Actor],
    causes: set[int],
    results: list[_Found],
    cues: Cues,
) -> list[_Found]:
    """Measures that a later clause repeats for other issuers without naming them again.

    "The EU shut its airspace to Russian planes; Germany, France and Italy had already done
    so", "Canada followed suit": the measures of the latest sentence that states any, copied
    to the issuers of the elliptical clause, with the status its own words give.
    """
    # Results come in document order; each lookup below is a bisection or bounded by one
    # sentence, so many elliptical clauses in a long text still cost linear time.
    result_starts = [f.start for f in results]
    mention_starts = [m.start for m in mentions]
    added: list[_Found] = []
    # a clause before the first sentence with a measure has nothing to repeat
    for match in _ELLIPSIS.finditer(text, spans[results[0].sentence][0]):
        index = bisect.bisect_right(spans, (match.start(), len(text))) - 1
        if index < 0 or match.start() >= spans[index][1]:
            continue
        sentence = spans[index]
        last = bisect.bisect_left(result_starts, match.start()) - 1
        if last < 0 or results[last].sentence < index - 2:
            continue
        latest = results[last].sentence
        antecedents = []
        while last >= 0 and results[last].sentence == latest:
            antecedents.append(results[last])
            last -= 1
        antecedents.reverse()
        clause = _clause_start(text, sentence[0], match.start())
        window = _last_words(text[clause : match.start()], 6) + match.group()
        if cues.status["negation"].left.search(window):
            continue
        first = bisect.bisect_left(mention_starts, sentence[0])
        stop = bisect.bisect_left(mention_starts, match.start())
        before = [
            i
            for i in range(first, stop)
            if mentions[i].end <= match.start()
            and id(mentions[i]) not in causes
            and _may_issue(text, mentions[i], set(), sentence[0], match.start(), cues)
        ]
        if not before:
            continue
        issuers = _unique(a.code for a in _coordinated(text, mentions, before[-1], -1))
        status = next(
            (
                Status(name)
                for name in ("threatened", "announced")
                if cues.status[name].left.search(window)
            ),
            Status.IMPOSED,
        )
        seen: set[tuple[str, str | None, MeasureType]] = set()
        for item in antecedents:
            for issuer in issuers:
                key = (issuer, item.target, item.type)
                if issuer == item.issuer or issuer == item.target or key in seen:
                    continue
                seen.add(key)
                added.append(
                    dataclasses.replace(
                        item,
                        issuer=issuer,
                        status=item.status if item.status is Status.LIFTED else status,
                        start=match.start(),
                        end=match.end(),
                        sentence=index,
                    )
                )
    if not added:
        return results
    # "weighing a similar step": the step is the one copied, not a measure of its own
    copied = sorted({(f.start, f.end) for f in added})
    copied_starts = [start for start, _ in copied]

    def copied_over(found: _Found) -> bool:
        at = bisect.bisect_right(copied_starts, found.start) - 1
        return at >= 0 and copied[at][0] <= found.start < copied[at][1]

    kept = [f for f in results if f.type is not MeasureType.UNSPECIFIED or not copied_over(f)]
    return sorted(kept + added, key=lambda f: (f.start, f.sentence))


def _drop_general(text: str, found: list[_Found]) -> list[_Found]:
    """Drop 'unspecified' where the sentence states a specific type for the same parties.

    "sanctions including an asset freeze" is one measure; "... recalled its envoy, warning
    that Damascus could face sanctions" states two: a new statement parts them.
    """
    specific = [f for f in found if f.type is not MeasureType.UNSPECIFIED]

    def covered(general: _Found) -> bool:
        return any(
            (f.issuer, f.target, status_class(f.status))
            == (general.issuer, general.target, status_class(general.status))
            and not _NEW_STATEMENT.search(
                text, min(f.end, general.end), max(f.start, general.start)
            )
            for f in specific
        )

    return [f for f in found if f.type is not MeasureType.UNSPECIFIED or not covered(f)]


def _to_measures(
    text: str, found: list[_Found], day: dt.date | None, source: str | None
) -> list[Measure]:
    seen: dict[tuple[str, str | None, MeasureType, Status], _Found] = {}
    for item in found:
        seen.setdefault((item.issuer, item.target, item.type, item.status), item)
    firsts = list(seen.values())
    measures = []
    for item in firsts:
        responds_to = None
        if item.response and item.target is not None:
            earlier = next(
                (
                    other
                    for other in firsts
                    if other.issuer == item.target and other.target == item.issuer
                    and other is not item
                ),
                None,
            )  # fmt: skip
            if earlier is not None:
                responds_to = MeasureRef(
                    issuer=earlier.issuer, target=earlier.target, type=earlier.type
                )
        measures.append(
            Measure(
                type=item.type,
                status=item.status,
                issuer=Issuer(code=item.issuer),
                target=Target(code=item.target, kind=item.kind, count=item.count),
                evidence=Evidence(text=text[item.start : item.end], start=item.start, end=item.end),
                date=item.date or day,
                source=source,
                responds_to=responds_to,
            )
        )
    return measures
