"""Database engines and sessions. Sessions commit at the edge (the request dependency or the
ingest unit of work); services only add and flush."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from app.core.config import Settings

# Largest id either database stores (BIGINT); a larger one in a request names nothing, and is
# refused with 422 instead of reaching the driver (SQLite raises OverflowError on it).
MAX_ID = 2**63 - 1


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module so that our "begin" listener decides how a
    # transaction starts (see _sqlite_engine).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL lets readers work while one writer commits; synchronous=FULL makes every acknowledged
    # commit durable across a killed process or a power loss (NORMAL may lose the last commits on
    # power loss). foreign_keys is off by default in SQLite and our cascades need it.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_engine(url: Any, begin: str, timeout_ms: int) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_connect)

    # SQLite has no statement_timeout: a progress handler, called every few thousand VM steps,
    # interrupts a statement that runs past its deadline ("interrupted", answered as 503 like
    # PostgreSQL's timeout). Each statement sets its own deadline as it starts.
    def _watch(dbapi_conn: Any, record: Any) -> None:
        deadline = [0.0]
        record.info["deadline"] = deadline
        dbapi_conn.set_progress_handler(lambda: int(time.monotonic() > deadline[0] > 0), 10_000)

    def _start(conn: Any, *_args: Any) -> None:
        deadline = conn.connection.info.get("deadline")
        if deadline is not None:
            deadline[0] = time.monotonic() + timeout_ms / 1000

    event.listen(engine, "connect", _watch)
    event.listen(engine, "before_cursor_execute", _start)

    # A deferred transaction that reads and then writes can fail at once with "database is
    # locked" when another writer got there first (busy_timeout does not apply to that upgrade).
    # Writers therefore start with BEGIN IMMEDIATE and queue on the lock; readers stay deferred.
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    event.listen(engine, "begin", _begin)
    return engine


@dataclass(frozen=True, slots=True)
class Database:
    """The engine for reads and the engine for writes (the same one on PostgreSQL)."""

    reader: Engine
    writer: Engine

    def dispose(self) -> None:
        self.reader.dispose()
        if self.writer is not self.reader:
            self.writer.dispose()


def make_database(settings: Settings) -> Database:
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        timeout = settings.db_statement_timeout_ms
        return Database(
            reader=_sqlite_engine(url, "BEGIN", timeout), writer=_sqlite_engine(url, "BEGIN IMMEDIATE", timeout)
        )
    engine = create_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_pre_ping=True,
        connect_args={"options": f"-c statement_timeout={settings.db_statement_timeout_ms}"},
    )
    return Database(reader=engine, writer=engine)


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """A session that commits when the block ends normally and rolls back otherwise."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def insert_many(
    session: Session,
    table: Table,
    rows: list[dict[str, Any]],
    *,
    on_conflict: list[str] | None = None,
    returning: bool = True,
) -> list[int]:
    """INSERT many rows; answers the new ids in the order of ``rows`` (for ``on_conflict``, INSERT
    ... ON CONFLICT DO NOTHING, the ids of the rows inserted only), or nothing when not ``returning``.

    Through the Core table, not the ORM. With RETURNING, SQLAlchemy sends multi-row INSERTs
    ("insertmanyvalues", 1,000 rows each). Without, one executemany: sqlite3's loop in C, psycopg's
    pipeline of one prepared statement, which is cheaper still (no long statement to parse per
    batch), so callers that need no ids ask for none."""
    if not rows:
        return []
    if on_conflict is None:
        statement: Any = table.insert()
    else:
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        statement = insert(table).on_conflict_do_nothing(index_elements=on_conflict)
    if not returning:
        session.connection().execute(statement, rows)
        return []
    statement = statement.returning(table.c.id, sort_by_parameter_order=on_conflict is None)
    return list(session.connection().execute(statement, rows).scalars())
