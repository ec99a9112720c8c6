package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.platform.Job;
import io.magpie.platform.Jobs;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Batches of codes: generated in the background, unique per tenant, valid, found case-insensitively. */
@MagpieIntegrationTest
class CouponCodeBatchesIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(CouponCodeBatchesIntegrationTests.class);

    @Autowired
    ApplicationContext context;

    @Autowired
    CouponCodeBatches batches;

    @Autowired
    CouponCodes codes;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyThousandCodesAreUniqueValidAndTheJobReachesOneHundredPercent() throws Exception {
        long tenant = TestTenants.create(context).id();

        long started = System.nanoTime();
        var batch = batches.generate(tenant, "Black Friday", "BF-****-****", 20_000, "test");
        Job job = await(tenant, batch.jobId());
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("MEASURE generated and persisted 20,000 codes in {} ms", millis);

        assertThat(job.status()).as(job.message()).isEqualTo(Job.Status.SUCCEEDED);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.processed()).isEqualTo(20_000);
        assertThat(batches.status(tenant, batch.batchId())).isEqualTo("READY");
        List<String> stored = codesOf(tenant, batch.batchId());
        assertThat(stored).hasSize(20_000).doesNotHaveDuplicates();
        assertThat(stored).allSatisfy(code -> {
            assertThat(code).matches("BF-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{5}");
            assertThat(CodeCheck.isValid(code)).as(code).isTrue();
        });
    }

    @Test
    void codesThatAlreadyExistAreSkippedAndRedrawn() throws Exception {
        long tenant = TestTenants.create(context).id();
        var first = batches.generate(tenant, "first", "C-******", 1_000, "test", new CodeGenerator(new Random(5)));
        assertThat(await(tenant, first.jobId()).status()).isEqualTo(Job.Status.SUCCEEDED);

        // the same seed draws the first batch's 1,000 codes again before any new one
        var second = batches.generate(tenant, "second", "C-******", 3_000, "test", new CodeGenerator(new Random(5)));
        Job job = await(tenant, second.jobId());

        assertThat(job.status()).as(job.message()).isEqualTo(Job.Status.SUCCEEDED);
        assertThat(codesOf(tenant, first.batchId())).hasSize(1_000);
        List<String> secondCodes = codesOf(tenant, second.batchId());
        assertThat(secondCodes).hasSize(3_000).doesNotContainAnyElementsOf(codesOf(tenant, first.batchId()));
    }

    @Test
    void otherTenantsMayHoldTheSameCodes() throws Exception {
        long a = TestTenants.create(context).id();
        long b = TestTenants.create(context).id();
        var inA = batches.generate(a, "a", "T-******", 500, "test", new CodeGenerator(new Random(6)));
        var inB = batches.generate(b, "b", "T-******", 500, "test", new CodeGenerator(new Random(6)));
        await(a, inA.jobId());
        await(b, inB.jobId());

        assertThat(codesOf(a, inA.batchId())).containsExactlyInAnyOrderElementsOf(codesOf(b, inB.batchId()));
        String code = codesOf(a, inA.batchId()).get(0);
        assertThat(codes.find(a, code).orElseThrow().batchId()).isEqualTo(inA.batchId());
        assertThat(codes.find(b, code).orElseThrow().batchId()).isEqualTo(inB.batchId());
    }

    @Test
    void lookupIgnoresCaseAndRejectsTypos() throws Exception {
        long tenant = TestTenants.create(context).id();
        var batch = batches.generate(tenant, "lookup", "look-####-????", 100, "test");
        await(tenant, batch.jobId());
        String code = codesOf(tenant, batch.batchId()).get(0);

        var found = codes.find(tenant, "  " + code.toLowerCase() + " ");
        assertThat(found).isPresent();
        assertThat(found.get().code()).isEqualTo(code);
        assertThat(found.get().state()).isEqualTo(CouponCodeState.AVAILABLE);
        char last = code.charAt(code.length() - 1);
        String typo = code.substring(0, code.length() - 1) + (last == 'Z' ? 'Y' : 'Z');
        assertThat(codes.find(tenant, typo)).isEmpty();
        assertThat(codes.find(tenant, "")).isEmpty();
    }

    @Test
    void aPatternTooSmallForTheCountIsRefusedBeforeAnythingIsWritten() {
        long tenant = TestTenants.create(context).id();

        assertThatThrownBy(() -> batches.generate(tenant, "tiny", "X-###", 100, "test"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("pattern_space_too_small"));
        assertThat(jdbc.sql("select count(*) from promotion_code_batch where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void earlierBatchesOfThePatternCountAgainstItsSpace() throws Exception {
        long tenant = TestTenants.create(context).id();
        // Q-###? holds 8^3 × 23 = 11,776 codes: room for 117
        var first = batches.generate(tenant, "first", "Q-###?", 100, "test");
        await(tenant, first.jobId());

        assertThatThrownBy(() -> batches.generate(tenant, "second", "q-###?", 18, "test"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("pattern_space_too_small"));
        var second = batches.generate(tenant, "second", "Q-###?", 17, "test");
        assertThat(await(tenant, second.jobId()).status()).isEqualTo(Job.Status.SUCCEEDED);
    }

    @Test
    void aMissingNameOrAnImpossibleCountIsRefused() {
        long tenant = TestTenants.create(context).id();

        assertThatThrownBy(() -> batches.generate(tenant, " ", "X-********", 10, "test"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(ProblemException.FieldProblem::field)
                                .containsExactly("name"));
        assertThatThrownBy(() -> batches.generate(tenant, "zero", "X-********", 0, "test"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(ProblemException.FieldProblem::field)
                                .containsExactly("count"));
        assertThat(jdbc.sql("select count(*) from promotion_code_batch where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    List<String> codesOf(long tenant, long batchId) {
        return jdbc.sql("select code from promotion_code where tenant_id = ? and batch_id = ?")
                .params(tenant, batchId)
                .query(String.class)
                .list();
    }

    Job await(long tenant, long jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Job job = jobs.find(tenant, jobId).orElseThrow();
            if (job.status() == Job.Status.SUCCEEDED || job.status() == Job.Status.FAILED) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }
}
