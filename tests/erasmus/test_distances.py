"""The distance band from the map: great-circle kilometres from our city to the partner's."""

import pytest

from tracker.erasmus.distances import band_for_km, city_coordinates, propose_band
from tracker.erasmus.mobility_types import DistanceBand


@pytest.mark.parametrize(
    ("km", "band"),
    [
        (9, None),
        (10, DistanceBand.KM_10_99),
        (99, DistanceBand.KM_10_99),
        (100, DistanceBand.KM_100_499),
        (600, DistanceBand.KM_500_1999),
        (1999, DistanceBand.KM_500_1999),
        (2000, DistanceBand.KM_2000_2999),
        (3999, DistanceBand.KM_3000_3999),
        (7999, DistanceBand.KM_4000_7999),
        (8000, DistanceBand.KM_8000_PLUS),
    ],
)
def test_each_distance_falls_in_its_band(km, band):
    assert band_for_km(km) is band


def test_a_city_is_found_by_its_names_whatever_the_accents_and_case():
    munich = city_coordinates("DE", "München")
    assert munich is not None
    assert city_coordinates("DE", "Munich") == munich
    assert city_coordinates("de", " münchen ") == munich
    assert city_coordinates("NL", "Den Haag") == city_coordinates("NL", "The Hague")
    assert city_coordinates("FR", "München") is None
    assert city_coordinates("DE", "Atlantis") is None


@pytest.mark.parametrize(
    ("country", "city", "km", "band"),
    [
        ("BE", "Leuven", 143, DistanceBand.KM_100_499),
        ("DE", "Berlin", 607, DistanceBand.KM_500_1999),
        ("KE", "Nairobi", 6667, DistanceBand.KM_4000_7999),
        ("ID", "Yogyakarta", 11772, DistanceBand.KM_8000_PLUS),
    ],
)
def test_the_map_proposes_the_band_from_leiden(app, country, city, km, band):
    proposal = propose_band(country, city)
    assert (proposal.home_city, proposal.km, proposal.band) == ("Leiden", km, band)
    assert proposal.problem is None


def test_a_partner_city_the_map_does_not_know_leaves_the_band_to_the_user(app):
    proposal = propose_band("DE", "Atlantis")
    assert proposal.band is None
    assert "Atlantis (DE) is not among the cities the map knows" in str(proposal.problem)
    assert "partner's city is not recorded" in str(propose_band("DE", "").problem)


def test_our_city_is_a_setting(app):
    app.config["HOME_CITY"] = "Maastricht"
    try:
        assert propose_band("BE", "Leuven").km < 143
        app.config["HOME_CITY"] = "Atlantis"
        assert "Our city, Atlantis, is not in the city data" in str(
            propose_band("BE", "Leuven").problem
        )
    finally:
        app.config["HOME_CITY"] = "Leiden"
