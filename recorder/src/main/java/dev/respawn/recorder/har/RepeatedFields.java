package dev.respawn.recorder.har;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.respawn.recorder.capture.RecordedExchange;

/**
 * Reads a journal's records with the fields they repeat from earlier ones (see {@link JournalRecord}):
 * the fields are read from the records that hold them as needed, the last few kept (not the
 * records, whose bodies may be large), as one thread's records take theirs from the same few.
 */
final class RepeatedFields {

    private static final int KEPT = 256;

    private final FileChannel journal;
    /** Fields by where their record begins and which they are: position * 8 + field. */
    private final Map<Long, Object> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
            return size() > KEPT;
        }
    };

    RepeatedFields(FileChannel journal) {
        this.journal = journal;
    }

    /** The record whose bytes are {@code record}, found at {@code position} of the journal. */
    RecordedExchange decode(ByteBuffer record, long position) throws IOException {
        try {
            return JournalRecord.decode(record, (at, field) -> {
                if (at < Integer.BYTES || at >= position) {
                    throw new IllegalArgumentException("a record at " + position + " repeats a field of one at " + at
                            + ", which is not before it");
                }
                return recent.computeIfAbsent(at * 8 + field, key -> JournalRecord.field(read(at), field));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ByteBuffer read(long position) {
        try {
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            HarFile.readFully(journal, length, position - Integer.BYTES);
            int size = length.getInt(0);
            if (size <= 0 || position + size > journal.size()) {
                throw new IllegalArgumentException("no record at " + position + " to repeat a field of");
            }
            ByteBuffer record = ByteBuffer.allocate(size);
            HarFile.readFully(journal, record, position);
            return record.flip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
