import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectWorkbench } from './api';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void connectWorkbench().then((connection) => {
  document.documentElement.dataset.transport = connection?.transport ?? 'none';

  if (connection) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  } else {
    // Opened without a session (the one-time link was used elsewhere, or the page came from a file): say how to get in instead of showing a broken app.
    createRoot(root).render(
      <main className="app-unconnected" role="alert">
        <h1>Plek Provisioning Workbench</h1>
        <p>
          Open de werkbank via de link die <code>plek-sync serve</code> of <code>npm start</code> toont (die
          link werkt één keer). / Open the workbench through the link printed by <code>plek-sync serve</code>{' '}
          or <code>npm start</code> (each link works once).
        </p>
      </main>,
    );
  }
});
