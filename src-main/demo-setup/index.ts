/**
 * Mode démo at app start: create the demo runtime, put its endpoints in
 * MainDeps.demoEndpoints, build the handlers, then startAppServices().
 */
export { createDemoRuntime, demoEndpointOf, type DemoRuntime, type DemoRuntimeOptions } from './demo-runtime';
export { demoConnectionSpecs, demoSetupMarkerPath, ensureDemoConnections } from './ensure-demo-connections';
export { startAppServices, type AppServices } from './start-app-services';
