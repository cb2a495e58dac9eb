// Each journey starts its own app and Chromium; run them one at a time so two of them never compete
// for this machine's two cores (first requests after start-up are slow while the JIT compiles).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
