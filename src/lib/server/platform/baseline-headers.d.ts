export declare const BASELINE_HEADERS: Readonly<Record<string, string>>;
