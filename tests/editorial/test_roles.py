"""Permission matrix: each role can do exactly what it should, in its own region and not others."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from rapporteur.reports.models import CountryEntryPage, RegionPage

pytestmark = pytest.mark.django_db

# What each role may do to a country entry: in its own region / in another region.
# (add entry under region, edit entry, publish entry, lock entry)
MATRIX = {
    "researcher_africa": {"own": (True, True, False, False), "other": (False, False, False, False)},
    "editor_africa": {"own": (True, True, False, True), "other": (False, False, False, False)},
    "legal": {"own": (False, True, False, False), "other": (False, True, False, False)},
    "publisher": {"own": (True, True, True, True), "other": (True, True, True, True)},
    "administrator": {"own": (True, True, True, True), "other": (True, True, True, True)},
}


def abilities(user, region_page, entry):
    region_perms = region_page.permissions_for_user(user)
    entry_perms = entry.permissions_for_user(user)
    return (region_perms.can_add_subpage(), entry_perms.can_edit(), entry_perms.can_publish(), entry_perms.can_lock())


@pytest.mark.parametrize("username", sorted(MATRIX))
def test_page_permission_matrix(team, edition, username):
    africa = RegionPage.objects.child_of(edition).get(region__slug="africa")
    asia = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    mali = CountryEntryPage.objects.child_of(africa).get(country__iso_code="ML")
    china = CountryEntryPage.objects.child_of(asia).get(country__iso_code="CN")
    user = team[username]
    assert abilities(user, africa, mali) == MATRIX[username]["own"], "own region"
    assert abilities(user, asia, china) == MATRIX[username]["other"], "other region"


def test_regional_permissions_cover_every_edition(team):
    # Africa researchers may work on Africa in 2012 as well as 2013
    for region_page in RegionPage.objects.filter(region__slug="africa"):
        assert region_page.permissions_for_user(team["researcher_africa"]).can_add_subpage()
    for region_page in RegionPage.objects.filter(region__slug="americas"):
        assert not region_page.permissions_for_user(team["researcher_africa"]).can_add_subpage()


def test_only_administrators_manage_accounts_and_only_publishers_launch(team, edition):
    for username, user in team.items():
        assert user.has_perm("auth.change_user") == (username == "administrator"), username
        # launching an edition is publishing its page
        assert edition.permissions_for_user(user).can_publish() == (username in ("publisher", "administrator")), (
            username
        )
        assert user.has_perm("reports.add_theme") == (username in ("publisher", "administrator")), username
        assert user.has_perm("wagtailadmin.access_admin"), username
    assert team["researcher_africa"].has_perm("reports.add_person")  # new people named in cases


def test_only_those_who_publish_change_what_readers_already_see(team, signed_in):
    """A researcher of one region once renamed a person named in another region's published case."""
    from django.contrib.auth.models import Group, Permission

    from rapporteur.editorial.roles import sync_roles
    from rapporteur.reports.models import Person

    for username in ("researcher_africa", "editor_africa", "legal"):
        user = get_user_model().objects.get(pk=team[username].pk)  # fresh permission cache
        for model in ("person", "country", "theme", "region", "glossaryterm"):
            assert not user.has_perm(f"reports.change_{model}"), (username, model)
    person = Person.objects.get(slug="natalia-sokolova")
    edit = reverse("wagtailsnippets_reports_person:edit", args=(person.pk,))
    refused = signed_in("researcher_africa").post(edit, {"name": "Renamed", "slug": "renamed", "status": "other"})
    assert refused.status_code in (302, 403)
    assert Person.objects.get(pk=person.pk).slug == "natalia-sokolova"
    # a group that still holds the old, wider right is repaired by setup_roles (it runs after migrate)
    group = Group.objects.get(name__startswith="Researchers: Africa")
    group.permissions.add(Permission.objects.get(codename="change_person"))
    sync_roles()
    assert not group.permissions.filter(codename="change_person").exists()
    assert group.permissions.filter(codename="add_person").exists()


def test_admin_screens_follow_the_permissions(team, signed_in, edition):
    africa = RegionPage.objects.child_of(edition).get(region__slug="africa")
    asia = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    researcher = signed_in("researcher_africa")
    add = lambda region: reverse("wagtailadmin_pages:add", args=("reports", "countryentrypage", region.pk))  # noqa: E731
    assert researcher.get(add(africa)).status_code == 200
    denied = researcher.get(add(asia))
    assert denied.status_code in (302, 403)
    users = researcher.get(reverse("wagtailusers_users:index"))
    assert users.status_code in (302, 403)
    assert signed_in("administrator").get(reverse("wagtailusers_users:index")).status_code == 200


def test_grant_role_command_and_its_audit_row(team):
    user = team["legal"]
    out = io.StringIO()
    call_command("grant_role", "legal", "researcher", "--region", "americas", stdout=out)
    assert "now has the group “Researchers: Americas”" in out.getvalue()
    assert user.groups.filter(name="Researchers: Americas").exists()
    entry = ModelLogEntry.objects.filter(action="rapporteur.role_change", object_id=str(user.pk)).latest("timestamp")
    assert entry.data == {"added": ["Researchers: Americas"]}
    call_command("revoke_role", "legal", "researcher", "--region", "americas", stdout=io.StringIO())
    assert not user.groups.filter(name="Researchers: Americas").exists()
    assert ModelLogEntry.objects.filter(
        action="rapporteur.role_change", data__removed=["Researchers: Americas"]
    ).exists()


@pytest.mark.parametrize(
    "args,message",
    [
        (["nobody", "publisher"], "There is no user “nobody”"),
        (["legal", "researcher"], "is per region: name one with --region"),
        (["legal", "researcher", "--region", "atlantis"], "Unknown region “atlantis”"),
        (["legal", "publisher", "--region", "africa"], "covers every region"),
    ],
)
def test_grant_role_refuses_bad_requests_clearly(team, args, message):
    before = set(team["legal"].groups.values_list("name", flat=True))
    with pytest.raises(CommandError, match=message):
        call_command("grant_role", *args)
    assert set(team["legal"].groups.values_list("name", flat=True)) == before
