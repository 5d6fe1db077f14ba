"""Made-up participants: common names from across Europe and the partner countries.

Names are drawn from a seeded random.Random, so every load invents the same
people; e-mail addresses are on example.edu domains, which can never reach anyone.
"""

import unicodedata

_FIRST_NAMES = (
    "Emma Julia Sophie Lotte Noor Daan Sem Lucas Finn Levi Anna Lena Marie Paul Jonas Felix "
    "Léa Chloé Louis Hugo Giulia Sofia Lorenzo Matteo Lucía Martina Pablo Hugo Inês Tomás "
    "Maja Zofia Jakub Tereza Eliška Jan Anni Aino Elias Freja William Saoirse Conor Sara "
    "Ivana Luka Marta Andrei Elena Georgios Maria Katarzyna Mateusz Emilia"
)
_LAST_NAMES = (
    "de Jong|Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer|Müller|Schmidt|Schneider|"
    "Fischer|Weber|Martin|Bernard|Dubois|Rossi|Russo|Ferrari|Esposito|García|Fernández|López|"
    "Martínez|Silva|Santos|Ferreira|Nowak|Kowalski|Wiśniewski|Novák|Svoboda|Korhonen|Virtanen|"
    "Nielsen|Jensen|Andersson|Johansson|Murphy|Kelly|Horvat|Kovačević|Nagy|Tóth|Popescu|Ionescu|"
    "Papadopoulos|Georgiou|Tamm|Kazlauskas|Ozols|Borg|Camilleri"
)
FIRST_NAMES, LAST_NAMES = tuple(_FIRST_NAMES.split()), tuple(_LAST_NAMES.split("|"))
WORLDWIDE_NAMES = {
    "ID": (("Putri", "Adi", "Siti", "Budi", "Dewi", "Rizky"), ("Santoso", "Wijaya", "Pratama")),
    "ZA": (("Thandiwe", "Sipho", "Lerato", "Pieter", "Naledi"), ("Nkosi", "Dlamini", "van Wyk")),
    "BR": (("Ana", "João", "Gabriel", "Beatriz", "Larissa"), ("Souza", "Oliveira", "Costa")),
    "UA": (("Olena", "Andrii", "Iryna", "Oleksandr", "Kateryna"), ("Shevchenko", "Bondarenko")),
    "MA": (("Youssef", "Fatima Zahra", "Amine", "Salma", "Imane"), ("El Idrissi", "Benali")),
    "VN": (("Linh", "Minh", "Trang", "Huy", "Thao"), ("Nguyen", "Tran", "Le", "Pham")),
    "KE": (("Wanjiru", "Kamau", "Achieng", "Otieno", "Njeri"), ("Mwangi", "Ochieng", "Kariuki")),
    "CL": (("Catalina", "Benjamín", "Valentina", "Matías", "Javiera"), ("González", "Muñoz")),
}


class People:
    """Hands out participants; each gets an address no other demo participant has."""

    def __init__(self, rng):
        self.rng = rng
        self.count = 0

    def participant(self, student: bool, country: str | None = None):
        """(name, e-mail) of one of our people, or of a partner's in `country` when it is set."""
        first_names, last_names = WORLDWIDE_NAMES.get(country, (FIRST_NAMES, LAST_NAMES))
        first, last = self.rng.choice(first_names), self.rng.choice(last_names)
        self.count += 1
        domain = "student.example.edu" if student else "staff.example.edu"
        if country:
            domain = f"{country.lower()}.{domain}"
        local = f"{_ascii(first)}.{_ascii(last)}.{self.count}"
        return f"{first} {last}", f"{local}@{domain}"


def _ascii(name: str) -> str:
    """José María de Vries -> jose-maria-de-vries: what a mail server accepts."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(plain.lower().split())
