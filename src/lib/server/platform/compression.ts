import type { Handle } from '@sveltejs/kit';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';

// Off the event loop's thread: other requests go on while a page is compressed.
const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

/**
 * Compresses a page that is the same for everyone (issue 6: the elections overview is 70 kB of
 * HTML, 11 kB compressed). adapter-node compresses the static files itself but never a page.
 *
 * Only public pages, because of BREACH: a compressed page whose length an attacker can watch
 * leaks a secret in it, bit by bit, when it also reflects something the attacker chose. A page
 * with a secret in it (a draft behind its token, the account, the office, anything answered to a
 * signed-in browser) is exactly the page `securityHeaders` marks `no-store`; those stay as they
 * are. So does anything but a GET of HTML.
 */
export const compressPublicPages: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const method = event.request.method;
	if (
		(method !== 'GET' && method !== 'HEAD') ||
		response.headers.has('content-encoding') ||
		!(response.headers.get('content-type') ?? '').startsWith('text/html') ||
		/no-store|private/.test(response.headers.get('cache-control') ?? '')
	) {
		return response;
	}
	// Whatever this browser is sent, a cache must not give it to one that asked differently.
	const headers = new Headers(response.headers);
	headers.append('Vary', 'Accept-Encoding');
	const encoding = chooseEncoding(event.request.headers.get('accept-encoding'));
	const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
	const init = { status: response.status, statusText: response.statusText, headers };
	if (!encoding || (body && body.length < MIN_BYTES)) {
		return new Response(body ? new Uint8Array(body) : null, init);
	}
	// HEAD answers with the headers the GET would have.
	headers.set('Content-Encoding', encoding);
	headers.delete('Content-Length');
	return new Response(body ? new Uint8Array(await compress(body, encoding)) : null, init);
};

// Below one packet, compressing gains nothing on the wire.
const MIN_BYTES = 1400;

/** Brotli where the browser takes it (every current one over HTTPS), else gzip, else none. */
export function chooseEncoding(accept: string | null): 'br' | 'gzip' | null {
	const offered = new Map(
		(accept ?? '').split(',').map((part) => {
			const [name = '', ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
			return [name.trim(), q === undefined ? 1 : Number(q)] as const;
		})
	);
	if ((offered.get('br') ?? 0) > 0) return 'br';
	if ((offered.get('gzip') ?? 0) > 0) return 'gzip';
	return null;
}

/** Brotli at quality 5: most of quality 11's gain, in a few milliseconds for a large page. */
export function compress(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
	return encoding === 'br'
		? brotli(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 5,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.length
				}
			})
		: gzip(body, { level: 6 });
}
