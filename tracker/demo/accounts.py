"""The demo accounts: one per role, plus staff in other faculties.

The passwords are public on purpose (README lists them): the demo data set is for
trying tracker out, never for a production database.
"""

from dataclasses import dataclass

from tracker.enums import Role

STAFF_PASSWORD = "erasmus-staff-demo"  # noqa: S105  # nosec B105 (published demo password)
COORDINATOR_PASSWORD = "erasmus-coordinator-demo"  # noqa: S105  # nosec B105 (published demo password)
ADMIN_PASSWORD = "erasmus-admin-demo"  # noqa: S105  # nosec B105 (published demo password)

OFFICE = "International Office"


@dataclass(frozen=True)
class DemoAccount:
    key: str
    email: str
    full_name: str
    role: Role
    faculty: str
    password: str


DEMO_ACCOUNTS = (
    DemoAccount(
        "staff",
        "staff@demo.tracker",
        "Sanne de Vries",
        Role.STAFF,
        "Faculty of Science",
        STAFF_PASSWORD,
    ),
    DemoAccount(
        "law",
        "law@demo.tracker",
        "Pieter Jansen",
        Role.STAFF,
        "Faculty of Law",
        STAFF_PASSWORD,
    ),
    DemoAccount(
        "humanities",
        "humanities@demo.tracker",
        "Fatima El Amrani",
        Role.STAFF,
        "Faculty of Humanities",
        STAFF_PASSWORD,
    ),
    DemoAccount(
        "economics",
        "economics@demo.tracker",
        "Eva Visser",
        Role.STAFF,
        "School of Economics and Business",
        STAFF_PASSWORD,
    ),
    DemoAccount(
        "coordinator",
        "coordinator@demo.tracker",
        "Anouk Mulder",
        Role.COORDINATOR,
        OFFICE,
        COORDINATOR_PASSWORD,
    ),
    DemoAccount(
        "admin",
        "admin@demo.tracker",
        "Daan Smit",
        Role.ADMIN,
        OFFICE,
        ADMIN_PASSWORD,
    ),
)

STAFF_KEYS = tuple(account.key for account in DEMO_ACCOUNTS if account.role is Role.STAFF)
