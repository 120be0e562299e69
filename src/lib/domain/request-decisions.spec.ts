import { describe, expect, it } from 'vitest';
import {
	REQUEST_KINDS,
	REQUEST_NOTE_CODES,
	REQUEST_OUTCOMES,
	REQUEST_REFUSAL_CODES,
	ballotSentBy,
	isLate,
	isRequestKind,
	isRequestNote,
	isRequestOutcome,
	isRequestRefusalCode,
	mandatoryRefusals,
	requestNominationDay,
	notesFor,
	planRequestDecision,
	proposeRequestDecision,
	proxyDecisionBlocked,
	refusalCodesFor,
	refusalReason,
	replacementSentBy,
	requestAppealBasis,
	requestCutoff,
	requestDueOn,
	typeChanges,
	type RequestCase,
	type RequestElection,
	type RequestKind
} from './request-decisions';

// The seeded TK election: nomination Monday 1 April 2030, election Wednesday 15 May 2030,
// certificates sent 20 February 2030. Cut-offs: change 13 March (D 3(3)), proxy and voter pass
// 3 April (K 7(2), L 9(2)), temporarily abroad 17 April (M 3(3)), replacement 3 May (M 6b(3)).
const TK: RequestElection = {
	slug: 'TK-2030',
	type: 'TK',
	electionDay: '2030-05-15',
	nominationDay: '2030-04-01',
	certificatesSentOn: '2030-02-20'
};
const KNI: RequestElection = {
	slug: 'KNI-2027',
	type: 'KNI',
	electionDay: '2027-03-17',
	nominationDay: '2027-02-01',
	certificatesSentOn: '2026-12-23'
};
const EP_UNKNOWN: RequestElection = {
	slug: 'EP-2029',
	type: 'EP',
	electionDay: null,
	nominationDay: null,
	certificatesSentOn: null
};

/** Noon in Den Haag on a day (summer time from 31 March 2030: UTC+2; before: UTC+1). */
const noon = (day: string) => new Date(`${day}T10:00:00Z`);

const registered = {
	active: true,
	types: [{ type: 'TK' as const, startsOn: '2020-01-01', endedOn: null }],
	birthDate: '1980-01-01'
};

function kase(kind: RequestKind, over: Partial<RequestCase> = {}): RequestCase {
	return {
		kind,
		election: kind === 'change' ? null : TK,
		receivedAt: noon('2030-02-10'),
		registration: registered,
		certificateIssued: false,
		proxyGranted: false,
		voterPassGranted: false,
		holderProxies: 0,
		residence: kind === 'temporarily_abroad' ? 'NL' : 'DE',
		checks: {},
		...(kind === 'change' ? { change: { removal: false, empty: false } } : {}),
		...over
	};
}
const codes = (refs: { code: string }[]) => refs.map((r) => r.code);

describe('kinds and outcomes', () => {
	it('knows the five request kinds and their outcomes', () => {
		expect(REQUEST_KINDS).toEqual([
			'change',
			'proxy',
			'voter_pass',
			'temporarily_abroad',
			'replacement'
		]);
		expect(isRequestKind('proxy')).toBe(true);
		expect(isRequestKind('registration')).toBe(false);
		expect(REQUEST_OUTCOMES.change).toEqual(['changed', 'removed', 'refused', 'asked']);
		for (const kind of ['proxy', 'voter_pass', 'temporarily_abroad', 'replacement'] as const) {
			expect(REQUEST_OUTCOMES[kind]).toEqual(['granted', 'refused']);
		}
		expect(isRequestOutcome('proxy', 'granted')).toBe(true);
		expect(isRequestOutcome('proxy', 'changed')).toBe(false);
		expect(isRequestOutcome('change', 'granted')).toBe(false);
	});
});

describe('refusal reasons', () => {
	it('gives every code its articles, from the law of its kind', () => {
		const expected: Record<string, string[]> = {
			voter_pass_late: ['KW K 7(2)'],
			voter_pass_not_registered: ['KW K 8(2)', 'KW K 7(1)'],
			voter_pass_proxy_granted: ['KW K 8(2)', 'KW K 2'],
			voter_pass_certificate_issued: ['KW K 8(2)', 'KW K 2'],
			voter_pass_kni: ['KW Pa 21', 'KW Pa 20'],
			proxy_late: ['KW L 9(2)'],
			proxy_not_registered: ['KW L 8(1)', 'KW L 9(1)'],
			proxy_holder_not_chosen: ['KW L 10(a)', 'KW L 2(1)'],
			proxy_certificate_issued: ['KW L 10(b)', 'KW L 2(2)'],
			proxy_voter_pass_granted: ['KW L 10(b)', 'KW L 2(2)'],
			proxy_declaration_missing: ['KW L 10(c)', 'KW L 8(3)'],
			proxy_holder_not_a_voter: ['KW L 10(d)', 'KW L 8(2)'],
			proxy_holder_has_two: ['KW L 4'],
			proxy_kni: ['KW Pa 21', 'KW Pa 20'],
			temporarily_abroad_late: ['KW M 3(3)'],
			temporarily_abroad_lives_abroad: ['KW M 4(2)', 'KW M 1(2)', 'KW D 2'],
			temporarily_abroad_not_a_voter: ['KW M 4(2)', 'KW M 1(2)'],
			temporarily_abroad_not_abroad: ['KW M 4(2)', 'KW M 1(2)'],
			temporarily_abroad_kni: ['KW M 4(2)', 'KW Pa 2(1)'],
			replacement_late: ['KW M 6b(3)'],
			replacement_no_certificate: ['KW M 6b(1)'],
			replacement_identity_document_missing: ['KW M 6b(3)'],
			change_not_registered: ['KW D 2', 'KW D 7(1)'],
			change_no_signature: ['KW D 3(4)'],
			change_data_mismatch: ['KB D 6'],
			change_type_not_eligible: ['KW D 2', 'KW B 1(1)', 'KW Y 3(a)', 'KW Pa 2(1)']
		};
		expect([...REQUEST_REFUSAL_CODES].sort()).toEqual(Object.keys(expected).sort());
		for (const [code, articles] of Object.entries(expected)) {
			expect(isRequestRefusalCode(code)).toBe(true);
			const reason = refusalReason(code as (typeof REQUEST_REFUSAL_CODES)[number]);
			expect(codes(reason.basis), code).toEqual(articles);
			for (const ref of reason.basis) {
				expect(ref.url).toMatch(/^https:\/\/wetten\.overheid\.nl\/BWBR00046(27|32)\//);
			}
		}
		expect(isRequestRefusalCode('not_dutch')).toBe(false);
	});

	it('offers each kind only its own codes', () => {
		for (const kind of REQUEST_KINDS) {
			const own = refusalCodesFor(kind);
			expect(own.length).toBeGreaterThan(0);
			for (const code of own) expect(code.startsWith(`${kind}_`)).toBe(true);
		}
		// Never confuses 'proxy_…' with a voter pass code, or the reverse.
		expect(refusalCodesFor('voter_pass')).not.toContain('proxy_late');
		expect(refusalCodesFor('proxy')).not.toContain('voter_pass_late');
	});

	it('keeps parameters with a reason', () => {
		expect(refusalReason('proxy_late', { date: '2030-04-03' }).params).toEqual({
			date: '2030-04-03'
		});
	});
});

describe('cut-offs and lateness', () => {
	it('counts each kind back from election day as the law says', () => {
		expect(requestCutoff('proxy', TK)?.day).toBe('2030-04-03');
		expect(requestCutoff('voter_pass', TK)?.day).toBe('2030-04-03');
		expect(requestCutoff('temporarily_abroad', TK)?.day).toBe('2030-04-17');
		expect(requestCutoff('replacement', TK)?.day).toBe('2030-05-03');
		expect(codes(requestCutoff('replacement', TK)!.basis)).toEqual(['KW M 6b(3)']);
		expect(requestCutoff('proxy', EP_UNKNOWN)).toBeNull();
	});

	it('is in time until the end of the cut-off day in Den Haag, late a moment after', () => {
		// 3 April 2030 ends at 21:59:59.999 UTC (summer time).
		expect(isLate('proxy', TK, new Date('2030-04-03T21:59:59.999Z'))).toBe(false);
		expect(isLate('proxy', TK, new Date('2030-04-03T22:00:00.000Z'))).toBe(true);
		expect(isLate('temporarily_abroad', TK, new Date('2030-04-17T21:59:00Z'))).toBe(false);
		expect(isLate('temporarily_abroad', TK, new Date('2030-04-18T08:00:00Z'))).toBe(true);
		expect(isLate('replacement', TK, new Date('2030-05-04T06:00:00Z'))).toBe(true);
		// Without an election day nothing can be late.
		expect(isLate('proxy', EP_UNKNOWN, new Date('2040-01-01T00:00:00Z'))).toBe(false);
	});

	it('takes nomination day from the calendar, or 44 days before election day', () => {
		expect(requestNominationDay(TK)).toBe('2030-04-01');
		expect(requestNominationDay({ ...TK, nominationDay: null })).toBe('2030-04-01');
		expect(requestNominationDay(EP_UNKNOWN)).toBeNull();
	});
});

describe('requestDueOn', () => {
	it('gives a change the 7 days of KB D 9', () => {
		expect(requestDueOn('change', noon('2030-03-01'), null)).toBe('2030-03-08');
		// Counted in Den Haag's days: 00:30 on 2 March there is still 1 March in UTC.
		expect(requestDueOn('change', new Date('2030-03-01T23:30:00Z'), null)).toBe('2030-03-09');
	});

	it('decides a voter pass before the certificates go out', () => {
		expect(requestDueOn('voter_pass', noon('2030-02-01'), TK)).toBe('2030-02-08');
		// Received on 15 February: due the day before the 20th, not the 22nd.
		expect(requestDueOn('voter_pass', noon('2030-02-15'), TK)).toBe('2030-02-19');
		// After that day: due at once (it leads the queue).
		expect(requestDueOn('voter_pass', noon('2030-03-01'), TK)).toBe('2030-03-01');
		// Without a planned day: twelve weeks before election day (M 6(3)) stands in.
		expect(
			requestDueOn('voter_pass', noon('2030-02-18'), { ...TK, certificatesSentOn: null })
		).toBe('2030-02-19');
	});

	it('never decides a proxy before nomination day (L 11(1))', () => {
		expect(requestDueOn('proxy', noon('2030-02-01'), TK)).toBe('2030-04-01');
		expect(requestDueOn('proxy', noon('2030-04-02'), TK)).toBe('2030-04-09');
		// A late one, days before the election: at the latest the day before it.
		expect(requestDueOn('proxy', noon('2030-05-12'), TK)).toBe('2030-05-14');
		// Election day unknown: the 7 days.
		expect(requestDueOn('proxy', noon('2029-01-01'), EP_UNKNOWN)).toBe('2029-01-08');
	});

	it('decides temporarily abroad and replacements in time for the papers to travel', () => {
		expect(requestDueOn('temporarily_abroad', noon('2030-03-01'), TK)).toBe('2030-03-08');
		// Received on the cut-off: due the next day.
		expect(requestDueOn('temporarily_abroad', noon('2030-04-17'), TK)).toBe('2030-04-18');
		expect(requestDueOn('replacement', noon('2030-04-30'), TK)).toBe('2030-05-04');
		expect(requestDueOn('replacement', noon('2030-05-03'), TK)).toBe('2030-05-04');
		// After election day: due on the day of receipt.
		expect(requestDueOn('replacement', noon('2030-05-20'), TK)).toBe('2030-05-20');
	});
});

describe('proxyDecisionBlocked (L 11(1))', () => {
	it('blocks every day before nomination day and frees it from then', () => {
		const blocked = proxyDecisionBlocked(TK, '2030-03-31');
		expect(blocked?.from).toBe('2030-04-01');
		expect(codes(blocked!.basis)).toEqual(['KW L 11(1)']);
		expect(proxyDecisionBlocked(TK, '2030-04-01')).toBeNull();
		expect(proxyDecisionBlocked(TK, '2030-04-02')).toBeNull();
		// An unknown day blocks too: nomination cannot have come.
		expect(proxyDecisionBlocked(EP_UNKNOWN, '2029-01-01')).toEqual({
			from: null,
			basis: [expect.objectContaining({ code: 'KW L 11(1)' })]
		});
	});
});

describe('delivery', () => {
	it('sends the ballot by e-mail only when asked and an address is given (M 3(4), M 3(5))', () => {
		expect(ballotSentBy('email', 'a@example.org')).toBe('email');
		expect(ballotSentBy('email', null)).toBe('post');
		expect(ballotSentBy('post', 'a@example.org')).toBe('post');
	});

	it('sends a replacement to Aruba, Curaçao and Sint Maarten by post only (M 6b(5))', () => {
		expect(replacementSentBy('email', 'a@example.org', 'DE')).toEqual({
			by: 'email',
			caribbean: false
		});
		for (const country of ['AW', 'CW', 'SX']) {
			expect(replacementSentBy('email', 'a@example.org', country)).toEqual({
				by: 'post',
				caribbean: true
			});
		}
		expect(replacementSentBy('email', null, 'DE').by).toBe('post');
		expect(replacementSentBy('post', 'a@example.org', 'DE').by).toBe('post');
	});
});

describe('mandatoryRefusals and the proposal', () => {
	const today = '2030-04-02';

	it('grants a voter pass asked in time by a registered voter without a certificate', () => {
		expect(mandatoryRefusals(kase('voter_pass'), today)).toEqual([]);
		expect(proposeRequestDecision(kase('voter_pass'), today)).toEqual({
			outcome: 'granted',
			reasons: []
		});
	});

	it('refuses a voter pass on the grounds of K 8(2) and K 7(2)', () => {
		expect(
			mandatoryRefusals(
				kase('voter_pass', {
					receivedAt: noon('2030-04-04'),
					registration: null,
					proxyGranted: true,
					certificateIssued: true
				}),
				today
			)
		).toEqual([
			'voter_pass_late',
			'voter_pass_not_registered',
			'voter_pass_proxy_granted',
			'voter_pass_certificate_issued'
		]);
		// Registered for the EP only: not for this TK election.
		expect(
			mandatoryRefusals(
				kase('voter_pass', {
					registration: {
						...registered,
						types: [{ type: 'EP', startsOn: '2020-01-01', endedOn: null }]
					}
				}),
				today
			)
		).toEqual(['voter_pass_not_registered']);
		// A registration ending before nomination day does not hold on it.
		expect(
			mandatoryRefusals(
				kase('voter_pass', {
					registration: {
						...registered,
						types: [{ type: 'TK', startsOn: '2020-01-01', endedOn: '2030-03-20' }]
					}
				}),
				'2030-02-10'
			)
		).toEqual(['voter_pass_not_registered']);
		// A removed registration holds nothing.
		expect(
			mandatoryRefusals(
				kase('voter_pass', { registration: { ...registered, active: false } }),
				today
			)
		).toEqual(['voter_pass_not_registered']);
	});

	it('never grants a proxy or a voter pass for the KNI (Pa 21), whatever else', () => {
		expect(
			mandatoryRefusals(kase('voter_pass', { election: KNI, registration: null }), today)
		).toEqual(['voter_pass_kni']);
		expect(mandatoryRefusals(kase('proxy', { election: KNI }), today)).toEqual(['proxy_kni']);
		expect(mandatoryRefusals(kase('temporarily_abroad', { election: KNI }), today)).toEqual([
			'temporarily_abroad_kni'
		]);
	});

	it('refuses a proxy on the grounds of L 9(2), L 10(b)–(c) and L 4', () => {
		expect(
			mandatoryRefusals(
				kase('proxy', {
					receivedAt: noon('2030-04-05'),
					certificateIssued: true,
					voterPassGranted: true,
					holderProxies: 2,
					checks: { declarationPresent: false }
				}),
				today
			)
		).toEqual([
			'proxy_late',
			'proxy_certificate_issued',
			'proxy_voter_pass_granted',
			'proxy_declaration_missing',
			'proxy_holder_has_two'
		]);
		// One proxy accepted before: a second is allowed (L 4: at most two).
		expect(mandatoryRefusals(kase('proxy', { holderProxies: 1 }), today)).toEqual([]);
		expect(mandatoryRefusals(kase('proxy', { registration: null }), today)).toEqual([
			'proxy_not_registered'
		]);
	});

	it('refuses a resident temporarily abroad only outside the group of M 1(2), or late', () => {
		const ta = (over: Partial<RequestCase>) =>
			mandatoryRefusals(kase('temporarily_abroad', over), today);
		expect(
			ta({ abroadFrom: '2030-05-01', abroadUntil: '2030-06-01', birthDate: '1990-05-15' })
		).toEqual([]);
		// Bonaire, Sint Eustatius and Saba are in the Netherlands.
		expect(ta({ residence: 'BQ' })).toEqual([]);
		expect(ta({ residence: 'BE' })).toEqual(['temporarily_abroad_lives_abroad']);
		expect(ta({ receivedAt: noon('2030-04-18') })).toEqual(['temporarily_abroad_late']);
		expect(ta({ abroadFrom: '2030-05-16', abroadUntil: '2030-06-01' })).toEqual([
			'temporarily_abroad_not_abroad'
		]);
		expect(ta({ abroadFrom: '2030-05-01', abroadUntil: '2030-05-14' })).toEqual([
			'temporarily_abroad_not_abroad'
		]);
		// 18 on election day is old enough; a day short is not (B 1(1)).
		expect(ta({ birthDate: '2012-05-15' })).toEqual([]);
		expect(ta({ birthDate: '2012-05-16' })).toEqual(['temporarily_abroad_not_a_voter']);
	});

	it('refuses a replacement late or with nothing to replace (M 6b)', () => {
		const r = (over: Partial<RequestCase>) => mandatoryRefusals(kase('replacement', over), today);
		expect(r({ certificateIssued: true })).toEqual([]);
		expect(r({ certificateIssued: false })).toEqual(['replacement_no_certificate']);
		expect(r({ certificateIssued: true, receivedAt: noon('2030-05-04') })).toEqual([
			'replacement_late'
		]);
		expect(r({ certificateIssued: true, checks: { identityDocumentValid: false } })).toEqual([
			'replacement_identity_document_missing'
		]);
	});

	it('proposes a change, a removal, or the refusal its checks call for', () => {
		expect(proposeRequestDecision(kase('change'), today)).toEqual({
			outcome: 'changed',
			reasons: []
		});
		expect(
			proposeRequestDecision(kase('change', { change: { removal: true, empty: true } }), today)
		).toEqual({ outcome: 'removed', reasons: [] });
		expect(
			proposeRequestDecision(
				kase('change', {
					registration: null,
					checks: { signaturePresent: false, dataMatches: false }
				}),
				today
			)
		).toEqual({
			outcome: 'refused',
			reasons: ['change_not_registered', 'change_no_signature', 'change_data_mismatch']
		});
	});
});

describe('planRequestDecision', () => {
	const today = '2030-04-02';

	it('takes no decision on a proxy before nomination day, not even a refusal (L 11(1))', () => {
		for (const choice of [
			{ outcome: 'granted' as const, reasons: [] },
			{ outcome: 'refused' as const, reasons: ['proxy_holder_not_a_voter' as const] }
		]) {
			expect(planRequestDecision(kase('proxy'), choice, '2030-03-31')).toEqual({
				ok: false,
				error: 'before_nomination_day'
			});
		}
		expect(
			planRequestDecision(
				kase('proxy', { election: EP_UNKNOWN }),
				{ outcome: 'granted', reasons: [] },
				today
			)
		).toEqual({ ok: false, error: 'before_nomination_day' });
	});

	it('grants a proxy from nomination day, with what it means and the articles', () => {
		const result = planRequestDecision(
			kase('proxy'),
			{ outcome: 'granted', reasons: [] },
			'2030-04-01'
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.plan.outcome).toBe('granted');
		expect(result.plan.reasons).toEqual([]);
		expect(result.plan.notes.map((n) => n.code)).toEqual([
			'note_proxy_no_certificate',
			'note_proxy_holder_votes',
			'note_proxy_holder_told'
		]);
		expect(codes(result.plan.notes[0]!.basis)).toEqual(['KW M 1(1)']);
		expect(codes(result.plan.notes[2]!.basis)).toEqual(['KW L 11(3)']);
	});

	it('refuses with the reasons chosen, each once, each with its articles', () => {
		const result = planRequestDecision(
			kase('proxy'),
			{
				outcome: 'refused',
				reasons: ['proxy_holder_not_a_voter', 'proxy_holder_not_a_voter', 'proxy_holder_not_chosen']
			},
			today
		);
		expect(result).toMatchObject({ ok: true, plan: { outcome: 'refused', notes: [] } });
		if (!result.ok) return;
		expect(result.plan.reasons.map((r) => r.code)).toEqual([
			'proxy_holder_not_a_voter',
			'proxy_holder_not_chosen'
		]);
		expect(codes(result.plan.reasons[0]!.basis)).toEqual(['KW L 10(d)', 'KW L 8(2)']);
	});

	it('says why a choice cannot stand', () => {
		const plan = (
			k: RequestKind,
			choice: Parameters<typeof planRequestDecision>[1],
			over: Partial<RequestCase> = {}
		) => planRequestDecision(kase(k, over), choice, today);
		expect(plan('voter_pass', { outcome: 'changed', reasons: [] })).toEqual({
			ok: false,
			error: 'outcome_not_allowed'
		});
		expect(plan('voter_pass', { outcome: 'refused', reasons: [] })).toEqual({
			ok: false,
			error: 'reasons_required'
		});
		expect(plan('voter_pass', { outcome: 'refused', reasons: ['proxy_late'] })).toEqual({
			ok: false,
			error: 'reason_not_applicable'
		});
		expect(plan('voter_pass', { outcome: 'granted', reasons: ['voter_pass_late'] })).toEqual({
			ok: false,
			error: 'reason_not_applicable'
		});
		// The register shows a certificate: a pass cannot be granted (K 8(2)).
		expect(
			plan('voter_pass', { outcome: 'granted', reasons: [] }, { certificateIssued: true })
		).toEqual({
			ok: false,
			error: 'refusal_required'
		});
		expect(plan('replacement', { outcome: 'granted', reasons: [] })).toEqual({
			ok: false,
			error: 'refusal_required'
		});
		expect(plan('change', { outcome: 'asked', reasons: [], question: '  ' })).toEqual({
			ok: false,
			error: 'question_required'
		});
		expect(plan('change', { outcome: 'removed', reasons: [] })).toEqual({
			ok: false,
			error: 'removal_mismatch'
		});
		expect(
			plan(
				'change',
				{ outcome: 'changed', reasons: [] },
				{ change: { removal: true, empty: true } }
			)
		).toEqual({ ok: false, error: 'removal_mismatch' });
		expect(
			plan(
				'change',
				{ outcome: 'changed', reasons: [] },
				{ change: { removal: false, empty: true } }
			)
		).toEqual({ ok: false, error: 'nothing_to_change' });
		// A change without the registration linked: the rules refuse it (nothing to change).
		expect(plan('change', { outcome: 'changed', reasons: [] }, { registration: null })).toEqual({
			ok: false,
			error: 'refusal_required'
		});
	});

	it('names the day a late request was due by, and no lateness without an election day', () => {
		const late = planRequestDecision(
			kase('temporarily_abroad', { receivedAt: noon('2030-04-20') }),
			{ outcome: 'refused', reasons: ['temporarily_abroad_late'] },
			today
		);
		expect(late.ok && late.plan.reasons[0]).toEqual({
			code: 'temporarily_abroad_late',
			basis: [expect.objectContaining({ code: 'KW M 3(3)' })],
			params: { date: '2030-04-17' }
		});
		expect(
			planRequestDecision(
				kase('voter_pass', { election: EP_UNKNOWN }),
				{ outcome: 'refused', reasons: ['voter_pass_late'] },
				today
			)
		).toEqual({ ok: false, error: 'reason_not_applicable' });
	});

	it('asks about a change with the question typed', () => {
		expect(
			planRequestDecision(
				kase('change'),
				{ outcome: 'asked', reasons: [], question: ' Which address? ' },
				today
			)
		).toEqual({
			ok: true,
			plan: { outcome: 'asked', reasons: [], notes: [], question: 'Which address?' }
		});
	});

	it('grants a voter pass with K 4(2) and K 4(3) in the notes', () => {
		const result = planRequestDecision(
			kase('voter_pass'),
			{ outcome: 'granted', reasons: [] },
			'2030-02-12'
		);
		expect(result.ok && result.plan.notes.map((n) => [n.code, codes(n.basis)])).toEqual([
			['note_voter_pass_only_with_pass', ['KW K 4(2)', 'KW M 1(1)']],
			['note_voter_pass_not_replaced', ['KW K 4(3)']]
		]);
	});
});

describe('notesFor', () => {
	it('tells a resident temporarily abroad about the polling card and the ballot', () => {
		expect(
			notesFor(
				kase('temporarily_abroad', { delivery: { by: 'email', caribbean: false } }),
				'granted'
			).map((n) => [n.code, codes(n.basis)])
		).toEqual([
			['note_temporarily_abroad_no_polling_card', ['KW M 4(4)', 'KW M 2']],
			['note_temporarily_abroad_ballot_email', ['KW M 3(4)']]
		]);
		expect(notesFor(kase('temporarily_abroad'), 'granted')[1]!.code).toBe(
			'note_temporarily_abroad_ballot_post'
		);
	});

	it('tells a replacement that the old certificate is invalid, and how the new one comes', () => {
		expect(
			notesFor(kase('replacement', { delivery: { by: 'post', caribbean: true } }), 'granted').map(
				(n) => n.code
			)
		).toEqual([
			'note_replacement_old_invalid',
			'note_replacement_by_post',
			'note_replacement_caribbean_post'
		]);
		expect(codes(notesFor(kase('replacement'), 'granted')[0]!.basis)).toEqual(['KW M 5(2)(a)']);
		expect(
			notesFor(kase('replacement', { delivery: { by: 'email', caribbean: false } }), 'granted')[1]!
				.code
		).toBe('note_replacement_by_email');
	});

	it('says which election a late change misses (D 3(3)), and nothing for one in time', () => {
		const upcoming = [
			{ type: 'TK' as const, electionDay: '2030-05-15' },
			{ type: 'EP' as const, electionDay: '2029-06-07' }
		];
		// 14 March 2030: after the TK change cut-off of 13 March, after the EP election.
		expect(
			notesFor(kase('change', { upcoming, receivedAt: noon('2030-03-14') }), 'changed')
		).toEqual([
			{
				code: 'note_change_counts_next',
				basis: [expect.objectContaining({ code: 'KW D 3(3)' })],
				params: { date: '2030-03-13', electionDay: '2030-05-15', type: 'TK' }
			}
		]);
		expect(
			notesFor(kase('change', { upcoming, receivedAt: noon('2030-03-13') }), 'changed')
		).toEqual([]);
		// A removal is not "counted from the next election".
		expect(
			notesFor(kase('change', { upcoming, receivedAt: noon('2030-03-14') }), 'removed')
		).toEqual([]);
	});

	it('marks every note as a note, never a refusal', () => {
		for (const code of REQUEST_NOTE_CODES) {
			expect(isRequestNote(code)).toBe(true);
			expect(isRequestRefusalCode(code)).toBe(false);
		}
		expect(isRequestNote('proxy_late')).toBe(false);
	});
});

describe('requestAppealBasis', () => {
	it('opens D 8 through K 8(4), L 11(4) and M 4(5)', () => {
		expect(codes(requestAppealBasis('voter_pass'))).toEqual(['KW K 8(4)', 'KW D 8']);
		expect(codes(requestAppealBasis('proxy'))).toEqual(['KW L 11(4)', 'KW D 8']);
		expect(codes(requestAppealBasis('temporarily_abroad'))).toEqual(['KW M 4(5)', 'KW D 8']);
		expect(codes(requestAppealBasis('change'))).toEqual(['KW D 8']);
		expect(codes(requestAppealBasis('replacement'))).toEqual(['KW D 8']);
	});
});

describe('typeChanges', () => {
	const held = [
		{ type: 'TK' as const, startsOn: '2020-01-01', endedOn: null },
		{ type: 'EP' as const, startsOn: '2020-01-01', endedOn: '2025-01-01' }
	];

	it('starts the types asked for and ends those left out, on the decision day', () => {
		expect(typeChanges(held, ['EP', 'KNI'], '2030-03-01', '2030-03-01')).toEqual({
			start: [
				{ type: 'EP', startsOn: '2030-03-01' },
				{ type: 'KNI', startsOn: '2030-03-01' }
			],
			end: ['TK']
		});
		expect(typeChanges(held, ['TK'], '2030-03-01', '2030-03-01')).toEqual({ start: [], end: [] });
	});
});
