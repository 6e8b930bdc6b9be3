import { parseDefinition } from '../src/declarative/parse-definition.js';
import { DefinitionError } from '../src/declarative/definition-error.js';

/**
 * The `DefinitionError` a YAML (or JSON) definition text is refused with; throws when it is accepted, or refused
 * with another error, so a test of a refusal cannot pass on a definition that built.
 * @example expect(definitionProblem('name: x\nfields: {}\n').path).toEqual(['fields'])
 */
export function definitionProblem(text: string, format: 'json' | 'yaml' = 'yaml'): DefinitionError {
  try {
    parseDefinition(text, { format, file: 'def.yaml' });
  } catch (e) {
    if (e instanceof DefinitionError) return e;
    throw e;
  }
  throw new Error('expected a DefinitionError');
}
