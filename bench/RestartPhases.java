import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a process restart's time goes, phase by phase, from the supervisor's trace and the warm
 * worker's (both with -Drespawn.trace=true) beside the benchmark's own write and answer times:
 * medians over a configuration's changes of each phase's wall time and of the CPU time the new
 * worker, the old one and the supervisor used in it (Linux's schedstat).
 */
class RestartPhases {

    private static final Pattern SUPERVISOR = Pattern.compile("trace: began at epoch (\\d+) ms, found tree and ports \\+(\\d+) ms,"
            + " stopped \\+(\\d+) ms, ports free \\+(\\d+) ms, launched \\+(\\d+) ms, serving \\+(\\d+) ms(?:, quiet \\+\\d+ ms)?;"
            + " CPU ms used by each mark: (.*)");
    private static final Pattern GO = Pattern.compile("trace: go, told at epoch (\\d+) ms \\(CPU (\\d+) ms\\),"
            + " add-ons began at epoch (\\d+) ms \\(CPU (\\d+) ms\\), control channel open at epoch (\\d+) ms \\(CPU (\\d+) ms\\)");

    static void say(String config, Path log, List<Long> writes, List<Double> totals) throws IOException {
        if (!Files.isRegularFile(log) || writes == null) {
            return;
        }
        String text = Files.readString(log);
        List<long[]> gos = new ArrayList<>();
        Matcher go = GO.matcher(text);
        while (go.find()) {
            long[] values = new long[6];
            for (int i = 0; i < 6; i++) {
                values[i] = Long.parseLong(go.group(i + 1));
            }
            gos.add(values);
        }
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        Matcher restart = SUPERVISOR.matcher(text);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        while (restart.find()) {
            long began = Long.parseLong(restart.group(1));
            // The change this restart acted on: the last write before it (a first start, or a second
            // restart for the same change, has none of its own and is left out).
            int i = -1;
            for (int w = 0; w < writes.size() && writes.get(w) <= began; w++) {
                i = w;
            }
            if (i < 0 || !used.add(i)) {
                continue;
            }
            long found = Long.parseLong(restart.group(2));
            long stopped = Long.parseLong(restart.group(3));
            long free = Long.parseLong(restart.group(4));
            long launched = Long.parseLong(restart.group(5));
            long serving = Long.parseLong(restart.group(6));
            Map<String, String[]> cpu = new LinkedHashMap<>();
            for (String part : restart.group(7).split(", ")) {
                String[] words = part.split(" ");
                cpu.put(words[0], words[1].split("/"));
            }
            add(phases, "change seen (write to the restart's start)", began - writes.get(i));
            add(phases, "tree and ports found", found);
            add(phases, "old worker stopped", stopped - found);
            add(phases, "ports free", free - stopped);
            add(phases, "warm worker told to go (or a cold one started)", launched - free);
            long[] told = gos.stream().filter(g -> g[0] >= began + free - 5 && g[0] <= began + serving).findFirst()
                    .orElse(null);
            if (told != null) {
                add(phases, "  of which in the worker: go to add-ons begun", told[2] - told[0]);
                add(phases, "  go to premain's return (control channel open)", told[4] - told[0]);
                add(phases, "  premain's return to listening", began + serving - told[4]);
                add(phases, "  worker CPU: add-ons begun at go", told[3] - told[1]);
            }
            add(phases, "launched to listening (the supervisor's 10 ms poll)", serving - launched);
            add(phases, "listening to first answer", totals.get(i) - (began - writes.get(i)) - serving);
            add(phases, "total (write to answer)", totals.get(i));
            String[] fresh = cpu.get("new");
            if (fresh != null && !fresh[2].equals("-")) {
                add(phases, "CPU new worker, ports free to listening", Long.parseLong(fresh[4]) - Long.parseLong(fresh[2]));
                add(phases, "CPU new worker, before the restart (waiting)", Long.parseLong(fresh[0]));
            }
            String[] supervisor = cpu.get("supervisor");
            add(phases, "CPU supervisor, found to stopped", Long.parseLong(supervisor[1]) - Long.parseLong(supervisor[0]));
            add(phases, "CPU supervisor, stopped to listening", Long.parseLong(supervisor[4]) - Long.parseLong(supervisor[1]));
        }
        Bench.say("  phases of " + config + " (medians, ms):");
        phases.forEach((phase, values) -> Bench.say(String.format(java.util.Locale.ROOT, "    %-58s %6s  %s", phase,
                Bench.fmt(Bench.median(values)), values.stream().map(v -> Long.toString(Math.round(v))).toList())));
    }

    private static void add(Map<String, List<Double>> phases, String phase, double value) {
        phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(value);
    }
}
