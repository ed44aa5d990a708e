// The file a worker-thread shard starts from (npm run start:sharded, SHARD_MODE=worker). Node 20
// does not apply `--import tsx` from a worker's execArgv, so the thread registers tsx's loader
// itself before it loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./shard.ts');
