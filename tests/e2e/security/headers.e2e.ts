/**
 * Security headers on every response (issue 8): every route found in src/routes, asked for by
 * GET (and POST where it takes one) anonymously and as a signed-in admin, every static file and
 * the app's own scripts and styles, redirects, errors and unknown paths. Each answer must carry a
 * strict Content-Security-Policy (no unsafe-inline or unsafe-eval, object-src and base-uri
 * 'none', no framing; a page's scripts only by nonce or hash), HSTS for a year with subdomains,
 * nosniff, a strict Referrer-Policy and a Permissions-Policy that blocks the camera everywhere
 * but the intake page.
 *
 * One exception, asserted as precisely as the rule: the deadline widget (/widget/…, issue 5),
 * which associations embed in their sites. Its document may be framed by any site
 * (`frame-ancestors *`, no X-Frame-Options), runs nothing (`script-src 'none'`), is public for
 * five minutes, sends no referrer and never sets a cookie, signed in or not; everything else under
 * /widget/ (a refused POST, an unknown path) still cannot be framed.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseURL');
const ROUTES = 'src/routes';

/** Every directory under src/routes with a page or an endpoint, as its route id. */
function routeIds(dir = ROUTES): string[] {
	const here = readdirSync(dir);
	const own =
		here.includes('+page.svelte') || here.includes('+server.ts')
			? [dir.slice(ROUTES.length) || '/']
			: [];
	return [
		...own,
		...here
			.filter((name) => statSync(path.join(dir, name)).isDirectory())
			.flatMap((name) => routeIds(path.join(dir, name)))
	];
}

type Samples = { registration: string; change: string; changeStep: string };

/** A concrete path for a route id: groups dropped, each parameter given a value that resolves. */
function concrete(id: string, s: Samples): string {
	const generic = id.includes('[journey=journey]');
	const replaced = id
		.split('/')
		.filter((segment) => !/^\(.+\)$/.test(segment))
		.map((segment) =>
			segment
				.replace('[journey=journey]', 'change')
				.replace('[token]', generic ? s.change : s.registration)
				.replace('[step]', generic ? s.changeStep : 'nationality')
				.replace('[slug]', 'TK-2030')
				.replace('[reference]', 'K7QX-2M9P-4TZA')
				.replace(/\[(id|upload)\]/, '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d')
		)
		.join('/');
	return replaced || '/';
}

type Checked = { url: string; status: number; problems: string[]; widgetDocument: boolean };

/** The widget's paths and their language-prefixed twins (baseline-headers.js WIDGET_PATH). */
const WIDGET = /^(\/[a-z]{2,3})?\/widget(\/|$)/;

/** What is wrong with one response's headers (nothing, for a good one). */
function problemsOf(response: Response, pathname: string): string[] {
	const h = response.headers;
	const problems: string[] = [];
	const widget = WIDGET.test(pathname);
	const html = (h.get('content-type') ?? '').startsWith('text/html');
	// The widget's own document: the one response any site may frame.
	const widgetDocument = widget && html && response.status === 200;
	const csp = h.get('content-security-policy') ?? '';
	const directives = new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
	if (!csp) problems.push('no Content-Security-Policy');
	if (/'unsafe-inline'|'unsafe-eval'/.test(csp)) problems.push(`unsafe CSP: ${csp}`);
	for (const [name, value] of [
		['object-src', "'none'"],
		['base-uri', "'none'"],
		['frame-ancestors', widgetDocument ? '*' : "'none'"]
	] as const) {
		if (directives.get(name)?.join(' ') !== value) problems.push(`${name} is not ${value}`);
	}
	// X-Frame-Options cannot say "any site": the widget's paths go without it (framing is then the
	// policy's frame-ancestors alone, 'none' but for the widget's document); every other answer
	// forbids framing with it too.
	const frameOptions = h.get('x-frame-options');
	if (widget ? frameOptions !== null : frameOptions !== 'DENY') {
		problems.push(`X-Frame-Options: ${frameOptions}`);
	}
	if (widgetDocument) {
		// Nothing runs in someone else's page; its one stylesheet applies by hash.
		if (directives.get('script-src')?.join(' ') !== "'none'") {
			problems.push(`widget script-src: ${directives.get('script-src')?.join(' ')}`);
		}
		const styles = directives.get('style-src') ?? [];
		if (styles.length === 0 || !styles.every((v) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(v))) {
			problems.push(`widget style-src: ${styles.join(' ')}`);
		}
		if (h.get('cache-control') !== 'public, max-age=300') {
			problems.push(`widget Cache-Control: ${h.get('cache-control')}`);
		}
	} else if (html && response.status === 200) {
		// A page's own scripts run by nonce or hash only, never by being inline; a page sent
		// without scripts (the elections overview) runs none.
		const scripts = directives.get('script-src') ?? [];
		const none = scripts.join(' ') === "'none'";
		if (!none && !scripts.some((v) => /^'(nonce-|sha256-)/.test(v))) {
			problems.push(`script-src without nonce or hash: ${scripts.join(' ')}`);
		}
	}
	// The widget never sets a cookie: no session, no remembered language, signed in or not.
	if (widget && h.get('set-cookie') !== null)
		problems.push(`widget Set-Cookie: ${h.get('set-cookie')}`);
	if (h.get('strict-transport-security') !== 'max-age=31536000; includeSubDomains') {
		problems.push(`HSTS: ${h.get('strict-transport-security')}`);
	}
	if (h.get('x-content-type-options') !== 'nosniff') problems.push('no nosniff');
	// The widget sends none: nothing about the page it sits in, nor itself, follows its links.
	const referrers = widget ? ['no-referrer'] : ['same-origin', 'no-referrer', 'strict-origin'];
	if (!referrers.includes(h.get('referrer-policy') ?? '')) {
		problems.push(`Referrer-Policy: ${h.get('referrer-policy')}`);
	}
	const camera = /^(\/[a-z]{2,3})?\/office\/intake\/?$/.test(pathname)
		? 'camera=(self)'
		: 'camera=()';
	const permissions = h.get('permissions-policy') ?? '';
	if (!permissions.startsWith(`${camera}, microphone=(), geolocation=()`)) {
		problems.push(`Permissions-Policy: ${permissions}`);
	}
	// A draft's pages (behind its secret token) are personal: no cache may keep them.
	if (
		/\/[A-Za-z0-9_-]{43}(\/|$)/.test(pathname) &&
		!/no-store/.test(h.get('cache-control') ?? '')
	) {
		problems.push(`Cache-Control of a draft page: ${h.get('cache-control')}`);
	}
	return problems;
}

async function check(
	pathname: string,
	init: RequestInit & { headers?: Record<string, string> } = {}
): Promise<Checked> {
	const url = new URL(pathname, base);
	const response = await fetch(url, { redirect: 'manual', ...init });
	await response.arrayBuffer();
	return {
		url: `${init.method ?? 'GET'} ${pathname}`,
		status: response.status,
		problems: problemsOf(response, url.pathname),
		widgetDocument:
			WIDGET.test(url.pathname) &&
			response.status === 200 &&
			(response.headers.get('content-security-policy') ?? '').includes('frame-ancestors *')
	};
}

/** A session cookie of the admin the e2e set-up enrolled (Playwright storage state). */
function adminCookie(): string {
	const state = JSON.parse(inject('adminStorageState') ?? '{"cookies":[]}') as {
		cookies: { name: string; value: string }[];
	};
	const cookies = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	expect(cookies).toContain('session');
	return cookies;
}

async function startDraft(journey: string): Promise<{ token: string; step: string }> {
	const response = await fetch(new URL(`/${journey}`, base), {
		method: 'POST',
		body: new URLSearchParams(),
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html' }
	});
	const match = /\/([A-Za-z0-9_-]{43})\/([a-z_]+)$/.exec(response.headers.get('location') ?? '');
	expect(match, `${journey}: ${response.headers.get('location')}`).not.toBeNull();
	return { token: match![1]!, step: match![2]! };
}

describe('security headers', () => {
	it('are on every route, anonymous and signed in, GET and POST', async () => {
		const registration = await startDraft('register');
		const change = await startDraft('change');
		const samples = {
			registration: registration.token,
			change: change.token,
			changeStep: change.step
		};
		const ids = routeIds();
		expect(ids.length).toBeGreaterThan(60);
		const paths = ids.map((id) => concrete(id, samples));
		// Localised twins, and pages the server only redirects; the widget in a language, with a
		// guided link, with a query it ignores, and a path under it that does not exist.
		paths.push('/en', '/en/register', '/de/elections', '/pap/status', '/?lang=fr');
		paths.push(
			'/en/widget/deadlines',
			'/widget/deadlines?lang=de&link=abcdEFGH1234',
			'/widget/deadlines?lang=%3Cb%3E&link=..%2F..',
			'/widget/no-such-widget'
		);
		const cookie = adminCookie();
		const results: Checked[] = [];
		const statuses = new Set<number>();
		for (const pathname of paths) {
			for (const headers of [{}, { cookie }] as Record<string, string>[]) {
				const got = await check(pathname, { headers });
				statuses.add(got.status);
				results.push(got);
			}
			// A form post without a valid body: refused or redirected, headers all the same.
			const posted = await check(pathname, {
				method: 'POST',
				body: new URLSearchParams({ value: 'x' }),
				headers: { origin: base, accept: 'text/html' }
			});
			statuses.add(posted.status);
			results.push(posted);
		}
		expect(results.filter((r) => r.problems.length > 0)).toEqual([]);
		// The sweep did meet pages, redirects, refusals and missing things, not one kind only.
		for (const status of [200, 303, 400, 404]) expect([...statuses]).toContain(status);
		// And the widget's document, anonymous and signed in, under the exception checked above;
		// its POST was refused under the rule (not framable).
		expect(
			results.filter((r) => r.widgetDocument).map((r) => r.url),
			'widget documents'
		).toEqual(
			[
				'/widget/deadlines',
				'/en/widget/deadlines',
				'/widget/deadlines?lang=de&link=abcdEFGH1234',
				'/widget/deadlines?lang=%3Cb%3E&link=..%2F..'
			].flatMap((p) => [`GET ${p}`, `GET ${p}`])
		);
		expect([...statuses].filter((s) => s >= 500)).toEqual([]);
	}, 300_000);

	it('are on the refusal of a form posted from another site (CSRF), which changes nothing', async () => {
		for (const pathname of ['/register', '/status', '/change', '/office/applications']) {
			const response = await fetch(new URL(pathname, base), {
				method: 'POST',
				body: new URLSearchParams({ value: 'yes' }),
				redirect: 'manual',
				headers: { origin: 'https://evil.example', accept: 'text/html' }
			});
			await response.arrayBuffer();
			// SvelteKit's origin check answers before any hook or action runs: no draft is made.
			expect(response.status, pathname).toBe(403);
			expect(response.headers.get('location')).toBeNull();
			expect(problemsOf(response, pathname)).toEqual([]);
		}
	});

	it('are on static files, the app’s scripts and styles, errors and unknown paths', async () => {
		const start = await fetch(new URL('/', base));
		const html = await start.text();
		// Links, preloads and the bootstrap's imports, relative to the start page ("./_app/…").
		const assets = [...html.matchAll(/_app\/immutable\/[^"'\s)]+/g)].map((m) => `/${m[0]}`);
		expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
		expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
		const statics = readdirSync('static')
			.filter((name) => statSync(path.join('static', name)).isFile())
			.map((name) => `/${name}`);
		expect(statics.length).toBeGreaterThan(0);
		const results: Checked[] = [];
		for (const pathname of [
			...new Set(assets),
			...statics,
			'/_app/immutable/no-such-file.js',
			'/no-such-page',
			'/en/no-such-page',
			'/api/v1/no-such-thing',
			'/api/v1/cutoffs?electionDay=2027-02-31&type=KNI'
		]) {
			results.push(await check(pathname));
		}
		expect(results.filter((r) => r.problems.length > 0)).toEqual([]);
		expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(statics.length);
	}, 120_000);

	it('let the service worker fetch this site, and nothing else', async () => {
		const worker = await check('/service-worker.js');
		expect(worker).toMatchObject({ status: 200, problems: [] });
		const response = await fetch(new URL('/service-worker.js', base));
		expect(response.headers.get('content-security-policy')).toBe(
			"default-src 'none'; connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'"
		);
		for (const icon of ['/icons/icon-192.png', '/icons/icon-maskable-512.png']) {
			expect(await check(icon)).toMatchObject({ status: 200, problems: [] });
		}
	});
});
