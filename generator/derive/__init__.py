"""Texts per edition: the localizer, the Hong Kong conversion, glossary links, citations, numbers, progress, key projects, open data."""
