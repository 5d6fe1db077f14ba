"""The base of every enumeration a person sees: a stored value plus a label."""

import enum

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice


class LabelledEnum(enum.Enum):
    """An enum whose members carry their own translatable label.

    Members are declared as ``NAME = "stored_value", _l("Label")``: the value is
    what the database keeps, the label is what templates show, so no template
    ever spells a status or an action itself.
    """

    def __new__(cls, value, label):
        member = object.__new__(cls)
        member._value_ = value
        member.label = label
        return member

    def __str__(self):
        return str(self.label)

    @classmethod
    def choices(cls):
        """The options of a WTForms select field."""
        return [SelectChoice(member.value, member.label) for member in cls]


class Role(LabelledEnum):
    STAFF = "staff", _l("Staff")
    COORDINATOR = "coordinator", _l("Coordinator")
    ADMIN = "admin", _l("Administrator")

    @property
    def rank(self):
        """Roles nest: a coordinator may do all staff may, an admin all a coordinator may."""
        return list(Role).index(self)

    def at_least(self, other):
        return self.rank >= other.rank


class Language(LabelledEnum):
    EN = "en", _l("English")
    NL = "nl", _l("Dutch")
