package dev.respawn.recorder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.respawn.recorder.har.HarFile;
import dev.respawn.reloader.options.OptionsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code respawn har DIR}: turns the journals that crashed or killed workers left behind into HAR. */
@Command(name = "har", mixinStandardHelpOptions = true,
        description = {"Turns the recorder journals that crashed or killed workers left in DIR into HAR 1.2"
                + " files (<time>-<pid>.har beside them).",
            "Journals of workers still running are left alone."})
public final class HarCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The recorder directory (default: .respawn/recordings).",
            defaultValue = ".respawn/recordings")
    private Path directory;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new OptionsException("no recorder directory at " + directory
                    + " (give the --recorder-directory the worker used)");
        }
        List<Path> journals = HarFile.orphanedJournals(directory);
        if (journals.isEmpty()) {
            System.out.println("respawn: no journal left to convert in " + directory);
            return 0;
        }
        for (Path journal : journals) {
            HarFile.Converted converted = HarFile.convert(journal, "har command");
            if (converted.har() == null) {
                System.out.println("respawn: " + journal.getFileName() + " held no exchange; removed");
            } else {
                System.out.println(converted.har() + ": " + converted.entries() + " exchange"
                        + (converted.entries() == 1 ? "" : "s") + (converted.damaged() > 0
                                ? " (" + converted.damaged() + " cut short by a kill left out)" : ""));
            }
        }
        return 0;
    }
}
