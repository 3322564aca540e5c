// The Personio emulator of the api bench in a process of its own, so that the time the emulator spends answering
// does not come out of the client's CPU: what the bench measures is then the client against an API that takes
// `latencyMs` per request. Started by bench/api.bench.ts with fork(); talks over the IPC channel.
import { startPersonioEmulator } from '../test/support/hr-api-emulators';
import { generateHrPeople } from '../test/support/hr-people';

interface ChildOptions {
  count: number;
  seed: number;
  latencyMs: number;
  ratePerSecond?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const { people } = generateHrPeople({ count: options.count, seed: options.seed });
const emulator = await startPersonioEmulator({
  people,
  clientId: 'bench',
  clientSecret: 'bench-secret',
  latencyMs: options.latencyMs,
  ...(options.ratePerSecond !== undefined ? { ratePerSecond: options.ratePerSecond } : {}),
});
process.on('message', (message: string) => {
  if (message === 'stats') {
    process.send?.({ maxInFlight: emulator.maxInFlight, rateLimited: emulator.rateLimited });
  } else if (message === 'stop') {
    void emulator.stop().then(() => process.exit(0));
  }
});
process.send?.({ url: emulator.url });
