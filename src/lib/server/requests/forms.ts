/**
 * The decision form of a request, read on the server: the outcome (one of the kind's), the
 * refusal reasons (only the kind's codes), the question (a change that is asked about), the
 * registration linked and, for a replacement, the certificate's number. Errors are message keys
 * at the field; what was posted comes back so nothing is lost.
 */
import {
	isRequestOutcome,
	refusalCodesFor,
	type RequestKind,
	type RequestRefusalCode
} from '$lib/domain';
import type { DecideInput } from './index';

export type DecisionForm = Record<string, string | string[]>;

const str = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

export function readDecision(
	form: FormData,
	kind: RequestKind
):
	| { ok: true; input: DecideInput; values: DecisionForm }
	| { ok: false; values: DecisionForm; errors: Record<string, string> } {
	const values: DecisionForm = {
		outcome: str(form, 'outcome'),
		reasons: form.getAll('reasons').filter((v): v is string => typeof v === 'string'),
		question: str(form, 'question'),
		registration: str(form, 'registration').trim(),
		certificate: str(form, 'certificate').trim()
	};
	const outcome = values.outcome as string;
	if (!isRequestOutcome(kind, outcome)) {
		return { ok: false, values, errors: { outcome: 'office_request_error_outcome' } };
	}
	const allowed: string[] = refusalCodesFor(kind);
	const reasons = values.reasons as string[];
	// Only the codes the form offers: anything else is a tampered post, answered like no choice.
	if (!reasons.every((r) => allowed.includes(r))) {
		return { ok: false, values, errors: { reasons: 'office_request_error_reasons_required' } };
	}
	return {
		ok: true,
		values,
		input: {
			outcome,
			// Reasons only go with a refusal: ticked boxes left over from another choice do not count.
			reasons: outcome === 'refused' ? (reasons as RequestRefusalCode[]) : [],
			question: outcome === 'asked' ? String(values.question) : '',
			registrationId: (values.registration as string) || null,
			certificateNumber: (values.certificate as string) || null
		}
	};
}

/** The field a decision error belongs to, for the error summary's link. */
export function errorField(error: string): string {
	switch (error) {
		case 'reasons_required':
		case 'reason_not_applicable':
			return 'reasons';
		case 'question_required':
			return 'question';
		case 'not_linked':
		case 'registration_not_found':
			return 'registration';
		case 'certificate_not_found':
			return 'certificate';
		default:
			return 'outcome';
	}
}
