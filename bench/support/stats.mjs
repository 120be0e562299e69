/**
 * Numbers and the machine they were measured on: percentiles, formatting, the machine's facts,
 * and a look at what else was running (other engineers' builds and tests share the two cores).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS } from './app.mjs';

/** The value at quantile q (nearest rank) of the samples. */
export function quantile(samples, q) {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarise(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		n: samples.length,
		mean: samples.reduce((s, x) => s + x, 0) / samples.length,
		p50: quantile(sorted, 0.5),
		p95: quantile(sorted, 0.95),
		p99: quantile(sorted, 0.99),
		min: sorted[0],
		max: sorted.at(-1)
	};
}

export const ms = (x, digits = 1) => (x === undefined ? '–' : x.toFixed(digits));
export const kb = (bytes) => (bytes / 1024).toFixed(1);
export const mb = (bytes) => Math.round(bytes / 2 ** 20);
export const int = (x) => Math.round(x).toLocaleString('en');

export function machine() {
	const cpus = os.cpus();
	let postgres = 'unknown';
	try {
		postgres = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		// psql not on PATH.
	}
	return {
		date: new Date().toISOString(),
		cpus: cpus.length,
		cpu: cpus[0]?.model.trim(),
		memoryGB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		kernel: os.release(),
		postgres
	};
}

// Commands that show another engineer's work on the machine (our own servers run from
// /tmp/kb-bench-app-*, which this ignores), by kind.
const KINDS = [
	['vitest', /vitest/],
	['vite build', /vite build/],
	['svelte-check', /svelte-check/],
	['lighthouse', /lighthouse/],
	['chromium', /chromium/],
	['eslint', /eslint/],
	['prettier', /prettier/],
	['tsc', /\btsc\b/],
	['npm', /npm (run|install|test|exec)/]
];

/** The load average and the kinds of other engineers' processes running now, with counts. */
export function neighbours() {
	const [one, five] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
	const others = {};
	try {
		for (const line of execFileSync('ps', ['-eo', 'args', '--no-headers'], {
			encoding: 'utf8'
		}).split('\n')) {
			if (line.includes('kb-bench-app')) continue;
			const kind = KINDS.find(([, pattern]) => pattern.test(line))?.[0];
			if (kind) others[kind] = (others[kind] ?? 0) + 1;
		}
	} catch {
		// ps unavailable.
	}
	return { load1: one, load5: five, others };
}

/** "chromium ×12, vitest ×2" from one or more neighbours() results (the largest count of each). */
export function describeNeighbours(list) {
	const most = {};
	for (const { others } of list)
		for (const [kind, n] of Object.entries(others)) most[kind] = Math.max(most[kind] ?? 0, n);
	return Object.entries(most)
		.map(([kind, n]) => `${kind} ×${n}`)
		.join(', ');
}

/** Writes the raw results of one script to bench/results/<name>-<timestamp>.json. */
export function writeResults(name, data) {
	mkdirSync(RESULTS, { recursive: true });
	const file = path.join(RESULTS, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(file, JSON.stringify(data, null, '\t') + '\n');
	return file;
}

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows, align) {
	const line = (cells) => `| ${cells.join(' | ')} |`;
	const rule = header.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
	return [line(header), line(rule), ...rows.map(line)].join('\n');
}
