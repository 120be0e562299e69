/** Where the voter's answers are: how many wait on this device, and whether they were all sent. */
export const saving = $state({ onDevice: 0, sent: false });
