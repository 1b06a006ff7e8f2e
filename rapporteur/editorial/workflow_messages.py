"""Say what a review step did, to the reviewer who took it and to the author it comes back to.

Wagtail's review actions end silently: the reviewer lands on the dashboard with no word of
where the entry went, and an author whose entry was sent back finds the reviewer's comment
only deep in the page history. Here:

- after approving or requesting changes, the reviewer reads what happened: "Approved at
  Regional review: Africa; now with Legal review", or "Changes requested: <comment>";
- an author opening a page that was sent back reads the reviewer's comment at the top of
  the editor, where they land from the notification email (which carries it too).

Wagtail's own views do the work; this only reads the task state they leave behind.
"""

from django.contrib import messages
from django.utils import timezone
from wagtail.admin.views.pages.workflow import WorkflowAction
from wagtail.models import Page, TaskState, WorkflowState

from rapporteur.reports.visibility import reader_visible

from .times import with_zone

RECENT_SECONDS = 60

wagtail_workflow_action = WorkflowAction.as_view()


def who(user):
    return (user.get_full_name() or user.get_username()) if user else "someone"


def outcome(task_state):
    """One sentence on what a finished review step did to the page, for the reviewer who finished it."""
    workflow_state = task_state.workflow_state
    page = Page.objects.get(pk=workflow_state.object_id)
    title = f"“{page.get_admin_display_title()}”"
    if task_state.status == TaskState.STATUS_REJECTED:
        comment = f": “{task_state.comment}”" if task_state.comment else " (no comment given)"
        return (
            f"Changes requested on {title}{comment}. The author is told by email and reads your comment "
            "when they open the page."
        )
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and workflow_state.current_task_state:
        return f"{title} approved at {task_state.task.name}; now with {workflow_state.current_task_state.task.name}."
    if reader_visible(Page.objects.filter(pk=page.pk)).exists():
        return f"{title} approved at {task_state.task.name} and published: readers can see it now."
    return f"{title} approved at {task_state.task.name} and published; readers see it when its edition launches."


def finished_steps(user):
    """Review steps ``user`` has finished, with what ``outcome`` reads, fetched in the same query."""
    return (
        TaskState.objects.filter(finished_by=user)
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "workflow_state__current_task_state__task")
    )


def tell_reviewer(request, task_state):
    if task_state is not None and (message := outcome(task_state)):
        messages.success(request, message)


def workflow_action(request, page_id, action_name, task_state_id):
    """Wagtail's review action (approve, request changes), then a word on what it did."""
    response = wagtail_workflow_action(request, page_id=page_id, action_name=action_name, task_state_id=task_state_id)
    if request.method == "POST":
        tell_reviewer(
            request,
            finished_steps(request.user).filter(pk=task_state_id).first(),
        )
    return response


def step_just_taken(page, user):
    """The review step ``user`` finished on ``page`` in this request (Wagtail's editor footer route)."""
    return (
        finished_steps(user)
        .filter(
            workflow_state__in=WorkflowState.objects.for_instance(page),
            finished_at__gte=timezone.now() - timezone.timedelta(seconds=RECENT_SECONDS),
        )
        .order_by("-finished_at")
        .first()
    )


def changes_requested(page):
    """The reviewer's request for changes the page is waiting on, if it was sent back."""
    state = WorkflowState.objects.for_instance(page).filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
    if state is None:
        return None
    return (
        state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by", "task")
        .order_by("-finished_at")
        .first()
    )


def tell_author(request, page):
    rejected = changes_requested(page)
    if rejected is None:
        return
    comment = f": “{rejected.comment}”" if rejected.comment else "."
    messages.warning(
        request,
        f"Changes requested by {who(rejected.finished_by)} at {rejected.task.name}, "
        f"{with_zone(rejected.finished_at)}{comment} Make the changes, then resubmit from the menu under "
        "the Save draft button.",
    )
