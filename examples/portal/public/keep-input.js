// What the user typed but has not sent survives a language switch: the switch redraws the page
// (every label in the other language), so the form controls are read before and written back
// after — also those a page draws later (the checklist's questions appear once its pack has
// loaded, a question shown by an earlier answer once that answer is back).

/** The controls of `root` whose input is kept: every input, select and textarea but buttons. */
const controls = (root) => [...root.querySelectorAll('input, select, textarea')].filter((c) => !['button', 'submit', 'reset', 'image', 'hidden'].includes(c.type));

/**
 * A control's key across the redraw: its id; a checkbox or radio without one by the nearest
 * element with an id, its name and its value. None (not kept) when it has neither.
 */
function keyOf(c) {
  if (c.id) return `#${c.id}`;
  if (c.type !== 'checkbox' && c.type !== 'radio') return null;
  const holder = c.parentElement?.closest('[id]');
  return holder ? `${holder.id}|${c.name}|${c.value}` : null;
}

/** What the user has entered into `root`'s controls, in document order (files as the chosen FileList). */
export function keepInput(root) {
  const kept = [];
  for (const c of controls(root)) {
    const key = keyOf(c);
    if (!key) continue;
    if (c.type === 'checkbox' || c.type === 'radio') kept.push({ key, checked: c.checked });
    else if (c.type === 'file') {
      if (c.files?.length) kept.push({ key, files: c.files });
    } else if (c.multiple && c.options) kept.push({ key, selected: [...c.selectedOptions].map((o) => o.value) });
    else kept.push({ key, value: c.value });
  }
  return kept;
}

/** Writes one kept entry into control `c`; true when that changed it (then the page is told, as if the user had). */
function write(c, entry) {
  if ('checked' in entry) {
    if (c.checked === entry.checked) return false;
    c.checked = entry.checked;
  } else if ('files' in entry) {
    if (c.type !== 'file') return false;
    c.files = entry.files;
  } else if ('selected' in entry) {
    for (const o of c.options) o.selected = entry.selected.includes(o.value);
  } else {
    if (c.value === entry.value) return false;
    // a select whose options no longer include the value keeps its own
    if (c.tagName === 'SELECT' && ![...c.options].some((o) => o.value === entry.value)) return false;
    c.value = entry.value;
  }
  c.dispatchEvent(new Event('input', { bubbles: true }));
  c.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/**
 * Writes `kept` back into the redrawn `root`: now, and into controls that appear later, until
 * every entry is written, the user types or picks something themselves, or `signal` (the
 * navigation's) is aborted.
 */
export function restoreInput(root, kept, signal) {
  const pending = new Map(kept.map((e) => [e.key, e]));
  const apply = () => {
    for (const c of controls(root)) {
      const key = keyOf(c);
      const entry = key && pending.get(key);
      if (!entry) continue;
      pending.delete(key);
      write(c, entry);
    }
    if (!pending.size) stop();
  };
  const observer = new MutationObserver(apply);
  const byUser = (e) => {
    if (e.isTrusted) stop();
  };
  function stop() {
    observer.disconnect();
    root.removeEventListener('input', byUser, true);
    root.removeEventListener('change', byUser, true);
    signal.removeEventListener('abort', stop);
  }
  observer.observe(root, { childList: true, subtree: true });
  root.addEventListener('input', byUser, true);
  root.addEventListener('change', byUser, true);
  signal.addEventListener('abort', stop);
  apply();
}
