#!/usr/bin/env python3
"""The recorder's share of a server's request work, from async-profiler's collapsed stacks
(bench/recorder.sh with RESPAWN_BENCH_PROFILE=DIR writes them): each sample goes to respawn when
the frame nearest its leaf that is respawn's or the server's (or the application's) is respawn's,
so a JDK call respawn makes (a journal write) is respawn's and one the server makes is the server's;
samples of neither (the JIT compiler, GC) are left out. Prints, per file, respawn's share of
respawn + server, and respawn's heaviest frames; where the run's request count is beside the file
(FILE.requests, as bench/recorder.sh writes it), also the CPU per request (1 ms a sample) of
respawn, of the server and application, of the application alone (dev/respawn/examples: the
benchmark's work, which respawn does not touch) and of the rest (JIT, GC): comparing plain's file
with the recorder's then shows whether a difference lies in respawn or in the same code run slower.
Usage: bench/recorder-share.py FILE.collapsed...   (TOP=N for N frames, default 8)
"""
import collections
import os
import re
import sys

SERVER = re.compile(r'^(io/undertow|io/netty|org/apache|org/eclipse/jetty|sun/net/httpserver|io/helidon|io/vertx'
                    r'|reactor/|org/springframework|io/micronaut|dev/respawn/examples|org/xnio|jakarta/|javax/)')

for path in sys.argv[1:]:
    kinds = collections.Counter()
    frames = collections.Counter()
    with open(path) as lines:
        for line in lines:
            stack, count = line.rsplit(' ', 1)
            count = int(count)
            stack = stack.split(';')
            kind = 'other'
            for i in range(len(stack) - 1, -1, -1):
                frame = stack[i]
                if frame.startswith('dev/respawn/') and not frame.startswith('dev/respawn/examples'):
                    kind = 'respawn'
                    frames[frame + ' > ' + (stack[i + 1] if i + 1 < len(stack) else '')] += count
                    break
                if SERVER.match(frame):
                    kind = 'server'
                    if frame.startswith('dev/respawn/examples'):
                        kinds['application'] += count
                    break
            kinds[kind] += count
    work = kinds['respawn'] + kinds['server']
    print(f"{os.path.basename(path)}: respawn {100 * kinds['respawn'] / max(work, 1):.1f}% of request work"
          f" ({kinds['respawn']} of {work} samples; {kinds['other']} others left out)")
    requests = path[:-len('.collapsed')] + '.requests'
    if path.endswith('.collapsed') and os.path.exists(requests):
        n = int(open(requests).read().split()[0])
        per = lambda k: 1000 * kinds[k] / max(n, 1)
        print(f"   per request ({n} requests): respawn {per('respawn'):.1f} µs, server and application"
              f" {per('server'):.1f} µs (the application {per('application'):.1f} µs), others {per('other'):.1f} µs")
    for frame, count in frames.most_common(int(os.environ.get('TOP', '8'))):
        print(f"   {100 * count / max(work, 1):5.1f}% {frame}")
