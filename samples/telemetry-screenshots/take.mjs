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

  // The development certificate notice is no part of the picture.
  const notice = dash.getByRole('button', { name: /close/i }).first();
  if (await notice.isVisible().catch(() => false)) await notice.click();

  // Traces reach the dashboard within a second or two of their end (the AppHost sets a 1 s export delay): search
  // the Traces page by name, trying each name in turn, until one matches.
  async function openTrace(names, file, { detail = true } = {}) {
    for (let attempt = 0; attempt < 10; attempt++) {
      for (const name of names) {
        await dash.goto(traces);
        const search = dash.locator('fluent-text-input[name="traces-search"]');
        await search.click();
        await dash.keyboard.type(name);
        const link = dash.locator('a[href*="/traces/detail/"]').first();
        try {
          await link.waitFor({ timeout: 5_000 });
        } catch {
          continue;
        }
        if (detail) {
          await link.click();
          await dash.waitForURL(/\/traces\/detail\//);
          await dash.getByText(name).first().waitFor();
        }
        await dash.screenshot({ path: path.join(out, file) });
        console.log(`${file}: the trace found by "${name}"`);
        return;
      }
    }
    throw new Error(`no trace named like ${names.join(' or ')} in the dashboard`);
  }
  await openTrace(['callbacks'], 'telemetry-trace-list.png', { detail: false });
  await openTrace(['POST /api/callbacks/acs'], 'telemetry-trace-callback.png');
  // The product's action span when present, else the ACS request's client span (named by its method only).
  await openTrace(['action.execute', 'mute'], 'telemetry-trace-mute.png');
  console.log(`wrote ${out}/telemetry-trace-{list,callback,mute}.png`);
} finally {
  await browser.close();
}
