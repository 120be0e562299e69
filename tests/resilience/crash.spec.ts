/**
 * Crashes and restarts (issue 8): the server killed with SIGKILL while voters' answers are in
 * flight, then started again, loses no answer it acknowledged and doubles nothing; PostgreSQL
 * restarted under a load run, the server reconnects and serves again without being restarted.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ANSWERS,
	connect,
	post,
	sha256,
	startPortal,
	stepOf,
	tokenOf,
	type Portal
} from './portal';

type Voter = {
	token: string | null;
	/** The step the server asked for last (`check` at the end, `done` when finished). */
	next: string | null;
	/** Steps whose answer the server acknowledged with its redirect to the next one. */
	acked: string[];
	/** A request that got no answer because the server died under it. */
	interrupted: boolean;
};

/** One request of a voter's journey: start, answer the step asked, or confirm at the check page. */
async function advance(origin: string, voter: Voter): Promise<void> {
	if (!voter.token) {
		const response = await post(origin, '/register', {});
		const location = response.headers.get('location');
		expect(response.status, location ?? '').toBe(303);
		voter.token = tokenOf(location);
		voter.next = stepOf(location);
		return;
	}
	const step = voter.next!;
	const answers = step === 'check' ? {} : ANSWERS[step];
	expect(answers, `no answer for the step ${step}`).toBeDefined();
	const response = await post(origin, `/register/${voter.token}/${step}`, answers!);
	const location = response.headers.get('location');
	expect(response.status, `${step}: ${location}`).toBe(303);
	const next = stepOf(location);
	expect(next, `${step} redirected to ${location}`).not.toBe(step);
	if (step !== 'check') voter.acked.push(step);
	voter.next = next;
}

/** Walks the voter to the end; stops quietly at the first request the dead server never answers. */
async function walk(origin: string, voter: Voter, stopOnFailure: boolean) {
	while (voter.next !== 'done') {
		try {
			await advance(origin, voter);
		} catch (error) {
			if (!stopOnFailure || !(error instanceof TypeError)) throw error;
			// fetch failed: the connection died with the server.
			voter.interrupted = true;
			return;
		}
	}
}

describe('the server killed with SIGKILL in the middle of submissions', () => {
	let portal: Portal;
	let sql: ReturnType<typeof connect>;
	const VOTERS = 24;

	beforeAll(async () => {
		portal = await startPortal('kill');
		sql = connect(portal.databaseUrl);
	}, 240_000);
	afterAll(async () => {
		await sql?.end();
		await portal?.drop();
	});

	it('loses no acknowledged answer and doubles nothing once restarted', async () => {
		const voters: Voter[] = Array.from({ length: VOTERS }, () => ({
			token: null,
			next: null,
			acked: [],
			interrupted: false
		}));
		const walking = voters.map((v) => walk(portal.origin, v, true));
		// Kill once the voters are well into their journeys, with requests in flight.
		const ackedSoFar = () => voters.reduce((n, v) => n + v.acked.length, 0);
		while (ackedSoFar() < 60) await new Promise((r) => setTimeout(r, 20));
		await portal.kill9();
		await Promise.all(walking);

		const interrupted = voters.filter((v) => v.interrupted);
		// The kill did land in the middle of requests; nobody had finished.
		expect(interrupted.length).toBeGreaterThan(0);
		expect(voters.every((v) => v.next !== 'done')).toBe(true);

		// Nothing lost: every answer acknowledged before the kill is in the database.
		for (const voter of voters.filter((v) => v.token)) {
			const [row] = await sql<{ answers: Record<string, unknown> }[]>`
				select answers from drafts where token_hash = ${sha256(voter.token!)}`;
			expect(row, 'the draft of an acknowledged start').toBeDefined();
			for (const step of voter.acked) expect(Object.keys(row!.answers)).toContain(step);
		}

		// Restarted on the same database, every voter carries on: the request that died is sent
		// again, exactly as a browser's retry would, and the journey goes on to the end.
		await portal.restart();
		await Promise.all(voters.map((v) => walk(portal.origin, v, false)));

		const completed = await sql<{ tokenHash: string; reference: string; answers: object }[]>`
			select token_hash as "tokenHash", reference, answers from drafts
			where completed_at is not null`;
		// One completed form per voter, each under the voter's own link, with its own reference.
		expect(completed).toHaveLength(VOTERS);
		expect(new Set(completed.map((d) => d.reference)).size).toBe(VOTERS);
		expect(new Set(completed.map((d) => d.tokenHash))).toEqual(
			new Set(voters.map((v) => sha256(v.token!)))
		);
		for (const draft of completed) {
			expect(Object.keys(draft.answers).sort()).toEqual(Object.keys(ANSWERS).sort());
		}
		// A start that died before its answer left at most an empty draft behind, never a second
		// form: those are deleted with the abandoned drafts (after 30 days).
		const [{ empty } = { empty: -1 }] = await sql<{ empty: number }[]>`
			select count(*)::int as empty from drafts
			where completed_at is null and answers = '{}'::jsonb`;
		const [{ all } = { all: -1 }] = await sql<{ all: number }[]>`
			select count(*)::int as "all" from drafts`;
		expect(all).toBe(VOTERS + empty);
		expect(empty).toBeLessThanOrEqual(interrupted.length);

		// Replaying the confirmation (a retried request after the restart) gives the same form.
		for (const voter of voters.slice(0, 5)) {
			const response = await post(portal.origin, `/register/${voter.token}/check`, {});
			expect(response.status).toBe(303);
			expect(stepOf(response.headers.get('location'))).toBe('done');
		}
		const again = await sql<{ reference: string }[]>`
			select reference from drafts where completed_at is not null`;
		expect(new Set(again.map((d) => d.reference))).toEqual(
			new Set(completed.map((d) => d.reference))
		);
		expect(portal.log()).not.toMatch(/error/i);
	}, 300_000);
});

/** The machine's PostgreSQL cluster, restarted the way its administrator would. */
function restartPostgres() {
	const version = readdirSync('/etc/postgresql')[0]!;
	execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
		stdio: 'inherit'
	});
}

type Outcome = { at: number; end: number; status: number | 'no answer' };

describe('PostgreSQL restarted during a load run', () => {
	let portal: Portal;

	beforeAll(async () => {
		portal = await startPortal('pg-restart');
	}, 240_000);
	afterAll(async () => {
		await portal?.drop();
	});

	it('the server reconnects by itself and serves reads and writes again', async () => {
		// Voters mid-journey, whose pages read and write the database: one per writing worker (two
		// writers on one draft would meet its optimistic lock, a 409 that is right but no use here).
		const voters: Voter[] = Array.from({ length: 4 }, () => ({
			token: null,
			next: null,
			acked: [],
			interrupted: false
		}));
		for (const v of voters) await advance(portal.origin, v);
		const voter = voters[0]!;
		const outcomes: Outcome[] = [];
		let running = true;
		const load = async (worker: number) => {
			while (running) {
				const at = Date.now();
				try {
					const response =
						worker % 2 === 0
							? await fetch(new URL('/api/v1/elections', portal.origin), {
									signal: AbortSignal.timeout(30_000)
								})
							: await post(
									portal.origin,
									`/register/${voters[(worker - 1) / 2]!.token}/nationality`,
									ANSWERS.nationality!
								);
					await response.arrayBuffer();
					outcomes.push({ at, end: Date.now(), status: response.status });
				} catch {
					outcomes.push({ at, end: Date.now(), status: 'no answer' });
				}
			}
		};
		const workers = Array.from({ length: 8 }, (_, i) => load(i));
		await new Promise((r) => setTimeout(r, 3_000));
		const restartAt = Date.now();
		restartPostgres();
		const backAt = Date.now();
		// Load goes on after PostgreSQL is back; the pool's dead connections are replaced.
		await new Promise((r) => setTimeout(r, 10_000));
		running = false;
		await Promise.all(workers);

		// The server process never went down.
		expect(portal.process().exitCode).toBeNull();
		const before = outcomes.filter((o) => o.end < restartAt);
		expect(before.length).toBeGreaterThan(50);
		expect(before.filter((o) => o.status !== 200 && o.status !== 303)).toEqual([]);
		// Every request was answered by the server, even while the database was away.
		expect(outcomes.filter((o) => o.status === 'no answer')).toEqual([]);
		// From a few seconds after PostgreSQL is back, everything succeeds again.
		const after = outcomes.filter((o) => o.at > backAt + 3_000);
		expect(after.length).toBeGreaterThan(50);
		expect(after.filter((o) => o.status !== 200 && o.status !== 303)).toEqual([]);

		// And a write after the restart is stored.
		await advance(portal.origin, voter);
		await advance(portal.origin, voter);
		const sql = connect(portal.databaseUrl);
		try {
			const [row] = await sql<{ answers: Record<string, unknown> }[]>`
				select answers from drafts where token_hash = ${sha256(voter.token!)}`;
			expect(Object.keys(row!.answers)).toEqual(
				expect.arrayContaining(['nationality', 'residence'])
			);
		} finally {
			await sql.end();
		}
	}, 240_000);
});
