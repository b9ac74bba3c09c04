/**
 * Pack scenario tests (re-exported by the package root).
 *
 * @module
 */
export { conditionSummary, runScenarios, scenarioInspection } from './run-scenarios.js';
export type { Evaluate, ScenarioSource } from './run-scenarios.js';
export type { ExpectedHazard, LeafCoverage, ScenarioBase, RuleCoverage, Scenario, ScenarioFailure, ScenarioFile, ScenarioResult, ScenarioRun, ScenarioWarning } from './types.js';
