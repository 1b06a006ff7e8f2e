"""Office-holder lines read the same whoever typed them: one holder, its replacements most recent first."""

import pytest

from rapporteur.importers.offices import parse_office_line, replaced_note


@pytest.mark.parametrize(
    "line, office, name, replaced",
    [
        ("Head of state: First Holder", "head_of_state", "First Holder", []),
        ("HEAD OF GOVERNMENT:  Second  Holder", "head_of_government", "Second Holder", []),
        (
            "Head of state and government: A. Holder (replaced B. Holder in July 2012, who replaced C. Holder in December 2011)",
            "head_of_state_and_government",
            "A. Holder",
            [("B. Holder", "July 2012"), ("C. Holder", "December 2011")],
        ),
        ("Head of state: D. Holder (replaced E. Holder)", "head_of_state", "D. Holder", [("E. Holder", "")]),
    ],
)
def test_office_lines(line, office, name, replaced):
    holder = parse_office_line(line)
    assert (holder.office, holder.name, [(r.name, r.month) for r in holder.replaced]) == (office, name, replaced)


def test_other_lines_are_not_office_lines():
    assert parse_office_line("Head of statecraft: nobody") is None
    assert parse_office_line("The head of state said: nothing") is None


def test_the_printed_form_comes_back():
    line = "Head of government: A. Holder (replaced B. Holder in July 2012, who replaced C. Holder in December 2011)"
    assert (
        replaced_note(parse_office_line(line))
        == "(replaced B. Holder in July 2012, who replaced C. Holder in December 2011)"
    )
