import { describe, expect, it } from 'vitest';
import { roles } from '@linli/contracts';
import { canAssignRole, isSelfLockout, placeAccount } from './account-rules.js';

describe('account rules', () => {
  it('lets a system admin grant every role and a secretary only community roles', () => {
    for (const r of roles) expect(canAssignRole('system_admin', r)).toBe(true);
    expect(roles.filter((r) => canAssignRole('secretary', r))).toEqual([
      'secretary',
      'social_worker',
      'grid_worker',
      'building_head',
      'party_member',
      'volunteer',
      'partner_contact',
    ]);
  });

  it('places each role where it belongs, or names what is missing', () => {
    expect(placeAccount('system_admin', { communityId: 3, subdistrictId: 4 })).toEqual({ communityId: null, subdistrictId: null });
    expect(placeAccount('subdistrict_admin', { communityId: 3, subdistrictId: 4 })).toEqual({ communityId: null, subdistrictId: 4 });
    expect(placeAccount('subdistrict_admin', { communityId: 3, subdistrictId: null })).toEqual({ missing: 'subdistrictId' });
    expect(placeAccount('grid_worker', { communityId: 3, subdistrictId: 4 })).toEqual({ communityId: 3, subdistrictId: null });
    expect(placeAccount('volunteer', { communityId: null, subdistrictId: 4 })).toEqual({ missing: 'communityId' });
  });

  it('refuses only changes that would lock the actor out of their own account', () => {
    expect(isSelfLockout(1, 1, { isActive: false }, 'secretary')).toBe(true);
    expect(isSelfLockout(1, 1, { role: 'social_worker' }, 'secretary')).toBe(true);
    expect(isSelfLockout(1, 1, { role: 'secretary', isActive: true }, 'secretary')).toBe(false);
    expect(isSelfLockout(1, 2, { isActive: false, role: 'volunteer' }, 'secretary')).toBe(false);
  });
});
