// The client's policy when the language server dies.
import assert from 'node:assert/strict';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/recovery';

function policyAt(clock: { t: number }) {
  const said = { info: [] as string[], error: [] as string[], log: [] as string[] };
  const policy = new RestartPolicy({ info: (m) => said.info.push(m), error: (m) => said.error.push(m), log: (m) => said.log.push(m) }, () => clock.t);
  return { policy, said };
}

describe('when the language server dies', () => {
  it('restarts it and tells the user once, however often it restarts', () => {
    const clock = { t: 0 };
    const { policy, said } = policyAt(clock);
    for (let i = 0; i < MAX_RESTARTS; i++) {
      clock.t += 1000;
      assert.equal(policy.onServerDied(), 'restart');
    }
    assert.equal(said.info.length, 1);
    assert.equal(said.log.length, MAX_RESTARTS);
  });

  it('stops restarting when it keeps dying, and says how to try again', () => {
    const { policy, said } = policyAt({ t: 0 });
    for (let i = 0; i < MAX_RESTARTS; i++) policy.onServerDied();
    assert.equal(policy.onServerDied(), 'stop');
    assert.equal(said.error.length, 1);
    assert.match(said.error[0], /Restart Server/);
  });

  it('forgets deaths older than the window', () => {
    const clock = { t: 0 };
    const { policy } = policyAt(clock);
    for (let i = 0; i < MAX_RESTARTS; i++) policy.onServerDied();
    clock.t += RESTART_WINDOW_MS + 1;
    assert.equal(policy.onServerDied(), 'restart');
  });

  it('starts a fresh count after a manual restart', () => {
    const { policy } = policyAt({ t: 0 });
    for (let i = 0; i < MAX_RESTARTS; i++) policy.onServerDied();
    policy.reset();
    assert.equal(policy.onServerDied(), 'restart');
  });

  it('survives a few broken messages, then shuts the connection down', () => {
    const { policy } = policyAt({ t: 0 });
    assert.equal(policy.onConnectionError('bad header', 1), 'continue');
    assert.equal(policy.onConnectionError('bad header', 4), 'shutdown');
  });
});
