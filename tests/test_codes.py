import pycountry
import pytest
from pydantic import ValidationError

from sanctions import ActorKind, Issuer, Target
from sanctions.codes import actor_kind, actor_name, all_codes, historic_codes, is_historic

CURRENT = {country.alpha_3 for country in pycountry.countries}


def test_historic_codes_are_pycountrys_former_countries():
    former = {country.alpha_3 for country in pycountry.historic_countries}
    assert historic_codes() == former - CURRENT
    assert {"SUN", "YUG", "CSK", "DDR", "SCG", "ZAR", "BUR", "RHO"} <= historic_codes()


def test_a_reassigned_historic_code_stays_the_current_countrys():
    # ISO 3166-3 lists ATF (French Southern and Antarctic Territories) as withdrawn, but ATF is
    # also the current code of the French Southern Territories.
    assert "ATF" in {country.alpha_3 for country in pycountry.historic_countries}
    assert not is_historic("ATF")
    assert actor_name("ATF") == pycountry.countries.get(alpha_3="ATF").name


def test_historic_codes_are_states_and_actor_codes():
    assert historic_codes() <= all_codes()
    assert all(actor_kind(code) is ActorKind.STATE for code in historic_codes())


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("SUN", "Soviet Union"),
        ("YUG", "Yugoslavia"),
        ("CSK", "Czechoslovakia"),
        ("DDR", "East Germany"),
        ("SCG", "Serbia and Montenegro"),
        ("ZAR", "Zaire"),
        ("RHO", "Southern Rhodesia"),
        ("YMD", "South Yemen"),
    ],
)
def test_historic_display_names(code, name):
    assert actor_name(code) == name


def test_every_historic_code_has_a_name_without_an_iso_inversion():
    assert all(", " not in actor_name(code) for code in historic_codes())


def test_is_historic_of_current_codes_and_blocs():
    assert not any(is_historic(code) for code in ("RUS", "SRB", "DEU", "COD", "EU"))


def test_issuer_and_target_take_historic_codes():
    issuer = Issuer(code="SUN")
    assert (issuer.name, issuer.kind) == ("Soviet Union", ActorKind.STATE)
    assert Target(code="YUG").code == "YUG"


def test_actor_code_error_names_historic_codes():
    with pytest.raises(ValidationError, match="ISO 3166-3 code such as 'SUN'"):
        Issuer(code="SUX")
