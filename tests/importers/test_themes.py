"""A heading names a theme only when it says its name or an alias; otherwise the closest are offered."""

from rapporteur.importers.themes import match_theme

THEMES = [
    ("Torture and other ill-treatment", ["Torture"]),
    ("Freedom of expression", ["Liberté d’expression"]),
    ("Freedom of assembly", []),
    ("Refugees and asylum-seekers", []),
]


def test_case_accents_hyphens_and_spacing_do_not_matter():
    assert match_theme("TORTURE AND OTHER ILL TREATMENT", THEMES).theme == "Torture and other ill-treatment"
    assert match_theme("  Refugees and  asylum seekers.", THEMES).theme == "Refugees and asylum-seekers"
    assert match_theme("liberte d'expression", THEMES).theme == "Freedom of expression"
    assert match_theme("Torture", THEMES).theme == "Torture and other ill-treatment"


def test_an_unknown_heading_is_not_guessed_but_offered_the_closest_names():
    found = match_theme("Freedom of expresion and assembly", THEMES)
    assert not found and found.theme == ""
    assert found.closest[:2] == ["Freedom of expression", "Freedom of assembly"]
    assert match_theme("Housing", THEMES).closest == []


def test_bare_names_are_accepted_as_a_vocabulary():
    assert match_theme("freedom of assembly", ["Freedom of assembly"]).theme == "Freedom of assembly"
