package dev.loanwatch.tagging.service;

import dev.loanwatch.contracts.events.v1.BorrowerType;
import dev.loanwatch.contracts.tagging.v1.TagRequest;
import dev.loanwatch.domain.IndustryCode;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.RegionCode;
import dev.loanwatch.domain.RegionDirectory;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.text.Text;
import dev.loanwatch.tagging.config.TaggingConfig;
import dev.loanwatch.tagging.model.BorrowerFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what callers ask of the service directly (gRPC {@code Tag}, {@code ClassifyIndustry}) and
 * names every bad field. Stricter than the loan book's events on purpose: a caller asking now can fix
 * an unknown code, while a stored borrower with a stale code must still be tagged (its code is then
 * INVALID and the text decides).
 */
@ApplicationScoped
public class TagRequests {
    private final int maxScopeChars;

    public TagRequests(TaggingConfig config) {
        this.maxScopeChars = config.maxScopeChars();
    }

    public int maxScopeChars() {
        return maxScopeChars;
    }

    /** @throws RejectedException INVALID naming each bad field (proto field names) */
    public BorrowerFacts facts(TagRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String id = r.getBorrowerId();
        Text.idProblem(id).ifPresent(p -> errors.add(new FieldError("borrower_id", p)));
        if (r.getType() != BorrowerType.ENTERPRISE && r.getType() != BorrowerType.INDIVIDUAL) {
            errors.add(new FieldError("type", "must be ENTERPRISE or INDIVIDUAL"));
        }
        if (!r.getRegionCode().isEmpty()) {
            RegionCode.problem(r.getRegionCode()).ifPresentOrElse(
                    p -> errors.add(new FieldError("region_code", p)),
                    () -> {
                        if (RegionDirectory.standard().find(r.getRegionCode()).isEmpty()) {
                            errors.add(new FieldError("region_code", r.getRegionCode() + " is not in the GB/T 2260 directory"));
                        }
                    });
        }
        if (!r.getIndustryCode().isEmpty()) {
            IndustryCode.problem(r.getIndustryCode()).ifPresentOrElse(
                    p -> errors.add(new FieldError("industry_code", p)),
                    () -> {
                        if (IndustryTaxonomy.find(r.getIndustryCode()).isEmpty()) {
                            errors.add(new FieldError("industry_code", r.getIndustryCode()
                                    + " is not a GB/T 4754-2017 code; leave it empty to infer the industry from business_scope"));
                        }
                    });
        }
        scope(r.getBusinessScope(), "business_scope").ifPresent(errors::add);
        if (r.hasEmployees() && r.getEmployees() < 0) {
            errors.add(new FieldError("employees", "must not be negative"));
        }
        if (r.hasAnnualRevenueFen() && r.getAnnualRevenueFen() < 0) {
            errors.add(new FieldError("annual_revenue_fen", "must not be negative"));
        }
        if (r.hasTotalAssetsFen() && r.getTotalAssetsFen() < 0) {
            errors.add(new FieldError("total_assets_fen", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw RejectedException.invalid(errors);
        }
        return new BorrowerFacts(id, 0, r.getType(), r.getRegionCode().isEmpty() ? null : r.getRegionCode(),
                r.getIndustryCode().isEmpty() ? null : r.getIndustryCode(),
                r.getBusinessScope().isEmpty() ? null : r.getBusinessScope(),
                r.hasEmployees() ? r.getEmployees() : null,
                r.hasAnnualRevenueFen() ? r.getAnnualRevenueFen() : null,
                r.hasTotalAssetsFen() ? r.getTotalAssetsFen() : null);
    }

    /** @throws RejectedException INVALID naming {@code field} when {@code id} is not a record id */
    public static String id(String id, String field) {
        Text.idProblem(id).ifPresent(p -> {
            throw RejectedException.invalid(field, p);
        });
        return id;
    }

    /** @throws RejectedException INVALID naming {@code field} when {@code value} is not a UUID */
    public static java.util.UUID uuid(String value, String field) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RejectedException.invalid(field, "is not a UUID");
        }
    }

    /** How many ranked industries a caller may ask for: 1 to 10. */
    public static int maxCandidates(int max, String field) {
        if (max < 1 || max > 10) {
            throw RejectedException.invalid(field, "must be 1 to 10");
        }
        return max;
    }

    /** A person's text (a reason, a name): required, at most {@code max} characters, no control characters. */
    public static java.util.Optional<FieldError> words(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.of(new FieldError(field, "is required"));
        }
        if (text.length() > max) {
            return java.util.Optional.of(new FieldError(field, "at most " + max + " characters"));
        }
        return Text.problem(text).map(p -> new FieldError(field, p));
    }

    /** A business scope's problem: too long, or characters no text may hold (NUL, controls, broken surrogates). */
    public java.util.Optional<FieldError> scope(String text, String field) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        if (text.length() > maxScopeChars) {
            return java.util.Optional.of(new FieldError(field, "at most " + maxScopeChars + " characters, got " + text.length()));
        }
        return Text.problem(text).map(p -> new FieldError(field, p));
    }
}
