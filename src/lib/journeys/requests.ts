/**
 * What each journey asks the office for, read from a draft's (or application's) answers. This is
 * the contract between the voter's journeys (which fill it in) and the back office (which decides
 * on it): the office never reads a journey's step ids itself, only these shapes.
 *
 * Every field is one of the data KB D 4 lists (or, for requests under chapters K, L and M, what
 * that article asks for): nothing else is collected.
 */
import type { ElectionType, IsoDate } from '$lib/domain';

/** The application kinds the office decides on; `registration` is chapter D's own. */
export const APPLICATION_KINDS = [
	'registration',
	// KW D 3(3), D 7: a change of the registration, or removal on request.
	'change',
	// KW L 2, L 9, L 10: vote by proxy (volmacht) instead of by post.
	'proxy',
	// KW K 1, K 7, K 8: a voter pass (kiezerspas) instead of voting by post.
	'voter_pass',
	// KW M 1(2), M 3, M 4: a resident temporarily abroad votes by post.
	'temporarily_abroad',
	// KW M 6b: a replacement postal voting certificate (vervangend briefstembewijs).
	'replacement'
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export function isApplicationKind(s: unknown): s is ApplicationKind {
	return typeof s === 'string' && (APPLICATION_KINDS as readonly string[]).includes(s);
}

/** An address as the voter wrote it: free lines plus an ISO 3166 country code. */
export type RequestAddress = { lines: string[]; country: string };

/** Who the request is about, as on the form: enough for the office to find the registration. */
export type RequestVoter = {
	surname: string;
	firstNames: string;
	dateOfBirth: IsoDate;
	/** KB D 4: where applicable; never required. */
	bsn: string | null;
	/** The residential address (abroad for registered voters; in the Netherlands otherwise). */
	address: RequestAddress;
	email: string | null;
	phone: string | null;
};

/** KW D 3(3), D 7(1): what the voter wants changed; absent keys stay as they are. */
export type ChangeRequest = {
	kind: 'change';
	voter: RequestVoter;
	/** Removal on request (D 6(1)): no other change applies. */
	removal: boolean;
	changes: {
		residentialAddress?: RequestAddress;
		/** null: remove the registered correspondence address. */
		correspondenceAddress?: RequestAddress | null;
		/** null: remove. */
		email?: string | null;
		/** null: remove. */
		phone?: string | null;
		name?: { surname: string; firstNames: string };
		/** The types the voter wants to be registered for from now on. */
		electionTypes?: ElectionType[];
		/** KW Y 6(1): given with `electionTypes` holding the EP, by a resident of another member state. */
		epDeclaration?: true;
		/** KB D 4(c): the declaration of Dutch public service (Aruba, Curaçao, Sint Maarten; TK, KNI). */
		publicServiceDeclaration?: true;
	};
};

/** KW L 2, L 8, L 10: the proxy holder the voter names (a voter for that election). */
export type ProxyHolder = {
	surname: string;
	firstNames: string;
	dateOfBirth: IsoDate;
	address: RequestAddress;
};

/** KW K 7, L 9: per election (TK or EP only; never KNI, Pa 21). */
export type VoteChoiceRequest =
	| { kind: 'proxy'; election: string; voter: RequestVoter; holder: ProxyHolder }
	| { kind: 'voter_pass'; election: string; voter: RequestVoter };

/** KW M 3: a resident of the Netherlands abroad on election day (TK, EP). */
export type TemporarilyAbroadRequest = {
	kind: 'temporarily_abroad';
	election: string;
	voter: RequestVoter;
	/** The municipality where the voter is in the population register (M 4(4), M 2). */
	homeMunicipality: string;
	abroadFrom: IsoDate;
	abroadUntil: IsoDate;
	/** M 3(4), M 3(5): the ballot by e-mail, or by post when asked or without an address. */
	ballotBy: 'email' | 'post';
	ballotEmail: string | null;
	/** Where the papers go by post, abroad. */
	postAddress: RequestAddress | null;
};

/** KW M 6b: a lost or never received postal voting certificate. */
export type ReplacementRequest = {
	kind: 'replacement';
	election: string;
	voter: RequestVoter;
	reason: 'lost' | 'not_received';
	/** M 6b(3): by post or e-mail; Aruba, Curaçao, Sint Maarten: by post only. */
	deliveryBy: 'post' | 'email';
	deliveryEmail: string | null;
	deliveryAddress: RequestAddress | null;
};

export type Request =
	ChangeRequest | VoteChoiceRequest | TemporarilyAbroadRequest | ReplacementRequest;
