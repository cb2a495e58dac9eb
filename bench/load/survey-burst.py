#!/usr/bin/env python3
"""A bounded burst of public survey form submissions (issue 13). Each of CLIENTS threads repeatedly opens the
form (GET: antiforgery cookie and token) and posts a full answer with a fresh dossier code; only the POST is
timed. Stops after TOTAL posts. Prints posts/s, status counts and p50/p95/p99. Loopback only.
usage: survey-burst.py FORM_URL TOTAL CLIENTS"""
import re, sys, threading, time, urllib.parse, urllib.request, http.cookiejar, uuid

url, total, clients = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
assert urllib.parse.urlparse(url).hostname in ("127.0.0.1", "localhost"), "loopback only"
lock = threading.Lock()
times, statuses, left = [], {}, [total]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None

def worker():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    while True:
        with lock:
            if left[0] <= 0: return
            left[0] -= 1
        page = opener.open(url, timeout=30).read().decode()
        token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
        fields = [("__RequestVerificationToken", token), ("dossier", "LOAD-" + uuid.uuid4().hex[:12])]
        unit = re.search(r'<option value="(\d+)"', page)
        if unit: fields.append(("unit", unit.group(1)))
        for name in sorted(set(re.findall(r'name="(q_[A-Za-z0-9_-]+)" value="', page))):
            first = re.search(r'name="%s" value="([^"]+)"' % re.escape(name), page).group(1)
            fields.append((name, first))
        body = urllib.parse.urlencode(fields).encode()
        start = time.perf_counter()
        try:
            status = opener.open(urllib.request.Request(url, data=body, method="POST"), timeout=30).status
        except urllib.error.HTTPError as e:
            status = e.code
        elapsed = (time.perf_counter() - start) * 1000
        with lock:
            times.append(elapsed); statuses[status] = statuses.get(status, 0) + 1

began = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - began
times.sort()
q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"posts {len(times)} in {wall:.1f} s ({len(times) / wall:.1f} submissions/s incl. the GET before each), statuses {statuses}, "
      f"POST p50 {q(.5):.1f} ms, p95 {q(.95):.1f} ms, p99 {q(.99):.1f} ms, max {times[-1]:.1f} ms")
