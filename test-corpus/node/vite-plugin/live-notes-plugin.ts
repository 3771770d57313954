// A Vite plugin that listens on the dev server's HMR channel for notes the page sends, and pushes
// them back to every open page. The channel belongs to Vite (which decides which pages may connect),
// so it is an inventory entry, not an origin finding of the plugin.
import type { Plugin, ViteDevServer } from 'vite';
import { appendFileSync } from 'node:fs';

export default function liveNotes(): Plugin {
  return {
    name: 'live-notes',
    configureServer(server: ViteDevServer) {
      // safe: js/ws-server-origin-check
      server.ws.on('live-notes:add', (data: { text: string }) => {
        appendFileSync('.notes.log', `${data.text}\n`);
        server.ws.send('live-notes:update', data);
      });
      // safe: js/ws-server-origin-check
      server.ws.on('connection', () => server.ws.send('live-notes:hello', {}));
    },
  };
}
