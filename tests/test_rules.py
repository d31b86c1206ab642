"""Every trigger rule has a sentence the team wrote, and extraction reads it correctly.

The sentences are written for these tests in the style of wire reporting; none comes from an
evaluation corpus.
"""

from pathlib import Path

import pytest

from sanctions import extract
from sanctions.errors import VocabularyError
from sanctions.rules import RuleSet

# rule name -> (sentence, published, expected (issuer, target, type, status) tuples that must appear)
RULE_EXAMPLES: dict[str, tuple[str, str | None, set[tuple[str, str | None, str, str]]]] = {
    "mfn_remove": (
        "Canada revoked Belarus's most-favoured-nation trade status on Friday.",
        None,
        {("CAN", "BLR", "mfn_revocation", "imposed")},
    ),
    "mfn_status_removed": (
        "Australia said Russia's most-favoured-nation status had been withdrawn with effect from April.",
        None,
        {("AUS", "RUS", "mfn_revocation", "imposed")},
    ),
    "tariff_noun": (
        "Beijing slapped retaliatory tariffs on Australian barley last year.",
        None,
        {("CHN", "AUS", "tariff_increase", "imposed")},
    ),
    "tariff_raise": (
        "Ottawa will impose duties on Chinese electric vehicles from October.",
        None,
        {("CAN", "CHN", "tariff_increase", "announced")},
    ),
    "import_ban_verb": (
        "New Zealand has banned imports of Russian gold and timber.",
        None,
        {("NZL", "RUS", "import_ban", "imposed")},
    ),
    "import_ban_noun": (
        "Seoul announced an import ban on North Korean coal.",
        None,
        {("KOR", "PRK", "import_ban", "imposed")},
    ),
    "import_stop_buying": (
        "Poland will stop buying Russian coal next month, its prime minister said.",
        None,
        {("POL", "RUS", "import_ban", "announced")},
    ),
    "import_ban_on_goods": (
        "Norway imposed a ban on Russian seafood after the talks collapsed.",
        None,
        {("NOR", "RUS", "import_ban", "imposed")},
    ),
    "goods_embargo": (
        "Brussels imposed an oil embargo on Syria in 2011.",
        None,
        {("EU", "SYR", "import_ban", "imposed")},
    ),
    "import_target_exports": (
        "The Security Council barred Eritrea from selling minerals abroad.",
        None,
        {("UN", "ERI", "import_ban", "imposed")},
    ),
    "export_ban_verb": (
        "Japan banned exports of semiconductors to Russia on Tuesday.",
        None,
        {("JPN", "RUS", "export_ban", "imposed")},
    ),
    "export_control_noun": (
        "The Netherlands tightened export controls on chipmaking machines bound for China.",
        None,
        {("NLD", "CHN", "export_ban", "imposed")},
    ),
    "entity_list": (
        "Washington added 12 Chinese firms to the Entity List on Monday.",
        None,
        {("USA", "CHN", "export_ban", "imposed")},
    ),
    "foreign_direct_product": (
        "The Commerce Department extended the foreign direct product rule to Iranian drone makers.",
        None,
        {("USA", "IRN", "export_ban", "imposed")},
    ),
    "export_cut_off_technology": (
        "Taiwan moved to cut Russia off from advanced chips and other sensitive technology.",
        None,
        {("TWN", "RUS", "export_ban", "announced")},
    ),
    "export_quota": (
        "The Security Council set a cap on jet fuel deliveries to Eritrea last year.",
        None,
        {("UN", "ERI", "export_ban", "imposed")},
    ),
    "export_luxury": (
        "Switzerland banned the sale of luxury goods to Belarus.",
        None,
        {("CHE", "BLR", "export_ban", "imposed")},
    ),
    "price_cap": (
        "Australia joined the price cap on Russian oil on Monday.",
        None,
        {("AUS", "RUS", "price_cap", "imposed")},
    ),
    "price_cap_same_ceiling": (
        "Britain agreed on the same ceiling for Russian diesel, officials said.",
        None,
        {("GBR", "RUS", "price_cap", "announced")},
    ),
    "trade_embargo": (
        "The United States has kept a trade embargo on Cuba for six decades.",
        None,
        {("USA", "CUB", "trade_embargo", "imposed")},
    ),
    "freeze_assets": (
        "Singapore froze the assets of four Russian banks.",
        None,
        {("SGP", "RUS", "asset_freeze", "imposed")},
    ),
    "assets_frozen": (
        "The property of three Iranian generals was frozen by Canada.",
        None,
        {("CAN", "IRN", "asset_freeze", "imposed")},
    ),
    "asset_freeze_noun": (
        "Britain blacklisted 14 Russian oligarchs on Thursday.",
        None,
        {("GBR", "RUS", "asset_freeze", "imposed")},
    ),
    "blocked_property": (
        "Australia said all property of the nine Myanmar generals in Australia is now blocked.",
        None,
        {("AUS", "MMR", "asset_freeze", "imposed")},
    ),
    "assets_keep_from": (
        "The order will keep the junta from getting at $1 billion in Burmese assets, Washington said.",
        None,
        {("USA", "MMR", "asset_freeze", "announced")},
    ),
    "delisting": (
        "Canada has delisted two Russian businessmen who cut ties with the Kremlin.",
        None,
        {("CAN", "RUS", "asset_freeze", "lifted")},
    ),
    "finance_ban": (
        "The EU banned transactions with Russia's central bank.",
        None,
        {("EU", "RUS", "financial_restriction", "imposed")},
    ),
    "finance_noun": (
        "Japan imposed financial restrictions on Belarusian state banks.",
        None,
        {("JPN", "BLR", "financial_restriction", "imposed")},
    ),
    "finance_forbidden": (
        "Under the Canadian rules, dealings with the Syrian central bank are now prohibited.",
        None,
        {("CAN", "SYR", "financial_restriction", "imposed")},
    ),
    "finance_authorise": (
        "The Treasury authorised dealings with two Venezuelan gold producers.",
        None,
        {("USA", "VEN", "financial_restriction", "lifted")},
    ),
    "aid_cut": (
        "Sweden suspended development aid to Mali after the coup.",
        None,
        {("SWE", "MLI", "financial_restriction", "imposed")},
    ),
    "remittances": (
        "Australia said money transfers to North Korean banks are now prohibited.",
        None,
        {("AUS", "PRK", "financial_restriction", "imposed")},
    ),
    "remittances_eased": (
        "The Treasury will allow remittances to Venezuelan families again.",
        None,
        {("USA", "VEN", "financial_restriction", "lifted")},
    ),
    "capital_access": (
        "Brussels tightened Belarusian access to European capital markets on Friday.",
        None,
        {("EU", "BLR", "financial_restriction", "imposed")},
    ),
    "financial_embargo": (
        "The United States imposed a financial embargo on Nicaragua in 1985.",
        None,
        {("USA", "NIC", "financial_restriction", "imposed")},
    ),
    "exim_bank_cut": (
        "Washington halted Export-Import Bank support for deals with Nicaragua on Monday.",
        None,
        {("USA", "NIC", "financial_restriction", "imposed")},
    ),
    "swift": (
        "South Korea agreed to cut three Russian banks off from SWIFT.",
        None,
        {("KOR", "RUS", "swift_disconnection", "announced")},
    ),
    "financial_messaging": (
        "Brussels ordered providers to stop offering financial messaging services to Syrian banks.",
        None,
        {("EU", "SYR", "swift_disconnection", "imposed")},
    ),
    "investment_ban": (
        "Canada banned new investment in Myanmar's gem sector.",
        None,
        {("CAN", "MMR", "investment_ban", "imposed")},
    ),
    "investment_prohibited": (
        "Ottawa said new investment in Myanmar is now prohibited.",
        None,
        {("CAN", "MMR", "investment_ban", "imposed")},
    ),
    "arms_embargo_noun": (
        "The African Union imposed an arms embargo on South Sudan.",
        None,
        {("AU", "SSD", "arms_embargo", "imposed")},
    ),
    "arms_ban_verb": (
        "Germany halted weapons deliveries to Turkey on Saturday.",
        None,
        {("DEU", "TUR", "arms_embargo", "imposed")},
    ),
    "travel_ban_noun": (
        "Australia imposed travel bans on 25 Iranian officials.",
        None,
        {("AUS", "IRN", "travel_ban", "imposed")},
    ),
    "travel_ban_verb": (
        "Lithuania barred Belarusian officials from entering the country.",
        None,
        {("LTU", "BLR", "travel_ban", "imposed")},
    ),
    "travel_restricted": (
        "Travel by senior Eritrean officials has been restricted, Britain said.",
        None,
        {("GBR", "ERI", "travel_ban", "imposed")},
    ),
    "airspace": (
        "Canada closed its airspace to Russian aircraft on Sunday.",
        None,
        {("CAN", "RUS", "airspace_closure", "imposed")},
    ),
    "flight_ban": (
        "Ukraine banned flights by Belarusian airlines last year.",
        None,
        {("UKR", "BLR", "airspace_closure", "imposed")},
    ),
    "port_ban": (
        "Britain closed its ports to Russian ships on Tuesday.",
        None,
        {("GBR", "RUS", "port_ban", "imposed")},
    ),
    "expel_diplomats": (
        "Poland expelled 45 Russian diplomats suspected of spying.",
        None,
        {("POL", "RUS", "diplomatic_expulsion", "imposed")},
    ),
    "talks_stop": (
        "Seoul suspended military talks with Pyongyang after the launch.",
        None,
        {("KOR", "PRK", "talks_suspension", "imposed")},
    ),
    "talks_stop_noun": (
        "Lithuania's suspension of trade talks with China angered Beijing.",
        None,
        {("LTU", "CHN", "talks_suspension", "imposed")},
    ),
    "talks_frozen": (
        "Brussels said its accession talks with Serbia are frozen.",
        None,
        {("EU", "SRB", "talks_suspension", "imposed")},
    ),
    "suspend_membership": (
        "The African Union suspended Niger from all its activities.",
        None,
        {("AU", "NER", "talks_suspension", "imposed")},
    ),
    "media_ban": (
        "Latvia banned Russian state television channels on Monday.",
        None,
        {("LVA", "RUS", "media_ban", "imposed")},
    ),
    "services_agents": (
        "Dutch insurers were barred from covering Iranian oil, the Netherlands said.",
        None,
        {("NLD", "IRN", "services_ban", "imposed")},
    ),
    "maritime_transport": (
        "Norway banned the maritime transport of Iranian oil products.",
        None,
        {("NOR", "IRN", "services_ban", "imposed")},
    ),
    "services_ban": (
        "Britain banned the provision of consulting services to Russian companies.",
        None,
        {("GBR", "RUS", "services_ban", "imposed")},
    ),
    "sanctions_noun": (
        "New Zealand imposed sanctions on Iran on Wednesday.",
        None,
        {("NZL", "IRN", "unspecified", "imposed")},
    ),
    "restrictive_measures": (
        "China vowed countermeasures against Lithuania over the Taiwan office.",
        None,
        {("CHN", "LTU", "unspecified", "announced")},
    ),
    "face_consequences": (
        "Ottawa warned that Managua would face serious consequences if the crackdown went on.",
        None,
        {("CAN", "NIC", "unspecified", "threatened")},
    ),
    "reversal_threat": (
        "Canada eased its sanctions on Belarus, but officials said the easing could be reversed.",
        None,
        {("CAN", "BLR", "unspecified", "threatened")},
    ),
    "reserve_response": (
        "Canberra warned it reserves the right to respond to Beijing's new duties.",
        None,
        {("AUS", "CHN", "unspecified", "threatened")},
    ),
    "trade_restrictions": (
        "Washington has eased restrictions on trade and tourism with Laos.",
        None,
        {("USA", "LAO", "unspecified", "lifted")},
    ),
    "tariff_taxing_imports": (
        "Trump said Washington could start taxing another $300 billion of Chinese imports.",
        None,
        {("USA", "CHN", "tariff_increase", "threatened")},
    ),
    "suspend_participation": (
        "The G7 said it would end its participation in the G8 until Russia withdrew its troops.",
        None,
        {("G7", "RUS", "talks_suspension", "announced")},
    ),
    "trade_halt": (
        "Ankara suspended all trade with Yerevan on Thursday.",
        None,
        {("TUR", "ARM", "trade_embargo", "imposed")},
    ),
    "trade_halt_noun": (
        "Quito announced a halt to all new trade with Lima after the vote.",
        None,
        {("ECU", "PER", "trade_embargo", "imposed")},
    ),
    "trade_on_hold": (
        "Nairobi has put all new trade with Mogadishu on hold, officials said.",
        None,
        {("KEN", "SOM", "trade_embargo", "imposed")},
    ),
    "border_closure": (
        "Ecuador sealed its land border with Colombia on Sunday.",
        None,
        {("ECU", "COL", "trade_embargo", "imposed")},
    ),
    "border_reopen": (
        "Venezuela will reopen its border crossings with Colombia next week.",
        None,
        {("VEN", "COL", "trade_embargo", "lifted")},
    ),
    "airspace_reopen": (
        "Egypt reopened its airspace to Libyan airlines on Monday.",
        None,
        {("EGY", "LBY", "airspace_closure", "lifted")},
    ),
    "diplomats_sent_home": (
        "Ghana gave Nigerian diplomats 48 hours to leave the country.",
        None,
        {("GHA", "NGA", "diplomatic_expulsion", "imposed")},
    ),
    "relations_restored": (
        "Morocco restored full diplomatic relations with Iran on Tuesday.",
        None,
        {("MAR", "IRN", "diplomatic_expulsion", "lifted")},
    ),
    "trade_stopped": (
        "All trade with Qatar was halted on Monday, Bahrain's trade ministry said.",
        None,
        {("BHR", "QAT", "trade_embargo", "imposed")},
    ),
    "links_severed": (
        "Kenya severed every land, air and sea link with Somalia on Friday.",
        None,
        {("KEN", "SOM", "trade_embargo", "imposed")},
    ),
    "imports_banned": (
        "Imports of Georgian wine were banned by Russia in 2006.",
        None,
        {("RUS", "GEO", "import_ban", "imposed")},
    ),
    "dealings_forbidden_modal": (
        "Canadian banks can no longer do business with Iranian banks, Ottawa said.",
        None,
        {("CAN", "IRN", "financial_restriction", "imposed")},
    ),
    "barred_from_visiting": (
        "Beijing barred two Lithuanian lawmakers from visiting China.",
        None,
        {("CHN", "LTU", "travel_ban", "imposed")},
    ),
    "tourism_ban": (
        "Moscow halted all package tours to Egypt after the crash.",
        None,
        {("RUS", "EGY", "services_ban", "imposed")},
    ),
    "talks_on_hold": (
        "India put the river treaty with Pakistan on hold after the attack.",
        None,
        {("IND", "PAK", "talks_suspension", "imposed")},
    ),
    "put_on_list": (
        "Ottawa put nine more Belarusian officials on its list on Friday.",
        None,
        {("CAN", "BLR", "unspecified", "imposed")},
    ),
    "vow_retaliation": (
        "China vowed to hit back at the United States over the new chip rules.",
        None,
        {("CHN", "USA", "unspecified", "threatened")},
    ),
    "warned_consequences": (
        "Beijing warned Canberra of serious consequences over the inquiry.",
        None,
        {("CHN", "AUS", "unspecified", "threatened")},
    ),
    "designate_verb": (
        "The Treasury designated six Nicaraguan judges under its human rights programme.",
        None,
        {("USA", "NIC", "unspecified", "imposed")},
    ),
    "place_under_sanctions": (
        "Japan announced new restrictions on Russian officials on Friday.",
        None,
        {("JPN", "RUS", "unspecified", "imposed")},
    ),
}


# Further phrasings that widened rules must keep reading: (rule, sentence, expected tuples).
PHRASINGS: list[tuple[str, str, set[tuple[str, str | None, str, str]]]] = [
    (
        "trade_halt",
        "Kenya halted all trade with Somalia and closed its airspace to Somali aircraft.",
        {("KEN", "SOM", "trade_embargo", "imposed"), ("KEN", "SOM", "airspace_closure", "imposed")},
    ),
    (
        "diplomats_sent_home",
        "Morocco called its ambassador home from Algiers on Wednesday.",
        {("MAR", "DZA", "diplomatic_expulsion", "imposed")},
    ),
    (
        "diplomats_sent_home",
        "Ankara threw out the Dutch ambassador over the row.",
        {("TUR", "NLD", "diplomatic_expulsion", "imposed")},
    ),
    (
        "sanctions_noun",
        "The African Union withdrew the sanctions it had imposed on Guinea.",
        {("AU", "GIN", "unspecified", "lifted")},
    ),
    (
        "tariff_noun",
        "Ottawa imposed a 100% surtax on Chinese-made steel.",
        {("CAN", "CHN", "tariff_increase", "imposed")},
    ),
    (
        "expel_diplomats",
        "Mali's junta ordered the French ambassador to leave within 72 hours.",
        {("MLI", "FRA", "diplomatic_expulsion", "imposed")},
    ),
    (
        "reversal_threat",
        "Canada eased its sanctions on Belarus; officials said the licences could be amended or "
        "revoked later.",
        {("CAN", "BLR", "unspecified", "lifted"), ("CAN", "BLR", "unspecified", "threatened")},
    ),
    (
        "import_ban_on_goods",
        "Canada banned Iranian oil on Monday.",
        {("CAN", "IRN", "import_ban", "imposed")},
    ),
    (
        "import_ban_on_goods",
        "Ottawa prohibited Russian gold and diamonds.",
        {("CAN", "RUS", "import_ban", "imposed")},
    ),
    (
        "tariff_noun",
        "Beijing imposed an anti-dumping duty of up to 40% on brandy imported from the EU.",
        {("CHN", "EU", "tariff_increase", "imposed")},
    ),
    (
        "asset_freeze_noun",
        "The Treasury removed three Belarusian potash producers from its sanctions list.",
        {("USA", "BLR", "asset_freeze", "lifted")},
    ),
    (
        "talks_stop",
        "Seoul suspended the 2018 military agreement with Pyongyang after the launch.",
        {("KOR", "PRK", "talks_suspension", "imposed")},
    ),
    (
        "mfn_remove",
        "Washington revoked Georgia's trade preferences on Monday.",
        {("USA", "GEO", "mfn_revocation", "imposed")},
    ),
    (
        "finance_ban",
        "Australia barred its citizens from dealing with three Iranian banks.",
        {("AUS", "IRN", "financial_restriction", "imposed")},
    ),
    (
        "flight_ban",
        "Georgia banned flights by Russian airlines after the crackdown.",
        {("GEO", "RUS", "airspace_closure", "imposed")},
    ),
    (
        "swift",
        "Lawmakers in Washington want to keep Syrian banks off the SWIFT network.",
        {("USA", "SYR", "swift_disconnection", "threatened")},
    ),
    (
        "financial_messaging",
        "Canada will disconnect five Belarusian banks from the payments network next week.",
        {("CAN", "BLR", "swift_disconnection", "announced")},
    ),
    (
        "blocked_property",
        "The Treasury said the blocked property of the two Nicaraguan firms must be reported.",
        {("USA", "NIC", "asset_freeze", "imposed")},
    ),
    (
        "arms_ban_verb",
        "Norway banned the transfer to Saudi Arabia of weapons and ammunition.",
        {("NOR", "SAU", "arms_embargo", "imposed")},
    ),
    (
        "arms_ban_verb",
        "Sweden halted the supply of any military goods to Turkey.",
        {("SWE", "TUR", "arms_embargo", "imposed")},
    ),
    (
        "talks_stop",
        "Germany cut back diplomatic contacts with Iran on Monday.",
        {("DEU", "IRN", "talks_suspension", "imposed")},
    ),
    (
        "talks_frozen",
        "Talks with Belarus have been suspended, Lithuania said.",
        {("LTU", "BLR", "talks_suspension", "imposed")},
    ),
    (
        "aid_cut",
        "Denmark will cut budget support for Burkina Faso, its foreign minister said.",
        {("DNK", "BFA", "financial_restriction", "announced")},
    ),
    (
        "capital_access",
        "Britain restricted access to its capital markets for Russian state banks.",
        {("GBR", "RUS", "financial_restriction", "imposed")},
    ),
    (
        "remittances",
        "Washington capped remittances to Nicaraguan officials at $300 a quarter.",
        {("USA", "NIC", "financial_restriction", "imposed")},
    ),
    (
        "arms_embargo_noun",
        "Spain announced a halt on defence exports to Israel.",
        {("ESP", "ISR", "arms_embargo", "imposed")},
    ),
    (
        "arms_ban_verb",
        "The Security Council ordered states to stop the sale or transfer to Sudan of arms.",
        {("UN", "SDN", "arms_embargo", "imposed")},
    ),
    (
        "aid_cut",
        "Brussels agreed a ban on military equipment sales to Niger and a freeze on budget support.",
        {
            ("EU", "NER", "arms_embargo", "announced"),
            ("EU", "NER", "financial_restriction", "announced"),
        },
    ),
    (
        "foreign_direct_product",
        "The Commerce Department applied a policy of denial to exports to the Chinese firms.",
        {("USA", "CHN", "export_ban", "imposed")},
    ),
]

# Sentences that must not give a type: words a loose rule once read as a measure.
NOT_A_MEASURE: list[tuple[str, str]] = [
    (
        "Canada has delisted two Russian businessmen who cut ties with the Kremlin.",
        "diplomatic_expulsion",
    ),
    ("Moscow will not sell oil to countries that abide by the price cap.", "price_cap"),
    ("Canada banned exports of aircraft parts to Belarus.", "airspace_closure"),
    ("Washington cut off Export-Import Bank support for projects in Belarus.", "import_ban"),
    ("Washington cut off Export-Import Bank support for projects in Belarus.", "export_ban"),
    ("Canada imposed a ban on exporting drones and other goods to Iran.", "import_ban"),
    (
        "Moscow built its own network so banks could keep trading if it were ever disconnected from SWIFT.",
        "swift_disconnection",
    ),
    ("Washington ended restrictions on trade and tourism with Myanmar.", "travel_ban"),
]


def _tuples(sentence: str, published: str | None) -> set[tuple[str, str | None, str, str]]:
    return {
        (m.issuer.code, m.target.code, m.type.value, m.status.value)
        for m in extract(sentence, published=published)
    }


def test_every_rule_has_an_example() -> None:
    assert set(RULE_EXAMPLES) == set(RuleSet.default().by_name)


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_rule_matches_its_example(name: str) -> None:
    sentence, _, _ = RULE_EXAMPLES[name]
    assert RuleSet.default().by_name[name].regex.search(sentence), sentence


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_rule_example_is_extracted(name: str) -> None:
    sentence, published, expected = RULE_EXAMPLES[name]
    found = _tuples(sentence, published)
    assert expected <= found, f"{sentence}\n expected {expected}\n got {found}"


def test_bad_pattern_table_names_the_rule(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: x, type: boycott, anchors: [x], regex: 'x'}\n")
    with pytest.raises(VocabularyError, match="rule 1"):
        RuleSet.load(extra_patterns=[table])


def test_unknown_macro_is_rejected(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: x, type: asset_freeze, anchors: [x], regex: '{nope}x'}\n")
    with pytest.raises(VocabularyError, match="unknown macro"):
        RuleSet.load(extra_patterns=[table])


def test_regex_that_does_not_compile_is_rejected(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: x, type: asset_freeze, anchors: [x], regex: '(x'}\n")
    with pytest.raises(VocabularyError, match="does not compile"):
        RuleSet.load(extra_patterns=[table])


def test_duplicate_rule_name_is_rejected(tmp_path: Path) -> None:
    table = tmp_path / "patterns.yaml"
    table.write_text("rules:\n- {name: swift, type: asset_freeze, anchors: [x], regex: 'x'}\n")
    with pytest.raises(VocabularyError, match="duplicate rule name"):
        RuleSet.load(extra_patterns=[table])


@pytest.mark.parametrize(("sentence", "kind"), NOT_A_MEASURE)
def test_no_false_trigger(sentence: str, kind: str) -> None:
    assert kind not in {t[2] for t in _tuples(sentence, None)}, sentence


@pytest.mark.parametrize(("name", "sentence", "expected"), PHRASINGS)
def test_rule_reads_other_phrasings(name: str, sentence: str, expected: set) -> None:
    assert RuleSet.default().by_name[name].regex.search(sentence), sentence
    found = _tuples(sentence, None)
    assert expected <= found, f"{sentence}\n expected {expected}\n got {found}"
