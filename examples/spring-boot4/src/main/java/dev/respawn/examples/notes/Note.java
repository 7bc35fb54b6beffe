package dev.respawn.examples.notes;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note someone wrote: its text, and when it was written. */
@Entity
public class Note {

    @Id
    @GeneratedValue
    private Long id;

    @NotBlank
    @Size(max = 200)
    private String text;

    private Instant written = Instant.now();

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Instant getWritten() {
        return written;
    }

    public void setWritten(Instant written) {
        this.written = written;
    }
}
