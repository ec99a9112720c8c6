package io.magpie.commerce;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Refunds units of a paid order; {@code refundId} makes it idempotent. */
record RefundCommand(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the merchant's refund id")
        String refundId,

        @Schema(description = "at most 500 characters") String reason,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 200 lines")
        List<RefundLineCommand> lines) {}
