"""The typed plan (plan.py: what each data file may contain) and the three editions (languages.py)."""
