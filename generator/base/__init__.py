"""What every stage uses: the error types (problems), the build cache (cache), all-or-nothing writes (atomic)."""
