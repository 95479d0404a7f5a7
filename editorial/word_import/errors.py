class WordImportError(Exception):
    """A file that cannot be imported; ``message`` is shown to the person who sent it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)
