"""Background tasks for Wagtail (search index, reference index), run after the transaction commits.

Django-tasks' immediate backend runs a task inside the saving transaction. That indexes
data that may still roll back, and it makes long transactions longer: an edition launch
publishing 170 pages spent a third of its time indexing. Here each task waits for the
commit, then runs in the same process, as before.
"""

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend


class AfterCommitBackend(ImmediateBackend):
    def _execute_task(self, task_result):
        transaction.on_commit(lambda: super(AfterCommitBackend, self)._execute_task(task_result))
