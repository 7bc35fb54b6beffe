package dev.respawn.reloader.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * Where a worker's control channel listens and the secret it answers to, as the owner-only file
 * {@code <debug-directory>/control/<pid>.json} that the worker writes and the commands read.
 *
 * @param pid the worker's process id
 * @param port the loopback port
 * @param token the secret every request starts with
 */
public record ControlFile(long pid, int port, String token) {

    /** The folder of the control files under a debug directory. */
    public static Path directory(Path debugDirectory) {
        return debugDirectory.resolve("control");
    }

    /** The control file of process {@code pid}, if it wrote one under {@code directory}. */
    public static java.util.Optional<ControlFile> find(Path directory, long pid) {
        return java.util.Optional.ofNullable(read(of(directory, pid)));
    }

    static Path of(Path directory, long pid) {
        return directory.resolve(pid + ".json");
    }

    void write(Path directory) throws IOException {
        OwnerOnly.directories(directory);
        OwnerOnly.write(of(directory, pid), json().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The file's JSON, with Gson's streaming writer, not a {@code Gson} instance: the worker writes
     * it while it starts, where Gson's reflective set-up cost some 20 to 60 ms of CPU for three fields.
     */
    String json() {
        StringWriter json = new StringWriter();
        try (JsonWriter writer = new JsonWriter(json)) {
            writer.beginObject().name("pid").value(pid).name("port").value(port).name("token").value(token).endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return json.toString();
    }

    /**
     * Reads a control file; empty or damaged files (a worker killed while writing) are null. With
     * Gson's streaming reader, not a {@code Gson} instance, whose reflective set-up the recorder
     * would pay in the worker for three fields.
     */
    static ControlFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (JsonReader reader = new JsonReader(new StringReader(Files.readString(file)))) {
            long pid = 0;
            int port = 0;
            String token = null;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (reader.peek() == JsonToken.NULL) {
                    reader.nextNull();
                } else if (name.equals("pid")) {
                    pid = reader.nextLong();
                } else if (name.equals("port")) {
                    port = reader.nextInt();
                } else if (name.equals("token")) {
                    token = reader.nextString();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            return token == null || port <= 0 ? null : new ControlFile(pid, port, token);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
