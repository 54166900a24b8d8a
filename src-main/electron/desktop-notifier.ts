import { Notification } from 'electron';

/** Desktop notifications (acceptance and rejection of drops). */
export const desktopNotifier = {
  notify({ title, body }: { title: string; body: string }): void {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  },
};
