/** The duty roster's use cases other code may call directly (the demo builds its rosters through them, ADR 0044). */
export { createShiftTemplate, generateShifts } from './templates.service.js';
export { removeFromShift } from './shifts.service.js';
export { checkIn, checkOut } from './on-duty.service.js';
export { actOnSwap, askSwap } from './swaps.service.js';
export { flagUncoveredShifts } from './uncovered.js';
