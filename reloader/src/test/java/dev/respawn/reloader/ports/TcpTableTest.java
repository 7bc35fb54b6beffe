package dev.respawn.reloader.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TcpTableTest {

    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4711 1 0000000000000000 100 0 0 10 0
               1: 0100007F:A8B1 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 0 1 0000000000000000 20 4 30 10 -1
               2: short line
              10: 0100007F:C350 0100007F:1F90 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000
            """;

    @Test
    void readsEachRowsFieldsAndSkipsTheHeaderAndShortLines() throws Exception {
        TcpTable rows = TcpTable.of(TCP);
        List<String> seen = new ArrayList<>();
        while (rows.next()) {
            seen.add(rows.field(TcpTable.STATE) + " " + rows.localPort() + " " + rows.connection() + " "
                    + rows.field(TcpTable.INODE) + " " + rows.is(TcpTable.STATE, "0A"));
        }
        assertThat(seen).containsExactly(
                "0A 8080 0100007F:1F90 00000000:0000 4711 true",
                "01 43185 0100007F:A8B1 0100007F:1F90 0 false",
                "06 50000 0100007F:C350 0100007F:1F90 0 false");
    }

    @Test
    void readsRowsLongerThanItsFirstLineBuffer() throws Exception {
        String tail = " 0".repeat(400);
        TcpTable rows = TcpTable.of("header\n   0: 0100007F:0050 00000000:0000 0A 0:0 00:0 0 0 0 99" + tail
                + "\n   1: 0100007F:0051 00000000:0000 0A 0:0 00:0 0 0 0 100" + tail);
        assertThat(rows.next()).isTrue();
        assertThat(rows.localPort()).isEqualTo(80);
        assertThat(rows.field(TcpTable.INODE)).isEqualTo("99");
        assertThat(rows.next()).isTrue();
        assertThat(rows.localPort()).isEqualTo(81);
        assertThat(rows.next()).isFalse();
    }

    @Test
    void anEmptyTableHasNoRows() throws Exception {
        assertThat(TcpTable.of("").next()).isFalse();
        assertThat(TcpTable.of("  sl  local_address\n").next()).isFalse();
    }

    @Test
    void findsAPortThisJvmListensOn() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningPorts.all()).contains(server.getLocalPort());
            assertThat(ListeningPorts.ownedBy(List.of(ProcessHandle.current()))).contains(server.getLocalPort());
            boolean anyRow;
            try (TcpTable tcp = TcpTable.open(Path.of("/proc/net/tcp")); TcpTable tcp6 = TcpTable.open(Path.of("/proc/net/tcp6"))) {
                anyRow = tcp.next() || tcp6.next();
            }
            assertThat(anyRow).isTrue();
        }
    }
}
