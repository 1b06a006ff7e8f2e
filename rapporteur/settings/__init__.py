"""Settings are split by purpose: ``base`` (shared), ``dev``, ``test`` and ``production``.

Everything that differs between machines comes from the environment (see ``base.env``).
"""
