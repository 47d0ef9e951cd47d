// Build-time constants defined in vite.config.ts.
declare const __VEX_VERSION__: string;
declare const __VEX_BUILD__: string;
