// Many test classes host the whole app (WebApplicationFactory), each with its own Hangfire server, stratum listeners and
// litecoind-backed pools. Hangfire keeps process-wide state, and two such hosts running at once in one process have been
// seen to leave one host's jobs unprocessed (a block-found e-mail enqueued with no server heartbeat). Classes run one at a
// time; tests inside a class were never parallel. The suite stays well inside CI's budget (see README).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
