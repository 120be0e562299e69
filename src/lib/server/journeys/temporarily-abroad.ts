/**
 * The request of a resident temporarily abroad to vote by post (KW M 1(2), M 3, M 4; EP through
 * Y 2) on the generic journey pages: the 28th-day cut-off on every page, where the signed request
 * goes, what happens next (no polling card comes, M 2), the request for the back office, the PDF.
 */
import {
	LAW,
	LIVES_ABROAD,
	NETHERLANDS,
	amsterdamDay,
	assessTemporarilyAbroadVoter,
	compareIsoDates,
	temporarilyAbroadClosedReasons,
	temporarilyAbroadCutoff,
	type Reason
} from '$lib/domain';
import {
	msg,
	type Answers,
	type JourneyData,
	type MessageRef,
	type Note
} from '$lib/journeys/engine';
import type { TemporarilyAbroadRequest } from '$lib/journeys/requests';
import {
	chosenElection,
	dateOfBirth,
	lines,
	openElections,
	stayOf,
	temporarilyAbroadJourney,
	value
} from '$lib/journeys/temporarily-abroad';
import { countryName } from '$lib/i18n';
import * as config from '$lib/server/config';
import { renderTemporarilyAbroadPdf } from '$lib/server/pdf/temporarily-abroad';
import { withElections } from './data';
import { deadlineView } from './postal-deadlines';
import type { Destination, JourneyDefinition, OutcomeView, SummaryView } from './types';

async function dataAt(now: Date): Promise<JourneyData> {
	return { ...(await withElections()), now: now.toISOString() };
}

const text = (answers: Answers, step: string, field: string) => value(answers, step, field) ?? '';
const bsnOf = (answers: Answers) => text(answers, 'bsn', 'bsn').replace(/[\s.]/g, '');

/**
 * Where the signed request is posted from: the Netherlands, unless the stay has begun and the
 * papers go to an address abroad (then from there).
 */
function postFrom(answers: Answers, now: Date): string {
	const stay = stayOf(answers);
	const abroad = stay && compareIsoDates(stay.from, amsterdamDay(now)) <= 0;
	if (!abroad) return NETHERLANDS;
	return value(answers, 'ballot_address', 'country') ?? 'default';
}

const destination = (): Destination => ({
	channel: 'den_haag_mayor',
	address: config.denHaag(),
	basis: [LAW.TEMPORARILY_ABROAD_TO_MAYOR, LAW.TEMPORARILY_ABROAD_FORM]
});

function titled(title: MessageRef, reasons: Reason[], next: OutcomeView['next'] = []): OutcomeView {
	return { title, reasons, next };
}

export const temporarilyAbroad: JourneyDefinition = {
	id: 'temporarily_abroad',
	journey: temporarilyAbroadJourney,
	data: withElections,
	fileName: 'briefstemmen-buitenland',

	async deadlines(answers, now) {
		const data = await dataAt(now);
		const ctx = { answers, data };
		const chosen = chosenElection(ctx);
		return openElections(ctx)
			.filter((o) => !chosen || o.election.slug === chosen.slug)
			.map((o) =>
				deadlineView(o.election, o.cutoff, {
					postFrom: postFrom(answers, now),
					electronic: true,
					afterwards: msg('temporarily_abroad_deadline_afterwards')
				})
			);
	},

	async summary(answers): Promise<SummaryView> {
		const byEmail = value(answers, 'ballot', 'by') === 'email';
		const notes: Note[] = [
			{
				title: msg('temporarily_abroad_id_title'),
				text: msg('temporarily_abroad_id_note'),
				basis: [LAW.TEMPORARILY_ABROAD_ID_COPY]
			},
			{
				title: msg('temporarily_abroad_no_polling_card_title'),
				text: msg('temporarily_abroad_no_polling_card'),
				basis: [LAW.NO_POLLING_CARD, LAW.TEMPORARILY_ABROAD_MUNICIPALITY]
			}
		];
		return {
			notes,
			destination: destination(),
			steps: [
				msg('temporarily_abroad_done_step_print'),
				msg('temporarily_abroad_done_step_sign'),
				msg('temporarily_abroad_done_step_id'),
				msg('temporarily_abroad_done_step_send')
			],
			next: [
				{
					text: msg('temporarily_abroad_next_decision'),
					basis: [
						LAW.TEMPORARILY_ABROAD_DECISION,
						LAW.TEMPORARILY_ABROAD_REFUSAL,
						LAW.TEMPORARILY_ABROAD_REASONS
					]
				},
				{
					text: msg(
						byEmail ? 'temporarily_abroad_next_ballot_email' : 'temporarily_abroad_next_ballot_post'
					),
					basis: [
						byEmail ? LAW.TEMPORARILY_ABROAD_BALLOT_EMAIL : LAW.TEMPORARILY_ABROAD_BALLOT_POST,
						LAW.CERTIFICATES_SENT
					]
				},
				{
					text: msg('temporarily_abroad_next_no_polling_card'),
					basis: [LAW.TEMPORARILY_ABROAD_MUNICIPALITY, LAW.NO_POLLING_CARD]
				},
				{
					text: msg('temporarily_abroad_next_appeal'),
					basis: [LAW.TEMPORARILY_ABROAD_APPEAL, LAW.APPEAL]
				}
			]
		};
	},

	async outcome(outcome, answers, now): Promise<OutcomeView> {
		const data = await dataAt(now);
		if (outcome === 'lives_abroad') {
			return titled(
				msg('temporarily_abroad_result_lives_abroad_title'),
				[LIVES_ABROAD],
				[
					{ text: msg('temporarily_abroad_result_register'), href: '/register' },
					{ text: msg('temporarily_abroad_result_registered') }
				]
			);
		}
		if (outcome === 'no_election') {
			return titled(
				msg('temporarily_abroad_result_no_election_title'),
				temporarilyAbroadClosedReasons(data.elections, now),
				[{ text: msg('temporarily_abroad_result_no_election_next') }]
			);
		}
		const election = chosenElection({ answers, data });
		const dob = dateOfBirth(answers);
		const reasons = election
			? assessTemporarilyAbroadVoter(
					{
						dutch: value(answers, 'nationality') === 'yes',
						...(dob ? { dateOfBirth: dob } : {})
					},
					election
				)
			: [];
		if (outcome === 'not_dutch') {
			return titled(
				msg('temporarily_abroad_result_not_dutch_title'),
				reasons.filter((r) => r.code === 'not_dutch')
			);
		}
		if (outcome === 'too_young') {
			return titled(msg('temporarily_abroad_result_too_young_title'), reasons);
		}
		throw new Error(`Unknown outcome of the temporarily abroad journey: ${outcome}`);
	},

	async prefill(query, now): Promise<Answers> {
		const slug = query.get('election');
		if (!slug) return {};
		const open = openElections({ data: await dataAt(now) });
		return open.some((o) => o.election.slug === slug) ? { election: { value: slug } } : {};
	},

	requestOf(answers): TemporarilyAbroadRequest | null {
		const election = value(answers, 'election');
		const dob = dateOfBirth(answers);
		const stay = stayOf(answers);
		const by = value(answers, 'ballot', 'by');
		const email = value(answers, 'ballot_email', 'email') ?? null;
		const post = answers.ballot_address;
		const municipality = text(answers, 'municipality', 'municipality');
		const surname = text(answers, 'name', 'surname');
		if (!election || !dob || !stay || !municipality || !surname || !bsnOf(answers)) return null;
		if (!(by === 'email' && email) && !(by === 'post' && post)) return null;
		return {
			kind: 'temporarily_abroad',
			election,
			voter: {
				surname,
				firstNames: text(answers, 'name', 'first_names'),
				dateOfBirth: dob,
				bsn: bsnOf(answers),
				address: { lines: lines(answers.address), country: NETHERLANDS },
				email: by === 'email' ? email : null,
				phone: null
			},
			homeMunicipality: municipality,
			abroadFrom: stay.from,
			abroadUntil: stay.until,
			ballotBy: by === 'email' ? 'email' : 'post',
			ballotEmail: by === 'email' ? email : null,
			postAddress:
				by === 'post' && post ? { lines: lines(post), country: String(post.country ?? '') } : null
		};
	},

	async pdf({ answers, reference, locale, now }) {
		const request = temporarilyAbroad.requestOf(answers) as TemporarilyAbroadRequest | null;
		const data = await dataAt(now);
		const election = data.elections.find((e) => e.slug === request?.election);
		if (!request || !election?.electionDay || election.type === 'KNI') {
			throw new Error('The temporarily abroad request is not complete');
		}
		const cutoff = temporarilyAbroadCutoff({
			type: election.type,
			electionDay: election.electionDay
		});
		if (!cutoff) throw new Error(`No temporarily abroad cut-off for ${election.slug}`);
		// The cut-off as the law counts it, also when the PDF is made again after it has passed.
		const deadline = deadlineView({ ...election, electionDay: election.electionDay }, cutoff, {
			postFrom: postFrom(answers, now),
			electronic: true
		});
		const den = config.denHaag();
		return renderTemporarilyAbroadPdf({
			reference,
			locale,
			generatedOn: amsterdamDay(now),
			election: {
				type: election.type,
				electionDay: election.electionDay,
				provisional: election.provisional,
				cutoffDay: deadline.day,
				uploadBy: deadline.uploadBy,
				postBy: deadline.postBy
			},
			voter: {
				surname: request.voter.surname,
				firstNames: request.voter.firstNames,
				dateOfBirth: request.voter.dateOfBirth,
				bsn: request.voter.bsn ?? '',
				address: request.voter.address.lines,
				municipality: request.homeMunicipality
			},
			stay: { from: request.abroadFrom, until: request.abroadUntil },
			ballot:
				request.ballotBy === 'email' && request.ballotEmail
					? { by: 'email', email: request.ballotEmail }
					: {
							by: 'post',
							address: {
								lines: request.postAddress?.lines ?? [],
								// The form is Dutch, so is the country name on it.
								country: countryName(request.postAddress?.country ?? '', 'nl')
							}
						},
			destination: { name: den.name, lines: den.lines, email: den.email ?? null }
		});
	}
};
