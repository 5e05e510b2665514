export { WishWallPage } from './wall.js';
export { RaiseWishPage } from './raise.js';
export { TrackWishPage } from './track.js';
export { MyWishesPage } from './mine.js';
