/**
 * Replace control characters (C0, DEL, C1, line/paragraph separators) with `?` and tabs
 * with a space, so text taken from a hostile pack cannot move the cursor or recolour a
 * terminal. Newlines are kept only when `keepNewlines` is set.
 */
export function stripControl(text: string, keepNewlines = false): string {
  const tabs = text.replace(/\t/g, ' ');
  return keepNewlines ? tabs.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '?') : tabs.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}
