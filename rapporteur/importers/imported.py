"""What an import read, before anything is written: one plain structure for every route.

A Word file, a Markdown file, a legacy book's PDF or its text layer each become an
``ImportedEdition`` of ``ImportedEntry`` objects, with every doubt recorded as a ``Warning``
next to the place it came from. The preview shows this structure; the writer turns it into
draft pages. Nothing here touches the database, so each reader is tested on its own.

Text is plain (legacy routes) or limited HTML (Word, Markdown): ``Block.html`` holds only the
rich-text features entries allow (paragraph, bold, italic, links, lists), already sanitised.
"""

from dataclasses import dataclass, field

OFFICES = ("head_of_state", "head_of_government", "head_of_state_and_government")

# The data box of legacy books, as structured facts (the keys are the closed vocabulary).
FACTS = {
    "death_penalty": "Death penalty",
    "population": "Population",
    "life_expectancy": "Life expectancy",
    "under5_mortality": "Under-5 mortality",
    "adult_literacy": "Adult literacy",
    "international_criminal_court": "International Criminal Court",
    "womens_convention": "UN Women's Convention and its optional protocol",
}

# Death penalty status, as the books print it.
DEATH_PENALTY = (
    "abolitionist for all crimes",
    "abolitionist for ordinary crimes",
    "abolitionist in practice",
    "retentionist",
)


@dataclass
class Warning:
    """Something the reader could not settle: shown in the preview beside where it came from."""

    where: str  # "Kazakhstan, section “Unfair trials”", "page 199", "line 4,210"
    message: str


@dataclass
class Replacement:
    """``name`` held the office before, until ``month`` ("September 2012", as printed)."""

    name: str
    month: str = ""


@dataclass
class OfficeHolder:
    office: str  # one of OFFICES
    name: str
    replaced: list = field(default_factory=list)  # Replacement, most recent first (chains: Egypt 2012)


@dataclass
class Block:
    kind: str  # "paragraph", "subheading" or "case"
    html: str
    person: str = ""  # a case's named person, as written (matched to a Person by the writer)


@dataclass
class Section:
    heading: str  # as printed or written
    theme: str = ""  # the theme it maps to (a Theme name), "" when unknown
    blocks: list = field(default_factory=list)


@dataclass
class Report:
    title: str
    index_number: str = ""  # the publisher's document reference, e.g. "EUR 57/002/2011"
    url: str = ""


@dataclass
class ImportedEntry:
    country_name: str  # as printed ("KAZAKSTAN", "Korea (Democratic People's Republic of)")
    iso_code: str = ""  # resolved by importers.countries; "" when unknown (a warning says so)
    official_name: str = ""
    office_holders: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)  # FACTS key → value as printed
    summary_html: str = ""
    sections: list = field(default_factory=list)
    visits: list = field(default_factory=list)  # descriptions
    reports: list = field(default_factory=list)  # Report
    source: str = ""  # where in the input it starts: a file name, a page or a line
    warnings: list = field(default_factory=list)


@dataclass
class ImportedArticle:
    kind: str  # "introduction", "essay", "global_update" or "press_release"
    title: str
    author: str = ""
    lead: str = ""
    blocks: list = field(default_factory=list)
    source: str = ""
    warnings: list = field(default_factory=list)


@dataclass
class ImportedEdition:
    year: int | None = None  # year of publication, if the input says
    covers_year: int | None = None
    title: str = ""
    entries: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    topic_index: dict = field(default_factory=dict)  # the book's own "Index of selected topics": topic → [country]
    warnings: list = field(default_factory=list)

    def all_warnings(self):
        """Every warning, the edition's own first, then each entry's and article's in order."""
        found = list(self.warnings)
        for item in (*self.entries, *self.articles):
            found.extend(item.warnings)
        return found
