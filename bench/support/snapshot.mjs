#!/usr/bin/env node
// Copies the current build/ to the folder given (bench/run-all.sh: once, right after its build)
// and prints it: `export BENCH_APP_DIR=$(node bench/support/snapshot.mjs /tmp/kb-bench-app)`.
import { copyBuild } from './app.mjs';

console.log(copyBuild(process.argv[2] ?? '/tmp/kb-bench-app'));
