// Runs one plek-sync command in this process and reports its peak RSS and CPU time on stderr as the last line (for the
// bench, which measures each command in a fresh process as a scheduled job runs it).
import { main } from '../src/main/cli/index';

const code = await main(process.argv.slice(2));
const usage = process.resourceUsage();
process.stderr.write(
  `\n${JSON.stringify({ code, maxRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime })}\n`,
);
process.exitCode = code;
