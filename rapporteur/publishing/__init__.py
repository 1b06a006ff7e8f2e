"""Outputs made from "the edition as a document" (``reports.document``): PDF (Typst) and EPUB.

Files are built in the background after publishing, only from content readers can see,
cached by a hash of that content, and served only once their edition is public.
"""
