import { describe, expect, it } from 'vitest';
import { fixedClock } from './index';

describe('fixedClock (CLOCK)', () => {
	it('is real time when CLOCK is unset', () => {
		expect(fixedClock({})).toBeNull();
		expect(fixedClock({ CLOCK: '' })).toBeNull();
	});

	it('fixes the instant on this machine', () => {
		expect(fixedClock({ CLOCK: '2030-02-10T10:00:00Z' })?.toISOString()).toBe(
			'2030-02-10T10:00:00.000Z'
		);
		expect(
			fixedClock({ CLOCK: '2030-02-10T11:00:00+01:00', ORIGIN: 'http://127.0.0.1:4173' })
		).toEqual(new Date('2030-02-10T10:00:00Z'));
	});

	it('refuses what is not an ISO 8601 instant', () => {
		for (const CLOCK of ['tomorrow', '2030-02-10', '10 February 2030', '2030-02-31T10:00:00Z']) {
			expect(() => fixedClock({ CLOCK }), CLOCK).toThrow(/ISO 8601/);
		}
	});

	it('refuses a fixed clock on a public server: voters would see wrong deadlines', () => {
		expect(() =>
			fixedClock({ CLOCK: '2030-02-10T10:00:00Z', ORIGIN: 'https://stemmen.denhaag.nl' })
		).toThrow(/refusing it on https:\/\/stemmen.denhaag.nl/);
	});
});
