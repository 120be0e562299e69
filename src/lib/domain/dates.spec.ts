import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	addYears,
	ageOn,
	amsterdamDay,
	amsterdamInstant,
	amsterdamTime,
	compareIsoDates,
	daysBetween,
	daysInMonth,
	formatIsoDate,
	isClockTime,
	isIsoDate,
	isLeapYear,
	isValidCalendarDate,
	maxIsoDate,
	minIsoDate,
	parseIsoDate,
	weekday,
	type ClockTime,
	type IsoDate
} from './dates';

// Arbitraries ---------------------------------------------------------------

const EPOCH: IsoDate = '1900-01-01';
/** Any day from 1900 to 2199. */
const anyDay = fc.integer({ min: 0, max: 109_572 }).map((n) => addDays(EPOCH, n));

function lastSunday(year: number, month: number): IsoDate {
	const last = formatIsoDate(year, month, daysInMonth(year, month));
	return addDays(last, -weekday(last));
}

/**
 * Days within a few days of Amsterdam's clock changes (last Sunday of March and
 * of October, the EU rule since 1996), or of 29 February.
 */
const awkwardDay = fc
	.tuple(
		fc.integer({ min: 1996, max: 2199 }),
		fc.constantFrom('march', 'october', 'leap'),
		fc.integer({ min: -3, max: 3 })
	)
	.map(([year, which, shift]) => {
		if (which === 'leap') {
			const leapYear = year - (year % 4);
			const anchor = isLeapYear(leapYear)
				? formatIsoDate(leapYear, 2, 29)
				: formatIsoDate(leapYear, 3, 1);
			return addDays(anchor, shift);
		}
		return addDays(lastSunday(year, which === 'march' ? 3 : 10), shift);
	});

/** Modern days: Amsterdam's present-day rules (clocks change at 02:00/03:00). */
const modernDay = fc.oneof(
	awkwardDay,
	fc.integer({ min: 0, max: 81_000 }).map((n) => addDays('1980-01-01', n))
);

const pad = (n: number) => String(n).padStart(2, '0');
/** Any wall-clock time outside 02:00–02:59, the only hour a clock change touches. */
const safeClockTime = fc
	.tuple(
		fc.integer({ min: 0, max: 23 }).filter((h) => h !== 2),
		fc.integer({ min: 0, max: 59 })
	)
	.map(([h, m]) => `${pad(h)}:${pad(m)}` as ClockTime);

// Calendar ------------------------------------------------------------------

describe('isLeapYear and daysInMonth', () => {
	it('follow the Gregorian rules', () => {
		expect([2024, 2000, 1600].map(isLeapYear)).toEqual([true, true, true]);
		expect([2023, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
		expect(daysInMonth(2024, 2)).toBe(29);
		expect(daysInMonth(2023, 2)).toBe(28);
		expect(daysInMonth(2023, 4)).toBe(30);
		expect(daysInMonth(2023, 12)).toBe(31);
	});
});

describe('isValidCalendarDate', () => {
	it('accepts real days', () => {
		expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
		expect(isValidCalendarDate(2000, 2, 29)).toBe(true);
		expect(isValidCalendarDate(1, 1, 1)).toBe(true);
		expect(isValidCalendarDate(9999, 12, 31)).toBe(true);
	});

	it.each([
		[2023, 2, 29],
		[1900, 2, 29],
		[2024, 2, 31],
		[2024, 4, 31],
		[2024, 13, 1],
		[2024, 0, 1],
		[2024, 1, 0],
		[0, 1, 1],
		[10000, 1, 1],
		[2024.5, 1, 1],
		[2024, 1.5, 1],
		[2024, 1, 1.5]
	])('rejects %d-%d-%d', (y, m, d) => {
		expect(isValidCalendarDate(y, m, d)).toBe(false);
	});
});

describe('isIsoDate', () => {
	it('accepts real days in YYYY-MM-DD', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('0001-01-01')).toBe(true);
	});

	it.each([
		['2023-02-29'],
		['2024-02-30'],
		['2024-1-01'],
		['20240101'],
		[' 2024-01-01'],
		['0000-01-01'],
		['']
	])('rejects %j', (s) => {
		expect(isIsoDate(s)).toBe(false);
	});

	it('rejects what is not a string', () => {
		expect(isIsoDate(20240101)).toBe(false);
		expect(isIsoDate(null)).toBe(false);
		expect(isIsoDate(new Date())).toBe(false);
	});
});

describe('parseIsoDate and formatIsoDate', () => {
	it('round-trip', () => {
		expect(parseIsoDate('2027-03-17')).toEqual({ year: 2027, month: 3, day: 17 });
		expect(formatIsoDate(2027, 3, 17)).toBe('2027-03-17');
		expect(formatIsoDate(5, 1, 2)).toBe('0005-01-02');
	});

	it('throw on what is not a day', () => {
		expect(() => parseIsoDate('2027-3-17')).toThrow(RangeError);
		expect(() => parseIsoDate('2027-02-31')).toThrow(RangeError);
		expect(() => formatIsoDate(2027, 2, 31)).toThrow(RangeError);
	});

	it('round-trip for every day (property)', () => {
		fc.assert(
			fc.property(anyDay, (d) => {
				const { year, month, day } = parseIsoDate(d);
				expect(formatIsoDate(year, month, day)).toBe(d);
			})
		);
	});
});

describe('addDays', () => {
	it('counts calendar days across month, year and 29 February', () => {
		expect(addDays('2027-03-17', -42)).toBe('2027-02-03');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2024-03-01', 0)).toBe('2024-03-01');
	});

	it('works for years below 100 (Date.UTC would read them as 19xx)', () => {
		expect(addDays('0005-03-01', -1)).toBe('0005-02-28');
		expect(addDays('0004-03-01', -1)).toBe('0004-02-29');
	});

	it('ignores daylight saving time: the clock-change Sundays are ordinary days', () => {
		expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
	});

	it('throws on fractional days, invalid days and overflow', () => {
		expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
		expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
		expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
	});

	it('is undone by the opposite shift and measured by daysBetween (property)', () => {
		fc.assert(
			fc.property(fc.oneof(anyDay, awkwardDay), fc.integer({ min: -4000, max: 4000 }), (d, n) => {
				const moved = addDays(d, n);
				expect(addDays(moved, -n)).toBe(d);
				expect(daysBetween(d, moved)).toBe(n);
			})
		);
	});

	it('moves the weekday along (property)', () => {
		fc.assert(
			fc.property(anyDay, fc.integer({ min: -1000, max: 1000 }), (d, n) => {
				expect(weekday(addDays(d, n))).toBe((((weekday(d) + n) % 7) + 7) % 7);
			})
		);
	});
});

describe('daysBetween', () => {
	it('is b − a in calendar days', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
		expect(daysBetween('2027-03-17', '2027-01-13')).toBe(-63);
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
	});
});

describe('compareIsoDates, minIsoDate, maxIsoDate', () => {
	it('order days', () => {
		expect(compareIsoDates('2024-01-01', '2024-01-02')).toBe(-1);
		expect(compareIsoDates('2024-01-02', '2024-01-01')).toBe(1);
		expect(compareIsoDates('2024-01-01', '2024-01-01')).toBe(0);
		expect(minIsoDate('2024-05-01', '2024-04-30')).toBe('2024-04-30');
		expect(minIsoDate('2024-04-30', '2024-05-01')).toBe('2024-04-30');
		expect(maxIsoDate('2024-05-01', '2024-04-30')).toBe('2024-05-01');
		expect(maxIsoDate('2024-04-30', '2024-05-01')).toBe('2024-05-01');
	});

	it('reject what is not a day', () => {
		expect(() => compareIsoDates('2024-02-30', '2024-01-01')).toThrow(RangeError);
		expect(() => compareIsoDates('2024-01-01', 'tomorrow')).toThrow(RangeError);
	});

	it('agree with daysBetween (property)', () => {
		fc.assert(
			fc.property(anyDay, anyDay, (a, b) => {
				expect(compareIsoDates(a, b)).toBe(Math.sign(daysBetween(b, a)));
			})
		);
	});
});

describe('weekday', () => {
	it('gives 0 for Sunday', () => {
		expect(weekday('2026-03-29')).toBe(0);
		expect(weekday('2027-02-01')).toBe(1);
		expect(weekday('2027-03-17')).toBe(3);
	});
});

describe('addYears', () => {
	it('keeps the day of the month', () => {
		expect(addYears('2008-06-15', 18)).toBe('2026-06-15');
		expect(addYears('2008-06-15', -8)).toBe('2000-06-15');
	});

	it('keeps 29 February in a leap year', () => {
		expect(addYears('2008-02-29', 4)).toBe('2012-02-29');
	});

	it('moves 29 February to 1 March in a common year (Dutch birthday convention)', () => {
		expect(addYears('2008-02-29', 1)).toBe('2009-03-01');
		expect(addYears('2008-02-29', 18)).toBe('2026-03-01');
		expect(addYears('2008-02-29', -8)).toBe('2000-02-29');
		expect(addYears('2008-02-29', 92)).toBe('2100-03-01');
	});

	it('throws on fractional years', () => {
		expect(() => addYears('2008-01-01', 0.5)).toThrow(RangeError);
	});
});

describe('ageOn', () => {
	it('counts completed years', () => {
		expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
		expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
		expect(ageOn('2008-06-15', '2008-06-15')).toBe(0);
	});

	it('has someone born on 29 February turn older on 1 March in a common year', () => {
		expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
		expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
		expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
		expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
	});

	it('is negative before birth', () => {
		expect(ageOn('2008-06-15', '2008-06-14')).toBe(-1);
	});

	it('is n on the day addYears gives, and n − 1 the day before (property)', () => {
		fc.assert(
			fc.property(fc.oneof(anyDay, awkwardDay), fc.integer({ min: 1, max: 120 }), (dob, n) => {
				const birthday = addYears(dob, n);
				expect(ageOn(dob, birthday)).toBe(n);
				expect(ageOn(dob, addDays(birthday, -1))).toBe(n - 1);
			})
		);
	});

	it('never decreases as the day moves on (property)', () => {
		fc.assert(
			fc.property(anyDay, anyDay, fc.integer({ min: 0, max: 400 }), (dob, day, n) => {
				expect(ageOn(dob, addDays(day, n))).toBeGreaterThanOrEqual(ageOn(dob, day));
			})
		);
	});
});

// Den Haag instants -----------------------------------------------------------

describe('isClockTime', () => {
	it('accepts HH:MM on a 24-hour clock', () => {
		expect(isClockTime('00:00')).toBe(true);
		expect(isClockTime('23:59')).toBe(true);
	});

	it.each([['24:00'], ['7:00'], ['12:60'], ['12.00'], [1200], [null]])('rejects %j', (s) => {
		expect(isClockTime(s)).toBe(false);
	});
});

describe('amsterdamInstant', () => {
	it('ends a winter day at 23:59:59.999 CET (UTC+1)', () => {
		expect(amsterdamInstant('2027-02-03', 'end-of-day').toISOString()).toBe(
			'2027-02-03T22:59:59.999Z'
		);
	});

	it('ends a summer day at 23:59:59.999 CEST (UTC+2)', () => {
		expect(amsterdamInstant('2027-07-01', 'end-of-day').toISOString()).toBe(
			'2027-07-01T21:59:59.999Z'
		);
	});

	it('ends the clock-change Sundays in the new offset', () => {
		expect(amsterdamInstant('2026-03-29', 'end-of-day').toISOString()).toBe(
			'2026-03-29T21:59:59.999Z'
		);
		expect(amsterdamInstant('2026-10-25', 'end-of-day').toISOString()).toBe(
			'2026-10-25T22:59:59.999Z'
		);
		expect(amsterdamInstant('2026-03-28', 'end-of-day').toISOString()).toBe(
			'2026-03-28T22:59:59.999Z'
		);
		expect(amsterdamInstant('2026-10-24', 'end-of-day').toISOString()).toBe(
			'2026-10-24T21:59:59.999Z'
		);
	});

	it('places clock times in the offset of the day', () => {
		expect(amsterdamInstant('2027-03-17', '15:00').toISOString()).toBe('2027-03-17T14:00:00.000Z');
		expect(amsterdamInstant('2027-05-15', '12:00').toISOString()).toBe('2027-05-15T10:00:00.000Z');
		expect(amsterdamInstant('2026-03-29', '12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
		expect(amsterdamInstant('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
	});

	it('moves a time inside the spring-forward gap forward by the gap', () => {
		// 02:30 does not exist on 29 March 2026; it reads as 03:30 CEST.
		const instant = amsterdamInstant('2026-03-29', '02:30');
		expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(amsterdamTime(instant)).toBe('03:30:00.000');
	});

	it('takes the earlier of a time that occurs twice in autumn', () => {
		// 02:30 happens at 00:30 UTC (CEST) and at 01:30 UTC (CET) on 25 October 2026.
		expect(amsterdamInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
	});

	it('throws on an invalid day or time', () => {
		expect(() => amsterdamInstant('2026-02-29', 'end-of-day')).toThrow(RangeError);
		expect(() => amsterdamInstant('2026-03-01', '24:00' as ClockTime)).toThrow(RangeError);
		expect(() => amsterdamInstant('2026-03-01', 'noon' as ClockTime)).toThrow(RangeError);
	});

	it('closes a day at 23:59:59.999 local; 1 ms later it is 00:00 on the next day (property)', () => {
		fc.assert(
			fc.property(modernDay, (day) => {
				const closesAt = amsterdamInstant(day, 'end-of-day');
				expect(amsterdamDay(closesAt)).toBe(day);
				expect(amsterdamTime(closesAt)).toBe('23:59:59.999');
				const next = new Date(closesAt.getTime() + 1);
				expect(amsterdamDay(next)).toBe(addDays(day, 1));
				expect(amsterdamTime(next)).toBe('00:00:00.000');
			}),
			{ numRuns: 500 }
		);
	});

	it('converts 10:00, 12:00 and 15:00 back to that local time on that day (property)', () => {
		fc.assert(
			fc.property(modernDay, fc.constantFrom<ClockTime>('10:00', '12:00', '15:00'), (day, time) => {
				const instant = amsterdamInstant(day, time);
				expect(amsterdamDay(instant)).toBe(day);
				expect(amsterdamTime(instant)).toBe(`${time}:00.000`);
			}),
			{ numRuns: 500 }
		);
	});

	it('converts any time outside the 02:00 hour back to itself (property)', () => {
		fc.assert(
			fc.property(modernDay, safeClockTime, (day, time) => {
				const instant = amsterdamInstant(day, time);
				expect(amsterdamDay(instant)).toBe(day);
				expect(amsterdamTime(instant)).toBe(`${time}:00.000`);
			})
		);
	});

	it('makes a day 23, 24 or 25 hours long, and 23/25 only on clock-change Sundays (property)', () => {
		fc.assert(
			fc.property(modernDay, (day) => {
				const hours =
					(amsterdamInstant(day, 'end-of-day').getTime() -
						amsterdamInstant(addDays(day, -1), 'end-of-day').getTime()) /
					3_600_000;
				expect([23, 24, 25]).toContain(hours);
				if (hours !== 24) expect(weekday(day)).toBe(0);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('amsterdamDay and amsterdamTime', () => {
	it('read the Den Haag calendar day and clock', () => {
		const instant = new Date('2026-03-28T23:30:00.250Z');
		expect(amsterdamDay(instant)).toBe('2026-03-29');
		expect(amsterdamTime(instant)).toBe('00:30:00.250');
		expect(amsterdamDay(new Date('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
		expect(amsterdamDay(new Date('2026-07-01T22:00:00.000Z'))).toBe('2026-07-02');
	});

	it('handle instants before 1970', () => {
		expect(amsterdamTime(new Date('1969-07-20T20:17:40.500Z'))).toBe('21:17:40.500');
	});

	it('throw on an invalid instant', () => {
		expect(() => amsterdamDay(new Date(Number.NaN))).toThrow(RangeError);
		expect(() => amsterdamTime(new Date(Number.NaN))).toThrow(RangeError);
		expect(() => amsterdamDay('2026-01-01' as unknown as Date)).toThrow(RangeError);
	});
});
