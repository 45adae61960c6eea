/** The public fixtures folder (PARLEY_FIXTURES, or ../shared/fixtures beside the clone), or undefined when there is none. */
export function findPublicFixtures(env?: NodeJS.ProcessEnv): string | undefined;
