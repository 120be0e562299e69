/**
 * Passkey accounts and sessions (issue 3 item 1), for voters and office staff. Import as a
 * namespace: `import * as auth from '$lib/server/auth'`.
 */
export { session } from './hook';
export { requireAssociation, requireStaff, requireVoter } from './guard';
export {
	SESSION_COOKIE,
	countSessions,
	createSession,
	endAllSessions,
	endSession,
	purgeExpired,
	readSession,
	timeouts,
	type SessionInfo
} from './sessions';
export { CHALLENGE_TTL_MS, storeChallenge, takeChallenge, type Purpose } from './challenges';
export { hashToken, isToken, newToken } from './tokens';
export type {
	CeremonyError,
	AuthenticationResponseJSON,
	RegistrationResponseJSON
} from './webauthn';
export {
	addPasskey,
	beginAddPasskey,
	beginSignIn,
	beginVoterAccount,
	createVoterAccount,
	findPasskey,
	listPasskeys,
	passkeyName,
	removePasskey,
	renamePasskey,
	signIn,
	signOut,
	signOutEverywhere,
	type PasskeySummary
} from './accounts';
export {
	ROLES,
	beginEnrolment,
	checkDisplayName,
	createEnrolment,
	disableStaff,
	enrol,
	enrolmentLink,
	enrolmentPath,
	ensureAdminEnrolment,
	findEnrolment,
	invitation,
	listPendingEnrolments,
	listStaff,
	type Enrolment,
	type StaffMember
} from './staff';
export { safeNext, sessionStatus, voterOrSignedOut } from './http';
export { destination, journey, journeyOf, landing, type Journey } from './voter';
export {
	authenticationBody,
	ceremonyTexts,
	checkPasskeyName,
	namedBody,
	readJson,
	registrationBody
} from './http';
