"""The admin's Translations pages: one per language, for that language's translators.

For each edition: every page of the English edition with where its translation stands (not
started, strings translated, in review, published), the actions a translator needs (start,
edit in the segment editor, download the PO file, submit for review), the edition's PO files
in one ZIP and the upload that reads them back — and, first, **changed since translated**:
the pages whose English moved on, with the difference word by word.

Who may use a language's page: its translators, publishers and administrators. Translators
never publish from here; submitting starts the page's review workflow.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from rapporteur.reports.models import EditionPage

from .roles import ROLES, group_name, language_name, translation_languages
from .translating import TranslationRefused, edited_outside, start_translation, submit_for_review, translation_of
from .translation_changes import changed_since_translated, take_english_changes
from .translation_files import edition_po_zip, import_upload


def may_translate(user, language):
    if not user.is_authenticated or language not in translation_languages():
        return False
    if (
        user.is_superuser
        or user.groups.filter(name__in=[ROLES["publisher"].group_label, ROLES["administrator"].group_label]).exists()
    ):
        return True
    return user.groups.filter(name=group_name(ROLES["translator"], language=language)).exists()


def languages_for(user):
    return [(code, language_name(code)) for code in translation_languages() if may_translate(user, code)]


def language_or_403(request, language):
    if language not in translation_languages():
        raise Http404("Not a translation language here.")
    if not may_translate(request.user, language):
        raise PermissionDenied
    return Locale.objects.get_or_create(language_code=language)[0]


def source_editions():
    from django.conf import settings

    return EditionPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-year")


class UploadForm(forms.Form):
    file = forms.FileField(
        label="PO or XLIFF file, or a ZIP of them", help_text="As downloaded from this page, translated."
    )


def index(request):
    languages = languages_for(request.user)
    if not languages:
        raise PermissionDenied
    if len(languages) == 1:
        return redirect("rapporteur_translations_language", language=languages[0][0])
    return TemplateResponse(
        request, "editorial/translations_index.html", {"page_title": "Translations", "languages": languages}
    )


def page_rows(edition, locale):
    """For each page of the edition: the English page, its translation and translated page (if any), the
    strings translated (total, done), and whether it is in review or was edited outside the editor."""
    rows = []
    for page in Page.objects.descendant_of(edition, inclusive=True).order_by("path").specific():
        translation = translation_of(page, locale)
        target = page.get_translation_or_none(locale)
        progress = translation.get_progress() if translation else None
        rows.append(
            {
                "page": page,
                "depth": page.depth - edition.depth,
                "translation": translation,
                "target": target,
                "progress": progress,
                "in_review": bool(target and target.workflow_in_progress),
                "edited_outside": bool(translation and edited_outside(translation)),
            }
        )
    return rows


def language_page(request, language):
    locale = language_or_403(request, language)
    editions = list(source_editions())
    chosen = request.GET.get("edition")
    edition = next((e for e in editions if str(e.year) == chosen), editions[0] if editions else None)
    changed = changed_since_translated(locale, within=edition) if edition else []
    return TemplateResponse(
        request,
        "editorial/translations_language.html",
        {
            "page_title": f"Translations: {language_name(language)}",
            "language": language,
            "locale": locale,
            "editions": editions,
            "edition": edition,
            "changed": changed,
            "rows": page_rows(edition, locale) if edition else [],
            "upload_form": UploadForm(),
        },
    )


def back(language, edition_year=None):
    url = reverse("rapporteur_translations_language", kwargs={"language": language})
    return f"{url}?edition={edition_year}" if edition_year else url


@require_POST
def start(request, language, page_id):
    locale = language_or_403(request, language)
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        translation = start_translation(page, locale, request.user)
    except TranslationRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"“{page.title}” is ready to translate: a draft in {locale.get_display_name()}.")
        target = translation.get_target_instance()
        return redirect("wagtailadmin_pages:edit", target.pk)
    return redirect(back(language, request.POST.get("edition")))


def translation_or_404(locale, translation_id):
    return get_object_or_404(Translation.objects.select_related("source"), pk=translation_id, target_locale=locale)


@require_POST
def submit(request, language, translation_id):
    locale = language_or_403(request, language)
    translation = translation_or_404(locale, translation_id)
    try:
        page = submit_for_review(translation, request.user, replace_outside_edits=bool(request.POST.get("replace")))
    except TranslationRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"“{page.title}” was submitted for review.")
    return redirect(back(language, request.POST.get("edition")))


@require_POST
def take_changes(request, language, translation_id):
    locale = language_or_403(request, language)
    translation = translation_or_404(locale, translation_id)
    take_english_changes(translation)
    messages.success(
        request,
        f"The English changes to “{translation.source.object_repr}” are now in the translation editor, "
        "marked as untranslated; the rest of the translation is kept.",
    )
    return redirect(back(language, request.POST.get("edition")))


def download_edition(request, language, edition_id):
    locale = language_or_403(request, language)
    edition = get_object_or_404(EditionPage, pk=edition_id)
    file_format = "xliff" if request.GET.get("format") == "xliff" else "po"
    name, data = edition_po_zip(edition, locale, file_format)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def upload(request, language):
    locale = language_or_403(request, language)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose a PO or XLIFF file, or a ZIP of them, to upload.")
        return redirect(back(language, request.POST.get("edition")))
    upload = form.cleaned_data["file"]
    try:
        result = import_upload(upload.name, upload.read(), locale, request.user)
    except TranslationRefused as error:
        messages.error(request, f"Nothing was read: {error}")
    else:
        note = (
            f" {result.warnings} strings are no longer used by their pages and were skipped." if result.warnings else ""
        )
        messages.success(request, f"Read {result.files} file(s) into {len(result.pages)} page(s).{note}")
    return redirect(back(language, request.POST.get("edition")))
