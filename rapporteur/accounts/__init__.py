"""Staff sign-in: passwords, two-factor authentication (an authenticator app or a passkey), lock-out,
and the audit of every sign-in event.

Readers never sign in; this app is about the report team's accounts only. Depends on no
other app of the project.
"""
