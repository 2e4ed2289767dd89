"""Command, message and callback-query handlers, grouped by use case."""
