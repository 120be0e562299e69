import type { RequestEvent } from '@sveltejs/kit';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressPublicPages } from './compression';
import { securityHeaders } from './index';

// A page big enough to compress, which repeats itself as HTML does.
const PAGE = `<!doctype html><html><body>${'<p>Stemmen vanuit het buitenland</p>'.repeat(200)}</body></html>`;

async function answer(
	path: string,
	options: {
		method?: string;
		accept?: string;
		signedIn?: boolean;
		type?: string;
		cookie?: string;
	} = {}
) {
	const url = new URL(path, 'http://localhost');
	const event = {
		url,
		request: new Request(url, {
			method: options.method ?? 'GET',
			headers: { 'accept-encoding': options.accept ?? 'gzip, deflate, br, zstd' }
		}),
		locals: { session: options.signedIn ? { accountId: 'a' } : null }
	} as unknown as RequestEvent;
	// As in hooks.server.ts: the compression outside, the security headers inside it.
	const resolve = async () => {
		const headers = new Headers({ 'content-type': options.type ?? 'text/html' });
		if (options.cookie) headers.append('set-cookie', options.cookie);
		return new Response(event.request.method === 'HEAD' ? null : PAGE, { headers });
	};
	const response = await compressPublicPages({
		event,
		resolve: (inner) => securityHeaders({ event: inner, resolve })
	});
	const bytes = Buffer.from(await response.arrayBuffer());
	const encoding = response.headers.get('content-encoding');
	const text = (
		bytes.length === 0
			? bytes
			: encoding === 'br'
				? brotliDecompressSync(bytes)
				: encoding === 'gzip'
					? gunzipSync(bytes)
					: bytes
	).toString('utf8');
	return { response, bytes, encoding, text };
}

describe('compressing public pages', () => {
	it('compresses a page that is the same for everyone, with brotli, and it reads back whole', async () => {
		const { response, bytes, encoding, text } = await answer('/en/elections');
		expect(encoding).toBe('br');
		expect(text).toBe(PAGE);
		expect(bytes.length).toBeLessThan(PAGE.length / 10);
		expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
		// The security headers are still there.
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('uses gzip for a browser that takes no brotli, and nothing for one that takes neither', async () => {
		expect((await answer('/en/register', { accept: 'gzip' })).encoding).toBe('gzip');
		expect((await answer('/en/register', { accept: 'gzip' })).text).toBe(PAGE);
		const plain = await answer('/en/register', { accept: 'identity' });
		expect(plain.encoding).toBeNull();
		expect(plain.text).toBe(PAGE);
		// A cache must still know the answer depends on what was asked.
		expect(plain.response.headers.get('vary')).toMatch(/Accept-Encoding/);
	});

	it('answers a HEAD with the headers of the GET, and no body', async () => {
		const head = await answer('/en/elections', { method: 'HEAD' });
		expect(head.encoding).toBe('br');
		expect(head.response.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(head.bytes.length).toBe(0);
	});

	it('never compresses a page with a secret in it (BREACH): drafts, account, office, signed in', async () => {
		for (const path of [
			'/en/register/abcdefghijabcdefghijabcdefghijabcdefghij123/nationality',
			'/status',
			'/en/account',
			'/office/applications',
			'/associations/links'
		]) {
			const { response, encoding, text } = await answer(path);
			expect(encoding, path).toBeNull();
			expect(text, path).toBe(PAGE);
			expect(response.headers.get('cache-control'), path).toBe('private, no-store');
		}
		expect((await answer('/en/elections', { signedIn: true })).encoding).toBeNull();
		// Routes match the decoded path: an escaped letter does not make a draft page public.
		const escaped = await answer('/%72egister/abcdefghijabcdefghijabcdefghijabcdefghij123/check');
		expect(escaped.encoding).toBeNull();
		expect(escaped.response.headers.get('cache-control')).toBe('private, no-store');
		// A malformed escape matches no route; it is treated as personal all the same.
		expect((await answer('/en/%E0%A4%A')).encoding).toBeNull();
	});

	it('never lets a cache keep a page that sets a cookie (a session cleared, say)', async () => {
		const { response, encoding } = await answer('/en/elections', {
			cookie: '__Host-session=; Max-Age=0; Path=/; Secure; HttpOnly'
		});
		expect(encoding).toBeNull();
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('set-cookie')).toMatch(/^__Host-session=;/);
	});

	it('leaves posts and what is not HTML alone', async () => {
		expect((await answer('/en/register', { method: 'POST' })).encoding).toBeNull();
		expect((await answer('/api/v1/elections', { type: 'application/json' })).encoding).toBeNull();
	});

	it('reads Accept-Encoding with its weights', () => {
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('gzip;q=0.5, br;q=1.0')).toBe('br');
		expect(chooseEncoding('GZIP')).toBe('gzip');
		expect(chooseEncoding('')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
		expect(chooseEncoding('deflate')).toBeNull();
	});
});
