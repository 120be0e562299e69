/**
 * The three benchmarked requests as autocannon request objects, shared by bench/http.mjs and
 * bench/scale-out.ts:
 *
 *   step       POST /register/<token>/nationality, value=yes, as a browser without JavaScript
 *   status     GET /account/status with a voter's session cookie
 *   elections  GET /api/v1/elections
 */
const FORM = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };

/** Starts `count` drafts as voters do (POST /register, 303 to the first step); returns their tokens. */
export async function startDrafts(url, origin, count) {
	const tokens = [];
	for (let i = 0; i < count; i += 20) {
		await Promise.all(
			Array.from({ length: Math.min(20, count - i) }, async () => {
				const response = await fetch(`${url}/register`, {
					method: 'POST',
					redirect: 'manual',
					headers: { ...FORM, origin },
					body: ''
				});
				const token = /\/register\/([A-Za-z0-9_-]{43})\//.exec(
					response.headers.get('location') ?? ''
				)?.[1];
				if (response.status !== 303 || !token)
					throw new Error(`POST /register: ${response.status}`);
				tokens.push(token);
			})
		);
	}
	return tokens;
}

/**
 * The request objects for drafts `tokens` and session `cookies`. Drafts not being answered right
 * now wait in a queue, oldest first: a post takes one and gives it back when its answer arrives,
 * so no draft is ever posted to twice at once, as one voter's browser never does (two at once
 * would meet the optimistic lock: a case for a test, not a benchmark). A draft whose answer never
 * came (a run ended with it in flight) is not handed out again.
 */
export function scenarios(tokens, cookies) {
	const free = [...tokens];
	return function requestOf(scenario, origin) {
		let i = 0;
		if (scenario === 'step') {
			return {
				method: 'POST',
				headers: { ...FORM, origin },
				body: 'value=yes',
				// autocannon calls setupRequest before each request, onResponse with the same context.
				setupRequest: (req, context) => {
					context.token = free.shift();
					if (!context.token) throw new Error('no free draft left: start more drafts');
					return { ...req, path: `/register/${context.token}/nationality` };
				},
				onResponse: (status, body, context) => free.push(context.token)
			};
		}
		if (scenario === 'status') {
			return {
				method: 'GET',
				path: '/account/status',
				setupRequest: (req) => ({
					...req,
					headers: { accept: 'text/html', cookie: cookies[i++ % cookies.length] }
				})
			};
		}
		if (scenario === 'elections') {
			return { method: 'GET', path: '/api/v1/elections', headers: { accept: 'application/json' } };
		}
		throw new Error(`unknown scenario ${scenario}`);
	};
}

/** Sends a scenario's request once with fetch; throws unless it is answered as expected. */
export async function check(requestOf, scenario, url, origin) {
	const req = requestOf(scenario, origin);
	const context = {};
	const made = req.setupRequest ? req.setupRequest({ ...req }, context) : req;
	const response = await fetch(url + made.path, {
		method: made.method,
		headers: made.headers,
		body: made.body,
		redirect: 'manual'
	});
	const body = await response.text();
	req.onResponse?.(response.status, body, context);
	const expected = scenario === 'step' ? 303 : 200;
	if (response.status !== expected)
		throw new Error(`${url} ${scenario}: ${response.status} ${body.slice(0, 200)}`);
	if (scenario === 'status' && !body.includes('<main'))
		throw new Error(`${url} status: not a page`);
}
