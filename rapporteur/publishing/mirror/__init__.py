"""The edition as a static mirror: every reader page, its files, search, checksums and a signature.

A mirror is what a reader anywhere can copy and serve — from a project page, a bucket, an
onion service, an IPFS gateway, or unpacked from its ZIP and opened from disk — and check
against the organisation's key. It is made by reading the site as an anonymous reader
(``render``), so it holds exactly what the one visibility rule lets a reader see.

- ``addresses``: which addresses belong in an edition's mirror, and where each file goes;
- ``render``: asking the site for an address as a signed-out reader;
- ``rewrite``: every link relative (or to the live site), the jump form as plain links;
- ``collect``: rendering, rewriting and following links, edition pages first;
- ``search``: the Pagefind index per language and the search pages;
- ``tree``: writing only changed files, and ``SHA256SUMS``;
- ``signing``: the Ed25519 key, the signature and verification;
- ``package``: the reproducible ZIP;
- ``build``: all of it, for one edition; ``jobs``: after publishing, through the scheduler.
"""
