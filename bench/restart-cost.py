#!/usr/bin/env python3
"""A restart inside the JVM per framework, two builds side by side: for each framework named, one
supervisor per build (--reload-mode auto, the worker and the supervisor with -Drespawn.trace=true),
then ROUNDS structural changes each (a static field of its own added to Greeting, compiled
beforehand), the builds alternating inside each round and their order swapping round by round. Per
change: the wall time from the class file's move to the first /hello with the new text (polled from
here every 2 ms with a fresh socket), the worker's CPU over it (utime+stime of /proc/PID/stat, 10 ms
ticks: the old life's ended threads included) and by 1 s after the answer (the background clean-up
included), and the worker's trace of where the restart went. Prints medians per build and the load
average at the start and the end. The first change of each server is not counted (it loads the
restart's own classes).

usage: bench/restart-cost.py ROUNDS NAME=JAR [NAME=JAR...] -- FRAMEWORK...
  e.g. bench/restart-cost.py 7 before=/tmp/before.jar after=debug-agent/target/respawn.jar -- javalin micronaut
Needs the examples built with their target/lib (mvn -pl debug-agent -am package -DskipTests).
Work folders and logs go to /tmp/respawn-restart-cost."""
import os, re, sys, time, shutil, socket, subprocess, signal, collections, random, atexit

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
MAIN = {'hello-http': 'dev.respawn.examples.hello.HelloServer', 'jdk-http': 'dev.respawn.examples.jdkhttp.JdkHttpApp',
        'javalin': 'dev.respawn.examples.javalin.JavalinApp', 'jetty-core': 'dev.respawn.examples.jettycore.JettyCoreApp',
        'jetty-ee10': 'dev.respawn.examples.jettyee10.JettyServletApp', 'undertow': 'dev.respawn.examples.undertow.UndertowApp',
        'vertx': 'dev.respawn.examples.vertx.VertxApp', 'spring-boot': 'dev.respawn.examples.spring.SpringApp',
        'spring-webflux': 'dev.respawn.examples.webflux.WebFluxApp', 'micronaut': 'dev.respawn.examples.micronaut.Application',
        'dropwizard': 'dev.respawn.examples.dropwizard.DropwizardApp'}
TICK_MS = 1000 / os.sysconf('SC_CLK_TCK')
BASE = '/tmp/respawn-restart-cost'

args = sys.argv[1:]
sep = args.index('--')
rounds = int(args[0])
jars = [(a.split('=', 1)[0], os.path.abspath(a.split('=', 1)[1])) for a in args[1:sep]]
frameworks = args[sep + 1:]


def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p


def get(port):
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=2) as s:
            s.sendall(b'GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
            data = b''
            while True:
                chunk = s.recv(65536)
                if not chunk: break
                data += chunk
            return data.decode('utf-8', 'replace')
    except OSError:
        return ''


def await_text(port, text, limit=120):
    end = time.time() + limit
    while time.time() < end:
        if text in get(port): return True
        time.sleep(0.002)
    return False


def cpu_ms(pid):
    st = open(f'/proc/{pid}/stat').read()
    f = st[st.rindex(')') + 2:].split()
    return (int(f[11]) + int(f[12])) * TICK_MS


def worker_of(sup, main):
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            st = open(f'/proc/{p}/stat').read()
            if int(st[st.rindex(')') + 2:].split()[1]) == sup and main in open(f'/proc/{p}/cmdline').read():
                return int(p)
        except (OSError, ValueError):
            pass
    return None


def med(v):
    v = sorted(v); n = len(v)
    return None if n == 0 else (v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2)


def variants(fw, count):
    src = f'{HERE}/examples/{fw}'
    greeting = subprocess.check_output(['find', f'{src}/src/main/java', '-name', 'Greeting.java'], text=True).split()[0]
    rel = os.path.relpath(greeting, f'{src}/src/main/java')[:-len('.java')] + '.class'
    code = open(greeting).read()
    text = re.search(r'return "([^"]*)"', code).group(1)
    out = []
    for i in range(count):
        d = f'{BASE}/{fw}/variant{i}'
        os.makedirs(d + '/src', exist_ok=True)
        changed = code.replace('public final class Greeting {',
                               f'public final class Greeting {{\n    private static int field{i};\n', 1)
        changed = changed.replace(f'"{text}"', f'"version {i}" + "".repeat(field{i}++ * 0)', 1)
        open(d + '/src/Greeting.java', 'w').write(changed)
        subprocess.check_call(['javac', '-nowarn', '-d', d, '-cp', f'{src}/target/classes:{src}/target/lib/*',
                               d + '/src/Greeting.java'], stderr=subprocess.DEVNULL)
        out.append((open(f'{d}/{rel}', 'rb').read(), f'version {i}'))
    return rel, text, out


def report(fw):
    print(f'\n{fw}: medians (ms); load average now {" ".join(open("/proc/loadavg").read().split()[:3])}', flush=True)
    keys = []
    for name, _ in jars:
        for k in results[(fw, name)]:
            if k not in keys: keys.append(k)
    print(f'  {"":44s}' + ''.join(f'{name:>12s}' for name, _ in jars))
    for k in keys:
        row = [(len if k.startswith('process') else med)(results[(fw, name)].get(k, [])) for name, _ in jars]
        print(f'  {k:44s}' + ''.join(f'{"-" if v is None else round(v):>12}' for v in row))
    for name, _ in jars:
        print(f'  {name} wall: {[round(x) for x in results[(fw, name)]["wall"]]} cpu: {[round(x) for x in results[(fw, name)]["cpu"]]}')
    sys.stdout.flush()


load = [open('/proc/loadavg').read().split()[:3]]
results = collections.defaultdict(lambda: collections.defaultdict(list))
for fw in frameworks:
    rel, text, changes = variants(fw, rounds + 1)
    servers = {}
    for name, jar in jars:
        work = f'{BASE}/{fw}/{name}'
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(f'{HERE}/examples/{fw}/target/classes', f'{work}/target/classes')
        port = free_port()
        log = open(f'{work}/out', 'w')
        cmd = ['java', '-Drespawn.trace=true', '-jar', jar, '--reload-on-changes', '--reload-mode', 'auto',
               '--no-class-data-sharing', '--', 'java', '-Drespawn.trace=true', '-cp',
               f'target/classes:{HERE}/examples/{fw}/target/lib/*', MAIN[fw], str(port)]
        proc = subprocess.Popen(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT)
        atexit.register(lambda p=proc: p.poll() is not None or p.send_signal(signal.SIGTERM))  # also on a failure
        servers[name] = (proc, port, work)
    for name, (proc, port, work) in servers.items():
        if not await_text(port, text):
            sys.exit(f'{fw} {name} did not serve; see {work}/out')
    time.sleep(3)

    def change(name, i):
        proc, port, work = servers[name]
        worker = worker_of(proc.pid, MAIN[fw])
        cls = f'{work}/target/classes/{rel}'
        bytes_, answer = changes[i]
        open(cls + '.tmp', 'wb').write(bytes_)
        before = len(open(f'{work}/out', errors='replace').read())
        c0 = cpu_ms(worker)
        t0 = time.monotonic()
        written = time.time() * 1000
        os.replace(cls + '.tmp', cls)
        if not await_text(port, answer):
            sys.exit(f'{fw} {name}: change {i} not served; see {work}/out')
        wall = (time.monotonic() - t0) * 1000
        try:
            c1 = cpu_ms(worker)
            time.sleep(1)
            c2 = cpu_ms(worker)
        except OSError:  # the worker ended: a process restart (the restart inside the JVM failed)
            c1 = c2 = None
        out = open(f'{work}/out', errors='replace').read()[before:]
        if 'restarted inside the JVM' not in out and 'restarted in' not in out:
            print(f'warning: {fw} {name}: no restart line for change {i}', file=sys.stderr)
        began = re.search(r'trace: began at epoch (\d+) ms', out)
        detect = int(began.group(1)) - written if began else None
        if c1 is None or 'not inside the JVM' in out or 'cannot restart inside the JVM' in out:
            print(f'note: {fw} {name}: change {i} was a process restart, not counted', file=sys.stderr)
            return None
        return wall, c1 - c0, c2 - c0, out, detect

    for name in servers:
        change(name, 0)
        time.sleep(1)
    for r in range(rounds):
        order = list(servers) if r % 2 == 0 else list(reversed(servers))
        for name in order:
            time.sleep(1 + random.random() * 0.5)
            measured = change(name, r + 1)
            res = results[(fw, name)]
            if measured is None:
                res['process restarts (not counted)'].append(1)
                continue
            wall, cpu, cpu_after, out, detect = measured
            res['wall'].append(wall); res['cpu'].append(cpu); res['cpu+1s'].append(cpu_after)
            if detect is not None:
                res['supervisor: write to restart begun'].append(detect)
            for step, ms in re.findall(r'(?:, |trace: began at epoch \d+ ms, )([a-z][^,;+]*?) \+(\d+) ms', out.split('trace: began', 1)[-1] if 'trace: began' in out else ''):
                res['supervisor: ' + step[:34]].append(int(ms))
            for step, ms in re.findall(r'trace: in-JVM restart, (.+?) \+(\d+) ms', out):
                res['restart: ' + re.sub(r'\$.*', '', step)].append(int(ms))
            for step, ms in re.findall(r'trace: stop, (.+?) \+(\d+) ms', out):
                res['stop: ' + re.sub(r'\d+', 'N', step.split(' (')[0])[:40]].append(int(ms))
    for proc, port, work in servers.values():
        proc.send_signal(signal.SIGTERM)
        try: proc.wait(20)
        except subprocess.TimeoutExpired: proc.kill(); proc.wait()
    report(fw)
print(f'load average at start {" ".join(load[0])}, at end {" ".join(open("/proc/loadavg").read().split()[:3])}; '
      f'{rounds} changes per build and framework')
