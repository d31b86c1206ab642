"""Target details (kind, count, name) come from the words of the target phrase."""

import pytest
from pydantic import ValidationError

from sanctions import extract
from sanctions.errors import VocabularyError
from sanctions.extraction.targets import TargetWordRow, TargetWords, target_words
from sanctions.vocabulary import TargetKind


def details(text):
    return [(m.target.kind.value, m.target.count, m.target.name) for m in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # individuals and entities together are individual (the annotation guide)
        (
            "Ottawa froze the assets of 16 Russian people and companies on Tuesday.",
            ("individual", 16, None),
        ),
        ("Beijing said it would sanction five U.S. defence companies.", ("entity", 5, None)),
        (
            "Washington imposed sanctions on Venezuela's oil, gas and gold sectors on Monday.",
            ("sector", None, "oil, gas and gold"),
        ),
        ("Brussels froze the assets of Rosneft on Friday.", ("entity", None, "Rosneft")),
        ("London sanctioned a Russian state bank.", ("entity", None, None)),
        ("Tokyo imposed sanctions on Russia on Friday.", ("state", None, None)),
        ("Canberra barred nine Russian officials from entering.", ("individual", 9, None)),
        ("The bloc sanctioned dozens of Russian oligarchs.", ("individual", None, None)),
        ("Washington blacklisted 1,120 Russian individuals.", ("individual", 1120, None)),
        ("The EU sanctioned more than 500 Russian officials.", ("individual", None, None)),
        (
            "Beijing said it would sanction the American defence firm Lockheed Martin.",
            ("entity", None, "Lockheed Martin"),
        ),
        ("The EU banned imports of Russian seaborne oil.", ("state", None, "seaborne oil")),
        ("Tokyo banned exports of luxury goods to Russia.", ("state", None, "luxury goods")),
    ],
)
def test_details_from_the_target_phrase(text, expected):
    assert details(text)[0] == expected


def test_counts_of_coordinated_heads_add_up():
    found = details("Ottawa cut two Iranian lenders and one Syrian lender off from SWIFT.")
    assert found[0] == ("entity", 3, None)


def test_the_issuers_own_persons_are_not_the_target():
    # "U.S. persons" are those the ban binds; the central bank is what it is aimed at
    text = "Washington barred U.S. persons from trading with Iran's central bank."
    assert details(text)[0][0] == "entity"


def test_a_passive_subject_is_the_target_phrase():
    text = "Five Canadian lawmakers have been hit with Chinese sanctions, Beijing said."
    assert details(text)[0][:2] == ("individual", 5)


def test_what_was_put_on_a_list():
    text = "The Commerce Department put two Chinese firms on the Entity List on Thursday."
    assert details(text)[0][:2] == ("entity", 2)


def test_a_travel_ban_with_no_target_words_is_aimed_at_persons():
    assert details("Britain imposed travel bans on Belarus on Monday.")[0][0] == "individual"


def test_table_kinds_and_words():
    table = target_words()
    assert table.row("Oligarchs").kind is TargetKind.INDIVIDUAL
    assert table.row("central  bank").kind is TargetKind.ENTITY
    assert table.row("sectors").generic
    assert table.row("entity list").kind == "none"


def test_a_word_in_two_rows_is_refused():
    rows = [
        TargetWordRow(kind="entity", words=("firm",)),
        TargetWordRow(kind="individual", words=("firm",)),
    ]
    with pytest.raises(VocabularyError, match="two rows"):
        TargetWords.of(rows)


@pytest.mark.parametrize(
    "row",
    [
        {"kind": "entity", "words": ["Banks"]},
        {"kind": "entity"},
        {"kind": "person", "words": ["banks"]},
        {"kind": "none", "default_for": ["travel_ban"]},
    ],
)
def test_bad_rows_are_refused(row):
    with pytest.raises(ValidationError):
        TargetWordRow.model_validate(row)
