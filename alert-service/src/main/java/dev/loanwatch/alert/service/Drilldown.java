package dev.loanwatch.alert.service;

import static dev.loanwatch.alert.model.Figures.yuan;

import dev.loanwatch.alert.model.Answer;
import dev.loanwatch.alert.model.Segment.Dimension;
import dev.loanwatch.alert.repository.SegmentReader;
import dev.loanwatch.alert.repository.FactQueries;
import dev.loanwatch.alert.repository.SegmentReader.LoanAtMonthEnd;
import dev.loanwatch.alert.service.ReadModel.View;
import dev.loanwatch.domain.Bucket;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.RegionDirectory;
import dev.loanwatch.domain.RiskSectorGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a drill-down ends in: the values a segment can be filtered by (with their names from the code
 * lists), and the loans of a segment at a month end.
 */
@ApplicationScoped
public class Drilldown {
    private static final RegionDirectory REGIONS = RegionDirectory.standard();

    private final SegmentReader reader;
    private final FactQueries facts;

    public Drilldown(SegmentReader reader, FactQueries facts) {
        this.reader = reader;
        this.facts = facts;
    }

    /**
     * A value of a dimension, its name in its code list (GB/T 4754, GB/T 2260, risk groups; the code
     * itself otherwise) and, for a division or prefecture, the section or province it belongs to.
     */
    public record Value(String value, String name, String parent) {
    }

    /** Each dimension's values in the read model. */
    public Map<String, List<Value>> dimensions(View v) throws SQLException {
        Map<String, List<Value>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : reader.dimensionValues().entrySet()) {
            Dimension d = Dimension.ofParameter(e.getKey());
            out.put(e.getKey(), e.getValue().stream().map(value -> new Value(value, name(d, value), parent(d, value))).toList());
        }
        return out;
    }

    static String name(Dimension d, String value) {
        return switch (d) {
            case SECTION, DIVISION -> IndustryTaxonomy.find(value).map(IndustryTaxonomy.Entry::nameZh).orElse(value);
            case PROVINCE, PREFECTURE -> REGIONS.find(value).map(RegionDirectory.Region::name).orElse(value);
            case RISK_GROUP -> RiskSectorGroup.defaults().stream().filter(g -> g.code().equals(value)).findFirst()
                    .map(RiskSectorGroup::nameZh).orElse(value);
            default -> value;
        };
    }

    static String parent(Dimension d, String value) {
        return switch (d) {
            case DIVISION -> IndustryTaxonomy.find(value).map(IndustryTaxonomy.Entry::parent).orElse(null);
            case PREFECTURE -> REGIONS.find(value).flatMap(RegionDirectory.Region::parent).orElse(null);
            default -> null;
        };
    }

    /** The segment's loans at the month end, largest outstanding first, a page of them. */
    public Answer loans(View v, LocalDate monthEnd, int limit, int offset) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoanAtMonthEnd l : reader.loans(v.scope(), monthEnd, limit, offset)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("loanId", l.loanId());
            row.put("product", l.product());
            row.put("channel", l.channel());
            row.put("disbursed", l.disbursed().toString());
            row.put("principal", yuan(l.principal()));
            row.put("section", l.section());
            row.put("division", l.division());
            row.put("province", l.province());
            row.put("prefecture", l.prefecture());
            row.put("size", l.size());
            row.put("dpd", l.dpd());
            row.put("bucket", Bucket.ofCode(l.bucket()).label());
            row.put("grade", Portfolio.gradeName(FiveTierGrade.ofCode(l.grade())));
            row.put("balance", yuan(l.outstanding()));
            row.put("overduePrincipal", yuan(l.overduePrincipal()));
            rows.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", YearMonth.from(monthEnd).toString());
        summary.put("loans", reader.loanCount(v.scope(), monthEnd));
        summary.put("offset", offset);
        summary.put("limit", limit);
        return Portfolio.answer(v, "loans", Map.of("order", "outstanding principal at the month end, largest first",
                "balance", "outstanding principal at the month end"), summary, rows);
    }
}
