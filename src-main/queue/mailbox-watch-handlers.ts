/** queue:mailbox-watch: the iSendPro answer mailboxes the app watches now (Envois). */
import type { PartialHandlerMap } from '../ipc/handler-map';
import type { MailboxWatchService } from './drivers/mail/mailbox-watch-service';

export function createMailboxWatchHandlers(watch: Pick<MailboxWatchService, 'views'>): PartialHandlerMap<'queue:mailbox-watch'> {
  return {
    'queue:mailbox-watch': () => watch.views(),
  };
}
