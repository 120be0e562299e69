/**
 * The portal's clock for everything a voter's dates depend on: cut-offs, countdowns, ages, due
 * dates. `CLOCK` (an ISO 8601 instant, e.g. `2030-02-10T10:00:00Z`) fixes it, so tests and
 * demonstrations can show a countdown for a known moment; unset, it is the real time.
 *
 * Security timings (sessions, challenges, leases, the audit log) keep real time on purpose: a
 * fixed voter clock must never keep a session alive or a challenge valid.
 */
import { amsterdamDay, type IsoDate } from '$lib/domain';

let warned = false;

function fixed(): Date | null {
	const raw = process.env.CLOCK;
	if (!raw) return null;
	const at = new Date(raw);
	if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
		throw new Error(`CLOCK is not an ISO 8601 instant: ${raw}`);
	}
	if (!warned) {
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
