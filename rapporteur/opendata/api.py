"""The read-only JSON API at ``/api/v1/``, described by its own OpenAPI 3.1 document.

django-ninja declares each operation once — its parameters with their types and limits, and
the schema of its answer — and serves both the validation and ``/api/v1/openapi.json`` from
that one declaration, so the published description cannot drift from what is served.

What an answer contains comes from ``opendata.catalogue`` (the same documents and visibility
rule as the pages). Here: checking parameters (a bad or unknown one is a 400 naming it, never
a 500 and never silently ignored), resolving identifiers (an embargoed edition is unknown:
404), paging. HTTP caching, CORS and the rate limit are ``opendata.http``'s.
"""

import functools
import hashlib
import inspect
import json
import math

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, ValidationError

from rapporteur.archive import search as archive_search
from rapporteur.archive.models import SearchRecord
from rapporteur.reports.cache import cached
from rapporteur.reports.models import Person, Region, Theme

from . import catalogue, schemas
from . import identifiers as ids

PER_PAGE = 50
MAX_PER_PAGE = 200
ERRORS = {400: schemas.Error, 404: schemas.Error}

api = NinjaAPI(
    title="Rapporteur open data",
    version="1",
    description=(
        "Every published edition of the report as data: editions, regions, countries, themes, people, "
        "country entries with their sections and cases, search, and a country × edition × theme matrix. "
        "Read-only, anonymous, JSON. Identifiers never change; see the README's *Open data* section."
    ),
    urls_namespace="opendata",
    docs_url=None,  # our own page (``opendata.docs``): no third-party script, works without JavaScript
    openapi_url="/openapi.json",
)


class BadParameter(HttpError):
    def __init__(self, parameter, message):
        super().__init__(400, message)
        self.parameter = parameter


def error(request, status, kind, message, parameter=None):
    return api.create_response(request, {"error": kind, "parameter": parameter, "message": message}, status=status)


@api.exception_handler(BadParameter)
def bad_parameter(request, exc):
    return error(request, 400, "bad_parameter", exc.message, exc.parameter)


@api.exception_handler(ValidationError)
def invalid_parameter(request, exc):
    """Ninja's type and range checks, said as ours: a 400 naming the first parameter at fault."""
    first = exc.errors[0] if exc.errors else {}
    location = [str(part) for part in first.get("loc", ())]
    parameter = location[-1] if location else None
    return error(request, 400, "bad_parameter", f"{parameter}: {first.get('msg', 'invalid value')}", parameter)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error(request, 404, "not_found", str(exc) or "Nothing is published under this identifier.")


def known_parameters(view):
    """Refuse query parameters the operation does not take: a misspelt filter (``?contry=KZ``)
    would otherwise return everything, and a researcher would not notice."""
    signature = inspect.signature(view)
    allowed = {name for name in signature.parameters if name != "request"}

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        for name in request.GET:
            if name not in allowed:
                path_parameters = set(request.resolver_match.kwargs) if request.resolver_match else set()
                expected = ", ".join(sorted(allowed - path_parameters)) or "none"
                raise BadParameter(name, f"{name}: unknown parameter (this address takes: {expected}).")
        return view(request, *args, **kwargs)

    return checked


def as_json(payload):
    """An answer already checked against its schema (when it was cached): sent as it is.

    ``payload``: a dict, or its JSON text (big answers such as the matrix are cached as text).
    """
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return HttpResponse(text, content_type="application/json; charset=utf-8")


def answered_once(schema):
    """Answer a list, the matrix or a search from the cache while the content generation lasts.

    The answer is computed (and checked against ``schema``) the first time an address is asked
    for after a publish; bad parameters raise before anything is stored.
    """

    def decorate(view):
        @functools.wraps(view)
        def cached_view(request, *args, **kwargs):
            def build():
                return schema.model_validate(view(request, *args, **kwargs)).model_dump_json()

            address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
            base = f"{request.scheme}://{request.get_host()}"
            return as_json(cached("opendata-answer", address, base, build=build))

        return cached_view

    return decorate


# -- parameters -> objects -------------------------------------------------------------------


def writer(request):
    return catalogue.Writer(f"{request.scheme}://{request.get_host()}")


def edition_param(vocab, year, parameter="edition"):
    if year is None:
        return None
    edition = vocab.by_year.get(year)
    if edition is None:
        raise BadParameter(parameter, f"{parameter}: no edition {year} is published.")
    return edition


def country_param(vocab, code, parameter="country"):
    if code is None:
        return None
    country = vocab.by_iso.get(code.upper())
    if country is None:
        raise BadParameter(parameter, f"{parameter}: no entry for a country with ISO code “{code}” is published.")
    return country


def region_param(vocab, slug):
    if slug is None:
        return None
    region = vocab.region_by_slug.get(slug)
    if region is None:
        raise BadParameter("region", f"region: no region “{slug}” (see /api/v1/regions).")
    return region


def theme_param(vocab, slug, parameter="theme"):
    if slug is None:
        return None
    theme = vocab.theme_by_slug.get(slug)
    if theme is None:
        holder = catalogue.former_slug_holder(Theme, slug)
        theme = vocab.themes.get(holder.pk) if holder else None
    if theme is None:
        raise BadParameter(parameter, f"{parameter}: no theme “{slug}” (see /api/v1/themes).")
    return theme


def person_param(vocab, slug):
    if slug is None:
        return None
    person = catalogue.visible_people(vocab).filter(slug=slug).first()
    if person is None:
        raise BadParameter("person", f"person: no person “{slug}” (see /api/v1/people).")
    return person


def paginate(request, rows, page, per_page, build):
    """One page of ``rows`` (a queryset or list), each made into an object by ``build(rows)``."""
    count = rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)
    pages = max(1, math.ceil(count / per_page))
    if page > pages:
        raise BadParameter("page", f"page: there {'is' if pages == 1 else 'are'} only {pages} page(s).")
    start = (page - 1) * per_page

    def link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": build(rows[start : start + per_page]),
    }


PAGE = Query(1, ge=1, description="Page number, from 1.")
PER_PAGE_QUERY = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE, description=f"Results per page (at most {MAX_PER_PAGE}).")
EDITION = Query(None, ge=1000, le=9999, description="Edition (year of publication), e.g. 2013.")
YEAR_COVERED = Query(None, ge=1000, le=9999, description="Year covered, e.g. 2012.")
COUNTRY = Query(None, min_length=2, max_length=2, description="Country: ISO 3166-1 alpha-2 code, e.g. KZ.")
REGION = Query(None, max_length=100, description="Region id, e.g. europe-and-central-asia.")
THEME = Query(None, max_length=150, description="Theme id, e.g. torture-and-other-ill-treatment.")
THEMES = Query(None, description="Theme id(s), repeated or comma-separated. Without: every theme.")
COUNTRIES = Query(None, description="ISO alpha-2 code(s), repeated or comma-separated.")
EDITION_FROM = Query(None, ge=1000, le=9999, description="First edition (year of publication).")
EDITION_TO = Query(None, ge=1000, le=9999, description="Last edition (year of publication).")


# -- the index and the vocabularies ---------------------------------------------------------


@api.get("/", response=schemas.Index, summary="What this API offers", tags=["index"])
@known_parameters
def index(request):
    w = writer(request)
    return {
        "name": api.title,
        "version": api.version,
        "documentation": w.absolute(reverse("opendata_docs")),
        "openapi": w.api("openapi.json"),
        "resources": {
            name: w.api(name)
            for name in ("editions", "regions", "countries", "themes", "people", "entries", "sections", "cases")
        }
        | {"search": w.api("search") + "?q=", "matrix": w.api("matrix") + "?theme="},
    }


@api.get("/editions", response=list[schemas.EditionRef], summary="Published editions, oldest first", tags=["editions"])
@known_parameters
def editions(request):
    w = writer(request)
    return [w.edition_ref(edition) for edition in w.vocab.editions.values()]


@api.get("/editions/{year}", response={200: schemas.Edition, **ERRORS}, summary="An edition", tags=["editions"])
@known_parameters
def edition(request, year: int):
    w = writer(request)
    found = w.vocab.by_year.get(year)
    if found is None:
        raise Http404(f"No edition {year} is published.")
    by_region = {}
    for row in catalogue.entry_rows(w.vocab, edition=found).values_list(*catalogue.ENTRY_COLUMNS):
        row = catalogue.EntryRow(*row)
        by_region.setdefault(row.region_id, []).append(w.entry_ref(row))
    regions = sorted(
        (w.vocab.regions[pk] for pk in by_region if pk in w.vocab.regions), key=lambda r: (r.sort_order, r.name)
    )
    return {
        **w.edition_ref(found),
        "subtitle": found.subtitle,
        "language": found.language,
        "reader_url": w.absolute(found.url),
        "regions": [
            {**w.region_ref(region), "entries": sorted(by_region[region.pk], key=lambda e: e["country"]["name"])}
            for region in regions
        ],
    }


@api.get("/regions", response=list[schemas.RegionRef], summary="Regions", tags=["vocabularies"])
@known_parameters
def regions(request):
    w = writer(request)
    return [w.region_ref(r) for r in sorted(w.vocab.regions.values(), key=lambda r: (r.sort_order, r.name))]


@api.get("/regions/{region_id}", response={200: schemas.Region, **ERRORS}, summary="A region", tags=["vocabularies"])
@known_parameters
def region(request, region_id: str):
    w = writer(request)
    found = w.vocab.region_by_slug.get(region_id)
    if found is None:
        raise Http404(f"No region “{region_id}”.")
    country_ids = set(catalogue.entry_rows(w.vocab, region=found).values_list("country_id", flat=True))
    countries = sorted((w.vocab.countries[pk] for pk in country_ids), key=lambda c: c.iso_code)
    return {**w.region_ref(found), "countries": [w.country_ref(c) for c in countries]}


@api.get("/countries", response=list[schemas.CountryRef], summary="Countries with an entry", tags=["vocabularies"])
@known_parameters
def countries(request):
    w = writer(request)
    return [w.country_ref(c) for c in sorted(w.vocab.countries.values(), key=lambda c: c.iso_code)]


@api.get(
    "/countries/{country_id}", response={200: schemas.Country, **ERRORS}, summary="A country", tags=["vocabularies"]
)
@known_parameters
def country(request, country_id: str):
    w = writer(request)
    found = w.vocab.by_iso.get(country_id.upper())
    if found is None:
        raise Http404(f"No entry for a country with ISO code “{country_id}” is published.")
    if country_id != found.iso_code:
        return HttpResponseRedirect(w.api("countries", found.iso_code), status=301)
    rows = catalogue.entry_rows(w.vocab, country=found).values_list(*catalogue.ENTRY_COLUMNS)
    return {**w.country_ref(found), "entries": [w.entry_ref(catalogue.EntryRow(*row)) for row in rows]}


@api.get("/themes", response=list[schemas.ThemeRef], summary="Themes of published sections", tags=["vocabularies"])
@known_parameters
def themes(request):
    w = writer(request)
    return [w.theme_ref(t) for t in sorted(w.vocab.themes.values(), key=lambda t: t.slug)]


@api.get("/themes/{theme_id}", response={200: schemas.Theme, **ERRORS}, summary="A theme", tags=["vocabularies"])
@known_parameters
def theme(request, theme_id: str):
    w = writer(request)
    found = w.vocab.theme_by_slug.get(theme_id)
    if found is None:
        holder = catalogue.former_slug_holder(Theme, theme_id)
        if holder is not None and holder.pk in w.vocab.themes:
            return HttpResponseRedirect(w.api("themes", holder.slug), status=301)
        raise Http404(f"No theme “{theme_id}”.")
    counts = catalogue.theme_counts(w.vocab, found)
    return {
        **w.theme_ref(found),
        "description": found.description,
        "editions": [
            {**ids.years(edition.year, edition.covers_year), "sections": counts[edition.pk]}
            for edition in w.vocab.editions.values()
            if edition.pk in counts
        ],
    }


@api.get(
    "/people", response={200: schemas.PersonPage, **ERRORS}, summary="People named in cases", tags=["vocabularies"]
)
@known_parameters
@answered_once(schemas.PersonPage)
def people(request, page: int = PAGE, per_page: int = PER_PAGE_QUERY):
    w = writer(request)
    rows = catalogue.visible_people(w.vocab).only("slug", "name")
    return paginate(request, rows, page, per_page, lambda chunk: [w.person_ref(p.slug, p.name) for p in chunk])


@api.get("/people/{person_id}", response={200: schemas.Person, **ERRORS}, summary="A person", tags=["vocabularies"])
@known_parameters
def person(request, person_id: str):
    w = writer(request)
    found = catalogue.visible_people(w.vocab).filter(slug=person_id).first()
    if found is None:
        holder = catalogue.former_slug_holder(Person, person_id)
        if holder is not None and catalogue.visible_people(w.vocab).filter(pk=holder.pk).exists():
            return HttpResponseRedirect(w.api("people", holder.slug), status=301)
        raise Http404(f"No person “{person_id}”.")
    records = catalogue.case_rows(w.vocab, person=found).values_list("page_id", "position")
    return {
        **w.person_ref(found.slug, found.name),
        "status": found.get_status_display(),
        "description": found.description,
        "cases": catalogue.cases_of_records(w, list(records)),
    }


# -- entries, sections, cases ----------------------------------------------------------------


@api.get("/entries", response={200: schemas.EntryPage, **ERRORS}, summary="Country entries", tags=["entries"])
@known_parameters
@answered_once(schemas.EntryPage)
def entries(
    request,
    edition: int | None = EDITION,
    year_covered: int | None = YEAR_COVERED,
    country: str | None = COUNTRY,
    region: str | None = REGION,
    page: int = PAGE,
    per_page: int = PER_PAGE_QUERY,
):
    w = writer(request)
    vocab = w.vocab
    rows = catalogue.entry_rows(
        vocab,
        edition=edition_param(vocab, edition),
        year_covered=year_covered,
        country=country_param(vocab, country),
        region=region_param(vocab, region),
    ).values_list(*catalogue.ENTRY_COLUMNS)
    return paginate(
        request, rows, page, per_page, lambda chunk: [w.entry_ref(catalogue.EntryRow(*row)) for row in chunk]
    )


def whole_entry(w, year, iso_code):
    """The entry's payload (``catalogue.entry_payload``), or 404."""
    row = catalogue.entry_row(w.vocab, year, iso_code)
    payload = catalogue.entry_payload(w, row) if row else None
    if payload is None:
        raise Http404(f"No entry {ids.entry_id(year, iso_code)} is published.")
    return payload


@api.get(
    "/entries/{entry_id}",
    response={200: schemas.Entry, **ERRORS},
    summary="A country entry, whole: office holders, facts, summary, sections with cases, reports, visits, corrections",
    tags=["entries"],
)
@known_parameters
def entry(request, entry_id: str):
    ref = ids.parse_entry_id(entry_id)
    if ref is None:
        raise Http404(f"“{entry_id}” is not an entry identifier (edition-ISO, e.g. 2013-KZ).")
    return as_json(whole_entry(writer(request), ref.year, ref.iso_code))


@api.get("/sections", response={200: schemas.SectionPage, **ERRORS}, summary="Theme sections", tags=["entries"])
@known_parameters
@answered_once(schemas.SectionPage)
def sections(
    request,
    edition: int | None = EDITION,
    year_covered: int | None = YEAR_COVERED,
    country: str | None = COUNTRY,
    region: str | None = REGION,
    theme: str | None = THEME,
    page: int = PAGE,
    per_page: int = PER_PAGE_QUERY,
):
    w = writer(request)
    vocab = w.vocab
    rows = catalogue.section_rows(
        vocab,
        edition=edition_param(vocab, edition),
        year_covered=year_covered,
        country=country_param(vocab, country),
        region=region_param(vocab, region),
        theme=theme_param(vocab, theme),
    ).values_list(*catalogue.SECTION_COLUMNS)
    return paginate(request, rows, page, per_page, lambda chunk: [catalogue.section_summary(w, r) for r in chunk])


@api.get(
    "/sections/{section_id}", response={200: schemas.Section, **ERRORS}, summary="A theme section", tags=["entries"]
)
@known_parameters
def section(request, section_id: str):
    ref = ids.parse_section_id(section_id)
    if ref is None:
        raise Http404(f"“{section_id}” is not a section identifier (e.g. 2013-KZ-unfair-trials).")
    entry = whole_entry(writer(request), ref.year, ref.iso_code)
    found = next((section for section in entry["sections"] if section["id"] == section_id), None)
    if found is None:
        raise Http404(f"No section {section_id} is published.")
    return as_json(found)


@api.get(
    "/cases",
    response={200: schemas.CasePage, **ERRORS},
    summary="Cases that name a person (every case is also in its entry and section)",
    tags=["entries"],
)
@known_parameters
@answered_once(schemas.CasePage)
def cases(
    request,
    edition: int | None = EDITION,
    year_covered: int | None = YEAR_COVERED,
    country: str | None = COUNTRY,
    region: str | None = REGION,
    theme: str | None = THEME,
    person: str | None = Query(None, max_length=200, description="Person id, e.g. aigerim-example."),
    page: int = PAGE,
    per_page: int = PER_PAGE_QUERY,
):
    w = writer(request)
    vocab = w.vocab
    rows = catalogue.case_rows(
        vocab,
        edition=edition_param(vocab, edition),
        year_covered=year_covered,
        country=country_param(vocab, country),
        region=region_param(vocab, region),
        theme=theme_param(vocab, theme),
        person=person_param(vocab, person),
    ).values_list("page_id", "position")
    return paginate(request, rows, page, per_page, lambda chunk: catalogue.cases_of_records(w, list(chunk)))


@api.get("/cases/{case_id}", response={200: schemas.Case, **ERRORS}, summary="A case", tags=["entries"])
@known_parameters
def case(request, case_id: str):
    ref = ids.parse_case_id(case_id)
    if ref is None:
        raise Http404(f"“{case_id}” is not a case identifier (e.g. 2013-KZ-case-3f2a9c1e).")
    entry = whole_entry(writer(request), ref.year, ref.iso_code)
    found = next((case for section in entry["sections"] for case in section["cases"] if case["id"] == case_id), None)
    if found is None:
        raise Http404(f"No case {case_id} is published.")
    return as_json(found)


# -- the matrix and search -------------------------------------------------------------------


def theme_list(vocab, values):
    slugs = [slug for value in values or () for slug in value.split(",") if slug]
    return [theme_param(vocab, slug) for slug in dict.fromkeys(slugs)]


@api.get(
    "/matrix",
    response={200: schemas.Matrix, **ERRORS},
    summary="Country × edition × theme: how many sections of each theme each country's entry had",
    tags=["matrix"],
)
@known_parameters
@answered_once(schemas.Matrix)
def matrix(
    request,
    theme: list[str] | None = THEMES,
    edition_from: int | None = EDITION_FROM,
    edition_to: int | None = EDITION_TO,
    country: list[str] | None = COUNTRIES,
    region: str | None = REGION,
):
    w = writer(request)
    vocab = w.vocab
    if edition_from is not None and edition_to is not None and edition_from > edition_to:
        raise BadParameter("edition_to", f"edition_to: {edition_to} is before edition_from {edition_from}.")
    editions = [
        edition
        for edition in vocab.editions.values()
        if (edition_from is None or edition.year >= edition_from) and (edition_to is None or edition.year <= edition_to)
    ]
    codes = [code for value in country or () for code in value.split(",") if code]
    return catalogue.matrix(
        w,
        editions,
        theme_list(vocab, theme),
        countries=[country_param(vocab, code) for code in dict.fromkeys(codes)],
        region=region_param(vocab, region),
    )


@api.get(
    "/search",
    response={200: schemas.SearchPage, **ERRORS},
    summary="Search every published edition, with facets (the site's own search)",
    tags=["search"],
)
@known_parameters
@answered_once(schemas.SearchPage)
def search(
    request,
    q: str = Query("", max_length=2000, description='Words; "quoted phrases" match in order.'),
    edition: int | None = EDITION,
    country: str | None = COUNTRY,
    region: str | None = REGION,
    theme: str | None = THEME,
    page: int = PAGE,
):
    w = writer(request)
    vocab = w.vocab
    filters = {
        "year": [edition_param(vocab, edition).year] if edition is not None else [],
        "country": [country_param(vocab, country).pk] if country is not None else [],
        "region": [region_param(vocab, region).pk] if region is not None else [],
        "theme": [theme_param(vocab, theme).pk] if theme is not None else [],
    }
    with translation.override(settings.LANGUAGE_CODE):  # the API serves the source language, whatever the client asks
        results = archive_search.search(q, filters, page)
    if results.browse:
        results.total = 0
    if page > results.pages:
        raise BadParameter("page", f"page: there {'is' if results.pages == 1 else 'are'} only {results.pages} page(s).")
    return search_page(request, w, q, results, page)


def search_page(request, w, q, results, page):
    vocab = w.vocab
    details = {
        row[0]: row
        for row in SearchRecord.objects.filter(pk__in=[hit.record_id for hit in results.results]).values_list(
            "id", "country_id", "theme_id", "anchor", "edition__covers_year"
        )
    }
    hits = []
    for hit in results.results:
        if hit.record_id not in details:
            continue
        _, country_id, theme_id, anchor, covers_year = details[hit.record_id]
        country = vocab.countries.get(country_id)
        identifier = None
        if country is not None and hit.kind == "section":
            identifier = ids.section_id(hit.year, country.iso_code, anchor)
        elif country is not None and hit.kind == "summary":
            identifier = ids.entry_id(hit.year, country.iso_code)
        hits.append(
            {
                "kind": hit.kind,
                "id": identifier,
                "title": hit.title,
                "heading": hit.heading,
                **ids.years(hit.year, covers_year),
                "country": w.country_ref(country) if country else None,
                "theme": w.theme_ref(vocab.themes.get(theme_id)),
                "snippet_html": str(hit.snippet),
                "reader_url": w.absolute(hit.link),
            }
        )
    per_page = archive_search.PER_PAGE
    pages = max(1, math.ceil(results.total / per_page))

    def link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "query": q,
        "count": results.total,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": hits,
        "facets": facets(vocab, results.facets),
        "suggestion": results.suggestion,
    }


def facets(vocab, found):
    """The search's facet counts, keyed by our identifiers rather than database ids."""
    regions = {pk: region.slug for pk, region in vocab.regions.items()} or dict(
        Region.objects.values_list("pk", "slug")
    )
    names = {
        "edition": lambda pk: str(pk),
        "region": lambda pk: regions.get(pk) or Region.objects.filter(pk=pk).values_list("slug", flat=True).first(),
        "country": lambda pk: vocab.countries[pk].iso_code if pk in vocab.countries else None,
        "theme": lambda pk: vocab.themes[pk].slug if pk in vocab.themes else None,
    }
    out = {}
    for facet, source in (("edition", "year"), ("region", "region"), ("country", "country"), ("theme", "theme")):
        values = []
        for value in found.get(source, []):
            identifier = names[facet](value.value)
            if identifier:
                values.append({"id": identifier, "label": value.label, "count": value.count})
        out[facet] = values
    return out
