package io.magpie.flashsale;

/** Why a reservation was refused, with the stable problem code the shop receives. */
public enum Refusal {
    SOLD_OUT("sold_out"),
    LIMIT_REACHED("limit_reached"),
    NOT_STARTED("not_started"),
    ENDED("ended"),
    RATE_LIMITED("rate_limited"),
    PURCHASE_TOKEN_REQUIRED("purchase_token_required"),
    PURCHASE_TOKEN_INVALID("purchase_token_invalid");

    private final String code;

    Refusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
