package dev.respawn.reloader.supervisor;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Set;

/** The readiness probe's cost per restart against one read of the listening ports (bench/readiness-probe.sh). */
public class ProbeCost {
    public static void main(String[] args) throws Exception {
        java.util.List<java.net.Socket> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> { while (true) { try { kept.add(server.accept()); } catch (Exception e) { return; } } });
            acceptor.setDaemon(true); acceptor.start();
            int n = Integer.parseInt(args[0]);
            long[] wall = new long[n], cpu = new long[n];
            var bean = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < n; i++) {
                long w = System.nanoTime(), c = bean.getCurrentThreadCpuTime();
                try (AcceptProbe probe = new AcceptProbe()) {
                    if (!probe.accepting(Set.of(server.getLocalPort()))) { while (!probe.accepting(Set.of(server.getLocalPort()))) { Thread.sleep(10); } }
                }
                wall[i] = System.nanoTime() - w; cpu[i] = bean.getCurrentThreadCpuTime() - c;
            }
            long[] scan = new long[n];
            for (int i = 0; i < n; i++) { long c = bean.getCurrentThreadCpuTime(); dev.respawn.reloader.ports.ListeningPorts.all(); scan[i] = bean.getCurrentThreadCpuTime() - c; }
            Arrays.sort(scan);
            System.out.printf("one read of the listening ports (what the report does every 10 ms while a worker starts): CPU median %.2f ms%n", scan[n / 2] / 1e6);
            Arrays.sort(wall); Arrays.sort(cpu);
            int tcp = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/tcp")).size() + java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/tcp6")).size();
            System.out.printf("probe of one accepting port, %d rounds (%d sockets in /proc/net/tcp*): wall median %.2f ms (p90 %.2f), probing thread CPU median %.2f ms%n",
                n, tcp, wall[n / 2] / 1e6, wall[n * 9 / 10] / 1e6, cpu[n / 2] / 1e6);
        }
    }
}
