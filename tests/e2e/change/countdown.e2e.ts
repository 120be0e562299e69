/**
 * The nine-week countdown on every page of the change journey (KW D 3(3)), on the server whose
 * clock stands still at 10 February 2030, 11:00 in Den Haag: the seeded TK election of 15 May
 * 2030 has its change cut-off at the end of 13 March 2030 in Den Haag. The days left are worked
 * out here from the fixed clock, not copied from the page.
 */
import { describe, inject } from 'vitest';
import { expect, test } from '../support/browser';
import { ChangeJourney, type ChangeStep, type ChangeVoter } from './support';

const clock = Date.parse(inject('clock'));
// The end of 13 March 2030 in Den Haag: before the switch to summer time, so CET (UTC+1).
const closesAt = Date.parse('2030-03-14T00:00:00+01:00') - 1;
const daysLeft = Math.floor((closesAt - clock) / 86_400_000);

const voter: ChangeVoter = {
	country: 'DE',
	firstNames: 'Lotte',
	surname: 'Smit',
	dateOfBirth: '1988-09-09',
	items: ['phone'],
	phone: '+49 89 123456',
	channel: 'den_haag_upload'
};

// Post by: before the country is known, the default of 14 postal days; from Germany, five.
const dates = {
	nl: {
		election: '15 mei 2030',
		cutoff: '13 maart 2030',
		postByDefault: '27 februari 2030',
		postBy: '8 maart 2030'
	},
	en: {
		election: '15 May 2030',
		cutoff: '13 March 2030',
		postByDefault: '27 February 2030',
		postBy: '8 March 2030'
	}
};

describe('the countdown to the change cut-off on every page (fixed clock)', () => {
	test('the fixed clock is the one the countdown is worked out from', () => {
		expect(inject('clock')).toBe('2030-02-10T10:00:00.000Z');
		expect(daysLeft).toBe(31);
	});

	for (const locale of ['nl', 'en'] as const) {
		test(`in ${locale}: start, every question, check and done pages`, async ({ page }) => {
			const c = new ChangeJourney(page, locale, { origin: inject('clockedURL') });
			const d = dates[locale];
			const expectCountdown = async (where: string, postBy = d.postBy) => {
				const entries = await c.deadlines();
				// Only the TK 2030 election is upcoming at the fixed clock (KNI 2027 is past).
				expect(entries, where).toHaveLength(1);
				const [entry = ''] = entries;
				expect(entry, where).toContain(c.t.cutoffChange);
				expect(entry, where).toContain(d.election);
				expect(entry, where).toContain(d.cutoff);
				expect(entry, where).toContain(c.t.countdownDays(daysLeft));
				expect(entry, where).toContain(postBy);
				expect(entry, where).toContain('D 3(3)');
			};

			await page.goto(c.url('/change'));
			await c.h1(c.t.startTitle).waitFor();
			await expectCountdown('start', d.postByDefault);
			await c.checkPage();
			await page.getByRole('button', { name: c.t.start, exact: true }).click();

			const steps: ChangeStep[] = ['residence', 'identity', 'what', 'phone', 'submission'];
			for (const step of steps) {
				await c.expectStep(step);
				await expectCountdown(step, step === 'residence' ? d.postByDefault : d.postBy);
				await c.fill(step, voter);
				await c.continue();
			}
			await c.expectCheck();
			await expectCountdown('check');
			await c.createForm();
			await expectCountdown('done');
		});
	}
});
