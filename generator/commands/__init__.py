"""Maintainer commands: the preview (make serve), translated, schema, and the Hong Kong guard of make check."""
