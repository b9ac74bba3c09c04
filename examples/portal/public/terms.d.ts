// Types of terms.js for the server's TypeScript (the browser loads terms.js as is).
/** One concept's terms. */
export interface Term {
  'zh-CN': string;
  en: string;
  note?: string;
}
/** The terminology table: concept groups, each from API code to terms. */
export declare const TERMS: Record<'level' | 'status' | 'domain' | 'command' | 'event' | 'evidence' | 'due' | 'queue' | 'role' | 'permitStatus' | 'permitEvent' | 'other', Record<string, Term>>;
/** The term of `code` in `group`, in `lang`; the code itself when unknown. */
export declare function term(group: keyof typeof TERMS, code: string, lang?: 'zh-CN' | 'en'): string;
