"""The `marsad` command line: one module per command, each with a `register(app)` function."""
