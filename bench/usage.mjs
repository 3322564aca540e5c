// Preloaded (`node --import`) into a plek-sync process by the benches: at exit, one JSON line on stderr with the
// exit code, the peak RSS and the CPU time (user + system), so each command is measured in its own process.
process.on('exit', (code) => {
  const u = process.resourceUsage();
  process.stderr.write(
    `\n${JSON.stringify({ code, maxRssKiB: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime })}\n`,
  );
});
