import type { Handle, RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	BASELINE_HEADERS,
	WIDGET_HEADERS,
	baselineHeaders,
	isWidgetPath
} from './baseline-headers.js';
import { exceptWidget, scriptlessPolicy, securityHeaders } from './index';

describe('the widget’s exception to the baseline', () => {
	it('covers /widget/… and its language-prefixed twins only', () => {
		for (const path of [
			'/widget',
			'/widget/',
			'/widget/deadlines',
			'/en/widget/deadlines',
			'/pap/widget/deadlines'
		]) {
			expect(isWidgetPath(path), path).toBe(true);
		}
		for (const path of [
			'/',
			'/widgets',
			'/widget-deadlines',
			'/register/widget/deadlines',
			'/xx/widget/deadlines',
			'/nl/widget/deadlines',
			'/api/v1/widget',
			'/office/widget'
		]) {
			expect(isWidgetPath(path), path).toBe(false);
		}
	});

	it('drops only X-Frame-Options and sends no referrer; every other header stays', () => {
		expect(baselineHeaders('/register')).toBe(BASELINE_HEADERS);
		expect(baselineHeaders('/widget/deadlines')).toBe(WIDGET_HEADERS);
		const { 'X-Frame-Options': denied, 'Referrer-Policy': referrer, ...rest } = BASELINE_HEADERS;
		expect(denied).toBe('DENY');
		expect(referrer).toBe('same-origin');
		expect(WIDGET_HEADERS).toEqual({ ...rest, 'Referrer-Policy': 'no-referrer' });
		// The fallback policy still forbids framing: only the widget's own route allows it.
		expect(WIDGET_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
	});
});

type Locals = App.Locals;

/** Just enough of a request event for the hooks under test. */
function eventFor(path: string): RequestEvent {
	const locals = { session: undefined } as unknown as Locals;
	return { url: new URL(path, 'http://localhost'), locals } as unknown as RequestEvent;
}

/** A response as a route (or a later hook) might make it, with a cookie and a policy of its own. */
const routeResponse = (csp?: string) => {
	const headers = new Headers({ 'set-cookie': 'lang=en; Path=/' });
	if (csp) headers.set('content-security-policy', csp);
	return new Response('ok', { headers });
};

describe('securityHeaders', () => {
	it('lets the widget keep its own policy, without X-Frame-Options and without a cookie', async () => {
		const response = await securityHeaders({
			event: eventFor('/widget/deadlines'),
			resolve: async () => routeResponse("default-src 'none'; frame-ancestors *")
		});
		expect(response.headers.get('content-security-policy')).toBe(
			"default-src 'none'; frame-ancestors *"
		);
		expect(response.headers.get('x-frame-options')).toBeNull();
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('strict-transport-security')).toBe(
			BASELINE_HEADERS['Strict-Transport-Security']
		);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('permissions-policy')).toMatch(/^camera=\(\)/);
	});

	it('gives anything else under /widget/ the policy that forbids framing', async () => {
		const response = await securityHeaders({
			event: eventFor('/en/widget/nothing-here'),
			resolve: async () => new Response('not found', { status: 404 })
		});
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	it('keeps X-Frame-Options and the cookies of every other page', async () => {
		const response = await securityHeaders({
			event: eventFor('/elections'),
			resolve: async () => routeResponse()
		});
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('set-cookie')).toBe('lang=en; Path=/');
		expect(response.headers.get('content-security-policy')).toBe(
			BASELINE_HEADERS['Content-Security-Policy']
		);
	});
});

describe('exceptWidget', () => {
	const calls: string[] = [];
	const handle: Handle = ({ event, resolve }) => {
		calls.push(event.url.pathname);
		return resolve(event);
	};
	const wrapped = exceptWidget(handle);

	it('skips the hook for the widget, which then has no session', async () => {
		calls.length = 0;
		const event = eventFor('/widget/deadlines?lang=en');
		const response = await wrapped({ event, resolve: async () => new Response('widget') });
		expect(await response.text()).toBe('widget');
		expect(calls).toEqual([]);
		expect(event.locals.session).toBeNull();
	});

	it('runs it for every other path', async () => {
		calls.length = 0;
		for (const path of ['/', '/register', '/en/elections', '/widgets']) {
			await wrapped({ event: eventFor(path), resolve: async () => new Response('page') });
		}
		expect(calls).toEqual(['/', '/register', '/en/elections', '/widgets']);
	});
});

describe('a page sent without scripts', () => {
	it('allows no script at all; a page with its scripts keeps their nonce or hash', () => {
		expect(scriptlessPolicy("default-src 'self'; script-src 'self'; object-src 'none'")).toBe(
			"default-src 'self'; script-src 'none'; object-src 'none'"
		);
		expect(scriptlessPolicy("script-src 'self'")).toBe("script-src 'none'");
		for (const csp of [
			"default-src 'self'; script-src 'self' 'nonce-abc=='; object-src 'none'",
			"script-src 'self' 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='",
			"default-src 'none'; style-src 'self'"
		]) {
			expect(scriptlessPolicy(csp), csp).toBe(csp);
		}
		// script-src-elem or -attr are other directives, left as they are.
		expect(scriptlessPolicy("script-src-elem 'self'")).toBe("script-src-elem 'self'");
	});
});
