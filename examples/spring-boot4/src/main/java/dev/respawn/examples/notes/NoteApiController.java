package dev.respawn.examples.notes;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** A note looked up by its text, through the service's transactional proxy; none matches "book". */
    @GetMapping("/fail")
    public Note fail(@RequestParam("item") String item) {
        return notes.byText(item);
    }

    @PostMapping("/echo")
    public ResponseEntity<byte[]> echo(@RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, defaultValue = MediaType.APPLICATION_OCTET_STREAM_VALUE) String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).body(body);
    }

    @GetMapping("/pid")
    public String pid() {
        return ProcessHandle.current().pid() + "\n";
    }
}
