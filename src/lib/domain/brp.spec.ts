import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	BRP_CHANGE_KINDS,
	BRP_COLUMNS,
	BRP_REASON_CODES,
	BRP_ROW_ERROR_CODES,
	BRP_SKIP_CODES,
	applyBrpDecision,
	decideBrpChange,
	isBrpChangeKind,
	isBsn,
	readBrpRow,
	type BrpChange,
	type BrpDecision,
	type BrpRawRow,
	type BrpRegistrationState
} from './brp';
import { LAW, mvt } from './legal';

const TODAY = '2026-11-20';

/** A BSN with a valid check digit from eight digits, or null when no digit fits (sum ≡ 10). */
function bsnFrom(eight: string): string | null {
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += (9 - i) * Number(eight[i]);
	const check = sum % 11;
	return check === 10 ? null : `${eight}${check}`;
}

const ACTIVE: BrpRegistrationState = {
	status: 'active',
	types: [
		{ type: 'TK', startsOn: '2025-01-01', endedOn: null },
		{ type: 'EP', startsOn: '2025-01-01', endedOn: null },
		{ type: 'KNI', startsOn: '2025-01-01', endedOn: null }
	],
	residentialAddress: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
	hasCorrespondenceAddress: false,
	hasEmail: true,
	caribbeanConditionMet: false,
	deceased: false,
	lastBrpChangeOn: null
};

const state = (patch: Partial<BrpRegistrationState> = {}): BrpRegistrationState => ({
	...ACTIVE,
	...patch
});

const applied = (decision: BrpDecision) => {
	if (decision.action !== 'apply') throw new Error(`expected apply, got ${decision.reason.code}`);
	return decision;
};

const codes = (decision: BrpDecision) =>
	decision.action === 'apply' ? decision.reasons.map((r) => r.code) : [decision.reason.code];

const articles = (decision: BrpDecision) =>
	(decision.action === 'apply' ? decision.reasons : [decision.reason]).flatMap((r) =>
		r.basis.map((b) => b.code)
	);

describe('isBsn', () => {
	it.each(['111222333', '123456782', '010000008', '999999990'])('accepts %s', (bsn) => {
		expect(isBsn(bsn)).toBe(true);
	});

	it.each([
		['123456789', 'a wrong check digit'],
		['000000000', 'all zeros'],
		['12345678', 'eight digits'],
		['1234567820', 'ten digits'],
		['12345678a', 'a letter'],
		[' 123456782', 'a space']
	])('refuses %j (%s)', (bsn) => {
		expect(isBsn(bsn)).toBe(false);
	});

	it('refuses what is not a string', () => {
		expect(isBsn(123456782)).toBe(false);
		expect(isBsn(null)).toBe(false);
	});

	it('accepts exactly the numbers whose weighted sum is a multiple of 11', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 0, max: 9 }), (eight, last) => {
				const valid = bsnFrom(eight);
				const candidate = `${eight}${last}`;
				expect(isBsn(candidate)).toBe(candidate === valid && candidate !== '000000000');
			})
		);
	});
});

describe('isBrpChangeKind', () => {
	it('knows the six kinds and nothing else', () => {
		for (const kind of BRP_CHANGE_KINDS) expect(isBrpChangeKind(kind)).toBe(true);
		expect(BRP_CHANGE_KINDS).toHaveLength(6);
		expect(isBrpChangeKind('moved')).toBe(false);
		expect(isBrpChangeKind(undefined)).toBe(false);
	});
});

describe('readBrpRow', () => {
	const ok = (raw: BrpRawRow) => {
		const result = readBrpRow(raw, TODAY);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		return result.row;
	};
	const errors = (raw: BrpRawRow) => {
		const result = readBrpRow(raw, TODAY);
		if (result.ok) throw new Error('expected errors');
		return result.errors;
	};
	const base = { bsn: '123456782', effective_date: '2026-11-01' };

	it('documents its columns in order', () => {
		expect(BRP_COLUMNS).toEqual([
			'bsn',
			'change',
			'effective_date',
			'country',
			'address_line_1',
			'address_line_2',
			'address_line_3',
			'ten_years'
		]);
	});

	it('reads the changes that need no more than a date', () => {
		for (const kind of ['lost_nationality', 'died', 'excluded_from_voting'] as const) {
			expect(ok({ ...base, change: kind })).toEqual({
				bsn: '123456782',
				change: { kind, effectiveOn: '2026-11-01' }
			});
		}
	});

	it('reads a settlement in the Netherlands with or without the address there', () => {
		expect(ok({ ...base, change: 'settled_in_netherlands', country: 'NL' }).change).toEqual({
			kind: 'settled_in_netherlands',
			effectiveOn: '2026-11-01',
			address: { lines: [], country: 'NL' }
		});
		expect(
			ok({
				...base,
				change: 'settled_in_netherlands',
				country: 'BQ',
				address_line_1: 'Kaya Grandi 1',
				address_line_2: 'Kralendijk'
			}).change.address
		).toEqual({ lines: ['Kaya Grandi 1', 'Kralendijk'], country: 'BQ' });
	});

	it('reads a new address, tidying spaces and dropping empty lines', () => {
		expect(
			ok({
				...base,
				change: 'new_address',
				country: 'FR',
				address_line_1: '  12  rue de la Paix ',
				address_line_2: '',
				address_line_3: '75002 Paris',
				ten_years: ''
			}).change
		).toEqual({
			kind: 'new_address',
			effectiveOn: '2026-11-01',
			address: { lines: ['12 rue de la Paix', '75002 Paris'], country: 'FR' }
		});
	});

	it('reads ten_years as text (CSV) or as a boolean (JSON), or leaves it unknown', () => {
		const move = { ...base, change: 'moved_to_caribbean', country: 'CW', address_line_1: 'A 1' };
		expect(ok({ ...move, ten_years: 'true' }).change.tenYears).toBe(true);
		expect(ok({ ...move, ten_years: 'false' }).change.tenYears).toBe(false);
		expect(ok({ ...move, ten_years: true }).change.tenYears).toBe(true);
		expect(ok({ ...move, ten_years: false }).change.tenYears).toBe(false);
		expect(ok({ ...move, ten_years: null }).change).not.toHaveProperty('tenYears');
		expect(ok(move).change).not.toHaveProperty('tenYears');
		expect(
			ok({ ...base, change: 'new_address', country: 'AW', address_line_1: 'B 2' }).change
		).toMatchObject({ kind: 'new_address', address: { country: 'AW' } });
	});

	it('treats null in JSON as an empty field', () => {
		expect(ok({ ...base, change: 'died', country: null, address_line_1: null }).change).toEqual({
			kind: 'died',
			effectiveOn: '2026-11-01'
		});
	});

	it('requires the BSN, the change and the date', () => {
		expect(errors({})).toEqual([
			{ field: 'bsn', code: 'required' },
			{ field: 'change', code: 'required' },
			{ field: 'effective_date', code: 'required' }
		]);
		expect(errors({ bsn: ' ', change: '', effective_date: '' })).toHaveLength(3);
	});

	it('refuses a BSN that fails the elfproef', () => {
		expect(errors({ ...base, bsn: '123456789', change: 'died' })).toEqual([
			{ field: 'bsn', code: 'bsn_invalid' }
		]);
	});

	it('refuses numbers and booleans where text belongs, once per field', () => {
		expect(
			errors({ bsn: 123456782 as unknown as string, change: true, effective_date: false })
		).toEqual([
			{ field: 'bsn', code: 'not_text' },
			{ field: 'change', code: 'not_text' },
			{ field: 'effective_date', code: 'not_text' }
		]);
		expect(
			errors({
				...base,
				change: 'new_address',
				country: 1 as unknown as string,
				address_line_1: 2 as unknown as string
			})
		).toEqual([
			{ field: 'country', code: 'not_text' },
			{ field: 'address_line_1', code: 'not_text' }
		]);
	});

	it('refuses an unknown change', () => {
		expect(errors({ ...base, change: 'emigrated' })).toEqual([
			{ field: 'change', code: 'change_unknown' }
		]);
	});

	it('refuses an impossible date, another format, and a date after today', () => {
		for (const date of ['2026-02-30', '01-11-2026', '2026-1-1']) {
			expect(errors({ ...base, change: 'died', effective_date: date })).toEqual([
				{ field: 'effective_date', code: 'date_invalid' }
			]);
		}
		expect(errors({ ...base, change: 'died', effective_date: '2026-11-21' })).toEqual([
			{ field: 'effective_date', code: 'date_in_future' }
		]);
		expect(ok({ ...base, change: 'died', effective_date: TODAY }).change.effectiveOn).toBe(TODAY);
	});

	it('requires a country where the change has one, and checks it fits the change', () => {
		expect(errors({ ...base, change: 'settled_in_netherlands' })).toEqual([
			{ field: 'country', code: 'required' }
		]);
		expect(errors({ ...base, change: 'settled_in_netherlands', country: 'DE' })).toEqual([
			{ field: 'country', code: 'country_not_netherlands' }
		]);
		expect(errors({ ...base, change: 'new_address', country: 'XX', address_line_1: 'a' })).toEqual([
			{ field: 'country', code: 'country_invalid' }
		]);
		expect(errors({ ...base, change: 'new_address', country: 'nl', address_line_1: 'a' })).toEqual([
			{ field: 'country', code: 'country_invalid' }
		]);
		for (const country of ['NL', 'BQ']) {
			expect(errors({ ...base, change: 'new_address', country, address_line_1: 'a' })).toEqual([
				{ field: 'country', code: 'country_in_netherlands' }
			]);
		}
		expect(
			errors({ ...base, change: 'moved_to_caribbean', country: 'BQ', address_line_1: 'a' })
		).toEqual([{ field: 'country', code: 'country_not_caribbean' }]);
	});

	it('requires the first address line for a new address', () => {
		expect(errors({ ...base, change: 'new_address', country: 'FR' })).toEqual([
			{ field: 'address_line_1', code: 'required' }
		]);
		expect(
			errors({ ...base, change: 'moved_to_caribbean', country: 'SX', address_line_2: 'x' })
		).toEqual([{ field: 'address_line_1', code: 'required' }]);
	});

	it('refuses values in fields the change does not use (a shifted column)', () => {
		expect(
			errors({
				...base,
				change: 'died',
				country: 'DE',
				address_line_1: 'a',
				address_line_2: 'b',
				address_line_3: 'c',
				ten_years: 'true'
			})
		).toEqual([
			{ field: 'country', code: 'not_allowed' },
			{ field: 'address_line_1', code: 'not_allowed' },
			{ field: 'address_line_2', code: 'not_allowed' },
			{ field: 'address_line_3', code: 'not_allowed' },
			{ field: 'ten_years', code: 'not_allowed' }
		]);
		expect(
			errors({ ...base, change: 'settled_in_netherlands', country: 'NL', ten_years: false })
		).toEqual([{ field: 'ten_years', code: 'not_allowed' }]);
	});

	it('refuses long lines, markup and invisible characters in addresses', () => {
		const move = { ...base, change: 'new_address', country: 'US' };
		expect(errors({ ...move, address_line_1: 'x'.repeat(101) })).toEqual([
			{ field: 'address_line_1', code: 'too_long' }
		]);
		expect(ok({ ...move, address_line_1: 'x'.repeat(100) }).change.address?.lines).toHaveLength(1);
		expect(errors({ ...move, address_line_1: 'a', address_line_2: '<b>x</b>' })).toEqual([
			{ field: 'address_line_2', code: 'characters' }
		]);
		expect(errors({ ...move, address_line_1: 'a', address_line_3: 'x\u202ey' })).toEqual([
			{ field: 'address_line_3', code: 'characters' }
		]);
		expect(ok({ ...move, address_line_1: 'Ул. Ленина 5, кв. 3' }).change.address?.lines).toEqual([
			'Ул. Ленина 5, кв. 3'
		]);
	});

	it('refuses a ten_years value other than true, false or empty', () => {
		const move = { ...base, change: 'moved_to_caribbean', country: 'AW', address_line_1: 'a' };
		for (const value of ['yes', 'ja', '1', 1 as unknown as string]) {
			expect(errors({ ...move, ten_years: value })).toEqual([
				{ field: 'ten_years', code: 'ten_years_invalid' }
			]);
		}
	});

	it('lists every problem of a row, not just the first', () => {
		expect(
			errors({
				bsn: '12',
				change: 'new_address',
				effective_date: '2099-01-01',
				country: 'NL',
				ten_years: 'maybe'
			})
		).toEqual([
			{ field: 'bsn', code: 'bsn_invalid' },
			{ field: 'effective_date', code: 'date_in_future' },
			{ field: 'ten_years', code: 'ten_years_invalid' },
			{ field: 'country', code: 'country_in_netherlands' },
			{ field: 'address_line_1', code: 'required' }
		]);
	});

	it('names every error code it can produce', () => {
		expect(BRP_ROW_ERROR_CODES).toHaveLength(14);
	});
});

describe('decideBrpChange', () => {
	const change = (kind: BrpChange['kind'], patch: Partial<BrpChange> = {}): BrpChange => ({
		kind,
		effectiveOn: '2026-11-01',
		...patch
	});
	const inNl = (country = 'NL', lines: string[] = []) =>
		change('settled_in_netherlands', { address: { lines, country } });
	const newAddress = (country: string, lines = ['Street 1'], patch: Partial<BrpChange> = {}) =>
		change(CARIBBEAN.includes(country) ? 'moved_to_caribbean' : 'new_address', {
			address: { lines, country },
			...patch
		});
	const CARIBBEAN = ['AW', 'CW', 'SX'];

	describe('skips, with a reason, what it cannot or need not apply', () => {
		it('a change for someone not registered', () => {
			const decision = decideBrpChange(null, change('died'));
			expect(decision).toEqual({
				action: 'skip',
				reason: { code: 'brp_not_registered', basis: [LAW.REGISTER_ABROAD, LAW.BRP_CHANGES] }
			});
		});

		it('a change for a registration already removed, ended or of someone who died', () => {
			const ended = ACTIVE.types.map((t) => ({ ...t, endedOn: '2026-01-01' }));
			for (const s of [
				state({ status: 'removed' }),
				state({ deceased: true }),
				state({ types: ended }),
				state({ types: [] })
			]) {
				for (const kind of BRP_CHANGE_KINDS) {
					const c =
						kind === 'settled_in_netherlands'
							? inNl()
							: kind.includes('address') || kind === 'moved_to_caribbean'
								? newAddress(kind === 'moved_to_caribbean' ? 'CW' : 'FR')
								: change(kind);
					expect(decideBrpChange(s, c)).toEqual({
						action: 'skip',
						reason: { code: 'brp_already_removed', basis: [LAW.EX_OFFICIO_REMOVAL] }
					});
				}
			}
		});

		it('a change of residence older than the last one applied (an old file imported again)', () => {
			const s = state({ lastBrpChangeOn: '2026-11-02' });
			expect(decideBrpChange(s, newAddress('FR'))).toEqual({
				action: 'skip',
				reason: { code: 'brp_superseded', basis: [LAW.BRP_CHANGES] }
			});
			expect(decideBrpChange(s, inNl()).action).toBe('skip');
			// Death, nationality and exclusion do not depend on where someone lives: they apply.
			for (const kind of ['died', 'lost_nationality', 'excluded_from_voting'] as const) {
				expect(decideBrpChange(s, change(kind)).action).toBe('apply');
			}
			// The same day is not older: two changes on one day both apply.
			expect(
				decideBrpChange(state({ lastBrpChangeOn: '2026-11-01' }), newAddress('FR')).action
			).toBe('apply');
		});

		it('a new address that is the address already registered', () => {
			const same = change('new_address', { address: { ...ACTIVE.residentialAddress } });
			expect(decideBrpChange(ACTIVE, same)).toEqual({
				action: 'skip',
				reason: { code: 'brp_no_change', basis: [LAW.BRP_CHANGES] }
			});
		});
	});

	describe('removes from every type', () => {
		it('someone who settled in the Netherlands (KW D 6(3), D 2, B 4(1))', () => {
			const decision = applied(decideBrpChange(ACTIVE, inNl()));
			expect(decision).toMatchObject({
				outcome: 'removed',
				effectiveOn: '2026-11-01',
				endTypes: ['TK', 'EP', 'KNI'],
				endReason: 'brp_settled_in_netherlands',
				residentialAddress: null,
				deceasedOn: null,
				papersTo: null,
				notice: { channel: 'email', letterTo: null }
			});
			expect(decision.reasons).toEqual([
				{
					code: 'brp_settled_in_netherlands',
					basis: [
						LAW.EX_OFFICIO_REMOVAL,
						LAW.BRP_CHANGES,
						LAW.REGISTER_ABROAD,
						LAW.RESIDENT_DEFINITION
					],
					params: { effectiveOn: '2026-11-01', country: 'NL' }
				}
			]);
		});

		it('someone who settled in Bonaire, Sint Eustatius or Saba, keeping the address given', () => {
			const decision = applied(decideBrpChange(ACTIVE, inNl('BQ', ['Kaya Grandi 1'])));
			expect(decision.outcome).toBe('removed');
			expect(codes(decision)).toEqual(['brp_settled_in_bes']);
			expect(decision.residentialAddress).toEqual({ lines: ['Kaya Grandi 1'], country: 'BQ' });
		});

		it('someone who lost Dutch nationality, citing the franchise of each type held (KW B 1, Y 3, Pa 2)', () => {
			const decision = applied(decideBrpChange(ACTIVE, change('lost_nationality')));
			expect(decision.outcome).toBe('removed');
			expect(decision.endReason).toBe('brp_lost_nationality');
			expect(articles(decision)).toEqual([
				'KW D 6(3)',
				'KW D 6(2)',
				'KW B 1(1)',
				'KW Y 3(a)',
				'KW Pa 2(1)',
				'KW D 2'
			]);
			const epOnly = state({ types: [{ type: 'EP', startsOn: '2025-01-01', endedOn: null }] });
			expect(articles(decideBrpChange(epOnly, change('lost_nationality')))).toEqual([
				'KW D 6(3)',
				'KW D 6(2)',
				'KW Y 3(a)',
				'KW D 2'
			]);
		});

		it('someone excluded from voting (KW B 5(1), D 2, D 6(3))', () => {
			const decision = applied(decideBrpChange(ACTIVE, change('excluded_from_voting')));
			expect(decision.outcome).toBe('removed');
			expect(articles(decision)).toEqual(['KW D 6(3)', 'KW D 6(2)', 'KW B 5(1)', 'KW D 2']);
		});

		it('someone who died, with no notice at all (KB D 10, MvT §3.4)', () => {
			for (const s of [
				ACTIVE,
				state({ hasEmail: false }),
				state({ hasCorrespondenceAddress: true })
			]) {
				const decision = applied(decideBrpChange(s, change('died')));
				expect(decision).toMatchObject({
					outcome: 'removed',
					endReason: 'brp_died',
					deceasedOn: '2026-11-01',
					notice: {
						channel: 'none',
						letterTo: null,
						basis: [LAW.EX_OFFICIO_DECISION, LAW.EX_OFFICIO_NOTICE, mvt('3.4')]
					}
				});
			}
		});

		it('only the types not yet ended', () => {
			const s = state({
				types: [
					{ type: 'TK', startsOn: '2025-01-01', endedOn: '2026-03-01' },
					{ type: 'EP', startsOn: '2027-01-01', endedOn: null }
				]
			});
			expect(applied(decideBrpChange(s, change('died'))).endTypes).toEqual(['EP']);
		});
	});

	describe('processes a new address abroad (KW D 6(2))', () => {
		it('updates the residential address; the papers follow it', () => {
			const decision = applied(decideBrpChange(ACTIVE, newAddress('FR', ['1 rue X', 'Paris'])));
			expect(decision).toMatchObject({
				outcome: 'changed',
				endTypes: [],
				endReason: null,
				residentialAddress: { lines: ['1 rue X', 'Paris'], country: 'FR' },
				papersTo: 'residential_address',
				notice: { channel: 'email' }
			});
			expect(decision.reasons).toEqual([
				{
					code: 'brp_new_address',
					basis: [LAW.BRP_CHANGES],
					params: { country: 'FR', effectiveOn: '2026-11-01' }
				},
				{
					code: 'brp_papers_to_residential_address',
					basis: [LAW.REGISTRATION_DATA, LAW.POSTAL_VOTE_ABROAD]
				}
			]);
		});

		it('keeps sending papers to a registered correspondence address (MvT §3.5)', () => {
			const s = state({ hasCorrespondenceAddress: true });
			const decision = applied(decideBrpChange(s, newAddress('US')));
			expect(decision.papersTo).toBe('correspondence_address');
			expect(codes(decision)).toEqual(['brp_new_address', 'brp_papers_to_correspondence_address']);
			expect(decision.reasons[1]!.basis).toEqual([
				LAW.REGISTRATION_DATA,
				LAW.POSTAL_VOTE_ABROAD,
				mvt('3.5')
			]);
		});

		it('treats a move within Aruba, Curaçao and Sint Maarten as a new address', () => {
			const s = state({
				residentialAddress: { lines: ['Kaya 1'], country: 'CW' },
				caribbeanConditionMet: true
			});
			const decision = applied(decideBrpChange(s, newAddress('AW')));
			expect(decision.outcome).toBe('changed');
			expect(decision.endTypes).toEqual([]);
			expect(codes(decision)[0]).toBe('brp_new_address');
		});

		it('restores no type on leaving Aruba, Curaçao or Sint Maarten (registration is on application)', () => {
			const s = state({
				residentialAddress: { lines: ['Kaya 1'], country: 'SX' },
				types: [{ type: 'EP', startsOn: '2025-01-01', endedOn: null }]
			});
			const decision = applied(decideBrpChange(s, newAddress('DE')));
			expect(decision).toMatchObject({ outcome: 'changed', endTypes: [] });
		});

		it('compares addresses line by line and by country', () => {
			const base = ACTIVE.residentialAddress;
			expect(decideBrpChange(ACTIVE, newAddress('DE', [...base.lines, 'x'])).action).toBe('apply');
			expect(decideBrpChange(ACTIVE, newAddress('DE', [base.lines[0]!, 'other'])).action).toBe(
				'apply'
			);
			expect(decideBrpChange(ACTIVE, newAddress('AT', base.lines)).action).toBe('apply');
		});
	});

	describe('a move into Aruba, Curaçao or Sint Maarten', () => {
		it('ends TK and KNI and keeps EP (KW B 1, Pa 2; Y 3(a), Y 5a)', () => {
			const decision = applied(decideBrpChange(ACTIVE, newAddress('CW', ['Kaya 2', 'Willemstad'])));
			expect(decision).toMatchObject({
				outcome: 'types_ended',
				endTypes: ['TK', 'KNI'],
				endReason: 'brp_caribbean_types_ended',
				residentialAddress: { lines: ['Kaya 2', 'Willemstad'], country: 'CW' },
				papersTo: 'residential_address',
				notice: { channel: 'email' }
			});
			expect(codes(decision)).toEqual([
				'brp_moved_to_caribbean',
				'brp_caribbean_types_ended',
				'brp_ep_kept',
				'brp_papers_to_residential_address'
			]);
			expect(decision.reasons[1]).toEqual({
				code: 'brp_caribbean_types_ended',
				basis: [
					LAW.TK_VOTERS,
					LAW.CARIBBEAN_EXCEPTION,
					LAW.KNI_VOTERS,
					LAW.KNI_CARIBBEAN_EXCEPTION,
					LAW.EX_OFFICIO_REMOVAL
				],
				params: { country: 'CW', effectiveOn: '2026-11-01', types: 'TK,KNI' }
			});
			expect(decision.reasons[2]!.basis).toEqual([LAW.EP_VOTERS, LAW.EP_REGISTER]);
		});

		it('also when the BRP reports it as a new address, and keeps the correspondence address for the papers', () => {
			const s = state({ hasCorrespondenceAddress: true });
			const decision = applied(
				decideBrpChange(
					s,
					change('new_address', { address: { lines: ['Front St 3'], country: 'SX' } })
				)
			);
			expect(decision.outcome).toBe('types_ended');
			expect(decision.papersTo).toBe('correspondence_address');
		});

		it('cites only the type that ends', () => {
			const s = state({
				types: [
					{ type: 'KNI', startsOn: '2025-01-01', endedOn: null },
					{ type: 'EP', startsOn: '2025-01-01', endedOn: null }
				]
			});
			const decision = applied(decideBrpChange(s, newAddress('AW')));
			expect(decision.endTypes).toEqual(['KNI']);
			expect(decision.reasons[1]!.basis).toEqual([
				LAW.KNI_VOTERS,
				LAW.KNI_CARIBBEAN_EXCEPTION,
				LAW.EX_OFFICIO_REMOVAL
			]);
			const tkOnly = state({
				types: [
					{ type: 'TK', startsOn: '2025-01-01', endedOn: null },
					{ type: 'EP', startsOn: '2025-01-01', endedOn: null }
				]
			});
			expect(applied(decideBrpChange(tkOnly, newAddress('AW'))).reasons[1]!.basis).toEqual([
				LAW.TK_VOTERS,
				LAW.CARIBBEAN_EXCEPTION,
				LAW.EX_OFFICIO_REMOVAL
			]);
		});

		it('removes someone registered only for TK and KNI', () => {
			const s = state({ types: ACTIVE.types.filter((t) => t.type !== 'EP') });
			const decision = applied(decideBrpChange(s, newAddress('SX')));
			expect(decision).toMatchObject({
				outcome: 'removed',
				endTypes: ['TK', 'KNI'],
				papersTo: null
			});
			expect(codes(decision)).toEqual(['brp_moved_to_caribbean', 'brp_caribbean_types_ended']);
		});

		it('keeps every type when the BRP knows of ten years in the Netherlands (KW B 1(2)(a), Pa 2(2)(a))', () => {
			const decision = applied(
				decideBrpChange(ACTIVE, newAddress('CW', ['Kaya 2'], { tenYears: true }))
			);
			expect(decision).toMatchObject({
				outcome: 'changed',
				endTypes: [],
				caribbeanConditionMet: true
			});
			expect(codes(decision)).toEqual([
				'brp_moved_to_caribbean',
				'brp_caribbean_ten_years',
				'brp_ep_kept',
				'brp_papers_to_residential_address'
			]);
			expect(decision.reasons[1]!.basis).toEqual([
				LAW.CARIBBEAN_TEN_YEARS,
				LAW.KNI_CARIBBEAN_TEN_YEARS
			]);
		});

		it('keeps every type when the condition is on record (public service, KB D 4(c))', () => {
			const s = state({ caribbeanConditionMet: true, hasCorrespondenceAddress: true });
			const decision = applied(decideBrpChange(s, newAddress('AW', ['x'], { tenYears: false })));
			expect(decision).toMatchObject({ outcome: 'changed', caribbeanConditionMet: false });
			expect(codes(decision)).toEqual([
				'brp_moved_to_caribbean',
				'brp_caribbean_condition_on_record',
				'brp_ep_kept',
				'brp_papers_to_correspondence_address'
			]);
		});

		it('ends TK and KNI when the BRP says the ten years are not met, or does not say', () => {
			for (const tenYears of [false, undefined]) {
				const c = newAddress('AW', ['x'], tenYears === undefined ? {} : { tenYears });
				expect(applied(decideBrpChange(ACTIVE, c)).endTypes).toEqual(['TK', 'KNI']);
			}
		});

		it('changes only the address of someone registered for EP alone', () => {
			const s = state({ types: [{ type: 'EP', startsOn: '2025-01-01', endedOn: null }] });
			const decision = applied(decideBrpChange(s, newAddress('CW')));
			expect(decision).toMatchObject({ outcome: 'changed', endTypes: [] });
			expect(codes(decision)).toEqual([
				'brp_moved_to_caribbean',
				'brp_ep_kept',
				'brp_papers_to_residential_address'
			]);
		});

		it('changes only the address when TK and KNI ended before', () => {
			const s = state({
				types: [
					{ type: 'TK', startsOn: '2025-01-01', endedOn: '2026-01-01' },
					{ type: 'EP', startsOn: '2025-01-01', endedOn: null }
				]
			});
			expect(applied(decideBrpChange(s, newAddress('SX', ['y'], { tenYears: true }))).outcome).toBe(
				'changed'
			);
		});
	});

	describe('notifies every applied change without delay (KW D 7(2), KB D 10)', () => {
		it('by e-mail where the person has one (MvT §3.3)', () => {
			const decision = applied(
				decideBrpChange(state({ hasCorrespondenceAddress: true }), change('lost_nationality'))
			);
			expect(decision.notice).toEqual({
				channel: 'email',
				letterTo: null,
				basis: [LAW.EX_OFFICIO_DECISION, LAW.EX_OFFICIO_NOTICE, mvt('3.3')]
			});
		});

		it('otherwise by letter, to the correspondence address where registered', () => {
			const decision = applied(
				decideBrpChange(
					state({ hasEmail: false, hasCorrespondenceAddress: true }),
					newAddress('FR')
				)
			);
			expect(decision.notice).toMatchObject({
				channel: 'letter',
				letterTo: 'correspondence_address'
			});
		});

		it('otherwise by letter to the residential address (after the change)', () => {
			const decision = applied(
				decideBrpChange(state({ hasEmail: false }), inNl('NL', ['Spui 70']))
			);
			expect(decision.notice).toMatchObject({ channel: 'letter', letterTo: 'residential_address' });
		});
	});

	describe('refuses changes that the row check would have refused', () => {
		it.each([
			['settled_in_netherlands without an address', change('settled_in_netherlands')],
			['settled_in_netherlands abroad', inNl('DE')],
			['settled_in_netherlands with a bad country', inNl('XX')],
			[
				'a new address in the Netherlands',
				change('new_address', { address: { lines: ['a'], country: 'NL' } })
			],
			['a new address in BES', change('new_address', { address: { lines: ['a'], country: 'BQ' } })],
			[
				'moved_to_caribbean elsewhere',
				change('moved_to_caribbean', { address: { lines: ['a'], country: 'FR' } })
			],
			['a new address without one', change('new_address')]
		])('%s', (_name, c) => {
			expect(() => decideBrpChange(ACTIVE, c)).toThrow(RangeError);
		});
	});

	it('gives every decision its legal basis, and uses only known codes', () => {
		const kinds: BrpChange[] = [
			inNl(),
			inNl('BQ'),
			change('lost_nationality'),
			change('died'),
			change('excluded_from_voting'),
			newAddress('FR'),
			newAddress('CW'),
			newAddress('CW', ['x'], { tenYears: true })
		];
		const states = [
			ACTIVE,
			state({ hasEmail: false }),
			state({ hasCorrespondenceAddress: true }),
			state({ caribbeanConditionMet: true }),
			state({ types: [{ type: 'EP', startsOn: '2025-01-01', endedOn: null }] }),
			state({ types: [{ type: 'TK', startsOn: '2025-01-01', endedOn: null }] })
		];
		for (const s of [...states, null]) {
			for (const c of kinds) {
				const decision = decideBrpChange(s, c);
				const reasons = decision.action === 'apply' ? decision.reasons : [decision.reason];
				expect(reasons.length).toBeGreaterThan(0);
				for (const r of reasons) {
					expect(r.basis.length, r.code).toBeGreaterThan(0);
					expect([...BRP_REASON_CODES, ...BRP_SKIP_CODES]).toContain(r.code);
				}
				if (decision.action === 'apply') expect(decision.notice.basis.length).toBeGreaterThan(0);
			}
		}
	});
});

describe('applyBrpDecision', () => {
	it('ends the types on the day of the decision and sets the status', () => {
		const decision = decideBrpChange(ACTIVE, { kind: 'died', effectiveOn: '2026-10-30' });
		expect(applyBrpDecision(ACTIVE, decision, TODAY)).toEqual({
			...ACTIVE,
			status: 'removed',
			deceased: true,
			types: ACTIVE.types.map((t) => ({ ...t, endedOn: TODAY })),
			lastBrpChangeOn: '2026-10-30'
		});
	});

	it('keeps EP and stores the new address after a move to Curaçao', () => {
		const address = { lines: ['Kaya 2'], country: 'CW' };
		const decision = decideBrpChange(ACTIVE, {
			kind: 'moved_to_caribbean',
			effectiveOn: '2026-11-01',
			address
		});
		const after = applyBrpDecision(ACTIVE, decision, TODAY);
		expect(after.status).toBe('active');
		expect(after.residentialAddress).toEqual(address);
		expect(after.types).toEqual([
			{ type: 'TK', startsOn: '2025-01-01', endedOn: TODAY },
			{ type: 'EP', startsOn: '2025-01-01', endedOn: null },
			{ type: 'KNI', startsOn: '2025-01-01', endedOn: TODAY }
		]);
	});

	it('leaves an ended type as it was', () => {
		const s = state({
			types: [
				{ type: 'TK', startsOn: '2025-01-01', endedOn: '2026-02-01' },
				{ type: 'EP', startsOn: '2025-01-01', endedOn: null }
			]
		});
		const after = applyBrpDecision(
			s,
			decideBrpChange(s, { kind: 'lost_nationality', effectiveOn: '2026-11-01' }),
			TODAY
		);
		expect(after.types[0]!.endedOn).toBe('2026-02-01');
		expect(after.types[1]!.endedOn).toBe(TODAY);
	});

	it('remembers a condition that became known and never moves the last change date back', () => {
		const s = state({ lastBrpChangeOn: '2026-11-05' });
		const decision: BrpDecision = {
			...applied(
				decideBrpChange(state(), {
					kind: 'moved_to_caribbean',
					effectiveOn: '2026-11-01',
					address: { lines: ['x'], country: 'AW' },
					tenYears: true
				})
			)
		};
		const after = applyBrpDecision(s, decision, TODAY);
		expect(after.caribbeanConditionMet).toBe(true);
		expect(after.lastBrpChangeOn).toBe('2026-11-05');
	});

	it('moves the last change date forward to the change applied', () => {
		const s = state({ lastBrpChangeOn: '2026-10-01' });
		const decision = decideBrpChange(s, { kind: 'lost_nationality', effectiveOn: '2026-11-01' });
		expect(applyBrpDecision(s, decision, TODAY).lastBrpChangeOn).toBe('2026-11-01');
	});

	it('leaves the state alone for a skipped change', () => {
		const skipped = decideBrpChange(state({ status: 'removed' }), {
			kind: 'died',
			effectiveOn: TODAY
		});
		expect(applyBrpDecision(ACTIVE, skipped, TODAY)).toBe(ACTIVE);
	});

	it('makes every change idempotent: applied once, the same change again is skipped', () => {
		const kind = fc.constantFrom(...BRP_CHANGE_KINDS);
		const country = fc.constantFrom('DE', 'FR', 'US', 'AW', 'CW', 'SX', 'NL', 'BQ');
		const types = fc.subarray(['TK', 'EP', 'KNI'] as const, { minLength: 1 });
		fc.assert(
			fc.property(
				kind,
				country,
				fc.constantFrom('DE', 'CW'),
				types,
				fc.boolean(),
				fc.boolean(),
				fc.option(fc.boolean(), { nil: undefined }),
				(k, c, from, held, email, correspondence, tenYears) => {
					const s = state({
						residentialAddress: { lines: ['Old 1'], country: from },
						types: held.map((type) => ({ type, startsOn: '2025-01-01', endedOn: null })),
						hasEmail: email,
						hasCorrespondenceAddress: correspondence
					});
					const where = ['NL', 'BQ'].includes(c)
						? 'nl'
						: ['AW', 'CW', 'SX'].includes(c)
							? 'cb'
							: 'abroad';
					let ch: BrpChange;
					if (k === 'settled_in_netherlands') {
						ch = {
							kind: k,
							effectiveOn: '2026-11-01',
							address: { lines: [], country: where === 'nl' ? c : 'NL' }
						};
					} else if (k === 'new_address' || k === 'moved_to_caribbean') {
						const target =
							k === 'moved_to_caribbean' ? (where === 'cb' ? c : 'CW') : where === 'nl' ? 'DE' : c;
						ch = {
							kind: k,
							effectiveOn: '2026-11-01',
							address: { lines: ['New 2'], country: target }
						};
						if (tenYears !== undefined) ch.tenYears = tenYears;
					} else {
						ch = { kind: k, effectiveOn: '2026-11-01' };
					}
					const first = decideBrpChange(s, ch);
					expect(first.action).toBe('apply');
					const after = applyBrpDecision(s, first, TODAY);
					const again = decideBrpChange(after, ch);
					expect(again.action).toBe('skip');
					// The state after the first application is final for this change.
					expect(applyBrpDecision(after, again, TODAY)).toBe(after);
				}
			)
		);
	});
});
