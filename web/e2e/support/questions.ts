import type { Locator, Page } from 'playwright-core';
import { waitUntilLive } from './browser';

/** The demo's Chủ tịch UBND xã, as the delegate's question form lists the position. */
export const DEMO_OFFICIAL_POSITION = 'Chủ tịch UBND xã (Đinh Công Minh)';

/**
 * A delegate starts a written question (phiếu chất vấn) to the demo's Chủ tịch UBND xã from the meeting
 * page: the question form, with the position chosen and the text typed, ready for references or "Gửi".
 */
export async function startWrittenQuestion(delegate: Page, meetingId: string, question: string): Promise<Locator> {
  await delegate.goto(`/meetings/${meetingId}`);
  await waitUntilLive(delegate);
  const panel = delegate.locator('[data-testid="my-questions"]');
  await panel.waitFor();
  await panel.locator('[data-testid="question-position"]').selectOption({ label: DEMO_OFFICIAL_POSITION });
  await panel.locator('[data-testid="question-body"]').fill(question);
  return panel;
}
