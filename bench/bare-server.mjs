#!/usr/bin/env node
/**
 * The floor the app is compared with in bench/http.mjs: a bare `node:http` server on postgres.js
 * (a pool of 10, as the app's DATABASE_POOL_SIZE default) that answers the three benchmarked
 * requests with the same SQL the app sends for them (read from PostgreSQL's statement log), and
 * nothing else: no framework, no hooks, no security headers, no templating beyond a string.
 *
 *   POST /register/<token>/<step>   the draft by its token's SHA-256, the optimistic update, 303
 *   GET  /account/status            the session joined to its account, then the registration,
 *                                   its types, applications, forms to upload, elections and
 *                                   decisions (as casework.statusFor), as a small HTML page
 *   GET  /api/v1/elections          the elections, as JSON (without the cut-off arithmetic)
 *
 *   node bench/bare-server.mjs --port 4000 --database-url postgres://…/bench --origin http://localhost:4000
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import postgres from 'postgres';

const { values: args } = parseArgs({
	options: {
		port: { type: 'string', default: '4000' },
		'database-url': { type: 'string' },
		origin: { type: 'string' }
	}
});
// Dates as the strings PostgreSQL sends (drizzle's `mode: 'string'` in the app's schema).
const asText = { to: 1082, from: [1082], serialize: (x) => x, parse: (x) => x };
const sql = postgres(args['database-url'], {
	max: 10,
	onnotice: () => {},
	types: { date: asText }
});
const origin = args.origin ?? `http://localhost:${args.port}`;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const TOKEN = /^\/register\/([A-Za-z0-9_-]{43})\/([a-z_]+)$/;
const NEXT = { nationality: 'residence', residence: 'date_of_birth' };
const RECEIVABLE = ['registration', 'change', 'vote_choice', 'temporarily_abroad', 'replacement'];
const escape = (s) =>
	String(s ?? '').replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]
	);

async function body(request) {
	let text = '';
	for await (const chunk of request) text += chunk;
	return new URLSearchParams(text);
}

async function answerStep(request, response, token, step) {
	// SvelteKit's CSRF check, as the app does it: a form post from another origin is refused.
	if (request.headers.origin !== origin)
		return send(response, 403, 'Cross-site POST form submissions are forbidden');
	const form = await body(request);
	// As the app's runner: three attempts when another request saved the draft in between.
	for (let attempt = 0; attempt < 3; attempt++) {
		const [draft] = await sql.unsafe(
			`select "id", "token_hash", "journey", "locale", "answers", "version", "reference", "account_id", "guided_link_id", "completed_at", "created_at", "updated_at" from "drafts" where ("drafts"."token_hash" = $1 and "drafts"."journey" = $2) limit $3`,
			[sha256(token), 'registration', 1]
		);
		if (!draft) return send(response, 404, 'Not found');
		const answers = { ...draft.answers, [step]: Object.fromEntries(form) };
		const updated = await sql.unsafe(
			`update "drafts" set "locale" = $1, "answers" = $2, "version" = $3, "updated_at" = now() where ("drafts"."id" = $4 and "drafts"."version" = $5 and "drafts"."completed_at" is null) returning "id"`,
			['nl', answers, draft.version + 1, draft.id, draft.version]
		);
		if (updated.length === 1) {
			response.writeHead(303, { location: `/register/${token}/${NEXT[step] ?? step}` });
			return response.end();
		}
	}
	send(response, 409, 'Conflict');
}

async function status(request, response) {
	const token = /(?:^|;\s*)__Host-session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
	if (!token) return redirect(response, '/account/sign-in');
	const tokenHash = sha256(token);
	const [session] = await sql.unsafe(
		`select "sessions"."account_id", "sessions"."last_seen_at", "sessions"."expires_at", "accounts"."kind", "accounts"."roles", "accounts"."display_name", "accounts"."association_id", "accounts"."disabled_at" from "sessions" inner join "accounts" on "accounts"."id" = "sessions"."account_id" where "sessions"."token_hash" = $1 limit $2`,
		[tokenHash, 1]
	);
	if (!session || session.disabled_at || session.expires_at < new Date())
		return redirect(response, '/account/sign-in');
	// The app writes lastSeenAt at most once a minute; so does this.
	if (Date.now() - session.last_seen_at.getTime() >= 60_000) {
		await sql.unsafe(
			`update "sessions" set "last_seen_at" = $1 where "sessions"."token_hash" = $2`,
			[new Date(), tokenHash]
		);
	}
	const accountId = session.account_id;
	const [registration, applications, toUpload, elections] = await Promise.all([
		sql
			.unsafe(
				`select "id", "account_id", "surname", "first_names", "birth_date", "sex", "nationality", "residential_address", "correspondence_address", "email", "phone", "bsn_encrypted", "bsn_index", "locale", "lookup_key", "status", "deceased_on", "brp_changed_on", "created_at", "updated_at" from "registrations" where "registrations"."account_id" = $1 order by "registrations"."status" = 'active' desc, "registrations"."created_at" desc limit $2`,
				[accountId, 1]
			)
			.then(async ([r]) => {
				if (!r) return null;
				const types = await sql.unsafe(
					`select "registration_id", "type", "starts_on", "ended_on", "end_reason" from "registration_types" where "registration_types"."registration_id" = $1 order by array_position(array['TK','EP','KNI']::election_type[], "registration_types"."type")`,
					[r.id]
				);
				return { ...r, types };
			}),
		sql.unsafe(
			`select "id", "reference", "kind", "draft_id", "account_id", "locale", "answers", "request", "election_id", "status", "channel", "received_at", "due_on", "checks", "notes", "received_by", "decided_at", "created_at", "updated_at" from "applications" where "applications"."account_id" = $1 order by "applications"."received_at" desc`,
			[accountId]
		),
		sql.unsafe(
			`select "drafts"."id", "drafts"."reference", "drafts"."completed_at", "drafts"."journey" from "drafts" left join "applications" on "applications"."reference" = "drafts"."reference" where ("drafts"."account_id" = $1 and "drafts"."journey" in ($2, $3, $4, $5, $6) and "drafts"."completed_at" is not null and "applications"."id" is null) order by "drafts"."completed_at" asc`,
			[accountId, ...RECEIVABLE]
		),
		sql.unsafe(
			`select "id", "slug", "type", "election_day", "nomination_day", "certificates_sent_on", "provisional", "created_at", "updated_at" from "elections" order by "elections"."election_day" asc, "elections"."slug" asc`
		)
	]);
	const decisions = applications.length
		? await sql.unsafe(
				`select "id", "origin", "outcome", "application_id", "registration_id", "status_request_id", "brp_import_id", "election_id", "types", "reasons", "remarks", "decided_by", "decided_at", "appeal_by", "notice", "locale" from "decisions" where "decisions"."application_id" in (${applications.map((_, i) => `$${i + 1}`).join(', ')}) order by "decisions"."decided_at" desc`,
				applications.map((a) => a.id)
			)
		: [];
	const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Status</title></head><body><main>
<h1>Uw inschrijving</h1>
${registration ? `<p>Ingeschreven: ${registration.types.map((t) => `${escape(t.type)} sinds ${escape(t.starts_on)}`).join(', ')}</p><p>Post naar: ${escape((registration.correspondence_address ?? registration.residential_address).lines.join(', '))}</p>` : '<p>Niet ingeschreven</p>'}
<h2>Aanvragen</h2><ul>${applications
		.map(
			(a) =>
				`<li>${escape(a.reference)}: ${escape(a.status)}<ul>${decisions
					.filter((d) => d.application_id === a.id)
					.map((d) => `<li>${escape(d.outcome)} ${escape(JSON.stringify(d.reasons))}</li>`)
					.join('')}</ul></li>`
		)
		.join('')}</ul>
<h2>Te uploaden</h2><ul>${toUpload.map((d) => `<li>${escape(d.reference)}</li>`).join('')}</ul>
<h2>Verkiezingen</h2><ul>${elections.map((e) => `<li>${escape(e.slug)} ${escape(e.election_day)}</li>`).join('')}</ul>
</main></body></html>`;
	response.writeHead(200, {
		'content-type': 'text/html; charset=utf-8',
		'cache-control': 'private, no-store'
	});
	response.end(html);
}

async function elections(response) {
	const today = new Date().toISOString().slice(0, 10);
	const rows = await sql.unsafe(
		`select "id", "slug", "type", "election_day", "nomination_day", "certificates_sent_on", "provisional", "created_at", "updated_at" from "elections" order by "elections"."election_day" asc, "elections"."slug" asc`
	);
	const upcoming = rows
		.filter((e) => e.election_day === null || e.election_day >= today)
		.map((e) => ({
			id: e.slug,
			type: e.type,
			electionDay: e.election_day,
			nominationDay: e.nomination_day,
			certificatesSentOn: e.certificates_sent_on,
			provisional: e.provisional
		}));
	response.writeHead(200, {
		'content-type': 'application/json',
		'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
		'access-control-allow-origin': '*'
	});
	response.end(JSON.stringify({ elections: upcoming }));
}

function send(response, code, text) {
	response.writeHead(code, { 'content-type': 'text/plain' });
	response.end(text);
}

function redirect(response, location) {
	response.writeHead(303, { location });
	response.end();
}

const server = http.createServer((request, response) => {
	const url = request.url ?? '/';
	const step = TOKEN.exec(url);
	const work =
		request.method === 'POST' && step
			? answerStep(request, response, step[1], step[2])
			: request.method === 'GET' && url === '/account/status'
				? status(request, response)
				: request.method === 'GET' && url === '/api/v1/elections'
					? elections(response)
					: Promise.resolve(send(response, 404, 'Not found'));
	work.catch((error) => {
		console.error(error);
		if (!response.headersSent) send(response, 500, 'Error');
		else response.end();
	});
});
server.listen(Number(args.port), '127.0.0.1', () => console.log(`bare server on ${args.port}`));
process.once('SIGTERM', () =>
	server.close(() => sql.end({ timeout: 1 }).then(() => process.exit(0)))
);
