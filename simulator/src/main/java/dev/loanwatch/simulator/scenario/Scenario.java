package dev.loanwatch.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * A scenario as data: a macro path (a shift of every loan's log-odds of default per month) and
 * shocks on segments. Named scenarios ship as resources; any JSON file of the same shape works.
 */
public record Scenario(String name, String description, List<MacroShift> macro, List<Shock> shocks) {

    /** Adds {@code shift} to the log-odds of every loan's monthly default hazard in the months from..to. */
    public record MacroShift(YearMonth from, YearMonth to, double shift) {
    }

    public static final List<String> NAMED = List.of("baseline", "epidemic", "real-estate-downturn", "regional-shock");

    public Scenario {
        macro = macro == null ? List.of() : List.copyOf(macro);
        shocks = shocks == null ? List.of() : List.copyOf(shocks);
    }

    /** The sum of the macro shifts that apply to a month. */
    public double macroShift(YearMonth month) {
        double s = 0;
        for (MacroShift m : macro) {
            if (!month.isBefore(m.from()) && !month.isAfter(m.to())) {
                s += m.shift();
            }
        }
        return s;
    }

    /** A named scenario shipped with the simulator, or a path to a JSON file. */
    public static Scenario load(String nameOrPath) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            if (NAMED.contains(nameOrPath)) {
                try (InputStream in = Scenario.class.getResourceAsStream("/dev/loanwatch/simulator/scenarios/" + nameOrPath + ".json")) {
                    return mapper.readValue(in, Scenario.class);
                }
            }
            Path p = Path.of(nameOrPath);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("unknown scenario '" + nameOrPath + "': use one of " + NAMED + " or a JSON file");
            }
            return mapper.readValue(p.toFile(), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + nameOrPath + ": " + e.getMessage(), e);
        }
    }
}
