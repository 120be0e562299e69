import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_DATA, allFields, plan, readForm, type Answers, type StepAnswer } from '../engine';
import {
	CHANGE_ITEMS,
	change,
	changeRequest,
	chosenItems,
	dateOfBirthOf,
	requestedTypes
} from './index';

const TODAY = '2026-11-22';

const identity: StepAnswer = {
	first_names: 'Zoë',
	surname: 'IJsselmeer-Çelik',
	dob_day: '3',
	dob_month: '2',
	dob_year: '1990',
	bsn: ''
};

/** Where the conversation is after these answers: the step id, 'check' or the outcome's id. */
function at(answers: Answers): string {
	const p = plan(change, answers, TODAY);
	if (p.position.kind === 'step') return p.position.step.id;
	if (p.position.kind === 'outcome') return `outcome:${p.position.outcome.id}`;
	return 'check';
}

/** The ids of the steps answered on the way, in order. */
const path_ = (answers: Answers) => plan(change, answers, TODAY).answered.map((s) => s.id);

const step = (id: string) => change.steps.find((s) => s.id === id)!;
const ctx = (answers: Answers) => ({ today: TODAY, answers, data: NO_DATA });
const errorsOf = (id: string, answer: StepAnswer, answers: Answers = {}) => {
	const result = step(id).schema(ctx(answers)).safeParse(answer);
	return result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]);
};

const base = (country: string, items: string[]): Answers => ({
	residence: { country },
	identity,
	what: { items }
});

describe('the change journey: paths through the steps', () => {
	it('asks the country first, then who the voter is, then what to change', () => {
		expect(at({})).toBe('residence');
		expect(at({ residence: { country: 'DE' } })).toBe('identity');
		expect(at({ residence: { country: 'DE' }, identity })).toBe('what');
	});

	it('asks one page per chosen change, in a fixed order, then how to send it', () => {
		const answers: Answers = {
			...base('DE', ['phone', 'residential_address', 'email', 'name']),
			residential_address: {
				address_line1: 'Hauptstraße 1',
				address_line2: '10115 Berlin',
				address_line3: ''
			},
			email: { action: 'new', email: 'zoe@example.org' },
			phone: { action: 'remove', phone: '' },
			name: { first_names: 'Zoë', surname: 'Jansen' }
		};
		expect(at(answers)).toBe('submission');
		expect(path_(answers)).toEqual([
			'residence',
			'identity',
			'what',
			'residential_address',
			'email',
			'phone',
			'name'
		]);
		expect(at({ ...answers, submission: { channel: 'den_haag_post' } })).toBe('check');
	});

	it('asks the new correspondence address only when the voter wants a new one', () => {
		const answers = base('US', ['correspondence_address']);
		expect(at(answers)).toBe('correspondence');
		expect(at({ ...answers, correspondence: { action: 'remove' } })).toBe('submission');
		expect(at({ ...answers, correspondence: { action: 'new' } })).toBe('correspondence_address');
	});

	it('goes straight to sending for a removal', () => {
		expect(at(base('AU', ['removal']))).toBe('submission');
	});

	it('drops the answers of changes no longer chosen (KB D 4: nothing extra is kept)', () => {
		const answers: Answers = {
			...base('DE', ['name']),
			email: { action: 'new', email: 'old@example.org' },
			name: { first_names: 'Zoë', surname: 'Jansen' },
			submission: { channel: 'den_haag_upload' }
		};
		const p = plan(change, answers, TODAY);
		expect(p.position.kind).toBe('check');
		expect(p.answers.email).toBeUndefined();
	});

	it('ends at once for someone who lives in the Netherlands again, before asking a name', () => {
		expect(at({ residence: { country: 'NL' } })).toBe('outcome:lives_in_netherlands');
		// Bonaire, Sint Eustatius and Saba are the Netherlands too (KW D 2, B 4).
		expect(at({ residence: { country: 'BQ' } })).toBe('outcome:lives_in_netherlands');
		expect(path_({ residence: { country: 'NL' }, identity })).toEqual(['residence']);
	});
});

describe('the change journey: what to change', () => {
	it('needs at least one item, and only known ones', () => {
		expect(errorsOf('what', { items: [] })).toEqual([['items', 'change_what_error_required']]);
		expect(errorsOf('what', { items: ['hair_colour'] })).toEqual([
			['items', 'change_what_error_required']
		]);
		expect(errorsOf('what', { items: [...CHANGE_ITEMS].filter((i) => i !== 'removal') })).toEqual(
			[]
		);
	});

	it('refuses removal together with a change, with its own error', () => {
		expect(errorsOf('what', { items: ['removal'] })).toEqual([]);
		expect(errorsOf('what', { items: ['email', 'removal'] })).toEqual([
			['items', 'change_what_error_removal_exclusive']
		]);
		// The server holds the line: the combination is never reached through the engine either.
		expect(at(base('DE', ['removal', 'name']))).toBe('what');
	});

	it('reads the checkboxes from a form post, ignoring anything else posted', () => {
		const form = new FormData();
		form.append('items', 'email');
		form.append('items', 'removal');
		form.append('surname', 'smuggled');
		const answer = readForm(step('what').fields(ctx({})), form);
		expect(answer).toEqual({ items: ['email', 'removal'] });
		expect(chosenItems({ what: answer })).toEqual(['email', 'removal']);
	});
});

describe('the change journey: who the voter is', () => {
	it('checks every field at once, the BSN only when given', () => {
		expect(
			errorsOf('identity', {
				first_names: '',
				surname: '<b>',
				dob_day: '31',
				dob_month: '2',
				dob_year: '1990',
				bsn: '123456789'
			})
		).toEqual([
			['first_names', 'register_name_first_names_error_required'],
			['surname', 'register_name_surname_error_characters'],
			['dob_day', 'register_dob_error_invalid'],
			['bsn', 'register_bsn_error_invalid']
		]);
		expect(errorsOf('identity', identity)).toEqual([]);
		// The eleven-test passes, spaces and dots as people type them.
		expect(errorsOf('identity', { ...identity, bsn: '1234.56.782' })).toEqual([]);
		expect(dateOfBirthOf({ identity })).toBe('1990-02-03');
	});

	it('refuses a date of birth in the future', () => {
		expect(
			errorsOf('identity', { ...identity, dob_day: '1', dob_month: '1', dob_year: '2027' })
		).toEqual([['dob_day', 'register_dob_error_future']]);
	});
});

describe('the change journey: e-mail and phone, new or removed', () => {
	it('needs the new address only when "new" is chosen, and checks it', () => {
		expect(errorsOf('email', { action: '', email: '' })).toEqual([['action', 'error_choose_one']]);
		expect(errorsOf('email', { action: 'new', email: '' })).toEqual([
			['email', 'change_email_error_required']
		]);
		expect(errorsOf('email', { action: 'new', email: 'not-an-address' })).toEqual([
			['email', 'register_contact_email_error_invalid']
		]);
		expect(errorsOf('email', { action: 'new', email: 'zoe@example.org' })).toEqual([]);
		expect(errorsOf('email', { action: 'remove', email: '' })).toEqual([]);
		expect(errorsOf('phone', { action: 'new', phone: 'call me' })).toEqual([
			['phone', 'register_contact_phone_error_invalid']
		]);
		expect(errorsOf('phone', { action: 'new', phone: '' })).toEqual([
			['phone', 'change_phone_error_required']
		]);
	});

	it('reveals the field under "new" and reads it with the choice', () => {
		const fields = step('email').fields(ctx({}));
		expect(allFields(fields).map((f) => f.name)).toEqual(['action', 'email']);
		expect(fields[0]?.options?.[0]?.conditional?.[0]?.autocomplete).toBe('email');
	});
});

describe('the change journey: election types follow the registration rules', () => {
	const offered = (answers: Answers) =>
		step('election_types')
			.fields(ctx(answers))[0]!
			.options!.map((o) => o.value);
	const noteTitles = (answers: Answers) =>
		(step('election_types').notes?.(ctx(answers)) ?? []).map((n) => [
			n.title?.params?.type,
			n.text.key,
			n.basis?.map((b) => b.code)
		]);

	it('offers every type to a voter in Canada', () => {
		const answers = base('CA', ['election_types']);
		expect(at(answers)).toBe('election_types');
		expect(offered(answers)).toEqual(['TK', 'EP', 'KNI']);
		expect(noteTitles(answers)).toEqual([]);
	});

	it('asks Aruba, Curaçao and Sint Maarten residents the conditions of KW B 1(2) first', () => {
		const answers = base('CW', ['election_types']);
		expect(at(answers)).toBe('caribbean_ten_years');
		expect(at({ ...answers, caribbean_ten_years: { value: 'no' } })).toBe(
			'caribbean_public_service'
		);
		expect(at({ ...answers, caribbean_ten_years: { value: 'yes' } })).toBe('election_types');
		expect(offered({ ...answers, caribbean_ten_years: { value: 'yes' } })).toEqual([
			'TK',
			'EP',
			'KNI'
		]);
	});

	it('does not offer the TK and KNI without ten years or public service, and says why', () => {
		const answers: Answers = {
			...base('AW', ['election_types']),
			caribbean_ten_years: { value: 'no' },
			caribbean_public_service: { value: 'no' }
		};
		expect(at(answers)).toBe('election_types');
		expect(offered(answers)).toEqual(['EP']);
		expect(noteTitles(answers)).toEqual([
			['TK', 'reason_caribbean_condition_not_met', ['KW B 1(1)', 'KW B 1(2)']],
			['KNI', 'reason_caribbean_condition_not_met', ['KW Pa 2(1)', 'KW Pa 2(2)']]
		]);
		// A type not offered cannot be posted either.
		expect(errorsOf('election_types', { types: ['TK'] }, answers)).toEqual([
			['types', 'change_types_error_required']
		]);
		expect(errorsOf('election_types', { types: [] }, answers)).toEqual([
			['types', 'change_types_error_required']
		]);
	});

	it('asks an EU resident who wants the EP for the declaration of KW Y 6(1)', () => {
		const answers: Answers = {
			...base('FR', ['election_types']),
			election_types: { types: ['TK', 'EP'] }
		};
		expect(at(answers)).toBe('ep_declaration');
		expect(at({ ...answers, ep_declaration: { value: 'yes' } })).toBe('submission');
		expect(requestedTypes({ ...answers, ep_declaration: { value: 'yes' } })).toEqual(['TK', 'EP']);
		// Refused: the EP drops out, the TK stays.
		expect(at({ ...answers, ep_declaration: { value: 'no' } })).toBe('submission');
		expect(requestedTypes({ ...answers, ep_declaration: { value: 'no' } })).toEqual(['TK']);
		// Outside the EU no declaration is asked.
		const us = { ...base('US', ['election_types']), election_types: { types: ['EP'] } };
		expect(at(us)).toBe('submission');
	});

	it('ends when the EP was the only type and its declaration is refused', () => {
		const answers: Answers = {
			...base('ES', ['election_types']),
			election_types: { types: ['EP'] },
			ep_declaration: { value: 'no' }
		};
		expect(at(answers)).toBe('outcome:not_eligible');
	});

	it('ends when no type can be registered at all (too young to apply, KW D 3(1))', () => {
		const young = { ...identity, dob_year: '2015' };
		expect(at({ ...base('CA', ['election_types']), identity: young })).toBe('outcome:not_eligible');
		// Other changes do not depend on age.
		expect(at({ ...base('CA', ['removal']), identity: young })).toBe('submission');
	});
});

describe('changeRequest: the contract with the back office', () => {
	it('is null until what every request needs is there', () => {
		expect(changeRequest({})).toBeNull();
		expect(changeRequest({ residence: { country: 'DE' }, identity })).toBeNull();
		expect(changeRequest(base('DE', ['residential_address']))).toBeNull();
	});

	it('holds exactly the changes asked for', () => {
		const answers: Answers = {
			...base('DE', [
				'residential_address',
				'correspondence_address',
				'email',
				'phone',
				'name',
				'election_types'
			]),
			identity: { ...identity, bsn: '1234 56 782' },
			residential_address: {
				address_line1: 'Hauptstraße 1',
				address_line2: '10115 Berlin',
				address_line3: ''
			},
			correspondence: { action: 'new' },
			correspondence_address: {
				address_line1: 'PO Box 12',
				address_line2: '1000 Brussels',
				address_line3: '',
				country: 'BE'
			},
			email: { action: 'new', email: 'zoe@example.org' },
			phone: { action: 'remove', phone: '' },
			name: { first_names: 'Zoë Anna', surname: 'Jansen' },
			election_types: { types: ['TK', 'EP'] },
			ep_declaration: { value: 'yes' },
			submission: { channel: 'den_haag_upload' }
		};
		expect(changeRequest(answers)).toEqual({
			kind: 'change',
			voter: {
				surname: 'IJsselmeer-Çelik',
				firstNames: 'Zoë',
				dateOfBirth: '1990-02-03',
				bsn: '123456782',
				address: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
				email: 'zoe@example.org',
				phone: null
			},
			removal: false,
			changes: {
				residentialAddress: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
				correspondenceAddress: { lines: ['PO Box 12', '1000 Brussels'], country: 'BE' },
				email: 'zoe@example.org',
				phone: null,
				name: { surname: 'Jansen', firstNames: 'Zoë Anna' },
				electionTypes: ['TK', 'EP'],
				epDeclaration: true
			}
		});
	});

	it('removes a correspondence address and an e-mail address with null', () => {
		const request = changeRequest({
			...base('US', ['correspondence_address', 'email']),
			correspondence: { action: 'remove' },
			email: { action: 'remove', email: '' }
		});
		expect(request?.changes).toEqual({ correspondenceAddress: null, email: null });
		expect(request?.voter.address).toEqual({ lines: [], country: 'US' });
		expect(request?.voter.bsn).toBeNull();
	});

	it('is a removal with no change', () => {
		expect(changeRequest(base('AU', ['removal']))).toMatchObject({
			removal: true,
			changes: {}
		});
	});

	it('records the public-service declaration (KB D 4(c)) for the TK in Aruba', () => {
		const request = changeRequest({
			...base('AW', ['election_types']),
			caribbean_ten_years: { value: 'no' },
			caribbean_public_service: { value: 'yes' },
			election_types: { types: ['TK', 'EP'] }
		});
		expect(request?.changes).toEqual({
			electionTypes: ['TK', 'EP'],
			publicServiceDeclaration: true
		});
	});
});

describe('the change journey: every message it refers to exists', () => {
	const nl = JSON.parse(readFileSync(path.resolve('messages/nl.json'), 'utf8')) as Record<
		string,
		string
	>;
	it('has the keys named in its source and in every step', () => {
		const source = readFileSync(path.resolve('src/lib/journeys/change/index.ts'), 'utf8');
		const keys = [
			...source.matchAll(/'((?:change|register|error|field|answer|submission)_[a-z0-9_]+)'/g)
		].map((m) => m[1]!);
		expect(keys.length).toBeGreaterThan(20);
		for (const key of keys) expect(nl[key], key).toBeDefined();
		const answers: Answers = {
			...base(
				'DE',
				[...CHANGE_ITEMS].filter((i) => i !== 'removal')
			),
			correspondence: { action: 'new' }
		};
		for (const s of change.steps) {
			expect(nl[s.question.key], s.id).toBeDefined();
			if (s.hint) expect(nl[s.hint.key], s.id).toBeDefined();
			for (const field of allFields(s.fields(ctx(answers)))) {
				for (const ref of [field.label, field.hint, ...(field.options ?? []).map((o) => o.label)]) {
					if (ref && 'key' in ref) expect(nl[ref.key], `${s.id}.${field.name}`).toBeDefined();
				}
			}
		}
		for (const item of CHANGE_ITEMS) expect(nl[`change_what_${item}`], item).toBeDefined();
		for (const item of ['email', 'phone']) {
			for (const suffix of ['_new', '_remove', '_new_label', '_error_required']) {
				expect(nl[`change_${item}${suffix}`], item + suffix).toBeDefined();
			}
		}
	});
});
