import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DEMO_DATASET, SPECIAL_RECORD_ID } from '@/emulator/demo-data.ts';
import { copiedText, expect, recordClipboard, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';

test('"Copy curl" gives a command that looks the record up when run in a shell', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const popup = await openExtensionPage('popup');
  await recordClipboard(popup);
  await expect(popup.getByLabel('Dataset')).toHaveValue(DEMO_DATASET);
  // An ID with a slash, query and fragment characters, a space and an accent: the quoting and
  // encoding must survive a real shell and a real HTTP request.
  await popup.getByLabel('Record ID').fill(SPECIAL_RECORD_ID);
  await popup.getByRole('button', { name: 'Copy curl' }).click();
  await expect.poll(() => copiedText(popup)).toMatch(/^curl /);
  const command = (await copiedText(popup))!;
  expect(command).toContain("'Authorization: Token ");

  // Asynchronously: the emulator answering curl lives in this same process.
  const { stdout: output } = await promisify(execFile)('bash', ['-c', command], { encoding: 'utf8', timeout: 10_000 });
  // The emulator answers in the shape live clients see: data is the list of rows.
  const answer = JSON.parse(output) as { meta: { code: number }; data: Array<{ customer_id: string }> };
  expect(answer.meta.code).toBe(200);
  expect(answer.data[0]?.customer_id).toBe(SPECIAL_RECORD_ID);
});
