"""The one error an import raises when it will not read a file at all.

A refused file changes nothing: the reader stops before anything reaches the writer, and the
message is shown to the person who uploaded it as it stands — so it says what is wrong and,
where there is one, what to do ("save it as .docx"), never a library's traceback.
"""


class ImportRefused(Exception):
    """A file the importer will not read; ``message`` is for the person who uploaded it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
