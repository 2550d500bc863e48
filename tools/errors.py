"""The one error type a user sees: a sentence that says what is wrong and what to change."""


class UserError(Exception):
    """Bad input or a situation the user can fix.

    The message is a complete sentence meant for a person (CLI, chat, UI), never a
    traceback. Tools raise it; the CLI prints it and exits 1, the agent returns it
    as the tool's result. ``zh`` carries the same sentence in Chinese (or None).
    """

    def __init__(self, message, zh=None):
        super().__init__(message)
        self.zh = zh
