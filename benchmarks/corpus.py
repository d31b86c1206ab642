"""Reproducible benchmark corpora, built from sentence templates the team wrote.

Every sentence below was written for this benchmark in the style of wire reporting; none is
taken from a real article or from the evaluation corpus. An article is a headline, a dateline
and about 3 KB of sentences, each drawn either from `MEASURE_TEMPLATES` (a sentence that states
a sanctions measure) or from `NEWS_TEMPLATES` (ordinary news, some of it using words such as
"support", "report", "talks" or "export" that the anchor scan must look at and let go).

    python benchmarks/corpus.py --size-mb 5 --share 0.2 out.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import inspect
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: Sentences that state a measure. Slots: {issuer} (a state or bloc as subject), {issuer_adj},
#: {target}, {target_adj} (its demonym), {target_capital}, {goods}, {n}, {date}, {company},
#: {official}, {pct}, {month}, {reason}.
MEASURE_TEMPLATES: tuple[str, ...] = (
    "{issuer} {date} imposed sanctions on {target} over {reason}.",
    "{issuer} froze the assets of {n} {target_adj} officials, including two deputy ministers, "
    "the foreign ministry said in a statement.",
    "{issuer} banned imports of {target_adj} {goods} from {month}, a move aimed at cutting the "
    "revenue that funds the government in {target_capital}.",
    "The {issuer_adj} government said it would impose a travel ban on {n} senior {target_adj} "
    "officials linked to {reason}.",
    "{issuer} added {n} {target_adj} companies to its export blacklist, barring them from "
    "buying semiconductors and other dual-use technology.",
    "{issuer} threatened {target} with further sanctions if it did not release the detained "
    "journalists by the end of the month.",
    "{issuer} {date} lifted sanctions on {company}, a {target_adj} state airline, after months "
    "of negotiations.",
    "{issuer} agreed a ban on exports of luxury goods to {target}, diplomats said {date}.",
    "{target} expelled {n} {issuer_adj} diplomats {date} in retaliation for what it called "
    "hostile steps by {issuer}.",
    "{issuer} suspended talks with {target} on a new trade agreement, citing {reason}.",
    "{issuer} raised tariffs on {target_adj} {goods} to {pct} percent, the trade ministry said.",
    "{issuer} cut {n} {target_adj} banks off from the SWIFT payments system {date}.",
    "{issuer} imposed an arms embargo on {target} and ordered a halt to all defence exports.",
    "{issuer} closed its airspace to {target_adj} aircraft {date}, the transport minister "
    "told reporters.",
    "{issuer} stripped {target} of its most-favoured nation trade status {date}.",
    "Officials said {issuer} was preparing new sanctions against {target}'s energy sector.",
    "{issuer} {date} put {company}, a {target_adj} shipping firm, on its sanctions list, "
    "freezing any assets it holds under {issuer_adj} jurisdiction.",
    "{issuer} banned {target_adj} vessels from its ports, the latest step in a campaign of "
    "pressure on {target_capital}.",
    "{issuer} said it would stop buying {target_adj} {goods} by the end of the year.",
    "{target} warned it would retaliate against {issuer} if the new measures went ahead.",
    "{issuer} and its partners set a price cap on {target_adj} {goods} {date}.",
    "{issuer} halted military aid to {target} {date}, pending a review of {reason}.",
    "{issuer} will deny visas to {n} {target_adj} officials accused of {reason}, the "
    "{official} said.",
    "{issuer} restricted lending to {target_adj} state banks and barred them from raising "
    "capital on its markets.",
    "{issuer} blocked the assets of {company}, which it said had helped {target} evade "
    "existing controls.",
    "{issuer} extended its sanctions on {target} for another six months {date}.",
    "{issuer} seized a yacht owned by a {target_adj} businessman close to the leadership in "
    "{target_capital}.",
    "{issuer} banned new investment in {target}'s mining industry, the {official} said {date}.",
    "{issuer} imposed an asset freeze and a travel ban on {n} {target_adj} generals.",
    "{issuer} announced export controls on advanced chips bound for {target} {date}.",
    "{issuer} has frozen about ${n} billion of {target_adj} central bank reserves held abroad.",
    "{issuer} eased sanctions on {target}'s oil sector {date} to allow humanitarian deliveries.",
)

#: Ordinary news, with no measure in it. Slots: {city}, {company}, {n}, {pct}, {date}, {month},
#: {official}, {person}, {team}, {issuer}, {target}.
NEWS_TEMPLATES: tuple[str, ...] = (
    "Shares in {company} rose {pct} percent in early trading after the company reported a "
    "higher quarterly profit.",
    "The central bank left its benchmark interest rate unchanged at {pct} percent, in line "
    "with the forecasts of most economists.",
    "Heavy rain caused flooding across the provinces north of {city}, and emergency services "
    "moved about {n} hundred residents to shelters, {person} of the civil defence agency said.",
    "The prime minister is due to visit {city} next week to open a new rail link.",
    "{person}, a spokesman for the {official}, declined to comment on the report.",
    "Inflation slowed to {pct} percent in {month}, the statistics office said {date}, the "
    "lowest reading in more than two years.",
    "The city council in {city} approved a plan by mayor {person} to build {n} thousand "
    "affordable homes by the end of the decade.",
    "Doctors at the main hospital in {city} said the outbreak was now under control.",
    "{team} beat their rivals 3-1 on Saturday to move to the top of the league.",
    "{company} said it would cut around {n} hundred jobs as part of a restructuring plan drawn "
    "up by its new chairman, {person}.",
    "Opposition lawmakers accused the government of failing to support small farmers during "
    "the drought.",
    "Analysts expect the economy to grow by about {pct} percent this year, helped by strong "
    "consumer spending.",
    "The festival, which runs until Sunday, is expected to draw more than {n} thousand "
    "visitors to {city}.",
    "Police said {n} people were arrested after protests in the centre of {city} turned "
    "violent late on Friday.",
    "{company} said its chief executive would step down in {month} after nine years in the job.",
    "The airport in {city} reopened on Tuesday after a fog warning grounded flights for most "
    "of the morning.",
    "Health officials urged residents to stay indoors as temperatures climbed above 40 "
    "degrees Celsius.",
    "The report, published {date}, found that air quality had improved in most large cities.",
    "Exports of cars rose {pct} percent in {month} from a year earlier, customs data showed.",
    "The two leaders discussed climate policy and regional security, according to a "
    "statement from the presidential office.",
    "Voters in {city} will elect a new mayor in {month} after the incumbent said he would not "
    "run again.",
    "The ministry said the new port terminal would double the country's container capacity.",
    "Wheat prices fell for a third session as rain improved the outlook for the harvest.",
    "{person} told reporters the talks on the new budget had been constructive.",
    "The museum will return {n} artefacts to their country of origin under an agreement "
    "signed {date}.",
    "The court adjourned the hearing until {month} to give the defence more time to prepare.",
    "Engineers from {company} said repairs to the damaged bridge outside {city} would take at "
    "least six months.",
    "The government of {issuer} and the government of {target} marked fifty years of "
    "diplomatic relations with a concert in {city}.",
    "Trading volumes were thin ahead of a public holiday, and the main index closed {pct} "
    "percent higher.",
    "The University of {city} said it had received a record number of applications this year, "
    "according to its rector, {person}.",
    "Fire crews brought the blaze under control after about {n} hours, officials said.",
    "{company}, a startup founded by {person}, raised funding from a group of investors led by "
    "a pension fund in {city}.",
)

# Slot fillers: (name as subject, adjective) for issuers; (name, demonym, capital) for targets.
_ISSUERS = (
    ("The United States", "U.S."),
    ("Washington", "U.S."),
    ("The European Union", "EU"),
    ("Britain", "British"),
    ("Japan", "Japanese"),
    ("Canada", "Canadian"),
    ("Australia", "Australian"),
    ("Switzerland", "Swiss"),
    ("Norway", "Norwegian"),
    ("New Zealand", "New Zealand"),
)
_TARGETS = (
    ("Russia", "Russian", "Moscow"),
    ("Iran", "Iranian", "Tehran"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Syria", "Syrian", "Damascus"),
    ("Myanmar", "Myanmar", "Naypyitaw"),
    ("Nicaragua", "Nicaraguan", "Managua"),
)
_GOODS = ("crude oil", "steel", "coal", "gold", "diamonds", "timber", "seafood", "vodka", "potash")
_REASONS = (
    "its crackdown on the opposition",
    "the war in Ukraine",
    "its ballistic missile programme",
    "human rights abuses",
    "election fraud",
    "cyber attacks on hospitals",
)
# Names. Real news keeps meeting names it has not seen before: its vocabulary grows with its
# length (Heaps' law), and a tokenizer that caches the words it has seen runs several times
# faster on text whose words all repeat. So people, places, companies and teams are made up
# from syllables: a rank drawn log-uniformly from 1 to `_NAMES` (Zipf's law: a few names recur
# in many articles, most turn up once or twice), spelled out by its digits in base
# len(_SYLLABLES) after a multiplication that scatters neighbouring ranks.
_ONSETS = ("b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p",
           "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z")  # fmt: skip
_NUCLEI = ("a", "e", "i", "o", "u", "ai", "ei", "ou", "ia")
_CODAS = ("", "n", "r", "l", "s", "k", "m", "nd", "rt", "sk")
_SYLLABLES = tuple(o + n + c for o in _ONSETS for n in _NUCLEI for c in _CODAS)
_NAMES = len(_SYLLABLES) ** 2
_SCATTER = 2654435761  # odd and coprime with 2, 3 and 5: a bijection on range(_NAMES)
_FIRST_ENDINGS = ("a", "o", "en", "ia", "an", "el")
_COMPANY_KINDS = ("Holdings", "Energy", "Shipping", "Metals", "Telecom", "Airways", "Motors",
                  "Group", "Capital", "Logistics")  # fmt: skip
_TEAM_KINDS = ("United", "Rovers", "City", "Athletic", "Wanderers")


def _zipf(rng: random.Random, size: int) -> int:
    """A rank in ``range(size)``, drawn log-uniformly: rank r comes up about as often as 1/r."""
    return int(size ** rng.random()) - 1


def _surname(rng: random.Random) -> str:
    first, second = divmod(_zipf(rng, _NAMES) * _SCATTER % _NAMES, len(_SYLLABLES))
    return (_SYLLABLES[first] + _SYLLABLES[second]).capitalize()


def _person(rng: random.Random) -> str:
    syllable, ending = divmod(
        _zipf(rng, len(_SYLLABLES) * len(_FIRST_ENDINGS)), len(_FIRST_ENDINGS)
    )
    return f"{(_SYLLABLES[syllable] + _FIRST_ENDINGS[ending]).capitalize()} {_surname(rng)}"


_OFFICIALS = ("foreign ministry", "finance ministry", "Treasury Department", "trade ministry")
_MONTHS = ("January", "March", "April", "June", "September", "November")
_DATES = ("on Monday", "on Tuesday", "on Thursday", "late on Friday", "on March 4", "on June 12")
_AGENCIES = ("Reuters", "AFP", "AP", "Bloomberg")


def _fill(template: str, rng: random.Random) -> str:
    issuer, issuer_adj = rng.choice(_ISSUERS)
    target, target_adj, capital = rng.choice(_TARGETS)
    return template.format(
        issuer=issuer,
        issuer_adj=issuer_adj,
        target=target,
        target_adj=target_adj,
        target_capital=capital,
        goods=rng.choice(_GOODS),
        reason=rng.choice(_REASONS),
        company=f"{_surname(rng)} {rng.choice(_COMPANY_KINDS)}",
        city=_surname(rng),
        person=_person(rng),
        team=f"{_surname(rng)} {rng.choice(_TEAM_KINDS)}",
        official=rng.choice(_OFFICIALS),
        month=rng.choice(_MONTHS),
        date=rng.choice(_DATES),
        n=rng.randint(2, 60),
        pct=f"{rng.randint(1, 40) / 2:g}",
    )


def article(rng: random.Random, share: float, size: int = 3000) -> str:
    """One article of about ``size`` characters; each sentence states a measure with ``share``."""
    city = _surname(rng).upper()
    head = _fill(rng.choice(NEWS_TEMPLATES), rng).rstrip(".")
    lead = f"{city}, {rng.choice(_MONTHS)} {rng.randint(1, 28)} ({rng.choice(_AGENCIES)}) - "
    paragraphs: list[str] = []
    current: list[str] = []
    length = len(head) + len(lead)
    while length < size:
        pool = MEASURE_TEMPLATES if rng.random() < share else NEWS_TEMPLATES
        sentence = _fill(rng.choice(pool), rng)
        current.append(sentence)
        length += len(sentence) + 1
        if len(current) == rng.choice((2, 3)):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return head + "\n\n" + lead + "\n\n".join(paragraphs)


def records(share: float, seed: int, prefix: str) -> Iterator[dict[str, str]]:
    """An endless, reproducible stream of article records (``id``, ``published``, ...)."""
    rng = random.Random(seed)
    day = dt.date(2024, 1, 1)
    number = 0
    while True:
        number += 1
        published = day + dt.timedelta(days=number % 365)
        yield {
            "id": f"{prefix}-{number:08d}",
            "published": published.isoformat(),
            "source": f"bench://{prefix}/{number}",
            "text": article(rng, share),
        }


def write_corpus(path: Path, size_mb: float, share: float, seed: int, prefix: str) -> int:
    """Write JSON Lines records until their texts hold ``size_mb`` MB (10**6 bytes) of UTF-8.

    Returns the number of text bytes written. The same seed gives the same file, and a smaller
    size gives a prefix of a larger one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    limit = int(size_mb * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as file:
        for record in records(share, seed, prefix):
            if written >= limit:
                break
            written += _write(file, record)
    return written


def _write(file: IO[str], record: dict[str, str]) -> int:
    file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(record["text"].encode("utf-8"))


#: Adversarial single-line inputs: trigger-like words with no sentence break, chains of
#: coordinated actors, possessives, and strings built to make regex gaps backtrack.
PATHOLOGICAL: dict[str, str] = {
    "triggers": "sanctions ban freeze assets Russia ",
    "verbs": "froze halted banned suspended imposed sanctions on ",
    "possessives": "Russia's Iran's sanctions' ban's assets' ",
    "coordination": "sanctions on Russia and Iran and Belarus and Syria and ",
    "anaphors": "the bloc imposed sanctions and the country said the EU ",
    "abbreviations": "The U.S. Treasury and the U.K. Foreign Office sanctions ",
    "parentheses": "sanctions ( ban ( freeze ( Russia ( ",
    "gaps": "ban - ban - ban ; imports of , , , oil ",
    "no_spaces": "sanctionsbanfreezeassetsrussia",
    # text with no whitespace, every word a sentence (issue 14: once quadratic)
    "dotted": "sanctions.",
    "dotted_words": "a.b.c.sanctions.Russia.",
}


def pathological(kind: str, size: int) -> str:
    """``size`` characters of the repeated adversarial string ``kind``, as one line."""
    unit = PATHOLOGICAL[kind]
    return (unit * (size // len(unit) + 1))[:size]


def fingerprint() -> str:
    """A short hash of everything that decides the generated text, to name corpus files."""
    data = (MEASURE_TEMPLATES, NEWS_TEMPLATES, _ISSUERS, _TARGETS, _GOODS, _REASONS, _SYLLABLES,
            _SCATTER, _FIRST_ENDINGS, _COMPANY_KINDS, _TEAM_KINDS, _OFFICIALS, _MONTHS, _DATES,
            _AGENCIES)  # fmt: skip
    functions = (_zipf, _surname, _person, _fill, article, records, write_corpus, _write)
    code = "".join(inspect.getsource(f) for f in functions)
    return hashlib.sha256((repr(data) + code).encode()).hexdigest()[:8]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--share", type=float, default=0.2, help="share of measure sentences")
    parser.add_argument("--seed", type=int, default=20240304)
    args = parser.parse_args()
    written = write_corpus(args.output, args.size_mb, args.share, args.seed, args.output.stem)
    print(f"{args.output}: {written / 1e6:.1f} MB of text")


if __name__ == "__main__":
    main()
