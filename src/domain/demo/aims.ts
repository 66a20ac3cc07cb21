/**
 * How many 学时 each demo person will have by year end (on pace all along). Enforcement officers are spread so that,
 * on `today`, about a third are behind the pace line, a third on track and a third have already met 60 学时.
 */
import type { Member } from './roster'
import type { Rng } from './prng'

type Tier = 'behind' | 'onTrack' | 'met' | 'free'

function half(x: number): number {
  return Math.round(x * 2) / 2
}

function aimFor(rng: Rng, tier: Tier | 'lastYear', large: boolean, m: Member): number {
  switch (tier) {
    case 'behind':
      return half(rng.float(40, 54))
    case 'onTrack':
      return half(rng.float(61, 66))
    case 'met':
      return large ? half(rng.float(90, 230)) : half(rng.float(70, 88))
    case 'lastYear':
      return large ? half(rng.float(80, 230)) : half(rng.float(61, 82))
    case 'free':
      if (large) return half(rng.float(70, 200))
      return m.person.roles.includes('leader') ? half(rng.float(60, 85)) : half(rng.float(24, 60))
  }
}

/** Sets `aim` ([last year, this year]) on every member; about 8 % of the enforcement officers missed last year. */
export function assignAims(rng: Rng, members: Member[], large: boolean): void {
  const enforcers = rng.shuffle(members.filter((m) => m.person.roles.includes('enforcement') && !m.person.roles.includes('leader')))
  const tierOf = new Map<Member, Tier>()
  enforcers.forEach((m, i) => {
    const share = i / enforcers.length
    tierOf.set(m, share < 0.34 ? 'behind' : share < 0.67 ? 'onTrack' : 'met')
  })
  const lastYearMissed = new Set(rng.shuffle(enforcers).slice(0, Math.max(1, Math.round(enforcers.length * 0.08))))
  for (const m of members) {
    const tier = tierOf.get(m) ?? 'free'
    m.aim = [aimFor(rng, lastYearMissed.has(m) ? 'behind' : tier === 'free' ? 'free' : 'lastYear', large, m), aimFor(rng, tier, large, m)]
  }
}
