package dev.respawn.reloader.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path temp;

    private void touch(String... names) throws Exception {
        for (String name : names) {
            Files.writeString(temp.resolve(name), name);
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheNewestLivesPairsAndNothingElseIsTouched() throws Exception {
        touch("20260101-120000-9.html", "20260101-120000-9.jfr",       // oldest
                "20260101-120000-2-9.html", "20260101-120000-2-9.jfr",  // same second, second life
                "20260101-120001-10.jfr",                               // a profile with no flame graph
                "20260102-080000-11.html", "20260102-080000-11.jfr",    // newest
                "notes.html", "20250101-000000-1.txt", "my-20200101-000000-1.jfr");

        int deleted = Retention.prune(temp, 2, List.of(".html", ".jfr"));

        assertThat(deleted).isEqualTo(4);
        assertThat(names()).containsExactly("20250101-000000-1.txt", "20260101-120001-10.jfr",
                "20260102-080000-11.html", "20260102-080000-11.jfr", "my-20200101-000000-1.jfr", "notes.html");
    }

    @Test
    void fewerLivesThanKeptDeletesNothing() throws Exception {
        touch("20260101-120000-9.har");
        assertThat(Retention.prune(temp, 20, List.of(".har"))).isZero();
        assertThat(names()).containsExactly("20260101-120000-9.har");
    }
}
