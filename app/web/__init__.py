"""Server-rendered pages for people: the dashboard at ``/`` and one page per article."""
