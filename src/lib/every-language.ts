/**
 * Messages a page shows in other languages than its own (each language's name in the language
 * switch, in that language): the browser's catalogue has these in all six (vite.config.ts,
 * `clientMessages`). tests/unit/catalogue.spec.ts finds every `m.key({}, { locale })` in the
 * browser's code and checks it is listed here.
 */
export const EVERY_LANGUAGE: readonly string[] = ['language_name', 'links_widget_frame_title'];
