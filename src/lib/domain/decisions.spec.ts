import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from './dates';
import {
	APPEAL_POINTS,
	DECISION_ERRORS,
	DECISION_OUTCOMES,
	QUESTION_CODES,
	REJECTION_CODES,
	appealRoute,
	applicationDueOn,
	isRejectionCode,
	planDecision,
	proposeDecision,
	questionReason,
	registrationStartsOn,
	rejectionApplies,
	rejectionReason,
	type ApplicationCase,
	type DecisionChoice
} from './decisions';
import { ELECTION_TYPES, type ElectionType } from './elections';
import { REASON_CODES, type Reason } from './eligibility';

const TODAY = '2027-01-10';
const ADULT = '1990-05-01';

const app = (over: Partial<ApplicationCase> & Partial<ApplicationCase['facts']> = {}) => {
	const { appliedFor, alreadyRegistered, checks, facts, ...rest } = over;
	return {
		facts: {
			dutch: true,
			residence: 'DE',
			dateOfBirth: ADULT,
			epDeclaration: true,
			...facts,
			...rest
		},
		appliedFor: appliedFor ?? ['TK', 'EP'],
		alreadyRegistered: alreadyRegistered ?? false,
		checks: checks ?? {}
	} satisfies ApplicationCase;
};
const register = (
	types: ElectionType[],
	refusals: (typeof REJECTION_CODES)[number][] = []
): DecisionChoice => ({ outcome: 'registered', types, refusals });
const codes = (reasons: Reason[]) => reasons.map((r) => r.code);
const basis = (reason: Reason) => reason.basis.map((b) => b.code);

describe('codes', () => {
	it('are unique snake_case codes, frozen', () => {
		for (const list of [
			DECISION_OUTCOMES,
			REJECTION_CODES,
			QUESTION_CODES,
			APPEAL_POINTS,
			DECISION_ERRORS
		]) {
			expect(Object.isFrozen(list)).toBe(true);
			expect(new Set(list).size).toBe(list.length);
			for (const code of list) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
		}
		expect(DECISION_OUTCOMES).toEqual(['registered', 'rejected', 'asked']);
	});

	it("reuses the eligibility rules' codes where they fit", () => {
		const shared = REJECTION_CODES.filter((c) => (REASON_CODES as readonly string[]).includes(c));
		expect(shared).toEqual([
			'not_dutch',
			'lives_in_netherlands',
			'lives_in_bes',
			'too_young',
			'excluded_from_voting',
			'caribbean_condition_not_met',
			'ep_declaration_not_given'
		]);
	});

	it('recognises rejection codes', () => {
		expect(isRejectionCode('no_signature')).toBe(true);
		expect(isRejectionCode('adult')).toBe(false);
		expect(isRejectionCode(7)).toBe(false);
	});
});

describe('rejectionReason', () => {
	it('gives every code an article for every type it can refuse', () => {
		for (const code of REJECTION_CODES) {
			const types = ELECTION_TYPES.filter((t) => rejectionApplies(code, t));
			expect(types.length, code).toBeGreaterThan(0);
			const reason = rejectionReason(code, types);
			expect(reason.code).toBe(code);
			expect(reason.basis.length, code).toBeGreaterThan(0);
			expect(reason.params).toEqual({ types: types.join(',') });
		}
	});

	it('cites the franchise and the register of each type refused, once each', () => {
		expect(basis(rejectionReason('not_dutch', ['EP', 'TK']))).toEqual([
			'KW B 1(1)',
			'KW D 2',
			'KW Y 3(a)',
			'KW Y 5a'
		]);
		expect(basis(rejectionReason('lives_in_netherlands', ['KNI']))).toEqual([
			'KW D 2',
			'KW Pa 3',
			'KW B 4(1)'
		]);
		expect(basis(rejectionReason('excluded_from_voting', ['TK']))).toEqual(['KW B 5(1)', 'KW D 2']);
		expect(basis(rejectionReason('too_young', ['TK']))).toEqual(['KW D 3(1)']);
	});

	it('cites the Aruba, Curaçao and Sint Maarten condition of TK and KNI, never for the EP', () => {
		const reason = rejectionReason('caribbean_condition_not_met', ['TK', 'EP', 'KNI']);
		expect(basis(reason)).toEqual(['KW B 1(1)', 'KW B 1(2)', 'KW Pa 2(1)', 'KW Pa 2(2)']);
		expect(reason.params).toEqual({ types: 'TK,KNI' });
		expect(rejectionApplies('caribbean_condition_not_met', 'EP')).toBe(false);
		expect(() => rejectionReason('caribbean_condition_not_met', ['EP'])).toThrow(RangeError);
		expect(basis(rejectionReason('public_service_declaration_missing', ['TK', 'KNI']))).toEqual([
			'KB D 4(c)',
			'KW B 1(2)(b)',
			'KW Pa 2(2)(b)'
		]);
	});

	it('cites KW Y 6 for the EP declaration and the report of another member state', () => {
		expect(basis(rejectionReason('ep_declaration_not_given', ['EP']))).toEqual(['KW Y 6(1)']);
		expect(basis(rejectionReason('ep_registered_in_other_state', ['TK', 'EP']))).toEqual([
			'KW Y 6(3)'
		]);
		expect(rejectionApplies('ep_registered_in_other_state', 'TK')).toBe(false);
	});

	it('cites the form and KB D 4 for the paper, and KB D 6 for data that does not match', () => {
		expect(basis(rejectionReason('no_signature', ['TK']))).toEqual(['KW D 3(4)']);
		for (const code of [
			'identity_document_missing',
			'identity_document_invalid',
			'identity_document_not_dutch'
		] as const) {
			expect(basis(rejectionReason(code, ['EP']))).toEqual(['KB D 4(b)', 'KW D 3(4)']);
		}
		expect(basis(rejectionReason('data_mismatch', ['KNI']))).toEqual(['KB D 6']);
	});

	it('asks someone already registered what they meant (MvT §7), pointing to the change cut-off', () => {
		expect(basis(questionReason('already_registered'))).toEqual(['MvT §7', 'KW D 3(3)']);
	});
});

describe('terms', () => {
	it('is due on the 7th day after receipt, in Den Haag (KB D 9)', () => {
		// 23:30 in Den Haag on 10 January.
		expect(applicationDueOn(new Date('2027-01-10T22:30:00Z'))).toBe('2027-01-17');
		// 00:30 in Den Haag on 11 January, though still the 10th in UTC.
		expect(applicationDueOn(new Date('2027-01-10T23:30:00Z'))).toBe('2027-01-18');
		// Summer time: 00:30 on 1 July in Den Haag.
		expect(applicationDueOn(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-08');
	});

	it('starts a registration with the decision, or for a 17-year-old 44 days before 18 (KW D 3(1))', () => {
		expect(registrationStartsOn(ADULT, TODAY)).toBe(TODAY);
		expect(registrationStartsOn('2009-06-01', TODAY)).toBe('2027-04-18');
		expect(registrationStartsOn('2011-01-01', TODAY)).toBeNull();
	});
});

describe('appealRoute', () => {
	it('gives six weeks from the day after the notice (Awb 6:7, 6:8(1))', () => {
		const route = appealRoute('2027-03-01');
		expect(route.appealBy).toBe('2027-04-12');
		expect(route.termWeeks).toBe(6);
		expect(route.points.map((p) => p.code)).toEqual([...APPEAL_POINTS]);
		expect(route.points[1]).toEqual({
			code: 'term',
			basis: [
				expect.objectContaining({ code: 'Awb 6:7' }),
				expect.objectContaining({ code: 'Awb 6:8(1)' })
			],
			params: { appealBy: '2027-04-12', weeks: '6' }
		});
	});

	it('states the route of KW D 8: the Council of State directly, fast-track, no interim relief, the fee in two weeks', () => {
		const byCode = Object.fromEntries(
			appealRoute('2027-03-01').points.map((p) => [p.code, basis(p)])
		);
		expect(byCode).toEqual({
			council_of_state: ['KW D 8'],
			term: ['Awb 6:7', 'Awb 6:8(1)'],
			how: ['Awb 6:5'],
			court_fee: ['KW D 8(2)'],
			fast_track: ['KW D 8(3)'],
			no_interim_relief: ['KW D 8(1)']
		});
	});

	it('takes a configured term', () => {
		expect(appealRoute('2027-03-01', 8).appealBy).toBe('2027-04-26');
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 52 }), (weeks) => {
				expect(appealRoute('2027-12-31', weeks).appealBy).toBe(addDays('2027-12-31', weeks * 7));
			})
		);
	});

	it.each([
		['2027-02-30', 6],
		['2027-03-01', 0],
		['2027-03-01', 1.5]
	])('refuses %j with a term of %j weeks', (day, weeks) => {
		expect(() => appealRoute(day, weeks)).toThrow(RangeError);
	});
});

describe('planDecision', () => {
	it('registers the chosen types from the decision day, with their grounds', () => {
		const result = planDecision(app(), register(['TK', 'EP']), TODAY);
		expect(result).toMatchObject({
			ok: true,
			plan: { outcome: 'registered', types: { TK: TODAY, EP: TODAY }, refused: [], question: '' }
		});
		if (!result.ok) return;
		expect(codes(result.plan.reasons)).toEqual([
			'registration_on_application',
			'ep_declaration_given'
		]);
	});

	it('registers a 17-year-old from the 44th day before the 18th birthday', () => {
		const dob = addDays(addYears(TODAY, -17), -100);
		const result = planDecision(app({ dateOfBirth: dob }), register(['TK', 'EP']), TODAY);
		const startsOn = addDays(addYears(dob, 18), -44);
		expect(result).toMatchObject({ ok: true, plan: { types: { TK: startsOn, EP: startsOn } } });
		if (result.ok) expect(codes(result.plan.reasons)).toContain('seventeen_registered_from');
	});

	it('refuses the types left out, each reason applying to them', () => {
		const result = planDecision(app(), register(['TK'], ['ep_registered_in_other_state']), TODAY);
		expect(result).toMatchObject({ ok: true, plan: { types: { TK: TODAY }, refused: ['EP'] } });
		if (!result.ok) return;
		expect(result.plan.reasons.at(-1)).toMatchObject({
			code: 'ep_registered_in_other_state',
			params: { types: 'EP' }
		});
		expect(planDecision(app(), register(['TK']), TODAY)).toEqual({
			ok: false,
			error: 'reasons_required'
		});
		expect(planDecision(app(), register(['EP'], ['caribbean_condition_not_met']), TODAY)).toEqual({
			ok: true,
			plan: expect.anything()
		});
		expect(planDecision(app(), register(['TK'], ['caribbean_condition_not_met']), TODAY)).toEqual({
			ok: false,
			error: 'reason_not_applicable'
		});
		expect(planDecision(app(), register(['TK', 'EP'], ['no_signature']), TODAY)).toEqual({
			ok: false,
			error: 'reason_not_applicable'
		});
	});

	it('never registers someone already registered: MvT §7 asks first', () => {
		expect(planDecision(app({ alreadyRegistered: true }), register(['TK']), TODAY)).toEqual({
			ok: false,
			error: 'already_registered'
		});
	});

	it('registers only types applied for and allowed on the stated facts', () => {
		expect(planDecision(app(), register([]), TODAY)).toEqual({
			ok: false,
			error: 'types_required'
		});
		expect(planDecision(app(), register(['KNI']), TODAY)).toEqual({
			ok: false,
			error: 'type_not_applied_for'
		});
		expect(planDecision(app({ dateOfBirth: undefined }), register(['TK']), TODAY)).toEqual({
			ok: false,
			error: 'no_date_of_birth'
		});
		expect(planDecision(app({ dateOfBirth: '2012-01-01' }), register(['TK']), TODAY)).toEqual({
			ok: false,
			error: 'type_not_eligible'
		});
		const aruba = app({ residence: 'AW', caribbeanTenYears: false, caribbeanPublicService: false });
		expect(planDecision(aruba, register(['TK'], ['caribbean_condition_not_met']), TODAY)).toEqual({
			ok: false,
			error: 'type_not_eligible'
		});
		// KW Y 6(1): without the declaration a resident of another member state is not registrable.
		expect(
			planDecision(app({ epDeclaration: undefined }), register(['EP'], ['not_dutch']), TODAY)
		).toEqual({
			ok: false,
			error: 'type_not_eligible'
		});
	});

	it('rejects with reasons applying to the types applied for, refusing them all', () => {
		const result = planDecision(
			app(),
			{ outcome: 'rejected', reasons: ['no_signature', 'ep_registered_in_other_state'] },
			TODAY
		);
		expect(result).toMatchObject({
			ok: true,
			plan: { outcome: 'rejected', types: {}, refused: ['TK', 'EP'] }
		});
		if (result.ok) {
			expect(result.plan.reasons.map((r) => [r.code, r.params])).toEqual([
				['no_signature', { types: 'TK,EP' }],
				['ep_registered_in_other_state', { types: 'EP' }]
			]);
		}
		expect(planDecision(app(), { outcome: 'rejected', reasons: [] }, TODAY)).toEqual({
			ok: false,
			error: 'reasons_required'
		});
		expect(
			planDecision(
				app({ appliedFor: ['EP'] }),
				{ outcome: 'rejected', reasons: ['caribbean_condition_not_met'] },
				TODAY
			)
		).toEqual({ ok: false, error: 'reason_not_applicable' });
	});

	it('asks a question with text, citing MvT §7 when the person is already registered', () => {
		const result = planDecision(
			app({ alreadyRegistered: true }),
			{ outcome: 'asked', question: '  Did you mean a change?  ', reasons: ['already_registered'] },
			TODAY
		);
		expect(result).toMatchObject({
			ok: true,
			plan: { outcome: 'asked', types: {}, refused: [], question: 'Did you mean a change?' }
		});
		if (result.ok) expect(codes(result.plan.reasons)).toEqual(['already_registered']);
		for (const question of ['   ', 'x'.repeat(2001)]) {
			expect(planDecision(app(), { outcome: 'asked', question, reasons: [] }, TODAY)).toEqual({
				ok: false,
				error: 'question_required'
			});
		}
	});
});

describe('proposeDecision', () => {
	it('asks someone already registered whether a change was meant (MvT §7)', () => {
		expect(proposeDecision(app({ alreadyRegistered: true }), TODAY)).toEqual({
			outcome: 'asked',
			reasons: ['already_registered']
		});
	});

	it('rejects for each check the clerk recorded as failed, ignoring checks not yet made', () => {
		expect(
			proposeDecision(
				app({
					checks: {
						signaturePresent: false,
						identityDocumentValid: true,
						showsDutchNationality: false,
						dataMatches: false
					}
				}),
				TODAY
			)
		).toEqual({
			outcome: 'rejected',
			reasons: ['no_signature', 'identity_document_not_dutch', 'data_mismatch']
		});
		expect(proposeDecision(app({ checks: { identityDocumentValid: false } }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['identity_document_invalid']
		});
		expect(proposeDecision(app({ checks: { signaturePresent: true } }), TODAY)).toEqual({
			outcome: 'registered',
			types: ['TK', 'EP'],
			refusals: []
		});
	});

	it("rejects with the rules' reasons when no type applied for is allowed", () => {
		expect(proposeDecision(app({ dutch: false }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['not_dutch']
		});
		expect(proposeDecision(app({ residence: 'NL' }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['lives_in_netherlands']
		});
		expect(proposeDecision(app({ dateOfBirth: '2012-01-01' }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['too_young']
		});
		const aruba = { residence: 'AW', caribbeanTenYears: false, caribbeanPublicService: false };
		expect(proposeDecision(app({ ...aruba, appliedFor: ['TK', 'KNI'] }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['caribbean_condition_not_met']
		});
		expect(proposeDecision(app({ epDeclaration: undefined, appliedFor: ['EP'] }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['ep_declaration_not_given']
		});
	});

	it('falls back to KB D 6 when the form lacks what the rules need', () => {
		expect(proposeDecision(app({ dateOfBirth: undefined }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['data_mismatch']
		});
		expect(proposeDecision(app({ appliedFor: [] }), TODAY)).toEqual({
			outcome: 'rejected',
			reasons: ['data_mismatch']
		});
	});

	it('registers the allowed types and refuses the rest with their reasons', () => {
		const aruba = { residence: 'AW', caribbeanTenYears: false, caribbeanPublicService: false };
		expect(proposeDecision(app({ ...aruba, appliedFor: ['TK', 'EP'] }), TODAY)).toEqual({
			outcome: 'registered',
			types: ['EP'],
			refusals: ['caribbean_condition_not_met']
		});
		expect(proposeDecision(app({ epDeclaration: undefined }), TODAY)).toEqual({
			outcome: 'registered',
			types: ['TK'],
			refusals: ['ep_declaration_not_given']
		});
	});

	it('proposes only what planDecision accepts', () => {
		const dobs = [ADULT, '2009-06-01', '2012-01-01'];
		const residences = ['DE', 'US', 'AW', 'NL', 'BQ'];
		fc.assert(
			fc.property(
				fc.constantFrom(...dobs),
				fc.constantFrom(...residences),
				fc.subarray([...ELECTION_TYPES], { minLength: 1 }),
				fc.boolean(),
				fc.option(fc.boolean(), { nil: undefined }),
				fc.option(fc.boolean(), { nil: undefined }),
				fc.boolean(),
				(dateOfBirth, residence, appliedFor, dutch, epDeclaration, tenYears, already) => {
					const c = app({
						dateOfBirth,
						residence,
						appliedFor,
						dutch,
						epDeclaration,
						caribbeanTenYears: tenYears,
						alreadyRegistered: already
					});
					const proposal = proposeDecision(c, TODAY);
					const choice: DecisionChoice =
						proposal.outcome === 'asked'
							? { ...proposal, question: 'Did you mean a change?' }
							: proposal;
					expect(planDecision(c, choice, TODAY).ok).toBe(true);
				}
			)
		);
	});
});
