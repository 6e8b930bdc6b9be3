/**
 * ddss/datasets: the built-in dataset definitions of DOMAIN-VN §7 and §8 — the cadastral register (`landParcels`), the
 * social/health-insurance register (`insuranceParticipants`) and the enterprise register (`enterpriseRegister`).
 * @example
 * import { landParcels, insuranceParticipants, builtinDatasets } from 'ddss/datasets';
 * builtinDatasets['land-parcels'] === landParcels; // true
 */
import type { DatasetDefinition } from '../../src/core/types.js';
import { landParcels, landParcelsWith } from './land-parcels.js';
import { insuranceParticipants, insuranceParticipantsWith } from './insurance-participants.js';
import { enterpriseRegister, enterpriseRegisterWith } from './enterprise-register.js';

export { landParcels, landParcelsWith, insuranceParticipants, insuranceParticipantsWith, enterpriseRegister, enterpriseRegisterWith };
export { ENTERPRISE_STATUSES, ENTERPRISE_TYPES, UNIT_TYPES } from './enterprise-register.js';
export type { RegisterOptions } from './_communes.js';
export type { PersonRegisterOptions } from './_population.js';

/** The built-in datasets by name, as the CLI's `--dataset` accepts them. */
export const builtinDatasets: Readonly<Record<string, DatasetDefinition>> = Object.freeze({
  'land-parcels': landParcels,
  'insurance-participants': insuranceParticipants,
  'enterprise-register': enterpriseRegister,
});
