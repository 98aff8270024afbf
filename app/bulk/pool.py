"""Worker processes for extraction. Each loads the spaCy model once (``get_nlp`` is cached per
process) and then extracts chunks of articles; the parent only stores.

"spawn", not fork: the API process runs threads (the threadpool, the database pools) and forking a
threaded process can copy a held lock into the child. Spawned workers pay the model load (~1-2 s)
once, at pool start."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any

from app.articles.schemas import ArticleCreate
from app.extraction.types import ExtractionResult

Outcome = ExtractionResult | str  # the result, or the error message of that one article


def _exit_with_parent(parent: int) -> None:
    # A worker blocked on its task queue never learns that the API process died (SIGKILL, or a
    # shutdown that skipped atexit): it would live on as an orphan holding a model in memory.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _warm(parent: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    # one BLAS thread per worker: the pool already has a process per core, and BLAS threads on
    # top of it only fight over the same cores (set before spaCy imports numpy in this process)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    from app.extraction.nlp import get_nlp

    get_nlp()


def extract_chunk(bodies: Sequence[ArticleCreate]) -> list[Outcome]:
    """Extract each article, the chunk parsed in one ``nlp.pipe`` (spaCy batches its matrix work);
    one failure is that article's error, never the chunk's."""
    from app.articles.service import extract_article
    from app.extraction.nlp import get_nlp

    try:
        docs: list[Any] = list(get_nlp().pipe([b.text for b in bodies], batch_size=max(1, len(bodies))))
    except Exception:  # one text broke the batch: each is parsed alone below, and fails alone
        docs = [None] * len(bodies)
    out: list[Outcome] = []
    for body, doc in zip(bodies, docs, strict=True):
        try:
            out.append(extract_article(body, doc))
        except Exception as exc:  # reported per article by the caller
            out.append(f"extraction failed: {type(exc).__name__}: {exc}")
    return out


class ExtractionPool:
    """``workers`` processes, or the calling process when ``workers`` is 0 (tests, one core)."""

    def __init__(self, workers: int, chunk: int = 8) -> None:
        self.workers = workers
        self.chunk = chunk
        self._executor: Executor | None = None
        if workers > 0:
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm,
                initargs=(os.getpid(),),
            )

    def warm(self) -> None:
        """Start every worker and load its model now rather than on the first batch."""
        if self._executor is not None:
            for future in [self._executor.submit(os.getpid) for _ in range(self.workers * 2)]:
                future.result()

    def pids(self) -> list[int]:
        processes = getattr(self._executor, "_processes", None) or {}
        return sorted(processes)

    def extract(self, bodies: Sequence[ArticleCreate]) -> Iterator[Outcome]:
        """Outcomes in the order of ``bodies``, yielded as soon as each chunk is done so that the
        caller stores while the workers go on extracting."""
        chunks = [bodies[i : i + self.chunk] for i in range(0, len(bodies), self.chunk)]
        if self._executor is None:
            for chunk in chunks:
                yield from extract_chunk(chunk)
            return
        # bounded look-ahead: enough chunks queued to keep every worker busy, not the whole input
        ahead = self.workers * 2
        pending: list[Future[list[Outcome]]] = []
        for chunk in chunks:
            pending.append(self._executor.submit(extract_chunk, chunk))
            if len(pending) > ahead:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


_shared: ExtractionPool | None = None
_shared_pid = 0
_lock = threading.Lock()


def shared_pool() -> ExtractionPool:
    """One pool per API process (per uvicorn worker), started on the first batch and shut down at exit."""
    global _shared, _shared_pid
    from app.bulk.config import get_bulk_settings

    with _lock:
        if _shared is None or _shared_pid != os.getpid():
            settings = get_bulk_settings()
            _shared, _shared_pid = ExtractionPool(settings.workers, settings.chunk), os.getpid()
            _shared.warm()  # every worker loaded before the first batch is timed against them
            atexit.register(_shared.close)
        return _shared
