"""Demo edition: "Annual Report 2013", covering 2012.

Section items: ("p", text) for a paragraph, ("case", person slug or None, text) for a case.
"""

EDITION = {
    "year": 2013,
    "covers_year": 2012,
    "title": "Annual Report 2013",
    "subtitle": "The state of the world's human rights",
    "summary": "Country-by-country account of human rights in 2012 (demonstration edition).",
}

ARTICLES = [
    {
        "kind": "introduction",
        "slug": "introduction",
        "title": "Introduction: a year of courage and closing doors",
        "author": "The report team",
        "lead": (
            "In 2012 people across the world kept demanding their rights in the street, in court and online, "
            "and many governments answered with new laws, closed newspapers and crowded prisons. This edition "
            "follows those struggles country by country."
        ),
        "body": [
            ("heading", "What this edition covers"),
            (
                "paragraph",
                "Each country entry starts with who held power during the year and a short summary, then takes one subject at a time: the use of force by police, torture in custody, fair trials, freedom of expression, the treatment of refugees. Where we could tell an individual's story with their consent or from the public record, we have.",
            ),
            (
                "paragraph",
                "Read together, the entries show patterns that no single country report can: how a law restricting foreign-funded organizations in one capital is copied in another, how a crackdown on protest in one region mirrors the methods used in the next.",
            ),
            ("heading", "Why the record matters"),
            (
                "paragraph",
                "Governments change; the record stays. Lawyers cite these entries in asylum hearings, researchers code them into long-run datasets and families use them to show that what happened to their relatives was seen. That is why each entry is dated, sourced and kept online, year after year.",
            ),
            (
                "quote",
                {
                    "quote": "A fact that is written down carefully, and kept, is harder to deny.",
                    "attribution": "From the report team's style guide",
                },
            ),
        ],
    },
    {
        "kind": "essay",
        "slug": "essay",
        "title": "Essay: the right to know and the will to silence",
        "author": "Guest contributor (demonstration text)",
        "lead": (
            "Telephones in millions of pockets mean that abuses are filmed as they happen. The same technology "
            "lets the state watch, filter and switch off. Who wins depends on law, not on gadgets."
        ),
        "body": [
            (
                "paragraph",
                "When the security forces fire on a crowd today, someone usually records it. Footage that once took weeks to smuggle out now travels in minutes, and prosecutors, journalists and international bodies have learned to verify it.",
            ),
            (
                "paragraph",
                "Governments have learned too. In 2012 several adopted laws that punish the spreading of “unreliable” information, require websites to register, or brand critical outlets as extremist. Others simply slowed or cut the connection in the regions where protests began.",
            ),
            ("heading", "Rules, not tools"),
            (
                "paragraph",
                "The answer is not a better application but stronger guarantees: narrow, clearly defined limits on speech that courts can review; independent regulators; and the refusal of companies to hand over their users to governments that punish peaceful expression.",
            ),
        ],
    },
    {
        "kind": "global_update",
        "slug": "global-update",
        "title": "Global update: justice, arms and the death penalty in 2012",
        "author": "",
        "lead": (
            "International justice reached milestones in 2012, negotiations on a treaty to control the arms trade "
            "came close to agreement, and more states voted for a halt to executions."
        ),
        "body": [
            ("heading", "International justice"),
            (
                "paragraph",
                "In March the International Criminal Court delivered its first verdict, convicting Thomas Lubanga Dyilo of recruiting and using child soldiers in the Democratic Republic of the Congo; he was later sentenced to 14 years' imprisonment. In April the Special Court for Sierra Leone convicted former Liberian President Charles Taylor of aiding and abetting war crimes and crimes against humanity, and sentenced him to 50 years.",
            ),
            ("heading", "The arms trade"),
            (
                "paragraph",
                "A UN conference in July ended without agreement on an Arms Trade Treaty, after a small number of states asked for more time. Negotiations were set to resume in 2013.",
            ),
            ("heading", "The death penalty"),
            (
                "paragraph",
                "In December, 111 states voted in the UN General Assembly for a resolution calling for a moratorium on executions with a view to abolition, more than ever before.",
            ),
        ],
    },
]

PRESS_RELEASE = {
    "slug": "press-release",
    "title": "New annual report: protest met with repression as governments shut down debate",
    "release_date": "2013-05-23",
    "lead": (
        "The demonstration organisation's annual report, published today, documents human rights in 2012 "
        "in 13 countries across five regions."
    ),
    "body": [
        (
            "paragraph",
            "The report finds that governments in every region responded to peaceful protest and criticism with restrictive laws, prosecutions and, in some cases, lethal force.",
        ),
        (
            "paragraph",
            "It records the killing of striking miners in South Africa, the trials that followed the violence in Zhanaozen, Kazakhstan, and the armed conflict in Syria, alongside milestones for international justice.",
        ),
        ("heading", "Notes to editors"),
        (
            "paragraph",
            "The full report, in HTML, PDF and e-book formats, and the underlying data are available from the report website. This release accompanies a demonstration edition of Rapporteur.",
        ),
    ],
    "media_contact": "Press office, demonstration organisation: press@example.org",
}

GLOSSARY_PAGE = {
    "slug": "glossary",
    "title": "Glossary",
    "intro": "Terms used in this report, with the meaning we give them.",
}
DOWNLOADS_PAGE = {
    "slug": "downloads",
    "title": "Get your copy",
    "intro": "The report as files to print, read offline or send on.",
}
WORLD_PAGE = {
    "slug": "world-by-region",
    "title": "World by region",
    "intro": "Choose a region for its overview, or go straight to a country.",
}

REGION_PAGES = {
    "africa": {
        "teaser": "Conflict in Mali, attacks by armed groups in Nigeria and the killing of striking miners in South Africa marked a year in which many governments failed to protect people or to hold anyone to account.",
        "overview": [
            (
                "paragraph",
                "The crisis in Mali, where a coup in March was followed by armed groups taking control of the north, showed how quickly instability can displace hundreds of thousands of people across borders.",
            ),
            (
                "paragraph",
                "In Nigeria, bomb and gun attacks by the armed group known as Boko Haram killed hundreds of people. In South Africa, the police killing of 34 striking mineworkers at Marikana raised urgent questions about public-order policing.",
            ),
            ("heading", "Looking ahead"),
            (
                "paragraph",
                "Accountability for these events, through independent inquiries and fair trials, will test the region's institutions in the coming year.",
            ),
        ],
    },
    "americas": {
        "teaser": "Steps towards truth and justice for past abuses in several countries contrasted with continuing violence, impunity and danger for those who defend human rights.",
        "overview": [
            (
                "paragraph",
                "Brazil installed a National Truth Commission to examine abuses committed between 1946 and 1988. Mexico adopted a law to protect human rights defenders and journalists, amid violence linked to organized crime.",
            ),
            (
                "paragraph",
                "In the USA, indefinite detention at Guantánamo Bay continued, while another state abolished the death penalty.",
            ),
        ],
    },
    "asia-pacific": {
        "teaser": "Reforms in Myanmar raised hopes, but across the region people who spoke their minds, online, in print or in the street, continued to face arrest and harassment.",
        "overview": [
            (
                "paragraph",
                "Myanmar released hundreds of political prisoners and held by-elections in which the opposition won almost every seat it contested; communal violence in Rakhine State then displaced more than 100,000 people.",
            ),
            (
                "paragraph",
                "In China, writers, lawyers and activists who challenged the authorities continued to be imprisoned, placed under house arrest or watched.",
            ),
        ],
    },
    "europe-and-central-asia": {
        "teaser": "Governments in several former Soviet states tightened control over protest, the media and civil society, and people at risk of torture were sent back to countries that persecute them.",
        "overview": [
            (
                "paragraph",
                "In the Russian Federation, new laws raised fines for taking part in unauthorized protests and required organizations that receive foreign funding and engage in broadly defined political activity to register as “foreign agents”.",
            ),
            (
                "paragraph",
                "In Kazakhstan, the aftermath of the deadly violence in Zhanaozen in December 2011 brought trials marred by allegations of torture, and the closure of independent media.",
            ),
        ],
    },
    "middle-east-and-north-africa": {
        "teaser": "Two years after the uprisings began, hopes for change met armed conflict in Syria, political turmoil in Egypt and unfinished reforms elsewhere.",
        "overview": [
            (
                "paragraph",
                "The armed conflict in Syria grew deadlier throughout the year, and the number of people fleeing to neighbouring countries rose month by month.",
            ),
            (
                "paragraph",
                "Egypt elected a civilian president and adopted a new constitution amid deep divisions; Tunisia's elected assembly continued drafting a constitution.",
            ),
        ],
    },
}

ENTRIES = [
    {
        "country": "KZ",
        "region": "europe-and-central-asia",
        "office_holders": [
            ("head_of_state", "Nursultan Nazarbayev"),
            ("head_of_government", "Serik Akhmetov", "Karim Massimov", "2012-09-01"),
        ],
        "summary": (
            "Five security officers were charged over the deadly use of force in Zhanaozen in December 2011, and "
            "the trial of people accused of organizing or joining the unrest began in March; most of them told the "
            "court they had been tortured into confessing. The leader of an unregistered opposition party was "
            "given a long prison term after an unfair trial. Courts branded independent media “extremist” and shut "
            "them down. People continued to be extradited to countries where they faced torture."
        ),
        "sections": [
            (
                "excessive-use-of-force",
                [
                    (
                        "p",
                        "On 16 December 2011, events in the oil town of Zhanaozen, in the south-west, to mark twenty years of independence ended in violent clashes between police and protesters, among them oil workers who had been on strike for months. At least 15 people were killed and more than 100 were seriously injured. According to reports, the security forces had received no training in policing demonstrations by non-violent and proportionate means.",
                    ),
                    (
                        "p",
                        "In January 2012 an official investigation led to charges of abuse of office against five senior security officers. The number of people killed or wounded by gunfire suggested that many more officers had fired their weapons. In October the General Prosecutor's Office rejected calls for further inquiries, stating that the regional internal affairs department had examined all the evidence and that no other officer needed to be charged.",
                    ),
                    (
                        "case",
                        None,
                        "The five officers, from Mangistau Region and from Zhanaozen itself, were charged in late January over the use of firearms; the prosecutor said some had been identified from video recordings. In May they were sentenced to between five and seven years in prison. Police officers who gave evidence as witnesses told the court that they had fired directly at protesters, but none of them was charged.",
                    ),
                ],
            ),
            (
                "torture-and-other-ill-treatment",
                [
                    (
                        "p",
                        "In March, 37 people went on trial in Aktau, the regional capital, accused of organizing or taking part in the violence. Most withdrew their confessions in court and said that security officers had tortured or otherwise ill-treated them in custody to obtain them. Their accounts matched those of people released in December 2011: held in unofficial or underground places of detention, stripped, made to lie on cold concrete floors, doused with cold water and beaten and kicked, repeatedly and for hours. Ten prosecution witnesses withdrew their statements, saying they too had been coerced.",
                    ),
                    (
                        "p",
                        "Defendants named the officers they said had abused them. Those officers, all of whom pleaded self-defence, testified as witnesses or victims, some of them anonymously. At the judge's request the General Prosecutor's Office reviewed the torture allegations, and rejected them. Seven defendants received prison sentences of up to seven years.",
                    ),
                    (
                        "case",
                        "roza-tuletaeva",
                        "Roza Tuletaeva, a labour activist who had been a main point of contact for journalists and international organizations during the 2011 strike, told the court that during interrogation she had been hung by her hair, had a plastic bag put over her head, had been threatened that her 14-year-old daughter would be harmed, and had been sexually assaulted. She was sentenced to seven years in prison for “inciting social discord”.",
                    ),
                ],
            ),
            (
                "unfair-trials",
                [
                    (
                        "p",
                        "Beyond the 37 defendants tried in Aktau, the security forces arrested three opposition activists from Almaty in January, and a well-known theatre director and a youth activist in June, accusing them of “inciting social discord” and “destabilizing the situation” in connection with Zhanaozen. All but two were released on conditions after several weeks in the custody of the National Security Service (NSS), once they had signed statements admitting that they had gone to Zhanaozen to support the strikers.",
                    ),
                    (
                        "p",
                        "Senior officials denounced the accused in state media before any verdict. Lawyers had limited access to their clients and were made to sign undertakings not to disclose anything about the investigation; family visits were restricted. Together these violations made a fair trial impossible.",
                    ),
                    (
                        "case",
                        "vladimir-kozlov",
                        "On 23 January, NSS officers arrested Vladimir Kozlov, leader of the unregistered opposition party Alga, at his home in Almaty, and searched the party's office and the homes of other members. He had travelled to Zhanaozen with an independent group monitoring allegations of torture in police custody, and had presented its findings to the European Parliament. On 8 October, Aktau City Court convicted him of inciting social discord and of seeking to overthrow the constitutional order, sentenced him to seven and a half years in prison and ordered the confiscation of his property. Independent monitors who attended the trial said the presumption of innocence had not been respected and the evidence did not prove his guilt. The appeal court in Aktau upheld the verdict on 19 November. He was a prisoner of conscience.",
                    ),
                    (
                        "case",
                        "natalia-sokolova",
                        "Natalia Sokolova, a lawyer who had represented the striking oil workers, was released unexpectedly in March after the General Prosecutor's Office challenged her sentence before the Supreme Court. Aktau City Court had sentenced her in August 2011 to six years in prison for “inciting social discord”. She was a prisoner of conscience.",
                    ),
                ],
            ),
            (
                "freedom-of-expression",
                [
                    (
                        "p",
                        "Amendments to the security law that took effect in January made it an offence to spread “unreliable” or “distorted” information judged harmful to national security. Journalists and lawyers feared the provisions would be used to silence criticism of the authorities.",
                    ),
                    (
                        "case",
                        None,
                        "On 21 November the Almaty city prosecutor asked the courts to ban about 40 newspapers, news websites and broadcasters as “extremist”, almost all of the country's remaining independent and opposition media and several of them named in Vladimir Kozlov's verdict, and to outlaw the Alga party and the unregistered movement Khalyk Maydany. That same day, courts suspended Alga's activities and ordered most of the outlets to stop publishing and broadcasting.",
                    ),
                ],
            ),
            (
                "refugees-and-asylum-seekers",
                [
                    (
                        "p",
                        "Kazakhstan continued to detain people for extradition to countries, among them Uzbekistan, where they would be at risk of torture, in breach of its obligations under international human rights and refugee law. In June the UN Committee against Torture found that Kazakhstan had violated the Convention against Torture by extraditing 28 Uzbek men, some of them asylum-seekers, to Uzbekistan.",
                    ),
                    (
                        "case",
                        "sobir-nosirov",
                        "Sobir Nosirov, an Uzbek national who had lived and worked legally in Russia with his family since 2005, was detained at the Kazakhstani border in July 2011 on an Uzbek warrant accusing him of taking part in the unrest in Andizhan in May 2005. He was held incommunicado for several days in Uralsk and then kept in detention for a year, although the extradition request did not stand up to scrutiny. On 24 July 2012 he was released without explanation and escorted by security officers to the Russian border.",
                    ),
                ],
            ),
        ],
        "reports": [
            (
                "Kazakhstan: 100 days after Zhanaozen, questions over the official investigations",
                "https://example.org/reports/kazakhstan-zhanaozen-100-days",
            ),
        ],
        "visits": [("Delegates visited Kazakhstan in December.", "2012-12-01")],
    },
    {
        "country": "RU",
        "region": "europe-and-central-asia",
        "office_holders": [
            ("head_of_state", "Vladimir Putin", "Dmitry Medvedev", "2012-05-01"),
            ("head_of_government", "Dmitry Medvedev", "Vladimir Putin", "2012-05-01"),
        ],
        "summary": "Large protests accompanied the presidential election. New laws then raised penalties for unauthorized demonstrations and required many non-governmental organizations to register as “foreign agents”. Three members of the punk group Pussy Riot were imprisoned for a protest performance in a Moscow cathedral.",
        "sections": [
            (
                "freedom-of-assembly",
                [
                    (
                        "p",
                        "A demonstration in Moscow on 6 May, the eve of the presidential inauguration, ended in clashes with police and hundreds of arrests; criminal cases were later opened against a number of participants. In June, amendments to the law on public assemblies sharply increased fines for breaching the rules on demonstrations.",
                    ),
                ],
            ),
            (
                "freedom-of-association",
                [
                    (
                        "p",
                        "A law adopted in July required non-governmental organizations that receive funding from abroad and take part in loosely defined “political activity” to register as “foreign agents”, a term associated in Russian with espionage, and to label their publications accordingly. It came into force in November.",
                    ),
                ],
            ),
            (
                "freedom-of-expression",
                [
                    (
                        "case",
                        None,
                        "In August, a Moscow court sentenced Nadezhda Tolokonnikova, Maria Alekhina and Yekaterina Samutsevich, members of the punk group Pussy Riot, to two years' imprisonment for “hooliganism motivated by religious hatred” over a brief protest song performed in the Cathedral of Christ the Saviour. In October an appeal court suspended Yekaterina Samutsevich's sentence; the other two remained in prison. They were prisoners of conscience.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "ML",
        "region": "africa",
        "office_holders": [
            ("head_of_state", "Dioncounda Traoré", "Amadou Toumani Touré", "2012-04-01"),
            ("head_of_government", "Django Sissoko", "Cheick Modibo Diarra", "2012-12-01"),
        ],
        "summary": "Soldiers overthrew the elected government in March, weeks before a scheduled election, and armed groups took control of the north of the country. Several hundred thousand people fled their homes.",
        "sections": [
            (
                "armed-conflict",
                [
                    (
                        "p",
                        "Fighting broke out in January between the army and armed groups in the north, among them the National Movement for the Liberation of Azawad (MNLA) and Islamist groups including Ansar Eddine. After the coup in March, the armed groups took the regions of Kidal, Gao and Timbuktu. Islamist groups later destroyed historic mausoleums in Timbuktu, a World Heritage Site.",
                    ),
                ],
            ),
            (
                "internally-displaced-people",
                [
                    (
                        "p",
                        "By the end of the year, several hundred thousand people had been forced from their homes: some remained elsewhere in Mali, while others crossed into Mauritania, Niger, Burkina Faso and Algeria.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "NG",
        "region": "africa",
        "office_holders": [("head_of_state_and_government", "Goodluck Jonathan")],
        "summary": "Attacks by the armed group known as Boko Haram killed hundreds of people in northern and central states. A nationwide strike followed the removal of the fuel subsidy in January, and floods later in the year forced more than a million people from their homes.",
        "sections": [
            (
                "abuses-by-armed-groups",
                [
                    (
                        "p",
                        "On 20 January, coordinated bomb and gun attacks on police stations and other buildings in Kano, claimed by Boko Haram, killed more than 180 people. Churches, schools and government offices were attacked in other states throughout the year.",
                    ),
                ],
            ),
            (
                "freedom-of-assembly",
                [
                    (
                        "p",
                        "The removal of the fuel subsidy on 1 January, which doubled the price of petrol overnight, led to a week-long general strike and demonstrations in cities across the country.",
                    ),
                ],
            ),
            (
                "internally-displaced-people",
                [
                    (
                        "p",
                        "Severe flooding between July and October affected most of the country's states and displaced more than a million people.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "ZA",
        "region": "africa",
        "office_holders": [("head_of_state_and_government", "Jacob Zuma")],
        "summary": "Police shot dead 34 striking mineworkers at Marikana in August, the deadliest use of force by the police since the end of apartheid. The President appointed a commission of inquiry.",
        "sections": [
            (
                "excessive-use-of-force",
                [
                    (
                        "p",
                        "On 16 August, police opened fire on striking workers gathered on a hill near the Marikana platinum mine in North West Province, killing 34 and wounding many more. Ten people, two police officers among them, had been killed in the days before as the dispute escalated.",
                    ),
                    (
                        "p",
                        "President Zuma set up a commission of inquiry, chaired by retired judge Ian Farlam, to investigate the events; it began hearings in October.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "US",
        "region": "americas",
        "office_holders": [("head_of_state_and_government", "Barack Obama")],
        "summary": "Indefinite military detention without charge continued at Guantánamo Bay. Forty-three people were executed during the year, and Connecticut became the 17th state to abolish the death penalty.",
        "sections": [
            (
                "counter-terror-and-security",
                [
                    (
                        "p",
                        "At the end of the year, 166 men were still held at the US naval base at Guantánamo Bay in Cuba, most of them without charge or trial, nearly three years after the deadline the President had set for closing the detention facility.",
                    ),
                ],
            ),
            (
                "death-penalty",
                [
                    (
                        "p",
                        "Forty-three men were executed in nine states during the year. In April, Connecticut abolished the death penalty for future crimes.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "MX",
        "region": "americas",
        "office_holders": [("head_of_state_and_government", "Enrique Peña Nieto", "Felipe Calderón", "2012-12-01")],
        "summary": "Violence linked to organized crime, and to the security operations against it, continued. Congress adopted a law to protect human rights defenders and journalists, and approved a General Victims Law.",
        "sections": [
            (
                "human-rights-defenders",
                [
                    (
                        "p",
                        "In June, a law establishing a protection mechanism for human rights defenders and journalists came into force, after years of campaigning by civil society organizations.",
                    ),
                ],
            ),
            (
                "legal-and-constitutional-developments",
                [
                    (
                        "p",
                        "In April, Congress approved a General Victims Law setting out the rights of victims of crime and of human rights violations to truth, justice and reparation. It had not come into force by the end of the year.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "BR",
        "region": "americas",
        "office_holders": [("head_of_state_and_government", "Dilma Rousseff")],
        "summary": "A National Truth Commission was installed in May to examine human rights violations committed between 1946 and 1988, including under the military government.",
        "sections": [
            (
                "impunity",
                [
                    (
                        "p",
                        "The National Truth Commission began work in May with a two-year mandate. Relatives of people who were killed or disappeared under military rule called for its findings to lead to prosecutions, which remained barred by the 1979 amnesty law.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "MM",
        "region": "asia-pacific",
        "office_holders": [("head_of_state_and_government", "Thein Sein")],
        "summary": "Hundreds of political prisoners were released, and opposition leader Aung San Suu Kyi was elected to parliament in April by-elections. Violence between Buddhist and Muslim communities in Rakhine State in June and October left more than 100,000 people displaced, most of them Rohingya.",
        "sections": [
            (
                "prisoners-of-conscience",
                [
                    (
                        "p",
                        "A prisoner amnesty in January freed several hundred political prisoners, among them leaders of the 1988 student movement. Others remained in prison at the end of the year.",
                    ),
                ],
            ),
            (
                "legal-and-constitutional-developments",
                [
                    (
                        "p",
                        "In by-elections on 1 April, the National League for Democracy won 43 of the 44 seats it contested; Aung San Suu Kyi took her seat in parliament in May.",
                    ),
                ],
            ),
            (
                "internally-displaced-people",
                [
                    (
                        "p",
                        "Violence between Rakhine Buddhist and Rohingya Muslim communities in Rakhine State in June and again in October killed many people and destroyed thousands of homes. By the end of the year more than 100,000 people, most of them Rohingya, were living in camps for displaced people.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "CN",
        "region": "asia-pacific",
        "office_holders": [("head_of_state", "Hu Jintao"), ("head_of_government", "Wen Jiabao")],
        "summary": "The authorities continued to restrict freedom of expression and to punish those who defended human rights. Nobel Peace Prize laureate Liu Xiaobo remained in prison.",
        "sections": [
            (
                "prisoners-of-conscience",
                [
                    (
                        "case",
                        "liu-xiaobo",
                        "Liu Xiaobo, a writer and one of the authors of the Charter 08 manifesto for political reform, continued to serve the 11-year sentence imposed in December 2009 for “inciting subversion of state power”. Awarded the Nobel Peace Prize in 2010, he was a prisoner of conscience. His wife, Liu Xia, remained under house arrest although she had not been charged with any offence.",
                    ),
                ],
            ),
            (
                "human-rights-defenders",
                [
                    (
                        "case",
                        "chen-guangcheng",
                        "In April, Chen Guangcheng, a self-taught legal advocate who had been confined to his home in Shandong Province since his release from prison in 2010, escaped and sought refuge in the US embassy in Beijing. He left for the USA with his wife and children in May.",
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
            ("head_of_government", "Wael al-Halqi", "Riyad Hijab", "2012-08-01"),
        ],
        "summary": "The internal armed conflict grew deadlier throughout the year. By its end, the UN estimated that more than 60,000 people had been killed since March 2011, and hundreds of thousands had fled to neighbouring countries.",
        "sections": [
            (
                "armed-conflict",
                [
                    (
                        "p",
                        "Government forces and armed opposition groups fought across the country, including in Damascus and Aleppo. A UN observer mission deployed in April to monitor a ceasefire that never took hold, and withdrew in August. The UN and Arab League envoy Kofi Annan resigned in August and was succeeded by Lakhdar Brahimi.",
                    ),
                ],
            ),
            (
                "refugees-and-asylum-seekers",
                [
                    (
                        "p",
                        "Hundreds of thousands of Syrians sought refuge in Lebanon, Jordan, Turkey and Iraq during the year, and more than a million were displaced inside the country.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "EG",
        "region": "middle-east-and-north-africa",
        "office_holders": [
            ("head_of_state", "Mohamed Morsi", "Mohamed Hussein Tantawi", "2012-06-01"),
            ("head_of_government", "Hisham Qandil", "Kamal Ganzouri", "2012-07-01"),
        ],
        "summary": "Mohamed Morsi became Egypt's first elected civilian president in June. Former President Hosni Mubarak was sentenced to life imprisonment over the killing of protesters in 2011. A new constitution was approved by referendum in December amid mass protests.",
        "sections": [
            (
                "impunity",
                [
                    (
                        "p",
                        "On 2 June, a Cairo court sentenced Hosni Mubarak and his former interior minister to life imprisonment for failing to prevent the killing of protesters during the uprising of January and February 2011. Six senior security officials tried with them were acquitted.",
                    ),
                ],
            ),
            (
                "legal-and-constitutional-developments",
                [
                    (
                        "p",
                        "In November the President issued a decree placing his decisions beyond judicial review until a new constitution was adopted, prompting large protests and counter-protests. The draft constitution was approved in a two-stage referendum in December.",
                    ),
                ],
            ),
        ],
    },
    {
        "country": "TN",
        "region": "middle-east-and-north-africa",
        "office_holders": [("head_of_state", "Moncef Marzouki"), ("head_of_government", "Hamadi Jebali")],
        "summary": "The elected National Constituent Assembly continued drafting a new constitution. People were prosecuted for expression judged offensive to religion.",
        "sections": [
            (
                "legal-and-constitutional-developments",
                [
                    (
                        "p",
                        "The National Constituent Assembly, elected in October 2011, published draft chapters of the new constitution during the year.",
                    ),
                ],
            ),
            (
                "freedom-of-expression",
                [
                    (
                        "p",
                        "In March, two young men were sentenced to seven and a half years in prison for posting online writings and images considered insulting to Islam.",
                    ),
                ],
            ),
        ],
    },
]
