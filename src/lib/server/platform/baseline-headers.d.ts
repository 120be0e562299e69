export declare const BASELINE_HEADERS: Readonly<Record<string, string>>;
export declare const WIDGET_PATH: RegExp;
export declare function isWidgetPath(pathname: string): boolean;
export declare const WIDGET_HEADERS: Readonly<Record<string, string>>;
export declare function baselineHeaders(pathname: string): Readonly<Record<string, string>>;
export declare const SERVICE_WORKER_PATH: string;
export declare const SERVICE_WORKER_HEADERS: Readonly<Record<string, string>>;
