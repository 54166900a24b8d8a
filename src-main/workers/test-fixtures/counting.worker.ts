// Test worker: counts to `upTo`, reporting every `every`; fails on demand. Uses the @shared alias on purpose.
import { UserFacingError } from '@shared/ipc/ipc-result';
import { hostWorker } from '../worker-host';

hostWorker<{ upTo: number; every: number; fail?: boolean }, { done: number }, { sum: number }>((input, report) => {
  if (input.fail) throw new UserFacingError('list-unreadable', 'Liste illisible');
  let sum = 0;
  for (let i = 1; i <= input.upTo; i++) {
    sum += i;
    if (i % input.every === 0) report({ done: i });
  }
  return { sum };
});
