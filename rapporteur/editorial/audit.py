"""The audit of the workflow's own actions: role changes and edition launches.

Recorded in Wagtail's log beside its own (publishing, approvals, revisions) and the sign-in
events of ``accounts.audit``, so Reports → Site history shows them together.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context, log

# (action, label shown in the admin, message shown in the log)
ACTIONS = (
    ("rapporteur.role_change", "Role change", "Roles changed"),
    ("rapporteur.launch", "Edition launched", "Edition launched"),
    ("rapporteur.launch_failed", "Launch failed", "Edition launch failed; nothing was published"),
)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Any change of a user's groups is a role change, whether made in the admin or by command."""
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    User = get_user_model()
    verb = "added" if action == "post_add" else "removed"
    actor = get_active_log_context().user
    if isinstance(instance, User):  # user.groups.add(group, ...)
        names = sorted(model.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        log(instance=instance, action="rapporteur.role_change", user=actor, data={verb: names})
    else:  # group.user_set.add(user, ...)
        for user in model.objects.filter(pk__in=pk_set):
            log(instance=user, action="rapporteur.role_change", user=actor, data={verb: [instance.name]})
