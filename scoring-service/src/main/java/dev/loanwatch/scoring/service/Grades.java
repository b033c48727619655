package dev.loanwatch.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Risk grades by points, best first: {@code A:700,B:640,C:580,D:520,E} — a grade for points at or
 * above its floor, the last for everything below (the simulator's and the book's application grades).
 */
@ApplicationScoped
public class Grades {
    private record Grade(String name, double floor) {
    }

    private final List<Grade> grades = new ArrayList<>();

    public Grades(@ConfigProperty(name = "loanwatch.scoring.grades") String table) {
        String[] parts = table.split(",");
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < parts.length; i++) {
            String[] g = parts[i].trim().split(":");
            boolean last = i == parts.length - 1;
            if (g[0].isBlank() || (last ? g.length != 1 : g.length != 2)) {
                throw new IllegalArgumentException("loanwatch.scoring.grades: '" + parts[i] + "' — give NAME:floor, best first,"
                        + " and the last grade's name alone");
            }
            double floor = last ? Double.NEGATIVE_INFINITY : Double.parseDouble(g[1]);
            if (floor >= previous) {
                throw new IllegalArgumentException("loanwatch.scoring.grades: floors must fall from the best grade to the worst");
            }
            grades.add(new Grade(g[0].trim(), floor));
            previous = floor;
        }
    }

    public String of(double points) {
        for (Grade g : grades) {
            if (points >= g.floor()) {
                return g.name();
            }
        }
        return grades.get(grades.size() - 1).name();
    }
}
