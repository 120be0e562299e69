import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ical from 'node-ical';
import { withTestDatabase } from '../../../../tests/db/database';
import * as calendar from './index';

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());

const byId = (cutoffs: calendar.ApiCutoff[]) => Object.fromEntries(cutoffs.map((c) => [c.id, c]));
const query = (q: string) => calendar.parseCutoffQuery(new URLSearchParams(q));

describe('GET /api/v1/cutoffs', () => {
	it('gives the KNI cut-offs of 17 March 2027, with no proxy, pass or temporarily-abroad vote', () => {
		const result = calendar.cutoffsFor({ electionDay: '2027-03-17', type: 'KNI' });
		const c = byId(result.cutoffs);
		expect(Object.keys(c)).toEqual([
			'change',
			'registration',
			'replacementWritten',
			'replacementInPerson',
			'returnEnvelope',
			'embassyReturn'
		]);
		// DOMAIN.md's worked example; winter time (UTC+1) in Den Haag.
		expect(c.change).toMatchObject({ date: '2027-01-13', closesAt: '2027-01-13T22:59:59.999Z' });
		expect(c.registration).toEqual({
			id: 'registration',
			date: '2027-02-03',
			closesAt: '2027-02-03T22:59:59.999Z',
			basis: {
				article: 'KW D 3(2)',
				url: 'https://wetten.overheid.nl/BWBR0004627/2026-10-01#ArtikelD_3'
			}
		});
		expect(c.replacementWritten?.date).toBe('2027-03-05');
		expect(c.replacementInPerson).toMatchObject({
			date: '2027-03-08',
			closesAt: '2027-03-08T11:00:00.000Z'
		});
		expect(c.returnEnvelope).toMatchObject({
			date: '2027-03-17',
			closesAt: '2027-03-17T14:00:00.000Z'
		});
		// 10:00 local time at the embassy: no single instant.
		expect(c.embassyReturn).toMatchObject({ date: '2027-03-12', closesAt: null });
	});

	it('gives TK its proxy and voter-pass cut-offs six weeks before, each with its own article', () => {
		const c = byId(calendar.cutoffsFor({ electionDay: '2030-05-15', type: 'TK' }).cutoffs);
		expect(c.proxy).toMatchObject({ date: '2030-04-03', basis: { article: 'KW L 9(2)' } });
		expect(c.voterPass).toMatchObject({ date: '2030-04-03', basis: { article: 'KW K 7(2)' } });
		expect(c.temporaryAbroadPostal).toMatchObject({
			date: '2030-04-17',
			basis: { article: 'KW M 3(3)' }
		});
		// Summer time (UTC+2): 15:00 in Den Haag is 13:00 UTC.
		expect(c.returnEnvelope?.closesAt).toBe('2030-05-15T13:00:00.000Z');
	});

	it('gives the EP embassy cut-off on the 6th day before (KW Y 22c)', () => {
		const c = byId(calendar.cutoffsFor({ electionDay: '2029-06-07', type: 'EP' }).cutoffs);
		expect(c.embassyReturn).toMatchObject({ date: '2029-06-01', basis: { article: 'KW Y 22c' } });
	});

	it('refuses a bad query with a message key', () => {
		expect(query('electionDay=2027-02-30&type=TK')).toEqual({
			ok: false,
			error: 'api_error_election_day'
		});
		expect(query('type=TK')).toMatchObject({ error: 'api_error_election_day' });
		expect(query('electionDay=2027-03-17&type=PS')).toMatchObject({ error: 'api_error_type' });
		expect(query('electionDay=2027-03-17&type=KNI')).toEqual({
			ok: true,
			query: { electionDay: '2027-03-17', type: 'KNI' }
		});
	});
});

describe('GET /api/v1/elections', () => {
	it('lists the upcoming elections, a day not yet set included, with every cut-off', async () => {
		const list = await calendar.upcoming(new Date('2026-11-22T12:00:00Z'));
		expect(list.map((e) => e.id).sort()).toEqual(['EP-2029', 'KNI-2027', 'TK-2030']);
		expect(list.find((e) => e.id === 'EP-2029')).toMatchObject({ electionDay: null, cutoffs: [] });
		const tk = list.find((e) => e.id === 'TK-2030')!;
		expect(tk.provisional).toBe(true);
		// Certificates go out on 20 February 2030: a proxy request must come before that day.
		expect(byId(tk.cutoffs).proxy?.date).toBe('2030-02-19');
		// After election day an election is no longer upcoming.
		const later = await calendar.upcoming(new Date('2027-03-18T12:00:00Z'));
		expect(later.map((e) => e.id)).not.toContain('KNI-2027');
	});
});

describe('GET /api/v1/elections.ics', () => {
	const events = (text: string) =>
		Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
	const localDay = (d: Date) =>
		`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

	it('parses, and holds every cut-off of every upcoming election on its day', async () => {
		const list = events(await calendar.feed('en', {}, new Date('2026-11-22T12:00:00Z')));
		// KNI-2027: 6 cut-offs; TK-2030: 9; EP-2029 has no day yet.
		expect(list).toHaveLength(15);
		const registration = list.find(
			(e) => e.uid === 'KNI-2027-registration@kiezer-buitenland.denhaag.nl'
		)!;
		expect(registration.summary).toContain('Last day to register');
		expect(registration.datetype).toBe('date');
		expect(localDay(registration.start)).toBe('2027-02-03');
		expect(registration.description).toContain('KW D 3(2)');
		expect(registration.description).toContain('date not yet final');
		const inPerson = list.find(
			(e) => e.uid === 'KNI-2027-replacementInPerson@kiezer-buitenland.denhaag.nl'
		)!;
		expect(inPerson.end?.toISOString()).toBe('2027-03-08T11:00:00.000Z');
	});

	it('narrows to one election or one type, in the requested language', async () => {
		const now = new Date('2026-11-22T12:00:00Z');
		const kni = events(await calendar.feed('nl', { election: 'KNI-2027' }, now));
		expect(kni).toHaveLength(6);
		expect(kni.every((e) => e.uid.startsWith('KNI-2027-'))).toBe(true);
		expect(kni.find((e) => e.uid.includes('-change@'))?.summary).toContain(
			'Laatste dag voor een wijziging'
		);
		const tk = events(await calendar.feed('de', { type: 'TK' }, now));
		expect(tk).toHaveLength(9);
		expect(tk.find((e) => e.uid.includes('-proxy@'))?.summary).toContain('Vollmacht');
	});
});
