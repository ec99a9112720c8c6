package io.magpie.flashsale;

import io.magpie.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The problems a shop can receive from a reservation call. */
final class FlashSaleProblems {

    private FlashSaleProblems() {}

    static ProblemException refused(Refusal reason) {
        return switch (reason) {
            case SOLD_OUT -> ProblemException.conflict(reason.code(), "this item is sold out");
            case LIMIT_REACHED ->
                ProblemException.conflict(
                        reason.code(), "this customer already holds as many units as the sale allows");
            case NOT_STARTED -> ProblemException.conflict(reason.code(), "this flash sale has not started yet");
            case ENDED -> ProblemException.conflict(reason.code(), "this flash sale has ended");
            case RATE_LIMITED ->
                new ProblemException(
                        HttpStatus.TOO_MANY_REQUESTS, reason.code(), "too many reservation attempts; slow down");
            case PURCHASE_TOKEN_REQUIRED ->
                new ProblemException(
                        HttpStatus.FORBIDDEN,
                        reason.code(),
                        "this sale needs a purchase token: get one from POST /api/v1/flash-sales/{session}/purchase-tokens"
                                + " once it has started");
            case PURCHASE_TOKEN_INVALID ->
                new ProblemException(
                        HttpStatus.FORBIDDEN,
                        reason.code(),
                        "the purchase token is not valid for this sale and customer, or it has expired; get a new one");
        };
    }
}
