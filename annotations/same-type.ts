/**
 * `true` when two types are assignable to each other both ways, else `false`.
 * Used where a zod schema stands beside the interface it checks: a constant of
 * type `Same<z.infer<typeof schema>, Interface>` set to `true` stops compiling
 * when the two drift apart.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
