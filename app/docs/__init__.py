"""Interactive API docs (Swagger UI and ReDoc) served from the package, for closed networks."""
