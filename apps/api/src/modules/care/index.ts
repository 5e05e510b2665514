/** The care module's public face (issue 12, ADR 0039). The checkins part (care/checkins/) builds on these reads. */
export { careRecipientRefs, pairedHelpers, familyContacts, type CareRecipientRef, type CareTier, type PairedHelper, type FamilyContact } from './refs.js';
export { maskName } from './mask.js';
