/**
 * Letters for voters who cannot be reached by e-mail: a notice goes by post then (MvT §3.4;
 * KB D 10 "without delay"). Each letter in the outbox is rendered on demand as an A4 PDF in the
 * voter's language, with the address placed for a window envelope, and waits in the print queue
 * until the office marks it printed.
 *
 * Layout: DIN 5008 form B, which Dutch and international window envelopes (DL/EA5/6, C5, C4 with
 * the window on the left) follow: the address field 45–90 mm from the top and 20–105 mm from the
 * left, with the return address in its first 5 mm; fold marks at 105 and 210 mm.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { amsterdamDay } from '$lib/domain/dates';
import { countryName, message } from '$lib/i18n';
import { denHaag } from '$lib/server/config';
import { db } from '$lib/server/db';
import { outbox, type OutboxMessage, type PostalAddress } from '$lib/server/db/schema';
import { loadFonts, sharedFontkit } from '$lib/server/pdf/fonts';
import {
	block,
	COLOR,
	drawBlocks,
	Flow,
	lineHeightOf,
	PAGE_HEIGHT,
	PAGE_WIDTH,
	type Fonts,
	type TextStyle
} from '$lib/server/pdf/layout';
import { resolveLocale } from '$lib/server/pdf/locale';
import { clean, formatDate, textWidth } from '$lib/server/pdf/text';

const MM = 72 / 25.4;
/** Text starts 25 mm from the left edge (the window's 20 mm plus its 5 mm inner margin). */
const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const WIDTH = PAGE_WIDTH - LEFT - RIGHT;
const fromTop = (mm: number) => PAGE_HEIGHT - mm * MM;

/** A letter's address lines as a postal service reads them: name, lines, country in capitals. */
export function addressLines(recipient: string | null, address: PostalAddress): string[] {
	const lines = [...(recipient ? [recipient] : []), ...address.lines].map(clean).filter(Boolean);
	// UPU: the destination country last, in capitals, in the sender country's language (Dutch).
	if (address.country !== 'NL')
		lines.push(countryName(address.country, 'nl').toLocaleUpperCase('nl'));
	return lines;
}

function drawFirstPageHead(page: PDFPage, fonts: Fonts, letter: OutboxMessage): number {
	const sender = denHaag();
	const small: TextStyle = { font: fonts.regular, size: 9, color: COLOR.muted, lineHeight: 12 };

	// Letterhead, top left.
	drawBlocks(
		page,
		[
			block(
				sender.name,
				{ font: fonts.bold, size: 14, color: COLOR.accent, lineHeight: 18 },
				WIDTH
			),
			...sender.lines.map((line) => block(line, small, WIDTH))
		],
		LEFT,
		fromTop(15)
	);

	// Return address at the top of the window (45–50 mm): one line, or two in smaller type.
	const returnLine = [sender.name, ...sender.lines].map(clean).join(' · ');
	const returnStyle = (size: number): TextStyle => ({
		font: fonts.regular,
		size,
		color: COLOR.muted,
		lineHeight: size * 1.15
	});
	let returnBlock = block(returnLine, returnStyle(6.5), 80 * MM);
	if (returnBlock.lines.length > 1) {
		returnBlock = block(returnLine, returnStyle(5.5), 80 * MM);
		returnBlock.lines = returnBlock.lines.slice(0, 2);
	}
	drawBlocks(page, [returnBlock], LEFT, fromTop(45.5));

	// The address, wrapped to the window (80 mm of text): up to 7 lines at 10.5 pt fit the 38 mm
	// below the return line; a longer address is set at 9 pt.
	const lines = addressLines(
		letter.recipient,
		letter.postalAddress ?? { lines: [], country: 'NL' }
	);
	const wrapped = (size: number) =>
		lines.map((line) =>
			block(line, { font: fonts.regular, size, lineHeight: size * 1.25 }, 80 * MM)
		);
	let address = wrapped(10.5);
	if (address.reduce((n, b) => n + b.lines.length, 0) > 7) address = wrapped(9);
	drawBlocks(page, address, LEFT, fromTop(51.5));

	// Fold marks (105 and 210 mm) and the punch mark (148.5 mm), at the left edge.
	for (const [mm, length] of [
		[105, 5],
		[148.5, 7],
		[210, 5]
	] as const) {
		page.drawLine({
			start: { x: 3 * MM, y: fromTop(mm) },
			end: { x: (3 + length) * MM, y: fromTop(mm) },
			thickness: 0.4,
			color: COLOR.rule
		});
	}

	// Date (in Den Haag) and subject below the address field.
	const locale = resolveLocale(letter.locale);
	const date = formatDate(amsterdamDay(letter.createdAt), locale);
	const body: TextStyle = { font: fonts.regular, size: 10.5, lineHeight: 14.5 };
	let y = drawBlocks(
		page,
		[block(message('letter_place_date', { date }, locale), body, WIDTH)],
		LEFT,
		fromTop(98)
	);
	y -= 14;
	y = drawBlocks(
		page,
		[block(letter.subject, { font: fonts.bold, size: 12, lineHeight: 16 }, WIDTH)],
		LEFT,
		y
	);
	return y - 12;
}

/**
 * The letter as an A4 PDF in its own language. Its text is the notice's plain text (as
 * `renderEmail` writes it): paragraphs separated by blank lines, list items starting with "• ".
 * Returns null when there is no such letter.
 */
export async function letterPdf(outboxId: string): Promise<Uint8Array | null> {
	if (!/^[0-9a-f-]{36}$/i.test(outboxId)) return null;
	const [letter] = await (
		await db()
	)
		.select()
		.from(outbox)
		.where(and(eq(outbox.id, outboxId), eq(outbox.channel, 'letter')));
	if (!letter) return null;
	const locale = resolveLocale(letter.locale);

	const doc = await PDFDocument.create();
	doc.registerFontkit(sharedFontkit);
	const files = await loadFonts();
	const fonts: Fonts = {
		regular: await doc.embedFont(files.regular, { subset: true }),
		bold: await doc.embedFont(files.bold, { subset: true })
	};
	const body: TextStyle = { font: fonts.regular, size: 10.5, lineHeight: 14.5 };
	const bullet = '•';
	const indent = 12;

	const flow = new Flow(doc, (page, index) =>
		index === 0 ? drawFirstPageHead(page, fonts, letter) : fromTop(20)
	);
	const paragraphs = letter.text.replace(/\r\n/g, '\n').split(/\n{2,}/);
	for (const [i, paragraph] of paragraphs.entries()) {
		if (i > 0) flow.gap(lineHeightOf(body) * 0.6);
		for (const line of paragraph.split('\n')) {
			if (line.startsWith(`${bullet} `)) {
				const item = block(line.slice(2), body, WIDTH - indent);
				flow.ensure(lineHeightOf(body));
				flow.page.drawText(bullet, {
					x: LEFT,
					y: flow.y - body.size,
					font: fonts.regular,
					size: body.size
				});
				flow.text([item], LEFT + indent);
			} else {
				flow.text([block(line, body, WIDTH)], LEFT);
			}
		}
	}

	// The footer aligned with the letter's text (the shared footer() uses the form's margins).
	const total = flow.pages.length;
	const small = { font: fonts.regular, size: 8, color: COLOR.muted };
	flow.pages.forEach((page, i) => {
		const number = message('pdf_cover_page', { page: String(i + 1), total: String(total) }, locale);
		page.drawText(denHaag().name, { x: LEFT, y: 12 * MM, ...small });
		page.drawText(number, {
			x: PAGE_WIDTH - RIGHT - textWidth(fonts.regular, number, small.size),
			y: 12 * MM,
			...small
		});
	});
	// The subject is a notice's title, not personal data; nothing else goes in the metadata.
	doc.setTitle(letter.subject, { showInWindowTitleBar: true });
	doc.setLanguage(locale);
	doc.setCreator('Kiezer buitenland portal');
	return doc.save();
}

export type QueuedLetter = Pick<
	OutboxMessage,
	'id' | 'locale' | 'subject' | 'recipient' | 'postalAddress' | 'createdAt'
>;

/** Letters waiting to be printed and posted, oldest first (KB D 10: without delay). */
export async function printQueue(): Promise<QueuedLetter[]> {
	return (await db())
		.select({
			id: outbox.id,
			locale: outbox.locale,
			subject: outbox.subject,
			recipient: outbox.recipient,
			postalAddress: outbox.postalAddress,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.where(and(eq(outbox.channel, 'letter'), isNull(outbox.sentAt)))
		.orderBy(asc(outbox.createdAt), asc(outbox.id));
}

/**
 * Marks a letter printed (and so posted): it leaves the queue. False when it was not in the
 * queue (unknown, not a letter, or already printed), so a double click records one moment.
 */
export async function markPrinted(id: string, now: Date = new Date()): Promise<boolean> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
	const marked = await (
		await db()
	)
		.update(outbox)
		.set({ sentAt: now })
		.where(and(eq(outbox.id, id), eq(outbox.channel, 'letter'), isNull(outbox.sentAt)))
		.returning({ id: outbox.id });
	return marked.length === 1;
}
