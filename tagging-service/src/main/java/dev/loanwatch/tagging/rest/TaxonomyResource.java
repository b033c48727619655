package dev.loanwatch.tagging.rest;

import dev.loanwatch.domain.EnterpriseSize;
import dev.loanwatch.domain.IndustryCode;
import dev.loanwatch.domain.IndustryTaxonomy;
import dev.loanwatch.domain.RegionCode;
import dev.loanwatch.domain.RegionDirectory;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reference data, browsable: GB/T 4754-2017 (by level, by parent, by name) and GB/T 2260. */
@Path("/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "taxonomy", description = "GB/T 4754-2017 industries and GB/T 2260 regions")
public class TaxonomyResource {

    public record IndustryEntry(String code, String level, String parent, String nameZh) {
        static IndustryEntry of(IndustryTaxonomy.Entry e) {
            return new IndustryEntry(e.code(), e.level().name(), e.parent(), e.nameZh());
        }
    }

    public record IndustryDetail(IndustryEntry entry, List<IndustryEntry> ancestors, List<IndustryEntry> children) {
    }

    public record RegionEntry(String code, String level, String name) {
    }

    public record RegionDetail(String code, boolean known, RegionEntry province, RegionEntry prefecture, RegionEntry county) {
    }

    @GET
    @Path("/industries")
    @Operation(summary = "Industries of one level (SECTION, DIVISION, GROUP, CLASS), optionally under a parent code")
    public List<IndustryEntry> industries(@QueryParam("level") @DefaultValue("SECTION") String level,
                                          @QueryParam("parent") String parent) {
        IndustryTaxonomy.Level l = Arrays.stream(IndustryTaxonomy.Level.values()).filter(v -> v.name().equals(level)).findFirst()
                .orElseThrow(() -> RejectedException.invalid("level", "must be one of " + Arrays.toString(IndustryTaxonomy.Level.values())));
        if (parent != null && !parent.isEmpty()) {
            IndustryTaxonomy.Entry p = entry(parent, "parent");
            return IndustryTaxonomy.all(l).stream()
                    .filter(e -> IndustryTaxonomy.ancestors(e).stream().anyMatch(a -> a.code().equals(p.code())))
                    .map(IndustryEntry::of).toList();
        }
        return IndustryTaxonomy.all(l).stream().map(IndustryEntry::of).toList();
    }

    @GET
    @Path("/industries/{code}")
    @Operation(summary = "One industry with its ancestors and children (any spelling: C3311, 3311, C33, 33, C)")
    public IndustryDetail industry(@PathParam("code") String code) {
        IndustryTaxonomy.Entry e = entry(code, "code");
        return new IndustryDetail(IndustryEntry.of(e), IndustryTaxonomy.ancestors(e).stream().map(IndustryEntry::of).toList(),
                IndustryTaxonomy.children(e).stream().map(IndustryEntry::of).toList());
    }

    @GET
    @Path("/industries/search")
    @Operation(summary = "Industries whose Chinese name contains the text: exact names first, then names starting with it")
    public List<IndustryEntry> search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (q == null || q.isBlank() || q.length() > 50) {
            throw RejectedException.invalid("q", "1-50 characters of a name, e.g. 餐饮");
        }
        if (limit < 1 || limit > 200) {
            throw RejectedException.invalid("limit", "must be 1 to 200");
        }
        return IndustryTaxonomy.search(q.strip(), limit).stream().map(IndustryEntry::of).toList();
    }

    @GET
    @Path("/regions/{code}")
    @Operation(summary = "A GB/T 2260 code with the names of its province, prefecture and county")
    public RegionDetail region(@PathParam("code") String code) {
        RegionCode.problem(code).ifPresent(p -> {
            throw RejectedException.invalid("code", p);
        });
        RegionDirectory directory = RegionDirectory.standard();
        RegionDirectory.Resolution r = directory.resolve(code);
        boolean known = directory.find(code).isPresent();
        if (!known) {
            throw new RejectedException(Rejection.notFound("code", code + " is not in the GB/T 2260 directory"));
        }
        return new RegionDetail(code, known, region(r.province()), r.prefecture().map(TaxonomyResource::region).orElse(null),
                r.county().map(TaxonomyResource::region).orElse(null));
    }

    @GET
    @Path("/sizes")
    @Operation(summary = "The enterprise size classes of the SME standard (工信部联企业〔2011〕300号)")
    public List<String> sizes() {
        return Arrays.stream(EnterpriseSize.Size.values()).map(Enum::name).toList();
    }

    private static RegionEntry region(RegionDirectory.Region r) {
        return new RegionEntry(r.code(), r.level().name(), r.name());
    }

    private static IndustryTaxonomy.Entry entry(String code, String field) {
        IndustryCode.problem(code).ifPresent(p -> {
            throw RejectedException.invalid(field, p);
        });
        return IndustryTaxonomy.find(code).orElseThrow(() -> new RejectedException(
                Rejection.notFound(field, code + " is not a GB/T 4754-2017 code")));
    }
}
