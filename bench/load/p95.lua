-- wrk prints 50/75/90/99%; this adds p95 (and counts non-2xx answers, e.g. a lost session).
done = function(summary, latency, requests)
  io.write(string.format("p95 latency: %.2f ms\n", latency:percentile(95) / 1000))
  io.write(string.format("requests %d, errors: status %d, timeout %d\n", summary.requests, summary.errors.status, summary.errors.timeout))
end
