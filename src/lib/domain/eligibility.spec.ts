import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from './countries';
import { addDays, addYears, compareIsoDates, type IsoDate } from './dates';
import {
	REASON_CODES,
	assessAge,
	assessRegistration,
	assessResidence,
	availableTypes,
	isReasonCode,
	needsEpDeclaration,
	type Reason,
	type RegistrationFacts
} from './eligibility';
import type { ElectionType } from './elections';

const TODAY = '2027-01-10';
const ADULT = '1990-05-01';
const base: RegistrationFacts = { dutch: true, residence: 'DE', dateOfBirth: ADULT };

const codesOf = (reasons: Reason[]) => reasons.map((r) => r.code);
const basisOf = (reasons: Reason[], code: string) =>
	reasons.find((r) => r.code === code)?.basis.map((b) => b.code);

// Every code any scenario below emits, to prove REASON_CODES has no dead entries.
const emitted = new Set<string>();
function collect(reasons: Reason[]): Reason[] {
	for (const r of reasons) emitted.add(r.code);
	return reasons;
}
function types(facts: RegistrationFacts, day: IsoDate = TODAY) {
	const result = availableTypes(facts, day);
	for (const t of Object.values(result)) collect(t.reasons);
	return result;
}
function register(facts: RegistrationFacts & { types: ElectionType[] }, day: IsoDate = TODAY) {
	const result = assessRegistration(facts, day);
	collect(result.reasons);
	for (const t of Object.values(result.perType)) collect(t.reasons);
	return result;
}

describe('REASON_CODES', () => {
	it('are unique snake_case codes, frozen', () => {
		expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
		for (const code of REASON_CODES) expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
		expect(Object.isFrozen(REASON_CODES)).toBe(true);
	});

	it('are recognised by isReasonCode', () => {
		expect(isReasonCode('not_dutch')).toBe(true);
		expect(isReasonCode('not a code')).toBe(false);
		expect(isReasonCode(42)).toBe(false);
	});
});

describe('assessAge', () => {
	it('registers an adult from the decision', () => {
		const a = assessAge(ADULT, TODAY);
		expect(a).toMatchObject({ status: 'adult', startsOn: TODAY, canApplyFrom: null });
		expect(collect(a.reasons)).toEqual([
			expect.objectContaining({ code: 'adult', params: { eighteenOn: '2008-05-01' } })
		]);
		expect(basisOf(a.reasons, 'adult')).toEqual([
			'KW D 3(1)',
			'KW B 1(1)',
			'KW Y 3(a)',
			'KW Pa 2(1)'
		]);
	});

	it('treats the 18th birthday itself as adult', () => {
		expect(assessAge('2009-01-10', TODAY).status).toBe('adult');
	});

	it('registers a 17-year-old from the 44th day before the 18th birthday (KW D 3(1))', () => {
		const a = assessAge('2009-06-01', TODAY);
		expect(a).toMatchObject({ status: 'seventeen', startsOn: '2027-04-18', canApplyFrom: null });
		expect(collect(a.reasons)).toEqual([
			{
				code: 'seventeen_registered_from',
				basis: [expect.objectContaining({ code: 'KW D 3(1)' })],
				params: { startsOn: '2027-04-18', eighteenOn: '2027-06-01' }
			}
		]);
	});

	it('never starts a registration before the decision', () => {
		// 18 on 1 February 2027: the 44th day before is 19 December 2026, already past.
		expect(assessAge('2009-02-01', TODAY)).toMatchObject({ status: 'seventeen', startsOn: TODAY });
	});

	it('processes an application from the 17th birthday', () => {
		expect(assessAge('2010-01-10', TODAY)).toMatchObject({
			status: 'seventeen',
			startsOn: '2027-11-27'
		});
	});

	it('asks someone under 17 to apply from the 17th birthday', () => {
		const a = assessAge('2010-01-11', TODAY);
		expect(a).toMatchObject({ status: 'too_young', startsOn: null, canApplyFrom: '2027-01-11' });
		expect(collect(a.reasons)).toEqual([
			expect.objectContaining({ code: 'too_young', params: { canApplyFrom: '2027-01-11' } })
		]);
		expect(assessAge(TODAY, TODAY).status).toBe('too_young');
	});

	it('rejects a date of birth after the decision', () => {
		const a = assessAge('2027-01-11', TODAY);
		expect(a).toMatchObject({ status: 'future_birth', startsOn: null, canApplyFrom: null });
		expect(codesOf(collect(a.reasons))).toEqual(['date_of_birth_in_future']);
		expect(basisOf(a.reasons, 'date_of_birth_in_future')).toEqual(['KB D 4(a)']);
	});

	it('lets someone born on 29 February turn 17 and 18 on 1 March in a common year', () => {
		expect(assessAge('2012-02-29', '2029-02-28')).toMatchObject({
			status: 'too_young',
			canApplyFrom: '2029-03-01'
		});
		expect(assessAge('2008-02-29', '2026-02-28')).toMatchObject({
			status: 'seventeen',
			startsOn: '2026-02-28'
		});
		expect(assessAge('2008-02-29', '2026-03-01').status).toBe('adult');
	});

	it('throws on invalid days', () => {
		expect(() => assessAge('2009-02-29', TODAY)).toThrow(RangeError);
		expect(() => assessAge(ADULT, '2027-13-01')).toThrow(RangeError);
	});

	it('registers whoever is 18 on election day by nomination day, if they apply at 17 (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n)),
				fc.integer({ min: 0, max: 364 }),
				fc.integer({ min: 0, max: 400 }),
				(dob, daysAfter17, shift) => {
					const decision = addDays(addYears(dob, 17), daysAfter17);
					const a = assessAge(dob, decision);
					if (a.status !== 'seventeen') return; // 29 February edge: turned 18 already
					// Election day E with the voter 18 on E and applying before nomination day.
					const election = addDays(addYears(dob, 18), shift);
					const nomination = addDays(election, -44);
					if (compareIsoDates(decision, nomination) > 0) return;
					expect(compareIsoDates(a.startsOn as string, nomination)).toBeLessThanOrEqual(0);
					expect(compareIsoDates(a.startsOn as string, decision)).toBeGreaterThanOrEqual(0);
				}
			)
		);
	});
});

describe('assessResidence', () => {
	it('finds a resident of another country abroad (KW D 2)', () => {
		const r = assessResidence({ residence: 'DE' });
		expect(r).toMatchObject({ abroad: true, residenceClass: 'eu' });
		expect(collect(r.reasons)).toEqual([
			expect.objectContaining({ code: 'lives_abroad', params: { country: 'DE' } })
		]);
		expect(basisOf(r.reasons, 'lives_abroad')).toEqual(['KW D 2', 'KW B 4(1)']);
	});

	it('finds Aruba, Curaçao and Sint Maarten abroad', () => {
		expect(assessResidence({ residence: 'AW' })).toMatchObject({
			abroad: true,
			residenceClass: 'caribbean'
		});
	});

	it('finds a resident of the Netherlands not abroad, pointing to M 1(2)', () => {
		const r = assessResidence({ residence: 'NL' });
		expect(r).toMatchObject({ abroad: false, residenceClass: 'netherlands' });
		expect(codesOf(collect(r.reasons))).toEqual(['lives_in_netherlands']);
		expect(basisOf(r.reasons, 'lives_in_netherlands')).toEqual([
			'KW D 2',
			'KW B 4(1)',
			'KW M 1(2)'
		]);
	});

	it('finds Bonaire, Sint Eustatius and Saba inside the Netherlands', () => {
		const r = assessResidence({ residence: 'BQ' });
		expect(r).toMatchObject({ abroad: false, residenceClass: 'bes' });
		expect(codesOf(collect(r.reasons))).toEqual(['lives_in_bes']);
	});

	it('throws on an unknown country', () => {
		expect(() => assessResidence({ residence: 'XX' })).toThrow(RangeError);
	});
});

describe('availableTypes', () => {
	it('opens every type to a Dutch adult in another member state, EP pending the declaration', () => {
		const r = types(base);
		expect(r.TK).toEqual({
			eligible: true,
			needsDeclaration: false,
			reasons: [expect.objectContaining({ code: 'registration_on_application' })]
		});
		expect(basisOf(r.TK.reasons, 'registration_on_application')).toEqual([
			'KW B 1(1)',
			'KW D 2',
			'KW D 3(1)'
		]);
		expect(r.EP).toMatchObject({ eligible: true, needsDeclaration: true });
		expect(codesOf(r.EP.reasons)).toEqual([
			'registration_on_application',
			'ep_declaration_required'
		]);
		expect(basisOf(r.EP.reasons, 'registration_on_application')).toEqual([
			'KW Y 3(a)',
			'KW D 2',
			'KW Y 5a',
			'KW D 3(1)'
		]);
		expect(basisOf(r.EP.reasons, 'ep_declaration_required')).toEqual(['KW Y 6(1)']);
		expect(r.KNI.eligible).toBe(true);
		expect(basisOf(r.KNI.reasons, 'registration_on_application')).toEqual([
			'KW Pa 2(1)',
			'KW D 2',
			'KW Pa 3',
			'KW D 3(1)'
		]);
	});

	it('records a given EP declaration', () => {
		const r = types({ ...base, epDeclaration: true });
		expect(r.EP).toMatchObject({ eligible: true, needsDeclaration: false });
		expect(codesOf(r.EP.reasons)).toEqual(['registration_on_application', 'ep_declaration_given']);
	});

	it('refuses the EP without the declaration (KW Y 6(1)), leaving the others', () => {
		const r = types({ ...base, epDeclaration: false });
		expect(r.EP).toEqual({
			eligible: false,
			needsDeclaration: false,
			reasons: [
				expect.objectContaining({ code: 'ep_declaration_not_given', params: { country: 'DE' } })
			]
		});
		expect(r.TK.eligible).toBe(true);
		expect(r.KNI.eligible).toBe(true);
	});

	it('asks no declaration of a resident outside the Union', () => {
		const r = types({ ...base, residence: 'US' });
		expect(r.EP).toMatchObject({ eligible: true, needsDeclaration: false });
		expect(codesOf(r.EP.reasons)).toEqual(['registration_on_application']);
	});

	it('refuses every type to a non-Dutch person, citing each type’s article', () => {
		const r = types({ ...base, dutch: false });
		expect(basisOf(r.TK.reasons, 'not_dutch')).toEqual(['KW B 1(1)']);
		expect(basisOf(r.EP.reasons, 'not_dutch')).toEqual(['KW Y 3(a)']);
		expect(basisOf(r.KNI.reasons, 'not_dutch')).toEqual(['KW Pa 2(1)']);
		for (const t of Object.values(r)) expect(t.eligible).toBe(false);
	});

	it('refuses every type to someone excluded from voting (KW B 5(1))', () => {
		const r = types({ ...base, excluded: true });
		expect(basisOf(r.TK.reasons, 'excluded_from_voting')).toEqual(['KW B 5(1)', 'KW D 2']);
		expect(basisOf(r.EP.reasons, 'excluded_from_voting')).toEqual([
			'KW B 5(1)',
			'KW D 2',
			'KW Y 5a',
			'KW Y 3(a)'
		]);
		expect(basisOf(r.KNI.reasons, 'excluded_from_voting')).toEqual([
			'KW B 5(1)',
			'KW D 2',
			'KW Pa 3'
		]);
		expect(types({ ...base, excluded: false }).TK.eligible).toBe(true);
	});

	it('refuses residents of the Netherlands, pointing TK and EP to the postal vote of M 1(2)', () => {
		const r = types({ ...base, residence: 'NL' });
		expect(basisOf(r.TK.reasons, 'lives_in_netherlands')).toEqual([
			'KW D 2',
			'KW B 4(1)',
			'KW M 1(2)'
		]);
		expect(basisOf(r.EP.reasons, 'lives_in_netherlands')).toEqual([
			'KW D 2',
			'KW Y 5a',
			'KW B 4(1)',
			'KW M 1(2)'
		]);
		expect(basisOf(r.KNI.reasons, 'lives_in_netherlands')).toEqual([
			'KW Pa 2(1)',
			'KW D 2',
			'KW Pa 3',
			'KW B 4(1)'
		]);
		// NL is a member state, but not "another" one: no EP declaration question.
		expect(r.EP.needsDeclaration).toBe(false);
	});

	it('refuses residents of Bonaire, Sint Eustatius and Saba', () => {
		const r = types({ ...base, residence: 'BQ' });
		for (const t of Object.values(r)) expect(codesOf(t.reasons)).toEqual(['lives_in_bes']);
	});

	it('holds Aruba, Curaçao and Sint Maarten to the ten-year or public-service condition for TK and KNI only', () => {
		const r = types({ ...base, residence: 'AW' });
		expect(r.TK).toMatchObject({ eligible: false });
		expect(basisOf(r.TK.reasons, 'caribbean_condition_not_met')).toEqual([
			'KW B 1(1)',
			'KW B 1(2)'
		]);
		expect(basisOf(r.KNI.reasons, 'caribbean_condition_not_met')).toEqual([
			'KW Pa 2(1)',
			'KW Pa 2(2)'
		]);
		expect(r.EP).toMatchObject({ eligible: true, needsDeclaration: false });
		expect(basisOf(r.EP.reasons, 'ep_no_caribbean_condition')).toEqual(['KW Y 3(a)', 'KW Y 5a']);
		const explicit = types({
			...base,
			residence: 'AW',
			caribbeanTenYears: false,
			caribbeanPublicService: false
		});
		expect(explicit.TK.eligible).toBe(false);
	});

	it('admits the Caribbean resident with ten years in the Netherlands (B 1(2)(a), Pa 2(2)(a))', () => {
		const r = types({ ...base, residence: 'CW', caribbeanTenYears: true });
		expect(r.TK.eligible).toBe(true);
		expect(basisOf(r.TK.reasons, 'caribbean_ten_years_residence')).toEqual(['KW B 1(2)(a)']);
		expect(basisOf(r.KNI.reasons, 'caribbean_ten_years_residence')).toEqual(['KW Pa 2(2)(a)']);
	});

	it('admits the Dutch public servant there and household (B 1(2)(b), Pa 2(2)(b))', () => {
		const r = types({ ...base, residence: 'SX', caribbeanPublicService: true });
		expect(basisOf(r.TK.reasons, 'caribbean_public_service')).toEqual(['KW B 1(2)(b)']);
		expect(basisOf(r.KNI.reasons, 'caribbean_public_service')).toEqual(['KW Pa 2(2)(b)']);
		const both = types({
			...base,
			residence: 'SX',
			caribbeanPublicService: true,
			caribbeanTenYears: true
		});
		expect(codesOf(both.TK.reasons)).toEqual([
			'registration_on_application',
			'caribbean_ten_years_residence',
			'caribbean_public_service'
		]);
	});

	it('ignores the Caribbean answers elsewhere', () => {
		const r = types({ ...base, residence: 'US', caribbeanTenYears: false });
		expect(codesOf(r.TK.reasons)).toEqual(['registration_on_application']);
	});

	it('takes the age into account when the date of birth is known', () => {
		expect(types({ ...base, dateOfBirth: '2010-06-01' }).TK).toMatchObject({
			eligible: false,
			reasons: [expect.objectContaining({ code: 'too_young' })]
		});
		const seventeen = types({ ...base, dateOfBirth: '2009-06-01' });
		expect(seventeen.TK.eligible).toBe(true);
		expect(codesOf(seventeen.TK.reasons)).toEqual([
			'registration_on_application',
			'seventeen_registered_from'
		]);
		expect(codesOf(types({ ...base, dateOfBirth: '2030-01-01' }).KNI.reasons)).toEqual([
			'date_of_birth_in_future'
		]);
		const unknown = types({ dutch: true, residence: 'DE' });
		expect(codesOf(unknown.TK.reasons)).toEqual(['registration_on_application']);
	});

	it('lists every obstacle, not only the first', () => {
		const r = types({ dutch: false, residence: 'NL', excluded: true, dateOfBirth: '2015-01-01' });
		expect(codesOf(r.TK.reasons)).toEqual([
			'not_dutch',
			'excluded_from_voting',
			'lives_in_netherlands',
			'too_young'
		]);
	});

	it('throws on an invalid decision day or country', () => {
		expect(() => availableTypes(base, 'today')).toThrow(RangeError);
		expect(() => availableTypes({ ...base, residence: 'Germany' }, TODAY)).toThrow(RangeError);
	});
});

describe('needsEpDeclaration', () => {
	it('is true only for the EP chosen by a resident of another member state (KW Y 6(1))', () => {
		expect(needsEpDeclaration({ residence: 'DE' }, ['EP'])).toBe(true);
		expect(needsEpDeclaration({ residence: 'RE' }, ['TK', 'EP'])).toBe(true);
		expect(needsEpDeclaration({ residence: 'DE' }, ['TK', 'KNI'])).toBe(false);
		expect(needsEpDeclaration({ residence: 'US' }, ['EP'])).toBe(false);
		expect(needsEpDeclaration({ residence: 'NL' }, ['EP'])).toBe(false);
		expect(needsEpDeclaration({ residence: 'AW' }, ['EP'])).toBe(false);
	});
});

describe('assessRegistration', () => {
	it('finds an adult abroad eligible from the decision, for the chosen types only', () => {
		const r = register({ ...base, types: ['EP', 'TK'] });
		expect(r.outcome).toBe('eligible');
		expect(r.startsOn).toBe(TODAY);
		expect(Object.keys(r.perType)).toEqual(['TK', 'EP']);
		expect(r.perType.EP?.needsDeclaration).toBe(true);
		expect(codesOf(r.reasons)).toEqual(['lives_abroad', 'adult']);
	});

	it('ignores repeated types', () => {
		expect(Object.keys(register({ ...base, types: ['KNI', 'KNI'] }).perType)).toEqual(['KNI']);
	});

	it('registers a 17-year-old from the later start', () => {
		const r = register({ ...base, dateOfBirth: '2009-06-01', types: ['TK'] });
		expect(r).toMatchObject({ outcome: 'eligible', startsOn: '2027-04-18' });
		expect(codesOf(r.reasons)).toEqual(['lives_abroad', 'seventeen_registered_from']);
	});

	it('is eligible when one chosen type is, refusing the others', () => {
		const r = register({ ...base, residence: 'CW', types: ['TK', 'EP'] });
		expect(r.outcome).toBe('eligible');
		expect(r.perType.TK?.eligible).toBe(false);
		expect(r.perType.EP?.eligible).toBe(true);
	});

	it('sends a resident of the Netherlands elsewhere', () => {
		const r = register({ ...base, residence: 'NL', types: ['TK'] });
		expect(r).toMatchObject({ outcome: 'not_abroad', startsOn: null });
		expect(codesOf(r.reasons)).toEqual(['lives_in_netherlands', 'adult']);
		expect(register({ ...base, residence: 'BQ', types: ['TK'] }).outcome).toBe('not_abroad');
	});

	it('tells someone under 17 when to apply', () => {
		const r = register({ ...base, dateOfBirth: '2011-03-01', types: ['TK', 'EP'] });
		expect(r).toMatchObject({ outcome: 'too_young', startsOn: null });
		expect(r.reasons).toContainEqual(
			expect.objectContaining({ code: 'too_young', params: { canApplyFrom: '2028-03-01' } })
		);
	});

	it('does not call someone too young who fails on more than age', () => {
		const r = register({ ...base, dutch: false, dateOfBirth: '2011-03-01', types: ['TK'] });
		expect(r.outcome).toBe('not_eligible');
		expect(codesOf(r.reasons)).toEqual(['lives_abroad', 'too_young', 'no_chosen_type_eligible']);
	});

	it('is too young when one chosen type fails on age alone', () => {
		const r = register({
			...base,
			residence: 'AW',
			dateOfBirth: '2011-03-01',
			types: ['TK', 'EP']
		});
		expect(r.outcome).toBe('too_young');
	});

	it('refuses a date of birth in the future', () => {
		const r = register({ ...base, dateOfBirth: '2028-01-01', types: ['TK'] });
		expect(r.outcome).toBe('not_eligible');
		expect(codesOf(r.reasons)).toEqual([
			'lives_abroad',
			'date_of_birth_in_future',
			'no_chosen_type_eligible'
		]);
	});

	it('refuses when no chosen type is open, naming the types', () => {
		const r = register({ ...base, residence: 'AW', types: ['TK', 'KNI'] });
		expect(r.outcome).toBe('not_eligible');
		expect(r.reasons).toContainEqual(
			expect.objectContaining({ code: 'no_chosen_type_eligible', params: { types: 'TK,KNI' } })
		);
		expect(basisOf(r.reasons, 'no_chosen_type_eligible')).toEqual(['KW D 2', 'KW Y 5a', 'KW Pa 3']);
		expect(register({ ...base, epDeclaration: false, types: ['EP'] }).outcome).toBe('not_eligible');
	});

	it('refuses an application that chooses no type', () => {
		const r = register({ ...base, types: [] });
		expect(r).toMatchObject({ outcome: 'not_eligible', perType: {} });
		expect(codesOf(r.reasons)).toEqual(['lives_abroad', 'adult', 'no_election_type_chosen']);
	});

	it('says so when the date of birth is missing (KB D 4(a)), leaving startsOn open', () => {
		const r = register({ dutch: true, residence: 'US', types: ['TK'] });
		expect(r).toMatchObject({ outcome: 'eligible', startsOn: null });
		expect(basisOf(r.reasons, 'date_of_birth_missing')).toEqual(['KB D 4(a)', 'KW D 3(1)']);
	});

	it('emits only listed codes, each with a basis, and outcomes that agree with the parts (property)', () => {
		const facts = fc.record(
			{
				dutch: fc.boolean(),
				residence: fc.constantFrom(...COUNTRY_CODES, 'NL', 'BQ', 'AW', 'CW', 'SX', 'DE'),
				dateOfBirth: fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1920-01-01', n)),
				caribbeanTenYears: fc.boolean(),
				caribbeanPublicService: fc.boolean(),
				epDeclaration: fc.boolean(),
				excluded: fc.boolean(),
				types: fc.subarray(['TK', 'EP', 'KNI'] as ElectionType[])
			},
			{ requiredKeys: ['dutch', 'residence', 'types'] }
		);
		const decision = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
		fc.assert(
			fc.property(facts, decision, (f, day) => {
				const r = assessRegistration(f, day);
				const all = [...r.reasons, ...Object.values(r.perType).flatMap((t) => t.reasons)];
				for (const reason of all) {
					expect(isReasonCode(reason.code)).toBe(true);
					expect(reason.basis.length).toBeGreaterThan(0);
				}
				const anyEligible = Object.values(r.perType).some((t) => t.eligible);
				if (r.outcome === 'eligible') expect(anyEligible).toBe(true);
				if (r.outcome === 'not_eligible' || r.outcome === 'too_young')
					expect(anyEligible).toBe(false);
				expect(r.startsOn === null).toBe(r.outcome !== 'eligible' || f.dateOfBirth === undefined);
				expect(Object.keys(r.perType).every((t) => f.types.includes(t as ElectionType))).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('reason codes in use', () => {
	it('are exactly REASON_CODES: every listed code is emitted by some scenario above', () => {
		expect([...emitted].sort()).toEqual([...REASON_CODES].sort());
	});
});
