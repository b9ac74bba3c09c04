import { createApp } from './app.mjs';

const port = Number(process.env.PORT ?? 3000);
const app = await createApp();
await app.listen({ port, host: '127.0.0.1' });
console.log(`http://127.0.0.1:${port}/api/packs (header x-demo-actor: owner-1)`);
