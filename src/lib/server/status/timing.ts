/**
 * The status page must not tell anyone whether a person is registered (KW D 5: the answer is the
 * person's own, and goes only to the contact details on record). The body, status and headers are
 * the same whatever the outcome; the time is made the same by answering no sooner than a fixed
 * floor after the request began, well above what either path takes, so the extra work of a match
 * (reading the registration's types, composing its answer) cannot be timed.
 */

const DEFAULT_FLOOR_MS = 400;

/** STATUS_RESPONSE_MS, or 400 ms: the least time a status request takes to answer. */
export function responseFloorMs(): number {
	const raw = process.env.STATUS_RESPONSE_MS;
	const ms = raw === undefined || raw === '' ? DEFAULT_FLOOR_MS : Number(raw);
	return Number.isFinite(ms) && ms >= 0 && ms <= 10_000 ? ms : DEFAULT_FLOOR_MS;
}

/**
 * Waits until `floor` ms have passed since `startedAt` (a `performance.now()` reading). Returns
 * how long the work itself took; when that exceeds the floor the difference would show, so it is
 * logged for the operators (raise STATUS_RESPONSE_MS), never told to the visitor.
 */
export async function settle(startedAt: number, floor = responseFloorMs()): Promise<number> {
	const took = performance.now() - startedAt;
	if (took < floor) {
		await new Promise((resolve) => setTimeout(resolve, Math.ceil(floor - took)));
	} else {
		console.warn(`status request took ${Math.round(took)} ms, over STATUS_RESPONSE_MS=${floor}`);
	}
	return took;
}
