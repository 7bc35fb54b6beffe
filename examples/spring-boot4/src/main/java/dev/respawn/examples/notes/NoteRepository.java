package dev.respawn.examples.notes;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The notes in the database. */
public interface NoteRepository extends JpaRepository<Note, Long> {

    List<Note> findAllByOrderByWrittenDesc();
}
