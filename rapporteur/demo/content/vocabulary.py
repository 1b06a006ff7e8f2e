"""Shared vocabularies for the demo: regions, themes, countries, people, glossary."""

REGIONS = [
    # (name, slug)
    ("Africa", "africa"),
    ("Americas", "americas"),
    ("Asia Pacific", "asia-pacific"),
    ("Europe and Central Asia", "europe-and-central-asia"),
    ("Middle East and North Africa", "middle-east-and-north-africa"),
]

THEMES = [
    # (slug, name, description)
    (
        "excessive-use-of-force",
        "Excessive use of force",
        "Force by police or security forces beyond what is necessary and proportionate, including lethal force against protesters.",
    ),
    (
        "torture-and-other-ill-treatment",
        "Torture and other ill-treatment",
        "Torture, cruel, inhuman or degrading treatment in custody or elsewhere, and the failure to investigate it.",
    ),
    ("unfair-trials", "Unfair trials", "Trials that fall short of international fair-trial standards."),
    (
        "freedom-of-expression",
        "Freedom of expression",
        "Restrictions on speech, the media and the internet; prosecutions for peaceful expression.",
    ),
    ("freedom-of-assembly", "Freedom of assembly", "Bans, restrictions and violent dispersal of peaceful gatherings."),
    (
        "freedom-of-association",
        "Freedom of association",
        "Restrictions on non-governmental organizations, trade unions and political parties.",
    ),
    (
        "refugees-and-asylum-seekers",
        "Refugees and asylum-seekers",
        "Protection of people fleeing persecution, including returns to risk (refoulement).",
    ),
    (
        "internally-displaced-people",
        "Internally displaced people",
        "People forced from their homes who remain within their country.",
    ),
    ("armed-conflict", "Armed conflict", "Violations of international humanitarian law by any party to a conflict."),
    (
        "abuses-by-armed-groups",
        "Abuses by armed groups",
        "Killings, abductions and other abuses by non-state armed groups.",
    ),
    ("death-penalty", "Death penalty", "Death sentences, executions, and steps towards abolition."),
    (
        "impunity",
        "Impunity",
        "Failure to investigate and prosecute human rights violations; truth and justice for past abuses.",
    ),
    (
        "human-rights-defenders",
        "Human rights defenders",
        "Attacks on, and protection of, people who defend human rights.",
    ),
    (
        "prisoners-of-conscience",
        "Prisoners of conscience",
        "People imprisoned solely for peacefully exercising their rights or because of who they are.",
    ),
    (
        "counter-terror-and-security",
        "Counter-terror and security",
        "Human rights in counter-terrorism and national-security measures, including detention without trial.",
    ),
    (
        "discrimination",
        "Discrimination",
        "Discrimination on grounds such as ethnicity, religion, gender or sexual orientation.",
    ),
    (
        "legal-and-constitutional-developments",
        "Legal and constitutional developments",
        "New constitutions, laws and institutions that affect human rights.",
    ),
    (
        "violence-against-women-and-girls",
        "Violence against women and girls",
        "Gender-based violence and the state's duty to prevent and punish it.",
    ),
]

# (ISO 3166-1 alpha-2, region slug). Names come from ISO 3166 (pycountry), shortened where common.
COUNTRIES = [
    ("ML", "africa"),
    ("NG", "africa"),
    ("ZA", "africa"),
    ("US", "americas"),
    ("MX", "americas"),
    ("BR", "americas"),
    ("MM", "asia-pacific"),
    ("CN", "asia-pacific"),
    ("KZ", "europe-and-central-asia"),
    ("RU", "europe-and-central-asia"),
    ("SY", "middle-east-and-north-africa"),
    ("EG", "middle-east-and-north-africa"),
    ("TN", "middle-east-and-north-africa"),
]

# Common English names where the ISO name is long or formal.
COUNTRY_NAMES = {
    "RU": "Russian Federation",
    "SY": "Syria",
    "US": "USA",
    "CN": "China",
}

PEOPLE = [
    # (slug, name, status, country, description)
    (
        "natalia-sokolova",
        "Natalia Sokolova",
        "lawyer",
        "KZ",
        "Lawyer who represented striking oil workers in Zhanaozen.",
    ),
    (
        "vladimir-kozlov",
        "Vladimir Kozlov",
        "prisoner_of_conscience",
        "KZ",
        "Leader of the unregistered opposition party Alga.",
    ),
    (
        "roza-tuletaeva",
        "Roza Tuletaeva",
        "activist",
        "KZ",
        "Labour activist and spokesperson for striking oil workers in 2011.",
    ),
    (
        "sobir-nosirov",
        "Sobir Nosirov",
        "asylum_seeker",
        "KZ",
        "Uzbek national detained in Kazakhstan for a year pending extradition.",
    ),
    (
        "liu-xiaobo",
        "Liu Xiaobo",
        "prisoner_of_conscience",
        "CN",
        "Writer, co-author of Charter 08, Nobel Peace Prize laureate 2010.",
    ),
    (
        "chen-guangcheng",
        "Chen Guangcheng",
        "human_rights_defender",
        "CN",
        "Self-taught legal advocate held under house arrest in Shandong Province.",
    ),
]

GLOSSARY = [
    (
        "Prisoner of conscience",
        "A person imprisoned, or otherwise physically restricted, solely because of their political, religious or other beliefs, their ethnicity, sex, language, sexual orientation or other status, who has not used or advocated violence.",
    ),
    (
        "Human rights defender",
        "Anyone who, alone or with others, acts peacefully to promote or protect human rights: lawyers, journalists, community leaders, trade unionists, relatives of victims.",
    ),
    (
        "Enforced disappearance",
        "Arrest, detention or abduction by the state, or with its consent, followed by a refusal to acknowledge it or to say where the person is, placing them outside the protection of the law.",
    ),
    (
        "Extrajudicial execution",
        "A deliberate, unlawful killing carried out on the order of a government or with its complicity or acquiescence.",
    ),
    (
        "Refugee",
        "A person outside their own country who cannot return because of a well-founded fear of persecution, as defined in the 1951 Refugee Convention.",
    ),
    (
        "Asylum-seeker",
        "A person who has left their country and is asking for protection as a refugee, but whose claim has not yet been decided.",
    ),
    (
        "Internally displaced person",
        "Someone forced to flee their home, by conflict, violence or disaster for example, who has not crossed an international border.",
    ),
    (
        "Non-refoulement",
        "The rule of international law that no one may be sent to a country where they would face persecution, torture or other serious harm.",
    ),
    (
        "Incommunicado detention",
        "Detention in which the detainee is denied all contact with family, lawyers and doctors. It creates conditions in which torture is more likely.",
    ),
    (
        "Abolitionist",
        "A country whose law no longer provides for the death penalty for any crime, or that has not carried out an execution for at least ten years.",
    ),
    (
        "Universal jurisdiction",
        "The power of a national court to try the gravest crimes under international law, such as torture or genocide, wherever and by whomever they were committed.",
    ),
    (
        "Rome Statute",
        "The 1998 treaty that created the International Criminal Court and defines the crimes within its jurisdiction.",
    ),
    (
        "Fair trial",
        "A hearing by a competent, independent and impartial court, with the presumption of innocence, access to a lawyer, time to prepare a defence and the right to appeal.",
    ),
]
