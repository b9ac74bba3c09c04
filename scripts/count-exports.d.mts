/** The root export budget of `@anjian/core`. */
export declare const ROOT_EXPORT_BUDGET: number;
/** The names a TypeScript entry file exports, sorted, each a value or a type. */
export declare function exportedNames(entry: string): { name: string; kind: 'value' | 'type' }[];
