import pytest

from gi_lists.model import GI, Name, Protection, covers, valid_partial_date


@pytest.mark.parametrize("text", ["2021", "2021-03", "2021-03-01", "2024-02-29"])
def test_partial_dates_are_accepted(text):
    assert valid_partial_date(text)


@pytest.mark.parametrize("text", ["", "21", "2021-13", "2021-02-30", "2023-02-29", "1.3.2021", "2021-3-1"])
def test_bad_dates_are_refused(text):
    assert not valid_partial_date(text)


def test_eu_protection_applies_in_france_but_not_the_reverse():
    assert covers("FR", "EU")
    assert covers("FR", "FR")
    assert not covers("EU", "FR")
    assert not covers("CN", "EU")


def test_gi_json_has_the_contract_fields():
    gi = GI(
        id="fr-champagne",
        names=(Name("Champagne", "original", "fr", "Latn"), Name("香槟", "official-rendering", "zh", "Hani")),
        product_class="Wine",
        origin="FR",
        protections=(
            Protection("CN", "agreement", "protected", "china-eu", "IV", "2021-03-01", None, "src", "high"),
        ),
    )
    data = gi.to_dict()
    assert set(data) >= {"id", "names", "product_class", "origin", "region", "protections"}
    assert set(data["names"][0]) == {"text", "kind", "lang", "script", "source", "confidence"}
    assert set(data["protections"][0]) >= {
        "jurisdiction",
        "route",
        "agreement",
        "annex",
        "status",
        "since",
        "source",
        "confidence",
    }
    assert gi.protections_in("FR") == []
    assert gi.protections_in("CN")[0].annex == "IV"
