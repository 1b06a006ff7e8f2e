"""The report team's roles, as Wagtail groups with permissions on the right part of the tree.

    Researcher          drafts entries in one region          groups "Researchers: <Region>"
    Regional editor     reviews (and edits) one region        groups "Regional editors: <Region>"
    Legal reviewer      reviews every edition                 group  "Legal reviewers"
    Translator          translates into one language          groups "Translators: <Language>"
    Publisher           approves, publishes, launches         group  "Publishers"
    Administrator       everything, including accounts        group  "Administrators"

Regional roles get page permissions on that region's RegionPage in *every* edition, so a
researcher for Africa can work on Africa 2013 and Africa 2014 but never on Asia Pacific.
``sync_roles`` creates and repairs all of it and is safe to run at any time; it runs after
every ``migrate`` and whenever a region, region page or edition is created.

A translator gets page permissions on that language's page tree (its home page), so they can
draft translations there but never publish them or touch the English; translated pages go
through the same review workflow as the English (regional editors review a region's pages in
every language).

Each region also gets its review workflow: regional review → legal review → publisher
approval (see ``workflow_for_region``); pages outside regions (articles, the press
release...) use the edition workflow: legal review → publisher approval.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import get_language_info
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from rapporteur.reports.models import EditionPage, HomePage, Region, RegionPage

VOCABULARY_VIEW = tuple(f"reports.view_{m}" for m in ("region", "country", "theme", "person", "glossaryterm"))
VOCABULARY_EDIT = tuple(
    f"reports.{action}_{m}" for m in ("country", "theme", "person", "glossaryterm") for action in ("add", "change")
)
# Vocabulary is public the moment it is saved (a person's page, a country hub) and has no review
# step of its own, so only those who may publish change it. Researchers and regional editors may
# *add* a person named in a case — a new person is seen only with a published case naming them —
# but not change one that readers already see.
VOCABULARY_PERMISSIONS = {
    f"{action}_{m}"
    for m in ("region", "country", "theme", "person", "glossaryterm")
    for action in ("add", "change", "delete")
}


@dataclass(frozen=True)
class Role:
    key: str
    label: str
    group_label: str
    regional: bool
    scope: str  # which pages the page permissions apply to: region | edition | home | root | language
    page_permissions: tuple
    model_permissions: tuple = ()
    collection_permissions: tuple = ("add_document", "choose_document")
    description: str = ""
    per_language: bool = False


ROLES = {
    role.key: role
    for role in (
        Role(
            "researcher",
            "Researcher",
            "Researchers",
            regional=True,
            scope="region",
            page_permissions=("add_page", "change_page"),
            model_permissions=VOCABULARY_VIEW + ("reports.add_person",),
            description="Drafts country entries in one region and submits them for review.",
        ),
        Role(
            "regional_editor",
            "Regional editor",
            "Regional editors",
            regional=True,
            scope="region",
            page_permissions=("add_page", "change_page", "lock_page", "unlock_page"),
            model_permissions=VOCABULARY_VIEW + ("reports.add_person",),
            description="Reviews and edits the entries of one region; first step of the workflow.",
        ),
        Role(
            "legal_reviewer",
            "Legal reviewer",
            "Legal reviewers",
            regional=False,
            scope="edition",
            page_permissions=("change_page",),
            model_permissions=VOCABULARY_VIEW,
            description="Reviews every entry of every edition for legal risk; second step of the workflow.",
        ),
        Role(
            "translator",
            "Translator",
            "Translators",
            regional=False,
            per_language=True,
            scope="language",
            page_permissions=("add_page", "change_page"),
            model_permissions=VOCABULARY_VIEW + ("wagtail_localize.submit_translation",),
            collection_permissions=("choose_document",),
            description="Translates pages into one language and submits them for review; cannot publish.",
        ),
        Role(
            "publisher",
            "Publisher",
            "Publishers",
            regional=False,
            scope="home",
            page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
            model_permissions=VOCABULARY_VIEW + VOCABULARY_EDIT,
            collection_permissions=("add_document", "change_document", "choose_document"),
            description="Gives final approval, publishes, sets and runs the launch of an edition.",
        ),
        Role(
            "administrator",
            "Administrator",
            "Administrators",
            regional=False,
            scope="root",
            page_permissions=(
                "add_page",
                "change_page",
                "publish_page",
                "bulk_delete_page",
                "lock_page",
                "unlock_page",
            ),
            model_permissions=("*",),
            collection_permissions=("add_document", "change_document", "delete_document", "choose_document"),
            description="Everything, including accounts, roles, settings and workflows.",
        ),
    )
}


class RoleError(ValueError):
    """A role request that cannot be carried out, with a message for the person who asked."""


def language_name(code):
    return get_language_info(code)["name"]


def translation_languages():
    """The served languages other than the source language: the ones translators work into."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def group_name(role, region=None, language=None):
    if role.per_language:
        return f"{role.group_label}: {language_name(language)}"
    return f"{role.group_label}: {region.name}" if role.regional else role.group_label


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def scope_pages(role, region=None, language=None):
    if role.scope == "language":
        return HomePage.objects.filter(locale__language_code=language)
    if role.scope == "region":
        return RegionPage.objects.filter(region=region)
    if role.scope == "edition":
        return EditionPage.objects.all()
    if role.scope == "home":
        return HomePage.objects.all()
    return Page.objects.filter(depth=1)


def grant_page_permissions(group, role, pages):
    for page in pages:
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=page_permission(codename))


def ensure_group(role, region=None, pages=None, language=None):
    """Create or repair the group for a role (and region): model, document and page permissions.

    Page permissions go on ``pages``, by default every page in the role's scope.
    """
    group, _ = Group.objects.get_or_create(name=group_name(role, region, language))
    wanted = {permission("wagtailadmin.access_admin")}
    if role.model_permissions == ("*",):
        wanted |= set(Permission.objects.all())
    else:
        wanted |= {permission(dotted) for dotted in role.model_permissions}
        # repair: withdraw vocabulary rights the role no longer grants (they were wider before)
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="reports", codename__in=VOCABULARY_PERMISSIONS).exclude(
                pk__in=[p.pk for p in wanted]
            )
        )
    group.permissions.add(*wanted)
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for codename in role.collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
            )
    grant_page_permissions(group, role, scope_pages(role, region, language) if pages is None else pages)
    return group


# -- workflows ---------------------------------------------------------------------------


def approval_task(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    return task


def build_workflow(name, tasks):
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created or not workflow.workflow_tasks.exists():
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def shared_tasks():
    legal = approval_task("Legal review", ensure_group(ROLES["legal_reviewer"]))
    publisher = approval_task("Publisher approval", ensure_group(ROLES["publisher"]))
    return legal, publisher


def workflow_for_region(region):
    editors = Group.objects.get(name=group_name(ROLES["regional_editor"], region))
    regional = approval_task(f"Regional review: {region.name}", editors)
    return build_workflow(f"Review: {region.name}", [regional, *shared_tasks()])


def edition_workflow():
    return build_workflow("Review: edition pages", list(shared_tasks()))


def assign_workflow(page, workflow):
    """Give a page its workflow unless an administrator has already chosen one for it."""
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


# -- synchronisation ---------------------------------------------------------------------


@transaction.atomic
def sync_roles():
    """Create or repair every role group, permission and workflow. Idempotent."""
    for role in ROLES.values():
        if not role.regional and not role.per_language:
            ensure_group(role)
    for language in translation_languages():
        ensure_group(ROLES["translator"], language=language)
    for region in Region.objects.all():
        sync_region(region)
    workflow = edition_workflow()
    for home in HomePage.objects.all():
        assign_workflow(home, workflow)


def sync_region(region):
    for role in ROLES.values():
        if role.regional:
            ensure_group(role, region)
    workflow = workflow_for_region(region)
    for page in RegionPage.objects.filter(region=region):
        assign_workflow(page, workflow)


def sync_after_migrate(**kwargs):
    """After ``migrate``: make sure every permission exists, then the roles that use them."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    sync_roles()


@receiver(post_save, sender=Region)
def region_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sync_region(instance)


@receiver(post_save, sender=RegionPage)
def region_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        for role in ROLES.values():
            if role.regional:
                ensure_group(role, instance.region, pages=[instance])
        assign_workflow(instance, workflow_for_region(instance.region))


@receiver(post_save, sender=EditionPage)
def edition_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_group(ROLES["legal_reviewer"], pages=[instance])


@receiver(post_save, sender=HomePage)
def home_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_group(ROLES["publisher"], pages=[instance])
        assign_workflow(instance, edition_workflow())
        language = instance.locale.language_code
        if language in translation_languages():
            ensure_group(ROLES["translator"], pages=[instance], language=language)


# -- granting roles to people -------------------------------------------------------------


def role_group(role_key, region_slug=None, language=None):
    role = ROLES.get(role_key)
    if role is None:
        raise RoleError(f"Unknown role “{role_key}”. Roles: {', '.join(ROLES)}.")
    if role.per_language:
        choices = ", ".join(translation_languages()) or "none: only the source language is served"
        if language not in translation_languages():
            raise RoleError(f"The {role.label.lower()} role is per language: name one with --language ({choices}).")
        return role, None, ensure_group(role, language=language)
    if language:
        raise RoleError(f"The {role.label.lower()} role covers every language; do not give --language.")
    if role.regional and not region_slug:
        raise RoleError(f"The {role.label.lower()} role is per region: name one with --region ({region_choices()}).")
    if not role.regional and region_slug:
        raise RoleError(f"The {role.label.lower()} role covers every region; do not give --region.")
    region = None
    if region_slug:
        region = Region.objects.filter(slug=region_slug).first()
        if region is None:
            raise RoleError(f"Unknown region “{region_slug}”. Regions: {region_choices()}.")
    return role, region, ensure_group(role, region)


def region_choices():
    return ", ".join(Region.objects.values_list("slug", flat=True)) or "none yet"


def grant_role(user, role_key, region_slug=None, language=None):
    role, region, group = role_group(role_key, region_slug, language)
    user.groups.add(group)  # audit: recorded by the m2m_changed receiver in editorial.audit
    return group


def revoke_role(user, role_key, region_slug=None, language=None):
    role, region, group = role_group(role_key, region_slug, language)
    user.groups.remove(group)
    return group


def describe_roles(user):
    return sorted(user.groups.values_list("name", flat=True))
