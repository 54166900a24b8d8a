/**
 * The summary's "M'envoyer un test" step (issue 11 §4) stands before the real
 * send button: tests about something else skip it, as a user may.
 */
import type { Page } from 'playwright-core';

export async function skipSendTest(page: Page): Promise<void> {
  const skip = page.getByTestId('send-test-skip');
  if (await skip.count()) await skip.click();
}
