/** The back office's roles (the `staff_role` enum), for code the browser also runs. */
export const STAFF_ROLES = ['clerk', 'decider', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
