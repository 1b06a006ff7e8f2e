"""Archive views: search, country hubs, themes, people. All render in the latest edition's frame."""

import logging
from urllib.parse import urlencode

from django.db import DatabaseError
from django.http import Http404, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, pgettext, pgettext_lazy

from rapporteur.reports.bidi import balanced
from rapporteur.reports.cache import cached
from rapporteur.reports.models import Country, FormerSlug, Person, Theme
from rapporteur.reports.rendering import render_reader

from .browse import by_initial, country_hub, country_index, people_index, person_cases, theme_index, theme_overview
from .charts import bar_chart
from .search import FACETS, SearchResults, parse_query, search

logger = logging.getLogger(__name__)

# Each facet's heading on the search page: (when refining results, when browsing every edition).
FACET_HEADINGS = {
    "year": (pgettext_lazy("search facet", "Year"), pgettext_lazy("search facet", "Editions")),
    "region": (pgettext_lazy("search facet", "Region"), pgettext_lazy("search facet", "Regions")),
    "country": (pgettext_lazy("search facet", "Country"), pgettext_lazy("search facet", "Countries")),
    "theme": (pgettext_lazy("search facet", "Theme"), pgettext_lazy("search facet", "Themes")),
}

# A person's status as readers see it (the API keeps the model's English labels, a vocabulary).
PERSON_STATUS_LABELS = {
    Person.Status.PRISONER_OF_CONSCIENCE: pgettext_lazy("person status", "Prisoner of conscience"),
    Person.Status.HUMAN_RIGHTS_DEFENDER: pgettext_lazy("person status", "Human rights defender"),
    Person.Status.JOURNALIST: pgettext_lazy("person status", "Journalist"),
    Person.Status.ACTIVIST: pgettext_lazy("person status", "Activist"),
    Person.Status.LAWYER: pgettext_lazy("person status", "Lawyer"),
    Person.Status.ASYLUM_SEEKER: pgettext_lazy("person status", "Asylum-seeker or refugee"),
    Person.Status.OTHER: pgettext_lazy("person status", "Other"),
}


def int_param(request, name, default=None):
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        return default


def search_view(request):
    query = request.GET.get("q", "")
    filters = {facet: request.GET.getlist(facet) for facet in FACETS}
    error = None
    try:
        # No transaction: on SQLite (IMMEDIATE mode) opening one takes the write lock, and a reader
        # must never wait behind a writer. A failed read spoils nothing in autocommit.
        results = search(query, filters, page=int_param(request, "page", 1))
    except DatabaseError:  # never an error page: say so and show the form again
        logger.exception("Search failed for %r", query[:200])
        results, error = (
            SearchResults(query=parse_query(query), filters={}),
            gettext("This search could not be run. Try fewer or simpler words."),
        )
    base = [("q", query[:500])] if query else []
    selected = [(facet, value) for facet, values in results.filters.items() for value in values]

    def link(**changes):
        params = base + [(f, v) for f, v in selected if (f, v) != changes.get("remove")]
        if "add" in changes:
            params.append(changes["add"])
        if "page" in changes:
            params.append(("page", changes["page"]))
        return "?" + urlencode(params)

    facets = [
        (
            facet,
            FACET_HEADINGS.get(facet, (facet.capitalize(), facet.capitalize())),
            [
                (value, link(remove=(facet, value.value)) if value.selected else link(add=(facet, value.value)))
                for value in values
            ],
        )
        for facet, values in results.facets.items()
    ]
    pages = [(n, link(page=n)) for n in range(max(1, results.page - 3), min(results.pages, results.page + 3) + 1)]
    return render_reader(
        request,
        "archive/search.html",
        {
            "results": results,
            "query": query[:500],
            "facets": facets,
            "pages": pages if results.total else [],
            "previous": link(page=results.page - 1) if results.page > 1 else None,
            "next": link(page=results.page + 1) if results.page < results.pages else None,
            "clear": "?" + urlencode(base),
            "suggestion": "?" + urlencode([("q", results.suggestion), *selected]) if results.suggestion else None,
            "error": error,
            "page_title": pgettext("noun, page title", "Search"),
            "page_description": gettext(
                "Search every published edition of the report, by words, year, region, country and theme."
            ),
        },
    )


def by_slug(rows, slug):
    """The country, theme or person at ``slug`` — or the one that had it before — and whether it moved.

    A caller redirects a moved one only after its own check that readers may see it, so an old
    address never reveals a new one that is still hidden.
    """
    found = rows.filter(slug=slug).first()
    if found is not None:
        return found, False
    holder = FormerSlug.objects.holder(rows, slug)
    if holder is None:
        raise Http404(f"No {rows.model._meta.verbose_name} at this address.")
    return holder, True


def moved_to(request, item):
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(item.reader_url() + (f"?{query}" if query else ""))


def country_view(request, slug):
    country, moved = by_slug(Country.objects, slug)
    hub = country_hub(country)
    if not hub.entries:
        raise Http404("No published entry for this country.")
    if moved:
        return moved_to(request, country)
    # The grid of a country with thirty editions is a large table: render it once per generation.
    body = cached(
        "country-hub-html",
        country.pk,
        translation.get_language(),
        build=lambda: render_to_string("archive/country_body.html", {"country": country, "hub": hub}),
    )
    years = hub.years
    description = gettext(
        "%(country)s in every edition of the report, %(first)s–%(last)s: entries, heads of state "
        "and government, and the themes covered year by year."
    ) % {"country": country.name, "first": years[-1], "last": years[0]}
    return render_reader(
        request,
        "archive/country.html",
        {"body": body, "country": country, "page_title": country.name, "page_description": description},
    )


def theme_view(request, slug):
    theme, moved = by_slug(Theme.objects, slug)
    overview = theme_overview(theme, int_param(request, "edition"))
    if not overview.counts:
        raise Http404("No published section on this theme.")
    if moved:
        return moved_to(request, theme)
    theme_name = theme.name_in(translation.get_language())
    name = balanced(theme_name)  # set into SVG title and description: no markup to isolate it
    chart = bar_chart(
        [(str(year), count) for year, count in overview.counts],
        gettext("%(theme)s: countries per edition") % {"theme": name},
        gettext("Number of country entries with a section on %(theme)s, for each edition from %(first)s to %(last)s.")
        % {"theme": name.lower(), "first": overview.counts[0][0], "last": overview.counts[-1][0]},
        chart_id="theme-chart",
    )
    return render_reader(
        request,
        "archive/theme.html",
        {
            "theme": theme,
            "theme_name": theme_name,
            "overview": overview,
            "chart": chart,
            "page_title": theme_name,
            "page_description": theme.description
            or gettext("Every section on %(theme)s in the country entries, edition by edition.")
            % {"theme": theme_name.lower()},
        },
    )


def person_view(request, slug):
    person, moved = by_slug(Person.objects.select_related("country"), slug)
    cases = person_cases(person)
    if not cases:
        raise Http404("No published case names this person.")
    if moved:
        return moved_to(request, person)
    person_name = person.name_in(translation.get_language())
    return render_reader(
        request,
        "archive/person.html",
        {
            "person": person,
            "person_name": person_name,
            "status_label": PERSON_STATUS_LABELS.get(person.status, person.get_status_display()),
            "cases": cases,
            "page_title": person_name,
            "page_description": person.description
            or gettext("Every case naming %(person)s, in date order.") % {"person": person_name},
        },
    )


# -- indexes ----------------------------------------------------------------------------------


def country_index_view(request):
    regions = country_index()
    return render_reader(
        request,
        "archive/country_index.html",
        {
            "regions": regions,
            "total": sum(len(items) for _, items in regions),
            "page_title": gettext("Countries"),
            "page_description": gettext(
                "Every country with an entry in a published edition, by region, with links "
                "to each country's entries across the years."
            ),
        },
    )


def theme_index_view(request):
    return render_reader(
        request,
        "archive/theme_index.html",
        {
            "themes": theme_index(),
            "page_title": gettext("Themes"),
            "page_description": gettext(
                "Every theme of the country entries, with how many sections each edition gave it."
            ),
        },
    )


def people_index_view(request):
    people = people_index()
    return render_reader(
        request,
        "archive/people_index.html",
        {
            "letters": by_initial(people),
            "total": len(people),
            "page_title": gettext("People"),
            "page_description": gettext(
                "People named in the cases of the country entries, and the editions that name them."
            ),
        },
    )
