/**
 * The office's forms, read and validated on the server (zod): find a form by its reference,
 * record its receipt, record the checks, decide. Errors are message keys, shown at the field and
 * in the error summary; what was typed comes back so nothing is lost.
 */
import { z } from 'zod';
import {
	ELECTION_TYPES,
	REJECTION_CODES,
	amsterdamDay,
	amsterdamInstant,
	isValidCalendarDate,
	type DecisionChoice,
	type ElectionType,
	type IsoDate,
	type RejectionCode
} from '$lib/domain';
import type { IntakeChecks, ReceiptChannel } from '$lib/server/db/schema';
import * as uploads from '$lib/server/uploads';
import { normaliseReference } from './reference';

export type FormValues = Record<string, string | string[]>;
export type Invalid = { ok: false; values: FormValues; errors: Record<string, string> };

const str = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};
const all = (form: FormData, name: string) =>
	form.getAll(name).filter((v): v is string => typeof v === 'string');

// ---------------------------------------------------------------------------
// Find

export function readReference(
	form: FormData
): { ok: true; reference: string; values: FormValues } | Invalid {
	const typed = str(form, 'reference').trim();
	if (typed === '') {
		return {
			ok: false,
			values: { reference: typed },
			errors: { reference: 'office_find_error_required' }
		};
	}
	const reference = normaliseReference(typed);
	if (!reference) {
		return {
			ok: false,
			values: { reference: typed },
			errors: { reference: 'office_find_error_invalid' }
		};
	}
	return { ok: true, reference, values: { reference: typed } };
}

// ---------------------------------------------------------------------------
// Receipt

export const CHANNELS: readonly ReceiptChannel[] = [
	'upload',
	'email',
	'post',
	'consular_post',
	'representation',
	'minister'
];

/**
 * The day and channel of receipt. Today's receipt is recorded at this moment; an earlier day at
 * noon in Den Haag (only the day counts for the 7 days of KB D 9).
 */
export function readReceipt(
	form: FormData,
	now = new Date()
): { ok: true; channel: ReceiptChannel; receivedAt: Date; values: FormValues } | Invalid {
	const values = {
		received_day: str(form, 'received_day').trim(),
		received_month: str(form, 'received_month').trim(),
		received_year: str(form, 'received_year').trim(),
		channel: str(form, 'channel')
	};
	const errors: Record<string, string> = {};
	const day = dayOf(values.received_day, values.received_month, values.received_year);
	const today = amsterdamDay(now);
	if (typeof day !== 'string') errors.received = day.error;
	else if (day > today) errors.received = 'office_receipt_error_future';
	if (!(CHANNELS as string[]).includes(values.channel))
		errors.channel = 'office_receipt_error_channel';
	if (Object.keys(errors).length > 0 || typeof day !== 'string')
		return { ok: false, values, errors };
	return {
		ok: true,
		values,
		channel: values.channel as ReceiptChannel,
		receivedAt: day === today ? now : amsterdamInstant(day, '12:00')
	};
}

function dayOf(d: string, m: string, y: string): IsoDate | { error: string } {
	if (!d && !m && !y) return { error: 'office_receipt_error_required' };
	if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) {
		return { error: 'office_receipt_error_invalid' };
	}
	if (!isValidCalendarDate(Number(y), Number(m), Number(d))) {
		return { error: 'office_receipt_error_invalid' };
	}
	return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// Checks (KB D 6)

export const CHECKS: readonly (keyof IntakeChecks)[] = [
	'signaturePresent',
	'identityDocumentValid',
	'showsDutchNationality',
	'dataMatches',
	'declarationPresent'
];

const MAX_NOTES = 4000;

export function readChecks(
	form: FormData
): { ok: true; checks: IntakeChecks; notes: string } | Invalid {
	const values: FormValues = { notes: str(form, 'notes') };
	const checks: IntakeChecks = {};
	for (const check of CHECKS) {
		const v = str(form, check);
		values[check] = v;
		// 'yes' / 'no'; anything else leaves the check open (not yet looked at).
		if (v === 'yes') checks[check] = true;
		if (v === 'no') checks[check] = false;
	}
	const notes = String(values.notes).trim();
	if (notes.length > MAX_NOTES) {
		return { ok: false, values, errors: { notes: 'office_checks_error_notes_too_long' } };
	}
	return { ok: true, checks, notes };
}

// ---------------------------------------------------------------------------
// Decision

const outcome = z.enum(['registered', 'rejected', 'asked']);
const types = z.array(z.enum(ELECTION_TYPES as [string, ...string[]]));
const codes = z.array(z.enum(REJECTION_CODES as unknown as [string, ...string[]]));

export function readDecision(
	form: FormData
): { ok: true; choice: DecisionChoice; values: FormValues } | Invalid {
	const values: FormValues = {
		outcome: str(form, 'outcome'),
		types: all(form, 'types'),
		refusals: all(form, 'refusals'),
		reasons: all(form, 'reasons'),
		question: str(form, 'question')
	};
	const parsed = outcome.safeParse(values.outcome);
	if (!parsed.success) {
		return { ok: false, values, errors: { outcome: 'office_decide_error_outcome' } };
	}
	const t = types.safeParse(values.types);
	const refusals = codes.safeParse(values.refusals);
	const reasons = codes.safeParse(values.reasons);
	// Only the codes the form offers: anything else is a tampered post, answered like no choice.
	if (!t.success)
		return { ok: false, values, errors: { types: 'office_decide_error_types_required' } };
	if (!refusals.success) {
		return { ok: false, values, errors: { refusals: 'office_decide_error_reasons_required' } };
	}
	if (!reasons.success) {
		return { ok: false, values, errors: { reasons: 'office_decide_error_reasons_required' } };
	}
	switch (parsed.data) {
		case 'registered':
			return {
				ok: true,
				values,
				choice: {
					outcome: 'registered',
					types: t.data as ElectionType[],
					refusals: refusals.data as RejectionCode[]
				}
			};
		case 'rejected':
			return {
				ok: true,
				values,
				choice: { outcome: 'rejected', reasons: reasons.data as RejectionCode[] }
			};
		default:
			return {
				ok: true,
				values,
				choice: { outcome: 'asked', question: String(values.question), reasons: [] }
			};
	}
}

/** Where a decision error shows: the field it concerns. */
export function decisionErrorField(error: string, outcome: string): string {
	switch (error) {
		case 'types_required':
		case 'type_not_applied_for':
		case 'type_not_eligible':
		case 'already_registered':
			return 'types';
		case 'reasons_required':
		case 'reason_not_applicable':
			return outcome === 'registered' ? 'refusals' : 'reasons';
		case 'question_required':
			return 'question';
		default:
			return 'outcome';
	}
}

// ---------------------------------------------------------------------------
// The voter's upload (KB D 5(4))

export const UPLOAD_FIELDS = ['signed_form', 'identity_document'] as const;

/** The two files of the upload form; an empty file input is left out (the service says so). */
export async function readUploadFiles(form: FormData): Promise<
	{
		kind: (typeof UPLOAD_FIELDS)[number];
		bytes: Uint8Array;
		fileName?: string;
		declaredType?: string;
	}[]
> {
	const files = [];
	for (const kind of UPLOAD_FIELDS) {
		const value = form.get(kind);
		if (!(value instanceof File) || value.size === 0) continue;
		files.push({
			kind,
			bytes: new Uint8Array(await value.arrayBuffer()),
			fileName: value.name || undefined,
			declaredType: value.type || undefined
		});
	}
	return files;
}

// ---------------------------------------------------------------------------
// Intake from a scan: the reference in the form's QR code

/**
 * The reference printed in the QR code of an uploaded photo or scan of the form (JPEG, PNG or a
 * scanned PDF). Nothing is stored: the scan only finds the form; the clerk then records receipt.
 */
export async function readScan(form: FormData): Promise<{ ok: true; reference: string } | Invalid> {
	const file = form.get('scan');
	if (!(file instanceof File) || file.size === 0) {
		return { ok: false, values: {}, errors: { scan: 'office_scan_error_required' } };
	}
	if (file.size > uploads.maxBytes()) {
		return { ok: false, values: {}, errors: { scan: 'office_scan_error_too_large' } };
	}
	const read = await uploads.readReference(new Uint8Array(await file.arrayBuffer()));
	const reference = read ? normaliseReference(read) : null;
	if (!reference) return { ok: false, values: {}, errors: { scan: 'office_scan_error_no_code' } };
	return { ok: true, reference };
}
