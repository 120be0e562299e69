import { describe, expect, it } from 'vitest';
import { ACTION_KINDS, votingChecklist } from '$lib/domain';
import { hasMessage } from '$lib/i18n';
import { START_CHOICES } from './intents';
import { actionHref, checklistPath } from './overview';

describe('actionHref', () => {
	it('starts the journey for each request, with the election where the request is per election', () => {
		expect(actionHref('change', 'TK-2030')).toBe('/change');
		expect(actionHref('registration', 'TK-2030')).toBe('/register');
		expect(actionHref('proxy_or_voter_pass', 'TK-2030')).toBe('/vote-choice?election=TK-2030');
		expect(actionHref('temporarily_abroad', 'TK-2030')).toBe(
			'/temporarily-abroad?election=TK-2030'
		);
		expect(actionHref('replacement_written', 'TK-2030')).toBe('/replacement?election=TK-2030');
		// In person at the town hall: no page to start.
		expect(actionHref('replacement_in_person', 'TK-2030')).toBeNull();
		expect(actionHref('den_haag_return', 'TK-2030')).toBe('/elections/TK-2030/checklist');
		expect(checklistPath('a b/c')).toBe('/elections/a%20b%2Fc/checklist');
	});
});

describe('messages for the overview, the checklist and the start page', () => {
	it('has a text for every action, every meaning of a passed cut-off, and every note', () => {
		const needed = [
			...ACTION_KINDS.map((k) => `cutoff_${k}`),
			...ACTION_KINDS.filter((k) => actionHref(k, 'x') !== null).map((k) => `overview_act_${k}`),
			...['change_next', 'registration_next'].flatMap((c) => [
				`overview_after_${c}`,
				`overview_after_${c}_unknown`
			]),
			...[
				'proxy_certificates',
				'proxy_six_weeks',
				'temporarily_abroad_closed',
				'replacement_in_person_left',
				'replacement_closed',
				'embassy_closed',
				'postal_vote_closed'
			].map((c) => `overview_after_${c}`),
			'overview_note_kni_post_only',
			'overview_note_kni_no_proxy'
		];
		expect(needed.filter((k) => !hasMessage(k))).toEqual([]);
	});

	it('has a text for every point of the checklist', () => {
		const codes = votingChecklist({ type: 'TK', electionDay: '2030-05-15' }).map((i) => i.code);
		expect(codes.map((c) => `checklist_${c}`).filter((k) => !hasMessage(k))).toEqual([]);
	});

	it('has a label and a hint for every choice on the start page', () => {
		const keys = START_CHOICES.flatMap((c) => [`home_choice_${c.id}`, `home_choice_${c.id}_hint`]);
		expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
	});
});
