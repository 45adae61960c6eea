/** Entry of `npm run bench:suggest`: prints the suggestions bench's tables (see suggestions-bench.ts). */
import { suggestionsBench } from './suggestions-bench';

const count = Number(process.argv.find((a) => a.startsWith('--articles='))?.slice('--articles='.length) ?? 40);
console.log(suggestionsBench(Number.isInteger(count) && count > 0 ? count : 40));
