"""The Import page's two forms: the upload (file, edition, region) and the theme choices."""

from pathlib import Path

from django import forms

from rapporteur.reports.models import EditionPage, Theme

from .reading import ACCEPTED
from .uploads import max_bytes, too_large

NEW_EDITION = "new"
DEFAULT_REGIONS = ""
LEAVE = ""  # a heading's choice: no theme
CREATE = "+"  # a heading's choice: a new theme with the heading's name


class UploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="A Word (.docx) or Markdown (.md) entry, a .zip of several, or a legacy book (.pdf or .txt).",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED)}),
    )
    edition = forms.ChoiceField(label="Edition")
    new_year = forms.IntegerField(
        label="Year of the new edition",
        required=False,
        min_value=1900,
        max_value=2200,
        help_text="Only for a new edition.",
    )
    region = forms.CharField(label="Region", required=False, widget=forms.Select)

    def __init__(self, *args, regions, whole_editions, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {region.slug: region for region in regions}
        self.whole_editions = whole_editions
        years = list(EditionPage.objects.order_by("-year").values_list("year", flat=True).distinct())
        editions = [(str(year), f"Annual Report {year}") for year in years]
        if whole_editions:
            editions.append((NEW_EDITION, "A new edition (give its year)"))
        else:
            del self.fields["new_year"]
        self.fields["edition"].choices = editions
        region_choices = [(slug, region.name) for slug, region in self.regions.items()]
        if whole_editions:
            region_choices.insert(0, (DEFAULT_REGIONS, "Each country's default region"))
            self.fields["region"].help_text = "Or import into one region only: entries of other regions are refused."
        else:
            self.fields["region"].help_text = "You may import into your own region(s) only."
        self.fields["region"].widget.choices = region_choices

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in ACCEPTED:
            raise forms.ValidationError(
                f"An import reads {', '.join(ACCEPTED)} files; this one is “{suffix or 'no suffix'}”."
            )
        if upload.size > max_bytes():
            raise forms.ValidationError(too_large(upload.size).message)
        return upload

    def clean_region(self):
        slug = self.cleaned_data.get("region") or ""
        if not slug and not self.whole_editions:
            raise forms.ValidationError("Choose your region: only a publisher imports whole editions.")
        if slug and slug not in self.regions:
            raise forms.ValidationError(region_refusal(self.regions.values(), slug))
        return slug

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("edition") == NEW_EDITION:
            year = cleaned.get("new_year")
            if not year:
                self.add_error("new_year", "Give the year of the new edition.")
            elif EditionPage.objects.filter(year=year).exists():
                self.add_error("new_year", f"There is already an edition {year}: choose it above.")
            cleaned["year"] = year
        elif cleaned.get("edition"):
            cleaned["year"] = int(cleaned["edition"])
        return cleaned


def region_refusal(user_regions, requested):
    """The message for a region the person may not import into (the form offers only theirs)."""
    names = ", ".join(region.name for region in user_regions) or "none"
    return f"You may import only into your own region(s) ({names}), not “{requested}”."


class HeadingsForm(forms.Form):
    """One choice per unknown heading: an existing theme (closest first), a new theme, or none."""

    def __init__(self, *args, unknown_headings, may_create_themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.unknown = unknown_headings
        names = list(Theme.objects.order_by("name").values_list("name", flat=True))
        for number, item in enumerate(unknown_headings):
            closest = [name for name in item["closest"] if name in names]
            choices = [(LEAVE, "Leave the section without a theme")]
            if may_create_themes:
                choices.append((CREATE, f"Create the theme “{item['heading'][:150]}”"))
            choices += [(name, f"Map to “{name}” (close)") for name in closest]
            choices += [(name, f"Map to “{name}”") for name in names if name not in closest]
            self.fields[f"heading-{number}"] = forms.ChoiceField(
                label=item["heading"], choices=choices, required=False, initial=LEAVE
            )

    def headings(self):
        """{heading as written: theme name}, for the writer."""
        chosen = {}
        for number, item in enumerate(self.unknown):
            value = self.cleaned_data.get(f"heading-{number}") or LEAVE
            if value == CREATE:
                chosen[item["heading"]] = item["heading"][:150].strip()
            elif value != LEAVE:
                chosen[item["heading"]] = value
        return chosen
