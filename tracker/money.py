"""Euro amounts: exact decimals rounded to the cent, and in forms within what a MONEY column
holds."""

from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l
from wtforms import DecimalField
from wtforms.validators import InputRequired, Optional, StopValidation

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999.99")
"""The largest amount a MONEY column (12 digits, 2 after the point) holds."""


def cents(amount: Decimal) -> Decimal:
    """`amount` rounded to the cent, halves up."""
    return amount.quantize(CENT, ROUND_HALF_UP)


def euro_amount(form, field):
    """0 to MAX_AMOUNT with at most two decimals; "1e309", "NaN" and 10.555 are typing errors."""
    value = field.data
    if value is None:
        return
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        raise StopValidation(_l("Enter an amount of 0 or more, below ten billion euro."))
    if value != value.quantize(CENT):
        raise StopValidation(_l("Enter an amount in euro with at most two decimals."))


def money_field(label, description=None, required=False):
    """A DecimalField for euro: `required` makes an empty field an error."""
    presence = InputRequired() if required else Optional()
    return DecimalField(
        label, places=2, description=description, validators=[presence, euro_amount]
    )
