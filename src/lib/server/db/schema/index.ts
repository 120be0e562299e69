export * from './elections';
export * from './drafts';
export * from './accounts';
export * from './applications';
export * from './registrations';
export * from './decisions';
export * from './certificates';
export * from './limits';
