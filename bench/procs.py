"""Peak memory of a process and of its children, read from /proc (Linux): VmHWM is the resident
high-water mark, so it is the peak over the process's life, not a sample."""

from __future__ import annotations

import os
from pathlib import Path


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces: the fields after its closing parenthesis are fixed
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append(int(entry))
    return sorted(found)


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def worker_peaks(server_pid: int) -> list[float]:
    """Peak RSS of each extraction worker (spawned children running multiprocessing.spawn, not
    the resource tracker, which holds no model)."""
    out = []
    for child in children(server_pid):
        line = cmdline(child)
        if "multiprocessing" in line and "resource_tracker" not in line:
            peak = peak_rss_mb(child)
            if peak is not None:
                out.append(peak)
    return out
