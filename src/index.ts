/**
 * ddss: data quality for specialised government databases — "đúng, đủ, sạch, sống"
 * (correct, sufficient, clean, live). The engine, field specs, rules, sources and outputs.
 */
export {
  defineDataset, type DatasetInput, type DatasetRules, type FieldsInput, type Infer, type RowOf, type TypedDataset, type ValueOf,
} from './define.js';
export { field, type FieldRuleOf, type FieldSpec } from './field.js';
export { rule, type Rules } from './rule.js';
export type { ReportOf, RuleIdFor, RuleIdOf, TypedReport } from './rule-id.js';
export { validate, defaultWorkers } from './validate.js';
export type { RecordOptions, RowWith } from '../rules/correct/record.js';
export type { RowInput } from './core/validate.js';
export { createValidator } from './create-validator.js';
export type { Validator } from './core/validator.js';
export { SinkFailure } from './core/sink-waits.js';
export { gradeRecords } from './core/grade-records.js';
export type { RecordGrade, GradeHistogram } from './core/grades.js';
export type { RunTimings } from './core/timings.js';
export type { GroupBreakdown, GroupSummary } from './core/grade-tally.js';
export { toJson, reportObject } from './outputs/json.js';
export { DEFAULT_MISSING_VALUES } from './core/missing.js';
export { renderMessage, builtinCodes, type MessageTable } from './core/message.js';
export { maskValue } from './core/mask.js';
export { valueRule, recordRule, aggregateRule, notKnown, type MetaFor, type OwnOptionKeys, type RuleMeta } from './core/rule-base.js';
export { isTabularSource, type TabularSource, type RowBatch, type SourceIssue, type SourceRead } from './core/source.js';
export type { ValidatorState, RuleState } from './core/state.js';
export { INVALID, CRITERIA } from './core/types.js';
export type {
  AggregateRule, BaselineSummary, BaselineWorse, CheckResult, Criterion, CriterionResult, DatasetDefinition, DatasetFinding, DatasetOutcome,
  DatasetRule, DatasetStatus, FieldRule, FieldSpecData, FieldType, Finding, FinishContext, Locale, LocalizedText,
  MergeOffset, Parser, PiiMode, RecordKey, RecordRule, Report, Rule, RuleContext, RuleOptions, RuleResult,
  RuleStatus, RunContext, Sample, Severity, SourceInfo, TypedRow, ValidateOptions, ValueRule, Violation,
} from './core/types.js';
export { toHtml, type HtmlOptions } from './outputs/html.js';
export { toWorklistHtml, type WorklistGroup, type WorklistHtmlOptions } from './outputs/worklist-html.js';
export type { GradedRow } from './outputs/_html-graded.js';
export { toJUnit, type JUnitOptions } from './outputs/junit.js';
export { toMarkdown, type MarkdownOptions } from './outputs/markdown.js';
export { formatSummary, type SummaryOptions } from './outputs/console.js';
export type { FromZodOptions } from './interop/zod.js';
export {
  writeViolations, violationSink, VIOLATION_COLUMNS, type ViolationFormat, type ViolationFileOptions, type ViolationSink,
} from './outputs/violations.js';
export {
  loadDefinition, splitDefinitionSpec, DEFINITION_EXTENSIONS, type LoadDefinitionOptions,
} from './declarative/load-definition.js';
export { parseDefinition, type ParseDefinitionOptions } from './declarative/parse-definition.js';
export { buildDefinition, type DefinitionResolver } from './declarative/build-definition.js';
export { DefinitionError } from './declarative/definition-error.js';
export { isDatasetDefinition } from './declarative/is-dataset-definition.js';
export type { DeclarativeDataset, DeclarativeField, DeclarativeRule } from './declarative/format.js';
export { readJson, type ReadJsonOptions, type JsonInput, type JsonSource, type JsonFile } from './sources/json/read-json.js';
export { JsonSyntaxError } from './sources/json/json-syntax-error.js';
export { readXlsx, type XlsxOptions, type XlsxInput, type XlsxSource } from './sources/xlsx/read-xlsx.js';
export { readPostgres, type PostgresOptions, type PostgresSource } from './sources/postgres/read-postgres.js';
export { postgresKeyRanges } from './sources/postgres/key-ranges.js';
export type { KeyRange as PostgresKeyRange } from './sources/postgres/plan.js';
export type { PgClient, PgPool } from './sources/postgres/pg.js';
export { readCsv, type CsvOptions, type CsvRecord, type CsvSource } from './sources/csv/read-csv.js';
export type { CsvInput } from './sources/csv/input.js';
export type { HeaderOption } from './sources/csv/header.js';
export type { Encoding } from './sources/decode/decoder.js';
export { decodeTcvn3, encodeTcvn3 } from './sources/decode/tcvn3.js';
export { decodeVni, encodeVni } from './sources/decode/vni.js';
export { compare } from './compare/compare.js';
export { MissingColumnError, type MissingColumn } from './compare/missing-column-error.js';
export { reference, type Reference, type ReferencePosition, type ReferenceSourceOptions, type ReferenceTable } from './reference/reference.js';
export { ref, type ReferenceName } from './reference/ref.js';
export { bindReferences } from './reference/bind-references.js';
export { loadBaseline, baselineFrom, type Baseline } from './baseline/load-baseline.js';
export { historyEntry, type HistoryEntry, type HistoryInput } from './history/history-entry.js';
export { readHistory, appendHistory } from './history/read-history.js';
export { readPostgresHistory, appendPostgresHistory, type PostgresHistoryOptions } from './history/postgres-history.js';
export { withHistory, type HistorySummary } from './history/with-history.js';
export { historyTrend, type DatasetTrend, type MovedRule } from './history/history-trend.js';
export type { HistoryThresholds } from './history/anomalies.js';
export type { ForeignKeyOptions } from '../rules/correct/foreign-key.js';
export type { CompareOptions, ComparisonReport, Difference, DifferenceStatus, KeylessRecords } from './compare/types.js';
export { formatComparison, type ComparisonTextOptions } from './outputs/comparison-text.js';
export { toComparisonJson } from './outputs/comparison-json.js';
export { toComparisonHtml } from './outputs/comparison-html.js';
export { toComparisonMarkdown } from './outputs/comparison-markdown.js';
export { profile, readProfileState, finishProfile, type ProfileOptions } from './profile/profile.js';
export { profileState, mergeProfileStates, type ProfileState } from './profile/profile-state.js';
export { suggestDefinition, type SuggestOptions } from './profile/suggest-definition.js';
export { profileText, type ProfileTextOptions } from './profile/profile-text.js';
export { profileHtml } from './profile/profile-html.js';
export type { ColumnProfile, DistinctCount, Profile, ProfiledType, Recognition } from './profile/types.js';
export { fix } from './fix/fix.js';
export { FIX_KINDS, type FixKind } from './core/types.js';
export type { FixChange, FixInput, FixOptions, FixResult, NotFixedReason } from './fix/types.js';
export { changeLogSink, CHANGE_LOG_COLUMNS, type ChangeLogSink } from './fix/change-log.js';
export { validateShard, type ShardValidateOptions } from './parallel/validate-shard.js';
export { mergeShards, planShards, type MergeShardsOptions, type ShardPlan } from './parallel/merge-shards.js';
export { encodeShardState, decodeShardState, decodeShardHeader, ShardStateError, STATE_FORMAT } from './parallel/state-file.js';
export { parseShard, type ShardSpec } from './parallel/shard-spec.js';
export type { ShardState, ShardHeader, ShardInput, ShardOptions, ShardRange, ShardViolations, ShardCsvInput, ShardJsonInput, ShardPostgresInput } from './parallel/shard-state.js';
