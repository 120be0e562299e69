/**
 * Load runs with autocannon (programmatic API, in this process) and the CPU each side spent:
 * the server process, the PostgreSQL backends of the bench database, and the load generator.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { DATABASE } from './app.mjs';
import { describeNeighbours, neighbours } from './stats.mjs';

const TICK_MS = 1000 / 100; // USER_HZ on Linux

/** User + system CPU time of a process so far, in ms (0 if it is gone). */
export function cpuMs(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
		return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
	} catch {
		return 0;
	}
}

/** Jiffies the whole machine spent busy and in total so far (/proc/stat, all CPUs). */
function machineTicks() {
	const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
	const busy = user + nice + system + irq + softirq + steal;
	return { busy, total: busy + idle + iowait };
}

/** The PostgreSQL backends serving the bench database (other engineers' tests use others). */
export function postgresBackends(database = DATABASE) {
	try {
		return execFileSync('ps', ['-eo', 'pid,args', '--no-headers'], { encoding: 'utf8' })
			.split('\n')
			.filter((line) => line.includes(`postgres: `) && line.includes(` ${database} `))
			.map((line) => Number(line.trim().split(' ')[0]));
	} catch {
		return [];
	}
}

/**
 * @param {{ url: string, connections: number, duration: number, request: object,
 *   pids?: number[], overallRate?: number, label?: string }} options
 *
 * One autocannon run. `request` is autocannon's request object (method, path, headers, body,
 * setupRequest); `pids` the server processes whose CPU is counted. Returns the figures the
 * report needs and autocannon's whole result.
 */
export async function run({ url, connections, duration, request, pids = [], overallRate, label }) {
	const before = neighbours();
	const backends = postgresBackends();
	const backendCpu0 = new Map(backends.map((pid) => [pid, cpuMs(pid)]));
	const cpu0 = {
		server: pids.reduce((s, pid) => s + cpuMs(pid), 0),
		client: process.cpuUsage(),
		machine: machineTicks()
	};
	const result = await autocannon({
		url,
		connections,
		duration,
		...(overallRate ? { overallRate } : {}),
		requests: [request]
	});
	// Backends that came during the run are counted from zero.
	const client = process.cpuUsage(cpu0.client);
	const cpu = {
		server: pids.reduce((s, pid) => s + cpuMs(pid), 0) - cpu0.server,
		postgres: postgresBackends().reduce(
			(s, pid) => s + cpuMs(pid) - (backendCpu0.get(pid) ?? 0),
			0
		),
		client: (client.user + client.system) / 1000
	};
	const machine = machineTicks();
	// Of the whole machine (both cores), how busy it was during the run, whoever was busy.
	const machineBusy = (machine.busy - cpu0.machine.busy) / (machine.total - cpu0.machine.total);
	const seconds = duration;
	const after = neighbours();
	const total = result.requests.total;
	const expected = result['2xx'] + result['3xx'];
	return {
		label,
		connections,
		duration,
		overallRate: overallRate ?? null,
		rps: result.requests.average,
		total,
		p50: result.latency.p50,
		p90: result.latency.p90,
		p99: result.latency.p99,
		max: result.latency.max,
		ok: expected,
		// autocannon counts a timed-out request in both errors and timeouts.
		bad: result.non2xx - result['3xx'] + result.errors,
		statusCodes: result.statusCodeStats,
		bytesPerResponse: total ? result.throughput.total / total : 0,
		cpuMsPerRequest: {
			server: total ? cpu.server / total : 0,
			postgres: total ? cpu.postgres / total : 0,
			client: total ? cpu.client / total : 0
		},
		load: { before: before.load1, after: after.load1 },
		machineBusy,
		// Cores kept busy by each side (CPU seconds per second of the run).
		cores: {
			server: cpu.server / 1000 / seconds,
			postgres: cpu.postgres / 1000 / seconds,
			client: cpu.client / 1000 / seconds
		},
		neighbours: describeNeighbours([before, after]),
		snapshots: [before, after],
		raw: {
			latency: result.latency,
			requests: result.requests,
			throughput: result.throughput,
			errors: result.errors,
			timeouts: result.timeouts
		}
	};
}
