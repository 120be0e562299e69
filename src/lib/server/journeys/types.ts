import type { Reason } from '$lib/domain';
import type { GenericJourneyId } from '$lib/journeys/catalogue';
import type { DeadlineView } from '$lib/journeys/deadlines';
import type { Answers, MessageRef, Note } from '$lib/journeys/engine';
import type { Request } from '$lib/journeys/requests';
import type { Address } from '$lib/server/config';
import type { Runnable } from './runner';

/** Where the signed form goes (KB D 5; M 3(1), M 6b: the mayor of Den Haag), and why. */
export type Destination = {
	/** A `submission_${channel}` message family: den_haag_upload, den_haag_post, … */
	channel: string;
	address: Address | null;
	/**
	 * The address's e-mail takes a scan of the signed form (KB D 5(4); the mayor of Den Haag for
	 * requests under K, L and M). Unset: only the `den_haag_upload` channel is electronic.
	 */
	electronic?: boolean;
	basis: { code: string; url: string }[];
};

/** The check and done pages' content beyond the conversation itself. */
export type SummaryView = {
	/** Explanations with their articles (e.g. why the cut-off is earlier than six weeks). */
	notes: Note[];
	/** Where to send the signed form; null when there is nothing to send. */
	destination: Destination | null;
	/** The done page's numbered steps: print, sign, enclose an ID copy, send. */
	steps: MessageRef[];
	/** What happens after sending: the decision, its term, what arrives (or does not). */
	next: Note[];
};

/** Why the conversation ended without a form: reasons with articles, and where to go instead. */
export type OutcomeView = {
	title: MessageRef;
	reasons: Reason[];
	next: { text: MessageRef; href?: string }[];
	/** Cut-offs still open on the route the outcome points to (e.g. in person, KW M 6b(4)). */
	deadlines?: DeadlineView[];
	/** A place to go to in person, with why there. */
	place?: { title: MessageRef; address: Address; basis: { code: string; url: string }[] };
};

/** A journey run by the generic pages under `/[journey]/…`. */
export type JourneyDefinition = Runnable & {
	id: GenericJourneyId;
	/** The cut-offs that matter to this request, shown as countdowns on every page of it. */
	deadlines(answers: Answers, now: Date): Promise<DeadlineView[]>;
	summary(answers: Answers, now: Date, locale: string): Promise<SummaryView>;
	outcome(outcome: string, answers: Answers, now: Date): Promise<OutcomeView>;
	/** The filled-in request (Dutch, the model's language) with a cover sheet in `locale`. */
	pdf(input: {
		answers: Answers;
		reference: string;
		locale: string;
		now: Date;
	}): Promise<Uint8Array>;
	/** The PDF's file name before `-${reference}.pdf`, Dutch like the form: e.g. `wijziging`. */
	fileName: string;
	/**
	 * Answers to start with, from the start link's query (`?election=TK-2030`, an association's
	 * guided link): each journey validates them; anything it does not recognise is ignored.
	 */
	prefill(query: URLSearchParams, now: Date): Promise<Answers>;
	/** The request the confirmed answers make, for the back office; null if not complete. */
	requestOf(answers: Answers): Request | null;
};
