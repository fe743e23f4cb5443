import pytest

from soc.texting.phones import display, to_e164


@pytest.mark.parametrize(
    "written",
    [
        "(919) 555-0100",
        "919.555.0100",
        "919-555-0100",
        "1 919 555 0100",
        "+1-919-555-0100",
        "9195550100",
    ],
)
def test_usual_ways_of_writing_a_us_number_give_one_e164_number(written):
    assert to_e164(written) == "+19195550100"


@pytest.mark.parametrize(
    "written",
    [
        "",
        None,
        "555-0100",
        "919-555-01000",
        "+44 20 7946 0958",
        "119-555-0100",
        "919-055-0100",
        "919-CALL-NOW",
        "919-555-0100 x12",
    ],
)
def test_numbers_that_cannot_get_a_us_text_are_refused(written):
    assert to_e164(written) is None


def test_numbers_are_shown_the_us_way():
    assert display("+19195550100") == "(919) 555-0100"
    assert display("") == ""
