import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countdown, countdownToDay, type CountdownParts } from './countdown';
import {
	addDays,
	amsterdamDay,
	amsterdamInstant,
	daysBetween,
	formatIsoDate,
	isLeapYear,
	type ClockTime
} from './dates';
import { computeCutoffs, type ElectionType } from './elections';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const endOf = (day: string) => amsterdamInstant(day, 'end-of-day');

describe('countdown', () => {
	// The e2e server's clock: 10 February 2030, 11:00 in Den Haag.
	const clock = at('2030-02-10T10:00:00Z');

	it('counts whole calendar days to a cut-off on a later day', () => {
		// TK 2030: change cut-off 13 March, proxy/voter pass 19 February (DOMAIN.md).
		expect(countdown(endOf('2030-03-13'), clock)).toEqual({
			closed: false,
			lastDay: false,
			days: 31,
			hours: 0,
			minutes: 0,
			minutesLeft: 31 * 24 * 60 + 13 * 60
		});
		expect(countdown(endOf('2030-02-19'), clock).days).toBe(9);
		expect(countdown(endOf('2030-02-11'), clock)).toMatchObject({ lastDay: false, days: 1 });
	});

	it('shows hours and minutes on the last day, rounded up to the minute', () => {
		expect(countdown(endOf('2030-02-10'), clock)).toEqual({
			closed: false,
			lastDay: true,
			days: 0,
			hours: 13,
			minutes: 0,
			minutesLeft: 13 * 60
		});
		// 11:01:30: 12 hours, 58 minutes and 29.999 seconds left, shown as 12:59.
		expect(countdown(endOf('2030-02-10'), at('2030-02-10T10:01:30Z'))).toMatchObject({
			hours: 12,
			minutes: 59
		});
		// 15:00 on election day (KW M 8(1)), seen at 14:20.
		expect(
			countdown(amsterdamInstant('2030-05-15', '15:00'), at('2030-05-15T12:20:00Z'))
		).toMatchObject({ lastDay: true, hours: 0, minutes: 40 });
	});

	it('is open until the last millisecond and closed after it', () => {
		const closesAt = endOf('2030-03-13');
		const last = countdown(closesAt, closesAt);
		expect(last).toMatchObject({ closed: false, lastDay: true, hours: 0, minutes: 1 });
		expect(countdown(closesAt, new Date(closesAt.getTime() + 1))).toEqual({
			closed: true,
			lastDay: false,
			days: 0,
			hours: 0,
			minutes: 0,
			minutesLeft: 0
		});
	});

	it('treats the last 24 hours before a cut-off at noon as the last day', () => {
		// KW M 6b(4): in person by 12:00 on the 9th day before. The afternoon before, 23 hours are left.
		const noon = amsterdamInstant('2030-05-06', '12:00');
		expect(countdown(noon, amsterdamInstant('2030-05-05', '13:00'))).toMatchObject({
			lastDay: true,
			days: 0,
			hours: 23,
			minutes: 0
		});
		// The morning before, more than a day is left: "1 day".
		expect(countdown(noon, amsterdamInstant('2030-05-05', '11:00'))).toMatchObject({
			lastDay: false,
			days: 1
		});
	});

	it('counts calendar days across the spring clock change, not spans of 24 hours', () => {
		// 31 March 2030: clocks go forward at 02:00. Seen at 23:30 on the 29th, the cut-off at the
		// end of the 31st is 47.5 hours away, yet it falls on the day after tomorrow.
		const closesAt = endOf('2030-03-31');
		const now = amsterdamInstant('2030-03-29', '23:30');
		expect(closesAt.getTime() - now.getTime()).toBeLessThan(2 * DAY);
		expect(countdown(closesAt, now)).toMatchObject({ lastDay: false, days: 2 });
		// On the 31st itself the day has 23 hours: from 00:00, 23 hours are left.
		expect(countdown(closesAt, amsterdamInstant('2030-03-31', '00:00'))).toMatchObject({
			lastDay: true,
			hours: 23,
			minutes: 0
		});
	});

	it('counts calendar days across the autumn clock change', () => {
		// 27 October 2030: clocks go back at 03:00, so the day has 25 hours.
		const closesAt = endOf('2030-10-27');
		expect(countdown(closesAt, amsterdamInstant('2030-10-27', '00:00'))).toMatchObject({
			lastDay: true,
			hours: 25,
			minutes: 0
		});
		expect(countdown(endOf('2030-10-28'), amsterdamInstant('2030-10-26', '23:59'))).toMatchObject({
			lastDay: false,
			days: 2
		});
	});

	it('counts over 29 February in a leap year', () => {
		expect(countdown(endOf('2032-03-01'), amsterdamInstant('2032-02-27', '12:00')).days).toBe(3);
		expect(countdown(endOf('2031-03-01'), amsterdamInstant('2031-02-27', '12:00')).days).toBe(2);
	});

	it('rejects an invalid instant instead of counting from it', () => {
		expect(() => countdown(new Date(Number.NaN), clock)).toThrow(RangeError);
		expect(() => countdown(clock, new Date('not a date'))).toThrow(RangeError);
	});
});

describe('countdownToDay', () => {
	const clock = at('2030-02-10T10:00:00Z');

	it('counts whole days to a day whose time is local elsewhere', () => {
		expect(countdownToDay('2030-05-10', clock)).toMatchObject({ closed: false, days: 89 });
	});

	it('says "today" on the day and closes once it has passed in Den Haag', () => {
		expect(countdownToDay('2030-02-10', clock)).toMatchObject({
			closed: false,
			lastDay: true,
			days: 0
		});
		expect(countdownToDay('2030-02-09', clock).closed).toBe(true);
	});
});

/** Election days from 1980 to 2199, weighted towards clock changes and 29 February. */
const electionDay = fc.oneof(
	fc.integer({ min: 0, max: 80_000 }).map((n) => addDays('1980-01-01', n)),
	fc
		.tuple(
			fc.integer({ min: 1996, max: 2199 }),
			fc.constantFrom(3, 10),
			fc.integer({ min: -90, max: 90 })
		)
		.map(([y, m, shift]) => addDays(formatIsoDate(y, m, 25), shift)),
	fc
		.tuple(
			fc.integer({ min: 500, max: 549 }).map((n) => n * 4),
			fc.integer({ min: 0, max: 100 })
		)
		.filter(([y]) => isLeapYear(y))
		.map(([y, shift]) => addDays(formatIsoDate(y, 2, 29), shift))
);
const electionType = fc.constantFrom<ElectionType>('TK', 'EP', 'KNI');
/** An instant up to 90 days before a cut-off and up to 3 days after, to the millisecond. */
const offset = fc.integer({ min: -3 * DAY, max: 90 * DAY });

// An order on countdowns: closed < last day (by minutes) < days.
const rank = (c: CountdownParts) => (c.closed ? -1 : c.lastDay ? c.minutesLeft : 100_000 + c.days);

describe('countdown properties', () => {
	it('agrees with Den Haag calendar days for every cut-off, across clock changes and leap years', () => {
		fc.assert(
			fc.property(electionType, electionDay, offset, (type, day, before) => {
				for (const cutoff of computeCutoffs({ type, electionDay: day })) {
					if (!cutoff.closesAt) continue;
					const now = new Date(cutoff.closesAt.getTime() - before);
					const c = countdown(cutoff.closesAt, now);
					const left = cutoff.closesAt.getTime() - now.getTime();
					expect(c.closed).toBe(left < 0);
					if (c.closed) continue;
					expect(c.minutesLeft).toBe(Math.max(1, Math.ceil(left / MINUTE)));
					const calendarDays = daysBetween(amsterdamDay(now), cutoff.day);
					if (c.lastDay) {
						expect(c.days).toBe(0);
						expect(c.hours * 60 + c.minutes).toBe(c.minutesLeft);
						expect(c.minutes).toBeLessThan(60);
						expect(c.hours).toBeLessThanOrEqual(25);
						// The last day is today's cut-off, or tomorrow's within 24 hours.
						expect(calendarDays === 0 || (calendarDays === 1 && left < DAY)).toBe(true);
					} else {
						expect(c.days).toBe(calendarDays);
						expect(c.days).toBeGreaterThanOrEqual(1);
						expect(left).toBeGreaterThanOrEqual(DAY);
					}
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('never goes up as time passes', () => {
		fc.assert(
			fc.property(electionDay, offset, offset, (day, a, b) => {
				const closesAt = endOf(day);
				const [earlier, later] = [Math.max(a, b), Math.min(a, b)];
				const first = countdown(closesAt, new Date(closesAt.getTime() - earlier));
				const second = countdown(closesAt, new Date(closesAt.getTime() - later));
				expect(rank(second)).toBeLessThanOrEqual(rank(first));
			}),
			{ numRuns: 400 }
		);
	});

	it('shows the same days at every moment of a Den Haag day before the cut-off day', () => {
		fc.assert(
			fc.property(
				electionDay,
				fc.integer({ min: 2, max: 90 }),
				fc.integer({ min: 0, max: 24 * 60 - 1 }),
				(day, daysBefore, minuteOfDay) => {
					const today = addDays(day, -daysBefore);
					const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
					const mm = String(minuteOfDay % 60).padStart(2, '0');
					const now = amsterdamInstant(today, `${hh}:${mm}` as ClockTime);
					// A wall-clock time in the spring gap moves to the next hour, still on `today`.
					expect(amsterdamDay(now)).toBe(today);
					expect(countdown(endOf(day), now)).toMatchObject({ lastDay: false, days: daysBefore });
				}
			),
			{ numRuns: 400 }
		);
	});
});
