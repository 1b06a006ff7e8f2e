"""The editorial app keeps no tables of its own.

Roles are Wagtail groups and page permissions, reviews are Wagtail workflows, and an edition's
launch time is the go-live time of the edition page's own scheduled revision (see
``editorial.embargo``). The module exists so that Django sends this app ``post_migrate``,
after which ``roles.sync_after_migrate`` creates and repairs the roles.
"""
