import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startMapPage } from './shared/mapPageStart.ts';
import './styles.css';

// The map page's requests and MapLibre start now, in parallel with the page's own code (decision 0108).
if (window.location.pathname === '/kaart') startMapPage(new URLSearchParams(window.location.search));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
