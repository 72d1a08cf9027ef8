/** A story's name on the newsroom desk: `story:` and an id the app chose. One rule for the desk, the contract and the window. */
export const DESK_STORY_NAME = /^story:[A-Za-z0-9_-]{8,64}$/;
