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
export { createValidator, type Validator } from './core/validator.js';
export { gradeRecords } from './core/grade-records.js';
export type { RecordGrade, GradeHistogram } from './core/grades.js';
export { toJson, reportObject } from './outputs/json.js';
export { DEFAULT_MISSING_VALUES } from './core/missing.js';
export { renderMessage, builtinCodes, type MessageTable } from './core/message.js';
export { maskValue } from './core/mask.js';
export { valueRule, recordRule, aggregateRule, type RuleMeta } from './core/rule-base.js';
export { isTabularSource, type TabularSource, type RowBatch, type SourceIssue } from './core/source.js';
export type { ValidatorState, RuleState } from './core/state.js';
export { INVALID, CRITERIA } from './core/types.js';
export type {
  AggregateRule, CheckResult, Criterion, CriterionResult, DatasetDefinition, DatasetFinding, DatasetOutcome,
  DatasetRule, DatasetStatus, FieldRule, FieldSpecData, FieldType, Finding, FinishContext, Locale, LocalizedText,
  MergeOffset, Parser, PiiMode, RecordKey, RecordRule, Report, Rule, RuleContext, RuleOptions, RuleResult,
  RuleStatus, Sample, Severity, SourceInfo, TypedRow, ValidateOptions, ValueRule, Violation,
} from './core/types.js';
export { toHtml, type HtmlOptions } from './outputs/html.js';
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
export { readJson, type ReadJsonOptions, type JsonInput, type JsonSource } from './sources/json/read-json.js';
export { JsonSyntaxError } from './sources/json/json-syntax-error.js';
export { readXlsx, type XlsxOptions, type XlsxInput, type XlsxSource } from './sources/xlsx/read-xlsx.js';
export { readCsv, type CsvOptions, type CsvRecord, type CsvSource } from './sources/csv/read-csv.js';
export type { CsvInput } from './sources/csv/input.js';
export type { HeaderOption } from './sources/csv/header.js';
export type { Encoding } from './sources/decode/decoder.js';
export { decodeTcvn3, encodeTcvn3 } from './sources/decode/tcvn3.js';
export { decodeVni, encodeVni } from './sources/decode/vni.js';
export { compare } from './compare/compare.js';
export { reference, type Reference, type ReferenceSourceOptions, type ReferenceTable } from './reference/reference.js';
export { ref, type ReferenceName } from './reference/ref.js';
export type { ForeignKeyOptions } from '../rules/correct/foreign-key.js';
export type { CompareOptions, ComparisonReport, Difference, DifferenceStatus } from './compare/types.js';
export { formatComparison, type ComparisonTextOptions } from './outputs/comparison-text.js';
export { toComparisonJson } from './outputs/comparison-json.js';
export { toComparisonHtml } from './outputs/comparison-html.js';
export { toComparisonMarkdown } from './outputs/comparison-markdown.js';
export { validateShard, type ShardValidateOptions } from './parallel/validate-shard.js';
export { mergeShards, planShards, type MergeShardsOptions, type ShardPlan } from './parallel/merge-shards.js';
export { encodeShardState, decodeShardState, decodeShardHeader, ShardStateError, STATE_FORMAT } from './parallel/state-file.js';
export { parseShard, type ShardSpec } from './parallel/shard-spec.js';
export type { ShardState, ShardHeader, ShardInput, ShardOptions, ShardRange, ShardViolations } from './parallel/shard-state.js';
