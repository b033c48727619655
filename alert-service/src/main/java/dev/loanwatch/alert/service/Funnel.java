package dev.loanwatch.alert.service;

import static dev.loanwatch.alert.model.Figures.rate;
import static dev.loanwatch.alert.model.Figures.yuan;
import static dev.loanwatch.alert.service.Portfolio.answer;

import dev.loanwatch.alert.model.Answer;
import dev.loanwatch.alert.repository.FunnelQueries;
import dev.loanwatch.alert.repository.FunnelQueries.By;
import dev.loanwatch.alert.repository.FunnelQueries.Group;
import dev.loanwatch.alert.service.ReadModel.View;
import dev.loanwatch.domain.ApprovalFunnel;
import dev.loanwatch.domain.Ratio;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The approval funnel (贷前): counts and the domain core's ratios, by month or by product, channel, reason, grade or rule. */
@ApplicationScoped
public class Funnel {
    private final FunnelQueries queries;

    public Funnel(FunnelQueries queries) {
        this.queries = queries;
    }

    /**
     * @param from first application month (null: the first with applications)
     * @param to   last application month (null: the last)
     */
    public Answer funnel(View v, LocalDate from, LocalDate to, By by) throws SQLException {
        LocalDate[] span = queries.span(v.c());
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        List<Group> groups = span == null ? List.of()
                : queries.groups(v.c(), v.segment(), from == null ? span[0] : from, to == null ? span[1] : to, by);
        for (Group g : groups) {
            total += g.counts().get(by == By.REJECT_REASON ? "rejected" : "applications");
        }
        for (Group g : groups) {
            if (by == By.REJECT_REASON && g.key().isEmpty()) {
                continue; // applications that were not rejected have no reason
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(by.name().toLowerCase(Locale.ROOT).replace("_", ""), g.key().isEmpty() ? "(none)" : g.key());
            g.counts().forEach(row::put);
            row.put("amountApplied", yuan(g.amountFen()));
            ApprovalFunnel f = funnel(g.counts());
            row.put("approvalRateOfApplications", rate(f.approvalRateOfApplications()));
            row.put("approvalRateOfDecided", rate(f.approvalRateOfDecided()));
            row.put("disbursementRate", rate(f.disbursementRate()));
            row.put("reviewedDisbursementRate", rate(f.reviewedDisbursementRate()));
            row.put("deviationRate", rate(f.deviationRate()));
            row.put("machineApprovalRate", rate(f.machineApprovalRate()));
            row.put("ruleHitRate", rate(f.ruleHitRate()));
            row.put("modelRejectRate", rate(f.modelRejectRate()));
            row.put("manualApprovalRate", rate(f.manualApprovalRate()));
            row.put("share", rate(Ratio.of(by == By.REJECT_REASON ? g.counts().get("rejected") : g.counts().get("applications"), total)));
            rows.add(row);
        }
        return answer(v, "funnel", Map.of(
                "month", "applications are counted in the month they came in (a cohort), whenever they were decided",
                "approvalRateOfApplications", "核准率 (the catalogue's first formula): approved / applications",
                "approvalRateOfDecided", "核准率 (its second, printed upside down there): approved / (approved + rejected)",
                "disbursementRate", "拨贷率: applications that led to a loan / approved; reviewedDisbursementRate (核拨率): "
                        + "led to a loan / reviewed (approved + rejected)",
                "deviationRate", "违例核准率: approved against policy / (approved + rejected)",
                "machine", "machineApprovalRate (机审通过率): approved without a person / decided without a person; ruleHitRate "
                        + "(规则命中率): applications hitting a rule / applications; modelRejectRate (模型拒绝率): rejected by the "
                        + "model / scored; manualApprovalRate (人工通过率): approved by a person / sent to a person",
                "share", by == By.REJECT_REASON ? "rejected for this reason / rejected" : "applications of the row / all"),
                Map.of(), rows);
    }

    static ApprovalFunnel funnel(Map<String, Long> c) {
        return new ApprovalFunnel(c.get("applications"), c.get("approved"), c.get("rejected"), c.get("disbursed"),
                c.get("approved") + c.get("rejected"), c.get("deviationApproved"), c.get("machineDecided"),
                c.get("machineApproved"), c.get("ruleHits"), c.get("scored"), c.get("modelRejected"), c.get("sentToPerson"),
                c.get("personApproved"));
    }
}
