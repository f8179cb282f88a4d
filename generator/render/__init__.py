"""Page views → files: Markdown from the Jinja templates, the parallel view, the PDF editions."""
