// The pure rules of the portal: no I/O, no framework. See /work/shared/DOMAIN.md.
export * from './legal';
export * from './dates';
export * from './elections';
export * from './countries';
export * from './eligibility';
export * from './submission';
export * from './deadlines';
export * from './brp';
export * from './election-calendar';
export * from './decisions';
export * from './lookup';
export * from './status';
