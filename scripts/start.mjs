// `npm start`: the built server with the defaults a voter's upload needs. adapter-node refuses
// request bodies over 512 kB unless BODY_SIZE_LIMIT says otherwise, and a phone photo of a
// passport is several MB: allow two files of UPLOAD_MAX_BYTES (10 MiB each) and the form around
// them. The environment still wins.
import http from 'node:http';
import { baselineHeaders } from '../src/lib/server/platform/baseline-headers.js';

process.env.BODY_SIZE_LIMIT ??= '25M';

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
	});
	return server;
};

await import('../build/index.js');
