/** The contract suite, run over both transports the UI can use. */
import { createInProcessTransport, createWebTransport, startTestWebServer } from '../../support/transports.js';
import { contractSuite } from './suite.js';
import { loginAs } from '../../support/accounts.js';

contractSuite('in-process dispatch', async (app) => ({ transport: createInProcessTransport(app), teardown: async () => undefined }));

contractSuite('loopback WebSocket (startWebServer)', async (app) => {
  const web = await startTestWebServer(app);
  const transport = createWebTransport(web.server);
  // A browser-mode socket needs a login (issue 7); the in-process transport acts as the system actor.
  await loginAs(app, transport);
  return {
    transport,
    async teardown() {
      transport.close();
      await web.close();
    },
  };
});
