from .addresses import FormerSlug  # noqa: F401
from .pages import *  # noqa: F401,F403
from .settings import OrganisationSettings, SocialLink  # noqa: F401
from .snippets import Country, GlossaryTerm, Person, Region, Theme  # noqa: F401
