/**
 * The request for reminders of the cut-offs (issue 6 item 2): one short page asking only what the
 * reminders need, an e-mail address and the election types. The language is the page's; nothing
 * else is asked (KB D 4's spirit: not even whether the person is registered). Shared by the
 * server (validation) and the page (the fields).
 */
import { z } from 'zod';
import { ELECTION_TYPES, isElectionType, type ElectionType } from '$lib/domain';
import { message } from '$lib/i18n';
import { fieldErrors, msg, readForm, type Field, type StepAnswer } from '../engine';
import { EMAIL } from '../registration';

export type ReminderRequest = { email: string; types: ElectionType[] };

export const REMINDER_FIELDS: Field[] = [
	{
		name: 'email',
		kind: 'email',
		label: msg('register_contact_email'),
		hint: msg('reminders_email_hint'),
		autocomplete: 'email',
		inputmode: 'email',
		spellcheck: false
	},
	{
		name: 'types',
		kind: 'checkboxes',
		label: msg('reminders_types_label'),
		hint: msg('reminders_types_hint'),
		options: ELECTION_TYPES.map((t) => ({
			value: t,
			label: msg(`election_type_${t}`),
			hint: msg(`election_type_${t}_hint`)
		}))
	}
];

const schema = z.object({
	email: z
		.string()
		.min(1, 'reminders_email_error_required')
		.max(254, 'register_contact_email_error_invalid')
		.refine((v) => v.length > 254 || EMAIL.test(v), 'register_contact_email_error_invalid'),
	types: z
		.array(z.string())
		.min(1, 'reminders_types_error_required')
		.refine((ts) => ts.every(isElectionType), 'reminders_types_error_required')
});

export type ReminderFormResult =
	| { ok: true; request: ReminderRequest }
	| { ok: false; values: StepAnswer; errors: Record<string, string> };

/** Reads and checks the posted form; on failure, what was typed and a message key per field. */
export function readReminderForm(form: FormData): ReminderFormResult {
	const values = readForm(REMINDER_FIELDS, form);
	const parsed = schema.safeParse(values);
	if (!parsed.success) {
		return { ok: false, values, errors: fieldErrors(REMINDER_FIELDS, parsed.error) };
	}
	// In the order of ELECTION_TYPES, each once, whatever order or repeats were posted.
	const types = ELECTION_TYPES.filter((t) => parsed.data.types.includes(t));
	return { ok: true, request: { email: parsed.data.email, types } };
}

/** "28 and 7 days" (longest first), in the page's language. */
export function leadDaysPhrase(leadDays: readonly number[]): string {
	const sorted = [...leadDays].sort((a, b) => b - a);
	if (sorted.length === 1) return message('reminders_days_one', { days: String(sorted[0]) });
	return message('reminders_days_two', {
		days: sorted.slice(0, -1).join(', '),
		last: String(sorted[sorted.length - 1])
	});
}
