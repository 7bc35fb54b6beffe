#!/usr/bin/env python3
"""Where a worker's start goes, per thread: starts respawn's supervisor on examples/hello-http ROUNDS
times (after a first start, not counted, that makes the class-data-sharing archive), awaits the first
/hello answer, and prints the medians of the wall time, of the worker's and the supervisor's CPU time
by then (/proc/PID/task/*/schedstat), and of each of their threads' (compiler and GC threads summed
by kind; "w:" the worker's, "s:" the supervisor's).

usage: bench/start-threads.py JAR NAME ROUNDS [respawn options...] [+++ supervisor JVM options]
           [-- worker JVM options]
  e.g. bench/start-threads.py debug-agent/target/respawn.jar debug 5 --debug-mode
       bench/start-threads.py old/respawn.jar pc 1 --debug-mode -- -XX:+PrintCompilation
Work folders (with each start's log) go to /tmp/respawn-start-threads/run-NAME."""
import os, sys, time, subprocess, shutil, socket, urllib.request, collections, signal

jar, name, rounds = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rest = sys.argv[4:]
wopts = []
sjvm = []
if '--' in rest:
    i = rest.index('--'); wopts = rest[i+1:]; rest = rest[:i]
if '+++' in rest:
    i = rest.index('+++'); sjvm = rest[i+1:]; rest = rest[:i]
classes_src = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'examples/hello-http/target/classes')
base = f'/tmp/respawn-start-threads/run-{name}'
os.makedirs(base, exist_ok=True)
if not os.path.isdir(classes_src):
    sys.exit('build examples/hello-http first (mvn -q -DskipTests -pl examples/hello-http package)')
classes = base + '/classes'
if not os.path.isdir(classes):
    shutil.copytree(classes_src, classes)

def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p

def threads(pid):
    out = collections.Counter()
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            comm = open(f'/proc/{pid}/task/{t}/comm').read().strip()
            ns = int(open(f'/proc/{pid}/task/{t}/schedstat').read().split()[0])
        except Exception:
            continue
        key = comm
        for pre in ('C1 CompilerThre', 'C2 CompilerThre', 'GC Thread', 'G1 Conc', 'pool-'):
            if comm.startswith(pre): key = pre
        out[key] += ns
    return out

def children(pid):
    res = []
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            st = open(f'/proc/{p}/stat').read()
            ppid = int(st[st.rindex(')')+2:].split()[1])
            if ppid == pid: res.append(int(p))
        except Exception: pass
    return res

tot = collections.defaultdict(list)
for r in range(rounds + 1):
    port = free_port()
    cmd = ['java'] + sjvm + ['-jar', jar, '--reload-on-changes'] + rest
    if '--debug-mode' in rest or '--enable-debugger' in rest:
        cmd += ['--debugger-port', str(free_port())]
    cmd += ['--', 'java'] + wopts + ['-cp', classes, 'dev.respawn.examples.hello.HelloServer', str(port)]
    t0 = time.time()
    log = open(f'{base}/log{r}.txt', 'w')
    p = subprocess.Popen(cmd, cwd=base, stdout=log, stderr=subprocess.STDOUT)
    while True:
        try:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/hello', timeout=5).read(); break
        except Exception:
            time.sleep(0.005)
        if time.time() - t0 > 60 or p.poll() is not None: print('timeout'); break
    wall = (time.time() - t0) * 1000
    kids = [k for k in children(p.pid)]
    w = None
    for k in kids:
        try:
            if 'HelloServer' in open(f'/proc/{k}/cmdline').read(): w = k
        except Exception: pass
    wt = threads(w) if w else {}
    st = threads(p.pid)
    if r == 0:
        # first start makes the archive: await it
        d = base + '/.respawn/cds'
        for _ in range(600):
            if os.path.isdir(d) and any(f.endswith('.jsa') or f.endswith('.failed') for f in os.listdir(d)): break
            time.sleep(0.2)
    p.send_signal(signal.SIGTERM)
    try: p.wait(15)
    except Exception: p.kill(); p.wait()
    if r == 0: continue
    tot['wall'].append(wall)
    tot['worker'].append(sum(wt.values()) / 1e6)
    tot['super'].append(sum(st.values()) / 1e6)
    for k, v in wt.items(): tot['w:' + k].append(v / 1e6)
    for k, v in st.items(): tot['s:' + k].append(v / 1e6)
    time.sleep(0.3)

def med(v):
    v = sorted(v); n = len(v); return v[n//2] if n % 2 else (v[n//2-1] + v[n//2]) / 2
print(f'== {name} load {open("/proc/loadavg").read().split()[:3]}')
for k in ('wall', 'worker', 'super'):
    print(f'{k:8s} {med(tot[k]):7.0f}  {[round(x) for x in tot[k]]}')
rows = sorted(((med(v + [0]*(rounds-len(v))), k) for k, v in tot.items() if k[:2] in ('w:', 's:')), reverse=True)
for m, k in rows:
    if m >= 3: print(f'   {k:32s} {m:7.1f}')
