#!/usr/bin/env bash
# Load benchmark of `crosscheck serve` with Debian's wrk: a generated store of N reports, then story
# pages and searches paced to RATE requests/s (and once unpaced, for the ceiling). Prints wrk's
# latency distributions; docs/PERFORMANCE.md records the figures.
#   bench/web/run.sh [N=10000] [RATE=200] [WORK=/tmp/crosscheck-load]
set -euo pipefail
n=${1:-10000}; rate=${2:-200}; work=${3:-/tmp/crosscheck-load}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/web"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }
mkdir -p "$work"
if [ ! -f "$work/bench.db" ]; then
  dotnet run -c Release --project "$root/bench/Crosscheck.Bench" -- generate "$work/corpus" "$n"
  "$root/crosscheck" analyze "$work/corpus" --db "$work/bench.db" --no-dossier --quiet --reference-date 2025-06-01 || true
fi
"$root/crosscheck" serve --db "$work/bench.db" --urls http://127.0.0.1:5095 --read-rate 1000000 --reference-date 2025-06-01 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -q "serving" "$work/serve.log"; do sleep 2; kill -0 $server || { cat "$work/serve.log"; exit 1; }; done
cat "$work/serve.log"
curl -s "http://127.0.0.1:5095/api/stories?limit=1000" | python3 -c 'import json,sys; print("\n".join(s["id"] for s in json.load(sys.stdin)["items"]))' >"$work/stories.txt"
python3 - "$work" <<'PY'
import os, re, sys, json, random, collections
work = sys.argv[1]; df = collections.Counter()
for name in sorted(os.listdir(os.path.join(work, "corpus")))[:3000]:
    path = os.path.join(work, "corpus", name)
    if os.path.isfile(path): df.update(set(re.findall(r"[a-z]{4,}", open(path, errors="ignore").read().lower())))
words = [w for w, c in df.most_common() if c >= 2]; random.seed(7); random.shuffle(words)
open(os.path.join(work, "words.txt"), "w").write("\n".join(words))
PY
export WRK_STORIES="$work/stories.txt" WRK_WORDS="$work/words.txt"
connections=5
delay=$(( connections * 1000 / rate ))
for script in stories search search-distinct; do
  echo "== $script at <= $rate req/s ($connections connections, ${delay} ms apart each)"
  WRK_DELAY_MS=$delay wrk -t1 -c$connections -d30s --latency -s "$here/$script.lua" http://127.0.0.1:5095
  echo "== $script unpaced (the ceiling)"
  WRK_DELAY_MS=0 wrk -t1 -c$connections -d15s --latency -s "$here/$script.lua" http://127.0.0.1:5095
done
