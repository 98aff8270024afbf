from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text
from sqlmodel import Session

from app.core.deps import DatabaseDep
from app.core.errors import AppError

router = APIRouter(tags=["health"])


class NotReady(AppError):
    status, title, slug = 503, "Service Unavailable", "not-ready"


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request, db: DatabaseDep) -> dict[str, str]:
    """The database answers, the schema is at the newest migration and the language model is loaded."""
    from app.core.migrations import current_revision, head_revision

    try:
        with Session(db.reader) as session:
            session.execute(text("SELECT 1"))
        current = current_revision(db.reader)
    except Exception as exc:  # any database failure means "not ready", never a 500
        raise NotReady("the database is not reachable") from exc
    head = head_revision()
    if current != head:
        raise NotReady(f"the database schema is at {current}, not at {head}; run `python -m app migrate`")
    # set by the app's lifespan once the spaCy pipeline is in memory: before that an ingest would
    # wait a second or more for it, and a load failure would fail every ingest
    model = getattr(request.app.state, "model", None)
    if not model:
        raise NotReady("the language model is not loaded yet")
    return {"status": "ready", "schema": str(head), "model": str(model)}
