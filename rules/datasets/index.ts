/**
 * ddss/datasets: the built-in dataset definitions of DOMAIN-VN §7 — the cadastral register (`landParcels`) and the
 * social/health-insurance register (`insuranceParticipants`).
 * @example
 * import { landParcels, insuranceParticipants, builtinDatasets } from 'ddss/datasets';
 * builtinDatasets['land-parcels'] === landParcels; // true
 */
import type { DatasetDefinition } from '../../src/core/types.js';
import { landParcels, landParcelsWith } from './land-parcels.js';
import { insuranceParticipants, insuranceParticipantsWith } from './insurance-participants.js';

export { landParcels, landParcelsWith, insuranceParticipants, insuranceParticipantsWith };
export type { RegisterOptions } from './_communes.js';

/** The built-in datasets by name, as the CLI's `--dataset` accepts them. */
export const builtinDatasets: Readonly<Record<string, DatasetDefinition>> = Object.freeze({
  'land-parcels': landParcels,
  'insurance-participants': insuranceParticipants,
});
