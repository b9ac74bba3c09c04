import type pg from 'pg';

/**
 * Coalesces point reads made in the same turn of the event loop into one round trip:
 * `read(keys)` answers every key at once (e.g. `WHERE hazard_id = ANY($1)`), and each
 * caller gets its own key's answer. The command path makes two point reads per command
 * (`findCommand`, `load`); with many commands in flight, one statement per turn instead of
 * one per command saves the server a wake-up, a bind and an execute for each. Each batch
 * is one statement, so one snapshot; a caller still reads a state committed after it
 * called (the batch is sent after the call). @internal
 */
export function createReadBatcher<T>(read: (keys: string[]) => Promise<Map<string, T>>, empty: T): (key: string) => Promise<T> {
  let waiting: Map<string, Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }>> | null = null;
  const flush = (batch: NonNullable<typeof waiting>) => {
    read([...batch.keys()]).then(
      (answers) => {
        for (const [key, callers] of batch) for (const c of callers) c.resolve(answers.get(key) ?? empty);
      },
      (error: unknown) => {
        for (const callers of batch.values()) for (const c of callers) c.reject(error);
      },
    );
  };
  return (key) =>
    new Promise<T>((resolve, reject) => {
      if (waiting === null) {
        const batch = new Map<string, Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }>>();
        waiting = batch;
        setImmediate(() => {
          waiting = null;
          flush(batch);
        });
      }
      const callers = waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
    });
}

/** Rows of `result` grouped by the text column `key`, in the order the statement returned them. @internal */
export function groupRows(result: pg.QueryResult, key: string): Map<string, Array<Record<string, unknown>>> {
  const out = new Map<string, Array<Record<string, unknown>>>();
  for (const row of result.rows as Array<Record<string, unknown>>) {
    const k = row[key] as string;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
