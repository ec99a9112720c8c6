package io.magpie.commerce.web;

import io.magpie.platform.Job;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The report of a failed import as a CSV file ({@code row,column,message}), with a byte order mark
 * so that spreadsheet programs read it as UTF-8.
 */
@Controller
class ImportsErrorReport {

    private final ImportsPage page;

    ImportsErrorReport(ImportsPage page) {
        this.page = page;
    }

    @GetMapping("/imports/jobs/{id}/errors.csv")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Job job = page.find(id);
        StringBuilder csv = new StringBuilder("\uFEFFrow,column,message\r\n");
        for (Job.RowError e : job.errors()) {
            csv.append(e.row())
                    .append(',')
                    .append(field(e.field()))
                    .append(',')
                    .append(field(e.message()))
                    .append("\r\n");
        }
        if (job.errors().isEmpty() && job.message() != null && job.status() == Job.Status.FAILED) {
            csv.append(",,").append(field(job.message())).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("import-" + id + "-errors.csv")
                                .build()
                                .toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180 quoting; a leading formula character is defused so a spreadsheet shows it as text. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
