#!/usr/bin/env node
/**
 * Issue 6 item 5.4: bytes on the wire for the first question of the registration (the page a
 * voter sees after "Start": /register/<token>/nationality), HTML + CSS and JavaScript apart, as
 * a client gets them: without compression, gzip and brotli.
 *
 * The app compresses nothing it renders (adapter-node sends HTML and JSON as they are) and serves
 * its static files precompressed at build time (.gz, .br) when the client asks: the rest is a
 * proxy's work. So the page is fetched through nginx (bench/nginx.conf: gzip level 5, brotli
 * level 5 when the module is installed) in front of one app process, and the script also shows
 * what the app alone answers. The JavaScript counted is every module the page preloads (the
 * response's Link header and the page's own tags: SvelteKit's start and app entries, the layout's
 * and page's nodes and their chunks).
 *
 * Then Chromium (playwright-core, /usr/bin/chromium) checks that the page is usable without
 * JavaScript (answer, Continue, and the server's next question arrives) and counts what it really
 * downloaded with JavaScript on.
 *
 *   node bench/wire.mjs [--skip-build]
 *
 * Prints Markdown tables; raw results go to bench/results/wire-<time>.json.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { benchKeys, build, freePort, recreateDatabase, startApp } from './support/app.mjs';
import { startNginx } from './support/nginx.mjs';
import { kb, machine, table, writeResults } from './support/stats.mjs';

const { values: args } = parseArgs({
	options: { 'skip-build': { type: 'boolean', default: false } }
});
if (!args['skip-build']) build();

const databaseUrl = await recreateDatabase();
const nginxPort = await freePort();
const origin = `http://localhost:${nginxPort}`;
const app = await startApp({ databaseUrl, keys: benchKeys(), origin, name: 'wire-app' });
const nginx = await startNginx([`127.0.0.1:${app.port}`], { port: nginxPort });

/** One GET without decompressing: the body's size as sent, and how it was encoded. */
function get(base, pathname, encoding, accept = '*/*') {
	return new Promise((resolve, reject) => {
		const request = http.get(
			new URL(pathname, base),
			{ headers: { accept, 'accept-encoding': encoding, 'user-agent': 'bench/wire' } },
			(response) => {
				let bytes = 0;
				const chunks = [];
				response.on('data', (chunk) => {
					bytes += chunk.length;
					chunks.push(chunk);
				});
				response.on('end', () =>
					resolve({
						status: response.statusCode,
						encoding: response.headers['content-encoding'] ?? 'identity',
						type: response.headers['content-type'] ?? '',
						link: response.headers.link ?? '',
						bytes,
						body: Buffer.concat(chunks)
					})
				);
			}
		);
		request.on('error', reject);
	});
}

// The voter presses "Start": a draft, and the 303 to its first question.
const started = await fetch(`${nginx.url}/register`, {
	method: 'POST',
	redirect: 'manual',
	headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
	body: ''
});
const firstQuestion = started.headers.get('location');
if (started.status !== 303 || !firstQuestion?.endsWith('/nationality')) {
	throw new Error(`POST /register answered ${started.status} ${firstQuestion}`);
}

const page = await get(nginx.url, firstQuestion, 'identity', 'text/html');
const html = page.body.toString('utf8');
if (page.status !== 200 || !html.includes('<form'))
	throw new Error(`first question: ${page.status}`);

// What the page loads: stylesheets and modules from its tags and its Link header.
const links = [
	...page.link.matchAll(/<([^>]+)>;\s*rel="?(preload|modulepreload)"?(?:;\s*as="?(\w+)"?)?/g)
].map((m) => ({
	href: m[1],
	kind: m[2] === 'modulepreload' || m[3] === 'script' ? 'js' : m[3] === 'style' ? 'css' : 'other'
}));
const tags = [
	...[
		...html.matchAll(
			/<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"|<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g
		)
	].map((m) => ({ href: m[1] ?? m[2], kind: 'css' })),
	...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => ({
		href: m[1],
		kind: 'js'
	})),
	...[...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => ({ href: m[1], kind: 'js' })),
	...[...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((m) => ({
		href: new URL(m[1], new URL(firstQuestion, origin)).pathname,
		kind: 'js'
	}))
];
const assets = [...new Map([...links, ...tags].map((a) => [a.href, a])).values()].filter(
	(a) => a.kind !== 'other'
);

const ENCODINGS = { identity: 'identity', gzip: 'gzip', br: 'br' };
async function sizes(pathname, accept) {
	const out = {};
	for (const [name, header] of Object.entries(ENCODINGS)) {
		const viaProxy = await get(nginx.url, pathname, header, accept);
		const direct = await get(app.url, pathname, header, accept);
		out[name] = {
			bytes: viaProxy.bytes,
			encoding: viaProxy.encoding,
			appEncoding: direct.encoding,
			appBytes: direct.bytes
		};
	}
	return out;
}

const rows = [{ href: firstQuestion, kind: 'html', ...(await sizes(firstQuestion, 'text/html')) }];
for (const asset of assets) rows.push({ ...asset, ...(await sizes(asset.href)) });
// The service worker (offline drafts), if the build has one: fetched by the browser after the page
// has loaded, so it is shown apart and not counted in the page's JavaScript.
const worker = await get(nginx.url, '/service-worker.js', 'identity');
if (worker.status === 200)
	rows.push({
		href: '/service-worker.js',
		kind: 'service worker',
		...(await sizes('/service-worker.js'))
	});

const total = (kinds, encoding) =>
	rows.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + r[encoding].bytes, 0);
const sum = {
	htmlCss: Object.fromEntries(Object.keys(ENCODINGS).map((e) => [e, total(['html', 'css'], e)])),
	js: Object.fromEntries(Object.keys(ENCODINGS).map((e) => [e, total(['js'], e)]))
};

// The browser: without JavaScript the page must work as a plain form; with it, what it fetches.
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
});
const noJs = await (async () => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		baseURL: origin,
		locale: 'nl-NL'
	});
	const tab = await context.newPage();
	await tab.goto(firstQuestion);
	const scripts = await tab.locator('script').count();
	await tab.locator('input[type="radio"][value="yes"]').check();
	await Promise.all([
		tab.waitForURL(/\/residence$/),
		tab.locator('form[method="POST"] button[type="submit"]').first().click()
	]);
	const next = new URL(tab.url()).pathname;
	const heading = await tab.locator('h1, legend').first().innerText();
	await context.close();
	return { next, heading, scriptTags: scripts };
})();
const withJs = await (async () => {
	const context = await browser.newContext({ baseURL: origin, locale: 'nl-NL' });
	const tab = await context.newPage();
	const seen = [];
	let acceptEncoding = '';
	tab.on('request', async (r) => {
		if (r.resourceType() === 'document')
			acceptEncoding = (await r.allHeaders())['accept-encoding'] ?? '';
	});
	tab.on('requestfinished', async (r) => {
		const s = await r.sizes();
		seen.push({
			url: new URL(r.url()).pathname,
			type: r.resourceType(),
			body: s.responseBodySize,
			headers: s.responseHeadersSize
		});
	});
	// A fresh draft: the first one has been answered above.
	const fresh = await fetch(`${nginx.url}/register`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	await tab.goto(fresh.headers.get('location'), { waitUntil: 'networkidle' });
	await context.close();
	const by = (types) =>
		seen.filter((s) => types.includes(s.type)).reduce((a, s) => a + s.body + s.headers, 0);
	return {
		acceptEncoding,
		requests: seen,
		htmlCss: by(['document', 'stylesheet']),
		js: by(['script']),
		other: by(['image', 'font', 'manifest', 'other', 'fetch', 'xhr'])
	};
})();
await browser.close();
nginx.stop();
await app.stop();

const facts = machine();
console.log(
	`\n${facts.date.slice(0, 10)}, the first question (${firstQuestion.replace(/[A-Za-z0-9_-]{43}/, '<token>')}), through nginx ${nginx.brotli ? '(gzip 5, brotli 5)' : '(gzip 5; brotli module not installed)'} in front of one app process\n`
);
console.log(
	table(
		['resource', 'kind', 'uncompressed', 'gzip', 'brotli', 'app alone, asked for br'],
		rows.map((r) => [
			r.href.replace(/[A-Za-z0-9_-]{43}/, '<token>'),
			r.kind,
			r.identity.bytes,
			r.gzip.bytes,
			`${r.br.bytes}${r.br.encoding === 'br' ? '' : ` (${r.br.encoding})`}`,
			`${r.br.appBytes} (${r.br.appEncoding})`
		]),
		['l', 'l', 'r', 'r', 'r', 'l']
	)
);
console.log(
	`\n${table(
		['', 'uncompressed KB', 'gzip KB', 'brotli KB', 'target'],
		[
			[
				'HTML + CSS',
				kb(sum.htmlCss.identity),
				kb(sum.htmlCss.gzip),
				kb(sum.htmlCss.br),
				'≤ 14 KB compressed'
			],
			[
				`JavaScript (${rows.filter((r) => r.kind === 'js').length} modules)`,
				kb(sum.js.identity),
				kb(sum.js.gzip),
				kb(sum.js.br),
				'≤ 35 KB compressed'
			]
		],
		['l', 'r', 'r', 'r', 'l']
	)}`
);
console.log(
	`\nWithout JavaScript (Chromium, javaScriptEnabled: false): answered "yes", pressed the button, arrived at ${noJs.next} ("${noJs.heading}").`
);
console.log(
	`With JavaScript, Chromium downloaded (bodies as sent + headers, Accept-Encoding "${withJs.acceptEncoding}"): HTML + CSS ${kb(withJs.htmlCss)} KB, JavaScript ${kb(withJs.js)} KB in ${withJs.requests.filter((r) => r.type === 'script').length} requests, other ${kb(withJs.other)} KB (${withJs.requests
		.filter((r) => !['document', 'stylesheet', 'script'].includes(r.type))
		.map((r) => r.url)
		.join(', ')}).`
);
const file = writeResults('wire', {
	machine: facts,
	firstQuestion,
	brotli: nginx.brotli,
	rows,
	sum,
	noJs,
	withJs
});
console.log(`\nRaw results: ${file}`);
