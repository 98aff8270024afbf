"""`make bench`: every benchmark, each figure a ratio against a baseline measured in the same run.

    python bench/run_all.py                       # defaults: 200 articles; 10,000 and 100,000 at scale
    python bench/run_all.py --small 2000 --large 20000 --seconds 3   # a quicker pass

Databases built by the loader are kept under bench/data/ (gitignored) and reused by the next run
(grown, never rebuilt). The table is printed and written to docs/benchmarks.md."""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from serve import ROOT  # noqa: E402

DATA = HERE / "data"
RESULTS = ROOT / "docs" / "benchmarks.md"


def _ensure_tools() -> None:
    """Bench-only dependencies: Datasette from the `bench` extra, wrk from Debian; either may be
    missing afterwards, and the stage that needs it is then skipped or falls back."""
    if importlib.util.find_spec("datasette") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[bench]"], check=False)
    if shutil.which("wrk") is None and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(
            "apt-get update -qq && apt-get install -y -qq wrk", shell=True, env=env, check=False, capture_output=True
        )


def _count(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())
    finally:
        engine.dispose()


def _grow(url: str, size: int, log: object) -> float | None:
    """Load articles until the database holds ``size``; answers the articles/s of this load."""
    import loader

    from app.core.migrations import upgrade

    upgrade(url)
    have = _count(url)
    if have >= size:
        _analyze(url)  # a kept database may have been migrated since its statistics were taken
        return None
    started = time.monotonic()
    rate = loader.load(url, have, size, on_progress=lambda n: print(f"\r  loaded {n}/{size}", end="", flush=True))
    print(f"\r  loaded {size - have} articles in {time.monotonic() - started:.0f} s ({rate:.0f}/s)")
    _analyze(url)
    return rate


def _analyze(url: str) -> None:
    """Fresh planner statistics after a bulk load, as an operator runs after an import (PostgreSQL's
    autovacuum would get there too, but not before the queries below start)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()


def _postgres(server: str, name: str, template: str | None = None) -> str:
    """The URL of database ``name``, created if missing (as a copy of ``template`` when that exists,
    so that the large database grows from the small one rather than from zero)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from app.core.config import Settings

    server = Settings(database_url=server).database_url
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:

        def exists(db: str) -> bool:
            return conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": db}).first() is not None

        if not exists(name):
            copy = f' TEMPLATE "{template}"' if template and exists(template) else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    env = os.environ.get
    parser.add_argument("--articles", type=int, default=int(env("BENCH_ARTICLES", "200")))
    parser.add_argument("--small", type=int, default=int(env("BENCH_SMALL", "10000")))
    parser.add_argument("--large", type=int, default=int(env("BENCH_LARGE", "100000")))
    parser.add_argument("--seconds", type=float, default=float(env("BENCH_SECONDS", "5")))
    parser.add_argument("--concurrency", type=int, default=int(env("BENCH_CONCURRENCY", "4")))
    parser.add_argument("--workers", type=int, default=2, help="extraction processes for the bulk path")
    parser.add_argument(
        "--postgres",
        default=env("BENCH_POSTGRES_URL")
        or env("TEST_DATABASE_URL")
        or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
    )
    parser.add_argument("--skip", default="", help="comma list of stages: ingest,profile,sqlite,postgres,peer")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    os.environ.setdefault("CONFLICT_LOG_LEVEL", "WARNING")  # access logs would cost the servers CPU
    started = time.monotonic()
    _ensure_tools()
    DATA.mkdir(exist_ok=True)

    import ingest
    import profile_ingest
    import query
    import report
    from corpus import generate

    rows = report.Report(args)
    articles = generate(args.articles)
    if "ingest" not in skip:
        rows.ingest = ingest.run(articles, workers=args.workers)
    if "profile" not in skip:
        print("profile: spaCy vs rules vs database")
        rows.profile = profile_ingest.run(articles[: min(40, len(articles))])
    sizes = [args.small, args.large]
    if "sqlite" not in skip:
        small_file = DATA / f"sqlite-{args.small}.db"
        for size in sizes:
            path = DATA / f"sqlite-{size}.db"
            if not path.exists() and size == args.large and small_file.exists():
                shutil.copy(small_file, path)  # grow a copy of the small database, not from zero
            url = f"sqlite:///{path}"
            print(f"sqlite {size}: load")
            rows.load_rate[f"sqlite {size}"] = _grow(url, size, print)
            print(f"sqlite {size}: queries")
            rows.queries[f"sqlite {size}"] = query.api_loads(url, args.seconds, args.concurrency)
            if size == args.large and "peer" not in skip and importlib.util.find_spec("datasette"):
                print(f"sqlite {size}: datasette and raw SQL")
                rows.peer = query.datasette_load(str(path), args.seconds, args.concurrency)
                rows.raw_sql_ms = query.raw_sql_ms(str(path))
    if "postgres" not in skip:
        try:
            for size in sizes:
                small = f"ce_bench_{args.small}" if size == args.large else None
                url = _postgres(args.postgres, f"ce_bench_{size}", template=small)
                print(f"postgresql {size}: load")
                rows.load_rate[f"postgresql {size}"] = _grow(url, size, print)
                print(f"postgresql {size}: queries")
                rows.queries[f"postgresql {size}"] = query.api_loads(url, args.seconds, args.concurrency)
        except Exception as exc:  # no server: the SQLite figures stand alone
            print(f"postgresql skipped: {exc}")
            rows.notes.append(f"PostgreSQL skipped: {type(exc).__name__}")
    rows.elapsed_s = time.monotonic() - started
    text = rows.render()
    print(text)
    RESULTS.write_text(report.document(text), encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
