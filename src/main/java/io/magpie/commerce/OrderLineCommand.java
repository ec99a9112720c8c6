package io.magpie.commerce;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a posted order. */
record OrderLineCommand(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "unique within the order")
        String lineId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a SKU code of the tenant's catalog")
        String sku,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "10000")
        Long quantity,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "10000000000")
        Long unitPrice,

        @Schema(description = "line discount in minor units, at most quantity x unit_price", defaultValue = "0")
        Long discount) {}
