// `npm start`: the built server with the defaults a voter's upload needs. adapter-node refuses
// request bodies over 512 kB unless BODY_SIZE_LIMIT says otherwise, and a phone photo of a
// passport is several MB: allow two files of UPLOAD_MAX_BYTES (10 MiB each) and the form around
// them. The environment still wins.
import http from 'node:http';
import { baselineHeaders } from '../src/lib/server/platform/baseline-headers.js';

process.env.BODY_SIZE_LIMIT ??= '25M';

// RFC 8058: a mail program's one-click unsubscribe is a POST from its own servers with no Origin
// header, which SvelteKit's CSRF check refuses before any hook runs. On that path alone the
// secret in the URL is the proof (src/routes/(voter)/reminders/unsubscribe/[token]), so a POST
// without an Origin is given this server's; a browser's cross-site POST carries its own Origin and
// is still refused.
const ONE_CLICK = /^\/(?:[a-z]{2,3}\/)?reminders\/unsubscribe\/[A-Za-z0-9_-]{43}$/;
/** The origin adapter-node gives the request: ORIGIN, or its protocol and host headers. */
const ownOrigin = (/** @type {import('node:http').IncomingHttpHeaders} */ headers) => {
	if (process.env.ORIGIN) return process.env.ORIGIN;
	const header = (/** @type {string | undefined} */ name) =>
		name
			? String(headers[name.toLowerCase()] ?? '')
					.split(',')[0]
					?.trim()
			: '';
	return `${header(process.env.PROTOCOL_HEADER) || 'https'}://${header(process.env.HOST_HEADER) || headers.host}`;
};

// adapter-node serves the app's static files (scripts, styles, icons) before SvelteKit's hooks
// run, so the hook's security headers never reach them. Set the baseline on every response
// first: SvelteKit's own answers replace what they set themselves (a page's CSP with nonces).
// By path, because a header set here stays unless SvelteKit sets it again: the widget's
// (/widget/…) must not get the X-Frame-Options that would forbid embedding it.
const createServer = http.createServer;
// @ts-expect-error the overloads of createServer are passed through unchanged
http.createServer = (...args) => {
	const server = createServer(...args);
	server.prependListener('request', (request, response) => {
		const pathname = (request.url ?? '/').split('?')[0] ?? '/';
		for (const [name, value] of Object.entries(baselineHeaders(pathname))) {
			response.setHeader(name, value);
		}
		if (request.method === 'POST' && !request.headers.origin && ONE_CLICK.test(pathname)) {
			request.headers.origin = ownOrigin(request.headers);
		}
	});
	return server;
};

await import('../build/index.js');
