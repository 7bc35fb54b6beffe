package dev.respawn.examples.notes;

import java.util.List;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes notes and reads them back, newest first, from a cache until the next note is written. */
@Service
public class NoteService {

    private final NoteRepository notes;

    public NoteService(NoteRepository notes) {
        this.notes = notes;
    }

    @Cacheable("notes")
    @Transactional(readOnly = true)
    public List<Note> newestFirst() {
        return notes.findAllByOrderByWrittenDesc();
    }

    /** The newest note whose text is {@code text}; refuses a text no note has. */
    @Transactional(readOnly = true)
    public Note byText(String text) {
        return notes.findAllByOrderByWrittenDesc().stream().filter(note -> note.getText().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no note says " + text));
    }

    @CacheEvict(cacheNames = "notes", allEntries = true)
    @Transactional
    public Note write(Note note) {
        return notes.save(note);
    }
}
