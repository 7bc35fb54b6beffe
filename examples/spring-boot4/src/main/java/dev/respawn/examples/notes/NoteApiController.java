package dev.respawn.examples.notes;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The notes as JSON, and the plain-text endpoints every respawn example has. */
@RestController
public class NoteApiController {

    private final NoteService notes;

    public NoteApiController(NoteService notes) {
        this.notes = notes;
    }

    @GetMapping("/api/notes")
    public List<Note> notes() {
        return notes.newestFirst();
    }

    @GetMapping("/hello")
    public String hello() {
        return Greeting.message() + "\n";
    }

    @GetMapping("/pid")
    public String pid() {
        return ProcessHandle.current().pid() + "\n";
    }
}
