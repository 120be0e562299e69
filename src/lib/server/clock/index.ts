/**
 * The portal's clock for everything a voter's dates depend on: cut-offs, countdowns, ages, due
 * dates. `CLOCK` (an ISO 8601 instant, e.g. `2030-02-10T10:00:00Z`) fixes it, so tests and
 * demonstrations can show a countdown for a known moment; unset, it is the real time.
 *
 * A fixed clock on a public server would show every voter wrong deadlines: like DEMO_DATA, it is
 * refused unless the server's public origin is this machine.
 *
 * Security timings (sessions, challenges, leases, the audit log) keep real time on purpose: a
 * fixed voter clock must never keep a session alive or a challenge valid.
 */
import { amsterdamDay, type IsoDate } from '$lib/domain';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The instant `CLOCK` fixes, or null when unset; throws when it is malformed or not allowed. */
export function fixedClock(env: NodeJS.ProcessEnv = process.env): Date | null {
	const raw = env.CLOCK;
	if (!raw) return null;
	const at = new Date(raw);
	const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})T/.exec(raw) ?? [];
	// Date rolls 31 February over into March; a real calendar day reads back the same.
	const real =
		y !== undefined &&
		new Date(Date.UTC(+y, +m! - 1, +d!)).toISOString().slice(0, 10) === `${y}-${m}-${d}`;
	if (Number.isNaN(at.getTime()) || !real) {
		throw new Error(`CLOCK is not an ISO 8601 instant: ${raw}`);
	}
	const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
	if (!LOCAL_HOSTS.includes(new URL(origin).hostname)) {
		throw new Error(`CLOCK is for tests and demonstrations only; refusing it on ${origin}`);
	}
	return at;
}

let warned = false;

function fixed(): Date | null {
	const at = fixedClock();
	if (at && !warned) {
		warned = true;
		console.warn(`CLOCK is set: the portal's dates are computed for ${at.toISOString()}`);
	}
	return at;
}

/** Now, for the rules: the fixed instant when `CLOCK` is set. */
export function now(): Date {
	return fixed() ?? new Date();
}

/** Today in Den Haag (Europe/Amsterdam): the day every cut-off is counted in (KW D 3). */
export function today(): IsoDate {
	return amsterdamDay(now());
}
