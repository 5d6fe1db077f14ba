"""The demo's partner universities: real institutions with their real Erasmus codes.

Erasmus codes were checked against the universities' own fact sheets and partner
lists of other universities (e.g. KU Leuven's and ELTE's fact sheets, University
of Bologna exchange pages). A PIC is given only where a published fact sheet
states it; everywhere else it stays empty rather than guessed, and no OID is
given at all. Universities of third countries not associated to the programme
hold no Erasmus code (the code comes with the Erasmus Charter), so theirs is
empty too.

`band` is the distance band from our (Dutch) campus by the Commission's distance
calculator, rounded to the band; the demo mobilities use it.
"""

from dataclasses import dataclass

from tracker.erasmus.mobility_types import DistanceBand as Band


@dataclass(frozen=True)
class DemoPartner:
    key: str
    """Short handle used by the demo's project and mobility data."""
    name: str
    country: str
    city: str
    band: Band
    erasmus_code: str | None = None
    pic: str | None = None


EUROPEAN_PARTNERS = (
    DemoPartner("leuven", "KU Leuven", "BE", "Leuven", Band.KM_100_499, "B  LEUVEN01"),
    DemoPartner(
        "berlin", "Humboldt-Universität zu Berlin", "DE", "Berlin", Band.KM_500_1999, "D  BERLIN13"
    ),
    DemoPartner(
        "munich",
        "Ludwig-Maximilians-Universität München",
        "DE",
        "München",
        Band.KM_500_1999,
        "D  MUNCHEN01",
    ),
    DemoPartner(
        "heidelberg",
        "Ruprecht-Karls-Universität Heidelberg",
        "DE",
        "Heidelberg",
        Band.KM_100_499,
        "D  HEIDELB01",
    ),
    DemoPartner(
        "paris",
        "Université Paris 1 Panthéon-Sorbonne",
        "FR",
        "Paris",
        Band.KM_100_499,
        "F  PARIS001",
    ),
    DemoPartner(
        "bologna",
        "Alma Mater Studiorum – Università di Bologna",
        "IT",
        "Bologna",
        Band.KM_500_1999,
        "I  BOLOGNA01",
    ),
    DemoPartner(
        "madrid",
        "Universidad Complutense de Madrid",
        "ES",
        "Madrid",
        Band.KM_500_1999,
        "E  MADRID03",
    ),
    DemoPartner(
        "granada", "Universidad de Granada", "ES", "Granada", Band.KM_500_1999, "E  GRANADA01"
    ),
    DemoPartner(
        "lisbon", "Universidade de Lisboa", "PT", "Lisboa", Band.KM_500_1999, "P  LISBOA109"
    ),
    DemoPartner(
        "athens",
        "National and Kapodistrian University of Athens",
        "GR",
        "Athens",
        Band.KM_2000_2999,
        "G  ATHINE01",
    ),
    DemoPartner("malta", "University of Malta", "MT", "Msida", Band.KM_2000_2999, "MT MALTA01"),
    DemoPartner("vienna", "Universität Wien", "AT", "Wien", Band.KM_500_1999, "A  WIEN01"),
    DemoPartner(
        "helsinki",
        "University of Helsinki",
        "FI",
        "Helsinki",
        Band.KM_500_1999,
        "SF HELSINK01",
        pic="999994535",  # University of Helsinki, Erasmus+ ICM fact sheet 2020-21
    ),
    DemoPartner(
        "copenhagen",
        "University of Copenhagen",
        "DK",
        "København",
        Band.KM_500_1999,
        "DK KOBENHA01",
    ),
    DemoPartner(
        "dublin", "Trinity College Dublin", "IE", "Dublin", Band.KM_500_1999, "IRLDUBLIN01"
    ),
    DemoPartner("uppsala", "Uppsala University", "SE", "Uppsala", Band.KM_500_1999, "S  UPPSALA01"),
    DemoPartner(
        "reykjavik", "University of Iceland", "IS", "Reykjavík", Band.KM_2000_2999, "IS REYKJAV01"
    ),
    DemoPartner("bergen", "University of Bergen", "NO", "Bergen", Band.KM_500_1999, "N  BERGEN01"),
    DemoPartner(
        "luxembourg",
        "Université du Luxembourg",
        "LU",
        "Esch-sur-Alzette",
        Band.KM_100_499,
        "LUXLUX-VIL01",
    ),
    DemoPartner("prague", "Charles University", "CZ", "Praha", Band.KM_500_1999, "CZ PRAHA07"),
    DemoPartner(
        "warsaw",
        "University of Warsaw",
        "PL",
        "Warszawa",
        Band.KM_500_1999,
        "PL WARSZAW01",
        pic="999572294",  # EWP (Erasmus Without Paper) registry entry of the university
    ),
    DemoPartner(
        "budapest",
        "Eötvös Loránd University",
        "HU",
        "Budapest",
        Band.KM_500_1999,
        "HU BUDAPES01",
    ),
    DemoPartner("tartu", "University of Tartu", "EE", "Tartu", Band.KM_500_1999, "EE TARTU02"),
    DemoPartner("vilnius", "Vilnius University", "LT", "Vilnius", Band.KM_500_1999, "LT VILNIUS01"),
    DemoPartner(
        "ljubljana", "University of Ljubljana", "SI", "Ljubljana", Band.KM_500_1999, "SI LJUBLJA01"
    ),
    DemoPartner("zagreb", "University of Zagreb", "HR", "Zagreb", Band.KM_500_1999, "HR ZAGREB01"),
    DemoPartner(
        "sofia",
        "Sofia University St. Kliment Ohridski",
        "BG",
        "Sofia",
        Band.KM_500_1999,
        "BG SOFIA06",
    ),
)

WORLDWIDE_PARTNERS = (
    DemoPartner("gadjah_mada", "Universitas Gadjah Mada", "ID", "Yogyakarta", Band.KM_8000_PLUS),
    DemoPartner("indonesia", "Universitas Indonesia", "ID", "Depok", Band.KM_8000_PLUS),
    DemoPartner("cape_town", "University of Cape Town", "ZA", "Cape Town", Band.KM_8000_PLUS),
    DemoPartner("stellenbosch", "Stellenbosch University", "ZA", "Stellenbosch", Band.KM_8000_PLUS),
    DemoPartner("sao_paulo", "Universidade de São Paulo", "BR", "São Paulo", Band.KM_8000_PLUS),
    DemoPartner(
        "ufrgs",
        "Universidade Federal do Rio Grande do Sul",
        "BR",
        "Porto Alegre",
        Band.KM_8000_PLUS,
    ),
    DemoPartner(
        "kyiv", "Taras Shevchenko National University of Kyiv", "UA", "Kyiv", Band.KM_500_1999
    ),
    DemoPartner("lviv", "Ivan Franko National University of Lviv", "UA", "Lviv", Band.KM_500_1999),
    DemoPartner("rabat", "Université Mohammed V de Rabat", "MA", "Rabat", Band.KM_2000_2999),
    DemoPartner("hanoi", "Vietnam National University, Hanoi", "VN", "Hanoi", Band.KM_8000_PLUS),
    DemoPartner("nairobi", "University of Nairobi", "KE", "Nairobi", Band.KM_4000_7999),
    DemoPartner("chile", "Universidad de Chile", "CL", "Santiago", Band.KM_8000_PLUS),
    DemoPartner("toronto", "University of Toronto", "CA", "Toronto", Band.KM_4000_7999),
)

PARTNERS = {partner.key: partner for partner in EUROPEAN_PARTNERS + WORLDWIDE_PARTNERS}
KA131_DESTINATIONS = tuple(partner.key for partner in EUROPEAN_PARTNERS)
"""Where KA131 mobilities go: the programme countries among the partners."""
