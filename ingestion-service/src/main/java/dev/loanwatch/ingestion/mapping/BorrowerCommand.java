package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.domain.RegionCode;
import dev.loanwatch.domain.ResidentIdNumber;
import dev.loanwatch.domain.UnifiedSocialCreditCode;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/** A borrower as a lender sends it (REST body, CSV/NDJSON row, Kafka value). */
public record BorrowerCommand(String id, BorrowerType type, String name, String identityNumber, String regionCode,
                              String industryCode, String businessScope, Integer employees,
                              BigDecimal annualRevenue, BigDecimal totalAssets) {

    public enum BorrowerType { INDIVIDUAL, ENTERPRISE }

    public static final Set<String> FIELDS = Set.of("id", "type", "name", "identityNumber", "regionCode",
            "industryCode", "businessScope", "employees", "annualRevenue", "totalAssets");

    // GB/T 4754-2017: section letter, optionally followed by a 2-digit division, 3-digit group or 4-digit class
    private static final Pattern INDUSTRY = Pattern.compile("[A-T](\\d{2}|\\d{3}|\\d{4})?");

    public static BorrowerCommand parse(JsonNode node) {
        return parse(node, null);
    }

    /** @param pathId the id from the URL (PUT), which the body may repeat but not contradict */
    public static BorrowerCommand parse(JsonNode node, String pathId) {
        Fields f = Fields.of(node, FIELDS);
        String id = f.id("id", pathId == null);
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                f.error("id", "does not match the id in the path");
            }
            id = pathId;
        }
        BorrowerType type = f.enumValue("type", BorrowerType.class, true);
        String name = f.text("name", true, 200);
        String identity = f.code("identityNumber", true, 18);
        if (identity != null && type != null) {
            var problem = type == BorrowerType.ENTERPRISE
                    ? UnifiedSocialCreditCode.problem(identity)
                    : ResidentIdNumber.problem(identity);
            problem.ifPresent(p -> f.error("identityNumber", p));
        }
        String region = f.code("regionCode", true, 6);
        if (region != null) {
            RegionCode.problem(region).ifPresent(p -> f.error("regionCode", p));
        }
        String industry = f.code("industryCode", false, 5);
        if (industry != null) {
            if (!INDUSTRY.matcher(industry).matches()) {
                f.error("industryCode", "must be a GB/T 4754-2017 code: a section letter A–T and up to 4 digits");
            }
        }
        String scope = f.text("businessScope", false, 4000);
        Integer employees = f.integer("employees", false, 0, 10_000_000);
        BigDecimal revenue = f.optionalMoney("annualRevenue");
        BigDecimal assets = f.optionalMoney("totalAssets");
        f.check();
        return new BorrowerCommand(id, type, name, identity, region, industry, scope, employees, revenue, assets);
    }

    /** What "the same content" means for idempotency. */
    public String contentHash() {
        return ContentHash.sha256(String.join("\u001f", id, type.name(), name, identityNumber, regionCode,
                String.valueOf(industryCode), String.valueOf(businessScope), String.valueOf(employees),
                String.valueOf(annualRevenue), String.valueOf(totalAssets)));
    }

    /** Shows only the first 4 and last 4 characters: enough for a person to recognise, not to use. */
    public String identityMasked() {
        int n = identityNumber.length();
        return identityNumber.substring(0, 4) + "*".repeat(Math.max(0, n - 8)) + identityNumber.substring(n - 4);
    }
}
