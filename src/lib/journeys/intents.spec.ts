import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOURNEYS } from './catalogue';
import {
	MAX_INPUT,
	ask,
	START_CHOICES,
	choicePath,
	isChoiceId,
	normalise,
	understand,
	type ChoiceId
} from './intents';

/** Short requests as voters write them, at least eight per choice, across the six languages. */
const PHRASINGS: Record<ChoiceId, [lang: string, text: string][]> = {
	registration: [
		['nl', 'Ik woon sinds kort in Canada en wil stemmen'],
		['nl', 'hoe kan ik me registreren als kiezer buiten Nederland'],
		['nl', 'Ik ben geëmigreerd naar Australië'],
		['en', 'How do I register to vote from abroad?'],
		['en', "I'm not registered yet"],
		['en', 'I live in Thailand, can I vote?'],
		['de', 'Ich bin nach Kanada ausgewandert und möchte wählen'],
		['de', 'Wie kann ich mich registrieren?'],
		['fr', 'Je veux voter depuis l’étranger'],
		['fr', 'Comment m’inscrire ?'],
		['es', 'Quiero inscribirme para votar desde el extranjero'],
		['es', 'Vivo en Argentina, ¿cómo puedo votar?'],
		['pap', 'Mi ta biba na Merka i mi ke vota'],
		['pap', 'Kon mi por registrá?']
	],
	change: [
		['nl', 'Ik heb een nieuw adres'],
		['nl', 'mijn e-mailadres wijzigen'],
		['nl', 'Ik wil me uitschrijven'],
		['en', 'I moved to Spain'],
		['en', 'I need to change my address'],
		['en', 'Please remove me from the register'],
		['de', 'Ich bin umgezogen'],
		['de', 'Meine Adresse hat sich geändert'],
		['fr', 'J’ai déménagé en Belgique'],
		['fr', 'Je veux modifier mon adresse e-mail'],
		['es', 'Me he mudado a Portugal'],
		['es', 'Quiero cambiar mi dirección'],
		['pap', 'Mi a muda pa Kòrsou'],
		['pap', 'Mi tin un adrès nobo']
	],
	vote_choice: [
		['nl', 'Kan mijn zus voor mij stemmen?'],
		['nl', 'Ik wil een volmacht geven'],
		['nl', 'Ik wil in Nederland stemmen met een kiezerspas'],
		['en', 'can my sister vote for me'],
		['en', 'I want to vote in person in the Netherlands'],
		['en', 'proxy vote'],
		['de', 'Kann meine Mutter für mich wählen?'],
		['de', 'Ich möchte eine Vollmacht erteilen'],
		['fr', 'Mon frère peut-il voter pour moi ?'],
		['fr', 'Je voudrais donner procuration'],
		['es', '¿Puede mi hermana votar por mí?'],
		['es', 'Quiero una delegación de voto'],
		['pap', 'Mi ruman por vota pa mi?'],
		['pap', 'Mi ke duna poder pa vota']
	],
	temporarily_abroad: [
		['nl', 'Ik ben op vakantie tijdens de verkiezingen'],
		['nl', 'Ik woon in Nederland maar zit op verkiezingsdag in het buitenland'],
		['en', 'I will be on holiday during the election'],
		['en', "I live in the Netherlands but I'll be abroad on election day"],
		['en', 'business trip on election day'],
		['de', 'ich bin im Urlaub während der Wahl'],
		['de', 'Ich bin am Wahltag im Ausland'],
		['fr', 'Je serai en vacances le jour du scrutin'],
		['fr', 'J’habite aux Pays-Bas mais je serai à l’étranger le jour de l’élection'],
		['es', 'Estaré de vacaciones el día de las elecciones'],
		['es', 'Vivo en los Países Bajos pero estaré en el extranjero'],
		['pap', 'Mi ta bai vakansi dia di elekshon'],
		['pap', 'Mi ta biba na Hulanda pero mi ta den eksterior']
	],
	replacement: [
		['nl', 'ik ben mijn stembewijs kwijt'],
		['nl', 'Mijn briefstembewijs is nooit aangekomen'],
		['nl', 'Waar blijft mijn stembewijs?'],
		['en', 'I lost my postal voting certificate'],
		['en', "My voting papers haven't arrived"],
		['en', 'I need a replacement certificate'],
		['de', 'Ich habe meinen Briefwahlschein verloren'],
		['de', 'Meine Wahlunterlagen sind nicht angekommen'],
		['fr', 'J’ai perdu mon certificat de vote'],
		['fr', 'Je n’ai pas reçu mes documents de vote'],
		['es', 'Perdí mi certificado de voto por correo'],
		['es', 'No he recibido la documentación electoral'],
		['pap', 'Mi a pèrdè mi sertifikado di voto'],
		['pap', 'Mi no a risibí mi dokumentonan di votashon']
	],
	status: [
		['nl', 'Ben ik ingeschreven?'],
		['nl', 'Sta ik nog geregistreerd?'],
		['en', 'Am I registered?'],
		['en', 'check my registration'],
		['de', 'Bin ich registriert?'],
		['de', 'Ich möchte prüfen, ob ich registriert bin'],
		['fr', 'Suis-je inscrit ?'],
		['fr', 'vérifier mon inscription'],
		['es', '¿Estoy inscrito?'],
		['es', 'Quiero comprobar mi inscripción'],
		['pap', 'Mi ta registrá?'],
		['pap', 'Mi ke chek mi registrashon']
	],
	elections: [
		['nl', 'Wanneer zijn de volgende verkiezingen?'],
		['nl', 'Wat zijn de deadlines?'],
		['en', 'When is the next election?'],
		['en', 'What do I need to do before the election?'],
		['de', 'Wann ist die nächste Wahl?'],
		['de', 'Welche Fristen gibt es?'],
		['fr', 'Quand sont les prochaines élections ?'],
		['fr', 'Quelle est la date limite ?'],
		['es', '¿Cuándo son las próximas elecciones?'],
		['es', '¿Cuáles son los plazos?'],
		['pap', 'Ki dia ta e siguiente elekshon?'],
		['pap', 'Kiko mi mester hasi pa e elekshon?']
	]
};

describe('understand', () => {
	for (const [id, cases] of Object.entries(PHRASINGS) as [ChoiceId, [string, string][]][]) {
		describe(id, () => {
			it('has at least eight phrasings covering every language', () => {
				expect(cases.length).toBeGreaterThanOrEqual(8);
				expect(new Set(cases.map(([lang]) => lang))).toEqual(
					new Set(['nl', 'en', 'de', 'fr', 'es', 'pap'])
				);
			});
			it.each(cases)('[%s] %s', (_lang, text) => {
				const result = understand(text);
				expect(result.proposal, JSON.stringify(result.matches)).toBe(id);
				expect(result.confidence).toBeGreaterThan(0);
				expect(result.confidence).toBeLessThanOrEqual(1);
			});
		});
	}

	it('offers registration beside a change for "I moved": registered or not, we cannot tell', () => {
		const moved = understand('I moved to Spain');
		expect(moved.proposal).toBe('change');
		expect(moved.alternatives).toContain('registration');
		expect(understand('Ik ben verhuisd').alternatives).toContain('registration');
	});

	it('gives alternatives when a request mixes two things', () => {
		const mixed = understand('I moved and lost my postal voting certificate');
		expect(mixed.proposal).toBe('replacement');
		expect(mixed.alternatives).toContain('change');
		expect(mixed.matches.map((m) => m.id)).toEqual(
			expect.arrayContaining(['replacement', 'change', 'registration'])
		);
		expect(mixed.confidence).toBeLessThan(
			understand('I lost my postal voting certificate').confidence
		);
	});

	it('is not fooled by the negation of "registered"', () => {
		expect(understand('I am not registered').proposal).toBe('registration');
		expect(understand('Am I registered').proposal).toBe('status');
		expect(understand('Ik ben nog niet ingeschreven').proposal).toBe('registration');
	});

	it('does not take someone living in the Netherlands for an emigrant', () => {
		const r = understand('I live in the Netherlands and will be abroad on election day');
		expect(r.proposal).toBe('temporarily_abroad');
		expect(r.matches.map((m) => m.id)).not.toContain('registration');
	});

	it.each([
		[''],
		['   '],
		['asdfghjkl qwerty'],
		['hello'],
		['vote'],
		['stemmen'],
		['12345'],
		['🗳️🇳🇱'],
		['lorem ipsum dolor sit amet'],
		['Wat is het weer morgen?'],
		['I lost my keys']
	])('proposes nothing for %j', (text) => {
		const result = understand(text);
		expect(result.proposal).toBeNull();
		expect(result.alternatives).toEqual([]);
		expect(result.confidence).toBe(0);
	});

	it('reads accents, case and punctuation alike', () => {
		expect(understand('IK BEN MIJN STEMBEWIJS KWIJT!!!').proposal).toBe('replacement');
		expect(understand('ich bin im urlaub wahrend der wahl').proposal).toBe('temporarily_abroad');
		expect(understand('Ich bin im Urlaub, während der Wahl.').proposal).toBe('temporarily_abroad');
	});

	it('looks only at the first part of a very long text', () => {
		const padded = `${'x '.repeat(MAX_INPUT)} ik ben mijn stembewijs kwijt`;
		expect(understand(padded).proposal).toBeNull();
	});
});

const WORDS = [
	...['stembewijs', 'kwijt', 'vote', 'for', 'me', 'moved', 'registered', 'am', 'i', 'not'],
	...['volmacht', 'vakantie', 'election', 'day', 'abroad', 'next', 'change', 'address', 'ben'],
	...['ik', 'ingeschreven', 'lost', 'certificate', 'remove', 'register', 'urlaub', 'wahl'],
	...["l'étranger", 'ß', 'œ', '\u0000', '<b>', '🗳️']
];

describe('understand on hostile input', () => {
	it('never throws and always answers in shape, whatever it is given', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ maxLength: 2000 }),
					fc.string({ unit: 'binary', maxLength: 600 }),
					fc.string({ unit: 'grapheme', maxLength: 300 }),
					// Words the rules know, in any order and number: scores pile up, answers stay sane.
					fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((words) => words.join(' ')),
					fc.anything()
				),
				(x) => {
					const r = understand(x);
					expect(r.proposal === null || isChoiceId(r.proposal)).toBe(true);
					expect(r.alternatives.every(isChoiceId)).toBe(true);
					expect(r.alternatives).not.toContain(r.proposal);
					expect(r.confidence).toBeGreaterThanOrEqual(0);
					expect(r.confidence).toBeLessThanOrEqual(1);
					const scores = r.matches.map((m) => m.score);
					expect([...scores].sort((a, b) => b - a)).toEqual(scores);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('answers quickly even for the longest and most repetitive text', () => {
		const worst = 'stem '.repeat(10_000);
		const started = performance.now();
		for (let i = 0; i < 20; i++) understand(worst);
		// Generous on a loaded machine: the point is no blow-up, not a benchmark.
		expect((performance.now() - started) / 20).toBeLessThan(50);
	});

	it('survives markup, control characters and lone surrogates', () => {
		for (const text of [
			'<script>alert(1)</script>',
			'\u0000\u0007\u001b[31m',
			'\ud800',
			"'; DROP TABLE x; --"
		]) {
			expect(() => understand(text)).not.toThrow();
		}
	});
});

describe('normalise', () => {
	it('lowers case, drops accents and punctuation, spells out ligatures', () => {
		expect(normalise('Ik bén mijn stem-bewijs kwijt!')).toEqual([
			'ik',
			'ben',
			'mijn',
			'stem',
			'bewijs',
			'kwijt'
		]);
		expect(normalise('Straße œuvre l’étranger')).toEqual(['strasse', 'oeuvre', 'l', 'etranger']);
		expect(normalise(42)).toEqual([]);
	});
});

describe('START_CHOICES', () => {
	it('offers every journey of the catalogue, and the elections overview', () => {
		expect(START_CHOICES.map((c) => c.id)).toEqual([...JOURNEYS.map((j) => j.id), 'elections']);
		expect(choicePath('replacement')).toBe('/replacement');
		expect(choicePath('elections')).toBe('/elections');
		expect(isChoiceId('nope')).toBe(false);
	});
});

describe('ask', () => {
	it('understands what was typed', () => {
		const asked = ask('ik ben mijn stembewijs kwijt');
		expect(asked.ok && asked.understanding.proposal).toBe('replacement');
	});

	it('refuses an empty box, or one with only spaces, with a message key', () => {
		expect(ask('')).toEqual({ ok: false, text: '', error: 'home_ask_error_empty' });
		expect(ask(' \n\t ')).toMatchObject({ ok: false, error: 'home_ask_error_empty' });
		expect(ask(null)).toMatchObject({ ok: false, error: 'home_ask_error_empty' });
	});

	it('refuses a text longer than a request, keeping its first part', () => {
		const asked = ask('a'.repeat(MAX_INPUT + 1));
		expect(asked).toMatchObject({ ok: false, error: 'home_ask_error_too_long' });
		expect(asked.text).toHaveLength(MAX_INPUT);
	});
});
