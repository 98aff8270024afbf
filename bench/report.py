"""The results table of `make bench` (Markdown, printed and written to docs/benchmarks.md)."""

from __future__ import annotations

import argparse
import platform
from dataclasses import dataclass, field

from ingest import IngestResult
from load import Load
from profile_ingest import Profile


def _ok(met: bool) -> str:
    return "met" if met else "**not met**"


@dataclass
class Report:
    args: argparse.Namespace
    ingest: IngestResult | None = None
    profile: Profile | None = None
    load_rate: dict[str, float | None] = field(default_factory=dict)
    queries: dict[str, dict[str, Load]] = field(default_factory=dict)
    peer: dict[str, Load] | None = None  # Datasette, by variant (query.PEER_DATASETTE)
    raw_sql_ms: float | None = None
    notes: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0

    def render(self) -> str:
        out = [
            f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}; "
            f"run took {self.elapsed_s / 60:.1f} min. Load: {self.args.concurrency} connections, "
            f"{self.args.seconds:g} s per query, loopback.",
            "",
        ]
        if self.ingest:
            i = self.ingest
            out += [
                f"### Ingest ({i.articles} articles, {i.words} words)",
                "",
                "| path | articles/s | ratio to (a) | target |",
                "|---|---:|---:|---|",
                f"| (a) raw spaCy nlp.pipe, no storage (mean of 2 runs) | {i.baseline:.2f} | 1.00 | baseline |",
                f"| (b) POST /articles, sequential | {i.single:.2f} | {i.single / i.baseline:.2f} | "
                f">= 0.8: {_ok(i.single / i.baseline >= 0.8)} |",
                f"| (c) POST /articles:batch, {i.workers} workers (mean of 2 runs) | {i.bulk:.2f} | "
                f"{i.bulk / i.baseline:.2f} | "
                f">= 1.6: {_ok(i.bulk / i.baseline >= 1.6)} |",
                "",
                f"Peak RSS: server {i.server_peak_mb.get('single', 0):.0f} MB in (b), "
                f"{i.server_peak_mb.get('bulk', 0):.0f} MB in (c); each worker "
                + ", ".join(f"{m:.0f} MB" for m in i.worker_peak_mb)
                + f"; raw spaCy process {i.raw_peak_mb:.0f} MB.",
                "",
            ]
        if self.profile:
            shares = self.profile.shares()
            out += [
                f"### Where ingest time goes ({self.profile.articles} articles, one process)",
                "",
                " | ".join(f"{k}: {v:.0%}" for k, v in shares.items()),
                "",
            ]
        if self.queries:
            out += [
                "### Queries",
                "",
                "| database | query | req/s | p50 ms | p95 ms | p99 ms | errors |",
                "|---|---|---:|---:|---:|---:|---:|",
            ]
            for db, loads in self.queries.items():
                for name, load in loads.items():
                    out.append(
                        f"| {db} | {name} | {load.rps:.0f} | {load.p50_ms:.1f} | {load.p95_ms:.1f} | "
                        f"{load.p99_ms:.1f} | {load.errors} |"
                    )
            out += ["", self._growth(), ""]
        if self.load_rate:
            out += [
                "Loader (service write path, synthetic extractions): "
                + ", ".join(f"{k}: {v:.0f} articles/s" if v else f"{k}: reused" for k, v in self.load_rate.items()),
                "",
            ]
        if self.peer:
            out += self._peer()
        out += [f"- {n}" for n in self.notes]
        return "\n".join(out)

    def _growth(self) -> str:
        lines = [
            "### Growth: p95 at large / p95 at small (target <= 1.5)",
            "",
            "| database | query | ratio | target |",
            "|---|---|---:|---|",
        ]
        for engine in ("sqlite", "postgresql"):
            small = self.queries.get(f"{engine} {self.args.small}")
            large = self.queries.get(f"{engine} {self.args.large}")
            if not small or not large:
                continue
            for name in small:
                if name in large and not (large[name].requests and small[name].requests):
                    lines.append(f"| {engine} | {name} | - | **not met** (no answer within wrk's 10 s timeout) |")
                elif name in large:
                    ratio = large[name].p95_ms / max(small[name].p95_ms, 1e-6)
                    lines.append(f"| {engine} | {name} | {ratio:.2f} | {_ok(ratio <= 1.5)} |")
        return "\n".join(lines)

    def _peer(self) -> list[str]:
        from query import PEER_DATASETTE

        assert self.peer
        ours = self.queries.get(f"sqlite {self.args.large}", {}).get("peer: figures killed")
        out = [
            "### Peer: the same SQLite file, same load",
            "",
            "| server | URL | req/s | p50 ms | p95 ms | ratio |",
            "|---|---|---:|---:|---:|---|",
        ]
        best = max(self.peer.values(), key=lambda load: load.rps)
        for label, load in self.peer.items():
            role = "baseline (the faster)" if load is best else ""
            out.append(
                f"| Datasette --immutable, {label} | {PEER_DATASETTE[label]} | {load.rps:.0f} | "
                f"{load.p50_ms:.1f} | {load.p95_ms:.1f} | {role} |"
            )
        if ours:
            ratio = ours.rps / max(best.rps, 1e-6)
            out.append(
                f"| this API | /api/v1/figures?category=killed&limit=50 | {ours.rps:.0f} | {ours.p50_ms:.1f} | "
                f"{ours.p95_ms:.1f} | {ratio:.2f} (>= 1.0: {_ok(ratio >= 1.0)}) |"
            )
            if self.raw_sql_ms:
                out += [
                    "",
                    f"Raw SQL (sqlite3, same query, median): {self.raw_sql_ms:.3f} ms; API overhead = "
                    f"API p50 / raw SQL = {ours.p50_ms / self.raw_sql_ms:.0f}x.",
                ]
        return [*out, ""]


def document(table: str) -> str:
    return "\n".join(
        [
            "# Benchmarks",
            "",
            "Produced by `make bench` (`bench/run_all.py`); every ratio is against a baseline measured in the same",
            "run on the same machine. Sizes are options of `bench/run_all.py` (`--articles`, `--small`, `--large`).",
            "",
            "## Latest run",
            "",
            table,
            "",
        ]
    )
