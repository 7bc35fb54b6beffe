package dev.respawn.examples.notes;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The notes page: the notes so far and a form to write one more. */
@Controller
public class NoteController {

    private final NoteService notes;

    public NoteController(NoteService notes) {
        this.notes = notes;
    }

    @GetMapping("/")
    public String list(Model model) {
        model.addAttribute("note", new Note());
        model.addAttribute("notes", notes.newestFirst());
        return "notes";
    }

    @PostMapping("/notes")
    public String write(@Validated @ModelAttribute("note") Note note, BindingResult result, Model model) {
        if (result.hasErrors()) {
            model.addAttribute("notes", notes.newestFirst());
            return "notes";
        }
        notes.write(note);
        return "redirect:/";
    }
}
