/**
 * The updater runs only in the packaged desktop app: never in development
 * (`npm run dev`, `npm start`), tests or browser mode, where there is no
 * installed app to replace, and not when DROPDESK_UPDATES=off.
 */
export function updatesEnabled(context: { isPackaged: boolean; env: Record<string, string | undefined> }): boolean {
  return context.isPackaged && context.env.DROPDESK_UPDATES !== 'off';
}
