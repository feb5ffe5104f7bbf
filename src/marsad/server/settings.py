"""Server defaults that the CLI needs without loading the web stack (the `server` extra may be absent)."""

DEFAULT_MAX_BODY = 5 * 1024 * 1024  # bytes: a long article with its report is far below this
