/**
 * The per-election requests under chapter M (temporarily abroad, replacement certificate) have a
 * message for every key their journeys, server definitions and PDFs refer to, including the keys
 * they build from codes (reasons, choices, stay errors), in every language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLACEMENT_REASONS } from '$lib/domain';

const SOURCES = [
	'src/lib/journeys/temporarily-abroad/index.ts',
	'src/lib/journeys/replacement/index.ts',
	'src/lib/server/journeys/temporarily-abroad.ts',
	'src/lib/server/journeys/replacement.ts',
	'src/lib/server/pdf/temporarily-abroad.ts',
	'src/lib/server/pdf/replacement.ts',
	'src/lib/domain/temporarily-abroad.ts',
	'src/lib/domain/replacement.ts'
];
const LOCALES = ['nl', 'en', 'de', 'fr', 'es', 'pap'];
const catalogue = (locale: string) =>
	JSON.parse(readFileSync(path.resolve(`messages/${locale}.json`), 'utf8')) as Record<
		string,
		string
	>;

/** Reason codes become `reason_${code}` on the result page. */
const REASON_CODES = [
	'not_dutch',
	'temporarily_abroad_lives_abroad',
	'temporarily_abroad_cutoff_passed',
	'temporarily_abroad_kni',
	'temporarily_abroad_no_date',
	'temporarily_abroad_none_planned',
	'temporarily_abroad_too_young',
	'replacement_no_election',
	'replacement_written_passed',
	'replacement_in_person_until',
	'replacement_in_person_id',
	'replacement_in_person_representation',
	'replacement_old_invalid',
	'replacement_too_late'
];

const built = [
	...REASON_CODES.map((c) => `reason_${c}`),
	...['email', 'post'].flatMap((by) => [
		`temporarily_abroad_ballot_${by}`,
		`temporarily_abroad_ballot_${by}_hint`
	]),
	...['email', 'post_home', 'post_other'].flatMap((c) => [
		`replacement_delivery_${c}`,
		`replacement_delivery_${c}_hint`
	]),
	...REPLACEMENT_REASONS.map((r) => `replacement_reason_${r}`),
	...['until_before_from', 'leaves_after_election_day', 'back_before_election_day'].map(
		(code) => `temporarily_abroad_stay_error_${code}`
	),
	'temporarily_abroad_stay_from_error_required',
	'temporarily_abroad_stay_until_error_required',
	'submission_den_haag_mayor_instruction',
	'submission_den_haag_mayor_where',
	'journey_temporarily_abroad_title',
	'journey_replacement_title'
];

describe('messages of the per-election postal requests', () => {
	const literal = SOURCES.flatMap((file) => [
		...readFileSync(path.resolve(file), 'utf8').matchAll(
			/['.]((?:temporarily_abroad|replacement|register|error|field|answer)_[a-z0-9_]+)\b/g
		)
	])
		.map((m) => m[1]!)
		// Codes of the rules, not messages: they are checked as reason_… above.
		.filter((k) => !REASON_CODES.includes(k) && !/^replacement_(written|in_person)$/.test(k));

	it('finds the keys the sources use', () => {
		expect(literal.length).toBeGreaterThan(100);
	});

	for (const locale of LOCALES) {
		it(`has every one of them in ${locale}`, () => {
			const messages = catalogue(locale);
			const missing = [...new Set([...literal, ...built])].filter((k) => !messages[k]);
			expect(missing).toEqual([]);
		});
	}
});
