import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * One Vite build for every screen: each is its own page (kiosk/index.html, …) and they share
 * /assets/. The hub serves the output from dist/web; `npm run dev:web` proxies the API to a hub on
 * :8080 while editing a screen.
 */
const page = (path: string) => resolve(import.meta.dirname, path);

export default defineConfig({
  plugins: [preact()],
  base: '/',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: page('kiosk/index.html'),
        display: page('counter-display/display/index.html'),
        counter: page('counter-display/counter/index.html'),
        'counter-screen': page('counter-display/counter/screen/index.html'),
        survey: page('survey-terminal/index.html'),
        admin: page('admin/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } },
  },
});
