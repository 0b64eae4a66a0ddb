import { Redis } from 'ioredis';
import { Socket } from 'node:net';

/** The Redis of this machine (or OPENASSURE_TEST_REDIS_URL), when it answers. */
// Database 5 of the machine's Redis, emptied by each suite that uses it (locks outlive a run by design).
export const testRedisUrl = process.env.OPENASSURE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/5';

/** Empties the test database of Redis. */
export async function flushTestRedis(): Promise<void> {
  const redis = new Redis(testRedisUrl);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/** Undefined when Redis answers PING, otherwise why not (the Redis runs are then skipped, saying so). */
export async function redisUnavailableReason(): Promise<string | undefined> {
  const url = new URL(testRedisUrl);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (reason: string | undefined) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(2000, () => done('Redis did not answer in 2 s'));
    socket.once('error', (error) => done(`Redis is not reachable (${error.message})`));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') ? undefined : 'Redis answered oddly'));
    socket.connect(Number(url.port || 6379), url.hostname, () => socket.write('PING\r\n'));
  });
}
