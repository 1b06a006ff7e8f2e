"""The import's entry in the audit log."""

from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("rapporteur.import", "Imported", "Imported as a draft")
