/**
 * Pack scenario tests (re-exported by the package root).
 *
 * @module
 */
export { runScenarios, scenarioInspection } from './run-scenarios.js';
export type { Evaluate, ScenarioSource } from './run-scenarios.js';
export type { ExpectedHazard, ScenarioBase, RuleCoverage, Scenario, ScenarioFailure, ScenarioFile, ScenarioResult, ScenarioRun } from './types.js';
