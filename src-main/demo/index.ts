/** Mode démo: local drop boxes that behave like MediasFlow (SFTP, REST), AllMySMS (FTP) and iSendPro (SMTP + IMAP). */
export { startDemoProviders, type DemoProviders, type DemoEndpoint, type StartDemoProvidersOptions } from './start-demo-providers';
export { defaultDemoTemplates, defaultDemoTimings, type DemoTemplate, type DemoTimings } from './demo-options';
export { demoHost, demoPaths } from './demo-paths';
export { demoConnectionConfigs } from './demo-connections';
export { loadOrCreateDemoCredentials, type DemoCredentials } from './demo-credentials';
