package io.magpie.commerce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.magpie.commerce.CommerceImports;
import io.magpie.platform.Job;
import io.magpie.platform.Jobs;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The imports page over HTTP: roles, the htmx fragment, tenant scoping and the error report. */
@MagpieIntegrationTest
class ImportsPageIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    CommerceImports imports;

    @Autowired
    Jobs jobs;

    MockMvc mvc;
    long tenant;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        tenant = TestTenants.create(context).id();
    }

    private MockHttpSession login(long tenantId, String role) throws Exception {
        String username = TestTenants.user(context, tenantId, "a-long-test-password", role);
        MvcResult result = mvc.perform(formLogin("/login").user(username).password("a-long-test-password"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private Job finished(long tenantId, long id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jobs.find(tenantId, id).orElseThrow().finished());
        return jobs.find(tenantId, id).orElseThrow();
    }

    @Test
    void anOperatorUploadsAndIsSentToTheJob() throws Exception {
        MockHttpSession session = login(tenant, "OPERATOR");
        var file = new MockMultipartFile(
                "file", "c.csv", "text/csv", "external_id\nc1\n".getBytes(StandardCharsets.UTF_8));

        MvcResult result = mvc.perform(multipart("/imports")
                        .file(file)
                        .param("kind", "customers")
                        .session(session)
                        .with(csrf()))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/jobs/");
        long id = Long.parseLong(location.substring("/imports/jobs/".length()));
        assertThat(finished(tenant, id).status()).isEqualTo(Job.Status.SUCCEEDED);
        String page = mvc.perform(get(location).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<html").contains("id=\"import-job\"").contains("id=\"import-jobs\"");
    }

    @Test
    void storeStaffMayLookButNotImport() throws Exception {
        MockHttpSession session = login(tenant, "STORE_STAFF");
        var file = new MockMultipartFile(
                "file", "c.csv", "text/csv", "external_id\nc1\n".getBytes(StandardCharsets.UTF_8));

        var upload = mvc.perform(multipart("/imports")
                        .file(file)
                        .param("kind", "customers")
                        .session(session)
                        .with(csrf()))
                .andReturn();

        assertThat(upload.getResponse().getStatus()).isEqualTo(403);
        var page = mvc.perform(get("/imports").session(session)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).doesNotContain("id=\"import-form\"");
        assertThat(jobs.recent(tenant, 10, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void theHtmxRequestGetsOnlyTheJobPanelWhichStopsPollingWhenFinished() throws Exception {
        MockHttpSession session = login(tenant, "OWNER");
        long id = imports.start(
                tenant, "customers", "test", "external_id,phone\nc1,12\nc2,x\n".getBytes(StandardCharsets.UTF_8));
        finished(tenant, id);

        String fragment = mvc.perform(
                        get("/imports/jobs/" + id).header("HX-Request", "true").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fragment).doesNotContain("<html").startsWith("<div").contains("data-status=\"FAILED\"");
        assertThat(fragment)
                .doesNotContain("every 1s")
                .contains("id=\"import-errors\"")
                .contains("hx-select=\"#import-jobs\"");
        assertThat(fragment).contains("<td>1</td>").contains("<td>2</td>");
    }

    @Test
    void aRunningJobPanelPolls() throws Exception {
        MockHttpSession session = login(tenant, "OWNER");
        var release = new java.util.concurrent.CountDownLatch(1);
        long id = jobs.submit(tenant, CommerceImports.JOB_KIND_PREFIX + "products", "test", p -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            String fragment = mvc.perform(get("/imports/jobs/" + id)
                            .header("HX-Request", "true")
                            .session(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(fragment).contains("hx-trigger=\"every 1s\"").contains("hx-get=\"/imports/jobs/" + id + "\"");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theErrorReportIsACsvFileOfTheTenantsOwnJob() throws Exception {
        MockHttpSession session = login(tenant, "ANALYST");
        long id = imports.start(
                tenant,
                "customers",
                "test",
                "external_id,email\n=cmd,x\nc2,ok@example.com\n".getBytes(StandardCharsets.UTF_8));
        finished(tenant, id);

        var report = mvc.perform(get("/imports/jobs/" + id + "/errors.csv").session(session))
                .andReturn()
                .getResponse();

        assertThat(report.getStatus()).isEqualTo(200);
        assertThat(report.getContentType()).startsWith("text/csv");
        assertThat(report.getHeader("Content-Disposition")).contains("import-" + id + "-errors.csv");
        String csv = report.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFFrow,column,message\r\n")
                .contains("1,external_id,")
                .contains("1,email,");

        MockHttpSession stranger = login(TestTenants.create(context).id(), "OWNER");
        assertThat(mvc.perform(get("/imports/jobs/" + id).session(stranger))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/imports/jobs/" + id + "/errors.csv").session(stranger))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        long other = jobs.submit(tenant, "coupons.generate", "test", p -> {});
        assertThat(mvc.perform(get("/imports/jobs/" + other).session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void reportFieldsAreQuotedAndFormulasDefused() {
        assertThat(ImportsErrorReport.field("plain")).isEqualTo("plain");
        assertThat(ImportsErrorReport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(ImportsErrorReport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ImportsErrorReport.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ImportsErrorReport.field(null)).isEmpty();
        assertThat(List.of(ImportsErrorReport.field("x\ny"))).containsExactly("\"x\ny\"");
    }
}
