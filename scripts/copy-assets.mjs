// tsc compiles only TypeScript; the hub also needs its SQL migrations beside the compiled code.
import { cpSync } from 'node:fs';
cpSync('server/storage/migrations', 'dist/server/storage/migrations', { recursive: true });
