"""Background tasks for Wagtail (search index, reference index), run after the transaction commits.

Django-tasks' immediate backend runs a task inside the saving transaction. That indexes
data that may still roll back, and it makes long transactions longer: an edition launch
publishing 170 pages spent a third of its time indexing. Here each task waits for the
commit, then runs in the same process, as before.

A page saved twice in one transaction (created, then given its first revision) asks twice
for the same indexing. Tasks read their object when they run, so after the commit one run
gives the same result as two: a task identical to one still waiting for this commit is not
queued again. (The waiting list is the connection's own, so a rolled-back savepoint's tasks
are gone from it and cannot stand in for a later one.) An import of a whole book (155 new
entries) spent 60 of its 92 s on PostgreSQL in after-commit tasks, about half of them repeats.

A row made and removed again within one transaction (wagtail-localize writing a translation
replaces the inline rows it copied a moment before) leaves a reference-index task for a row
that is gone by the commit. Its references went with it, so there is nothing to index: the
task is dropped rather than failing with a traceback in the log.
"""

from django.apps import apps
from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend


class AfterCommit:
    """One task waiting for the commit."""

    def __init__(self, backend, task_result):
        self.backend = backend
        self.task_result = task_result
        self.key = (task_result.task.module_path, repr(task_result.args), repr(sorted(task_result.kwargs.items())))
        self.done = False  # a test's captureOnCommitCallbacks runs callbacks but leaves them listed

    def __call__(self):
        self.done = True
        if self.key[0] == REFERENCE_INDEX_TASK and not row_exists(*self.task_result.args):
            return
        ImmediateBackend._execute_task(self.backend, self.task_result)


REFERENCE_INDEX_TASK = "wagtail.tasks.update_reference_index_task"


def row_exists(app_label, model_name, pk):
    return apps.get_model(app_label, model_name)._default_manager.filter(pk=pk).exists()


class AfterCommitBackend(ImmediateBackend):
    def _execute_task(self, task_result):
        task = AfterCommit(self, task_result)
        connection = transaction.get_connection()
        if connection.in_atomic_block:
            for _, waiting, _ in connection.run_on_commit:
                if getattr(waiting, "key", None) == task.key and not waiting.done:
                    return  # its twin runs after the commit and reads the object as it is then
        transaction.on_commit(task)
