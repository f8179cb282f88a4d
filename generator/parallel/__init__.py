"""The parallel view: a page of the plan in two editions side by side (see pages.py).

links.py holds the addresses and labels the one-edition pages need; pages.py builds the pages.
"""
from .links import DEFAULT_PARTNER, FOLDER, control, href, link_label, partner, plan_pages, switch  # noqa: F401
