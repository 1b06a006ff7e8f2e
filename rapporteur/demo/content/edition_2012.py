"""Demo edition: "Annual Report 2012", covering 2011. Smaller, so that years connect."""

EDITION = {
    "year": 2012,
    "covers_year": 2011,
    "title": "Annual Report 2012",
    "subtitle": "The state of the world's human rights",
    "summary": "Country-by-country account of human rights in 2011 (demonstration edition).",
}

ARTICLES = [
    {
        "kind": "introduction",
        "slug": "introduction",
        "title": "Introduction: the year people took to the streets",
        "author": "The report team",
        "lead": "In 2011 uprisings across North Africa and the Middle East toppled long-standing rulers and inspired protest far beyond the region. The response of those in power ranged from reform to mass killing.",
        "body": [
            (
                "paragraph",
                "This edition documents the year country by country, from Cairo's Tahrir Square to the oil fields of western Kazakhstan.",
            ),
        ],
    },
]

PRESS_RELEASE = None
GLOSSARY_PAGE = {"slug": "glossary", "title": "Glossary", "intro": ""}
DOWNLOADS_PAGE = {"slug": "downloads", "title": "Get your copy", "intro": ""}
WORLD_PAGE = {"slug": "world-by-region", "title": "World by region", "intro": ""}

REGION_PAGES = {
    "africa": {
        "teaser": "Violence after elections and attacks by armed groups cost many lives, while protests inspired by North Africa spread south.",
        "overview": [("paragraph", "Post-election violence in northern Nigeria killed hundreds of people in April.")],
    },
    "americas": {
        "teaser": "Violence by organized crime and the failures of security policies dominated the year in several countries.",
        "overview": [
            (
                "paragraph",
                "This demonstration edition carries no Americas entries; the region page shows how an overview stands on its own.",
            )
        ],
    },
    "asia-pacific": {
        "teaser": "A new government in Myanmar released some political prisoners; elsewhere, critics of the authorities were silenced.",
        "overview": [
            (
                "paragraph",
                "Myanmar's nominally civilian government took office in March; armed conflict resumed in Kachin State in June.",
            )
        ],
    },
    "europe-and-central-asia": {
        "teaser": "A long strike in western Kazakhstan ended in bloodshed, and protests after elections in the Russian Federation were met with arrests.",
        "overview": [
            (
                "paragraph",
                "In December, police in Zhanaozen, Kazakhstan, used lethal force against protesters after months of strikes by oil workers.",
            )
        ],
    },
    "middle-east-and-north-africa": {
        "teaser": "Popular uprisings swept across the region from the start of the year, ending decades of rule in Tunisia, Egypt and Libya.",
        "overview": [
            (
                "paragraph",
                "Protests that began in Tunisia in December 2010 spread across the region; in Syria they were met with lethal force.",
            )
        ],
    },
}

ENTRIES = [
    {
        "country": "KZ",
        "region": "europe-and-central-asia",
        "office_holders": [("head_of_state", "Nursultan Nazarbayev"), ("head_of_government", "Karim Massimov")],
        "summary": "Months of strikes by oil workers in the west of the country ended in December in deadly clashes with police in Zhanaozen, after which the authorities declared a state of emergency in the town.",
        "sections": [
            (
                "excessive-use-of-force",
                [
                    (
                        "p",
                        "On 16 December, police and protesters clashed in Zhanaozen during events to mark Independence Day, and police fired on the crowd. The authorities imposed a state of emergency in the town the next day.",
                    ),
                ],
            ),
            (
                "unfair-trials",
                [
                    (
                        "case",
                        "natalia-sokolova",
                        "In August, Aktau City Court sentenced Natalia Sokolova, a lawyer for the striking oil workers, to six years in prison for “inciting social discord”. She was a prisoner of conscience.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "EG",
        "region": "middle-east-and-north-africa",
        "office_holders": [
            ("head_of_state", "Mohamed Hussein Tantawi", "Hosni Mubarak", "2011-02-01"),
            ("head_of_government", "Kamal Ganzouri", "Essam Sharaf", "2011-12-01"),
        ],
        "summary": "Mass protests forced President Hosni Mubarak from office in February. The Supreme Council of the Armed Forces took power, and thousands of civilians were tried before military courts.",
        "sections": [
            (
                "unfair-trials",
                [
                    (
                        "p",
                        "Thousands of civilians arrested during and after the uprising were tried before military courts, which do not meet international standards of fairness.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "SY",
        "region": "middle-east-and-north-africa",
        "office_holders": [
            ("head_of_state", "Bashar al-Assad"),
            ("head_of_government", "Adel Safar", "Mohammad Naji al-Otari", "2011-04-01"),
        ],
        "summary": "Security forces met largely peaceful protests, which began in March, with lethal force. By the end of the year the UN said more than 5,000 people had been killed.",
        "sections": [
            (
                "excessive-use-of-force",
                [
                    (
                        "p",
                        "From March onwards, security forces fired on demonstrators in towns and cities across the country. By December the UN High Commissioner for Human Rights reported that more than 5,000 people had been killed.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "MM",
        "region": "asia-pacific",
        "office_holders": [("head_of_state_and_government", "Thein Sein", "Than Shwe", "2011-03-01")],
        "summary": "A nominally civilian government took office in March. Around 200 political prisoners were released in an amnesty in October, but many more remained behind bars. Fighting resumed in Kachin State in June.",
        "sections": [
            (
                "prisoners-of-conscience",
                [
                    (
                        "p",
                        "An amnesty in October freed around 200 political prisoners, a small fraction of those held.",
                    ),
                ],
            ),
            (
                "armed-conflict",
                [
                    (
                        "p",
                        "In June, fighting broke out between the army and the Kachin Independence Army, ending a ceasefire of 17 years and displacing tens of thousands of people.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "CN",
        "region": "asia-pacific",
        "office_holders": [("head_of_state", "Hu Jintao"), ("head_of_government", "Wen Jiabao")],
        "summary": "Calls online for protests inspired by events in the Middle East led to a wave of detentions of activists, lawyers and writers.",
        "sections": [
            (
                "prisoners-of-conscience",
                [
                    (
                        "case",
                        "liu-xiaobo",
                        "Liu Xiaobo, awarded the Nobel Peace Prize in 2010, remained in prison serving an 11-year sentence for “inciting subversion of state power”. He was a prisoner of conscience.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "NG",
        "region": "africa",
        "office_holders": [("head_of_state_and_government", "Goodluck Jonathan")],
        "summary": "Violence after the April presidential election killed hundreds of people in northern states.",
        "sections": [
            (
                "abuses-by-armed-groups",
                [
                    (
                        "p",
                        "Following the announcement of the presidential election results in April, rioting and killings broke out in several northern states, leaving hundreds dead.",
                    ),
                ],
            ),
        ],
    },
]
