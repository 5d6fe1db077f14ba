"""Who goes where, and how: participant kinds, activity types, flows, distance bands."""

from flask_babel import lazy_gettext as _l

from tracker.enums import LabelledEnum


class ParticipantKind(LabelledEnum):
    STUDENT = "student", _l("Student")
    STAFF = "staff", _l("Staff member")


class ActivityType(LabelledEnum):
    SMS = "SMS", _l("Student mobility for studies")
    SMT = "SMT", _l("Student mobility for traineeships")
    STA = "STA", _l("Staff mobility for teaching")
    STT = "STT", _l("Staff mobility for training")
    BIP = "BIP", _l("Blended intensive programme")
    SHORT_DOCTORAL = "SMS-DOC", _l("Short-term doctoral mobility")

    @property
    def participant_kinds(self):
        if self in (ActivityType.STA, ActivityType.STT):
            return (ParticipantKind.STAFF,)
        if self is ActivityType.BIP:
            return (ParticipantKind.STUDENT, ParticipantKind.STAFF)
        return (ParticipantKind.STUDENT,)


class Flow(LabelledEnum):
    OUTGOING = "outgoing", _l("Outgoing")
    INCOMING = "incoming", _l("Incoming")


class DistanceBand(LabelledEnum):
    """One-way distance by the Commission's distance calculator."""

    KM_10_99 = "10-99", _l("10–99 km")
    KM_100_499 = "100-499", _l("100–499 km")
    KM_500_1999 = "500-1999", _l("500–1,999 km")
    KM_2000_2999 = "2000-2999", _l("2,000–2,999 km")
    KM_3000_3999 = "3000-3999", _l("3,000–3,999 km")
    KM_4000_7999 = "4000-7999", _l("4,000–7,999 km")
    KM_8000_PLUS = "8000+", _l("8,000 km or more")
