/**
 * Every code the population-register import and the election calendar can show has its message
 * in the catalogue (messages.spec.ts then holds it to every language).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	BRP_REASON_CODES,
	BRP_ROW_ERROR_CODES,
	BRP_SKIP_CODES,
	ELECTION_CALENDAR_ISSUES
} from '$lib/domain';
import { FILE_ERROR_CODES, STRUCTURE_ERROR_CODES } from '$lib/server/brp/parse';

const nl = JSON.parse(readFileSync('messages/nl.json', 'utf8')) as Record<string, string>;

describe('BRP and calendar messages', () => {
	it('has a message for every reason, skip, error, outcome and calendar issue', () => {
		const needed = [
			...BRP_REASON_CODES.map((c) => `reason_${c}`),
			...BRP_SKIP_CODES.map((c) => `office_brp_skipped_${c}`),
			...[...BRP_ROW_ERROR_CODES, ...STRUCTURE_ERROR_CODES].map((c) => `office_brp_error_${c}`),
			...FILE_ERROR_CODES.map((c) => `office_brp_file_error_${c}`),
			...['removed', 'types_ended', 'changed'].map((o) => `office_brp_outcome_${o}`),
			...['email', 'letter', 'none'].map((c) => `office_brp_notices_${c}`),
			...ELECTION_CALENDAR_ISSUES.map((c) => `office_elections_issue_${c}`)
		];
		expect(needed.filter((key) => nl[key] === undefined)).toEqual([]);
	});
});
