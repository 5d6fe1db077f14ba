"""What an action's budget may be spent on, as data: the share of a KA131 grant that may go
to mobility with third countries not associated to the programme.

Source: Erasmus+ Programme Guide, Part B, mobility projects for higher education students
and staff (KA131): up to 20 % of the grant for mobility to and from third countries not
associated to the programme.
"""

from dataclasses import dataclass
from decimal import Decimal

from tracker.erasmus.actions import Action
from tracker.erasmus.countries import REGIONS
from tracker.money import cents

THIRD_COUNTRY_CAPS = {Action.KA131_HED: Decimal("0.20")}
"""Action -> the share of the awarded grant that may go to third countries not associated."""

NEAR_THE_CAP = Decimal("0.80")
"""Spending is "near the cap" from 80 % of it (16 % of a KA131 grant)."""

THIRD_COUNTRIES_NOT_ASSOCIATED = tuple(sorted(REGIONS))


@dataclass(frozen=True)
class CapUse:
    spent: Decimal
    cap: Decimal

    @property
    def share_of_cap(self) -> Decimal:
        return self.spent / self.cap if self.cap else Decimal(0)

    @property
    def over(self) -> bool:
        return self.spent > self.cap

    @property
    def near(self) -> bool:
        return not self.over and self.spent >= self.cap * NEAR_THE_CAP


def third_country_cap_use(action, awarded, spent) -> CapUse | None:
    """How much of the third-country cap a project has used; None where the action has no
    such cap or the grant is not awarded yet."""
    share = THIRD_COUNTRY_CAPS.get(action)
    if share is None or awarded is None:
        return None
    return CapUse(spent=spent or Decimal(0), cap=cents(awarded * share))
