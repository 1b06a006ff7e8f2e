"""Site settings: who publishes the report, where they are on social networks, their cookie statement."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class OrganisationSettings(ClusterableModel, BaseSiteSetting):
    name = models.CharField(
        max_length=200, default="Rapporteur", help_text="The organisation that publishes the report."
    )
    short_name = models.CharField(
        max_length=80, blank=True, help_text="Used in “… on social networks”. Defaults to the name."
    )
    contact_email = models.EmailField(blank=True)
    cookie_statement_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where “No, I want to find out more” in the cookie notice leads.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("contact_email"),
        FieldPanel("cookie_statement_page"),
        InlinePanel("social_links", heading="Social networks", label="Link"),
    ]

    class Meta:
        verbose_name = "organisation"

    @property
    def display_short_name(self):
        return self.short_name or self.name


class SocialLink(Orderable):
    settings = ParentalKey(OrganisationSettings, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(max_length=60, help_text="As readers know it, e.g. Mastodon, YouTube.")
    url = models.URLField()

    panels = [FieldPanel("network"), FieldPanel("url")]
