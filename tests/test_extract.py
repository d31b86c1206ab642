"""Extraction behaviour: roles, status, context, dates, the API around it.

Every sentence here is written for these tests in the style of wire reporting.
"""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sanctions
from sanctions import Extractor, MeasureType, Status, extract, extract_many, extract_sanctions
from sanctions.errors import DocumentTooLargeError, VocabularyError


def tuples(text: str, published: str | None = None) -> set[tuple[str, str | None, str, str]]:
    return {
        (m.issuer.code, m.target.code, m.type.value, m.status.value)
        for m in extract(text, published=published)
    }


# --- roles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # issuer as subject, target as object of "on"
        ("Canada imposed sanctions on Nicaragua on Friday.", ("CAN", "NIC")),
        # by-agent in a passive
        ("The assets of two Belarusian banks were frozen by Switzerland.", ("CHE", "BLR")),
        # possessive owner of the measure
        ("Tokyo's export ban on chips to Russia took effect.", ("JPN", "RUS")),
        # demonym modifying a targeted thing
        ("Australia banned imports of Russian gold.", ("AUS", "RUS")),
        # metonyms on both sides
        ("Washington froze assets held by the Kremlin's allies.", ("USA", "RUS")),
        # an agency acts for its state
        ("OFAC blacklisted three Iranian shipping firms.", ("USA", "IRN")),
        # "hit X with sanctions": the object before a noun trigger is the target
        ("London hit Moscow with fresh sanctions on Tuesday.", ("GBR", "RUS")),
        # a subject in a clause after "after" still issues the measure inside that clause
        (
            "Beijing hit back a day after Washington announced tariffs on Chinese steel.",
            ("USA", "CHN"),
        ),
    ],
)
def test_roles(sentence, expected):
    assert any((i, t) == expected for i, t, _, _ in tuples(sentence)), tuples(sentence)


def test_coordinated_issuers_all_issue():
    found = tuples("Britain, Canada and Australia banned Russian airlines from their airspace.")
    issuers = {i for i, _, _, _ in found}
    assert {"GBR", "CAN", "AUS"} <= issuers


def test_coordinated_targets_all_targeted():
    found = tuples("The EU imposed an arms embargo on Russia and Belarus.")
    assert ("EU", "RUS", "arms_embargo", "imposed") in found
    assert ("EU", "BLR", "arms_embargo", "imposed") in found


def test_follow_construction_gives_every_issuer():
    found = tuples("Norway has followed the EU and Britain and imposed sanctions on Iran.")
    assert {i for i, _, t, _ in found if t == "unspecified"} == {"NOR", "EU", "GBR"}


def test_comma_alone_is_not_a_list():
    found = tuples("Citing the war in Ukraine, Singapore banned exports of electronics to Russia.")
    assert {i for i, _, _, _ in found} == {"SGP"}


def test_causes_are_not_parties():
    found = tuples("Canada froze the assets of Russian oligarchs over the invasion of Ukraine.")
    assert found == {("CAN", "RUS", "asset_freeze", "imposed")}


def test_ban_on_targets_own_exports_is_an_import_ban():
    found = tuples("Japan banned Russian exports of timber to its market.")
    assert ("JPN", "RUS", "import_ban", "imposed") in found


def test_hyphen_modifier_does_not_issue():
    found = tuples(
        "The Security Council's U.S.-drafted resolution bans fresh investment in Eritrea."
    )
    assert {i for i, _, _, _ in found} == {"UN"}


# --- status -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Ottawa has imposed sanctions on Caracas.", "imposed"),
        ("Ottawa will impose sanctions on Caracas next week.", "announced"),
        ("Ottawa decided to impose sanctions on Caracas.", "announced"),
        ("Ottawa threatened to impose sanctions on Caracas.", "threatened"),
        ("Ottawa is considering sanctions on Caracas.", "threatened"),
        ("Caracas could face sanctions from Ottawa if the crackdown goes on.", "threatened"),
        ("Ottawa lifted its sanctions on Caracas on Monday.", "lifted"),
        ("Ottawa's sanctions on Caracas were eased on Monday.", "lifted"),
        ("Ottawa extended its sanctions on Caracas for a year.", "imposed"),
    ],
)
def test_status(sentence, status):
    found = tuples(sentence)
    assert ("CAN", "VEN", "unspecified", status) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Ottawa has not imposed sanctions on Caracas.",
        "Ottawa ruled out sanctions on Caracas.",
        "Ottawa didn't impose sanctions on Caracas.",
        "Ottawa won’t impose sanctions on Caracas.",
        "Ottawa failed to agree on sanctions against Caracas.",
        "Will Ottawa impose sanctions on Caracas?",
        "Caracas has found ways to evade Canadian sanctions for years.",
        "Analysts say sanctions have hurt the Venezuelan economy.",
        "Ottawa hoped the sanctions would bring Caracas back to the negotiating table.",
        "If Ottawa ever imposed sanctions on Caracas, oil prices would rise.",
    ],
)
def test_negation_questions_commentary_and_hypotheticals_give_nothing(sentence):
    assert tuples(sentence) == set()


def test_a_measure_named_with_owner_and_target_is_reported_even_in_talk_of_breaches():
    found = tuples(
        "Ottawa blacklisted a shipping firm, charging that it had violated the G7's price cap "
        "on Russian crude."
    )
    assert ("G7", "RUS", "price_cap", "imposed") in found, found
    found = tuples("Hanoi promised to comply with United Nations sanctions on Pyongyang.")
    assert found == {("UN", "PRK", "unspecified", "imposed")}


def test_the_one_urged_to_take_steps_is_their_issuer():
    found = tuples(
        "Turkey kept drilling on Monday. Athens pressed the EU to adopt punitive measures."
    )
    assert found == {("EU", "TUR", "unspecified", "threatened")}


def test_a_similar_action_announced_by_others_is_found():
    found = tuples(
        "Washington imposed sanctions on Russia. Britain and Japan will take similarly forceful "
        "action, officials said."
    )
    assert ("GBR", "RUS", "unspecified", "announced") in found, found
    assert ("JPN", "RUS", "unspecified", "announced") in found, found


def test_a_demand_governs_the_clause_it_introduces():
    found = tuples("Ukraine urged Canada to impose sanctions on Belarus.")
    assert ("CAN", "BLR", "unspecified", "threatened") in found


def test_fronted_phrase_does_not_set_status():
    found = tuples("Demanding a ceasefire, the Security Council banned all flights over Libya.")
    assert ("UN", "LBY", "airspace_closure", "imposed") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a condition after the trigger makes it a threat
        ("Ottawa will impose sanctions on Caracas, should Caracas rig the vote.", "threatened"),
        # a deal not yet sealed
        ("Canada has yet to agree on new sanctions on Venezuela.", "threatened"),
        # the owner inside the measure's noun phrase does not hide the lift word
        ("The lifting of Canadian sanctions on Venezuela surprised traders.", "lifted"),
        # a relative clause after the trigger describes its history, not its status
        ("Canada reimposed every sanction on Venezuela that had been lifted in 2023.", "imposed"),
    ],
)
def test_status_in_context(sentence, expected):
    found = tuples(sentence)
    assert ("CAN", "VEN", "unspecified", expected) in found, found


def test_a_decision_to_end_a_measure_is_a_lifting():
    found = tuples("The EU decided to end its arms embargo on Uzbekistan.")
    assert found == {("EU", "UZB", "arms_embargo", "lifted")}


def test_a_lifted_measure_lifts_what_its_relative_clause_lists():
    found = tuples(
        "London said the accord is meant to remove the measures that cut Iranian "
        "lenders off from SWIFT and blocked the reserves of its central bank."
    )
    assert found == {
        ("GBR", "IRN", "swift_disconnection", "lifted"),
        ("GBR", "IRN", "asset_freeze", "lifted"),
    }


def test_a_remark_added_after_a_lifting_is_its_own_statement():
    found = tuples(
        "The Treasury said it was lifting the ban on trading in Venezuelan bonds, adding that "
        "the licences could be revoked at any moment."
    )
    assert ("USA", "VEN", "financial_restriction", "lifted") in found, found


def test_a_concession_after_a_ban_does_not_make_it_a_threat():
    found = tuples(
        "Ottawa's ban on importing Belarusian potash starts in 60 days, "
        "though the ministry may grant exemptions."
    )
    assert found == {("CAN", "BLR", "import_ban", "imposed")}


def test_should_after_a_measure_is_its_effect_not_a_condition():
    found = tuples(
        "The centrepiece is a Canadian ban on Russian oil, which, with a Japanese decision to stop "
        "buying Russian coal, should cut Russia's export earnings."
    )
    assert ("CAN", "RUS", "import_ban", "imposed") in found, found
    assert ("JPN", "RUS", "import_ban", "announced") in found, found
    found = tuples(
        "Ottawa will lift its ban on Belarusian potash, should Minsk free the prisoners."
    )
    assert found == {("CAN", "BLR", "import_ban", "threatened")}


def test_a_state_named_between_owner_and_measure_is_the_target():
    assert tuples("The European Union extended its Belarus sanctions for a year.") == {
        ("EU", "BLR", "unspecified", "imposed")
    }
    assert tuples("Washington's Iran sanctions were tightened on Monday.") == {
        ("USA", "IRN", "unspecified", "imposed")
    }


def test_an_averted_lapse_leaves_the_measure_in_force():
    found = tuples("The EU narrowly avoided letting its Belarus sanctions expire on Friday.")
    assert found == {("EU", "BLR", "unspecified", "imposed")}


def test_an_owner_before_a_priced_measure_issues_it():
    found = tuples("The G7's $45-a-barrel ceiling on Russian diesel took effect on Monday.")
    assert found == {("G7", "RUS", "price_cap", "imposed")}


def test_asset_freezes_are_not_a_verb_of_stopping():
    found = tuples(
        "EU leaders said they might weigh travel bans, asset freezes and cancelling a "
        "summit with Belarus."
    )
    assert ("EU", "BLR", "asset_freeze", "threatened") in found, found
    assert ("EU", "BLR", "talks_suspension", "threatened") in found, found


def test_an_owner_inside_the_measures_words_issues_it_before_a_speaker():
    found = tuples(
        "The Greek prime minister said Athens could seek a halt to the EU accession process "
        "for Turkey."
    )
    assert found == {("EU", "TUR", "talks_suspension", "threatened")}


def test_examples_of_a_list_share_the_status_of_their_head_noun():
    found = tuples(
        "Officials discussed the harshest options floated by Ottawa, such as a freeze on the "
        "assets of Belarusian officials."
    )
    assert found == {("CAN", "BLR", "asset_freeze", "threatened")}
    found = tuples("Canada imposed new sanctions, including a ban on Belarusian potash.")
    assert found == {("CAN", "BLR", "import_ban", "imposed")}
    found = tuples(
        "Ottawa said it would consider harsher steps such as travel bans unless Minsk "
        "released the prisoners."
    )
    assert ("CAN", "BLR", "travel_ban", "threatened") in found, found


def test_a_measure_under_negotiation_is_a_threat():
    found = tuples("EU envoys were busy negotiating an oil embargo on Tehran this week.")
    assert found == {("EU", "IRN", "import_ban", "threatened")}


def test_without_before_a_party_is_no_negation():
    found = tuples(
        "The G7 leaders gathered in Rome without Russia and said they had frozen their "
        "participation in the G8 until Russia pulls out of Crimea."
    )
    assert found == {("G7", "RUS", "talks_suspension", "imposed")}
    assert tuples("Ottawa said Caracas could keep buying Canadian wheat without penalty.") == set()


def test_the_owner_of_a_plan_to_act_issues_the_measure():
    found = tuples(
        "Washington lobbied Jakarta to back the G7 proposal to cap the price of Russian diesel."
    )
    assert found == {("G7", "RUS", "price_cap", "threatened")}
    found = tuples("Beijing condemned Canada's decision to slap tariffs on Chinese steel.")
    assert found == {("CAN", "CHN", "tariff_increase", "announced")}


def test_a_response_without_a_named_target_answers_whoever_hit_the_issuer():
    found = tuples(
        "Moscow banned imports of fish from the European Union and Norway. Brussels answered "
        "that it reserves the right to respond."
    )
    assert ("EU", "RUS", "unspecified", "threatened") in found, found
    assert ("EU", "NOR", "unspecified", "threatened") not in found, found


def test_an_agreement_named_before_a_measure_is_no_decision():
    found = tuples(
        "Canada, citing breaches of the nuclear agreement, froze the assets of three Iranian banks."
    )
    assert found == {("CAN", "IRN", "asset_freeze", "imposed")}


def test_a_subject_before_a_past_tense_trigger_bounds_its_status_words():
    found = tuples(
        "Ottawa had eased its sanctions on Iran in 2016, and in March the Treasury blacklisted "
        "Bank Sepah."
    )
    assert ("USA", "IRN", "asset_freeze", "imposed") in found, found


def test_people_now_under_a_ban_report_a_measure_in_force():
    found = tuples("Ottawa said twelve Lukashenko allies are now under a travel ban.")
    assert found == {("CAN", "BLR", "travel_ban", "imposed")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ottawa said removing the sanctions on Minsk is out of the question.", set()),
        (
            "Moscow threatened to halt negotiations on nuclear arms control if Washington "
            "deployed new missiles.",
            {("RUS", "USA", "talks_suspension", "threatened")},
        ),
        (
            "The White House said President Bill Clinton had imposed sanctions on Sudan.",
            {("USA", "SDN", "unspecified", "imposed")},
        ),
        (
            "The European Community may halt its trade talks with Belgrade.",
            {("EU", "SRB", "talks_suspension", "threatened")},
        ),
        (
            "Greece announced a suspension of direct air links with Albania.",
            {("GRC", "ALB", "airspace_closure", "imposed")},
        ),
        (
            "The Azerbaijani parliament threatened to break relations with Russia.",
            {("AZE", "RUS", "diplomatic_expulsion", "threatened")},
        ),
    ],
)
def test_older_wire_phrasings(sentence, expected):
    assert tuples(sentence) == expected


def test_a_warning_after_a_fronted_condition_is_issued_by_the_warner():
    found = tuples(
        "Ottawa imposed sanctions on Ukraine's separatists. Ottawa, for its part, warned Minsk "
        "that unless it frees the prisoners, it is prepared to impose political and economic costs."
    )
    assert ("CAN", "BLR", "unspecified", "threatened") in found, found


def test_a_named_entity_is_a_target_of_its_state():
    found = extract("The Treasury blacklisted Sovcomflot on Friday.")
    assert [(m.issuer.code, m.target.code, m.target.kind.value) for m in found] == [
        ("USA", "RUS", "entity")
    ]
    found = tuples("The Commerce Department put twenty subsidiaries of ZTE on the Entity List.")
    assert found == {("USA", "CHN", "export_ban", "imposed")}


def test_an_entity_never_issues_for_its_state():
    assert tuples("Gazprom said it would halt gas deliveries to Poland.") == set()


def test_a_measure_being_answered_is_in_force_and_held_where_the_assets_are():
    found = tuples("The Kremlin said it would respond to the seizure of Russian assets in Europe.")
    assert found == {("EU", "RUS", "asset_freeze", "imposed")}
    found = tuples("Beijing vowed to retaliate against new U.S. tariffs on Chinese steel.")
    # the tariffs are in force; the vow to answer them threatens an unnamed measure
    assert found == {
        ("USA", "CHN", "tariff_increase", "imposed"),
        ("CHN", "USA", "unspecified", "threatened"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Ottawa did not rule out sanctions on Caracas.",
        "Ottawa didn't rule out new sanctions on Caracas.",
        "Ottawa said it would not hesitate to impose further sanctions on Caracas.",
    ],
)
def test_an_option_kept_open_is_a_threat(sentence):
    assert tuples(sentence) == {("CAN", "VEN", "unspecified", "threatened")}


def test_a_state_after_its_owners_its_inside_a_list_is_the_target():
    found = tuples("The European Union on Monday added 28 people to its Belarus sanctions list.")
    assert found == {("EU", "BLR", "asset_freeze", "imposed")}


def test_a_chambers_vote_is_a_bill_not_yet_law():
    found = tuples(
        "Citing the crackdown, the U.S. Senate voted 92-0 to strip Belarus of normal trade relations."
    )
    assert found == {("USA", "BLR", "mfn_revocation", "threatened")}


def test_fewer_names_on_a_list_is_a_lifting():
    found = tuples("Ottawa has halved the number of firms on its sanctions list for Belarus.")
    assert found == {("CAN", "BLR", "asset_freeze", "lifted")}


def test_a_vote_still_to_come_is_a_threat():
    found = tuples("The Security Council is due to vote on Friday on new sanctions against Mali.")
    assert found == {("UN", "MLI", "unspecified", "threatened")}


def test_reserving_the_right_to_countermeasures_is_a_threat():
    found = tuples("Beijing reserves the right to take countermeasures against Lithuania.")
    assert found == {("CHN", "LTU", "unspecified", "threatened")}


def test_scrapping_a_sanctions_programme_is_a_lifting():
    found = tuples("Ottawa scrapped its Belarus-specific sanctions programme on Monday.")
    assert found == {("CAN", "BLR", "unspecified", "lifted")}


def test_coming_straight_off_a_list_is_a_lifting():
    found = tuples("Forty Belarusian officials came straight off the Canadian sanctions list.")
    assert ("CAN", "BLR", "asset_freeze", "lifted") in found, found


def test_a_warning_by_officials_after_a_measure_in_force_is_its_own_statement():
    found = tuples(
        "Penalties imposed on Minsk remain in place, and U.S. diplomats warned that the relief "
        "could be reversed."
    )
    assert ("USA", "BLR", "unspecified", "imposed") in found, found


def test_joining_another_issuer_in_a_round_of_measures():
    found = tuples(
        "Canada banned Iranian oil, joining Washington in a new wave of measures against Tehran."
    )
    assert ("CAN", "IRN", "import_ban", "imposed") in found, found
    assert ("USA", "IRN", "unspecified", "imposed") in found, found


def test_coming_off_a_sanctions_list_is_a_lifting():
    found = tuples("Two Belarusian banks are coming off the Canadian sanctions list.")
    assert ("CAN", "BLR", "asset_freeze", "lifted") in found, found


def test_the_one_who_faces_measures_is_their_target():
    found = tuples("Canada warned Belarus that it would face sanctions if the crackdown went on.")
    assert found == {("CAN", "BLR", "unspecified", "threatened")}


def test_a_speaker_is_not_the_one_who_faces_measures():
    found = tuples(
        "Trudeau added that any firm trading with the Lukashenko regime could face travel "
        "restrictions."
    )
    assert found == {("CAN", "BLR", "travel_ban", "threatened")}


def test_or_face_makes_the_subject_the_target():
    found = tuples("The Security Council told Iran to halt enrichment or face sanctions.")
    assert ("UN", "IRN", "unspecified", "threatened") in found, found


def test_a_general_measure_in_its_own_statement_is_kept():
    found = tuples(
        "Ottawa threatened to recall its ambassador from Managua, warning that Nicaragua could face "
        "sanctions if the crackdown went on."
    )
    assert ("CAN", "NIC", "unspecified", "threatened") in found, found


def test_a_general_measure_that_a_specific_one_spells_out_is_dropped():
    found = tuples("Ottawa imposed sanctions on Nicaragua, freezing the assets of its ministers.")
    assert found == {("CAN", "NIC", "asset_freeze", "imposed")}


def test_a_ban_on_a_named_states_exports_is_an_import_ban():
    found = tuples("The Security Council outlawed DPRK exports of textiles and seafood.")
    assert found == {("UN", "PRK", "import_ban", "imposed")}


def test_those_who_have_their_assets_frozen_are_the_target():
    found = tuples(
        "Canada blacklisted nine officials, and three of them, including Lukashenko "
        "himself, will have their assets frozen."
    )
    assert ("CAN", "BLR", "asset_freeze", "announced") in found, found
    assert not any(issuer == "BLR" for issuer, *_ in found), found


def test_a_leaders_loyalists_are_a_target():
    found = tuples("Twelve Gaddafi loyalists were barred from entering Switzerland.")
    assert found == {("CHE", "LBY", "travel_ban", "imposed")}


def test_two_demonyms_each_with_a_head_are_both_targets():
    found = tuples("Ottawa cut two Russian lenders and one Belarusian lender off from SWIFT.")
    assert found == {
        ("CAN", "RUS", "swift_disconnection", "imposed"),
        ("CAN", "BLR", "swift_disconnection", "imposed"),
    }
    found = tuples(
        "Four Russian lenders, VTB among them, and two Belarusian lenders will be cut off "
        "from SWIFT by Canada."
    )
    assert found == {
        ("CAN", "RUS", "swift_disconnection", "announced"),
        ("CAN", "BLR", "swift_disconnection", "announced"),
    }


def test_the_place_of_a_meeting_is_not_the_issuer():
    found = tuples(
        "EU interior ministers meeting in Warsaw on Friday agreed to freeze visa "
        "facilitation for Belarusian citizens."
    )
    assert {issuer for issuer, *_ in found} == {"EU"}, found


def test_the_subject_of_a_main_clause_does_not_issue_a_measure_in_a_before_clause():
    found = tuples(
        "Ottawa set out four conditions Caracas has to fulfil before the sanctions are lifted."
    )
    assert not any(issuer == "VEN" for issuer, *_ in found), found


def test_a_partner_in_a_coordinated_measure_is_not_its_target():
    found = tuples(
        "Ottawa said Minsk had already paid a price through penalties agreed with Europe."
    )
    assert ("CAN", "EU", "unspecified", "imposed") not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU will shut its airspace to Belarusian planes; several member states, Poland "
            "and Latvia among them, had already done so.",
            {
                ("EU", "BLR", "airspace_closure", "announced"),
                ("POL", "BLR", "airspace_closure", "imposed"),
                ("LVA", "BLR", "airspace_closure", "imposed"),
            },
        ),
        (
            "Canada froze the assets of Belarusian officials on Monday. Australia followed suit.",
            {
                ("CAN", "BLR", "asset_freeze", "imposed"),
                ("AUS", "BLR", "asset_freeze", "imposed"),
            },
        ),
        (
            "Japan banned imports of Russian coal. South Korea said it would do the same.",
            {("JPN", "RUS", "import_ban", "imposed"), ("KOR", "RUS", "import_ban", "announced")},
        ),
        (
            "Japan banned imports of Russian coal. South Korea has not done so.",
            {("JPN", "RUS", "import_ban", "imposed")},
        ),
        (
            "Canada closed its airspace to Belarusian planes. Officials in Washington said the "
            "U.S. was considering a similar step.",
            {
                ("CAN", "BLR", "airspace_closure", "imposed"),
                ("USA", "BLR", "airspace_closure", "threatened"),
            },
        ),
    ],
)
def test_an_elliptical_clause_repeats_the_measure_for_its_issuers(text, expected):
    assert tuples(text) == expected


def test_the_state_of_the_union_is_not_the_eu():
    found = tuples(
        "Belarusian jets will be banned from U.S. airspace, Biden told lawmakers in his State of "
        "the Union speech."
    )
    assert found == {("USA", "BLR", "airspace_closure", "announced")}


def test_owners_listed_after_a_measure_all_issue_it():
    found = tuples(
        "Dozens of Iranian lenders were disconnected from SWIFT under Canadian and EU sanctions."
    )
    assert found == {
        ("CAN", "IRN", "swift_disconnection", "imposed"),
        ("EU", "IRN", "swift_disconnection", "imposed"),
    }


def test_sanctions_from_a_state_name_their_issuer():
    found = tuples("Caracas could face sanctions from Ottawa.")
    assert found == {("CAN", "VEN", "unspecified", "threatened")}


def test_the_issuers_own_people_barred_from_business_are_not_the_target():
    found = tuples("Ottawa barred Canadians from doing business with Iran's Revolutionary Guards.")
    assert ("CAN", "IRN", "financial_restriction", "imposed") in found, found


def test_a_giver_of_aid_issues_its_cut():
    found = tuples("Canada has ended Canadian aid to Myanmar's military government.")
    assert ("CAN", "MMR", "financial_restriction", "imposed") in found, found


def test_an_agency_possessive_owns_its_list():
    found = tuples("Three Iranian firms were added to OFAC's Specially Designated Nationals list.")
    assert ("USA", "IRN", "asset_freeze", "imposed") in found, found


# --- context ----------------------------------------------------------------------------------


def test_issuer_and_target_from_earlier_sentences():
    text = (
        "Canada announced a new sanctions package against Belarus on Monday. "
        "The measures freeze the assets of 22 officials and ban the export of aviation parts."
    )
    found = tuples(text)
    assert ("CAN", "BLR", "asset_freeze", "imposed") in found
    assert ("CAN", "BLR", "export_ban", "imposed") in found


def test_the_council_resolves_to_the_bloc_of_that_name():
    text = (
        "The Council of the European Union adopted a package on Belarus. "
        "The G7 welcomed the step. The Council also banned exports of aircraft parts to Belarus."
    )
    found = tuples(text)
    assert ("EU", "BLR", "export_ban", "imposed") in found, found
    assert not any(issuer == "G7" for issuer, _, _, _ in found)


def test_first_party_shown_acting_issues_later_measures():
    text = (
        "The Arab League is turning up the heat on Damascus. "
        "The body then voted to suspend Syria from all of its meetings."
    )
    assert ("ARAB_LEAGUE", "SYR", "talks_suspension", "imposed") in tuples(text)


def test_general_sanctions_without_any_issuer_give_nothing():
    assert tuples("Western sanctions have squeezed the economy of Iran for years.") == set()


def test_unspecified_dropped_where_a_specific_type_is_stated():
    found = tuples("Canada imposed sanctions on Belarus, freezing the assets of 12 officials.")
    assert ("CAN", "BLR", "asset_freeze", "imposed") in found
    assert ("CAN", "BLR", "unspecified", "imposed") not in found


# --- evidence, dates, responses ---------------------------------------------------------------


def test_evidence_points_into_the_text():
    text = "After weeks of talks, Switzerland froze the assets of 14 Belarusian officials."
    (measure,) = extract(text)
    assert text[measure.evidence.start : measure.evidence.end] == measure.evidence.text
    assert "froze the assets" in measure.evidence.text


def test_weekday_resolves_against_publication_date():
    (measure,) = extract("Canada imposed sanctions on Iran on Monday.", published="2022-03-03")
    assert measure.date == dt.date(2022, 2, 28)


def test_explicit_date_wins():
    (measure,) = extract(
        "On March 2, 2021 Canada imposed sanctions on Iran.", published="2022-03-03"
    )
    assert measure.date == dt.date(2021, 3, 2)


def test_countermeasure_points_at_what_it_answers():
    text = (
        "Lithuania banned imports of Chinese steel on Monday. "
        "In retaliation, Beijing suspended trade talks with Lithuania."
    )
    measures = extract(text)
    talks = next(m for m in measures if m.type is MeasureType.TALKS_SUSPENSION)
    assert talks.responds_to is not None
    assert (talks.responds_to.issuer, talks.responds_to.target) == ("LTU", "CHN")


def test_each_side_of_a_tit_for_tat_expulsion():
    found = tuples(
        "Canada expelled four Chinese diplomats on Thursday and Beijing retaliated by "
        "expelling a Canadian consul."
    )
    assert ("CAN", "CHN", "diplomatic_expulsion", "imposed") in found
    assert ("CHN", "CAN", "diplomatic_expulsion", "imposed") in found


def test_what_a_party_calls_retaliation_is_no_measure_of_its_own():
    found = tuples("Beijing blocked Lithuanian beef, in what Vilnius called retaliation.")
    assert {issuer for issuer, _, _, _ in found} == {"CHN"}


def test_adopting_another_blocs_sanctions_makes_both_issuers():
    found = tuples("Switzerland adopted the EU's latest sanctions against Belarus on Friday.")
    assert {("CHE", "BLR"), ("EU", "BLR")} <= {(i, t) for i, t, _, _ in found}


def test_a_name_modifying_targeted_firms_is_the_target():
    found = tuples("China added three U.S. defence firms to its unreliable entity list.")
    assert ("CHN", "USA", "export_ban", "imposed") in found, found


def test_words_of_a_condition_do_not_set_the_status():
    found = tuples(
        "The EU agreed to impose an arms embargo on Niger's junta and said it was ready to "
        "consider travel bans and asset freezes if the president was not released."
    )
    assert ("EU", "NER", "arms_embargo", "announced") in found
    assert ("EU", "NER", "travel_ban", "threatened") in found
    assert ("EU", "NER", "asset_freeze", "threatened") in found


def test_sanctions_cited_as_a_cause_keep_their_owner():
    found = tuples(
        "Moscow barred 200 more Americans from entering the country in response to U.S. sanctions."
    )
    assert ("RUS", "USA", "travel_ban", "imposed") in found
    assert ("USA", "RUS", "unspecified", "imposed") in found


def test_part_of_a_blocs_response_names_its_issuer():
    found = tuples(
        "Poland and Lithuania said curbs on flights to Minsk might become part of the EU "
        "package against Belarus."
    )
    assert found == {("EU", "BLR", "airspace_closure", "threatened")}


def test_target_kind_and_count():
    (measure,) = extract("Britain froze the assets of seven Russian oligarchs.")
    assert measure.target.kind is sanctions.TargetKind.INDIVIDUAL
    assert measure.target.count == 7


def test_one_measure_per_tuple_with_first_evidence():
    text = "Canada froze Belarusian assets. Later, Canada froze more Belarusian assets."
    measures = [m for m in extract(text) if m.type is MeasureType.ASSET_FREEZE]
    assert len(measures) == 1
    assert measures[0].evidence.start < 30


# --- API --------------------------------------------------------------------------------------


def test_empty_and_blank_text_give_nothing():
    assert extract("") == []
    assert extract(" \n\t ") == []


def test_bytes_are_refused_with_a_hint():
    with pytest.raises(TypeError, match="decode"):
        extract(b"Canada imposed sanctions on Iran.")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 42, ["text"]])
def test_non_str_is_refused_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        extract(bad)


def test_bad_published_date_is_refused():
    with pytest.raises(ValueError, match="ISO date"):
        extract("Canada imposed sanctions on Iran.", published="yesterday")
    with pytest.raises(TypeError):
        extract("Canada imposed sanctions on Iran.", published=20220101)  # type: ignore[arg-type]


def test_max_chars_limit():
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        Extractor(max_chars=10).extract("Canada imposed sanctions on Iran.")


def test_source_is_copied_onto_measures():
    (measure,) = extract("Canada imposed sanctions on Iran.", source="https://example.org/a")
    assert measure.source == "https://example.org/a"


def test_extract_many_is_lazy_and_takes_records():
    consumed = []

    def records():
        for number, text in enumerate(
            ["Canada imposed sanctions on Iran.", "Norway froze Russian assets."]
        ):
            consumed.append(number)
            yield {"id": f"doc-{number}", "text": text, "published": "2022-03-01"}

    iterator = extract_many(records())
    assert consumed == []
    first = next(iterator)
    assert first.source == "doc-0"
    assert consumed == [0]
    rest = list(iterator)
    assert [m.issuer.code for m in rest] == ["NOR"]


def test_extract_many_refuses_a_bare_string_and_bad_records():
    with pytest.raises(TypeError, match="iterable"):
        list(extract_many("Canada imposed sanctions on Iran."))
    with pytest.raises(TypeError, match="record 1"):
        list(extract_many(["Canada imposed sanctions on Iran.", {"body": "no text key"}]))


def test_extract_sanctions_groups_by_issuer_and_target():
    text = "Canada froze the assets of Iranian generals and banned travel by Iranian officials."
    (package,) = extract_sanctions(text)
    assert package.issuer.code == "CAN"
    assert package.target.code == "IRN"
    assert {m.type for m in package.measures} == {MeasureType.ASSET_FREEZE, MeasureType.TRAVEL_BAN}


def test_user_pattern_table_adds_a_measure_phrase(tmp_path: Path):
    table = tmp_path / "extra.yaml"
    table.write_text(
        "rules:\n"
        "- name: shipping_blacklist\n"
        "  type: port_ban\n"
        "  anchors: [harbour blacklist]\n"
        "  regex: '\\bharbour\\s+blacklist\\b'\n"
        "  form: noun\n"
        "  weight: 40\n",
        encoding="utf-8",
    )
    text = "Iceland put Russian trawlers on its harbour blacklist."
    assert ("ISL", "RUS", "port_ban", "imposed") not in tuples(text)
    extractor = Extractor(extra_patterns=[table])
    found = {(m.issuer.code, m.target.code, m.type.value) for m in extractor.extract(text)}
    assert ("ISL", "RUS", "port_ban") in found


def test_user_actor_table_adds_an_alias(tmp_path: Path):
    table = tmp_path / "aliases.yaml"
    table.write_text("- {code: GBR, kind: agency, names: [the Sanctions Unit]}\n", encoding="utf-8")
    text = "The Sanctions Unit froze the assets of six Iranian generals."
    extractor = Extractor(extra_actors=[table])
    assert {m.issuer.code for m in extractor.extract(text)} == {"GBR"}


def test_bad_user_pattern_table_fails_at_load(tmp_path: Path):
    table = tmp_path / "extra.yaml"
    table.write_text("rules:\n- {name: x, type: embargo, anchors: [x], regex: x}\n")
    with pytest.raises(VocabularyError, match="rule 1"):
        Extractor(extra_patterns=[table])


def test_pure_python_scanner_gives_the_same_measures():
    text = (
        "Canada froze the assets of nine Belarusian officials on Monday. Norway banned imports "
        "of Russian seafood, while Japan revoked Russia's most-favoured-nation status."
    )
    fast = Extractor().extract(text)
    slow = Extractor(compiled_scanner=False).extract(text)
    assert fast == slow


# --- properties -------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "Canada", "the EU", "Russia", "Russian", "Iran's", "Washington", "froze", "assets",
        "sanctions", "on", "against", "banned", "imports", "of", "oil", "will", "not", "could",
        "lifted", "the", "ban", "SWIFT", "from", "tariffs", "talks", "halted", ",", ".", "?",
        "’s", "\n", "arms embargo", "visa", "airspace", "if", "by",
    ]
)  # fmt: skip
NEWSISH = st.lists(WORDS, max_size=60).map(" ".join)


@given(st.one_of(st.text(), NEWSISH))
def test_extract_never_raises_and_offsets_are_exact(text):
    measures = extract(text)
    for measure in measures:
        assert text[measure.evidence.start : measure.evidence.end] == measure.evidence.text
    assert extract(text) == measures  # deterministic
    keys = [m.key for m in measures]
    assert len(keys) == len(set(keys))  # one measure per (issuer, target, type, status)


@given(NEWSISH)
def test_status_values_are_the_vocabulary(text):
    for measure in extract(text):
        assert measure.status in set(Status)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister will travel to Washington for tariff talks next week.",
        "North Korea is among the most heavily sanctioned countries in the world.",
        "The sanctions row between the two neighbours deepened on Friday.",
    ],
)
def test_a_measure_word_as_a_modifier_or_description_states_no_measure(sentence: str) -> None:
    assert tuples(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Japan froze the assets of three Russian banks on Monday.", dt.date(2022, 3, 7)),
        ("Japan froze the assets of three Russian banks.", dt.date(2022, 3, 10)),
        ("Japan had already frozen the assets of three Russian banks.", None),
        ("The sanctions Tokyo imposed on Moscow in 2014 remain in force.", None),
        ("Japan froze the assets of three Russian banks years ago.", None),
    ],
)
def test_a_background_measure_takes_no_date_from_the_article(
    sentence: str, date: dt.date | None
) -> None:
    (measure,) = sanctions.extract(sentence, published="2022-03-10")
    assert measure.status.value == "imposed"
    assert measure.date == date


def test_a_group_phrase_stands_only_for_a_list_of_its_size() -> None:
    text = (
        "Kenya and Uganda cut ties with Burundi. "
        "The three countries also closed their airspace to Burundian planes."
    )
    closers = {m.issuer.code for m in extract(text) if m.type is MeasureType.AIRSPACE_CLOSURE}
    assert closers != {"KEN", "UGA"}  # "the three" is not the list of two
    both = "Kenya and Uganda cut ties with Burundi. Both countries also closed their airspace."
    closers = {m.issuer.code for m in extract(both) if m.type is MeasureType.AIRSPACE_CLOSURE}
    assert closers == {"KEN", "UGA"}


# --- older reporting: former states and the published date -------------------------------------


def test_soviet_grain_halt_of_1980():
    assert tuples(
        "The Soviet Union halted grain purchases from the United States.", published="1980-01-10"
    ) == {("SUN", "USA", "import_ban", "imposed")}


def test_moscow_is_the_soviet_union_in_1987_and_russia_in_2022():
    text = (
        "Washington imposed 100 pct tariffs on Japanese electronics after Moscow expelled "
        "two U.S. diplomats."
    )
    assert tuples(text, published="1987-04-17") == {
        ("USA", "JPN", "tariff_increase", "imposed"),
        ("SUN", "USA", "diplomatic_expulsion", "imposed"),
    }
    assert ("RUS", "USA", "diplomatic_expulsion", "imposed") in tuples(text, published="2022-04-17")
    assert ("RUS", "USA", "diplomatic_expulsion", "imposed") in tuples(text)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The Kremlin said it would bar imports of Polish ham, Tass reported.",
            "1982-03-01",
            ("SUN", "POL", "import_ban", "announced"),
        ),
        (
            "Gorbachev ordered a halt to oil deliveries to Lithuania.",
            "1990-04-18",
            ("SUN", "LTU", "export_ban", "imposed"),
        ),
        (
            "Yugoslavia was hit by a United Nations trade embargo on Saturday.",
            "1992-05-30",
            ("UN", "YUG", "trade_embargo", "imposed"),
        ),
        (
            "The United States froze Yugoslav assets and Belgrade retaliated.",
            "1992-06-01",
            ("USA", "YUG", "asset_freeze", "imposed"),
        ),
        (
            "Prague expelled two American diplomats.",
            "1988-11-02",
            ("CSK", "USA", "diplomatic_expulsion", "imposed"),
        ),
        (
            "Prague expelled two American diplomats.",
            "2018-11-02",
            ("CZE", "USA", "diplomatic_expulsion", "imposed"),
        ),
        (
            "East Germany expelled two West German diplomats.",
            "1985-05-02",
            ("DDR", "DEU", "diplomatic_expulsion", "imposed"),
        ),
        (
            "The United States cut off aid to Zaire.",
            "1993-01-05",
            ("USA", "ZAR", "financial_restriction", "imposed"),
        ),
        (
            "Washington banned imports from Burma.",
            "1988-10-02",
            ("USA", "BUR", "import_ban", "imposed"),
        ),
        (
            "Washington banned imports from Burma.",
            "2003-07-28",
            ("USA", "MMR", "import_ban", "imposed"),
        ),
        (
            "The Common Market agreed to ban imports from Argentina for one month.",
            "1982-04-10",
            ("EU", "ARG", "import_ban", "announced"),
        ),
        (
            "The EC lifted its ban on imports of Soviet caviar.",
            "1990-02-01",
            ("EU", "SUN", "import_ban", "lifted"),
        ),
    ],
)
def test_old_wire_copy(text, published, expected):
    assert tuples(text, published=published) == {expected}


# --- responds_to runs one way ---------------------------------------------------------------


def links(text):
    return {
        (m.issuer.code, m.target.code): None
        if m.responds_to is None
        else (m.responds_to.issuer, m.responds_to.target)
        for m in extract(text)
    }


def test_the_measure_named_as_the_cause_does_not_answer():
    text = (
        "Moscow suspended its fisheries talks with Norway on Tuesday in retaliation for "
        "Oslo's sanctions, the foreign ministry said."
    )
    assert links(text) == {("RUS", "NOR"): ("NOR", "RUS"), ("NOR", "RUS"): None}


def test_of_two_measures_in_one_sentence_the_later_answers():
    text = (
        "The European Union imposed sanctions on Belarus on Monday, and Minsk retaliated by "
        "banning imports of EU food."
    )
    assert links(text) == {("EU", "BLR"): None, ("BLR", "EU"): ("EU", "BLR")}


def test_a_chain_of_answers_is_kept_and_no_pair_points_both_ways():
    text = (
        "Ottawa expelled two Russian diplomats on Monday. Moscow responded by expelling two "
        "Canadian diplomats, and Canada answered with fresh sanctions on Russia."
    )
    found = extract(text)
    for answer in found:
        for cause in found:
            ref = answer.responds_to
            back = cause.responds_to
            mutual = (
                ref is not None
                and back is not None
                and (ref.issuer, ref.target, ref.type) == cause.key[:3]
                and (back.issuer, back.target, back.type) == answer.key[:3]
            )
            assert not mutual
    assert [m.responds_to is not None for m in found] == [False, True, True]
