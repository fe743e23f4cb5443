"""The shared vocabulary of data items that reporting requirements ask for.

One name per figure, so the State Collaborative sees when two requirements ask for the same
thing under different headings. Names are English in the database and Spanish through the
message catalogue; the codes are what the annual report drafts fill in.
"""

from django.utils.translation import gettext_noop as N_

SEED = [
    ("meetings_held", N_("Meetings held")),
    ("attendance_by_seat_type", N_("Attendance by seat type")),
    ("seats_by_type", N_("Seats and vacancies by seat type")),
    ("family_participation_share", N_("Family participation share")),
    ("family_co_chair", N_("Family member as chair or co-chair")),
    ("barriers_raised", N_("Barriers raised")),
    ("barriers_escalated", N_("Barriers escalated and their outcomes")),
    ("recommendations", N_("Recommendations made or answered")),
    ("unmet_needs_by_county", N_("Unmet needs by county")),
    ("referrals_declined", N_("Referrals declined")),
    ("case_reviews_count", N_("Child fatality and CCPT case reviews (count)")),
    ("jcpc_funded_programs", N_("JCPC funded programs")),
    ("youth_served_by_program", N_("Youth served by funded program")),
    ("program_outcomes", N_("Program outcomes")),
    ("training_held", N_("Trainings held and attendance")),
    ("membership_roster", N_("Membership roster")),
]


def load_data_items(DataItem):
    """Add the seed items that are missing (idempotent; a data migration and the demo call it)."""
    for code, name in SEED:
        DataItem.objects.get_or_create(code=code, defaults={"name": name})
