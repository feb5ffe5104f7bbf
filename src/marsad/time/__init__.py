"""Dates: Arabic date expressions found in news text and resolved against the publication date."""
