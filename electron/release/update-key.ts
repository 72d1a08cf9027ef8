/**
 * The public half of the Ed25519 key that signs update manifests (`latest*.yml`). It is
 * built into the app, so a feed (or whoever controls it) cannot vouch for itself: only a
 * manifest signed with the private half, kept as the release secret UPDATE_SIGNING_KEY, is
 * used. `npm run sign-update -- --new-key` makes a new pair and rewrites this file; the key
 * committed here has no private half anyone holds, so a newsroom makes its own first.
 */
export const UPDATE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAyoN/pSbbSc9Q/1WhNTdKWrDlymRQah4hJTmK1qL2P1Y=
-----END PUBLIC KEY-----
`;
