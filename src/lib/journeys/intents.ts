/**
 * The start page's "tell us in your own words": a small matcher that reads a short request in any
 * of the portal's languages (nl, en, de, fr, es, pap) and proposes the journey that fits. No
 * service, no model: the text is normalised (lower case, accents off) and scored against phrase
 * patterns with weights; the best-scoring journey is proposed when it scores enough, with close
 * runners-up as alternatives. Shared by server and client; pure and total (never throws).
 */
import { JOURNEYS, type JourneyId } from './catalogue';

/** Everything the start page offers: the journeys, and the overview of the coming elections. */
export type ChoiceId = JourneyId | 'elections';

export const START_CHOICES: readonly { id: ChoiceId; path: string }[] = Object.freeze([
	...JOURNEYS.map((j) => ({ id: j.id, path: j.path })),
	// Issue 4 items 2 and 7: what to do for each coming election, and the voting checklist.
	{ id: 'elections', path: '/elections' }
]);

export function choicePath(id: ChoiceId): string {
	return START_CHOICES.find((c) => c.id === id)!.path;
}

export function isChoiceId(s: unknown): s is ChoiceId {
	return typeof s === 'string' && START_CHOICES.some((c) => c.id === s);
}

/** Longer text is cut here: a request is a sentence, and the work must stay small. */
export const MAX_INPUT = 500;
const MAX_TOKENS = 80;

/**
 * Lower case, accents and punctuation off, split into words: "Ik bén mijn stem-bewijs kwijt!"
 * → ['ik', 'ben', 'mijn', 'stem', 'bewijs', 'kwijt']. Apostrophes split words ("l'étranger" →
 * 'l', 'etranger'; "I'm" → 'i', 'm'); ß, œ, æ and ĳ are spelled out.
 */
export function normalise(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	return text
		.slice(0, MAX_INPUT)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.filter(Boolean)
		.slice(0, MAX_TOKENS);
}

/** A phrase: words in a row, normalised like the text ("hasn't arrived" → hasn, t, arrived). */
type Phrase = readonly string[];
/**
 * A rule scores `weight` for a choice when, for every group, one of its phrases occurs in the
 * text, and none of the `unless` phrases does.
 */
type Rule = {
	to: ChoiceId;
	weight: number;
	groups: readonly Phrase[][];
	unless: readonly Phrase[];
};

const phrases = (list: readonly string[]): Phrase[] =>
	list.map((p) => normalise(p)).filter((p) => p.length > 0);

function rule(to: ChoiceId, weight: number, ...groups: (readonly string[])[]): Rule {
	return { to, weight, groups: groups.map(phrases), unless: [] };
}

const unless = (r: Rule, list: readonly string[]): Rule => ({ ...r, unless: phrases(list) });

// Word lists by meaning, every language side by side (normalised spelling: no accents).
const VOTE_VERB = [
	...['stem', 'stemmen', 'stemt', 'stemme'], // nl
	...['vote', 'votes', 'voting'], // en
	...['wahlen', 'wahlt', 'wahle', 'abstimmen', 'stimmen'], // de
	...['voter', 'vote', 'votera', 'votez'], // fr
	...['votar', 'vote', 'vota', 'votara'], // es
	...['vota'] // pap
];
const SOMEONE_ELSE = [
	...['zus', 'zuster', 'broer', 'moeder', 'vader', 'mama', 'papa', 'vrouw', 'man', 'partner'],
	...['vriend', 'vriendin', 'zoon', 'dochter', 'iemand', 'buurman', 'buurvrouw', 'collega'], // nl
	...['sister', 'brother', 'mother', 'mum', 'mom', 'father', 'dad', 'wife', 'husband'],
	...['friend', 'son', 'daughter', 'someone', 'somebody', 'neighbour', 'neighbor', 'colleague'], // en
	...['schwester', 'bruder', 'mutter', 'vater', 'frau', 'mann', 'freund', 'freundin', 'sohn'],
	...['tochter', 'jemand', 'nachbar', 'kollege', 'kollegin'], // de
	...['soeur', 'frere', 'mere', 'pere', 'femme', 'mari', 'ami', 'amie', 'fils', 'fille'],
	...['quelqu', 'quelquun', 'voisin', 'voisine', 'collegue'], // fr
	...['hermana', 'hermano', 'madre', 'padre', 'esposa', 'esposo', 'marido', 'mujer', 'pareja'],
	...['amigo', 'amiga', 'hijo', 'hija', 'alguien', 'vecino', 'vecina', 'colega'], // es
	...['ruman', 'tata', 'kasa', 'amigu', 'amiga', 'yu', 'hende', 'bisiña', 'bisina'] // pap
];
const LOST = [
	...['kwijt', 'kwijtgeraakt', 'verloren', 'verloor', 'zoekgeraakt', 'gestolen'],
	...['beschadigd', 'niet ontvangen', 'nooit ontvangen', 'niet gekregen', 'nooit gekregen'],
	...['niet aangekomen', 'nooit aangekomen', 'niet gekomen', 'nog niet binnen', 'niet binnen'], // nl
	...['lost', 'lose', 'losing', 'missing', 'stolen', 'damaged', 'never arrived', 'not arrived'],
	...['hasn t arrived', 'didn t arrive', 'did not arrive', 'never came', 'never received'],
	...['not received', 'haven t received', 'didn t get', 'did not get', 'never got', 'cannot find'],
	...['can t find', 'not come', 'hasn t come', 'haven t arrived', 'have not arrived'],
	...['has not arrived', 'haven t come', 'have not come', 'not received'], // en
	...['verloren', 'verlegt', 'gestohlen', 'beschadigt', 'nicht erhalten', 'nie erhalten'],
	...['nicht bekommen', 'nicht angekommen', 'nie angekommen', 'nicht gekommen', 'finde ihn nicht'], // de
	...['perdu', 'perdue', 'egare', 'egaree', 'vole', 'abime', 'pas recu', 'jamais recu'],
	...['pas arrive', 'jamais arrive', 'pas reçu', 'trouve plus'], // fr
	...['perdi', 'perdido', 'perdida', 'extravie', 'extraviado', 'robado', 'robada', 'no recibi'],
	...['no he recibido', 'nunca recibi', 'no ha llegado', 'no llego', 'nunca llego', 'no me llego'],
	...['no encuentro'], // es
	...['perde', 'pèrde', 'no a risibi', 'nunka a risibi', 'no a yega', 'nunka a yega', 'hurta'] // pap
];
const PAPERS = [
	...['stembewijs', 'briefstembewijs', 'stempas', 'stembiljet', 'stembescheiden', 'stempapieren'],
	...['stemformulier', 'retourenvelop', 'enveloppe'], // nl
	...['certificate', 'voting papers', 'ballot', 'ballot paper', 'ballot papers'],
	...['voting pack', 'voting documents', 'polling card'], // en
	...['briefwahlschein', 'wahlschein', 'wahlunterlagen', 'briefwahlunterlagen', 'stimmzettel'],
	...['wahlbenachrichtigung'], // de
	...['certificat', 'documents de vote', 'materiel de vote', 'bulletin', 'bulletin de vote'], // fr
	...['certificado', 'documentacion electoral', 'papeleta', 'papeletas', 'boleta'], // es
	...['sertifikado', 'dokumento di votashon', 'dokumentonan di votashon', 'boleta'] // pap
];
const HOLIDAY = [
	...['vakantie', 'reis', 'op reis', 'zakenreis', 'tijdelijk', 'tijdelijk in het buitenland'], // nl
	...['holiday', 'holidays', 'vacation', 'travelling', 'traveling', 'trip', 'business trip'],
	...['temporarily', 'temporary'], // en
	...['urlaub', 'ferien', 'reise', 'verreist', 'geschaftsreise', 'vorubergehend'], // de
	...['vacances', 'voyage', 'en voyage', 'deplacement', 'temporairement'], // fr
	...['vacaciones', 'viaje', 'de viaje', 'temporalmente'], // es
	...['vakansi', 'biahe', 'di biahe', 'temporalmente'] // pap
];
const ELECTION_DAY = [
	...[
		'verkiezingsdag',
		'dag van de verkiezing',
		'dag van de verkiezingen',
		'tijdens de verkiezing'
	],
	...['tijdens de verkiezingen', 'tijdens de stemming', 'bij de verkiezingen'], // nl
	...['election day', 'day of the election', 'during the election', 'during the elections'],
	...['on polling day', 'for the election', 'for the elections'], // en
	...['wahltag', 'am tag der wahl', 'wahrend der wahl', 'wahrend der wahlen', 'bei der wahl'], // de
	...['jour du scrutin', 'jour de l election', 'jour des elections', 'pendant l election'],
	...['pendant les elections', 'lors des elections', 'lors de l election'], // fr
	...[
		'dia de la eleccion',
		'dia de las elecciones',
		'durante la eleccion',
		'durante las elecciones'
	],
	...['dia de la votacion'], // es
	...['dia di elekshon', 'dia di votashon', 'durante elekshon', 'durante e elekshon'] // pap
];
const LIVE_IN_NL = [
	...['woon in nederland', 'ik woon in nederland', 'wonend in nederland'],
	...['live in the netherlands', 'living in the netherlands', 'live in holland'],
	...['wohne in den niederlanden', 'lebe in den niederlanden', 'wohne in holland'],
	...['habite aux pays bas', 'vis aux pays bas'],
	...['vivo en los paises bajos', 'vivo en holanda', 'resido en los paises bajos'],
	...['ta biba na hulanda', 'biba na hulanda']
];
const ABROAD = [
	...['buitenland', 'in het buitenland'],
	...['abroad', 'away', 'out of the country', 'outside the netherlands'],
	...['ausland', 'im ausland'],
	...['etranger', 'a l etranger'],
	...['extranjero', 'en el extranjero', 'fuera del pais'],
	...['eksterior', 'den eksterior', 'pafo di hulanda']
];
const MOVED = [
	...['verhuisd', 'verhuis', 'verhuizen', 'verhuizing', 'verhuist', 'verhuisde', 'verkast'], // nl
	...['moved', 'move', 'moving', 'relocated', 'relocating', 'relocate'], // en
	...['umgezogen', 'umzug', 'umziehen', 'ziehe um', 'zog um'], // de
	...['demenage', 'demenagement', 'demenager', 'demenagee'], // fr
	...['mudado', 'mudanza', 'mude', 'mudo', 'mudare', 'trasladado', 'traslado'], // es
	...['muda', 'a muda', 'mudansa'] // pap
];
const CHANGE = [
	...['wijzig', 'wijzigen', 'wijziging', 'wijzigingen', 'veranderen', 'verander', 'aanpassen'],
	...['doorgeven', 'adreswijziging'], // nl
	...['change', 'changed', 'changing', 'update', 'updated', 'amend'], // en
	...['andern', 'anderung', 'geandert', 'aktualisieren', 'korrigieren', 'mitteilen'], // de
	...['modifier', 'modification', 'changer', 'change', 'changement', 'mettre a jour', 'corriger'], // fr
	...['cambiar', 'cambio', 'cambie', 'modificar', 'modificacion', 'actualizar', 'corregir'], // es
	...['kambia', 'kambio', 'kambiamentu', 'drecha'] // pap
];
const DETAILS = [
	...['adres', 'nieuw adres', 'ander adres', 'correspondentieadres', 'e mailadres', 'emailadres'],
	...['e mail', 'email', 'telefoonnummer', 'naam', 'achternaam', 'registratie', 'gegevens'], // nl
	...['address', 'new address', 'email', 'e mail', 'phone', 'phone number', 'name', 'surname'],
	...['registration', 'details'], // en
	...['adresse', 'neue adresse', 'e mail', 'telefonnummer', 'name', 'nachname', 'registrierung'],
	...['daten', 'angaben'], // de
	...['adresse', 'nouvelle adresse', 'e mail', 'courriel', 'telephone', 'nom', 'inscription'],
	...['coordonnees'], // fr
	...['direccion', 'nueva direccion', 'correo', 'correo electronico', 'telefono', 'nombre'],
	...['apellido', 'inscripcion', 'datos'], // es
	...['adres', 'adres nobo', 'e mail', 'telefon', 'number di telefon', 'nomber', 'registrashon'] // pap
];
const REMOVE = [
	...['uitschrijven', 'uitgeschreven worden', 'afmelden', 'verwijder mij', 'verwijder me'],
	...['verwijderd worden', 'niet meer registreren', 'registratie beeindigen', 'stoppen met'], // nl
	...['unregister', 'deregister', 'remove me', 'be removed', 'delete my registration'],
	...['cancel my registration', 'unsubscribe', 'opt out', 'stop receiving'], // en
	...['abmelden', 'austragen', 'streichen', 'loschen', 'gestrichen werden'], // de
	...['radier', 'radie', 'desinscrire', 'desinscription', 'supprimer mon inscription'], // fr
	...['dar de baja', 'darme de baja', 'baja', 'borrar mi inscripcion', 'cancelar mi inscripcion'], // es
	...['sali for di registro', 'kita mi for di', 'stop registrashon'] // pap
];
const REGISTER = [
	...['registreren', 'registreer', 'registratie', 'inschrijven', 'inschrijving', 'aanmelden'], // nl
	...['register', 'registration', 'sign up', 'enrol', 'enroll', 'enrolment', 'enrollment'], // en
	...['registrieren', 'registrierung', 'anmelden', 'anmeldung', 'eintragen', 'eintragung'], // de
	...['inscrire', 'inscription', 'inscrit', 'enregistrer', 'enregistrement'], // fr
	...['inscribirse', 'inscribirme', 'inscripcion', 'registrarse', 'registrarme', 'empadronarme'], // es
	...['registra', 'registrashon', 'registrami'] // pap
];
const EMIGRATED = [
	...['geemigreerd', 'emigreer', 'emigreren', 'emigratie', 'verhuisd naar het buitenland'],
	...['naar het buitenland verhuisd', 'woon in het buitenland', 'woon buiten nederland'],
	...['woon nu in', 'ik woon in'], // nl
	...[
		'emigrated',
		'emigrating',
		'emigrate',
		'expat',
		'moved abroad',
		'live abroad',
		'living abroad'
	],
	...['live outside the netherlands', 'i live in', 'i now live in', 'moving abroad'], // en
	...['ausgewandert', 'auswandern', 'auswanderung', 'wohne im ausland', 'lebe im ausland'],
	...['wohne jetzt in', 'ich wohne in', 'ich lebe in'], // de
	...['expatrie', 'expatriee', 'expatriation', 'vis a l etranger', 'habite a l etranger'],
	...['j habite', 'je vis', 'je vis a', 'je vis en'], // fr
	...['emigre', 'emigrado', 'emigrada', 'vivo en el extranjero', 'resido en el extranjero'],
	...['vivo en', 'ahora vivo en', 'resido en'], // es
	...['mi ta biba', 'mi ta biba na', 'emigra', 'a emigra'] // pap
];
const WANT_TO_VOTE = [
	...['wil stemmen', 'kan ik stemmen', 'mag ik stemmen', 'hoe stem ik', 'hoe kan ik stemmen'],
	...['stemmen vanuit het buitenland', 'vanuit het buitenland stemmen'], // nl
	...['want to vote', 'can i vote', 'how do i vote', 'how can i vote', 'vote from abroad'],
	...['voting from abroad', 'allowed to vote'], // en
	...['mochte wahlen', 'will wahlen', 'kann ich wahlen', 'darf ich wahlen', 'wie wahle ich'],
	...['aus dem ausland wahlen', 'vom ausland aus wahlen'], // de
	...['veux voter', 'voudrais voter', 'puis je voter', 'comment voter', 'voter de l etranger'],
	...['voter depuis l etranger'], // fr
	...['quiero votar', 'puedo votar', 'como voto', 'como puedo votar', 'votar desde el extranjero'], // es
	...['ke vota', 'por vota', 'kon mi por vota', 'kiko mi mester hasi pa vota', 'vota for di'] // pap
];
const AM_I_REGISTERED = [
	...['ben ik ingeschreven', 'ben ik geregistreerd', 'sta ik ingeschreven', 'sta ik geregistreerd'],
	...['ben ik nog ingeschreven', 'ben ik nog geregistreerd', 'sta ik nog ingeschreven'],
	...['sta ik nog geregistreerd', 'sta ik in het register', 'ben ik al geregistreerd'],
	...['ben ik al ingeschreven'], // nl
	...[
		'am i registered',
		'am i still registered',
		'am i already registered',
		'am i on the register'
	],
	...['is my registration', 'registration status', 'whether i am registered', 'if i am registered'],
	...['if i m registered', 'am i enrolled'], // en
	...['bin ich registriert', 'bin ich noch registriert', 'bin ich eingetragen'],
	...['bin ich schon registriert', 'ob ich registriert bin', 'ob ich eingetragen bin'], // de
	...['suis je inscrit', 'suis je inscrite', 'suis je toujours inscrit', 'suis je enregistre'],
	...['si je suis inscrit', 'si je suis inscrite', 'je suis inscrit ou'], // fr
	...['estoy inscrito', 'estoy inscrita', 'estoy registrado', 'estoy registrada'],
	...['sigo inscrito', 'sigo inscrita', 'si estoy inscrito', 'si estoy inscrita'], // es
	...['mi ta registra', 'ta mi ta registra', 'si mi ta registra', 'mi ta inskribi'] // pap
];
const CHECK = [
	...['controleren', 'controleer', 'nakijken', 'checken', 'status'], // nl
	...['check', 'verify', 'confirm', 'status'], // en
	...['prufen', 'uberprufen', 'nachsehen', 'status'], // de
	...['verifier', 'controler', 'statut'], // fr
	...['comprobar', 'verificar', 'consultar', 'estado'], // es
	...['kontrola', 'chek', 'check', 'verifika'] // pap
];
const NOT_YET_REGISTERED = [
	...['niet ingeschreven', 'niet geregistreerd', 'nog niet ingeschreven', 'nog niet geregistreerd'],
	...['not registered', 'not yet registered', 'never registered', 'haven t registered'],
	...['nicht registriert', 'noch nicht registriert', 'nicht eingetragen'],
	...['pas inscrit', 'pas inscrite', 'pas encore inscrit', 'jamais inscrit'],
	...['no estoy inscrito', 'no estoy inscrita', 'no estoy registrado', 'nunca me inscribi'],
	...['no ta registra', 'no a registra', 'nunka a registra']
];
const PROXY = [
	...['volmacht', 'machtiging', 'machtigen', 'gemachtigde', 'kiezerspas'], // nl
	...['proxy', 'voter pass', 'vote on my behalf', 'on my behalf'], // en
	...['vollmacht', 'bevollmachtigen', 'bevollmachtigter', 'wahlerpass', 'in meinem namen'], // de
	...['procuration', 'mandataire', 'laissez passer', 'laissez passer electoral', 'en mon nom'], // fr
	...['delegacion de voto', 'delegar', 'delegar mi voto', 'apoderado', 'pase de elector'],
	...['en mi nombre', 'en mi lugar'], // es
	...['poder pa vota', 'pas di votado', 'na mi nomber', 'na mi luga'] // pap
];
const FOR_ME = [
	...['voor mij', 'voor me', 'namens mij', 'in mijn plaats'], // nl
	...['for me', 'instead of me', 'in my place'], // en
	...['fur mich', 'statt mir', 'an meiner stelle'], // de
	...['pour moi', 'a ma place'], // fr
	...['por mi', 'en mi lugar'], // es
	...['pa mi', 'na mi luga'] // pap
];
const IN_PERSON_NL = [
	...['in nederland stemmen', 'stemmen in nederland', 'stembureau'], // nl
	...[
		'vote in the netherlands',
		'vote in person',
		'polling station',
		'in person in the netherlands'
	], // en
	...['in den niederlanden wahlen', 'personlich wahlen', 'wahllokal'], // de
	...['voter aux pays bas', 'bureau de vote', 'voter en personne'], // fr
	...['votar en los paises bajos', 'votar en persona', 'mesa electoral'], // es
	...['vota na hulanda', 'lokal di votashon'] // pap
];
const WHERE_IS = [
	...['waar blijft', 'waar is', 'nog steeds niet', 'nog geen'],
	...['where is', 'still no', 'still not', 'still haven t', 'not yet'],
	...['wo bleibt', 'wo ist', 'immer noch nicht', 'noch nicht', 'noch kein', 'noch keinen'],
	...['ou est', 'toujours pas', 'pas encore'],
	...['donde esta', 'todavia no', 'aun no', 'sigo sin'],
	...['unda ta', 'ainda no', 'te ainda no']
];
const REPLACE = [
	...['vervangend', 'vervanging', 'nieuw stembewijs', 'nieuwe stempas', 'duplicaat'],
	...['replacement', 'replace', 'new certificate', 'duplicate', 'another certificate'],
	...['ersatz', 'ersetzen', 'neuer wahlschein', 'neuen wahlschein'],
	...['remplacement', 'remplacer', 'nouveau certificat', 'duplicata'],
	...['sustitucion', 'sustituir', 'reemplazo', 'reemplazar', 'nuevo certificado', 'duplicado'],
	...['reemplaso', 'sertifikado nobo']
];
const NEW_DETAILS = [
	...['nieuw adres', 'nieuwe adres', 'ander adres', 'nieuw e mailadres', 'nieuw telefoonnummer'],
	...['new address', 'different address', 'new email', 'new phone number', 'new name'],
	...['neue adresse', 'neue e mail', 'neue telefonnummer', 'neuer name', 'geheiratet'],
	...['nouvelle adresse', 'nouvel e mail', 'nouveau numero', 'nouveau nom', 'je me suis marie'],
	...['nueva direccion', 'nuevo correo', 'nuevo telefono', 'nuevo nombre', 'me case'],
	...['adres nobo', 'e mail nobo', 'number nobo', 'nomber nobo', 'a kasa']
];
const WHEN_ELECTIONS = [
	...['volgende verkiezing', 'volgende verkiezingen', 'komende verkiezing', 'komende verkiezingen'],
	...['wanneer zijn de verkiezingen', 'wanneer is de verkiezing', 'deadline', 'deadlines'],
	...['uiterste datum', 'termijnen', 'checklist', 'wat moet ik doen', 'retourenvelop'], // nl
	...['next election', 'upcoming election', 'upcoming elections', 'coming elections'],
	...['when is the election', 'when are the elections', 'deadline', 'deadlines', 'cut off'],
	...['checklist', 'what do i need to do', 'what should i do', 'return envelope', 'key dates'], // en
	...['nachste wahl', 'nachsten wahlen', 'kommende wahl', 'kommenden wahlen', 'wann ist die wahl'],
	...['wann sind die wahlen', 'frist', 'fristen', 'termine', 'checkliste', 'was muss ich tun'],
	...['ruckumschlag'], // de
	...['prochaine election', 'prochaines elections', 'quand a lieu', 'date limite', 'dates limites'],
	...['delai', 'delais', 'que dois je faire', 'enveloppe retour', 'enveloppe de retour'], // fr
	...[
		'proxima eleccion',
		'proximas elecciones',
		'cuando es la eleccion',
		'cuando son las elecciones'
	],
	...[
		'fecha limite',
		'fechas limite',
		'plazo',
		'plazos',
		'que tengo que hacer',
		'sobre de retorno'
	], // es
	...['siguiente elekshon', 'proksimo elekshon', 'ki dia ta e elekshon', 'fecha limite'],
	...['kiko mi mester hasi', 'kiko mi tin ku hasi', 'sobre di retorno'] // pap
];
const BY_POST = [
	...['per brief', 'per post', 'briefstemmen'],
	...['by post', 'by mail', 'postal vote', 'postal voting'],
	...['per brief', 'briefwahl', 'per post'],
	...['par correspondance', 'par courrier', 'par la poste'],
	...['por correo', 'voto por correo'],
	...['pa karta', 'pa korreo']
];

// Built on first use: normalising every phrase cost a page that only links to a journey (the
// elections overview, via START_CHOICES) 9 ms of a phone's start.
let rules: readonly Rule[] | undefined;
const RULES = (): readonly Rule[] =>
	(rules ??= [
		// KW M 6b: a lost or never received postal voting certificate.
		rule('replacement', 5, LOST, PAPERS),
		rule('replacement', 4, WHERE_IS, PAPERS),
		rule('replacement', 1.5, LOST),
		rule('replacement', 1, PAPERS),
		rule('replacement', 3, REPLACE),

		// KW K 7, L 9: a proxy (volmacht) or a voter pass (kiezerspas).
		rule('vote_choice', 6, PROXY),
		rule('vote_choice', 5, VOTE_VERB, FOR_ME),
		rule('vote_choice', 3, SOMEONE_ELSE, VOTE_VERB),
		rule('vote_choice', 4, IN_PERSON_NL),

		// KW M 1(2), M 3: living in the Netherlands, abroad on election day.
		rule('temporarily_abroad', 4, HOLIDAY),
		rule('temporarily_abroad', 3, ELECTION_DAY, ABROAD),
		rule('temporarily_abroad', 2, ELECTION_DAY, HOLIDAY),
		rule('temporarily_abroad', 5, LIVE_IN_NL, ABROAD),
		rule('temporarily_abroad', 1, BY_POST),

		// KW D 3(3), D 6: change the registration or end it.
		rule('change', 3, MOVED),
		rule('change', 3, CHANGE),
		rule('change', 3, CHANGE, DETAILS),
		rule('change', 2, NEW_DETAILS),
		rule('change', 6, REMOVE),

		// KW D 2, D 3: register as a voter abroad.
		rule('registration', 3, REGISTER),
		rule('registration', 2, MOVED),
		unless(rule('registration', 4, EMIGRATED), LIVE_IN_NL),
		rule('registration', 3, WANT_TO_VOTE),
		rule('registration', 6, NOT_YET_REGISTERED),
		rule('registration', 1, BY_POST),

		// KW D 5: am I registered?
		rule('status', 8, AM_I_REGISTERED),
		rule('status', 5, CHECK, REGISTER),

		// The coming elections: what to do by when, and the voting checklist.
		rule('elections', 4, WHEN_ELECTIONS),
		rule('elections', 1, BY_POST)
	]);

/** Below this score nothing is proposed: a single weak hint is no understanding. */
export const MIN_SCORE = 2;
/** A runner-up at least this share of the best is offered too ("or did you mean …"). */
const CLOSE = 0.4;

export type Match = { id: ChoiceId; score: number };

export type Understanding = {
	/** Every choice that scored, best first (ties in the start page's order). */
	matches: Match[];
	/** The proposal ("Did you mean …?"), or null when the text was not understood. */
	proposal: ChoiceId | null;
	/** Close runners-up, offered beside the proposal (at most two). */
	alternatives: ChoiceId[];
	/** 0 to 1: how clearly the proposal beats everything else. 0 without a proposal. */
	confidence: number;
};

function occurs(tokens: readonly string[], p: Phrase): boolean {
	outer: for (let start = 0; start + p.length <= tokens.length; start++) {
		for (let i = 0; i < p.length; i++) if (tokens[start + i] !== p[i]) continue outer;
		return true;
	}
	return false;
}

/** Reads a request and proposes a choice. Total: any input, even hostile, gives an answer. */
export function understand(text: unknown): Understanding {
	const tokens = normalise(text);
	const scores = new Map<ChoiceId, number>();
	// Each phrase is looked for once, however many rules share it.
	const seen = new Map<string, boolean>();
	const has = (p: Phrase) => {
		const key = p.join(' ');
		let found = seen.get(key);
		if (found === undefined) seen.set(key, (found = occurs(tokens, p)));
		return found;
	};
	if (tokens.length > 0) {
		for (const r of RULES()) {
			if (r.groups.every((group) => group.some(has)) && !r.unless.some(has)) {
				scores.set(r.to, (scores.get(r.to) ?? 0) + r.weight);
			}
		}
	}
	const order = (id: ChoiceId) => START_CHOICES.findIndex((c) => c.id === id);
	const matches = [...scores.entries()]
		.map(([id, score]) => ({ id, score }))
		.sort((a, b) => b.score - a.score || order(a.id) - order(b.id));
	const [best, second] = matches;
	if (!best || best.score < MIN_SCORE) {
		return { matches, proposal: null, alternatives: [], confidence: 0 };
	}
	return {
		matches,
		proposal: best.id,
		alternatives: matches
			.slice(1)
			.filter((m) => m.score >= best.score * CLOSE)
			.slice(0, 2)
			.map((m) => m.id),
		confidence: best.score / (best.score + (second?.score ?? 0) + 1)
	};
}

export type Asked =
	| { ok: true; text: string; understanding: Understanding }
	| { ok: false; text: string; error: 'home_ask_error_empty' | 'home_ask_error_too_long' };

/** The start page's free-text box as posted: checked, then understood. Errors are message keys. */
export function ask(value: unknown): Asked {
	const text = typeof value === 'string' ? value : '';
	if (text.trim() === '') return { ok: false, text, error: 'home_ask_error_empty' };
	if (text.length > MAX_INPUT) {
		return { ok: false, text: text.slice(0, MAX_INPUT), error: 'home_ask_error_too_long' };
	}
	return { ok: true, text, understanding: understand(text) };
}
