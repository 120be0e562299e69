import { describe, expect, it } from 'vitest';
import { readReminderForm } from './index';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

describe('the request for reminders', () => {
	it('takes an address and the types, in a fixed order, each once', () => {
		expect(
			readReminderForm(
				form([
					['email', ' ana@example.org '],
					['types', 'KNI'],
					['types', 'TK'],
					['types', 'KNI']
				])
			)
		).toEqual({ ok: true, request: { email: 'ana@example.org', types: ['TK', 'KNI'] } });
	});

	it('says what is wrong at each field and keeps what was typed', () => {
		const result = readReminderForm(form([['email', 'not-an-address']]));
		expect(result).toEqual({
			ok: false,
			values: { email: 'not-an-address', types: [] },
			errors: {
				email: 'register_contact_email_error_invalid',
				types: 'reminders_types_error_required'
			}
		});
		expect(readReminderForm(form([['types', 'EP']]))).toMatchObject({
			ok: false,
			values: { email: '', types: ['EP'] },
			errors: { email: 'reminders_email_error_required' }
		});
	});

	it('ignores anything but its own fields, and refuses unknown types', () => {
		const result = readReminderForm(
			form([
				['email', 'ana@example.org'],
				['types', 'GR'],
				['name', 'Ana'],
				['locale', 'de']
			])
		);
		expect(result).toMatchObject({
			ok: false,
			errors: { types: 'reminders_types_error_required' }
		});
		expect(result.ok === false && Object.keys(result.values)).toEqual(['email', 'types']);
	});
});
