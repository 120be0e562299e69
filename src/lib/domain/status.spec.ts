import { describe, expect, it } from 'vitest';
import { LAW } from './legal';
import {
	NOT_REGISTERED_REASON_CODES,
	REGISTRATION_END_CAUSE_CODES,
	REGISTRATION_END_CAUSES,
	STATUS_REASON_CODES,
	isNotRegisteredReasonCode,
	isOverdue,
	isRegistrationEndCause,
	notRegisteredReason,
	standing,
	type RegistrationEndCause
} from './status';

describe('standing', () => {
	const today = '2026-11-10';

	it('is registered for the types that have not ended, a future start included', () => {
		const result = standing(
			[
				{ type: 'TK', startsOn: '2020-01-01', endedOn: null },
				{ type: 'EP', startsOn: '2020-01-01', endedOn: '2026-11-10' },
				{ type: 'KNI', startsOn: '2027-01-15', endedOn: null }
			],
			today
		);
		expect(result.registered).toBe(true);
		expect(result.types).toEqual([
			{ type: 'TK', since: '2020-01-01', future: false },
			{ type: 'KNI', since: '2027-01-15', future: true }
		]);
		expect(result.basis).toContain(LAW.STATUS_REQUEST);
	});

	it('keeps a type that ends after today, and is not registered when every type has ended', () => {
		expect(
			standing([{ type: 'TK', startsOn: '2020-01-01', endedOn: '2026-11-11' }], today).registered
		).toBe(true);
		expect(
			standing([{ type: 'TK', startsOn: '2020-01-01', endedOn: '2026-01-01' }], today)
		).toMatchObject({ registered: false, types: [] });
		expect(standing([], today).registered).toBe(false);
	});
});

describe('isOverdue', () => {
	it('is overdue only after the due day', () => {
		expect(isOverdue('2026-11-17', '2026-11-17')).toBe(false);
		expect(isOverdue('2026-11-17', '2026-11-16')).toBe(false);
		expect(isOverdue('2026-11-17', '2026-11-18')).toBe(true);
	});
});

describe('notRegisteredReason', () => {
	const today = '2026-11-10';

	it('states no application with KW D 3(1), KW D 5 and KB D 8', () => {
		const reason = notRegisteredReason({ code: 'no_application' }, today);
		expect(reason.code).toBe('status_no_application');
		expect(reason.params).toBeUndefined();
		expect(reason.basis.map((b) => b.code)).toEqual(['KW D 3(1)', 'KW D 5', 'KB D 8']);
	});

	it('states a rejection with its date and KB D 9', () => {
		const reason = notRegisteredReason({ code: 'application_rejected', date: '2026-10-01' }, today);
		expect(reason).toMatchObject({
			code: 'status_application_rejected',
			params: { date: '2026-10-01' }
		});
		expect(reason.basis.map((b) => b.code)).toContain('KB D 9');
	});

	it('states an ended registration with its date, its cause and the cause’s article', () => {
		const reason = notRegisteredReason(
			{ code: 'registration_ended', date: '2026-11-10', cause: 'lost_nationality' },
			today
		);
		expect(reason.code).toBe('status_ended_lost_nationality');
		expect(reason.params).toEqual({ date: '2026-11-10' });
		expect(reason.basis.map((b) => b.code)).toEqual(['KW B 1(1)', 'KW D 6(3)', 'KW D 5', 'KB D 8']);
	});

	it('gives every cause at least one article', () => {
		for (const cause of REGISTRATION_END_CAUSE_CODES) {
			expect(REGISTRATION_END_CAUSES[cause].length, cause).toBeGreaterThan(0);
			const reason = notRegisteredReason(
				{ code: 'registration_ended', date: '2026-01-01', cause },
				today
			);
			expect(reason.basis.length).toBeGreaterThan(2);
			expect(STATUS_REASON_CODES).toContain(reason.code);
		}
		expect(STATUS_REASON_CODES).toHaveLength(2 + REGISTRATION_END_CAUSE_CODES.length);
	});

	it('refuses a date that is not a real past day, and an unknown cause', () => {
		expect(() =>
			notRegisteredReason({ code: 'application_rejected', date: '2026-11-11' }, today)
		).toThrow(RangeError);
		expect(() =>
			notRegisteredReason({ code: 'application_rejected', date: '2026-02-30' }, today)
		).toThrow(RangeError);
		expect(() =>
			notRegisteredReason(
				{
					code: 'registration_ended',
					date: '2026-01-01',
					cause: 'bored' as RegistrationEndCause
				},
				today
			)
		).toThrow(RangeError);
	});

	it('recognises its codes', () => {
		for (const code of NOT_REGISTERED_REASON_CODES)
			expect(isNotRegisteredReasonCode(code)).toBe(true);
		expect(isNotRegisteredReasonCode('lives_abroad')).toBe(false);
		expect(isNotRegisteredReasonCode(1)).toBe(false);
		expect(isRegistrationEndCause('own_request')).toBe(true);
		expect(isRegistrationEndCause('toString')).toBe(false);
	});
});
