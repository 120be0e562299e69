/**
 * Hostile input (issue 8): every public form endpoint and API route gets at least 1,000 generated
 * invalid or hostile requests (fast-check): malformed UTF-8, wrong content types, wrong shapes,
 * repeated fields, markup and control characters, very long values, steps posted out of order and
 * replayed. The answer is always a 4xx or a redirect with a page, never a 5xx; the draft being
 * attacked still opens afterwards. Office actions without a session never do anything: every
 * one, found by reading the route files, answers with the sign-in redirect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseURL');
const RUNS = 1000;

// A journey's steps, read from its definition (e2e tests cannot import `$lib`).
const stepsOf = (journey: string) =>
	[
		...readFileSync(`src/lib/journeys/${journey}/index.ts`, 'utf8').matchAll(/^\t\tid: '(\w+)',$/gm)
	].map((m) => m[1]!);
const STEPS = stepsOf('registration');
// The journeys on the generic pages: their start path and their folder under src/lib/journeys.
const GENERIC = ['change', 'vote-choice', 'temporarily-abroad', 'replacement'];

type Body = { body: BodyInit | null; type: string | null };

async function send(
	pathname: string,
	{ body, type }: Body,
	method = 'POST',
	extra: Record<string, string> = {}
): Promise<Response> {
	// A browser's form post: the page (or its redirect) comes back, not an action's JSON.
	const headers: Record<string, string> = { origin: base, accept: 'text/html', ...extra };
	if (type) headers['content-type'] = type;
	return fetch(new URL(pathname, base), { method, body, headers, redirect: 'manual' });
}

// Strings an attacker or a broken client sends.
const HOSTILE = [
	'<script>alert(1)</script>',
	"' OR '1'='1' --",
	'"; DROP TABLE drafts; --',
	'\u202Eevil\u202C',
	'\u0000\u0001\u0007',
	'../../../../etc/passwd',
	'=HYPERLINK("http://x")',
	'{{7*7}}${7*7}',
	'%00%FF%FE',
	'\uFEFF\u200B\u2060',
	'𝕳𝖊𝖑𝖑𝖔 🗳️',
	'-1',
	'1e309',
	'NaN',
	'2024-02-30',
	'99999999999999999999'
];
const text = fc.oneof(
	fc.constantFrom(...HOSTILE),
	fc.string({ unit: 'binary', maxLength: 64 }),
	fc.string({ unit: 'grapheme', maxLength: 64 }),
	fc.string({ minLength: 2_000, maxLength: 20_000 })
);
const fieldName = (known: string[]) =>
	fc.oneof(
		fc.constantFrom(...known, 'value'),
		fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })
	);

/** A body of any shape: form-encoded, multipart, JSON, raw bytes (invalid UTF-8 too), or none. */
function bodies(known: string[]): fc.Arbitrary<Body> {
	const fields = fc.array(fc.tuple(fieldName(known), text), { maxLength: 12 });
	return fc.oneof(
		fields.map((pairs) => ({
			body: new URLSearchParams(pairs).toString(),
			type: 'application/x-www-form-urlencoded'
		})),
		fields.map((pairs) => {
			const form = new FormData();
			for (const [k, v] of pairs) form.append(k, v);
			return { body: form, type: null };
		}),
		fc.json().map((json) => ({ body: json, type: 'application/json' })),
		fc.uint8Array({ maxLength: 512 }).map((bytes) => ({
			body: Buffer.from(bytes),
			type: fc.sample(
				fc.constantFrom(
					'application/x-www-form-urlencoded',
					'multipart/form-data; boundary=x',
					'application/json',
					'text/plain'
				),
				1
			)[0]!
		})),
		// Invalid UTF-8, raw and percent-encoded.
		fc.constantFrom(
			{
				body: Buffer.from([0x76, 0x61, 0x6c, 0x75, 0x65, 0x3d, 0xc3, 0x28]),
				type: 'application/x-www-form-urlencoded'
			},
			{ body: 'value=%FF%FE%C3%28', type: 'application/x-www-form-urlencoded' },
			{ body: 'multipart garbage', type: 'multipart/form-data' },
			{ body: null, type: null }
		)
	);
}

/** Runs `check` on every input, `width` at a time; returns the inputs it failed on. */
async function each<T>(inputs: T[], check: (input: T) => Promise<boolean>, width = 4) {
	const failed: T[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < inputs.length) {
				const input = inputs[next++]!;
				if (!(await check(input))) failed.push(input);
			}
		})
	);
	return failed;
}

const describeBody = ({ body, type }: Body) =>
	`${type ?? 'no type'}: ${body instanceof FormData ? JSON.stringify([...body.entries()]) : String(body).slice(0, 200)}`;

/** RUNS generated bodies to `pathname`, four at a time: none may get a 5xx. */
async function neverFails(pathname: string, known: string[]) {
	const seen = new Set<number>();
	const failed = await each(fc.sample(bodies(known), RUNS), async (body) => {
		const response = await send(pathname, body);
		await response.arrayBuffer();
		seen.add(response.status);
		return response.status < 500;
	});
	expect(failed.map(describeBody), pathname).toEqual([]);
	return seen;
}

/** A new registration draft: its resume path, e.g. /register/<token>. */
async function newDraft(): Promise<string> {
	const response = await send('/register', { body: '', type: 'application/x-www-form-urlencoded' });
	const location = response.headers.get('location') ?? '';
	expect(response.status, location).toBe(303);
	return location.replace(/\/[^/]+$/, '');
}

const STEP_FIELDS = [
	'value',
	'country',
	'types',
	'first_names',
	'surname',
	'dob_day',
	'dob_month',
	'dob_year',
	'sex',
	'address_line1',
	'email',
	'phone',
	'bsn',
	'channel'
];

describe('hostile input never causes a server error', () => {
	it('on the registration start', async () => {
		await neverFails('/register', []);
	}, 300_000);

	it('on every registration step, out of order and at once, and the draft still opens', async () => {
		const draft = await newDraft();
		expect(STEPS).toContain('nationality');
		for (const step of STEPS) {
			const seen = await neverFails(`${draft}/${step}`, STEP_FIELDS);
			// Refused, or redirected elsewhere in the journey: the server decides the path.
			expect(
				[...seen].every((s) => [200, 303, 400, 409, 413, 415].includes(s)),
				`${step}: ${[...seen]}`
			).toBe(true);
		}
		await neverFails(`${draft}/check`, []);
		const resume = await fetch(new URL(draft, base), { redirect: 'follow' });
		expect(resume.status).toBe(200);
	}, 1_200_000);

	for (const journey of GENERIC) {
		it(`on the ${journey} journey: its start, and any of its steps in any order`, async () => {
			await neverFails(`/${journey}`, []);
			const started = await send(`/${journey}`, {
				body: '',
				type: 'application/x-www-form-urlencoded'
			});
			expect(started.status).toBe(303);
			const draft = (started.headers.get('location') ?? '').replace(/\/[^/]+$/, '');
			const steps = stepsOf(journey);
			expect(steps.length).toBeGreaterThan(2);
			const inputs = fc.sample(
				fc.tuple(fc.constantFrom(...steps, 'check', 'done', 'no-such-step'), bodies(STEP_FIELDS)),
				RUNS
			);
			const failed = await each(inputs, async ([step, body]) => {
				const response = await send(`${draft}/${step}`, body);
				await response.arrayBuffer();
				return response.status < 500;
			});
			expect(failed.map(([step, body]) => `${step} ${describeBody(body)}`)).toEqual([]);
			const resume = await fetch(new URL(draft, base), { redirect: 'follow' });
			expect(resume.status).toBe(200);
		}, 600_000);
	}

	it('on the status request', async () => {
		await neverFails('/status', [
			'surname',
			'first_names',
			'dob_day',
			'dob_month',
			'dob_year',
			'country',
			'answer_by',
			'email'
		]);
	}, 300_000);

	it('on the passkey endpoints of voters and staff', async () => {
		for (const endpoint of [
			'/account/sign-in/options',
			'/account/sign-in/verify',
			'/account/create/options',
			'/account/create/verify',
			'/office/sign-in/options',
			'/office/sign-in/verify',
			'/office/enrol/not-a-real-token/options',
			'/office/enrol/not-a-real-token/verify',
			'/associations/sign-in/options',
			'/associations/sign-in/verify',
			'/associations/join/not-a-real-token/options',
			'/associations/join/not-a-real-token/verify'
		]) {
			await neverFails(endpoint, ['name', 'displayName', 'response']);
		}
	}, 900_000);

	it('on an association’s request and a guided link’s start', async () => {
		await neverFails('/associations/request', ['name', 'country', 'website', 'email']);
		await neverFails('/via/unknownCode123456789', ['code']);
	}, 600_000);

	it('on the public API, with any query', async () => {
		const queries = fc.array(fc.tuple(fc.constantFrom('electionDay', 'type', 'x', ''), text), {
			maxLength: 6
		});
		for (const endpoint of ['/api/v1/cutoffs', '/api/v1/elections', '/api/v1/elections.ics']) {
			const failed = await each(fc.sample(queries, RUNS), async (pairs) => {
				// Beyond what a URL may carry the server answers 431 or 414 itself: keep queries short.
				const query = new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 500)]));
				const response = await fetch(new URL(`${endpoint}?${query}`, base), { redirect: 'manual' });
				await response.arrayBuffer();
				return response.status === 200 || response.status === 400;
			});
			expect(failed, endpoint).toEqual([]);
		}
	}, 900_000);
});

/** Every form action under a guarded folder, from the route files: `<prefix>/<path>?/<action>`. */
function actionsUnder(folder: string, prefix: string): string[] {
	const root = path.resolve(folder);
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.server.ts') {
				const source = readFileSync(full, 'utf8');
				if (!source.includes('export const actions')) continue;
				const block = source.slice(source.indexOf('export const actions'));
				const names = [...block.matchAll(/^\t(\w+): async/gm)].map((m) => m[1]!);
				const route = path
					.relative(root, dir)
					.split(path.sep)
					.filter(Boolean)
					.map((part) => (part.startsWith('[') ? '00000000-0000-4000-8000-000000000000' : part))
					.join('/');
				for (const name of names) {
					found.push(
						`${prefix}${route ? `/${route}` : ''}${name === 'default' ? '' : `?/${name}`}`
					);
				}
			}
		}
	};
	walk(root);
	return found;
}

const officeActions = () => actionsUnder('src/routes/office/(staff)', '/office');

/**
 * Forged posts to each of `actions`, without a session: the names that are not the sign-in
 * redirect to `signIn`, or a body SvelteKit refuses before any action runs.
 */
async function forgedPostsRefused(actions: string[], signIn: string, fields: string[]) {
	const inputs = fc.sample(fc.tuple(fc.constantFrom(...actions), bodies(fields)), RUNS);
	const failed = await each(inputs, async ([action, body]) => {
		const response = await send(action, body);
		await response.arrayBuffer();
		const location = response.headers.get('location') ?? '';
		return (
			(response.status === 303 && location.includes(signIn)) ||
			response.status === 413 ||
			response.status === 415
		);
	});
	return failed.map(([action, body]) => `${action} ${describeBody(body)}`);
}

describe('forged office actions', () => {
	const actions = officeActions();

	it('are all found', () => {
		expect(actions.length).toBeGreaterThanOrEqual(10);
		expect(actions).toContain('/office/applications/00000000-0000-4000-8000-000000000000?/decide');
	});

	it('do nothing without a session: always the sign-in redirect, whatever is posted', async () => {
		const fields = ['outcome', 'types', 'reference', 'roles'];
		expect(await forgedPostsRefused(actions, '/office/sign-in', fields)).toEqual([]);
	}, 600_000);
});

describe('forged association actions', () => {
	const actions = actionsUnder('src/routes/associations/(member)', '/associations');

	it('are all found', () => {
		expect(actions).toEqual(
			expect.arrayContaining([
				'/associations/links/new',
				'/associations/links/00000000-0000-4000-8000-000000000000?/revoke',
				'/associations/members?/invite'
			])
		);
	});

	it('do nothing without an association’s session: always its sign-in redirect', async () => {
		const fields = ['journey', 'locale', 'country', 'election'];
		expect(await forgedPostsRefused(actions, '/associations/sign-in', fields)).toEqual([]);
	}, 600_000);
});
