// The anjian HTTP API inside an Express application: mounted before any body parser (the API
// reads its own body), with the full URL kept. Authentication is the host's: here a demo
// header names the actor; use your session or token check instead.
import express from 'express';
import { createMemoryStore, createStaticDirectory, createWorkingDayCalendar } from '@anjian/core';
import { loadPackFromPackage } from '@anjian/core/node';
import { createAnjianApi, toNodeHandler } from '@anjian/http';

/** An Express app serving the anjian API under /api and its own routes after it. */
export async function createApp() {
  const loaded = await loadPackFromPackage('@anjian/pack-gas', { from: import.meta.url });
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message.en).join('\n'));
  const directory = createStaticDirectory([{ id: 'owner-1', roles: ['enterprise'], enterpriseIds: ['E1'] }], [{ id: 'E1', name: '示例餐馆', area: 'D1/G1' }]);
  const api = createAnjianApi({
    // In memory for the example: everything is gone when the process stops. A host keeps its
    // records in @anjian/store-sqlite (createSqliteStore({ path })) or @anjian/store-postgres.
    store: createMemoryStore(),
    directory,
    calendar: createWorkingDayCalendar({ years: exampleYears(), holidays: [], workdays: [] }),
    packs: [loaded.pack],
    basePath: '/api',
    logger: false,
    authenticate: async (request) => request.headers.get('x-demo-actor'),
  });
  const app = express();
  const anjian = toNodeHandler(api, { logger: false });
  app.use('/api', (req, res) => {
    req.url = req.originalUrl;
    void anjian(req, res);
  });
  app.use(express.json());
  app.get('/', (_req, res) => res.send('anjian example 02: the API is under /api'));
  return app;
}

/**
 * The years this example's calendar covers: this year and the next (China time), with NO holidays
 * loaded — an example's choice, so that it runs in any year. A host lists the years whose State
 * Council arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) it has loaded, with their holidays and
 * make-up working days; a working-day deadline reaching a year not listed is then refused
 * (503 CALENDAR_NOT_COVERED), never counted as plain Mon–Fri.
 */
function exampleYears() {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  return [year, year + 1];
}
