"""Parts of the legacy route on small inputs of our own: office holders, data box, noise, people."""

from rapporteur.importers.imported import ImportedEdition, ImportedEntry, OfficeHolder
from rapporteur.importers.legacy import printed, probably_same_people
from rapporteur.importers.legacy.cleaning import RunningHeads, page_furniture, tidy
from rapporteur.importers.legacy.databox import read_data_box
from rapporteur.importers.offices import office_holder


def test_a_chain_of_replacements_reads_and_prints_back():
    text = "Ana Perez (replaced Bo Lin in December, who replaced Cy Dee in March 2011, who replaced Di Eng in January)"
    holder = office_holder("head_of_government", text)
    assert holder.name == "Ana Perez"
    assert [(r.name, r.month) for r in holder.replaced] == [
        ("Bo Lin", "December"),
        ("Cy Dee", "March 2011"),
        ("Di Eng", "January"),
    ]
    assert printed(holder) == text


def test_a_data_box_with_values_on_one_line_after_the_labels():
    lines = [
        "Head of state:",
        "Head of government: Death penalty: Population:",
        "Life expectancy: Under-5 mortality: Adult literacy:",
        "Ana Perez Bo Lin abolitionist in practice 1.2 million 70.1 years 12/10 per 1,000 95 per cent",
    ]
    box = read_data_box(lines, known_text="President Ana Perez met Prime Minister Bo Lin.\n" + lines[-1])
    assert [(h.office, h.name) for h in box.office_holders] == [
        ("head_of_state", "Ana Perez"),
        ("head_of_government", "Bo Lin"),
    ]
    assert box.facts == {
        "death_penalty": "abolitionist in practice",
        "population": "1.2 million",
        "life_expectancy": "70.1 years",
        "under5_mortality": "12/10 per 1,000",
        "adult_literacy": "95 per cent",
    }


def test_noise_is_cleaned_by_its_shape():
    assert (
        tidy("ill- treatment and pre- and post-trial Co\u0302te\ufffc") == "ill-treatment and pre- and post-trial Côte"
    )
    assert page_furniture("K") == "" and page_furniture("KAZ") == ""
    assert page_furniture("Background") is None


def test_a_running_head_is_found_because_it_repeats_with_the_year():
    pages = ["Yearbook of Rights 2019", "41", "Yearbook of Rights 201942", "43Yearbook of Rights 2019", "Background"]
    pages += ["In 2019 the law changed.", "(EUR 01/001/2019)", "(EUR 01/002/2019)", "yearbook of rights 2019"]
    heads = RunningHeads.find(pages)
    assert heads.year == 2019 and heads.title == "Yearbook of Rights 2019"
    assert page_furniture("43Yearbook of Rights 2019", heads) == "43"
    assert page_furniture("Yearbook of Rights 201942", heads) == "42"
    assert page_furniture("YEARBOOK OF RIGHTS 2019", heads) == ""
    assert page_furniture("(EUR 01/001/2019)", heads) is None
    assert page_furniture("Elections 2019", heads) is None
    assert RunningHeads.find(["Yearbook of Rights 2019", "Text"]).year is None  # once is not a pattern
    assert RunningHeads.find(["Yearbook of Rights 2019", "Text"], hint_year=2019).year == 2019


def edition_with(*names):
    entries = [
        ImportedEntry(country_name="KAZAKHSTAN", iso_code="KZ", office_holders=[OfficeHolder("head_of_state", n)])
        for n in names
    ]
    return ImportedEdition(entries=entries)


def test_names_one_letter_apart_are_probably_one_person():
    pairs = probably_same_people([edition_with("Nursultan Nazarbaev"), edition_with("Nursultan Nazarbayev")])
    assert pairs == [("Nursultan Nazarbaev", "Nursultan Nazarbayev")]
    assert probably_same_people([edition_with("Karim Massimov"), edition_with("Serik Akhmetov")]) == []


# Mixed data boxes, as the 2012 text layer gives a few of them (shapes only; names invented).


def test_a_label_inside_the_value_line_starts_the_next_office_holder():
    lines = [
        "Head of state:",
        "Death penalty: Population:",
        "Ana Perez (replaced Bo Lin in August) Head of government: Cy Dee (replaced Di Eng in October, "
        "who replaced Ed Fox in August) retentionist 6.4 million",
    ]
    box = read_data_box(lines)
    holders = {h.office: h for h in box.office_holders}
    assert holders["head_of_state"].name == "Ana Perez"
    assert holders["head_of_government"].name == "Cy Dee"
    assert [r.name for r in holders["head_of_government"].replaced] == ["Di Eng", "Ed Fox"]
    assert box.facts == {"death_penalty": "retentionist", "population": "6.4 million"}


def test_an_inline_office_holder_followed_by_the_facts_keeps_only_the_name():
    lines = [
        "Head of state: Ana Perez",
        "Head of government: Cy Dee (replaced Di Eng in November) retentionist 3.1 million 70.2 years",
        "Death penalty: Population:",
        "Life expectancy:",
    ]
    box = read_data_box(lines)
    holders = {h.office: h for h in box.office_holders}
    assert holders["head_of_government"].name == "Cy Dee"
    assert [(r.name, r.month) for r in holders["head_of_government"].replaced] == [("Di Eng", "November")]
    assert box.facts == {"death_penalty": "retentionist", "population": "3.1 million", "life_expectancy": "70.2 years"}


def test_an_unclosed_replacement_continues_at_the_start_of_the_value_line():
    lines = [
        "Head of state: Ana Perez",
        "Head of government: Cy Dee (replaced Di",
        "Death penalty: Population:",
        "Eng in June) abolitionist for all crimes 7.7 million",
    ]
    box = read_data_box(lines)
    holders = {h.office: h for h in box.office_holders}
    assert holders["head_of_government"].name == "Cy Dee"
    assert [(r.name, r.month) for r in holders["head_of_government"].replaced] == [("Di Eng", "June")]
    assert box.facts == {"death_penalty": "abolitionist for all crimes", "population": "7.7 million"}
