import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '..', 'dist', 'client'),
    emptyOutDir: true,
    sourcemap: false,
    // MapLibre alone is ~1,1 MB minified; it is loaded lazily with the map, so its size does not block the first view.
    chunkSizeWarningLimit: 1200,
    // Every browser the app supports has <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // One chunk per part of the app a visit loads together (decision 0108): the map page, the
        // programme and report pages, the area pages. Without groups the bundler makes a chunk per
        // lazy page and per shared module, and 15 small chunks gzip about 2 KB worse than these.
        // Only the named modules move (not their imports), so the entry keeps what the dashboard needs.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'kaart',
              test: /client\/src\/(map\/|ui\/(AreaTable|Legend)\.tsx|shared\/colourScale\.ts)/,
            },
            { name: 'programma', test: /client\/src\/programme\/(Programme|Report|PlanTimeline)/ },
            { name: 'gebied', test: /client\/src\/(profile\/|programme\/AreaInspanningen)/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
