// Drives one mute on the board behind the AppHost's balancer, then opens the Aspire dashboard's Traces page and the
// traces of a callback and of the mute, and writes docs/screenshots/telemetry-trace-*.png.
// Usage (take.sh starts the AppHost and passes these): node take.mjs <dashboard login URL> <balancer URL> <emulator URL> <output folder>
import { chromium } from 'playwright-core';
import path from 'node:path';

const [login, board, emulator, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node take.mjs <dashboard login URL> <balancer URL> <emulator URL> <output folder>');
  process.exit(2);
}
const timeout = 60_000;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  // A call of the script's own with an ACS user on it (only ACS users can be muted).
  const created = await fetch(new URL('emulator/calls', emulator), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      platform: 'acs',
      caller: { kind: 'phoneNumber', value: '+14255550142' },
      participants: [{ kind: 'communicationUser', joinAfterSeconds: 0 }],
      invitationBehavior: 'ringForever',
      mediaDurationSeconds: 600,
    }),
  });
  if (created.status !== 201) throw new Error(`POST emulator/calls answered ${created.status}`);
  const { callId } = await created.json();

  // The mute, as a supervisor does it: sign in on the development provider's page, open the call, click Mute.
  const boardPage = await (await browser.newContext({ viewport: { width: 1366, height: 820 } })).newPage();
  boardPage.setDefaultTimeout(timeout);
  await boardPage.goto(`${board.replace(/\/$/, '')}/?call=${encodeURIComponent(callId)}`);
  await boardPage.getByRole('button', { name: /^Sam Supervisor/ }).click();
  await boardPage.locator("#app-shell[data-interactive='true']").waitFor();
  const detail = boardPage.getByRole('region', { name: 'Call detail' });
  const row = detail.getByRole('list', { name: 'Participants' }).locator("li[data-kind='CommunicationUser']").first();
  await row.getByRole('button', { name: /^Mute / }).click();
  await row.filter({ hasText: 'Muted' }).waitFor();
  console.log(`muted the ACS user of call ${callId}`);

  // The dashboard: the login URL carries its browser token.
  const dash = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  dash.setDefaultTimeout(timeout);
  await dash.goto(login);
  const traces = new URL('/traces', login).href;

  // The notice about the missing development certificate (the AppHost runs over plain http) is no part of the picture.
  const hideNotice = () => dash.evaluate(() => document.querySelectorAll('.dashboard-message-bar-content').forEach(content => {
    let bar = content;
    while (bar.parentElement && bar.parentElement.offsetHeight < 80) bar = bar.parentElement;
    bar.style.display = 'none';
  }));

  // Traces reach the dashboard within a second or two of their end (the AppHost sets a 1 s export delay): filter the
  // Traces page by name until a row matches, then open that trace.
  async function openTrace(filter, row, file, { detail = true } = {}) {
    for (let attempt = 0; attempt < 10; attempt++) {
      await dash.goto(traces);
      const search = dash.locator('fluent-text-input[name="traces-search"] input');
      await search.fill(filter);
      await search.press('Enter');
      // A trace with spans of more than one resource when there is one (a callback that made ACS requests), else any.
      const rows = dash.getByRole('row').filter({ has: dash.getByText(row) });
      const richer = rows.filter({ hasText: 'emulator' }).first();
      const match = (await richer.count()) > 0 ? richer.getByText(row) : rows.first().getByText(row);
      try {
        await match.waitFor({ timeout: 5_000 });
      } catch {
        continue;
      }
      const name = await match.textContent();
      if (detail) {
        await match.click();
        await dash.waitForURL(/\/traces\/detail\//);
        // The detail page is rendered by the dashboard's circuit after the URL changed: wait for the list to go.
        await dash.locator('fluent-text-input[name="traces-search"]').waitFor({ state: 'detached' });
        await dash.waitForTimeout(1_000);
      }
      await hideNotice();
      await dash.screenshot({ path: path.join(out, file) });
      console.log(`${file}: ${name}`);
      return true;
    }
    console.log(`${file}: no trace named like ${row} in the dashboard`);
    return false;
  }
  await openTrace('api/callbacks', /: POST \/api\/callbacks\/acs$/, 'telemetry-trace-list.png', { detail: false });
  await openTrace('api/callbacks/acs', /: POST \/api\/callbacks\/acs$/, 'telemetry-trace-callback.png');
  // The product's span of a supervisor action (only the product's spans name the mute; ASP.NET Core's and
  // HttpClient's are named by their method and route).
  if (!await openTrace('action', /: action\.execute$/, 'telemetry-trace-mute.png')) process.exitCode = 1;
  console.log(`done: the pictures are in ${out}`);
} finally {
  await browser.close();
}
