// shape of ding-live/ding-node src/config.ts (rewritten, not copied)
export const baseUrl = 'https://api.ding.live/v1'
