/**
 * Calendar days and Den Haag instants.
 *
 * The law counts in calendar days ("the 42nd day before election day") and every
 * cut-off is a day in the Netherlands' own time zone. Days are ISO strings
 * 'YYYY-MM-DD'; arithmetic on them runs on UTC midnights, which have no daylight
 * saving time, so a day is always exactly 86 400 000 ms. Only when a day must
 * become an instant (a deadline's closing moment) do we consult Europe/Amsterdam,
 * through Intl (no time-zone library).
 */

/** A calendar day, 'YYYY-MM-DD' (years 0001–9999). */
export type IsoDate = string;

/** A wall-clock time 'HH:MM', 24-hour. */
export type ClockTime = `${number}${number}:${number}${number}`;

export type CalendarDate = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export const AMSTERDAM = 'Europe/Amsterdam';

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real day of the Gregorian calendar: rejects 31 February, month 13, year 0. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
	return (
		Number.isInteger(year) &&
		Number.isInteger(month) &&
		Number.isInteger(day) &&
		year >= MIN_YEAR &&
		year <= MAX_YEAR &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, month)
	);
}

export function isIsoDate(s: unknown): s is IsoDate {
	if (typeof s !== 'string') return false;
	const m = ISO_DATE.exec(s);
	return m !== null && isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Splits an ISO day into numbers; throws a RangeError on anything but a real day. */
export function parseIsoDate(s: IsoDate): CalendarDate {
	const m = ISO_DATE.exec(s);
	const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
	if (!date || !isValidCalendarDate(date.year, date.month, date.day)) {
		throw new RangeError(`invalid ISO date: ${s}`);
	}
	return date;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
	if (!isValidCalendarDate(year, month, day)) {
		throw new RangeError(`invalid calendar date: ${year}-${month}-${day}`);
	}
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// UTC milliseconds of the day's midnight. setUTCFullYear, because Date.UTC maps
// years 0–99 to 1900–1999.
function toUtcMs({ year, month, day }: CalendarDate): number {
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	return d.getTime();
}

function fromUtcMs(ms: number): IsoDate {
	const d = new Date(ms);
	return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The day n calendar days after d (n < 0: before). */
export function addDays(d: IsoDate, n: number): IsoDate {
	if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
	return fromUtcMs(toUtcMs(parseIsoDate(d)) + n * MS_PER_DAY);
}

/** Calendar days from a to b (b − a): positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
	return Math.round((toUtcMs(parseIsoDate(b)) - toUtcMs(parseIsoDate(a))) / MS_PER_DAY);
}

/** −1, 0 or 1, for sorting. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
	parseIsoDate(a);
	parseIsoDate(b);
	// Fixed-width 'YYYY-MM-DD' strings sort like the days they name.
	return a < b ? -1 : a > b ? 1 : 0;
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
	return compareIsoDates(a, b) <= 0 ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
	return compareIsoDates(a, b) >= 0 ? a : b;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
	return new Date(toUtcMs(parseIsoDate(d))).getUTCDay();
}

/**
 * The same day n years later (or earlier). 29 February in a year without one
 * becomes 1 March: the convention Dutch civil law follows for birthdays (someone
 * born on 29 February turns a year older on 1 March in a common year). No article
 * in the Kieswet says so; for the franchise it is also the cautious reading, as it
 * never lets anyone reach 17 or 18 a day early.
 */
export function addYears(d: IsoDate, n: number): IsoDate {
	if (!Number.isInteger(n)) throw new RangeError(`not a whole number of years: ${n}`);
	const { year, month, day } = parseIsoDate(d);
	const target = year + n;
	if (month === 2 && day === 29 && !isLeapYear(target)) return formatIsoDate(target, 3, 1);
	return formatIsoDate(target, month, day);
}

/**
 * Completed years of age on `day`, with birthdays as in addYears. Negative when
 * `day` is before the date of birth.
 */
export function ageOn(dob: IsoDate, day: IsoDate): number {
	const age = parseIsoDate(day).year - parseIsoDate(dob).year;
	return compareIsoDates(addYears(dob, age), day) > 0 ? age - 1 : age;
}

export function isClockTime(s: unknown): s is ClockTime {
	return typeof s === 'string' && CLOCK_TIME.test(s);
}

// Made on first use: a formatter with a time zone loads ICU's zone data, which a page that shows
// no instant (most question pages) should not pay for while it starts.
let amsterdamFormatter: Intl.DateTimeFormat | undefined;
const amsterdamParts = () =>
	(amsterdamFormatter ??= new Intl.DateTimeFormat('en-US', {
		timeZone: AMSTERDAM,
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
		hourCycle: 'h23'
	}));

// The Amsterdam wall-clock reading of an instant, as if that reading were UTC.
function amsterdamWallMs(ms: number): number {
	const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
	for (const p of amsterdamParts().formatToParts(new Date(ms))) parts[p.type] = p.value;
	// A missing part would give NaN, and so an Invalid Date, never a wrong one.
	const wall = new Date(0);
	wall.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
	wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
	return wall.getTime();
}

// Offset of Amsterdam from UTC at an instant, in ms (+3 600 000 in winter).
// Offsets are whole seconds; the formatter shows none of the milliseconds.
function amsterdamOffsetMs(ms: number): number {
	const whole = Math.floor(ms / 1000) * 1000;
	return amsterdamWallMs(whole) - whole;
}

function assertValidInstant(instant: Date): void {
	if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
		throw new RangeError('invalid instant');
	}
}

/**
 * The instant at which it is `time` in Den Haag on `day`. 'end-of-day' is
 * 23:59:59.999, the last moment of a day "received on or before" counts.
 *
 * A wall-clock time that does not exist (inside the spring-forward gap) moves
 * forward by the gap; one that occurs twice (autumn) is the earlier of the two,
 * like Temporal's 'compatible'. The times the law uses (10:00, 12:00, 15:00, end
 * of day) are never affected: Amsterdam changes clocks at 02:00/03:00.
 */
export function amsterdamInstant(day: IsoDate, time: 'end-of-day' | ClockTime): Date {
	const date = parseIsoDate(day);
	let wall: number;
	if (time === 'end-of-day') {
		wall = toUtcMs(date) + MS_PER_DAY - 1;
	} else {
		const m = CLOCK_TIME.exec(time);
		if (!m) throw new RangeError(`invalid time: ${time}`);
		wall = toUtcMs(date) + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
	}
	// Amsterdam changes its offset at most once within a day either side, so the
	// offsets a day before and a day after are the only candidates.
	const before = amsterdamOffsetMs(wall - MS_PER_DAY);
	const after = amsterdamOffsetMs(wall + MS_PER_DAY);
	const candidates = [wall - before, wall - after].filter(
		(ms) => ms + amsterdamOffsetMs(ms) === wall
	);
	// No candidate: the time falls in the gap; the offset before the change
	// gives the instant as many minutes after the gap as the time was inside it.
	return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - before);
}

/** The calendar day in Den Haag at an instant. */
export function amsterdamDay(instant: Date): IsoDate {
	assertValidInstant(instant);
	return fromUtcMs(amsterdamWallMs(instant.getTime()));
}

/** The wall-clock time in Den Haag at an instant, 'HH:MM:SS.mmm'. */
export function amsterdamTime(instant: Date): string {
	assertValidInstant(instant);
	const ms = instant.getTime();
	const wall = new Date(
		amsterdamWallMs(Math.floor(ms / 1000) * 1000) + (ms - Math.floor(ms / 1000) * 1000)
	);
	return wall.toISOString().slice(11, 23);
}
