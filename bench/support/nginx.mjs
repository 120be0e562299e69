/**
 * Runs Debian's nginx (/usr/sbin/nginx, not the system service) with bench/nginx.conf filled in:
 * a prefix folder of its own in /tmp, a loopback port, the given app processes as upstreams.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, freePort } from './app.mjs';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';

export const brotliAvailable = () => existsSync(BROTLI_MODULE);

/** Starts nginx in front of `upstreams` (["127.0.0.1:4001", …]); resolves with its origin and stop(). */
export async function startNginx(upstreams, { port } = {}) {
	const listen = port ?? (await freePort());
	const prefix = mkdtempSync(path.join(tmpdir(), 'kb-bench-nginx-'));
	for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
		mkdirSync(path.join(prefix, dir));
	const brotli = brotliAvailable();
	const conf = readFileSync(path.join(ROOT, 'bench/nginx.conf'), 'utf8')
		.replaceAll('{{PREFIX}}', prefix)
		.replaceAll('{{PORT}}', String(listen))
		.replace('{{SERVERS}}', upstreams.map((u) => `server ${u} max_fails=0;`).join('\n\t\t'))
		.replace('{{LOAD_MODULES}}', brotli ? `load_module ${BROTLI_MODULE};` : '')
		.replace(
			'{{BROTLI}}',
			brotli
				? 'brotli on;\n\tbrotli_comp_level 5;\n\tbrotli_min_length 256;\n\tbrotli_types text/css text/javascript application/javascript application/json application/manifest+json image/svg+xml text/calendar text/csv;'
				: '# brotli: module not installed'
		);
	writeFileSync(path.join(prefix, 'nginx.conf'), conf);
	const args = ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')];
	const test = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
	if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
	const started = spawnSync(NGINX, args, { encoding: 'utf8' });
	if (started.status !== 0) throw new Error(`nginx failed to start:\n${started.stderr}`);
	const pid = Number(readFileSync(path.join(prefix, 'nginx.pid'), 'utf8').trim());
	const stop = () => {
		spawnSync(NGINX, ['-s', 'quit', ...args]);
		rmSync(prefix, { recursive: true, force: true });
	};
	process.once('exit', () => {
		if (existsSync(path.join(prefix, 'nginx.pid'))) spawnSync(NGINX, ['-s', 'stop', ...args]);
		rmSync(prefix, { recursive: true, force: true });
	});
	// The master and its workers (whose CPU the load runs count).
	const pids = () => [
		pid,
		...spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
			.stdout.split('\n')
			.map(Number)
			.filter(Boolean)
	];
	const origin = `http://localhost:${listen}`;
	for (let i = 0; i < 50; i++) {
		try {
			await fetch(`http://127.0.0.1:${listen}/`, { signal: AbortSignal.timeout(1000) });
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return {
		origin,
		url: `http://127.0.0.1:${listen}`,
		port: listen,
		pid,
		pids,
		brotli,
		prefix,
		stop
	};
}
