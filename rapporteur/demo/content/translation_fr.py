"""French translation of part of the demo's English text: our own translation, demonstration material.

Translated from ``site.HOME``, from ``edition_2013`` (the edition's title, subtitle and summary, its
glossary, downloads and world-by-region pages, the Europe and Central Asia overview and the Kazakhstan
entry) and from ``vocabulary`` (the names of the regions and themes). Each constant mirrors the
structure of its English source exactly, with only the strings that readers see translated: slugs,
codes, URLs and dates are copied unchanged, so each translated block pairs with its English source
by position. Names of places follow the usual French transliteration (Janaozen, Aktaou, Ouralsk);
people's names keep their English spelling, so ``PEOPLE`` is empty.
"""

LANGUAGE = "fr"

HOME = {
    "title": "Rapports sur les droits humains",
    "intro": "Le rapport annuel de l’Organisation de démonstration Rapporteur, édition après édition. Ce contenu sert à la démonstration du logiciel Rapporteur.",
}

EDITION = {
    "title": "Rapport annuel 2013",
    "subtitle": "La situation des droits humains dans le monde",
    "summary": "Compte rendu, pays par pays, de la situation des droits humains en 2012 (édition de démonstration).",
}

GLOSSARY_PAGE = {
    "slug": "glossary",
    "title": "Glossaire",
    "intro": "Les termes employés dans ce rapport, et le sens que nous leur donnons.",
}
DOWNLOADS_PAGE = {
    "slug": "downloads",
    "title": "Obtenir votre exemplaire",
    "intro": "Le rapport sous forme de fichiers à imprimer, à lire hors connexion ou à transmettre.",
}
WORLD_PAGE = {
    "slug": "world-by-region",
    "title": "Le monde par région",
    "intro": "Choisissez une région pour en lire la présentation, ou allez directement à un pays.",
}

REGION_PAGES = {
    "europe-and-central-asia": {
        "teaser": "Dans plusieurs États issus de l’ex-Union soviétique, les gouvernements ont renforcé leur contrôle sur les manifestations, les médias et la société civile, et des personnes exposées à un risque de torture ont été renvoyées vers des pays qui les persécutent.",
        "overview": [
            (
                "paragraph",
                "En Fédération de Russie, de nouvelles lois ont alourdi les amendes sanctionnant la participation à des manifestations non autorisées et contraint les organisations qui reçoivent des fonds de l’étranger et exercent une activité politique définie de façon très large à se faire enregistrer comme « agents de l’étranger ».",
            ),
            (
                "paragraph",
                "Au Kazakhstan, les violences meurtrières de décembre 2011 à Janaozen ont été suivies de procès entachés d’allégations de torture, ainsi que de la fermeture de médias indépendants.",
            ),
        ],
    },
}

ENTRIES = {
    "KZ": {
        "country": "KZ",
        "region": "europe-and-central-asia",
        "office_holders": [
            ("head_of_state", "Noursoultan Nazarbaïev"),
            ("head_of_government", "Serik Akhmetov", "Karim Massimov", "2012-09-01"),
        ],
        "summary": (
            "Cinq membres des forces de sécurité ont été inculpés pour le recours meurtrier à la force à Janaozen en "
            "décembre 2011, et le procès des personnes accusées d’avoir organisé les troubles ou d’y avoir pris part "
            "s’est ouvert en mars ; la plupart d’entre elles ont déclaré au tribunal que leurs aveux leur avaient été "
            "arrachés sous la torture. Le dirigeant d’un parti d’opposition non enregistré a été condamné à une lourde "
            "peine d’emprisonnement à l’issue d’un procès inéquitable. Des tribunaux ont qualifié d’« extrémistes » "
            "des médias indépendants et ordonné leur fermeture. Des personnes ont encore été extradées vers des pays "
            "où elles risquaient la torture."
        ),
        "sections": [
            (
                "excessive-use-of-force",
                [
                    (
                        "p",
                        "Le 16 décembre 2011, à Janaozen, ville pétrolière du sud-ouest du pays, des célébrations marquant les vingt ans de l’indépendance se sont achevées par de violents affrontements entre la police et des manifestants, parmi lesquels des ouvriers du pétrole en grève depuis des mois. Au moins 15 personnes ont été tuées et plus de 100 autres grièvement blessées. Selon certaines informations, les forces de sécurité n’avaient reçu aucune formation au maintien de l’ordre lors de manifestations par des moyens non violents et proportionnés.",
                    ),
                    (
                        "p",
                        "En janvier 2012, une enquête officielle a abouti à l’inculpation de cinq hauts responsables des forces de sécurité pour abus de pouvoir. Le nombre de personnes tuées ou blessées par balle donnait à penser que beaucoup plus d’agents avaient fait usage de leur arme. En octobre, le parquet général a rejeté les demandes d’enquêtes complémentaires, affirmant que la direction régionale des affaires intérieures avait examiné l’ensemble des éléments de preuve et qu’il n’y avait lieu d’inculper aucun autre agent.",
                    ),
                    (
                        "case",
                        None,
                        "Les cinq agents, de la région de Manguistaou et de Janaozen même, ont été inculpés fin janvier pour usage d’armes à feu ; selon le procureur, certains avaient été identifiés grâce à des enregistrements vidéo. En mai, ils ont été condamnés à des peines de cinq à sept ans d’emprisonnement. Des policiers entendus comme témoins ont déclaré au tribunal avoir tiré directement sur les manifestants, mais aucun d’entre eux n’a été inculpé.",
                    ),
                ],
            ),
            (
                "torture-and-other-ill-treatment",
                [
                    (
                        "p",
                        "En mars, le procès de 37 personnes accusées d’avoir organisé les violences ou d’y avoir pris part s’est ouvert à Aktaou, chef-lieu de la région. La plupart sont revenues à l’audience sur leurs aveux, affirmant que des agents des forces de sécurité les avaient torturées ou soumises à d’autres mauvais traitements en détention pour obtenir ces aveux. Leurs récits concordaient avec ceux de personnes libérées en décembre 2011 : détenues dans des lieux de détention non officiels ou souterrains, déshabillées, contraintes de s’allonger sur un sol en béton froid, aspergées d’eau froide, frappées et rouées de coups de pied, à maintes reprises et pendant des heures. Dix témoins à charge ont retiré leurs déclarations, affirmant avoir eux aussi été contraints.",
                    ),
                    (
                        "p",
                        "Des accusés ont nommé les agents qui, selon eux, les avaient maltraités. Ces agents, qui ont tous invoqué la légitime défense, ont déposé en qualité de témoins ou de victimes, certains sous couvert d’anonymat. À la demande du juge, le parquet général a examiné les allégations de torture, puis les a rejetées. Sept accusés ont été condamnés à des peines allant jusqu’à sept ans d’emprisonnement.",
                    ),
                    (
                        "case",
                        "roza-tuletaeva",
                        "Roza Tuletaeva, militante des droits des travailleurs qui avait été l’une des principales interlocutrices des journalistes et des organisations internationales pendant la grève de 2011, a déclaré au tribunal qu’au cours de ses interrogatoires elle avait été suspendue par les cheveux, qu’on lui avait mis un sac en plastique sur la tête, qu’on l’avait menacée de s’en prendre à sa fille de 14 ans et qu’elle avait été agressée sexuellement. Elle a été condamnée à sept ans d’emprisonnement pour « incitation à la discorde sociale ».",
                    ),
                ],
            ),
            (
                "unfair-trials",
                [
                    (
                        "p",
                        "Outre les 37 accusés jugés à Aktaou, les forces de sécurité ont arrêté trois militants de l’opposition d’Almaty en janvier, puis un metteur en scène de théâtre connu et un jeune militant en juin, les accusant d’« incitation à la discorde sociale » et de « déstabilisation de la situation » en lien avec Janaozen. Tous, à l’exception de deux d’entre eux, ont été libérés sous conditions après plusieurs semaines de détention aux mains du Service de sécurité nationale (NSS), une fois qu’ils eurent signé des déclarations dans lesquelles ils reconnaissaient s’être rendus à Janaozen pour soutenir les grévistes.",
                    ),
                    (
                        "p",
                        "De hauts responsables ont dénoncé les accusés dans les médias d’État avant tout verdict. Les avocats n’avaient qu’un accès limité à leurs clients et ont été contraints de s’engager par écrit à ne rien divulguer de l’enquête ; les visites des familles ont été restreintes. Prises ensemble, ces violations rendaient tout procès équitable impossible.",
                    ),
                    (
                        "case",
                        "vladimir-kozlov",
                        "Le 23 janvier, des agents du NSS ont arrêté Vladimir Kozlov, dirigeant du parti d’opposition non enregistré Alga, à son domicile d’Almaty, et ont perquisitionné les locaux du parti et les domiciles d’autres membres. Il s’était rendu à Janaozen avec un groupe indépendant chargé du suivi des allégations de torture en garde à vue, et avait présenté les conclusions de ce groupe au Parlement européen. Le 8 octobre, le tribunal municipal d’Aktaou l’a déclaré coupable d’incitation à la discorde sociale et de tentative de renversement de l’ordre constitutionnel, l’a condamné à sept ans et demi d’emprisonnement et a ordonné la confiscation de ses biens. Des observateurs indépendants ayant assisté au procès ont déclaré que la présomption d’innocence n’avait pas été respectée et que les éléments de preuve n’établissaient pas sa culpabilité. La cour d’appel d’Aktaou a confirmé le jugement le 19 novembre. Il était prisonnier d’opinion.",
                    ),
                    (
                        "case",
                        "natalia-sokolova",
                        "Natalia Sokolova, avocate qui avait représenté les ouvriers du pétrole en grève, a été libérée de manière inattendue en mars, après que le parquet général eut contesté sa condamnation devant la Cour suprême. Le tribunal municipal d’Aktaou l’avait condamnée en août 2011 à six ans d’emprisonnement pour « incitation à la discorde sociale ». Elle était prisonnière d’opinion.",
                    ),
                ],
            ),
            (
                "freedom-of-expression",
                [
                    (
                        "p",
                        "Des modifications de la loi sur la sécurité entrées en vigueur en janvier ont érigé en infraction la diffusion d’informations « non fiables » ou « déformées » jugées préjudiciables à la sécurité nationale. Des journalistes et des avocats craignaient que ces dispositions ne servent à faire taire les critiques envers les autorités.",
                    ),
                    (
                        "case",
                        None,
                        "Le 21 novembre, le procureur de la ville d’Almaty a demandé aux tribunaux d’interdire comme « extrémistes » environ 40 journaux, sites d’information et médias audiovisuels (la quasi-totalité des médias indépendants et d’opposition qui subsistaient dans le pays, dont plusieurs étaient cités dans le jugement rendu contre Vladimir Kozlov), ainsi que de mettre hors la loi le parti Alga et le mouvement non enregistré Khalyk Maydany. Le jour même, des tribunaux ont suspendu les activités d’Alga et ordonné à la plupart de ces médias de cesser de publier et d’émettre.",
                    ),
                ],
            ),
            (
                "refugees-and-asylum-seekers",
                [
                    (
                        "p",
                        "Le Kazakhstan a continué de placer des personnes en détention en vue de leur extradition vers des pays, dont l’Ouzbékistan, où elles risqueraient d’être torturées, en violation des obligations que lui imposent le droit international relatif aux droits humains et le droit international des réfugiés. En juin, le Comité des Nations unies contre la torture a conclu que le Kazakhstan avait violé la Convention contre la torture en extradant vers l’Ouzbékistan 28 hommes ouzbeks, dont certains étaient demandeurs d’asile.",
                    ),
                    (
                        "case",
                        "sobir-nosirov",
                        "Sobir Nosirov, ressortissant ouzbek qui vivait et travaillait légalement en Russie avec sa famille depuis 2005, a été arrêté à la frontière du Kazakhstan en juillet 2011 en vertu d’un mandat ouzbek l’accusant d’avoir pris part aux troubles d’Andijan en mai 2005. Il a été détenu au secret pendant plusieurs jours à Ouralsk, puis maintenu en détention pendant un an, alors même que la demande d’extradition ne résistait pas à l’examen. Le 24 juillet 2012, il a été libéré sans explication et escorté par des agents de sécurité jusqu’à la frontière russe.",
                    ),
                ],
            ),
        ],
        "reports": [
            (
                "Kazakhstan : 100 jours après Janaozen, les enquêtes officielles en question",
                "https://example.org/reports/kazakhstan-zhanaozen-100-days",
            ),
        ],
        "visits": [("Des délégués se sont rendus au Kazakhstan en décembre.", "2012-12-01")],
    },
}

REGIONS = {
    "africa": "Afrique",
    "americas": "Amériques",
    "asia-pacific": "Asie-Pacifique",
    "europe-and-central-asia": "Europe et Asie centrale",
    "middle-east-and-north-africa": "Moyen-Orient et Afrique du Nord",
}

THEMES = {
    "excessive-use-of-force": "Recours excessif à la force",
    "torture-and-other-ill-treatment": "Torture et autres mauvais traitements",
    "unfair-trials": "Procès inéquitables",
    "freedom-of-expression": "Liberté d’expression",
    "freedom-of-assembly": "Liberté de réunion",
    "freedom-of-association": "Liberté d’association",
    "refugees-and-asylum-seekers": "Réfugiés et demandeurs d’asile",
    "internally-displaced-people": "Personnes déplacées à l’intérieur de leur pays",
    "armed-conflict": "Conflit armé",
    "abuses-by-armed-groups": "Exactions perpétrées par des groupes armés",
    "death-penalty": "Peine de mort",
    "impunity": "Impunité",
    "human-rights-defenders": "Défenseures et défenseurs des droits humains",
    "prisoners-of-conscience": "Prisonnières et prisonniers d’opinion",
    "counter-terror-and-security": "Lutte contre le terrorisme et sécurité",
    "discrimination": "Discrimination",
    "legal-and-constitutional-developments": "Évolutions législatives et constitutionnelles",
    "violence-against-women-and-girls": "Violences faites aux femmes et aux filles",
}

# The people named in the Kazakhstan entry keep their English spelling in French.
PEOPLE = {}

# The glossary (``vocabulary.GLOSSARY``): English term -> (French term, French definition).
GLOSSARY = {
    "Prisoner of conscience": (
        "Prisonnier d’opinion",
        "Personne emprisonnée, ou privée de sa liberté de toute autre manière, uniquement en raison de ses convictions politiques, religieuses ou autres, de son origine ethnique, de son sexe, de sa langue, de son orientation sexuelle ou de toute autre situation, et qui n’a ni employé la violence ni prôné son usage.",
    ),
    "Human rights defender": (
        "Défenseur des droits humains",
        "Toute personne qui, seule ou avec d’autres, agit pacifiquement pour promouvoir ou protéger les droits humains : avocats, journalistes, responsables communautaires, syndicalistes, proches de victimes.",
    ),
    "Enforced disappearance": (
        "Disparition forcée",
        "Arrestation, détention ou enlèvement par l’État, ou avec son consentement, suivi du refus de le reconnaître ou de dire où se trouve la personne, qui est ainsi soustraite à la protection de la loi.",
    ),
    "Extrajudicial execution": (
        "Exécution extrajudiciaire",
        "Homicide délibéré et illégal commis sur ordre d’un gouvernement, ou avec sa complicité ou son assentiment.",
    ),
    "Refugee": (
        "Réfugié",
        "Personne qui se trouve hors de son pays et ne peut y retourner parce qu’elle craint avec raison d’y être persécutée, au sens de la Convention de 1951 relative au statut des réfugiés.",
    ),
    "Asylum-seeker": (
        "Demandeur d’asile",
        "Personne qui a quitté son pays et demande à être protégée en tant que réfugiée, mais dont la demande n’a pas encore été tranchée.",
    ),
    "Internally displaced person": (
        "Personne déplacée à l’intérieur de son pays",
        "Personne contrainte de fuir son foyer, par exemple à cause d’un conflit, de violences ou d’une catastrophe, sans avoir franchi de frontière internationale.",
    ),
    "Non-refoulement": (
        "Non-refoulement",
        "Règle du droit international selon laquelle nul ne peut être renvoyé dans un pays où il risquerait la persécution, la torture ou d’autres atteintes graves.",
    ),
    "Incommunicado detention": (
        "Détention au secret",
        "Détention pendant laquelle la personne détenue est privée de tout contact avec sa famille, ses avocats et des médecins. Elle crée des conditions propices à la torture.",
    ),
    "Abolitionist": (
        "Abolitionniste",
        "Se dit d’un pays dont la loi ne prévoit plus la peine de mort pour aucun crime, ou qui n’a procédé à aucune exécution depuis au moins dix ans.",
    ),
    "Universal jurisdiction": (
        "Compétence universelle",
        "Pouvoir d’un tribunal national de juger les crimes les plus graves au regard du droit international, comme la torture ou le génocide, où qu’ils aient été commis et quels qu’en soient les auteurs.",
    ),
    "Rome Statute": (
        "Statut de Rome",
        "Traité de 1998 qui a créé la Cour pénale internationale et définit les crimes relevant de sa compétence.",
    ),
    "Fair trial": (
        "Procès équitable",
        "Procès devant un tribunal compétent, indépendant et impartial, dans le respect de la présomption d’innocence, avec accès à un avocat, le temps de préparer sa défense et le droit de faire appel.",
    ),
}
