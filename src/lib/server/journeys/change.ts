/**
 * The change journey on the server (KW D 3(3), D 7(1); KB D 5, D 9): the nine-week countdown for
 * every upcoming election, what the check and done pages say, the outcomes, and the form.
 */
import {
	DEFAULT_POSTAL_DAYS,
	ELECTION_TYPES,
	LAW,
	amsterdamDay,
	assessResidence,
	availableTypes,
	compareIsoDates,
	computeCutoffs,
	isCountryCode,
	mvt,
	postBy,
	postalDaysFor,
	type Reason
} from '$lib/domain';
import type { DeadlineView } from '$lib/journeys/deadlines';
import { msg, type Answers, type Note } from '$lib/journeys/engine';
import {
	change as journey,
	changeRequest,
	channelOf,
	chosenItems,
	chosenTypes,
	factsOf,
	requestedTypes,
	residenceOf
} from '$lib/journeys/change';
import { countryName, formatDate, message } from '$lib/i18n';
import * as config from '$lib/server/config';
import * as electionCalendar from '$lib/server/elections';
import { renderChangePdf, type ChangePdfInput } from '$lib/server/pdf/change';
import type { JourneyDefinition, OutcomeView, SummaryView } from './types';

/**
 * KW D 3(3): for every upcoming election with a day, the day a change must be received to count
 * for it, with by when to post it from the voter's country or e-mail the scan (KB D 5(4)). A
 * cut-off that has passed stays listed until election day, saying what it means (MvT §3.4).
 */
async function deadlines(answers: Answers, now: Date): Promise<DeadlineView[]> {
	const today = amsterdamDay(now);
	const table = { ...DEFAULT_POSTAL_DAYS, ...config.postalDaysOverrides() };
	const residence = residenceOf(answers);
	const days = residence ? postalDaysFor(residence, table) : postalDaysFor('default', table);
	const views: DeadlineView[] = [];
	for (const election of await electionCalendar.list()) {
		const electionDay = election.electionDay;
		if (!electionDay || compareIsoDates(electionDay, today) < 0) continue;
		const cutoff = computeCutoffs({ type: election.type, electionDay }).find(
			(c) => c.kind === 'change'
		)!;
		const paperBy = postBy(cutoff.day, days);
		const closed = cutoff.closesAt !== null && now.getTime() > cutoff.closesAt.getTime();
		const afterwards = msg('change_deadline_afterwards');
		views.push({
			election: {
				slug: election.slug,
				type: election.type,
				electionDay,
				provisional: election.provisional
			},
			kind: 'change',
			day: cutoff.day,
			time: cutoff.time,
			closesAt: cutoff.closesAt?.toISOString() ?? null,
			postBy: paperBy,
			uploadBy: cutoff.day,
			basis: [...cutoff.basis, mvt('3.4')],
			// Once closed, the countdown says so and this says what it means; while the scan can
			// still make it but the post cannot, this says to e-mail it.
			...(closed
				? { explanation: afterwards }
				: compareIsoDates(paperBy, today) < 0
					? { explanation: msg('change_deadline_post_too_late') }
					: {}),
			afterwards
		});
	}
	return views;
}

const DEN_HAAG_BASIS = [LAW.SUBMISSION, LAW.SUBMISSION_ELECTRONIC];

async function summary(answers: Answers): Promise<SummaryView> {
	const items = chosenItems(answers);
	const removal = items.includes('removal');
	const notes: Note[] = [];
	if (removal) {
		notes.push({
			title: msg('change_note_removal_title'),
			text: msg('change_note_removal'),
			basis: [LAW.CHANGE_CUTOFF, LAW.REGISTRATION_ON_APPLICATION]
		});
	}
	if (
		items.includes('election_types') &&
		chosenTypes(answers).includes('EP') &&
		!requestedTypes(answers).includes('EP')
	) {
		notes.push({
			title: msg('register_types_not_available', { type: 'EP' }),
			text: msg('reason_ep_declaration_not_given', { country: residenceOf(answers) }),
			basis: [LAW.EP_DECLARATION]
		});
	}
	const channel = channelOf(answers);
	return {
		notes,
		destination: { channel, address: config.denHaag(), basis: DEN_HAAG_BASIS },
		steps: [
			msg('change_done_step_print'),
			msg('change_done_step_sign'),
			msg(items.includes('name') ? 'change_done_step_id_name' : 'change_done_step_id'),
			msg('change_done_step_send')
		],
		next: [
			{
				text: msg('change_next_decision'),
				basis: [LAW.CHANGE_DECISION, LAW.DECISION_TERM, LAW.APPEAL]
			},
			{ text: msg('change_next_timing'), basis: [LAW.CHANGE_CUTOFF, mvt('3.4')] }
		]
	};
}

async function outcome(id: string, answers: Answers, now: Date): Promise<OutcomeView> {
	const today = amsterdamDay(now);
	if (id === 'lives_in_netherlands') {
		const residence = assessResidence({ residence: residenceOf(answers) });
		return {
			title: msg('change_outcome_netherlands_title'),
			reasons: [
				...residence.reasons,
				{
					// KW D 6(2), D 6(3): the BRP change ends the registration ex officio; it is a
					// decision (D 7(2)) and notified at once (KB D 10).
					code: 'change_ex_officio_removal',
					basis: [
						LAW.BRP_CHANGES,
						LAW.EX_OFFICIO_REMOVAL,
						LAW.EX_OFFICIO_DECISION,
						LAW.EX_OFFICIO_NOTICE
					]
				}
			],
			next: [
				{ text: msg('change_outcome_netherlands_municipality') },
				{ text: msg('change_outcome_netherlands_vote') },
				{ text: msg('change_outcome_netherlands_abroad'), href: '/temporarily-abroad' }
			]
		};
	}
	// not_eligible: none of the types can be registered (age), or the EP declaration was refused
	// while the EP was the only one chosen.
	const available = availableTypes(factsOf(answers), today);
	const chosen = chosenTypes(answers);
	const which = chosen.length ? chosen : ELECTION_TYPES;
	const reasons: Reason[] = [];
	const seen = new Set<string>();
	for (const type of which) {
		for (const reason of available[type].eligible ? [] : available[type].reasons) {
			if (seen.has(reason.code)) continue;
			seen.add(reason.code);
			reasons.push(reason);
		}
	}
	return {
		title: msg('change_outcome_not_eligible_title'),
		reasons,
		next: [{ text: msg('change_outcome_not_eligible_removal') }]
	};
}

/** A start link may name the country (the start page's matcher: "I moved to Spain"). */
async function prefill(query: URLSearchParams): Promise<Answers> {
	const code = query.get('country')?.toUpperCase();
	return code && isCountryCode(code) ? { residence: { country: code } } : {};
}

async function pdf(input: {
	answers: Answers;
	reference: string;
	locale: string;
	now: Date;
}): Promise<Uint8Array> {
	const { answers, reference, locale, now } = input;
	const request = changeRequest(answers);
	if (!request) throw new Error('The change request is not complete');
	const facts = factsOf(answers);
	const nl = (code: string) => countryName(code, 'nl');
	const address = (a: { lines: string[]; country: string }) => ({
		lines: a.lines,
		country: nl(a.country)
	});
	const { changes } = request;
	const denHaag = config.denHaag();
	const channel = channelOf(answers);
	const views = await deadlines(answers, now);
	const data: ChangePdfInput = {
		reference,
		locale,
		generatedOn: amsterdamDay(now),
		voter: {
			surname: request.voter.surname,
			firstNames: request.voter.firstNames,
			dateOfBirth: request.voter.dateOfBirth,
			bsn: request.voter.bsn,
			// The form is Dutch (the model's language), and so are the country names on it.
			residence: nl(request.voter.address.country)
		},
		removal: request.removal,
		changes: {
			...(changes.residentialAddress
				? { residentialAddress: address(changes.residentialAddress) }
				: {}),
			...(changes.correspondenceAddress !== undefined
				? {
						correspondenceAddress: changes.correspondenceAddress
							? address(changes.correspondenceAddress)
							: null
					}
				: {}),
			...(changes.email !== undefined ? { email: changes.email } : {}),
			...(changes.phone !== undefined ? { phone: changes.phone } : {}),
			...(changes.name ? { name: changes.name } : {}),
			...(changes.electionTypes ? { electionTypes: changes.electionTypes } : {})
		},
		epDeclaration: changes.epDeclaration
			? {
					memberState: nl(facts.residence),
					memberStateLocal: countryName(facts.residence, locale)
				}
			: null,
		publicServiceDeclaration: changes.publicServiceDeclaration === true,
		destination: {
			name: denHaag.name,
			lines: denHaag.lines,
			// KB D 5(4): only Den Haag takes a scan by e-mail; offered whatever the voter chose.
			email: denHaag.email ?? null,
			preferred: channel
		},
		deadlines: views
			.filter((v) => v.closesAt === null || now.getTime() <= Date.parse(v.closesAt))
			.map((v) => ({
				electionName: `${message(`election_type_${v.election.type}`, {}, locale)}, ${formatDate(v.election.electionDay, locale)}`,
				cutoffDay: v.day,
				uploadBy: v.uploadBy ?? v.day,
				postBy: v.postBy,
				postTooLate: v.postBy !== null && compareIsoDates(v.postBy, amsterdamDay(now)) < 0,
				provisional: v.election.provisional
			}))
	};
	return renderChangePdf(data);
}

export const change: JourneyDefinition = {
	id: 'change',
	journey,
	fileName: 'wijziging',
	deadlines,
	summary: (answers) => summary(answers),
	outcome,
	pdf,
	prefill: (query) => prefill(query),
	requestOf: changeRequest
};
