/**
 * The reminders' settings from the environment, read when used (tests change them) and checked
 * at start-up (`platform.start`), so a mistake stops the server instead of the reminders.
 */
import { checkLeadDays, DEFAULT_REMINDER_LEAD_DAYS } from '$lib/domain';

type Env = Record<string, string | undefined>;

/** Days an unconfirmed request (and its link) lives; then it is deleted (hourly purge). */
export const CONFIRMATION_DAYS = 7;

/** `REMINDER_LEAD_DAYS` (e.g. `28,7`): how many days before each cut-off a reminder goes. */
export function leadDays(env: Env = process.env): number[] {
	const raw = env.REMINDER_LEAD_DAYS?.trim();
	if (!raw) return [...DEFAULT_REMINDER_LEAD_DAYS];
	const parts = raw.split(',').map((p) => p.trim());
	if (parts.some((p) => !/^\d{1,3}$/.test(p))) {
		throw new Error(`REMINDER_LEAD_DAYS: whole days separated by commas, e.g. 28,7 (not ${raw})`);
	}
	try {
		return checkLeadDays(parts.map(Number));
	} catch (error) {
		throw new Error(`REMINDER_LEAD_DAYS: ${(error as Error).message}`, { cause: error });
	}
}

/** `REMINDER_INTERVAL_SECONDS` (default 3600): how often each process looks for due reminders. */
export function intervalMs(env: Env = process.env): number {
	const raw = env.REMINDER_INTERVAL_SECONDS?.trim();
	if (!raw) return 3_600_000;
	const seconds = Number(raw);
	if (!/^\d+$/.test(raw) || seconds < 1 || seconds > 86_400) {
		throw new Error(`REMINDER_INTERVAL_SECONDS: whole seconds from 1 to 86400 (not ${raw})`);
	}
	return seconds * 1000;
}
