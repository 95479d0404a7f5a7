from editorial.word_import import wagtail_hooks as word_import_hooks  # noqa: F401
