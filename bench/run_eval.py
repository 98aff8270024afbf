"""`make eval`: serve on a scratch SQLite database and run the shared scorers against it.

python bench/run_eval.py                 # score.py -v on ../shared/eval/dev
python bench/run_eval.py --polnear --wad # also the external corpora (slower)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import ROOT, running_server

EVAL = ROOT.parent / "shared" / "eval"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=EVAL, help="folder holding score.py and dev/")
    parser.add_argument("--polnear", action="store_true", help="also run score_polnear.py")
    parser.add_argument("--wad", action="store_true", help="also run score_wad.py")
    parser.add_argument("--quiet", action="store_true", help="no -v listing of misses")
    args = parser.parse_args()
    if not (args.eval_dir / "score.py").exists():
        print(f"no scorer at {args.eval_dir}/score.py", file=sys.stderr)
        return 2
    status = 0
    with running_server() as server:
        auth = ["--base-url", server.base_url, "--api-key", server.api_key]
        runs = [[str(args.eval_dir / "score.py"), *auth, *([] if args.quiet else ["-v"]), str(args.eval_dir / "dev")]]
        if args.polnear:
            runs.append([str(args.eval_dir / "score_polnear.py"), *auth, "--workers", "2"])
        if args.wad:
            runs.append([str(args.eval_dir / "score_wad.py"), *auth, "--workers", "2"])
        for run in runs:
            status |= subprocess.run([sys.executable, *run], check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
