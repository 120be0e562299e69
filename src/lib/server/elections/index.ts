/**
 * The election calendar as entered by the office (seeded with the planned elections). Election
 * days are set by law and royal decree: admins enter and confirm them (issue 3 item 7); the
 * domain's `checkElectionDates` holds them to the shape the law fixes. Every change is audited.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
	checkElectionDates,
	formatIsoDate,
	isElectionType,
	isValidCalendarDate,
	type ElectionDateField,
	type ElectionType,
	type IsoDate,
	type LegalRef
} from '$lib/domain';
import * as audit from '$lib/server/audit';
import { db, type Db } from '$lib/server/db';
import { elections, type Election } from '$lib/server/db/schema';

export type { Election };

export async function list(): Promise<Election[]> {
	return (await db())
		.select()
		.from(elections)
		.orderBy(asc(elections.electionDay), asc(elections.slug));
}

export async function get(slug: string): Promise<Election | null> {
	const [row] = await (await db()).select().from(elections).where(eq(elections.slug, slug));
	return row ?? null;
}

/** The date fields of the form; each is posted as `<name>_day`, `<name>_month`, `<name>_year`. */
export const DATE_FIELDS: readonly ElectionDateField[] = [
	'electionDay',
	'nominationDay',
	'certificatesSentOn'
];
const PARTS = ['day', 'month', 'year'] as const;

/** What the form shows and posts back: every part as typed, so nothing is lost on an error. */
export type ElectionFormValues = Record<string, string>;

/** An error at a field: a message key, its parameters, and the articles it rests on. */
export type FieldError = { key: string; params?: Record<string, string>; basis?: LegalRef[] };

export type FormResult =
	| { ok: true; slug: string }
	| { ok: false; values: ElectionFormValues; errors: Record<string, FieldError> };

/** The form's values for an election as stored (days without leading zeros, as people type). */
export function formValues(election: Election | null): ElectionFormValues {
	const values: ElectionFormValues = { type: election?.type ?? '' };
	for (const field of DATE_FIELDS) {
		const [year = '', month = '', day = ''] = (election?.[field] ?? '').split('-');
		values[`${field}_day`] = day ? String(Number(day)) : '';
		values[`${field}_month`] = month ? String(Number(month)) : '';
		values[`${field}_year`] = year;
	}
	return values;
}

// A date as three boxes: all empty is "not set"; otherwise each a number and together a real day.
const dateParts = z
	.object({ day: z.string(), month: z.string(), year: z.string() })
	.transform((p, ctx): IsoDate | null => {
		const [day, month, year] = [p.day.trim(), p.month.trim(), p.year.trim()];
		if (!day && !month && !year) return null;
		if (!day || !month || !year) {
			ctx.addIssue({ code: 'custom', message: 'office_elections_error_date_incomplete' });
			return z.NEVER;
		}
		const [d, m, y] = [day, month, year].map(Number) as [number, number, number];
		if (
			!/^\d{1,2}$/.test(day) ||
			!/^\d{1,2}$/.test(month) ||
			!/^\d{4}$/.test(year) ||
			!isValidCalendarDate(y, m, d)
		) {
			ctx.addIssue({ code: 'custom', message: 'office_elections_error_date_invalid' });
			return z.NEVER;
		}
		return formatIsoDate(y, m, d);
	});

const typeSchema = z.string().refine(isElectionType, 'office_elections_error_type');

function read(form: FormData, withType: boolean) {
	const values: ElectionFormValues = {};
	const text = (name: string) => {
		const v = form.get(name);
		values[name] = typeof v === 'string' ? v.slice(0, 20) : '';
		return values[name];
	};
	const errors: Record<string, FieldError> = {};
	let type: ElectionType | undefined;
	if (withType) {
		const parsed = typeSchema.safeParse(text('type'));
		if (parsed.success) type = parsed.data as ElectionType;
		else errors.type = { key: parsed.error.issues[0]!.message };
	}
	const dates = {} as Record<ElectionDateField, IsoDate | null>;
	for (const field of DATE_FIELDS) {
		const [day, month, year] = PARTS.map((part) => text(`${field}_${part}`)) as [
			string,
			string,
			string
		];
		const parsed = dateParts.safeParse({ day, month, year });
		if (parsed.success) dates[field] = parsed.data;
		else errors[field] = { key: parsed.error.issues[0]!.message };
	}
	return { values, errors, type, dates };
}

/** The domain's checks, as field errors (only where the field itself was readable). */
function check(
	type: ElectionType,
	dates: Record<ElectionDateField, IsoDate | null>,
	errors: Record<string, FieldError>,
	confirming: boolean
) {
	for (const issue of checkElectionDates({ type, ...dates }, { confirming })) {
		errors[issue.field] ??= {
			key: `office_elections_issue_${issue.code}`,
			...(issue.params ? { params: issue.params } : {}),
			basis: issue.basis
		};
	}
}

type Staff = { accountId: string };

/**
 * Saves an election's days; `confirm` also confirms them against the official announcement
 * (`provisional` false, shown to voters without the "provisional" label). Saving changed days
 * without confirming makes the election provisional again: a confirmed day that changes must be
 * confirmed anew. Null when there is no such election.
 */
export async function save(
	slug: string,
	form: FormData,
	opts: { confirm: boolean; staff: Staff }
): Promise<FormResult | null> {
	const current = await get(slug);
	if (!current) return null;
	const { values, errors, dates } = read(form, false);
	values.type = current.type;
	if (Object.keys(errors).length === 0) check(current.type, dates, errors, opts.confirm);
	if (Object.keys(errors).length > 0) return { ok: false, values, errors };

	const changed = DATE_FIELDS.some((f) => current[f] !== dates[f]);
	const provisional = opts.confirm ? false : changed ? true : current.provisional;
	if (!changed && provisional === current.provisional) return { ok: true, slug };
	const database = await db();
	await database.transaction(async (t) => {
		const tx = t as unknown as Db;
		await tx
			.update(elections)
			.set({ ...dates, provisional, updatedAt: new Date() })
			.where(eq(elections.id, current.id));
		await audit.record(
			{
				actor: `staff:${opts.staff.accountId}`,
				action: opts.confirm ? 'election.confirmed' : 'election.updated',
				subject: `election:${slug}`,
				details: {
					before: pick(current),
					after: { ...dates, provisional }
				}
			},
			tx
		);
	});
	return { ok: true, slug };
}

const pick = (e: Election) => ({
	electionDay: e.electionDay,
	nominationDay: e.nominationDay,
	certificatesSentOn: e.certificatesSentOn,
	provisional: e.provisional
});

/**
 * Adds an election (provisional until confirmed). It needs its type and election day; its key is
 * `<type>-<year>` (as the seeded ones), or `<type>-<election day>` when a second election of the
 * type falls in one year (a dissolution, KW F 2).
 */
export async function create(form: FormData, opts: { staff: Staff }): Promise<FormResult> {
	const { values, errors, type, dates } = read(form, true);
	if (!errors.electionDay && dates.electionDay === null) {
		errors.electionDay = { key: 'office_elections_error_election_day_required' };
	}
	if (type && Object.keys(errors).length === 0) check(type, dates, errors, false);
	if (!type || Object.keys(errors).length > 0) return { ok: false, values, errors };
	const day = dates.electionDay!;
	const database = await db();
	const slug = await database.transaction(async (t) => {
		const tx = t as unknown as Db;
		let chosen: string | null = null;
		for (const candidate of [`${type}-${day.slice(0, 4)}`, `${type}-${day}`]) {
			const [row] = await tx
				.insert(elections)
				.values({ slug: candidate, type, ...dates, provisional: true })
				.onConflictDoNothing()
				.returning({ slug: elections.slug });
			if (row) {
				chosen = row.slug;
				break;
			}
		}
		if (chosen) {
			await audit.record(
				{
					actor: `staff:${opts.staff.accountId}`,
					action: 'election.created',
					subject: `election:${chosen}`,
					details: { type, ...dates }
				},
				tx
			);
		}
		return chosen;
	});
	if (!slug) {
		return {
			ok: false,
			values,
			errors: { electionDay: { key: 'office_elections_error_duplicate' } }
		};
	}
	return { ok: true, slug };
}
