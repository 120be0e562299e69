export * from './elections';
export * from './drafts';
