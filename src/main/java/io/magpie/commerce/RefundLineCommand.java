package io.magpie.commerce;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The units of one line to refund: either a quantity (lowest unrefunded units first) or unit indexes. */
record RefundLineCommand(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String lineId,

        @Schema(description = "how many units; or give units")
        Long quantity,

        @Schema(description = "0-based unit indexes; or give quantity")
        List<Long> units) {}
