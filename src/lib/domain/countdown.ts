/**
 * How long until a cut-off closes, as a voter reads it: whole days while the cut-off lies on a
 * later day, hours and minutes on the last day. Every cut-off is a day in Den Haag (see
 * `computeCutoffs`), so days are counted in Den Haag's calendar, not in spans of 24 hours: across
 * a daylight-saving change a day lasts 23 or 25 hours, and "31 days" must still mean that the
 * cut-off falls on the 31st day from today.
 */
import { amsterdamDay, daysBetween, type IsoDate } from './dates';

export type CountdownParts = {
	closed: boolean;
	/**
	 * True within the last day: the cut-off falls on today's date in Den Haag, or less than 24
	 * hours are left (a cut-off at 12:00 seen the afternoon before). Then `hours` and `minutes`
	 * say how long; otherwise `days` does.
	 */
	lastDay: boolean;
	/** Calendar days in Den Haag from today to the cut-off's day (0 on the last day). */
	days: number;
	/** On the last day: whole hours left (up to 24 on the day clocks go back). */
	hours: number;
	/** On the last day: minutes left beyond the hours, rounded up (a cut-off is never shown as 0 minutes while open). */
	minutes: number;
	/** Every minute left, rounded up (at least 1 while open); 0 once closed or where only the day is known. */
	minutesLeft: number;
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function assertInstant(d: Date, name: string): void {
	if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`invalid ${name}`);
}

const CLOSED: CountdownParts = Object.freeze({
	closed: true,
	lastDay: false,
	days: 0,
	hours: 0,
	minutes: 0,
	minutesLeft: 0
});

/**
 * The countdown at `now` to a cut-off that closes at `closesAt` (the last instant that counts:
 * `now === closesAt` is still open).
 */
export function countdown(closesAt: Date, now: Date): CountdownParts {
	assertInstant(closesAt, 'closing instant');
	assertInstant(now, 'now');
	const left = closesAt.getTime() - now.getTime();
	if (left < 0) return { ...CLOSED };
	// Rounded up: at 23:59:30 a minute is left, not none.
	const minutesLeft = Math.max(1, Math.ceil(left / MINUTE));
	const days = daysBetween(amsterdamDay(now), amsterdamDay(closesAt));
	if (days === 0 || left < DAY) {
		return {
			closed: false,
			lastDay: true,
			days: 0,
			hours: Math.floor(minutesLeft / 60),
			minutes: minutesLeft % 60,
			minutesLeft
		};
	}
	return { closed: false, lastDay: false, days, hours: 0, minutes: 0, minutesLeft };
}

/**
 * The countdown to a cut-off whose time is local to wherever the voter hands in the envelope (an
 * embassy's 10:00, KW M 7(7)): only its day is known here, so whole days in Den Haag's calendar,
 * and on the day itself "today" (closed only once the day has passed in Den Haag).
 */
export function countdownToDay(day: IsoDate, now: Date): CountdownParts {
	assertInstant(now, 'now');
	const days = daysBetween(amsterdamDay(now), day);
	if (days < 0) return { ...CLOSED };
	return { closed: false, lastDay: days === 0, days, hours: 0, minutes: 0, minutesLeft: 0 };
}
