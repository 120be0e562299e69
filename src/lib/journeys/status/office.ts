/**
 * The office's form for the decision "not registered" on a status request (KB D 8): one reason,
 * with the date and cause it needs, and an optional remark for the notice. Shared by the server
 * (validation) and the page (the fields).
 */
import { z } from 'zod';
import {
	compareIsoDates,
	formatIsoDate,
	isValidCalendarDate,
	NOT_REGISTERED_REASON_CODES,
	REGISTRATION_END_CAUSE_CODES,
	type IsoDate,
	type NotRegisteredInput
} from '$lib/domain';
import { allFields, fieldErrors, msg, readForm, type Field, type StepAnswer } from '../engine';

export const DECIDE_FIELDS: Field[] = [
	{
		name: 'reason',
		kind: 'radio',
		label: msg('status_office_reason_label'),
		options: [
			{
				value: 'no_application',
				label: msg('status_office_reason_no_application'),
				hint: msg('status_office_reason_no_application_hint')
			},
			{
				value: 'application_rejected',
				label: msg('status_office_reason_application_rejected'),
				hint: msg('status_office_reason_application_rejected_hint'),
				conditional: [
					{ name: 'rejected_on', kind: 'date', label: msg('status_office_rejected_on') }
				]
			},
			{
				value: 'registration_ended',
				label: msg('status_office_reason_registration_ended'),
				hint: msg('status_office_reason_registration_ended_hint'),
				conditional: [
					{ name: 'ended_on', kind: 'date', label: msg('status_office_ended_on') },
					{
						name: 'cause',
						kind: 'radio',
						label: msg('status_office_cause_label'),
						options: REGISTRATION_END_CAUSE_CODES.map((cause) => ({
							value: cause,
							label: msg(`status_office_cause_${cause}`)
						}))
					}
				]
			}
		]
	},
	{
		name: 'remarks',
		kind: 'text',
		label: msg('status_office_remarks'),
		hint: msg('status_office_remarks_hint'),
		optional: true
	}
];

/** A day the office typed in three fields: given, real, and not after today. */
export function pastDateError(day: string, month: string, year: string, today: IsoDate) {
	if (!day && !month && !year) return 'status_office_error_date_required';
	const valid =
		/^\d{1,2}$/.test(day) &&
		/^\d{1,2}$/.test(month) &&
		/^\d{4}$/.test(year) &&
		isValidCalendarDate(Number(year), Number(month), Number(day));
	if (!valid) return 'status_office_error_date_invalid';
	const iso = formatIsoDate(Number(year), Number(month), Number(day));
	return compareIsoDates(iso, today) > 0 ? 'status_office_error_date_future' : null;
}

const dateOf = (v: Record<string, string>, name: string) =>
	formatIsoDate(Number(v[`${name}_year`]), Number(v[`${name}_month`]), Number(v[`${name}_day`]));

// Remarks go into a letter or e-mail: any text, but no control or invisible format characters
// (a right-to-left override makes a line read differently from what is stored).
const REMARKS = /^[^\p{Cc}\p{Cf}]*$/u;

export function decideSchema(today: IsoDate) {
	const strings = Object.fromEntries(
		allFields(DECIDE_FIELDS).flatMap((f) =>
			f.kind === 'date'
				? ['day', 'month', 'year'].map((p) => [`${f.name}_${p}`, z.string()])
				: [[f.name, z.string()]]
		)
	) as Record<string, z.ZodString>;
	return z.object(strings).superRefine((v, ctx) => {
		const issue = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', message, path: [path] });
		const date = (name: string) => {
			const error = pastDateError(
				v[`${name}_day`] ?? '',
				v[`${name}_month`] ?? '',
				v[`${name}_year`] ?? '',
				today
			);
			if (error) issue(`${name}_day`, error);
		};
		if (!(NOT_REGISTERED_REASON_CODES as readonly string[]).includes(v.reason ?? '')) {
			issue('reason', 'status_office_reason_error_required');
		}
		if (v.reason === 'application_rejected') date('rejected_on');
		if (v.reason === 'registration_ended') {
			date('ended_on');
			if (!(REGISTRATION_END_CAUSE_CODES as readonly string[]).includes(v.cause ?? '')) {
				issue('cause', 'status_office_cause_error_required');
			}
		}
		const remarks = v.remarks ?? '';
		if (remarks.length > 1000) issue('remarks', 'status_office_remarks_error_too_long');
		else if (!REMARKS.test(remarks)) issue('remarks', 'error_characters');
	});
}

export type DecideFormResult =
	| { ok: true; reason: NotRegisteredInput; remarks: string }
	| { ok: false; values: StepAnswer; errors: Record<string, string> };

export function readDecideForm(form: FormData, today: IsoDate): DecideFormResult {
	const values = readForm(DECIDE_FIELDS, form);
	const parsed = decideSchema(today).safeParse(values);
	if (!parsed.success) {
		return { ok: false, values, errors: fieldErrors(DECIDE_FIELDS, parsed.error) };
	}
	const v = values as Record<string, string>;
	const remarks = v.remarks ?? '';
	if (v.reason === 'application_rejected') {
		return { ok: true, reason: { code: v.reason, date: dateOf(v, 'rejected_on') }, remarks };
	}
	if (v.reason === 'registration_ended') {
		return {
			ok: true,
			reason: {
				code: v.reason,
				date: dateOf(v, 'ended_on'),
				cause: v.cause as (typeof REGISTRATION_END_CAUSE_CODES)[number]
			},
			remarks
		};
	}
	return { ok: true, reason: { code: 'no_application' }, remarks };
}

/** The office's search: a surname and a date of birth, in any country of residence. */
export function readSearch(
	params: URLSearchParams
): { surname: string; birthDate: IsoDate } | null {
	const surname = (params.get('surname') ?? '').trim();
	const [day, month, year] = ['dob_day', 'dob_month', 'dob_year'].map((k) =>
		(params.get(k) ?? '').trim()
	) as [string, string, string];
	if (!surname || surname.length > 200) return null;
	if (pastDateError(day, month, year, '9999-12-31')) return null;
	return { surname, birthDate: formatIsoDate(Number(year), Number(month), Number(day)) };
}
