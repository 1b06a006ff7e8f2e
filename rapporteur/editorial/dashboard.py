"""The edition dashboard: where every entry stands in review, region by region, and the launch.

A handful of queries for a whole edition: the pages, their active workflow states and
which of them hold a revision approved for a later time. Inside an edition that has not
launched, a published page is "approved, waiting for launch": readers see it only once the
edition page itself goes live (see ``editorial.embargo``).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision, WorkflowState

from rapporteur.reports.models import CountryEntryPage, RegionPage

DRAFT = "Draft"
CHANGES_REQUESTED = "Changes requested"
REGIONAL_REVIEW = "Regional review"
LEGAL_REVIEW = "Legal review"
PUBLISHER_APPROVAL = "Publisher approval"
WAITING = "Approved, waiting for launch"
LIVE = "Live"
STAGES = (DRAFT, CHANGES_REQUESTED, REGIONAL_REVIEW, LEGAL_REVIEW, PUBLISHER_APPROVAL, WAITING, LIVE)
READY = (WAITING, LIVE)


@dataclass
class RegionProgress:
    name: str
    page: object
    page_stage: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    entries: list = field(default_factory=list)  # (title, stage, page id)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def ready_entries(self):
        return self.counts[WAITING] + self.counts[LIVE]


@dataclass
class EditionProgress:
    edition: object
    regions: list
    other_pages: list  # (page, stage): introduction, essay, press release...
    warnings: list

    @property
    def totals(self):
        return {stage: sum(region.counts[stage] for region in self.regions) for stage in STAGES}

    @property
    def launch_blockers(self):
        """Why launching now would show readers an empty or incomplete edition ([] when it is ready).

        A launch is refused for these reasons unless the publisher confirms explicitly: an
        edition launched by mistake with no regions or entries replaces the latest edition
        on the home page with an empty header and sidebar, and cannot be taken back quietly.
        """
        reasons = []
        if not self.regions:
            reasons.append("It has no region pages: readers would see an edition with an empty sidebar.")
        elif not sum(region.ready_entries for region in self.regions):
            reasons.append("No country entry is approved: readers would find the edition empty.")
        for region in self.regions:
            if region.page_stage not in READY:
                reasons.append(f"The {region.name} overview is not approved.")
        unready = {region.name: region.total - region.ready_entries for region in self.regions}
        if waiting := sum(unready.values()):
            where = ", ".join(f"{name} {count}" for name, count in unready.items() if count)
            reasons.append(
                f"{waiting} country {'entry is' if waiting == 1 else 'entries are'} still in draft or review "
                f"({where}): {'it' if waiting == 1 else 'they'} will not be visible at launch."
            )
        for page, stage in self.other_pages[1:]:  # the first is the edition page itself
            if stage not in READY:
                reasons.append(f"“{page.title}” is not approved ({stage.lower()}).")
        return reasons


def task_stage(task_name):
    for stage in (REGIONAL_REVIEW, LEGAL_REVIEW, PUBLISHER_APPROVAL):
        if task_name.startswith(stage):
            return stage
    return task_name


class StageFinder:
    """Works out each page's stage from three bulk queries."""

    def __init__(self, edition, pages):
        self.edition_live = edition.live
        ids = [str(page.pk) for page in pages]
        page_type = ContentType.objects.get_for_model(Page)
        self.states = {
            state.object_id: state
            for state in WorkflowState.objects.active()
            .filter(base_content_type=page_type, object_id__in=ids)
            .select_related("current_task_state__task")
        }
        self.waiting = set(
            Revision.page_revisions.filter(object_id__in=ids, approved_go_live_at__isnull=False).values_list(
                "object_id", flat=True
            )
        )

    def __call__(self, page):
        state = self.states.get(str(page.pk))
        if state is not None:
            if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                return CHANGES_REQUESTED
            return task_stage(state.current_task_state.task.name)
        if page.live:
            return LIVE if self.edition_live else WAITING
        if str(page.pk) in self.waiting:
            return WAITING
        return DRAFT


def edition_progress(edition):
    pages = list(
        Page.objects.descendant_of(edition).order_by("path").only("title", "path", "live", "content_type_id", "depth")
    )
    stage_of = StageFinder(edition, [edition, *pages])
    region_type = ContentType.objects.get_for_model(RegionPage).pk
    entry_type = ContentType.objects.get_for_model(CountryEntryPage).pk
    region_names = dict(RegionPage.objects.child_of(edition).values_list("pk", "region__name"))
    regions, by_path, other = [], {}, [(edition, stage_of(edition))]
    for page in pages:
        if page.content_type_id == region_type:
            progress = RegionProgress(name=region_names.get(page.pk, page.title), page=page, page_stage=stage_of(page))
            regions.append(progress)
            by_path[page.path] = progress
        elif page.content_type_id == entry_type and page.path[: -Page.steplen] in by_path:
            stage = stage_of(page)
            region = by_path[page.path[: -Page.steplen]]
            region.counts[stage] += 1
            region.entries.append((page.title, stage, page.pk))
        elif page.depth == edition.depth + 1:
            other.append((page, stage_of(page)))
    warnings = []
    if stage_of(edition) not in READY:
        warnings.append("No launch time is set; launching publishes the edition page's latest version.")
    for region in regions:
        if region.ready_entries and region.page_stage not in READY:
            warnings.append(
                f"The {region.name} overview is not approved: its {region.ready_entries} approved entries "
                "will stay invisible after launch until it is published."
            )
    return EditionProgress(edition=edition, regions=regions, other_pages=other, warnings=warnings)
