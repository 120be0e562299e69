import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { form } from '../../../../tests/factories/registration';
import { addDays, amsterdamDay, amsterdamInstant } from '$lib/domain';
import {
	decisionErrorField,
	readChecks,
	readDecision,
	readReceipt,
	readReference,
	readScan,
	readUploadFiles
} from './forms';

const NOW = new Date('2027-03-10T09:00:00Z');

describe('readReference', () => {
	it('normalises what was typed, and says what is wrong', () => {
		expect(readReference(form({ reference: ' 7k2m q9xp 4trd ' }))).toEqual({
			ok: true,
			reference: '7K2M-Q9XP-4TRD',
			values: { reference: '7k2m q9xp 4trd' }
		});
		expect(readReference(form({ reference: '' }))).toMatchObject({
			ok: false,
			errors: { reference: 'office_find_error_required' }
		});
		expect(readReference(form({ reference: 'abc' }))).toMatchObject({
			ok: false,
			values: { reference: 'abc' },
			errors: { reference: 'office_find_error_invalid' }
		});
	});
});

describe('readReceipt', () => {
	const day = (iso: string) => {
		const [y, m, d] = iso.split('-');
		return {
			received_day: String(Number(d)),
			received_month: String(Number(m)),
			received_year: y!
		};
	};

	it("records today's receipt at this moment, an earlier day at noon in Den Haag", () => {
		expect(readReceipt(form({ ...day('2027-03-10'), channel: 'post' }), NOW)).toMatchObject({
			ok: true,
			channel: 'post',
			receivedAt: NOW
		});
		const earlier = readReceipt(form({ ...day('2027-03-08'), channel: 'consular_post' }), NOW);
		expect(earlier).toMatchObject({
			ok: true,
			receivedAt: amsterdamInstant('2027-03-08', '12:00')
		});
	});

	it('refuses a missing, impossible or future day and an unknown channel, keeping what was typed', () => {
		expect(
			readReceipt(form({ received_day: '', received_month: '', received_year: '' }), NOW)
		).toMatchObject({
			ok: false,
			errors: { received: 'office_receipt_error_required', channel: 'office_receipt_error_channel' }
		});
		expect(
			readReceipt(
				form({ ...day('2027-03-10'), received_day: '31', received_month: '2', channel: 'post' }),
				NOW
			)
		).toMatchObject({
			ok: false,
			errors: { received: 'office_receipt_error_invalid' }
		});
		expect(
			readReceipt(
				form({ received_day: 'x', received_month: '3', received_year: '2027', channel: 'post' }),
				NOW
			)
		).toMatchObject({
			ok: false,
			values: { received_day: 'x' },
			errors: { received: 'office_receipt_error_invalid' }
		});
		const tomorrow = addDays(amsterdamDay(NOW), 1);
		expect(readReceipt(form({ ...day(tomorrow), channel: 'pigeon' }), NOW)).toEqual({
			ok: false,
			values: { ...day(tomorrow), channel: 'pigeon' },
			errors: { received: 'office_receipt_error_future', channel: 'office_receipt_error_channel' }
		});
	});
});

describe('readChecks', () => {
	it('reads yes, no and not yet checked, with the notes', () => {
		expect(
			readChecks(
				form({
					signaturePresent: 'yes',
					identityDocumentValid: 'no',
					showsDutchNationality: '',
					notes: ' ok '
				})
			)
		).toEqual({
			ok: true,
			checks: { signaturePresent: true, identityDocumentValid: false },
			notes: 'ok'
		});
		expect(readChecks(form({ notes: 'x'.repeat(4001) }))).toMatchObject({
			ok: false,
			errors: { notes: 'office_checks_error_notes_too_long' }
		});
	});
});

describe('readDecision', () => {
	it('reads a registration, a rejection and a question', () => {
		expect(
			readDecision(form({ outcome: 'registered', types: ['TK', 'EP'], refusals: [] }))
		).toMatchObject({
			ok: true,
			choice: { outcome: 'registered', types: ['TK', 'EP'], refusals: [] }
		});
		expect(readDecision(form({ outcome: 'rejected', reasons: ['no_signature'] }))).toMatchObject({
			ok: true,
			choice: { outcome: 'rejected', reasons: ['no_signature'] }
		});
		expect(readDecision(form({ outcome: 'asked', question: 'Why?' }))).toMatchObject({
			ok: true,
			choice: { outcome: 'asked', question: 'Why?', reasons: [] }
		});
	});

	it('refuses a missing outcome and codes the form does not offer', () => {
		expect(readDecision(form({}))).toMatchObject({
			ok: false,
			errors: { outcome: 'office_decide_error_outcome' }
		});
		expect(readDecision(form({ outcome: 'registered', types: ['XX'] }))).toMatchObject({
			ok: false,
			errors: { types: 'office_decide_error_types_required' }
		});
		expect(
			readDecision(form({ outcome: 'registered', types: ['TK'], refusals: ['bribe'] }))
		).toMatchObject({
			ok: false,
			errors: { refusals: 'office_decide_error_reasons_required' }
		});
		expect(readDecision(form({ outcome: 'rejected', reasons: ['bribe'] }))).toMatchObject({
			ok: false,
			errors: { reasons: 'office_decide_error_reasons_required' }
		});
	});

	it('shows each service error at its field', () => {
		expect(decisionErrorField('already_registered', 'registered')).toBe('types');
		expect(decisionErrorField('type_not_eligible', 'registered')).toBe('types');
		expect(decisionErrorField('reasons_required', 'registered')).toBe('refusals');
		expect(decisionErrorField('reason_not_applicable', 'rejected')).toBe('reasons');
		expect(decisionErrorField('question_required', 'asked')).toBe('question');
		expect(decisionErrorField('already_decided', 'asked')).toBe('outcome');
	});
});

describe('readScan', () => {
	const withFile = (bytes: Uint8Array, name = 'scan.png') => {
		const data = new FormData();
		data.append('scan', new File([new Uint8Array(bytes)], name));
		return data;
	};

	it('reads the reference from the QR code of a scan', async () => {
		const png = await QRCode.toBuffer('7K2M-Q9XP-4TRD', { scale: 6, margin: 4 });
		expect(await readScan(withFile(png))).toEqual({ ok: true, reference: '7K2M-Q9XP-4TRD' });
	});

	it('says when there is no file or no readable code', async () => {
		expect(await readScan(new FormData())).toMatchObject({
			ok: false,
			errors: { scan: 'office_scan_error_required' }
		});
		expect(await readScan(withFile(new TextEncoder().encode('hello')))).toMatchObject({
			ok: false,
			errors: { scan: 'office_scan_error_no_code' }
		});
	});
});

describe('readUploadFiles', () => {
	it('reads both files with their names and types, leaving out an empty input', async () => {
		const data = new FormData();
		data.append(
			'signed_form',
			new File([new Uint8Array([1, 2, 3])], 'form.pdf', { type: 'application/pdf' })
		);
		data.append('identity_document', new File([], ''));
		expect(await readUploadFiles(data)).toEqual([
			{
				kind: 'signed_form',
				bytes: new Uint8Array([1, 2, 3]),
				fileName: 'form.pdf',
				declaredType: 'application/pdf'
			}
		]);
	});
});
