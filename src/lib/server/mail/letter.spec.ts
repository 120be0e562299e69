import { extractText, extractTextItems } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import type { Database } from '$lib/server/db';
import { outbox } from '$lib/server/db/schema';
import * as mail from './index';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());

const MM = 72 / 25.4;
const A4_HEIGHT = 841.89;

async function spanishLetter(paragraphs: string[] = ['Hemos recibido su solicitud.']) {
	const notice = mail.renderEmail({
		locale: 'es',
		subject: 'Su inscripción como elector residente en el extranjero',
		reference: 'K7QX-2M9P-4TZA',
		paragraphs: [...paragraphs, { list: ['Primer punto.', 'Segundo punto.'] }]
	});
	const id = await mail.enqueue({
		channel: 'letter',
		recipientName: 'Sr. José Ñúñez García',
		postalAddress: { lines: ['Calle de Alcalá 42, 3º izq.', '28014 Madrid'], country: 'ES' },
		locale: notice.locale,
		subject: notice.subject,
		text: notice.text
	});
	await database.db
		.update(outbox)
		.set({ createdAt: new Date('2026-11-02T23:30:00Z') })
		.where(eq(outbox.id, id));
	return id;
}

async function read(bytes: Uint8Array) {
	const { text } = await extractText(bytes.slice());
	const { items } = await extractTextItems(bytes.slice());
	return { pages: text.map((t) => t.replace(/\s+/g, ' ')), items };
}

describe('letters', () => {
	it('renders an A4 letter in its language with the address in the window', async () => {
		const id = await spanishLetter();
		const bytes = await mail.letterPdf(id);
		expect(bytes).not.toBeNull();
		const { pages, items } = await read(bytes!);
		expect(pages).toHaveLength(1);
		const page = pages[0]!;
		expect(page).toContain('Sr. José Ñúñez García');
		expect(page).toContain('Calle de Alcalá 42, 3º izq.');
		expect(page).toContain('28014 Madrid');
		expect(page).toContain('SPANJE');
		// 23:30 UTC is already 3 November in Den Haag.
		expect(page).toContain('La Haya, 3 de noviembre de 2026');
		expect(page).toContain('Su inscripción como elector residente en el extranjero');
		expect(page).toContain('Hemos recibido su solicitud.');
		expect(page).toContain('Primer punto.');
		expect(page).toContain('Código de referencia: K7QX-2M9P-4TZA');
		expect(page).toContain('Atentamente,');
		expect(page).toContain('Página 1 de 1');

		// Every address line lies inside the window: 50–90 mm from the top, 20–105 mm from the left.
		for (const line of ['Sr. José Ñúñez García', '28014 Madrid', 'SPANJE']) {
			const item = items[0]!.find((i) => i.str.includes(line.split(' ')[0]!));
			expect(item, line).toBeDefined();
			const fromTop = (A4_HEIGHT - item!.y) / MM;
			expect(fromTop).toBeGreaterThan(50);
			expect(fromTop).toBeLessThan(90);
			expect(item!.x / MM).toBeGreaterThanOrEqual(20);
			expect((item!.x + item!.width) / MM).toBeLessThanOrEqual(105);
		}
	});

	it('runs over several pages when the notice is long, numbering them', async () => {
		const long = Array.from(
			{ length: 40 },
			(_, i) => `Párrafo ${i + 1}: la decisión se basa en el artículo D 3 de la Ley Electoral.`
		);
		const { pages } = await read((await mail.letterPdf(await spanishLetter(long)))!);
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.at(-1)).toContain(`Página ${pages.length} de ${pages.length}`);
		expect(pages.join(' ')).toContain('Párrafo 40:');
	});

	it('gives nothing for an e-mail or an unknown id', async () => {
		const email = await mail.enqueue({
			channel: 'email',
			recipient: 'x@example.org',
			...mail.renderEmail({ locale: 'nl', subject: 'Onderwerp', paragraphs: ['Tekst'] })
		});
		expect(await mail.letterPdf(email)).toBeNull();
		expect(await mail.letterPdf('00000000-0000-4000-8000-000000000000')).toBeNull();
		expect(await mail.letterPdf('nonsense')).toBeNull();
	});

	it('queues letters for printing, oldest first, until each is marked printed once', async () => {
		await database.db.delete(outbox);
		const first = await spanishLetter();
		const second = await spanishLetter();
		await database.db
			.update(outbox)
			.set({ createdAt: new Date('2026-11-04T08:00:00Z') })
			.where(eq(outbox.id, second));
		expect((await mail.printQueue()).map((l) => l.id)).toEqual([first, second]);
		expect((await mail.printQueue())[0]).toMatchObject({
			recipient: 'Sr. José Ñúñez García',
			postalAddress: { country: 'ES' },
			locale: 'es'
		});

		const printedAt = new Date('2026-11-04T09:00:00Z');
		expect(await mail.markPrinted(first, printedAt)).toBe(true);
		expect(await mail.markPrinted(first, new Date())).toBe(false);
		expect((await mail.printQueue()).map((l) => l.id)).toEqual([second]);
		const [row] = await database.db.select().from(outbox).where(eq(outbox.id, first));
		expect(row!.sentAt?.toISOString()).toBe(printedAt.toISOString());
		// A printed letter can still be printed again (a spoilt copy), it just left the queue.
		expect(await mail.letterPdf(first)).not.toBeNull();
	});

	it('writes the address as a postal service reads it', () => {
		expect(
			mail.addressLines('A. de Vries', { lines: ['1 Main St', 'Springfield, IL'], country: 'US' })
		).toEqual(['A. de Vries', '1 Main St', 'Springfield, IL', 'VERENIGDE STATEN']);
		expect(
			mail.addressLines(null, { lines: ['Postbus 1', ' ', '2500 AA Den Haag'], country: 'NL' })
		).toEqual(['Postbus 1', '2500 AA Den Haag']);
	});
});
