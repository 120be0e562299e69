import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amsterdamDay, amsterdamInstant, amsterdamTime } from './dates';
import {
	countryTimeZone,
	DEFAULT_TIME_ZONE,
	canonicalTimeZone,
	isTimeZone,
	runtimeTimeZone,
	wallClock
} from './zones';

describe('wallClock', () => {
	const end = amsterdamInstant('2030-03-13', 'end-of-day');

	it('reads a Den Haag cut-off in another time zone', () => {
		expect(wallClock(end, 'Europe/Amsterdam')).toEqual({ day: '2030-03-13', time: '23:59' });
		// New York is on summer time from 10 March 2030, Den Haag not yet: five hours behind.
		expect(wallClock(end, 'America/New_York')).toEqual({ day: '2030-03-13', time: '18:59' });
		// Auckland, on summer time (UTC+13): already the next day.
		expect(wallClock(end, 'Pacific/Auckland')).toEqual({ day: '2030-03-14', time: '11:59' });
		expect(wallClock(end, 'UTC')).toEqual({ day: '2030-03-13', time: '22:59' });
	});

	it('rejects an unknown zone or an invalid instant', () => {
		expect(() => wallClock(end, 'Mars/Olympus_Mons')).toThrow(RangeError);
		expect(() => wallClock(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
	});

	it('agrees with the own day of Den Haag and time for any instant', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 7_000_000_000_000 }), (ms) => {
				const instant = new Date(ms);
				expect(wallClock(instant, DEFAULT_TIME_ZONE)).toEqual({
					day: amsterdamDay(instant),
					time: amsterdamTime(instant).slice(0, 5)
				});
			})
		);
	});
});

describe('isTimeZone', () => {
	it('knows IANA zones and refuses anything else', () => {
		for (const zone of ['Europe/Amsterdam', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5']) {
			expect(isTimeZone(zone), zone).toBe(true);
		}
		for (const bad of [
			'',
			'Mars/Olympus_Mons',
			'../../etc/passwd',
			'Europe/Amsterdam; DROP',
			42,
			null
		]) {
			expect(isTimeZone(bad), String(bad)).toBe(false);
		}
		expect(isTimeZone('A'.repeat(100))).toBe(false);
	});

	it('never throws, whatever it is given', () => {
		fc.assert(fc.property(fc.anything(), (x) => typeof isTimeZone(x) === 'boolean'));
	});

	it('gives the spelling of the runtime of a zone', () => {
		expect(canonicalTimeZone('europe/amsterdam')).toBe('Europe/Amsterdam');
		expect(canonicalTimeZone('Nowhere/Land')).toBeNull();
	});
});

describe('runtimeTimeZone', () => {
	it('is the zone this runtime runs in, a zone the portal knows, read once', () => {
		const zone = runtimeTimeZone();
		expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
		expect(isTimeZone(zone)).toBe(true);
		expect(runtimeTimeZone()).toBe(zone);
	});
});

describe('countryTimeZone', () => {
	const at = new Date('2030-02-10T10:00:00Z');

	it('is the zone of a country that keeps one time', () => {
		expect(countryTimeZone('FR', at)).toBe('Europe/Paris');
		expect(countryTimeZone('JP', at)).toBe('Asia/Tokyo');
		expect(countryTimeZone('NL', at)).toBe('Europe/Amsterdam');
		// Berlin and Büsingen read the same all year: one time.
		expect(countryTimeZone('DE', at)).toBe('Europe/Berlin');
	});

	it('is null where a country keeps more than one time, or none is known', () => {
		expect(countryTimeZone('US', at)).toBeNull();
		expect(countryTimeZone('ES', at)).toBeNull(); // the Canaries are an hour behind
		expect(countryTimeZone('AU', at)).toBeNull();
		expect(countryTimeZone('ZZ', at)).toBeNull();
	});
});
