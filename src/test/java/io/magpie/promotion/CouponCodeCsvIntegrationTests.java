package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.tenant.TestTenants;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** External codes in, any batch out: all-or-nothing imports with row errors, streamed exports. */
@MagpieIntegrationTest
class CouponCodeCsvIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CouponCodeCsv csv;

    @Autowired
    CouponCodes codes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsExternalCodesUpperCasedAndFindsThemWithoutACheckCharacter() {
        long tenant = TestTenants.create(context).id();

        var imported = csv.importCodes(
                tenant,
                "partner",
                new StringReader("code,note\npartner-0001,x\n\"PARTNER-0002\",y\n\npartner-0003\n"),
                "t");

        assertThat(imported.count()).isEqualTo(3);
        assertThat(codes.find(tenant, "partner-0002").orElseThrow().code()).isEqualTo("PARTNER-0002");
        assertThat(codes.find(tenant, "PARTNER-0004")).isEmpty();
        assertThat(codesOf(tenant)).isEqualTo(3);
    }

    @Test
    void aBadRowWritesNothingAndNamesTheRow() {
        long tenant = TestTenants.create(context).id();

        assertThatThrownBy(() -> csv.importCodes(
                        tenant,
                        "bad",
                        new StringReader("code\nGOOD-0001\nno spaces allowed\nGOOD-0002\ngood-0001\n"),
                        "t"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("invalid_rows");
                    assertThat(e.fieldProblems())
                            .extracting(FieldProblem::field, FieldProblem::code)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("rows[3].code", "invalid_code"),
                                    org.assertj.core.groups.Tuple.tuple("rows[5].code", "duplicate"));
                });
        assertThat(codesOf(tenant)).isZero();
        assertThat(batchesOf(tenant)).isZero();
    }

    @Test
    void aCodeTheTenantAlreadyHoldsRollsTheWholeImportBack() {
        long tenant = TestTenants.create(context).id();
        csv.importCodes(tenant, "first", new StringReader("TAKEN-01\n"), "t");

        assertThatThrownBy(() -> csv.importCodes(tenant, "second", new StringReader("NEW-01\ntaken-01\nNEW-02\n"), "t"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("rows[2].code", "already_exists")));
        assertThat(codesOf(tenant)).isEqualTo(1);
        assertThat(batchesOf(tenant)).isEqualTo(1);
    }

    @Test
    void exportStreamsTheBatchAsCsvAndOnlyForItsTenant() {
        long tenant = TestTenants.create(context).id();
        long other = TestTenants.create(context).id();
        var imported = csv.importCodes(tenant, "exp", new StringReader("EXP-01\nEXP-02\n"), "t");

        StringWriter out = new StringWriter();
        csv.export(tenant, imported.batchId(), out);

        assertThat(out.toString())
                .isEqualTo("code,state,customer_id,issued_at,redeemed_at\nEXP-01,AVAILABLE,,,\nEXP-02,AVAILABLE,,,\n");
        assertThatThrownBy(() -> csv.export(other, imported.batchId(), new StringWriter()))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void anEmptyFileIsRefused() {
        long tenant = TestTenants.create(context).id();

        assertThatThrownBy(() -> csv.importCodes(tenant, "empty", new StringReader("code\n\n"), "t"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("empty_import"));
        assertThat(batchesOf(tenant)).isZero();
    }

    long codesOf(long tenant) {
        return jdbc.sql("select count(*) from promotion_code where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    long batchesOf(long tenant) {
        return jdbc.sql("select count(*) from promotion_code_batch where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single();
    }
}
