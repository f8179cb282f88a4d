"""The MkDocs site: configuration, hooks, the Material overrides (theme/), and the steps after MkDocs (search, prune, CSP)."""
