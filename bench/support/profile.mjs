/**
 * Where a server's CPU time went, from a V8 CPU profile (`node --cpu-prof`): self time summed by
 * where the code lives (a package in node_modules, the app's own build, Node's internals, the
 * garbage collector), and the functions with the most self time.
 */
import { readFileSync } from 'node:fs';

function placeOf(url) {
	if (!url) return 'V8 / native';
	if (url.startsWith('node:')) return 'Node.js internals';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
	if (pkg) return pkg;
	const built = /\/build\/server\/(.*)$/.exec(url)?.[1];
	if (built)
		return built.includes('chunks/')
			? 'app build (chunks: SvelteKit runtime, services, pages)'
			: 'app build (entry, index)';
	if (url.includes('/build/')) return 'app build (handler, adapter-node)';
	return url.replace(/^file:\/\//, '');
}

export function summariseProfile(file, top = 15) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map();
	const intervals = profile.timeDeltas ?? [];
	profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (intervals[i] ?? 0)));
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	const places = new Map();
	const functions = new Map();
	for (const [id, us] of self) {
		const node = byId.get(id);
		const { functionName, url, lineNumber } = node.callFrame;
		const special = /^\((idle|program|garbage collector|root)\)$/.test(functionName)
			? functionName
			: null;
		const place = special ?? placeOf(url);
		places.set(place, (places.get(place) ?? 0) + us);
		const fn = special ?? `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
		functions.set(fn, (functions.get(fn) ?? 0) + us);
	}
	const busy = total - (places.get('(idle)') ?? 0);
	const share = (entries) =>
		[...entries]
			.filter(([name]) => name !== '(idle)')
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, us]) => ({ name, ms: us / 1000, share: us / busy }));
	return {
		busyMs: busy / 1000,
		idleMs: (places.get('(idle)') ?? 0) / 1000,
		places: share(places),
		functions: share(functions)
	};
}
