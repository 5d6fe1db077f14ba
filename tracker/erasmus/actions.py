"""The Erasmus+ actions tracker knows, and what follows from each.

Rules as data: the key action, who runs the action, the project lengths it
allows and the shape of its grant agreement number live here, in one table,
and forms and checks read it. Source: Erasmus+ Programme Guide 2024 (version 1,
2023-11-28), parts B (KA1, KA2) and Jean Monnet; see ../shared/erasmus-rules.md.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from tracker.enums import LabelledEnum


class KeyAction(LabelledEnum):
    KA1 = "KA1", _l("Key Action 1: learning mobility")
    KA2 = "KA2", _l("Key Action 2: cooperation")
    JEAN_MONNET = "JM", _l("Jean Monnet actions")


class ManagedBy(LabelledEnum):
    NATIONAL_AGENCY = "national_agency", _l("National Agency")
    EACEA = "eacea", _l("European Education and Culture Executive Agency")


@dataclass(frozen=True)
class ActionRules:
    key_action: KeyAction
    managed_by: ManagedBy
    code: str | None
    """The action code inside a National Agency grant agreement number, e.g. KA131."""
    field: str | None
    """The field inside that number (HED for higher education), None if it has none."""
    min_months: int | None
    max_months: int | None
    allowed_months: tuple[int, ...] | None = None
    """Where the programme allows only some lengths (e.g. 24 or 36 months)."""
    funds_mobilities: bool = False
    partner_budgets: bool = False
    """Each partner has a budget and planned mobilities (KA171 International Credit Mobility)."""


class Action(LabelledEnum):
    KA131_HED = "KA131-HED", _l("KA131-HED mobility of higher education students and staff")
    KA171_HED = "KA171-HED", _l("KA171-HED International Credit Mobility")
    KA220_HED = "KA220-HED", _l("KA220-HED cooperation partnership in higher education")
    KA210 = "KA210", _l("KA210 small-scale partnership")
    CBHE = "CBHE", _l("Capacity building in higher education")
    ALLIANCE = "ALLIANCE", _l("Alliance for innovation")
    ERASMUS_MUNDUS = "EMJM", _l("Erasmus Mundus")
    EUROPEAN_UNIVERSITY = "EUNIV", _l("European Universities")
    JM_MODULE = "JM-MODULE", _l("Jean Monnet module")
    JM_CHAIR = "JM-CHAIR", _l("Jean Monnet chair")
    JM_CENTRE = "JM-COE", _l("Jean Monnet centre of excellence")
    JM_POLICY_DEBATE = "JM-NETWORK", _l("Jean Monnet policy debate")

    @property
    def rules(self) -> ActionRules:
        return ACTION_RULES[self]

    @property
    def key_action(self) -> KeyAction:
        return self.rules.key_action

    @property
    def has_consortium(self):
        """A cooperation project (KA2): the university and its partners each have a role."""
        return self.key_action is KeyAction.KA2

    @property
    def has_partner_budgets(self):
        return self.rules.partner_budgets

    @classmethod
    def of_key_action(cls, key_action):
        return [action for action in cls if action.key_action is key_action]

    @classmethod
    def funding_mobilities(cls):
        return [action for action in cls if action.rules.funds_mobilities]


_NA = ManagedBy.NATIONAL_AGENCY
_EACEA = ManagedBy.EACEA

ACTION_RULES = {
    # KA131: 26 months from the 2024 call on (Programme Guide 2024, "Mobility
    # projects for higher education students and staff": project duration);
    # earlier calls allowed 26 months as well (Programme Guide 2021, p. 43).
    Action.KA131_HED: ActionRules(
        KeyAction.KA1, _NA, "KA131", "HED", 26, 26, funds_mobilities=True
    ),
    Action.KA171_HED: ActionRules(
        KeyAction.KA1,
        _NA,
        "KA171",
        "HED",
        24,
        36,
        (24, 36),
        funds_mobilities=True,
        partner_budgets=True,
    ),
    Action.KA220_HED: ActionRules(KeyAction.KA2, _NA, "KA220", "HED", 12, 36),
    Action.KA210: ActionRules(KeyAction.KA2, _NA, "KA210", None, 6, 24),
    Action.CBHE: ActionRules(KeyAction.KA2, _EACEA, None, None, 24, 36, (24, 36)),
    Action.ALLIANCE: ActionRules(KeyAction.KA2, _EACEA, None, None, None, None),
    Action.ERASMUS_MUNDUS: ActionRules(KeyAction.KA2, _EACEA, None, None, None, None),
    Action.EUROPEAN_UNIVERSITY: ActionRules(KeyAction.KA2, _EACEA, None, None, None, None),
    Action.JM_MODULE: ActionRules(KeyAction.JEAN_MONNET, _EACEA, None, None, 36, 36),
    Action.JM_CHAIR: ActionRules(KeyAction.JEAN_MONNET, _EACEA, None, None, 36, 36),
    Action.JM_CENTRE: ActionRules(KeyAction.JEAN_MONNET, _EACEA, None, None, 36, 36),
    Action.JM_POLICY_DEBATE: ActionRules(KeyAction.JEAN_MONNET, _EACEA, None, None, None, None),
}
