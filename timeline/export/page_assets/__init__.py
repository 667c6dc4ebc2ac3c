"""Template, script and style of the self-contained HTML page (see timeline.export.page)."""
