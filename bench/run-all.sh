#!/usr/bin/env bash
# Every benchmark of bench/README.md, one after another (about 20 minutes on the 2-core
# development machine). Not part of CI. Needs PostgreSQL at BENCH_SERVER_URL (default
# postgres://postgres@127.0.0.1:5432/postgres), where each script drops and creates the database
# `bench` (never `test`); nginx at /usr/sbin/nginx; Chromium at /usr/bin/chromium.
#
#   bench/run-all.sh            # output: bench/results/run-all-<time>.md (and the raw JSON beside it)
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
mkdir -p bench/results
out="bench/results/run-all-$stamp.md"
tsx=(npx tsx --tsconfig .svelte-kit/tsconfig.json --import ./bench/support/vite-imports.mjs)

# One build, retried while another engineer's edit breaks it, then copied aside: every server of
# this run starts from that copy even if build/ is rebuilt meanwhile.
node --input-type=module -e "import { build } from './bench/support/app.mjs'; build();"
export BENCH_APP_DIR="/tmp/kb-bench-app-run-$stamp"
node bench/support/snapshot.mjs "$BENCH_APP_DIR" > /dev/null
trap 'rm -rf "$BENCH_APP_DIR"' EXIT

section() {
	echo
	echo "## $1"
	echo
	echo "\`$2\`"
	echo
}

{
	echo "# bench/run-all.sh, $stamp"
	echo
	echo "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB, Node $(node -v), $(psql --version), $(/usr/sbin/nginx -v 2>&1)"

	section "1. HTTP throughput, app against bare" "node bench/http.mjs --skip-build --profile"
	node bench/http.mjs --skip-build --profile

	section "2. The registration PDF" "${tsx[*]} bench/pdf.ts 200 20 --profile"
	"${tsx[@]}" bench/pdf.ts 200 20 --profile

	section "3. A million registrations" "${tsx[*]} bench/scale.ts"
	"${tsx[@]}" bench/scale.ts

	section "4. Bytes on the wire" "node bench/wire.mjs --skip-build"
	node bench/wire.mjs --skip-build

	section "5. Two processes behind nginx" "${tsx[*]} bench/scale-out.ts"
	"${tsx[@]}" bench/scale-out.ts
} 2> >(tee "bench/results/run-all-$stamp.log" >&2) | tee "$out"

echo
echo "Report: $out"
