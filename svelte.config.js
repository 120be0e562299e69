import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Absolute asset paths (/_app/…): the service worker serves a page kept for offline use, or
		// the offline page, at another URL than it was made for, and relative paths would then
		// point elsewhere; the worker itself is registered at /service-worker.js from every page.
		paths: { relative: false },
		// The app's one stylesheet (7 kB, 2.6 kB compressed) goes into the page: one round trip
		// less before a phone on a slow line shows anything (issue 6, Lighthouse). Its hash is
		// added to the page's style-src by SvelteKit.
		inlineStyleThreshold: 10_000,
		// Forms post without JavaScript; SvelteKit's origin check stays on (CSRF).
		csrf: { trustedOrigins: [] },
		// A strict policy with nonces for SvelteKit's own inline bootstrap script; nothing inline
		// or eval'd otherwise, no plugins, no framing, forms post only to this origin.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// SvelteKit's route announcer hides itself with this one inline style
				// (sveltejs/kit#11993); allowing exactly its hash keeps 'unsafe-inline' out.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'upgrade-insecure-requests': false
			}
		}
	}
};

export default config;
