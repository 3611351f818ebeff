/** Renderer entry: fonts and styles (all bundled, nothing from the network), AG Grid modules, the API, the app. */
import './zodJitless.js';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/dialog.css';
import './styles/workflow.css';
import './styles/settings.css';
import './styles/settings-parts.css';
import './styles/ledger.css';
import './styles/accounts.css';
import './styles/triage.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext.js';
import { pickTransport } from './api/connect.js';
import { createClient } from '../../preload/contract/client.js';
import { LoginGate } from './accounts/LoginGate.js';
import { withSession } from './accounts/sessionTransport.js';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import { ErrorsProvider } from './app/errors.js';
import { registerAgGrid } from './grid/registerAgGrid.js';

registerAgGrid();
// Every call goes through the login's transport: a dropped login is resumed or sends the clerk to 登录.
const transport = withSession(pickTransport().transport);
const client = createClient(transport);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ErrorsProvider>
        <ApiProvider client={client}>
          <LoginGate transport={transport}>
            <App />
          </LoginGate>
        </ApiProvider>
      </ErrorsProvider>
    </ErrorBoundary>
  </StrictMode>,
);
